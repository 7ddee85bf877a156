"""Building blocks of the forms: a field with its message line underneath (and that line alone), a combo box
found by typing any part of a name, and the readers for times and dates typed as text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.folding import fold
from cplc_desk.gui.shell.language import day_month_year

translate = QCoreApplication.translate

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    """A line saying what is wrong, in the error colour, hidden while there is nothing to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def password_edit(placeholder: str = "") -> QLineEdit:
    """A line for a password (or a passphrase): what is typed shows as dots."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class FieldBox(QWidget):
    """A form field with a message line under it, hidden while there is nothing to say."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error_label = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error_label)
        self.setFocusProxy(field)

    def show_error(self, message: str | None) -> None:
        if message:
            self.error_label.setText(message)
            self.error_label.show()
            # Screen readers announce the field's description along with its name.
            self.field.setAccessibleDescription(message)
        else:
            self.error_label.clear()
            self.error_label.hide()
            self.field.setAccessibleDescription("")

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""


class DateEdit(QDateEdit):
    """A date box (day/month/year, with a calendar) that Tab leaves at once.

    A plain QDateEdit uses Tab to step from day to month to year, so a volunteer tabbing down
    the form gets stuck in it; typing the date moves between the parts by itself anyway.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        day_month_year(self)  # in an Urdu window too

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class SearchableCombo(QComboBox):
    """Pick one of many named choices by typing any part of the name (or its code).

    The value is the code whose name (or code) the text matches exactly; what was typed stays as
    it is, so a half-typed name is reported rather than silently replaced.
    """

    def __init__(
        self, choices: Sequence[tuple[str, str]], placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        model = QStandardItemModel(self)
        for code, name in choices:
            item = QStandardItem(name)
            item.setData(code, CODE_ROLE)
            model.appendRow(item)
        self.setModel(model)
        self._by_key: dict[str, str] = {}
        for code, name in choices:
            self._by_key.setdefault(fold(name), code)
            self._by_key.setdefault(fold(code), code)
        self._names = {code: name for code, name in choices}
        # Matching anywhere in the name: "snatch" finds "Mobile phone snatching".
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line_edit = self.lineEdit()
        assert line_edit is not None  # editable
        line_edit.setPlaceholderText(placeholder)
        self.setCurrentIndex(-1)

    def code(self) -> str:
        """The chosen code, or "" when the text names no choice."""
        return self._by_key.get(fold(" ".join(self.currentText().split())), "")

    def has_text(self) -> bool:
        return bool(self.currentText().strip())

    def set_code(self, code: str) -> None:
        name = self._names.get(code)
        if name is None:
            self.setCurrentIndex(-1)
            self.setEditText(code)
            return
        self.setCurrentIndex(self.findText(name, Qt.MatchFlag.MatchExactly))

    def name_of(self, code: str) -> str:
        return self._names.get(code, code)


_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?\s*([ap]\.?\s*m\.?)?$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_time_text(text: str) -> time | None:
    """A time of day typed as "21:30", "9:30 pm", "9.30" or "9 am"; None when empty.

    Raises ValueError with a message for the volunteer.
    """
    raw = text.strip()
    if not raw:
        return None
    m = _TIME.match(raw)
    bad = translate("ComplaintForm", "Write the time like 21:30 or 9:30 pm.")
    if not m:
        raise ValueError(bad)
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3]:
        if not 1 <= hour <= 12:
            raise ValueError(bad)
        hour = hour % 12 + (12 if m[3].lower().startswith("p") else 0)
    elif m[2] is None:
        # A bare "9" could be morning or night; ask rather than guess.
        raise ValueError(bad)
    if hour > 23 or minute > 59:
        raise ValueError(bad)
    return time(hour, minute)


def parse_date_text(text: str) -> date | None:
    """A date typed day first, as people in Pakistan write it: "25/10/2026", "25-10-26";
    also "2026-10-25". None when empty; raises ValueError with a message otherwise."""
    raw = text.strip()
    if not raw:
        return None
    bad = translate("ComplaintForm", "Write the date as day/month/year, like 25/10/2026.")
    iso = _ISO_DATE.match(raw)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        m = _DATE.match(raw)
        if not m:
            raise ValueError(bad)
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if year < 100:
            year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(bad) from None
