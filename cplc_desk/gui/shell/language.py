"""The window's language: which one, switching it, and the control that chooses it.

One switch moves everything a person reads: our Qt catalogue and the one for Qt's own buttons and
dialogs (``qtbase_ur``: Qt ships none for Urdu), the gettext catalogue the services' messages
come from (:mod:`cplc_desk.domain.i18n`), the locale that formats dates and numbers, and the
layout direction (right to left for Urdu). Digits stay Latin in both languages, as on Pakistani
forms.

Which language: the signed-in account's own (``accounts.own_language``); before anyone signs in,
``CPLC_DESK_LANG`` if set, else the one last used on this PC, else the PC's locale. See
docs/urdu.md.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QDateTimeEdit, QWidget

from cplc_desk.domain import i18n
from cplc_desk.gui.shell.settings import desk_settings
from cplc_desk.paths import resource_path

CATALOGUES = ("cplc_desk", "qtbase")
# Each language named in its own script, so a person finds theirs whatever is showing now.
NATIVE_NAMES = {i18n.ENGLISH: "English", i18n.URDU: "اردو"}
_SETTING = "language/last"

_installed: list[QTranslator] = []


def system_language() -> str:
    """The first of the PC's UI languages the desk speaks, else English."""
    for tag in QLocale.system().uiLanguages():
        found = i18n.normalise_language(tag)
        if found:
            return found
    return i18n.ENGLISH


def start_language() -> str:
    """The language of the sign-in screen: ``CPLC_DESK_LANG`` if set, else the last one used on
    this PC, else the system's."""
    chosen = i18n.normalise_language(os.environ.get(i18n.ENV_LANG))
    last = i18n.normalise_language(str(desk_settings().value(_SETTING, "") or ""))
    return chosen or last or system_language()


def remember(language: str) -> None:
    desk_settings().setValue(_SETTING, language)


def locale_for(language: str) -> QLocale:
    """Pakistan's conventions (day/month/year) in either language; Latin digits in both."""
    if language == i18n.URDU:
        return QLocale(QLocale.Language.Urdu, QLocale.Country.Pakistan)
    return QLocale(QLocale.Language.English, QLocale.Country.Pakistan)


def active_language() -> str:
    return i18n.current_language()


def apply_language(language: str, app: QCoreApplication | None = None) -> str:
    """Switch the whole process to ``language`` (English for one the desk does not speak).
    Widgets built afterwards speak it; widgets that exist get a LanguageChange event."""
    app = app or QCoreApplication.instance()
    language = language if language in i18n.LANGUAGES else i18n.ENGLISH
    i18n.set_language(language)
    QLocale.setDefault(locale_for(language))
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
            translator.deleteLater()
        _installed.clear()
        if language != i18n.ENGLISH:
            folder = str(resource_path("translations"))
            for prefix in CATALOGUES:
                translator = QTranslator(app)
                if translator.load(f"{prefix}_{language}", folder):
                    app.installTranslator(translator)
                    _installed.append(translator)
        if isinstance(app, QApplication):
            direction = (
                Qt.LayoutDirection.RightToLeft
                if i18n.is_right_to_left(language)
                else Qt.LayoutDirection.LeftToRight
            )
            app.setLayoutDirection(direction)
    return language


class LanguageCombo(QComboBox):
    """English / اردو. Picking one emits ``language_chosen`` with its code."""

    language_chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in i18n.LANGUAGES:
            self.addItem(NATIVE_NAMES[code], code)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.setAccessibleName("Language / زبان")
        self.activated.connect(lambda _i: self.language_chosen.emit(self.language()))

    def language(self) -> str:
        return str(self.currentData())


def install_fonts() -> list[str]:
    """Give Qt the shipped Noto Naskh Arabic, so Urdu shows on a PC that has no Urdu font (Qt
    falls back to it for Arabic-script text). Returns the families added."""
    families: list[str] = []
    for name in ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def day_month_year(edit: QDateTimeEdit) -> QDateTimeEdit:
    """A date box that reads day/month/year, left to right, in either language. The direction
    is set first: a date box in a right-to-left window turns its format around
    (yyyy/MM/dd) when the format is set."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def ltr_text(text: str) -> str:
    """Keeps a date, CNIC, phone or FIR number in its own order inside right-to-left (Urdu)
    text, where the bidi rules would otherwise move the digit groups around the dashes, stars,
    colons and AM/PM. Unchanged in a left-to-right window."""
    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u202a{text}\u202c"  # LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING


def left_to_right(widget: QWidget) -> QWidget:
    """Keep ``widget`` left to right inside an Urdu window: numbers, CNICs, plates, FIR numbers
    and dates are typed and read that way (the cursor and the text do not jump)."""
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return widget
