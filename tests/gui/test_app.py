"""Start-up steps of the desk's window, called one by one (never ``app.exec()``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from cplc_desk.domain.enums import DeskKind
from cplc_desk.gui.shell import app as gui_app
from cplc_desk.gui.shell import demo_progress, language
from cplc_desk.gui.shell.demo_progress import populate_demo
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog
from cplc_desk.gui.widgets import dialogs, names
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.stats import store_stats
from cplc_desk.storage.migrate import StoreError


def fill_in_hq(dialog: DeskSetupDialog) -> int:
    """Stands in for the person at the first-run dialog."""
    dialog.hq_radio.setChecked(True)
    dialog.hq_name_edit.setText("CPLC Central")
    dialog.admin_fields.username_edit.setText("head")
    dialog.admin_fields.password_edit.setText("first-pass-1")
    dialog.admin_fields.confirm_edit.setText("first-pass-1")
    dialog.accept()
    return dialog.result()


def test_create_application_reuses_the_running_one(qapp) -> None:
    before = (qapp.applicationName(), qapp.organizationName())
    try:
        assert gui_app.create_application() is qapp
        assert qapp.applicationName() == "CPLC Desk"
        assert qapp.organizationName() == "CPLC"
    finally:
        qapp.setApplicationName(before[0])
        qapp.setOrganizationName(before[1])


def test_urdu_is_right_to_left(qapp) -> None:
    language.apply_language("ur", qapp)
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    language.apply_language("en", qapp)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_urdu_catalogues_are_installed_for_urdu(qapp) -> None:
    assert language.apply_language("ur", qapp) == "ur"
    # Ours, Qt's own buttons (Qt ships no Urdu), the services' messages, the locale.
    assert names.complaint_status("registered") == "درج"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "منسوخ کریں"
    assert QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "RTL"
    assert QLocale().language() == QLocale.Language.Urdu
    assert QLocale().toString(1234567) == "1,234,567"  # Latin digits, as on Pakistani forms
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert language.apply_language("en", qapp) == "en"
    assert names.complaint_status("registered") == "Registered"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_without_catalogues_the_window_stays_english_words(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "resource_path", lambda *parts: tmp_path)
    language.apply_language("ur", qapp)
    assert names.complaint_status("registered") == "Registered"  # the English source text


def test_the_start_language_is_the_last_one_used_then_the_systems(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CPLC_DESK_LANG", raising=False)
    monkeypatch.setattr(language, "system_language", lambda: "en")
    assert language.start_language() == "en"
    language.remember("ur")
    assert language.start_language() == "ur"
    monkeypatch.setenv("CPLC_DESK_LANG", "en")
    monkeypatch.setattr(language, "system_language", lambda: "en")
    assert language.start_language() == "en"


def test_a_store_that_cannot_be_opened_is_explained(
    qapp, desk_paths: DeskPaths, monkeypatch: pytest.MonkeyPatch, shown_messages
) -> None:
    def refuse(paths, url=None):  # type: ignore[no-untyped-def]
        raise StoreError("This data was written by a newer CPLC Desk. Install the newer version.")

    monkeypatch.setattr(gui_app, "open_desk", refuse)
    assert gui_app.start_desk(desk_paths) == 1
    assert [(m.kind, m.text) for m in shown_messages] == [
        ("error", "This data was written by a newer CPLC Desk. Install the newer version.")
    ]


def test_first_run_asks_what_the_desk_is(
    qtbot, desk_paths: DeskPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "run_modal", fill_in_hq)
    window = gui_app.start_desk(desk_paths)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        identity = window.ctx.identity()
        assert identity is not None and identity.kind is DeskKind.HEADQUARTERS
        assert "CPLC Central" in window.windowTitle()
    finally:
        window.close()
        window.ctx.close()


def test_cancelling_the_first_run_exits_quietly(
    qapp, desk_paths: DeskPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: dialog.DialogCode.Rejected)
    assert gui_app.start_desk(desk_paths) == 0


def test_a_set_up_desk_opens_without_questions(qapp, station_ctx: DeskContext) -> None:
    # The autouse fixture fails the test if a modal dialog is run.
    assert gui_app.ensure_set_up(station_ctx)


def test_demo_desk_is_filled_with_progress(
    qtbot, desk_paths: DeskPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        demo_progress, "populate_demo", lambda ctx: populate_demo(ctx, complaints=12, vehicles=6)
    )
    window = gui_app.start_desk(desk_paths, demo=True)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert window.windowTitle().endswith("— demo")
        stats = store_stats(window.ctx)
        assert (stats.complaints.total, stats.vehicle_reports.total) == (12, 6)
        assert QApplication.overrideCursor() is None
    finally:
        window.close()
        window.ctx.close()
