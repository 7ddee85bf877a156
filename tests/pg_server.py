"""A throwaway database on the PostgreSQL server CI starts (.ci/start-postgres.sh sets
CPLC_DESK_TEST_PG_URL): created per test, dropped after. Skipped without a server, except under
CI, where a missing server is a failure."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

PG_URL = os.environ.get("CPLC_DESK_TEST_PG_URL")


def require_server() -> str:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must provide a PostgreSQL server (CPLC_DESK_TEST_PG_URL)")
        pytest.skip("no PostgreSQL server (set CPLC_DESK_TEST_PG_URL)")
    return PG_URL


INSUFFICIENT_PRIVILEGE = "42501"


def drop_database(conn: Connection, name: str, *, if_exists: bool = True) -> None:
    """Drop the database ``name`` (``conn``: autocommit, on another database), ending its
    sessions. An autovacuum worker busy in a database just filled belongs to the server, so the
    test role cannot end it and FORCE is refused until it is done: wait for it, up to a minute."""
    statement = text(f'DROP DATABASE {"IF EXISTS " if if_exists else ""}"{name}" WITH (FORCE)')
    for attempt in range(60):
        try:
            conn.execute(statement)
            return
        except DBAPIError as exc:
            busy = getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE
            if not busy or attempt == 59:
                raise
            time.sleep(1)


@contextmanager
def throwaway_database() -> Iterator[str]:
    """The URL (with its password) of a new, empty database."""
    server = require_server()
    name = f"cplc_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            drop_database(conn, name)
        admin.dispose()
