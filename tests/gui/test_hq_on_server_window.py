"""The window of a headquarters whose store is on a PostgreSQL server: opened from the data
folder's configuration (the password from the environment), the status bar names the server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pg_server import throwaway_database
from sqlalchemy import make_url, select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.gui.shell.app import open_context
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server, setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.storage.models import AuditEntry


def test_the_window_opens_headquarters_on_the_server(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with throwaway_database() as url:
        paths = DeskPaths(tmp_path / "hq")
        ctx = open_desk(paths, actor=Actor("admin"), url=url)
        setup.init_hq(ctx, "CPLC Central")
        ctx.close()
        server.write_config(paths, make_url(url))
        monkeypatch.setenv(server.ENV_DB_PASSWORD, make_url(url).password or "")
        opened = open_context(paths)
        assert opened is not None and not opened.store.is_sqlite
        window = MainWindow(opened)
        qtbot.addWidget(window)
        try:
            assert "CPLC Central" in window.windowTitle()
            where = window.data_status.text()
            assert server.describe(url) in where and "Data folder" not in where
            assert not paths.database.exists()  # no SQLite file was made beside it
        finally:
            window.close()
            opened.close()


def test_the_first_run_dialog_sets_headquarters_up_on_a_server(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog

    monkeypatch.delenv(server.ENV_DB_PASSWORD, raising=False)
    with throwaway_database() as url:
        u = make_url(url)
        paths = DeskPaths(tmp_path / "hq")
        ctx = open_desk(paths)  # as the window opens a new data folder: its own file
        dlg = DeskSetupDialog(ctx)
        qtbot.addWidget(dlg)
        try:
            dlg.hq_radio.setChecked(True)
            dlg.hq_name_edit.setText("CPLC Central")
            dlg.admin_fields.username_edit.setText("sana")
            dlg.admin_fields.password_edit.setText("first-pass-1")
            dlg.admin_fields.confirm_edit.setText("first-pass-1")
            dlg.server_edit.setText("postgresql://nobody@/x")  # no host: refused in the dialog
            qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert dlg.result() == 0 and "HOST" in dlg.error_label.text()

            dlg.server_edit.setText(server.public_url(u))
            dlg.server_password_edit.setText(u.password or "")
            with qtbot.waitSignal(dlg.accepted):
                qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert not ctx.store.is_sqlite and ctx.actor.signed_in
            identity = ctx.identity()
            assert identity is not None and identity.name == "CPLC Central"
            configured = server.read_config(paths)
            assert configured is not None and configured.password is None
            assert f":{u.password}@" not in server.config_path(paths).read_text("utf-8")
        finally:
            dlg.close()
            ctx.close()


def _server_window(
    paths: DeskPaths, url: str, monkeypatch: pytest.MonkeyPatch, usb: Path | None = None
) -> MainWindow:
    from cplc_desk.services.backups import backup

    ctx = open_desk(paths, actor=Actor("admin"), url=url)
    setup.init_hq(ctx, "CPLC Central")
    backup.save_settings(ctx, backup.BackupSettings(keep=5, second_folder=usb))
    ctx.close()
    server.write_config(paths, make_url(url))
    monkeypatch.setenv(server.ENV_DB_PASSWORD, make_url(url).password or "")
    opened = open_context(paths)
    assert opened is not None and not opened.store.is_sqlite
    return MainWindow(opened, auto_backup=True)


def test_the_windows_daily_and_closing_backups_run_on_the_server(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    with throwaway_database() as url:
        paths = DeskPaths(tmp_path / "hq")
        window = _server_window(paths, url, monkeypatch, usb)
        qtbot.addWidget(window)
        ctx = window.ctx
        try:
            window.show()
            # The daily one is due (there is none yet): pg_dump, off the GUI thread.
            qtbot.waitUntil(lambda: len(list(usb.glob("*.cplcbak"))) == 1, timeout=60_000)
            qtbot.waitUntil(lambda: not window._backup_task.is_running(), timeout=60_000)

            window.close()  # the backup on close runs on the worker; the window waits for it
            assert window.isVisible() and window.closing_after_backup()
            assert not window.menuBar().isEnabled()
            window.close()  # a second click changes nothing while it runs
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)

            local = sorted(paths.backups.glob("cplc-backup-*.cplcbak"))
            copies = sorted(usb.glob("cplc-backup-*.cplcbak"))
            assert len(local) == len(copies) == 2
            assert [p.read_bytes() for p in copies] == [p.read_bytes() for p in local]
            with ctx.store.read() as s:
                reasons = [
                    json.loads(d)["reason"]
                    for (d,) in s.execute(
                        select(AuditEntry.details).where(
                            AuditEntry.action == AuditAction.BACKUP_WRITTEN.value
                        )
                    )
                ]
            assert sorted(reasons) == ["close", "daily"]
        finally:
            ctx.close()


def test_without_the_client_tools_the_windows_backups_say_so(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_messages
) -> None:
    with throwaway_database() as url:
        paths = DeskPaths(tmp_path / "hq")
        window = _server_window(paths, url, monkeypatch)
        qtbot.addWidget(window)
        ctx = window.ctx
        monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # pg_dump cannot be found
        try:
            window.show()
            qtbot.waitUntil(
                lambda: "client tools" in window.statusBar().currentMessage(), timeout=60_000
            )
            assert "daily backup failed" in window.statusBar().currentMessage()
            qtbot.waitUntil(lambda: not window._backup_task.is_running())
            window.close()
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
            assert [m.kind for m in shown_messages] == ["error"]
            assert "PostgreSQL client tools" in shown_messages[0].text
            assert not list(paths.backups.glob("cplc-backup-*"))
        finally:
            ctx.close()


def _headquarters_on(url: str, paths: DeskPaths, sealed: Path) -> None:
    """The first workstation: headquarters set up on the server, its keys sealed for others."""
    from cplc_desk.services.accounts.accounts import NewAccount
    from cplc_desk.services.hq import key_export

    ctx = open_desk(paths, actor=Actor("admin"), url=url)
    try:
        setup.init_hq(ctx, "CPLC Central", admin=NewAccount("sana", "first-pass-1", "Sana"))
        ctx.actor = Actor("admin")
        key_export.export_keys(ctx, sealed, "a long passphrase 42")
    finally:
        ctx.close()
    server.write_config(paths, make_url(url))


def _join_dialog(qtbot, ctx, url: str):  # type: ignore[no-untyped-def]
    from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog

    dlg = DeskSetupDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.hq_radio.setChecked(True)
    assert not dlg.join_fields.join_check.isEnabled()  # no server yet: nothing to join
    dlg.server_edit.setText(server.public_url(make_url(url)))
    dlg.server_password_edit.setText(make_url(url).password or "")
    dlg.join_fields.join_check.setChecked(True)
    dlg.admin_fields.username_edit.setText("sana")
    return dlg


def test_the_first_run_dialog_joins_headquarters_on_a_server(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_messages
) -> None:
    from PySide6.QtCore import Qt

    monkeypatch.delenv(server.ENV_DB_PASSWORD, raising=False)
    sealed = tmp_path / "hq.cplckeys"
    with throwaway_database() as url, throwaway_database() as empty:
        first = DeskPaths(tmp_path / "hq-importer")
        _headquarters_on(url, first, sealed)
        paths = DeskPaths(tmp_path / "hq-helpline")
        ctx = open_desk(paths)  # as the window opens a new data folder: its own file
        dlg = _join_dialog(qtbot, ctx, empty)
        try:
            # Joining asks for an existing account: no headquarters name, no second password.
            assert not dlg.hq_name_edit.isEnabled() and dlg.ok_button.text() == "Join headquarters"
            assert not dlg.admin_fields.confirm_edit.isVisibleTo(dlg)
            assert dlg.join_fields.keys_edit.isVisibleTo(dlg)
            dlg.admin_fields.password_edit.setText("first-pass-1")
            qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert dlg.result() == 0 and "holds no headquarters yet" in dlg.error_label.text()

            dlg.server_edit.setText(server.public_url(make_url(url)))
            dlg.admin_fields.password_edit.setText("not-her-password")
            qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert "Wrong account name or password" in dlg.error_label.text()
            dlg.admin_fields.password_edit.setText("first-pass-1")
            dlg.join_fields.keys_edit.setText(str(sealed))
            dlg.join_fields.passphrase_edit.setText("not the passphrase")
            qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert "passphrase does not open" in dlg.error_label.text()
            assert not server.config_path(paths).exists() and ctx.store.is_sqlite

            dlg.join_fields.passphrase_edit.setText("a long passphrase 42")
            with qtbot.waitSignal(dlg.accepted):
                qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert not ctx.store.is_sqlite
            assert ctx.actor.signed_in and ctx.actor.username == "sana"
            identity = ctx.identity()
            assert identity is not None and identity.name == "CPLC Central"
            configured = server.read_config(paths)
            assert configured is not None and configured.database == make_url(url).database
            assert configured.password is None
            for name in ("hq-signing.pem", "hq-encryption.pem"):
                assert (paths.keys / name).read_bytes() == (first.keys / name).read_bytes()
            assert shown_messages == []  # it has the keys: nothing to warn about
        finally:
            dlg.close()
            ctx.close()

        # Without the keys file it joins too, and says what this computer cannot do.
        bare = DeskPaths(tmp_path / "hq-analyst")
        ctx = open_desk(bare)
        dlg = _join_dialog(qtbot, ctx, url)
        try:
            dlg.admin_fields.password_edit.setText("first-pass-1")
            with qtbot.waitSignal(dlg.accepted):
                qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            assert not ctx.store.is_sqlite and not (bare.keys / "hq-signing.pem").exists()
            assert [m.kind for m in shown_messages] == ["information"]
            assert "cannot enroll stations" in shown_messages[0].text
        finally:
            dlg.close()
            ctx.close()
