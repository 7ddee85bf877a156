"""What the complaint and vehicle report forms' boxes share: each box checked as it is left.

A ``FormFields`` widget holds its fields in ``FieldBox`` es (a box may hold two fields on one
row, shown in the first's box: ``SHOWN_IN``), says what is wrong with a box when the cursor
leaves it (once something was typed there), in the domain's words, and clears a message as soon
as it is fixed; Enter moves to the next box, as Tab does. Both forms ask for the same incident
boxes (date and time, place, police station, FIR number and date) and the same person's boxes
(name, father's or husband's name, CNIC, mobile, address); they are built and read here.

A subclass builds its boxes, says in which order they come (``FIELDS``) and how a draft is
checked (``validate_draft``), and may react after a box is left or edited (``_after_left``,
``_after_edit``).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from cplc_desk.domain.clock import PKT, now_utc, to_local
from cplc_desk.domain.records import DraftErrors, PersonDraft
from cplc_desk.gui.shell.language import left_to_right
from cplc_desk.gui.widgets.field_parts import (
    FieldBox,
    SearchableCombo,
    parse_date_text,
    parse_time_text,
)
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext


class PersonEdits:
    """A person's boxes: name, father's or husband's name, CNIC, mobile and address."""

    # The draft's fields, in form order.
    FIELDS = ("name", "relative_name", "cnic", "mobile", "address")

    def __init__(self, context: QWidget) -> None:
        self.name = QLineEdit()
        self.relative = QLineEdit()
        self.cnic = QLineEdit()
        self.cnic.setPlaceholderText(context.tr("12345-1234567-1"))
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText(context.tr("0300-1234567"))
        self.address = QLineEdit()
        # Digits and dashes read left to right in an Urdu window too.
        left_to_right(self.cnic)
        left_to_right(self.mobile)
        # In form order.
        self.edits = (self.name, self.relative, self.cnic, self.mobile, self.address)

    def targets(self, role: str) -> dict[str, QWidget]:
        """The boxes by the form's field names (``role``: "owner" gives "owner_cnic" ...)."""
        return {
            f"{role}_{field}": edit for field, edit in zip(self.FIELDS, self.edits, strict=True)
        }

    def draft(self) -> PersonDraft:
        return PersonDraft(
            name=self.name.text(),
            relative_name=self.relative.text(),
            cnic=self.cnic.text(),
            mobile=self.mobile.text(),
            address=self.address.text(),
        )


