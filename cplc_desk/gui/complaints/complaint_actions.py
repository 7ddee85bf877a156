"""What a volunteer can do to a complaint from its window: move it to one of the statuses the
workflow allows next, or add a follow-up note. Each box only gathers the input and shows the
problems; the complaint's dialog calls the services."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from cplc_desk.domain.workflow import NOTE_REQUIRED, OPEN_STATUSES
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.field_parts import DateEdit, FieldBox

FOLLOW_UP_AFTER_DAYS = 7  # the usual interval for checking back with the police station


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class NextFollowUpWidget(QWidget):
    """An optional date: a tick box, and the date it enables."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.date_edit = DateEdit()
        self.date_edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.date_edit.setEnabled)
        self.setFocusProxy(self.check)
        self.applies = True

    def reset(self, today: date) -> None:
        # Ticked by default: a complaint without a next date never shows up as overdue.
        self.date_edit.setMinimumDate(_qdate(today))
        self.date_edit.setDate(_qdate(today + timedelta(days=FOLLOW_UP_AFTER_DAYS)))
        self.check.setChecked(True)
        self.date_edit.setEnabled(True)

    def set_applies(self, applies: bool) -> None:
        """Whether a date means anything now (not when the complaint is being closed)."""
        self.applies = applies
        self.setEnabled(applies)

    def set_date(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.date_edit.setDate(_qdate(value))

    def value(self) -> date | None:
        if not self.applies or not self.check.isChecked():
            return None
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())


def _left(button: QPushButton) -> QWidget:
    """A button at its natural width at the start of its row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button)
    layout.addStretch(1)
    return row


def _note_edit(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class NoteActionBox(QWidget):
    """A note and a next follow-up date, with the button that asks the dialog to write them
    (``requested``). Once the complaint takes no more of this action, a line says why in place
    of the boxes (``_show_ended``)."""

    requested = Signal()

    def __init__(self, note_hint: str, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_edit = _note_edit(note_hint)
        self.note_box = FieldBox(self.note_edit)
        self.follow_up = NextFollowUpWidget(self.tr("Next follow-up on"))
        self.follow_up_box = FieldBox(self.follow_up)
        self.button = QPushButton(button_text)
        self.button.setAutoDefault(False)
        self.ended_label = QLabel()
        self.ended_label.setWordWrap(True)
        self.ended_label.hide()
        self._form = QFormLayout(self)
        self._form.addRow(self.ended_label)

    def _add_note_rows(self, note_label: QLabel) -> None:
        """The note, the follow-up date and the button, under the action's own rows."""
        note_label.setBuddy(self.note_edit)
        self._form.addRow(note_label, self.note_box)
        self._form.addRow("", self.follow_up_box)
        self._form.addRow("", _left(self.button))
        self.button.clicked.connect(self.requested)

    def _empty(self, today: date) -> None:
        self.note_edit.clear()
        self.follow_up.reset(today)
        self.clear_errors()

    def _show_ended(self, ended: bool, why: str) -> None:
        self.ended_label.setText(why)
        self.ended_label.setVisible(ended)
        for row in range(1, self._form.rowCount()):
            self._form.setRowVisible(row, not ended)

    def note(self) -> str:
        return self.note_edit.toPlainText()

    def clear_errors(self) -> None:
        raise NotImplementedError


class StatusChangeBox(NoteActionBox):
    """The statuses offered are only those the workflow allows next. ``requested`` asks the
    dialog to make the change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("What happened: whom you spoke to at the station, what they said."),
            self.tr("Change s&tatus"),
            parent,
        )
        self.status_combo = QComboBox()
        self.status_combo.setPlaceholderText(self.tr("Choose the new status"))
        self.status_box = FieldBox(self.status_combo)
        self.note_label = QLabel()
        status_label = QLabel(self.tr("&New status:"))
        status_label.setBuddy(self.status_combo)
        self._form.addRow(status_label, self.status_box)
        self._add_note_rows(self.note_label)

        self.status_combo.currentIndexChanged.connect(self._on_target)
        self._on_target()

    def set_choices(self, current: str, allowed: Sequence[str], today: date) -> None:
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for code in allowed:
            self.status_combo.addItem(names.complaint_status(code), code)
        self.status_combo.setCurrentIndex(-1)
        self.status_combo.blockSignals(False)
        self._empty(today)
        self._show_ended(
            not allowed,
            self.tr("This complaint is {status}: its status cannot change any more.").format(
                status=names.complaint_status(current)
            ),
        )
        self._on_target()

    def target(self) -> str:
        code = self.status_combo.currentData()
        return str(code) if code else ""

    def offered(self) -> list[str]:
        return [str(self.status_combo.itemData(i)) for i in range(self.status_combo.count())]

    def select(self, code: str) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(code))

    def _on_target(self) -> None:
        target = self.target()
        required = target in {s.value for s in NOTE_REQUIRED}
        self.note_label.setText(self.tr("N&ote (required):") if required else self.tr("N&ote:"))
        # A follow-up date only means something while the complaint stays open.
        stays_open = target in {s.value for s in OPEN_STATUSES}
        self.follow_up.set_applies(stays_open)
        self.button.setEnabled(bool(target))
        self.clear_errors()

    def clear_errors(self) -> None:
        for box in (self.status_box, self.note_box, self.follow_up_box):
            box.show_error(None)

    def show_field_error(self, field: str, message: str) -> None:
        box = {"note": self.note_box, "next_follow_up_on": self.follow_up_box}.get(
            field, self.status_box
        )
        box.show_error(message)
        box.setFocus()


class FollowUpBox(NoteActionBox):
    """A dated note on an open complaint, with an optional date to check back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("What was done or learned, e.g. SHO says the FIR will be lodged today."),
            self.tr("Add &follow-up"),
            parent,
        )
        self._add_note_rows(QLabel(self.tr("No&te (required):")))

    def reset(self, status: str, today: date) -> None:
        self._empty(today)
        self._show_ended(
            status not in {s.value for s in OPEN_STATUSES},
            self.tr("This complaint is {status}: it takes no more follow-ups.").format(
                status=names.complaint_status(status)
            ),
        )

    def clear_errors(self) -> None:
        self.note_box.show_error(None)
        self.follow_up_box.show_error(None)

    def show_field_error(self, field: str, message: str) -> None:
        box = self.follow_up_box if field == "next_follow_up_on" else self.note_box
        box.show_error(message)
        box.setFocus()
