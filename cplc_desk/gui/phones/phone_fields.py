"""The phone report form's fields: what happened, the handset and its IMEIs, when and where, and
the owner, in two columns filled top to bottom with the keyboard (Enter moves on).

Each box says what is wrong with it as the volunteer leaves it, in the domain's words. An IMEI
whose check digit fails is one digit mistyped: the dialog around the fields (``PhoneFormDialog``)
then looks for the reports this desk holds one digit from it and offers their numbers
(``offer_near``), so the volunteer picks the one on the handset's box instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.phones import PhoneReportDraft, validate_phone_report
from cplc_desk.gui.phones.phone_near import NearNumbers
from cplc_desk.gui.shell.language import left_to_right
from cplc_desk.gui.widgets.field_parts import FieldBox
from cplc_desk.gui.widgets.report_fields import INCIDENT_AND_OWNER, INCIDENT_SHOWN_IN, ReportFields
from cplc_desk.gui.widgets.report_kinds import PHONE_REPORTS
from cplc_desk.services.phones.phones import PhoneSummary

FIELDS = (
    "kind",
    "imei",
    "imei2",
    "imei_note",
    "make",
    "colour",
    *INCIDENT_AND_OWNER,
)
_SHOWN_IN = {
    "model": "make",
    "sim_number": "colour",
    **INCIDENT_SHOWN_IN,
}


class PhoneFields(ReportFields):
    # An IMEI box was left holding a number whose check digit fails: (field, the 15 digits).
    imei_mistyped = Signal(str, str)

    FIELDS = FIELDS
    validate_draft = staticmethod(validate_phone_report)
    SHOWN_IN = _SHOWN_IN
    REPORTS = PHONE_REPORTS

    def _build_fields(self) -> None:
        self._build_kind_combo()
        self.imei_edit = QLineEdit()
        self.imei_edit.setPlaceholderText(self.tr("15 digits: dial *#06#, or see the box"))
        self.imei2_edit = QLineEdit()
        self.imei2_edit.setPlaceholderText(self.tr("Dual-SIM phones have a second IMEI"))
        self.altered_check = QCheckBox(self.tr("IMEI suspected &altered (re-programmed)"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            self.tr("Why: e.g. the IMEI on the phone differs from the box")
        )
        self._build_shared_boxes(self.tr("e.g. Samsung"), self.tr("e.g. Galaxy A12"))
        self.sim_edit = QLineEdit()
        self.sim_edit.setPlaceholderText(self.tr("0300-1234567"))
        for edit in (self.imei_edit, self.imei2_edit, self.sim_edit):
            left_to_right(edit)
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
            **self._incident_and_owner_boxes(
                QLabel(self.tr("&Time:")), QLabel(self.tr("FIR &date:"))
            ),
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
            **self._incident_and_owner_targets(),
        }
        self._proxy_focus(("imei", "imei2", "make", "colour", "incident_at", "fir_number"))

    @staticmethod
    def _stacked(first: QWidget, second: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(first)
        layout.addWidget(second)
        return holder

    def _thing_section(self) -> tuple[str, list[tuple[str, str]]]:
        return self.tr("The handset"), [
            (self.tr("&IMEI: *"), "imei"),
            (self.tr("S&econd IMEI:"), "imei2"),
            (self.tr("IMEI &note:"), "imei_note"),
        ]

    def _thing_chain(self) -> list[QWidget]:
        return [
            self.kind_combo, self.imei_edit, self.imei2_edit, self.altered_check, self.note_edit,
            self.make_edit, self.model_edit, self.colour_edit, self.sim_edit,
        ]  # fmt: skip

    def _connect(self) -> None:
        super()._connect()
        self.altered_check.toggled.connect(self._on_altered)
        for name, near in self.near.items():
            near.chosen.connect(lambda number, n=name: self._use_number(n, number))

    def _on_altered(self, altered: bool) -> None:
        self.note_edit.setEnabled(altered)
        if not self._loading:
            self._touched.update(("imei", "imei2"))
            self.show_problems(self.problems(), {"imei", "imei2", "imei_note"})
            self.edited.emit()

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

    def _reset_own(self) -> None:
        self.altered_check.setChecked(False)
        self.note_edit.setEnabled(False)

    def _after_reset(self) -> None:
        for near in self.near.values():
            near.clear()

    def _first_box(self, kind: str) -> QWidget:
        return self.imei_edit if kind else self.kind_combo

    def _has_own_content(self) -> bool:
        return self.altered_check.isChecked()

    def draft(self) -> tuple[PhoneReportDraft, dict[str, str]]:
        problems: dict[str, str] = {}
        draft = PhoneReportDraft(
            kind=self.kind(),
            imei=self.imei_edit.text(),
            imei2=self.imei2_edit.text(),
            imei_altered=self.altered_check.isChecked(),
            imei_note=self.note_edit.text() if self.altered_check.isChecked() else "",
            sim_number=self.sim_edit.text(),
            **self._report_values(problems),
        )
        return draft, problems

    # ------------------------------------------------------------------ drafts

    def _own_choices(self) -> dict[str, Any]:
        return {"imei_altered": self.altered_check.isChecked()}

    def _load_own_choices(self, data: dict[str, Any]) -> None:
        altered = bool(data.get("imei_altered"))
        self.altered_check.setChecked(altered)
        self.note_edit.setEnabled(altered)

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
