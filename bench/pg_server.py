"""Helpers for benchmarks run against a PostgreSQL server (``--db-url``): throwaway databases
made beside the one named and dropped after, the size of a database, and a raw COPY of rows
from a SQLite store into the same tables on the server (psycopg 3's ``cursor.copy()``)."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError


@contextmanager
def database_or_none(db_url: str | None) -> Iterator[str | None]:
    """A fresh database on the server of ``db_url`` (dropped afterwards), or None without one:
    the store a benchmark fills, on a server or in its SQLite file."""
    if db_url is None:
        yield None
        return
    with fresh_databases(db_url, 1) as (url,):
        yield url


def vacuum_analyze(engine: Engine) -> None:
    """As the server's autovacuum leaves the tables after a large import: the planner's
    statistics fresh, the visibility map set, the GIN indexes' pending lists merged."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


class RawConnection:
    """A baseline's own connection: sqlite3 on the store's file, or psycopg on the server
    (``url``); queries are written with ``?`` for both."""

    def __init__(self, database: Path, url: str | None) -> None:
        self.server = url is not None
        if url is None:
            self.conn: Any = sqlite3.connect(database)
        else:
            self.conn = psycopg.connect(libpq(url), autocommit=True)

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        if self.server:
            sql = sql.replace("?", "%s")
        return list(self.conn.execute(sql, tuple(params)).fetchall())

    def close(self) -> None:
        self.conn.close()


@contextmanager
def fresh_databases(admin_url: str, count: int) -> Iterator[list[str]]:
    """``count`` new empty databases on the server of ``admin_url`` (URLs with its user and
    password), dropped afterwards whatever happens."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = [f"cplc_bench_{uuid.uuid4().hex[:10]}" for _ in range(count)]
    try:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        base = make_url(admin_url)
        yield [base.set(database=n).render_as_string(hide_password=False) for n in names]
    finally:
        for name in names:
            _drop(admin, name)
        admin.dispose()


def _drop(admin: Engine, name: str) -> None:
    """Drop a throwaway database. An autovacuum worker busy in it after a large fill cannot be
    ended by its owner and refuses FORCE for a while: retry for a minute, then say which
    database is left instead of hiding the benchmark's figures behind an error."""
    for attempt in range(30):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == 29:
                print(f"  could not drop database {name}: drop it by hand")
                return
            time.sleep(2)


def libpq(url: str) -> str:
    """The SQLAlchemy URL as a libpq connection string for psycopg."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def database_size(url: str) -> int:
    """Bytes the database of ``url`` takes on the server now (``pg_database_size``)."""
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    assert row is not None
    return int(row[0])


def largest_tables(url: str, top: int = 4) -> str:
    """The largest tables with their indexes (``pg_total_relation_size``), for the output."""
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public' "
            "ORDER BY 2 DESC LIMIT %s",
            (top,),
        ).fetchall()
    return ", ".join(f"{name} {size / 1e6:,.1f} MB" for name, size in rows)


def copy_from_sqlite(source: Path, url: str, tables: tuple[str, ...]) -> tuple[int, float]:
    """(rows, seconds) of reading ``tables`` from a SQLite file and COPYing them into the same
    tables on the server, in one transaction: the raw baseline an import is measured against."""
    src = sqlite3.connect(source)
    rows_total = 0
    with psycopg.connect(libpq(url)) as dst:
        dst.execute("SET TIME ZONE 'UTC'")  # SQLite holds naive UTC timestamps
        dst.commit()
        start = time.perf_counter()
        with dst.cursor() as cur:
            for table in tables:
                cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
                rows = src.execute(f"SELECT {', '.join(cols)} FROM {table}")
                with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        rows_total += 1
        dst.commit()
        elapsed = time.perf_counter() - start
    src.close()
    return rows_total, elapsed
