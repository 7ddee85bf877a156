"""The move of a SQLite headquarters to a server (services/desk/move.py) on a real server: the
per-table digests agree after a move and tell a changed row apart; a copy the server refuses
leaves the desk on its file and the server's database without the tables the move made."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pg_server import throwaway_database
from sqlalchemy import create_engine, make_url, text

from bench.fixtures import fill_complaints, fill_phones, fill_vehicles
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import move, reference, server, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.storage import copy_store


def _hq(root: Path) -> DeskContext:
    ctx = open_desk(DeskPaths(root), actor=Actor("test"))
    setup.init_hq(ctx, "CPLC Central")
    codes = [st.code for st in reference.stations(ctx)][:5]
    fill_complaints(ctx, 120, station_codes=codes)
    fill_vehicles(ctx, 80, station_codes=codes)
    fill_phones(ctx, 60, station_codes=codes)
    return ctx


def test_tables_agree_after_a_move_and_a_changed_row_shows(tmp_path: Path) -> None:
    ctx = _hq(tmp_path / "hq")
    with throwaway_database() as url:
        report = move.move_to_server(ctx, make_url(url))
        assert report.rows > 260 and server.read_config(ctx.paths) is not None
        engine = create_engine(url)
        try:
            with ctx.store.engine.connect() as src, engine.connect() as dest:
                for table in copy_store.tables():
                    before, after = copy_store.digest(src, table), copy_store.digest(dest, table)
                    if table.name == "audit_log":  # the move itself is recorded on the server
                        assert after.rows == before.rows + 1
                    else:
                        assert before == after, table.name
                dest.execute(text("UPDATE phone_report SET model = model || 'x'"))
                phones = next(t for t in copy_store.tables() if t.name == "phone_report")
                assert copy_store.digest(src, phones) != copy_store.digest(dest, phones)
                dest.rollback()
        finally:
            engine.dispose()
    ctx.close()


def test_a_copy_the_server_refuses_leaves_the_desk_on_its_file(tmp_path: Path) -> None:
    ctx = _hq(tmp_path / "hq")
    # SQLite keeps a name longer than its column allows; the server does not.
    with sqlite3.connect(ctx.paths.database) as raw:
        raw.execute("UPDATE desk SET name = ?", ("N" * 300,))
    ctx.forget_identity()
    with throwaway_database() as url:
        with pytest.raises(server.ServiceError) as refused:
            move.move_to_server(ctx, make_url(url))
        assert refused.value.code == "move_failed"
        assert "stays on its own file" in str(refused.value) and "dropped" in str(refused.value)
        assert server.read_config(ctx.paths) is None
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                assert copy_store.table_names(conn) == []
        finally:
            engine.dispose()
    ctx.close()
