"""The window of a headquarters whose store is on a PostgreSQL server: opened from the data
folder's configuration (the password from the environment), the status bar names the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import throwaway_database
from sqlalchemy import make_url

from cplc_desk.gui.shell.app import open_context
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server, setup
from cplc_desk.services.desk.context import Actor, open_desk


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
