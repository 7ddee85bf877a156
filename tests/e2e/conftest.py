"""End-to-end fixtures: headquarters' store, a SQLite file or a PostgreSQL server (hq_store.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hq_store import POSTGRESQL, SQLITE, HqStore
from pg_server import require_server
from sqlalchemy import make_url

from cplc_desk.services.desk.server import ENV_DB_PASSWORD


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``hq_store`` runs on both stores (module by module, so a module's shared
    set-up is made once per store), or on SQLite only if marked ``sqlite_hq``."""
    if "hq_store" not in metafunc.fixturenames:
        return
    only_file = metafunc.definition.get_closest_marker("sqlite_hq") is not None
    backends = [SQLITE] if only_file else [SQLITE, POSTGRESQL]
    metafunc.parametrize("hq_store", backends, indirect=True, scope="module")


@pytest.fixture(scope="module")
def hq_store(request: pytest.FixtureRequest) -> Iterator[HqStore]:
    store = HqStore(request.param)
    if not store.on_server:
        yield store
        return
    # The commands a test runs (and the desks it opens in process) read the server's password
    # here, as a workstation would; removed again when the module is done.
    password = make_url(require_server()).password or ""
    before = os.environ.get(ENV_DB_PASSWORD)
    os.environ[ENV_DB_PASSWORD] = password
    try:
        yield store
    finally:
        store.close()
        if before is None:
            os.environ.pop(ENV_DB_PASSWORD, None)
        else:
            os.environ[ENV_DB_PASSWORD] = before
