"""The window of a headquarters on a PostgreSQL server, started on a PC with no password for the
server (no password file, no CPLC_DESK_DB_PASSWORD): it asks for the password for this start, a
wrong one is asked again with the server's refusal shown, nothing is written; a server out of
reach is offered again. The real server .ci/run starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import throwaway_database
from PySide6.QtWidgets import QDialog
from sqlalchemy import make_url

from cplc_desk.gui.shell import server_password
from cplc_desk.gui.shell.app import open_context
from cplc_desk.gui.widgets import dialogs
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server, setup
from cplc_desk.services.desk.context import Actor, open_desk


@pytest.fixture
def no_password_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(server.ENV_DB_PASSWORD, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)


def _headquarters_on(url: str, folder: Path) -> DeskPaths:
    paths = DeskPaths(folder)
    ctx = open_desk(paths, actor=Actor("admin"), url=url)
    setup.init_hq(ctx, "CPLC Central")
    ctx.close()
    server.write_config(paths, make_url(url))  # written without the password
    return paths


def test_the_window_asks_for_the_servers_password_and_keeps_it_nowhere(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_password_here: None
) -> None:
    with throwaway_database() as url:
        paths = _headquarters_on(url, tmp_path / "hq")
        right = make_url(url).password or ""
        asked: list[tuple[str, str]] = []
        typed = iter(["not-the-password", right])

        def answer(dialog: QDialog) -> int:
            assert isinstance(dialog, server_password.ServerPasswordDialog)
            qtbot.addWidget(dialog)
            asked.append((dialog.windowTitle(), dialog.refusal_label.text()))
            dialog.password_edit.setText(next(typed))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(dialogs, "run_modal", answer)
        opened = open_context(paths)
        assert opened is not None
        try:
            assert not opened.store.is_sqlite
            identity = opened.identity()
            assert identity is not None and identity.name == "CPLC Central"
        finally:
            opened.close()
        # Asked twice: no password at first, then the wrong one refused in the server's words.
        assert len(asked) == 2
        assert all("password" in refusal.lower() for _title, refusal in asked)
        written = server.config_path(paths).read_text("utf-8")
        assert f":{right}@" not in written and "not-the-password" not in written
        assert not paths.database.exists()


def test_cancelling_the_password_question_opens_nothing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_password_here: None
) -> None:
    with throwaway_database() as url:
        paths = _headquarters_on(url, tmp_path / "hq")
        monkeypatch.setattr(dialogs, "run_modal", lambda dialog: QDialog.DialogCode.Rejected)
        assert open_context(paths) is None
        assert not paths.database.exists()


def test_a_server_out_of_reach_is_offered_again(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_messages: list
) -> None:
    # A port nothing listens on stands for a server rebooting: the person is asked whether to
    # try again (twice here), then gives up; nothing is made in the data folder.
    paths = DeskPaths(tmp_path / "hq")
    paths.ensure()
    server.write_config(paths, make_url("postgresql+psycopg://cplc@127.0.0.1:9/cplc_hq"))
    questions: list[str] = []
    answers = iter([True, False])

    def confirm(parent: object, title: str, question: str) -> bool:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    assert open_context(paths) is None
    assert len(questions) == 2
    assert "127.0.0.1:9/cplc_hq" in questions[0] and "Try again now?" in questions[0]
    assert not paths.database.exists()
