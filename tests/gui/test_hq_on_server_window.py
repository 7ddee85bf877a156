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
