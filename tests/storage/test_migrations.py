"""Migrations on real SQLite files: round trip, refusal of a newer schema, copy-aside."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import open_desk
from cplc_desk.storage import migrate
from cplc_desk.storage.db import make_engine, sqlite_url
from cplc_desk.storage.models import Base


def _tables(path: Path) -> set[str]:
    engine = make_engine(sqlite_url(path))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_to_head_and_back_down_on_a_real_file(tmp_path: Path) -> None:
    db = tmp_path / "roundtrip.sqlite3"
    engine = make_engine(sqlite_url(db))
    try:
        migrate.upgrade(engine, "head")
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert set(Base.metadata.tables) <= _tables(db)

        migrate.downgrade(engine, "base")
        assert migrate.current_revision(engine) is None
        assert _tables(db) == {"alembic_version"}

        migrate.upgrade(engine, "head")
        assert set(Base.metadata.tables) <= _tables(db)
    finally:
        engine.dispose()


def test_audit_log_refuses_update_and_delete_at_the_database(tmp_path: Path) -> None:
    ctx = open_desk(DeskPaths(tmp_path / "d"))
    from cplc_desk.services.desk import setup

    setup.init_station(ctx, "CLIF")
    ctx.close()
    con = sqlite3.connect(tmp_path / "d" / "cplc_desk.sqlite3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit_log SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit_log")
    con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_store_written_by_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    paths = DeskPaths(tmp_path / "desk")
    open_desk(paths).close()
    con = sqlite3.connect(paths.database)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _digest(paths.database)
    backups_before = sorted(paths.backups.iterdir())

    with pytest.raises(migrate.SchemaTooNewError) as excinfo:
        open_desk(paths)

    message = str(excinfo.value)
    assert "newer version of CPLC Desk" in message
    assert "has not been changed" in message
    assert _digest(paths.database) == before
    assert sorted(paths.backups.iterdir()) == backups_before


def test_an_older_store_is_copied_aside_before_upgrading(tmp_path: Path, monkeypatch) -> None:
    paths = DeskPaths(tmp_path / "desk")
    open_desk(paths).close()
    head = migrate.head_revision()
    # Pretend this app's head is one revision newer than the file: prepare() must copy the
    # file aside, then run the upgrade.
    upgrades: list[str] = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_pretend")
    monkeypatch.setattr(migrate, "newest_revision_on_file", lambda: "0002_pretend")
    monkeypatch.setattr(migrate, "upgrade", lambda engine, rev: upgrades.append(rev))
    monkeypatch.setattr(migrate, "known_revisions", lambda script: {head, "0002_pretend"})
    engine = make_engine(sqlite_url(paths.database))
    try:
        result = migrate.prepare(engine, paths.database, paths.backups)
    finally:
        engine.dispose()
    assert upgrades == ["head"]
    assert result.from_revision == head
    assert result.backup is not None and result.backup.exists()
    assert result.backup.name.startswith(f"before-upgrade-{head}-")
    copy = sqlite3.connect(result.backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    finally:
        copy.close()
    assert not list(paths.backups.glob("*.partial"))


def test_the_revision_lines_name_the_same_head_as_alembic() -> None:
    """The start-up's quick look (no Alembic loaded) must agree with Alembic itself."""
    assert migrate.newest_revision_on_file() == migrate.head_revision()


def test_opening_a_store_at_the_newest_schema_does_not_load_alembic(tmp_path) -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from pathlib import Path; "
        "from cplc_desk.paths import DeskPaths; "
        "from cplc_desk.services.desk.context import Actor, open_desk; "
        "ctx = open_desk(DeskPaths(Path(sys.argv[1])), actor=Actor('t')); ctx.close(); "
        "print('alembic' in sys.modules)"
    )
    first = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "desk")],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert first.stdout.strip() == "True"  # a new store is created by the migrations
    again = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "desk")],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert again.stdout.strip() == "False"  # already at the newest schema: nothing to load


def test_0011_adds_the_held_hotlists_handsets_and_takes_them_away(tmp_path: Path) -> None:
    """A hotlist held from before the handsets counts none; going back keeps the held hotlist."""
    db = tmp_path / "hotlist.sqlite3"
    engine = make_engine(sqlite_url(db))
    try:
        migrate.upgrade(engine, "0010")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO hotlist_held VALUES (3, '2026-12-01 10:00:00.000000', "
                "'2026-12-15 10:00:00.000000', 'CPLC Central', 'k', 50000, 'h', "
                "'2026-12-01 11:00:00.000000', 'volunteer')"
            )
        assert "hotlist_phone" not in _tables(db)
        migrate.upgrade(engine, "0011")
        assert "hotlist_phone" in _tables(db)
        with engine.connect() as conn:
            held = conn.exec_driver_sql(
                "SELECT sequence, entry_count, phone_count FROM hotlist_held"
            )
            assert held.fetchall() == [(3, 50000, 0)]
        indexed = {i["name"] for i in inspect(engine).get_indexes("hotlist_phone")}
        assert {"ix_hotlist_phone_imei", "ix_hotlist_phone_imei2"} <= indexed

        migrate.downgrade(engine, "0010")
        assert "hotlist_phone" not in _tables(db)
        with engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT * FROM hotlist_held").fetchall()
        assert len(row) == 1 and len(row[0]) == 9 and row[0][5] == 50000
    finally:
        engine.dispose()


def test_0012_adds_the_statistics_tables_and_takes_them_away(tmp_path: Path) -> None:
    """Categories and published copies arrive with 0012; going back leaves records untouched."""
    db = tmp_path / "statistics.sqlite3"
    engine = make_engine(sqlite_url(db))
    try:
        migrate.upgrade(engine, "0011")
        assert "statistics_publication" not in _tables(db)
        migrate.upgrade(engine, "0012")
        assert {"statistics_publication", "ref_statistics_category"} <= _tables(db)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO statistics_publication (month, to_month, scope, published_at, "
                "published_by, figures) VALUES ('2026-11', '2026-11', 'city', "
                "'2026-12-01 10:00:00.000000', 'analyst', '{\"complaint.theft\": 4}')"
            )
        indexed = {i["name"] for i in inspect(engine).get_indexes("statistics_publication")}
        assert "ix_statistics_publication_month" in indexed

        migrate.downgrade(engine, "0011")
        assert not {"statistics_publication", "ref_statistics_category"} & _tables(db)
        assert "phone_report" in _tables(db)
    finally:
        engine.dispose()
