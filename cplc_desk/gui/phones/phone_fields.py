"""The phone report form's fields: what happened, the handset and its IMEIs, when and where, and
the owner, in two columns filled top to bottom with the keyboard (Enter moves on).

Each box says what is wrong with it as the volunteer leaves it, in the domain's words. An IMEI
whose check digit fails is one digit mistyped: the dialog around the fields (``PhoneFormDialog``)
then looks for the reports this desk holds one digit from it and offers their numbers
(``offer_near``), so the volunteer picks the one on the handset's box instead of guessing.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.enums import PhoneReportKind
from cplc_desk.domain.phones import PhoneReportDraft, validate_phone_report
from cplc_desk.gui.phones.phone_near import NearNumbers
from cplc_desk.gui.shell.language import day_month_year, left_to_right
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.field_parts import FieldBox
from cplc_desk.gui.widgets.form_fields import FormFields, PersonEdits
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones.phones import RECOVERY_KINDS, PhoneSummary

FIELDS = (
    "kind",
    "imei",
    "imei2",
    "imei_note",
    "make",
    "colour",
    "incident_at",
    "incident_place",
    "police_station",
    "fir_number",
    "owner_name",
    "owner_relative_name",
    "owner_cnic",
    "owner_mobile",
    "owner_address",
)
_SHOWN_IN = {
    "model": "make",
    "sim_number": "colour",
    "incident_time": "incident_at",
    "fir_date": "fir_number",
}
# What a draft keeps of the line edits, in the order of ``_line_edits``.
_DRAFT_TEXTS = (
    "imei", "imei2", "imei_note", "make", "model", "colour", "sim_number", "incident_time",
    "incident_place", "fir_number", "fir_date", "owner_name", "owner_relative_name",
    "owner_cnic", "owner_mobile", "owner_address",
)  # fmt: skip


class PhoneFields(FormFields):
    # An IMEI box was left holding a number whose check digit fails: (field, the 15 digits).
    imei_mistyped = Signal(str, str)

    FIELDS = FIELDS
    SHOWN_IN = _SHOWN_IN

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._default_kind = ""
        self._build_fields()
        self._build_layout()
        self._connect()

    def _build_fields(self) -> None:
        self.kind_combo = QComboBox()
        for kind in PhoneReportKind:
            self.kind_combo.addItem(names.phone_report_kind(kind.value), kind.value)
        self.kind_combo.setPlaceholderText(self.tr("Choose what happened"))
        self.imei_edit = QLineEdit()
        self.imei_edit.setPlaceholderText(self.tr("15 digits: dial *#06#, or see the box"))
        self.imei2_edit = QLineEdit()
        self.imei2_edit.setPlaceholderText(self.tr("Dual-SIM phones have a second IMEI"))
        self.altered_check = QCheckBox(self.tr("IMEI suspected &altered (re-programmed)"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            self.tr("Why: e.g. the IMEI on the phone differs from the box")
        )
        self.make_edit = QLineEdit()
        self.make_edit.setPlaceholderText(self.tr("e.g. Samsung"))
        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(self.tr("e.g. Galaxy A12"))
        self.colour_edit = QLineEdit()
        self.sim_edit = QLineEdit()
        self.sim_edit.setPlaceholderText(self.tr("0300-1234567"))
        for edit in (self.imei_edit, self.imei2_edit, self.sim_edit):
            left_to_right(edit)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        day_month_year(self.date_edit)
        self._build_incident_fields(self.tr("day/month/year"))
        self.owner = PersonEdits(self)
        edits = self.owner.edits
        self.owner_name_edit, self.owner_relative_edit, self.owner_cnic_edit = edits[:3]
        self.owner_mobile_edit, self.owner_address_edit = edits[3:]
        self.near = {"imei": NearNumbers(), "imei2": NearNumbers()}

        self.boxes: dict[str, FieldBox] = {
            "kind": FieldBox(self.kind_combo),
            "imei": FieldBox(self._stacked(self.imei_edit, self.near["imei"])),
            "imei2": FieldBox(self._stacked(self.imei2_edit, self.near["imei2"])),
            "imei_note": FieldBox(self._stacked(self.altered_check, self.note_edit)),
            "make": FieldBox(self._row(self.make_edit, QLabel(self.tr("Mode&l:")), self.model_edit)),
            "colour": FieldBox(
                self._row(self.colour_edit, QLabel(self.tr("SIM in &use:")), self.sim_edit)
            ),
            "incident_at": FieldBox(
                self._row(self.date_edit, QLabel(self.tr("&Time:")), self.time_edit)
            ),
            "incident_place": FieldBox(self.place_edit),
            "police_station": FieldBox(self.station_combo),
            "fir_number": FieldBox(
                self._row(self.fir_edit, QLabel(self.tr("FIR &date:")), self.fir_date_edit)
            ),
            "owner_name": FieldBox(self.owner_name_edit),
            "owner_relative_name": FieldBox(self.owner_relative_edit),
            "owner_cnic": FieldBox(self.owner_cnic_edit),
            "owner_mobile": FieldBox(self.owner_mobile_edit),
            "owner_address": FieldBox(self.owner_address_edit),
        }  # fmt: skip
        self.focus_targets: dict[str, QWidget] = {
            "kind": self.kind_combo,
            "imei": self.imei_edit,
            "imei2": self.imei2_edit,
            "imei_note": self.note_edit,
            "make": self.make_edit,
            "model": self.model_edit,
            "colour": self.colour_edit,
            "sim_number": self.sim_edit,
            **self._incident_targets(),
            "owner_name": self.owner_name_edit,
            "owner_relative_name": self.owner_relative_edit,
            "owner_cnic": self.owner_cnic_edit,
            "owner_mobile": self.owner_mobile_edit,
            "owner_address": self.owner_address_edit,
        }
        for name in ("imei", "imei2", "make", "colour", "incident_at", "fir_number"):
            self.boxes[name].setFocusProxy(self.focus_targets[name])
        self._index_fields()

    @staticmethod
    def _stacked(first: QWidget, second: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(first)
        layout.addWidget(second)
        return holder

    def _row(self, first: QWidget, label: QLabel, second: QWidget) -> QWidget:
        return self._pair_row(first, label, second, (3, 2))

    def _build_layout(self) -> None:
        def form() -> QFormLayout:
            layout = self._form_layout()
            layout.setVerticalSpacing(self.fontMetrics().lineSpacing() // 2)
            return layout

        add = self._add_row
        handset = form()
        handset.addRow(self._heading(self.tr("The handset"), 4))
        add(handset, self.tr("&What happened: *"), "kind")
        add(handset, self.tr("&IMEI: *"), "imei")
        add(handset, self.tr("S&econd IMEI:"), "imei2")
        add(handset, self.tr("IMEI &note:"), "imei_note")
        add(handset, self.tr("&Make:"), "make")
        add(handset, self.tr("Colo&ur:"), "colour")

        self.incident_heading = self._heading("", 4)
        incident = form()
        incident.addRow(self.incident_heading)
        add(incident, self.tr("D&ate:"), "incident_at")
        add(incident, self.tr("&Place:"), "incident_place")
        add(incident, self.tr("Police stat&ion: *"), "police_station")
        add(incident, self.tr("&FIR number:"), "fir_number")

        self.owner_heading = self._heading("", 4)
        owner = form()
        owner.addRow(self.owner_heading)
        add(owner, self.tr("&Owner's name:"), "owner_name")
        add(owner, self.tr("Father's / &husband's name:"), "owner_relative_name")
        add(owner, self.tr("Owner's C&NIC:"), "owner_cnic")
        add(owner, self.tr("Owner's mo&bile:"), "owner_mobile")
        add(owner, self.tr("Owner's addre&ss:"), "owner_address")

        left = QVBoxLayout()
        left.addLayout(handset)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(incident)
        right.addSpacing(8)
        right.addLayout(owner)
        right.addStretch(1)
        columns = QHBoxLayout(self)
        columns.setSpacing(24)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        chain = [
            self.kind_combo, self.imei_edit, self.imei2_edit, self.altered_check, self.note_edit,
            self.make_edit, self.model_edit, self.colour_edit, self.sim_edit, self.date_edit,
            self.time_edit, self.place_edit, self.station_combo, self.fir_edit,
            self.fir_date_edit, self.owner_name_edit, self.owner_relative_edit,
            self.owner_cnic_edit, self.owner_mobile_edit, self.owner_address_edit,
        ]  # fmt: skip
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.last_field: QWidget = chain[-1]

    def _connect(self) -> None:
        for widget in self._field_of:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._on_edited)
            widget.installEventFilter(self)
        self.kind_combo.currentIndexChanged.connect(self._on_edited)
        self.kind_combo.currentIndexChanged.connect(lambda _=0: self._update_headings())
        self.station_combo.editTextChanged.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_edited)
        self.altered_check.toggled.connect(self._on_altered)
        for name, near in self.near.items():
            near.chosen.connect(lambda number, n=name: self._use_number(n, number))

    def _update_headings(self) -> None:
        incident = {
            PhoneReportKind.STOLEN.value: self.tr("When and where it was stolen"),
            PhoneReportKind.SNATCHED.value: self.tr("When and where it was snatched"),
            PhoneReportKind.RECOVERED.value: self.tr("When and where it was recovered"),
            PhoneReportKind.FOUND.value: self.tr("When and where it was found"),
        }.get(self.kind(), self.tr("When and where"))
        self.incident_heading.setText(incident)
        self.owner_heading.setText(
            self.tr("Owner (if known)") if self.is_recovery() else self.tr("Owner")
        )

    def _on_altered(self, altered: bool) -> None:
        self.note_edit.setEnabled(altered)
        if not self._loading:
            self._touched.update(("imei", "imei2"))
            self.show_problems(self.problems(), {"imei", "imei2", "imei_note"})

    def _use_number(self, name: str, number: str) -> None:
        edit = self.imei_edit if name == "imei" else self.imei2_edit
        edit.setText(number)
        self.near[name].clear()
        self.show_problems(self.problems(), {name})
        edit.setFocus()

    def offer_near(self, name: str, typed: str, reports: Sequence[PhoneSummary]) -> None:
        """Show the reports one digit from ``typed`` under the box of ``name`` (if it still
        holds that number)."""
        edit = self.imei_edit if name == "imei" else self.imei2_edit
        if imeis.normalize(edit.text()) == typed:
            self.near[name].show_reports(typed, reports)

    # ------------------------------------------------------------------ values

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def is_recovery(self) -> bool:
        return self.kind() in RECOVERY_KINDS

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.imei_edit, self.imei2_edit, self.note_edit, self.make_edit, self.model_edit,
            self.colour_edit, self.sim_edit, self.time_edit, self.place_edit, self.fir_edit,
            self.fir_date_edit, *self.owner.edits,
        ]  # fmt: skip

    def reset(self, kind: str = "") -> None:
        """Empty the form and put in the defaults: this desk's station, today's date."""
        self._default_kind = kind
        self._loading = True
        try:
            for edit in self._line_edits():
                edit.clear()
            self.altered_check.setChecked(False)
            self.note_edit.setEnabled(False)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind) if kind else -1)
            self._reset_station_and_date()
        finally:
            self._loading = False
        for near in self.near.values():
            near.clear()
        self._clear_problems()
        self._update_headings()
        (self.imei_edit if kind else self.kind_combo).setFocus()

    def has_content(self) -> bool:
        """Whether anything was typed or chosen (the defaults do not count)."""
        return (
            any(edit.text().strip() for edit in self._line_edits())
            or self.kind() != self._default_kind
            or self.altered_check.isChecked()
        )

    def draft(self) -> tuple[PhoneReportDraft, dict[str, str]]:
        problems: dict[str, str] = {}
        incident_at, fir_date = self._read_incident(problems)
        draft = PhoneReportDraft(
            kind=self.kind(),
            imei=self.imei_edit.text(),
            imei2=self.imei2_edit.text(),
            imei_altered=self.altered_check.isChecked(),
            imei_note=self.note_edit.text() if self.altered_check.isChecked() else "",
            make=self.make_edit.text(),
            model=self.model_edit.text(),
            colour=self.colour_edit.text(),
            sim_number=self.sim_edit.text(),
            owner=self.owner.draft(),
            incident_at=incident_at,
            incident_place=self.place_edit.text(),
            police_station=self.station_combo.code(),
            fir_number=self.fir_edit.text(),
            fir_date=fir_date,
        )
        return draft, problems

    def _validate(self, draft: PhoneReportDraft, now: datetime) -> None:
        validate_phone_report(draft, now)

    # ------------------------------------------------------------------ drafts

    def data(self) -> dict[str, Any]:
        """What was typed, for a draft kept against a crash or power cut."""
        incident = self.date_edit.date()
        values: dict[str, Any] = {
            key: edit.text() for key, edit in zip(_DRAFT_TEXTS, self._line_edits(), strict=True)
        }
        values.update(
            kind=self.kind(),
            imei_altered=self.altered_check.isChecked(),
            police_station=self.station_combo.code() or self.station_combo.currentText(),
            incident_date=date(incident.year(), incident.month(), incident.day()).isoformat(),
        )
        return values

    def load(self, data: dict[str, Any]) -> None:
        """Fill the boxes from a draft (unknown or missing keys leave a box as it is)."""
        self._loading = True
        try:
            for key, edit in zip(_DRAFT_TEXTS, self._line_edits(), strict=True):
                if isinstance(value := data.get(key), str):
                    edit.setText(value)
            if isinstance(kind := data.get("kind"), str) and kind:
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
            altered = bool(data.get("imei_altered"))
            self.altered_check.setChecked(altered)
            self.note_edit.setEnabled(altered)
            if isinstance(station := data.get("police_station"), str):
                self.station_combo.set_code(station)
            if isinstance(day_text := data.get("incident_date"), str):
                try:
                    day = date.fromisoformat(day_text)
                except ValueError:
                    pass
                else:
                    self.date_edit.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._loading = False
        self._update_headings()

    # ------------------------------------------------------------------ reacting

    def _after_left(self, name: str) -> None:
        if name not in ("imei", "imei2") or self.altered_check.isChecked():
            return
        error = self.boxes[name].error()
        edit = self.imei_edit if name == "imei" else self.imei2_edit
        digits = imeis.normalize(edit.text())
        if error and len(digits) == imeis.LENGTH and digits.isascii() and digits.isdigit():
            self.imei_mistyped.emit(name, digits)

    def _after_edit(self, name: str | None) -> None:
        if name in ("imei", "imei2"):
            self.near[name].clear()
