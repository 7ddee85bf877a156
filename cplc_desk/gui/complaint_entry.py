"""The boxes of the complaint form, in the order a volunteer fills them, and their checks.

Each box says what is wrong with it when the cursor leaves it (once something was typed there),
in the domain's words; :meth:`ComplaintEntry.problems` gives every problem at once for Save.
Enter moves to the next box, as Tab does; the narrative keeps Enter for new lines.

The dialog around it hears of edits through plain callbacks, not signals: they fire on every
key press (see :mod:`complaint_jobs` on PySide 6.12's ``emit``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from cplc_desk.domain.clock import PKT, now_utc, to_local
from cplc_desk.domain.records import ComplaintDraft, DraftErrors, PersonDraft, validate_complaint
from cplc_desk.gui.complaint_fields import (
    DateEdit,
    FieldBox,
    SearchableCombo,
    parse_date_text,
    parse_time_text,
)
from cplc_desk.gui.typography import emphasise
from cplc_desk.services import reference
from cplc_desk.services.context import DeskContext

# Form order; the first of these with a problem gets the cursor on Save.
FIELDS = (
    "complainant_name",
    "complainant_relative_name",
    "complainant_cnic",
    "complainant_mobile",
    "complainant_address",
    "category",
    "incident_at",
    "incident_place",
    "police_station",
    "fir_number",
    "narrative",
)
# Problems with text the form reads itself, shown in the box of the field they belong with.
SHOWN_IN = {"incident_time": "incident_at", "fir_date": "fir_number"}
CONTACT_FIELDS = ("complainant_cnic", "complainant_mobile")
# Values that are filled in by default and so do not count as typed.
DEFAULTED = ("police_station", "incident_date")


def _owned(box_name: str) -> list[str]:
    return [box_name, *[k for k, v in SHOWN_IN.items() if v == box_name]]


def _nothing() -> None:
    pass


class ComplaintEntry(QWidget):
    """``on_edit`` runs after every change the volunteer makes (not while loading a draft);
    ``on_contact_left`` when the cursor leaves the CNIC or mobile box."""

    def __init__(self, ctx: DeskContext, note_slot: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_edit: Callable[[], None] = _nothing
        self.on_contact_edit: Callable[[], None] = _nothing
        self.on_contact_left: Callable[[], None] = _nothing
        self._loading = False
        self._touched: set[str] = set()
        self._build_fields()
        self._build_layout(note_slot)
        self._connect()

    # ------------------------------------------------------------------ building

    def _build_fields(self) -> None:
        self.name_edit = QLineEdit()
        self.relative_edit = QLineEdit()
        self.cnic_edit = QLineEdit()
        self.cnic_edit.setPlaceholderText(self.tr("12345-1234567-1"))
        self.mobile_edit = QLineEdit()
        self.mobile_edit.setPlaceholderText(self.tr("0300-1234567"))
        self.address_edit = QLineEdit()
        categories = [(c.code, c.name) for c in reference.complaint_categories(self.ctx)]
        self.category_combo = SearchableCombo(
            categories, self.tr("Type part of the name, e.g. snatching")
        )
        self.date_edit = DateEdit()
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("e.g. 21:30, if known"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Street, area or landmark"))
        stations = [(st.code, st.name) for st in reference.stations(self.ctx)]
        self.station_combo = SearchableCombo(stations, self.tr("Type part of the station's name"))
        self.fir_edit = QLineEdit()
        self.fir_edit.setPlaceholderText(self.tr("e.g. 123/2026, if lodged"))
        self.fir_date_edit = QLineEdit()
        self.fir_date_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.narrative_edit = QPlainTextEdit()
        self.narrative_edit.setTabChangesFocus(True)
        self.narrative_edit.setPlaceholderText(
            self.tr("What happened, in the citizen's words: who, what, where, when.")
        )
        self.narrative_edit.setMinimumHeight(self.narrative_edit.fontMetrics().lineSpacing() * 6)
        self.line_edits = (
            self.name_edit,
            self.relative_edit,
            self.cnic_edit,
            self.mobile_edit,
            self.address_edit,
            self.time_edit,
            self.place_edit,
            self.fir_edit,
            self.fir_date_edit,
        )

        incident_row = _pair(self.date_edit, QLabel(self.tr("&Time:")), self.time_edit)
        fir_row = _pair(self.fir_edit, QLabel(self.tr("FIR &date:")), self.fir_date_edit)
        self.boxes: dict[str, FieldBox] = {
            "complainant_name": FieldBox(self.name_edit),
            "complainant_relative_name": FieldBox(self.relative_edit),
            "complainant_cnic": FieldBox(self.cnic_edit),
            "complainant_mobile": FieldBox(self.mobile_edit),
            "complainant_address": FieldBox(self.address_edit),
            "category": FieldBox(self.category_combo),
            "incident_at": FieldBox(incident_row),
            "incident_place": FieldBox(self.place_edit),
            "police_station": FieldBox(self.station_combo),
            "fir_number": FieldBox(fir_row),
            "narrative": FieldBox(self.narrative_edit),
        }
        self.boxes["incident_at"].setFocusProxy(self.date_edit)
        self.boxes["fir_number"].setFocusProxy(self.fir_edit)
        # The widget each field's problem sends the cursor to, in Tab order.
        self.focus_targets: dict[str, QWidget] = {
            "complainant_name": self.name_edit,
            "complainant_relative_name": self.relative_edit,
            "complainant_cnic": self.cnic_edit,
            "complainant_mobile": self.mobile_edit,
            "complainant_address": self.address_edit,
            "category": self.category_combo,
            "incident_at": self.date_edit,
            "incident_time": self.time_edit,
            "incident_place": self.place_edit,
            "police_station": self.station_combo,
            "fir_number": self.fir_edit,
            "fir_date": self.fir_date_edit,
            "narrative": self.narrative_edit,
        }
        self._field_of: dict[QObject, str] = {w: n for n, w in self.focus_targets.items()}

    def _build_layout(self, note_slot: QWidget) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        def heading(text: str) -> QLabel:
            label = emphasise(QLabel(text), 1.15)
            label.setContentsMargins(0, 8, 0, 2)
            return label

        def add(text: str, name: str) -> None:
            label = QLabel(text)
            label.setBuddy(self.focus_targets[name])
            form.addRow(label, self.boxes[name])

        form.addRow(heading(self.tr("Complainant")))
        add(self.tr("&Name: *"), "complainant_name")
        add(self.tr("Father's / &husband's name:"), "complainant_relative_name")
        add(self.tr("&CNIC:"), "complainant_cnic")
        add(self.tr("&Mobile:"), "complainant_mobile")
        form.addRow("", note_slot)  # the earlier complaints of this CNIC or mobile
        add(self.tr("&Address:"), "complainant_address")
        form.addRow(heading(self.tr("The complaint")))
        add(self.tr("&Kind of complaint: *"), "category")
        add(self.tr("&Incident date:"), "incident_at")
        add(self.tr("&Place:"), "incident_place")
        add(self.tr("Police &station: *"), "police_station")
        add(self.tr("FIR n&umber:"), "fir_number")
        add(self.tr("&What happened: *"), "narrative")

    def tab_chain(self) -> list[QWidget]:
        return list(dict.fromkeys(self.focus_targets.values()))

    def _connect(self) -> None:
        for before, after in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(before, after)
        for edit in self.line_edits:
            edit.textChanged.connect(self._on_edited)
        self.category_combo.editTextChanged.connect(self._on_edited)
        self.station_combo.editTextChanged.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_edited)
        self.narrative_edit.textChanged.connect(self._on_edited)
        for widget in self._field_of:
            widget.installEventFilter(self)

    # ------------------------------------------------------------------ values

    def reset(self) -> None:
        """Empty every box and put in the defaults: this desk's station, today's date."""
        self._loading = True
        try:
            for edit in self.line_edits:
                edit.clear()
            self.narrative_edit.clear()
            self.category_combo.set_code("")
            identity = self.ctx.identity()
            self.station_combo.set_code(identity.code if identity and identity.is_station else "")
            today = to_local(now_utc()).date()
            self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
            self.date_edit.setDate(QDate(today.year, today.month, today.day))
        finally:
            self._loading = False
        for box in self.boxes.values():
            box.show_error(None)
        self._touched.clear()
        self.name_edit.setFocus()

    def data(self) -> dict[str, str]:
        """The values as typed: what a draft keeps."""
        incident = self.date_edit.date()
        return {
            "name": self.name_edit.text(),
            "relative_name": self.relative_edit.text(),
            "cnic": self.cnic_edit.text(),
            "mobile": self.mobile_edit.text(),
            "address": self.address_edit.text(),
            "category": self.category_combo.code() or self.category_combo.currentText(),
            "incident_date": date(incident.year(), incident.month(), incident.day()).isoformat(),
            "incident_time": self.time_edit.text(),
            "incident_place": self.place_edit.text(),
            "police_station": self.station_combo.code() or self.station_combo.currentText(),
            "fir_number": self.fir_edit.text(),
            "fir_date": self.fir_date_edit.text(),
            "narrative": self.narrative_edit.toPlainText(),
        }

    def load(self, data: dict[str, Any]) -> None:
        """Fill the boxes from a draft (unknown or missing keys leave a box as it is)."""

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        keys = (
            *("name", "relative_name", "cnic", "mobile", "address"),
            *("incident_time", "incident_place", "fir_number", "fir_date"),
        )
        self._loading = True
        try:
            for key, edit in zip(keys, self.line_edits, strict=True):
                if (value := text(key)) is not None:
                    edit.setText(value)
            if (value := text("narrative")) is not None:
                self.narrative_edit.setPlainText(value)
            if (value := text("category")) is not None:
                self.category_combo.set_code(value)
            if (value := text("police_station")) is not None:
                self.station_combo.set_code(value)
            if (value := text("incident_date")) is not None:
                try:
                    day = date.fromisoformat(value)
                except ValueError:
                    pass
                else:
                    self.date_edit.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._loading = False

    def has_content(self) -> bool:
        """Whether anything was typed (the defaults do not count)."""
        return any(v.strip() for k, v in self.data().items() if k not in DEFAULTED)

    def draft(self) -> tuple[ComplaintDraft, dict[str, str]]:
        """The domain's draft, and the problems with text the form reads itself."""
        problems: dict[str, str] = {}
        qdate = self.date_edit.date()
        try:
            at_time = parse_time_text(self.time_edit.text()) or time(0, 0)
        except ValueError as exc:
            problems["incident_time"] = str(exc)
            at_time = time(0, 0)
        # Without a time the incident is kept at the start of its day (Pakistan time); the
        # complaint's window then shows the date alone.
        incident_at = datetime.combine(
            date(qdate.year(), qdate.month(), qdate.day()), at_time, tzinfo=PKT
        )
        try:
            fir_date = parse_date_text(self.fir_date_edit.text())
        except ValueError as exc:
            problems["fir_date"] = str(exc)
            fir_date = None
        if self.category_combo.has_text() and not self.category_combo.code():
            problems["category"] = self.tr("Choose a kind of complaint from the list.")
        if self.station_combo.has_text() and not self.station_combo.code():
            problems["police_station"] = self.tr("Choose a police station from the list.")
        draft = ComplaintDraft(
            complainant=PersonDraft(
                name=self.name_edit.text(),
                relative_name=self.relative_edit.text(),
                cnic=self.cnic_edit.text(),
                mobile=self.mobile_edit.text(),
                address=self.address_edit.text(),
            ),
            category=self.category_combo.code(),
            police_station=self.station_combo.code(),
            incident_at=incident_at,
            incident_place=self.place_edit.text(),
            fir_number=self.fir_edit.text(),
            fir_date=fir_date,
            narrative=self.narrative_edit.toPlainText(),
        )
        return draft, problems

    def problems(self) -> dict[str, str]:
        """Every field's problem, by field name: the form's own, then the domain's."""
        draft, problems = self.draft()
        try:
            validate_complaint(draft, now_utc())
        except DraftErrors as exc:
            for name, message in exc.by_field().items():
                problems.setdefault(name, message)
        return problems

    def show_problems(self, problems: dict[str, str], only: set[str] | None = None) -> None:
        """Show each box's problem (the first, for a box holding two fields)."""
        for box_name, box in self.boxes.items():
            owned = _owned(box_name)
            if only is None or only.intersection(owned):
                box.show_error(next((problems[k] for k in owned if k in problems), None))

    def first_problem(self, problems: dict[str, str]) -> str | None:
        order = [name for field in FIELDS for name in _owned(field)]
        return next((name for name in order if name in problems), None)

    def focus_field(self, name: str) -> None:
        self.focus_targets[name].setFocus(Qt.FocusReason.OtherFocusReason)

    def box_of(self, name: str) -> FieldBox:
        return self.boxes[SHOWN_IN.get(name, name)]

    # ------------------------------------------------------------------ reacting

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = self._field_of.get(watched)
        if name is not None:
            if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut:
                # A completion list or another window taking focus is not leaving the box.
                if event.reason() not in (
                    Qt.FocusReason.PopupFocusReason,
                    Qt.FocusReason.ActiveWindowFocusReason,
                ):
                    self._on_left(name)
            elif isinstance(event, QKeyEvent) and _moves_on(watched, event):
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    def _on_left(self, name: str) -> None:
        box_name = SHOWN_IN.get(name, name)
        if name in self._touched or self.boxes[box_name].error():
            self.show_problems(self.problems(), {box_name})
        if name in CONTACT_FIELDS:
            self.on_contact_left()

    def _on_edited(self) -> None:
        if self._loading:
            return
        sender = self.sender()
        name = self._field_of.get(sender) if sender is not None else None
        if name is not None:
            self._touched.add(name)
            box_name = SHOWN_IN.get(name, name)
            if self.boxes[box_name].error():
                # A message goes as soon as it is fixed; new ones wait until the box is left.
                problems = self.problems()
                if not any(k in problems for k in _owned(box_name)):
                    self.boxes[box_name].show_error(None)
            if name in CONTACT_FIELDS:
                self.on_contact_edit()
        self.on_edit()


def _moves_on(watched: QObject, event: QKeyEvent) -> bool:
    # Enter in a one-line box goes to the next box, as in the office forms volunteers know;
    # Ctrl+Enter saves. The narrative keeps Enter for new lines.
    return (
        event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        and not isinstance(watched, QPlainTextEdit)
    )


def _pair(first: QWidget, label: QLabel, second: QWidget) -> QWidget:
    """Two boxes on one row, the second with its own label."""
    label.setBuddy(second)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, 2)
    layout.addSpacing(12)
    layout.addWidget(label)
    layout.addWidget(second, 1)
    return row
