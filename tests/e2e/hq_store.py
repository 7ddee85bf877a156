"""Headquarters' store in the end-to-end tests: its own SQLite file, or a database of its own on
the PostgreSQL server CI starts (``CPLC_DESK_TEST_PG_URL``).

Headquarters' flows take the ``hq_store`` fixture (tests/e2e/conftest.py) and run once on each;
a test marked ``sqlite_hq`` runs on the file only. On the server every headquarters desk a test
makes (``init_hq``) or copies (``copy``: ``CREATE DATABASE ... TEMPLATE``, the way a copied data
folder copies its file) gets a fresh database, dropped when the desk is dropped or the module
ends. ``sync_desks.query`` and ``dump`` read either store, so a test looks at both alike.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pg_server import drop_database
from sqlalchemy import URL, Connection, create_engine, make_url, text
from sqlalchemy.pool import NullPool

from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server

PG_URL = os.environ.get("CPLC_DESK_TEST_PG_URL")
SQLITE, POSTGRESQL = "sqlite", "postgresql"


def server_url(data_dir: Path) -> URL | None:
    """The database a server desk's data folder names (with the test server's password), or
    None for a desk that keeps its store in its file."""
    url = server.read_config(DeskPaths(data_dir))
    if url is None or not PG_URL:
        return url
    return url.set(password=make_url(PG_URL).password)


def _plain(value: Any) -> Any:
    """A value as SQLite's file holds it, so rows read from either store compare alike."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


@contextmanager
def connected(url: URL) -> Iterator[Connection]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def rows_of(conn: Connection, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """``sql`` (with SQLite's ``?`` placeholders) run on a server's database."""
    if params:
        result = conn.exec_driver_sql(sql.replace("%", "%%").replace("?", "%s"), params)
    else:
        result = conn.execute(text(sql))
    return [tuple(_plain(v) for v in row) for row in result]


def server_rows(url: URL, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
    with connected(url) as conn:
        return rows_of(conn, sql, params)


def server_dump(url: URL, exclude: tuple[str, ...]) -> dict[str, list[Any]]:
    """Every row of every table but ``exclude``, in a stable order (one connection)."""
    with connected(url) as conn:
        tables = rows_of(
            conn,
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' ORDER BY table_name",
        )
        return {
            t: rows_of(conn, f'SELECT * FROM "{t}" ORDER BY 1')
            for (t,) in tables
            if t not in exclude
        }


@contextmanager
def _admin() -> Iterator[Any]:
    assert PG_URL
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


class HqStore:
    """Where one test module's headquarters desks keep their store (see the module's notes)."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self._databases: dict[Path, str] = {}

    @property
    def on_server(self) -> bool:
        return self.backend == POSTGRESQL

    def __repr__(self) -> str:  # shown in the test's id
        return self.backend

    def _new_database(self, template: str | None = None) -> str:
        name = f"cplc_e2e_{uuid.uuid4().hex[:10]}"
        copied = f' TEMPLATE "{template}"' if template else ""
        with _admin() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copied}'))
        return name

    def url(self, database: str) -> URL:
        assert PG_URL
        return make_url(PG_URL).set(database=database)

    def init_hq(self, data_dir: Path, name: str = "CPLC Central") -> Path:
        """A new headquarters, set up through the real ``init-hq`` (``--db-url`` on a server)."""
        from sync_desks import ok

        if not self.on_server:
            ok("init-hq", "--name", name, data_dir=data_dir)
            return data_dir
        database = self._new_database()
        self._databases[data_dir] = database
        ok("init-hq", "--name", name, "--db-url", server.public_url(self.url(database)),
           data_dir=data_dir)  # fmt: skip
        return data_dir

    def workstation(self, hq: Path, data_dir: Path) -> Path:
        """Another workstation of headquarters ``hq``: on a server one joined with the real
        ``join-hq`` (a data folder of its own, no keys); a SQLite headquarters has only its own
        folder, where a second process stands in for it."""
        from sync_desks import ok

        if not self.on_server:
            return hq
        ok("join-hq", "--db-url", server.public_url(self.url(self._databases[hq])),
           data_dir=data_dir)  # fmt: skip
        return data_dir

    def copy(self, src: Path, dst: Path) -> Path:
        """A copy of the closed headquarters desk ``src`` (its folder, and on a server its
        database), as a backup would be: what a test does to it stays there."""
        shutil.copytree(src, dst)
        if self.on_server:
            database = self._new_database(template=self._databases[src])
            self._databases[dst] = database
            server.write_config(DeskPaths(dst), self.url(database))
        return dst

    def drop(self, data_dir: Path) -> None:
        database = self._databases.pop(data_dir, None)
        if database is not None:
            with _admin() as conn:
                drop_database(conn, database)

    def close(self) -> None:
        for data_dir in list(self._databases):
            self.drop(data_dir)