class FormFields(QWidget):
    # Messages were shown or cleared (the window may grow to show them; a banner that asked for
    # the boxes marked in red to be corrected goes once none is).
    problems_shown = Signal()
    # The volunteer changed a value (not a reset or a draft being filled in): a form keeping a
    # draft saves it once typing pauses.
    edited = Signal()

    # The boxes in form order; the first with a problem gets the cursor on Save.
    FIELDS: ClassVar[tuple[str, ...]] = ()
    # Fields sharing a row with another, shown in that row's box.
    SHOWN_IN: ClassVar[dict[str, str]] = {}

    boxes: dict[str, FieldBox]
    # The widget each field name's problem sends the cursor to.
    focus_targets: dict[str, QWidget]
    date_edit: QDateEdit

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._touched: set[str] = set()
        # Which field a widget belongs to, for checking it as the cursor leaves.
        self._field_of: dict[QObject, str] = {}

    # ------------------------------------------------------------------ building

    @staticmethod
    def _pair_row(
        first: QWidget, label: QLabel, second: QWidget, stretch: tuple[int, int]
    ) -> QWidget:
        """Two boxes on one row, the second with its own label; ``stretch`` shares the width."""
        label.setBuddy(second)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first, stretch[0])
        layout.addSpacing(12)
        layout.addWidget(label)
        layout.addWidget(second, stretch[1])
        return row

    @staticmethod
    def _heading(text: str, space_above: int) -> QLabel:
        """The heading of a group of boxes."""
        label = emphasise(QLabel(text), 1.15)
        label.setContentsMargins(0, space_above, 0, 2)
        return label

    @staticmethod
    def _form_layout(parent: QWidget | None = None) -> QFormLayout:
        """Labels beside their boxes, the boxes as wide as there is room."""
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _build_incident_fields(self, fir_date_hint: str) -> None:
        """The boxes after the incident's date: its time and place, the police station, and
        the FIR's number and date (``fir_date_hint``: how the date is written)."""
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("e.g. 21:30, if known"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Street, area or landmark"))
        stations = [(st.code, st.name) for st in reference.stations(self.ctx)]
        self.station_combo = SearchableCombo(stations, self.tr("Type part of the station's name"))
        self.fir_edit = QLineEdit()
        self.fir_edit.setPlaceholderText(self.tr("e.g. 123/2026, if lodged"))
        self.fir_date_edit = QLineEdit()
        self.fir_date_edit.setPlaceholderText(fir_date_hint)
        for edit in (self.time_edit, self.fir_edit, self.fir_date_edit):
            left_to_right(edit)

    def _incident_targets(self) -> dict[str, QWidget]:
        """The incident's fields and the widgets their problems send the cursor to."""
        return {
            "incident_at": self.date_edit,
            "incident_time": self.time_edit,
            "incident_place": self.place_edit,
            "police_station": self.station_combo,
            "fir_number": self.fir_edit,
            "fir_date": self.fir_date_edit,
        }

    def _index_fields(self) -> None:
        """Note which field each widget in ``focus_targets`` belongs to."""
        self._field_of = {widget: name for name, widget in self.focus_targets.items()}

    def _add_row(self, form: QFormLayout, text: str, name: str) -> None:
        label = QLabel(text)
        label.setBuddy(self.focus_targets[name])
        form.addRow(label, self.boxes[name])

    # ------------------------------------------------------------------ values

    def _today(self) -> date:
        return to_local(now_utc()).date()

    def _reset_station_and_date(self) -> None:
        """This desk's station, today's date (no later day can be chosen)."""
        identity = self.ctx.identity()
        self.station_combo.set_code(identity.code if identity and identity.is_station else "")
        today = self._today()
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setDate(QDate(today.year, today.month, today.day))

    def _clear_problems(self) -> None:
        for box in self.boxes.values():
            box.show_error(None)
        self._touched.clear()
        self._problems_shown()

    def _read_incident(self, problems: dict[str, str]) -> tuple[datetime, date | None]:
        """When the incident happened and the FIR's date, adding to ``problems`` what cannot be
        read (and a police station typed but not chosen from the list)."""
        qdate = self.date_edit.date()
        try:
            at_time = parse_time_text(self.time_edit.text()) or time(0, 0)
        except ValueError as exc:
            problems["incident_time"] = str(exc)
            at_time = time(0, 0)
        # Without a time the incident is kept at the start of its day (Pakistan time); the
        # record's window then shows the date alone.
        incident_at = datetime.combine(
            date(qdate.year(), qdate.month(), qdate.day()), at_time, tzinfo=PKT
        )
        try:
            fir_date = parse_date_text(self.fir_date_edit.text())
        except ValueError as exc:
            problems["fir_date"] = str(exc)
            fir_date = None
        if self.station_combo.has_text() and not self.station_combo.code():
            problems["police_station"] = self.tr("Choose a police station from the list.")
        return incident_at, fir_date

    def _incident_draft(self, problems: dict[str, str]) -> dict[str, Any]:
        """The draft's incident values, by name (``problems``: what the form could not read)."""
        incident_at, fir_date = self._read_incident(problems)
        return {
            "incident_at": incident_at,
            "incident_place": self.place_edit.text(),
            "police_station": self.station_combo.code(),
            "fir_number": self.fir_edit.text(),
            "fir_date": fir_date,
        }

    def _incident_date_text(self) -> str:
        """The incident date box's day as a draft keeps it (ISO)."""
        day = self.date_edit.date()
        return date(day.year(), day.month(), day.day()).isoformat()

    def _load_incident_date(self, text: object) -> None:
        """Put a draft's incident date (ISO) in the date box; anything else leaves it."""
        if not isinstance(text, str):
            return
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def has_content(self) -> bool:
        """Whether anything was typed or chosen (the defaults do not count)."""
        raise NotImplementedError

    def draft(self) -> tuple[Any, dict[str, str]]:
        """The domain's draft, and the problems with text the form reads itself."""
        raise NotImplementedError

    @staticmethod
    def validate_draft(draft: Any, now: datetime) -> object:
        """The domain's check of a draft: raises DraftErrors for what is wrong with it."""
        raise NotImplementedError

    def problems(self) -> dict[str, str]:
        """Every field's problem, by field name: the form's own, then the domain's."""
        draft, problems = self.draft()
        try:
            self.validate_draft(draft, now_utc())
        except DraftErrors as exc:
            for name, message in exc.by_field().items():
                problems.setdefault(name, message)
        return problems

    # ------------------------------------------------------------------ problems

    def _owned(self, box_name: str) -> list[str]:
        """The fields shown in this box."""
        return [box_name, *[k for k, v in self.SHOWN_IN.items() if v == box_name]]

    def box_of(self, name: str) -> FieldBox:
        return self.boxes[self.SHOWN_IN.get(name, name)]

    def error_of(self, field: str) -> str:
        """The message shown in the box holding ``field`` ("" when none)."""
        return self.box_of(field).error()

    def show_problems(self, problems: dict[str, str], only: set[str] | None = None) -> None:
        """Show each box's problem (the first, for a box holding two fields); only ``only``."""
        for box_name, box in self.boxes.items():
            owned = self._owned(box_name)
            if only is None or only.intersection(owned):
                box.show_error(next((problems[k] for k in owned if k in problems), None))
        self._problems_shown()

    def _problems_shown(self) -> None:
        """Called after messages were shown or cleared."""
        self.problems_shown.emit()

    def any_problem_shown(self) -> bool:
        return any(box.error() for box in self.boxes.values())

    def first_problem(self, problems: dict[str, str]) -> str | None:
        order = [name for box in self.FIELDS for name in self._owned(box)]
        return next((name for name in order if name in problems), None)

    def focus_field(self, name: str) -> None:
        self.focus_targets[name].setFocus(Qt.FocusReason.OtherFocusReason)

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
        box_name = self.SHOWN_IN.get(name, name)
        if name in self._touched or self.boxes[box_name].error():
            self.show_problems(self.problems(), {box_name})
        self._after_left(name)

    def _after_left(self, name: str) -> None:
        """Called after the box of ``name`` was left and checked (a hook for subclasses)."""

    def _on_edited(self) -> None:
        if self._loading:
            return
        sender = self.sender()
        name = self._field_of.get(sender) if sender is not None else None
        if name is not None:
            self._touched.add(name)
            box_name = self.SHOWN_IN.get(name, name)
            if self.boxes[box_name].error():
                # A message goes as soon as it is fixed; new ones wait until the box is left.
                problems = self.problems()
                if not any(k in problems for k in self._owned(box_name)):
                    self.boxes[box_name].show_error(None)
                    self._problems_shown()
        self._after_edit(name)
        self.edited.emit()

    def _after_edit(self, name: str | None) -> None:
        """Called after every change the volunteer makes (``name``: the field, if known)."""


def _moves_on(watched: QObject, event: QKeyEvent) -> bool:
    # Enter in a one-line box goes to the next box, as in the office forms volunteers know;
    # Ctrl+Enter saves. A many-line box (a complaint's narrative) keeps Enter for new lines.
    return (
        event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        and not isinstance(watched, QPlainTextEdit)
    )
