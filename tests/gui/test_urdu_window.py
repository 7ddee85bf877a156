"""The window in Urdu, with the real compiled catalogues: mirrored, every page's words in Urdu,
labels to the right of their fields, numbers left to right, and the language chosen on the
sign-in screen and in the Account menu."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from cplc_desk.domain import i18n
from cplc_desk.domain.folding import has_arabic_script
from cplc_desk.gui.complaints.complaint_form import ComplaintFormDialog
from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.app import ensure_signed_in
from cplc_desk.gui.shell.login_dialog import LoginDialog
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext

# Latin words that may stand alone on an Urdu screen: data, examples of what to type, and the
# name of the other language in its own script.
ALLOWED = {
    "English",
    "Ctrl",
    "CLIF",
    "Clifton",
    "CSV",
    "PDF",
    "CPLC",
    "Central",
    "Reporting",
    "Cell",
}
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def urdu(qapp: QApplication) -> Iterator[None]:
    language.apply_language(i18n.URDU, qapp)
    yield
    language.apply_language(i18n.ENGLISH, qapp)


def open_window(qtbot, ctx: DeskContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1100, 750)
    window.show()
    qtbot.waitExposed(window)
    return window


def untranslated(texts: list[str]) -> list[str]:
    """Texts with an English word and no Urdu in them."""
    found = []
    for text in texts:
        if text.startswith("/") or re.match(r"^[A-Za-z]:\\", text):
            continue  # a folder's path (the data folder in the status bar)
        plain = text.replace("&", "")
        words = [w for w in _LATIN_WORD.findall(plain) if w not in ALLOWED]
        if words and not has_arabic_script(plain):
            found.append(text)
    return found


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(min(widget.count(), 30))]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
    return [t for t in texts if t]


def menu_texts(window: MainWindow) -> list[str]:
    return [
        action.text()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if not action.isSeparator()
    ] + [a.text() for a in window.menuBar().actions()]


def test_the_window_mirrors_and_speaks_urdu(qtbot, urdu: None, station_ctx: DeskContext) -> None:
    window = open_window(qtbot, station_ctx)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.mapTo(window, QPoint(0, 0)).x() > window.stack.mapTo(window, QPoint(0, 0)).x()
    assert "سی پی ایل سی ڈیسک" in window.windowTitle()
    assert untranslated(menu_texts(window)) == []
    assert window.language_actions[i18n.URDU].isChecked()
    window.close()


@pytest.mark.parametrize("kind", ["station", "headquarters"])
def test_no_page_shows_an_english_word(qtbot, urdu: None, desk_ctx: DeskContext, kind: str) -> None:
    if kind == "station":
        setup.init_station(desk_ctx, "CLIF")
    else:
        setup.init_hq(desk_ctx, "CPLC Central Reporting Cell")
    window = open_window(qtbot, desk_ctx)
    problems: dict[str, list[str]] = {}
    for key in window.area_keys:
        window.show_page(key)
        qtbot.wait(10)
        found = untranslated(visible_texts(window))
        if found:
            problems[key] = found
    window.close()
    assert problems == {}


def test_a_form_puts_labels_right_of_their_fields(
    qtbot, urdu: None, station_ctx: DeskContext
) -> None:
    dialog = ComplaintFormDialog(station_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert untranslated(visible_texts(dialog)) == []
    forms = [f for f in dialog.findChildren(QFormLayout) if f.rowCount()]
    assert forms
    checked = 0
    for form in forms:
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or label.widget() is None:
                continue
            if not label.widget().isVisible():
                continue
            label_x = label.widget().mapToGlobal(QPoint(0, 0)).x()
            field_rect = field.geometry()
            field_x = (field.widget() or label.widget()).mapToGlobal(QPoint(0, 0)).x()
            if field.widget() is None:
                field_x = label.widget().parentWidget().mapToGlobal(field_rect.topLeft()).x()
            assert label_x > field_x, label.widget().text()
            checked += 1
    assert checked >= 5
    # Numbers are typed left to right in an Urdu form.
    cnic = dialog.entry.complainant.cnic
    assert cnic.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.entry.complainant.name.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.close()


def _account(ctx: DeskContext, name: str) -> None:
    accounts.create_first_admin(ctx, NewAccount(name, "long-password-1", name.title()))
    accounts.sign_out(ctx)
    ctx.actor = Actor.nobody()


def test_the_sign_in_screen_switches_at_once_and_the_choice_sticks(
    qtbot, qapp, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _account(station_ctx, "sana")
    language.apply_language(i18n.ENGLISH, qapp)
    shown: list[LoginDialog] = []

    def person_at_the_keyboard(dialog: LoginDialog) -> int:
        shown.append(dialog)
        assert dialog.windowTitle().startswith("Sign in")
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(i18n.URDU))
        dialog.language_combo.activated.emit(dialog.language_combo.currentIndex())
        qtbot.waitUntil(lambda: "سائن" in dialog.windowTitle())
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert dialog.username_label.text() == "یوزر نیم:"
        dialog.username_edit.setText("sana")
        dialog.password_edit.setText("long-password-1")
        dialog.accept()
        return int(dialog.result())

    from cplc_desk.gui.widgets import dialogs

    monkeypatch.setattr(dialogs, "run_modal", person_at_the_keyboard)
    try:
        assert ensure_signed_in(station_ctx)
        assert shown
        assert accounts.own_language(station_ctx) == i18n.URDU
        assert language.active_language() == i18n.URDU
    finally:
        language.apply_language(i18n.ENGLISH, qapp)


def test_the_account_menu_rebuilds_the_window_in_the_other_language(
    qtbot, qapp, station_ctx: DeskContext
) -> None:
    _account(station_ctx, "bilal")
    accounts.sign_in(station_ctx, "bilal", "long-password-1")
    language.apply_language(i18n.ENGLISH, qapp)
    window = open_window(qtbot, station_ctx)
    window.show_page("complaints")
    successors: list[MainWindow] = []
    window.relaunched.connect(successors.append)
    try:
        window.language_actions[i18n.URDU].trigger()
        assert len(successors) == 1
        urdu_window = successors[0]
        qtbot.addWidget(urdu_window)
        qtbot.waitUntil(lambda: not window.isVisible())
        assert urdu_window.isVisible()
        assert urdu_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert urdu_window.current_key() == "complaints"
        assert urdu_window.ctx.actor.signed_in  # the same person, still signed in
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        assert windows == [urdu_window]  # the English window is gone, not hidden
        assert accounts.own_language(station_ctx) == i18n.URDU
        assert untranslated(menu_texts(urdu_window)) == []
        # And back: the choice is the account's.
        urdu_window.language_actions[i18n.ENGLISH].trigger()
        assert len(successors) == 1  # only the first window was watched
        assert accounts.own_language(station_ctx) == i18n.ENGLISH
        assert language.active_language() == i18n.ENGLISH
    finally:
        language.apply_language(i18n.ENGLISH, qapp)
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()


def test_another_person_unlocking_gets_a_window_in_their_language(
    qtbot, qapp, station_ctx: DeskContext
) -> None:
    _account(station_ctx, "sana")
    accounts.sign_in(station_ctx, "sana", "long-password-1")
    accounts.set_own_language(station_ctx, i18n.URDU)
    accounts.create_account(station_ctx, "bilal", "Bilal", "volunteer", "long-password-2")
    accounts.sign_out(station_ctx)
    accounts.sign_in(station_ctx, "bilal", "long-password-2")  # no language of his own
    language.apply_language(i18n.ENGLISH, qapp)
    window = open_window(qtbot, station_ctx)
    successors: list[MainWindow] = []
    window.relaunched.connect(successors.append)
    try:
        window.lock()
        window.lock_screen.username_edit.setText("sana")
        window.lock_screen.password_edit.setText("long-password-1")
        window.lock_screen.try_unlock()
        assert len(successors) == 1
        urdu_window = successors[0]
        qtbot.addWidget(urdu_window)
        assert urdu_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert urdu_window.ctx.actor.username == "sana"
        assert not urdu_window.is_locked()
        assert "sana" in urdu_window.user_status.text()
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()


@pytest.mark.parametrize("language_code", ["en", "ur"])
def test_dates_and_counts_read_the_same_in_both_languages_on_any_pc(
    qapp: QApplication, language_code: str
) -> None:
    """Day/month/year and a 24-hour clock, as the forms read them, and grouped digits, whatever
    the PC's locale (a PC left on "English (United States)" would show 12/5/2026)."""
    from datetime import UTC, date, datetime

    from PySide6.QtCore import QLocale

    from cplc_desk.gui.widgets.count_widgets import format_count
    from cplc_desk.gui.widgets.formats import format_date, format_datetime

    try:
        language.apply_language(language_code, qapp)
        # As if the PC's region were left on "English (United States)" (12/5/2026).
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        moment = datetime(2026, 12, 5, 8, 2, tzinfo=UTC)  # 13:02 in Pakistan
        assert format_datetime(moment).strip("\u202a\u202c") == "05/12/2026 13:02"
        assert format_date(date(2026, 12, 5)).strip("\u202a\u202c") == "05/12/2026"
        assert format_count(2500) == "2,500"
    finally:
        language.apply_language(i18n.ENGLISH, qapp)
