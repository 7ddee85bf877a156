"""The window at a headquarters workstation with a read replica (tests/replica_pair.py): the
complaints list and its count read from the replica, the status bar says so, and when the
replica goes away the list still reads (from the server) and the status bar warns."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from replica_pair import IN_BOTH, ONLY_THERE, replica_pair
from sqlalchemy import make_url

from cplc_desk.gui.complaints.complaints_page import ComplaintsPage
from cplc_desk.gui.shell.app import open_context
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.shell.replica_status import ReplicaStatus
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server
from cplc_desk.services.desk.context import Actor


def _numbers(page: ComplaintsPage) -> set[str]:
    model = page.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return {r.number for r in model.rows()}


def test_lists_read_the_replica_and_the_status_bar_warns_when_it_is_gone(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with replica_pair(tmp_path) as pair:
        paths = DeskPaths(tmp_path / "analyst")
        paths.ensure()
        server.write_config(paths, make_url(pair.primary))
        server.write_read_replica(paths, make_url(pair.replica))
        monkeypatch.setenv(server.ENV_DB_PASSWORD, make_url(pair.primary).password or "")
        ctx = open_context(paths)
        assert ctx is not None and ctx.store.replica is not None
        ctx.actor = Actor("analyst")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        page = ComplaintsPage(ctx)
        qtbot.addWidget(page)
        try:
            label = window.replica_status
            assert isinstance(label, ReplicaStatus) and ctx.store.replica.label in label.text()
            assert not label.is_warning()
            page.show()
            qtbot.waitUntil(lambda: not page.is_counting())
            assert _numbers(page) == {IN_BOTH, ONLY_THERE}
            assert page.count_text().startswith("2")

            pair.drop_replica()
            page.refresh()  # the list again, and its count on a worker thread
            qtbot.waitUntil(lambda: not page.is_counting())
            assert _numbers(page) == {IN_BOTH}
            assert page.count_text().startswith("1")
            qtbot.waitUntil(label.is_warning)
            assert "primary server" in label.toolTip()
        finally:
            page.close()
            window.close()
            ctx.close()
