"""A throwaway database on the PostgreSQL server CI starts (.ci/start-postgres.sh sets
CPLC_DESK_TEST_PG_URL): created per test, dropped after. Skipped without a server, except under
CI, where a missing server is a failure."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, make_url, text

PG_URL = os.environ.get("CPLC_DESK_TEST_PG_URL")


def require_server() -> str:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must provide a PostgreSQL server (CPLC_DESK_TEST_PG_URL)")
        pytest.skip("no PostgreSQL server (set CPLC_DESK_TEST_PG_URL)")
    return PG_URL


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
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
