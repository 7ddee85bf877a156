"""``python -m cplc_desk.storage.migrate_check``: the models compared with the migrations on
SQLite and on a PostgreSQL server; an index only migrations make on purpose (an expression, a
GIN index) is left out and named, an ordinary one missing from the models is drift."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pg_server import require_server, throwaway_database
from sqlalchemy import text

from cplc_desk.storage import migrate_check
from cplc_desk.storage.db import make_engine, sqlite_url
from cplc_desk.storage.migrate import upgrade

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_an_index_missing_from_the_models_is_drift_on_sqlite(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "check.sqlite3"))
    try:
        upgrade(engine, "head")
        assert migrate_check.differences(engine) == ([], [])
        with engine.begin() as conn:
            conn.execute(text("CREATE INDEX ix_drift_plain ON complaint (narrative)"))
        diffs, left_out = migrate_check.differences(engine)
    finally:
        engine.dispose()
    assert [(d[0], d[1].name) for d in diffs] == [("remove_index", "ix_drift_plain")]
    assert left_out == []


def test_on_a_server_search_indexes_are_left_out_and_named() -> None:
    with throwaway_database() as url:
        engine = make_engine(url)
        try:
            upgrade(engine, "head")
            # Migrations 0013 and 0015's search indexes are the server's own, not drift
            # (0015's kept words are a column the models do not map, left out by name).
            server_own = ["complaint.ix_complaint_search_words", "person.ix_person_name_key_c"]
            assert migrate_check.differences(engine) == ([], server_own)
            with engine.begin() as conn:
                for sql in (
                    "CREATE INDEX ix_search_expr ON complaint (lower(narrative))",
                    "CREATE INDEX ix_search_fts ON complaint "
                    "USING gin (to_tsvector('simple', narrative))",
                    "CREATE INDEX ix_search_ops ON complaint (narrative text_pattern_ops)",
                    "CREATE INDEX ix_drift_plain ON complaint (narrative)",
                    "ALTER TABLE complaint ADD COLUMN drift_words tsvector",
                ):
                    conn.execute(text(sql))
            diffs, left_out = migrate_check.differences(engine)
        finally:
            engine.dispose()
    named = sorted((d[0], d[3].name if d[0] == "remove_column" else d[1].name) for d in diffs)
    assert named == [("remove_column", "drift_words"), ("remove_index", "ix_drift_plain")]
    assert left_out == sorted(
        [*server_own, "complaint.ix_search_expr", "complaint.ix_search_fts",
         "complaint.ix_search_ops"]
    )  # fmt: skip


def test_the_command_checks_the_server_it_is_given() -> None:
    server = require_server()
    run = subprocess.run(
        [sys.executable, "-m", "cplc_desk.storage.migrate_check", "--db-url", server],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO_ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert "SQLite: models and migrations agree" in run.stdout
    assert "PostgreSQL (" in run.stdout and "Traceback" not in run.stderr
