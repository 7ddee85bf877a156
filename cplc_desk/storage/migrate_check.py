"""``python -m cplc_desk.storage.migrate_check [--db-url URL]``: fail if the models drifted from
the migrations.

Upgrades a throwaway SQLite file to head and compares it with the models (Alembic's
``compare_metadata``, the comparison ``alembic check`` makes), so CI catches a model change that
has no migration. Given a PostgreSQL server (``--db-url``, else ``CPLC_DESK_TEST_PG_URL``, as CI
sets it: any database on the server the role may connect to; the role needs CREATEDB), it does the
same on a fresh database made there and dropped afterwards, so a migration that builds something
else on PostgreSQL than the models say is caught too.

Indexes that migrations make and the models leave out on purpose (on an expression, another
access method than btree, an operator class: PostgreSQL's search indexes) are not drift; they
are listed as such (:func:`cplc_desk.storage.migrate.compared`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, make_url, text

from cplc_desk.storage.db import make_engine, sqlite_url
from cplc_desk.storage.migrate import compared, migration_only_index, upgrade
from cplc_desk.storage.models import Base

ENV_PG_URL = "CPLC_DESK_TEST_PG_URL"


def differences(engine: Engine) -> tuple[list[Any], list[str]]:
    """What differs between ``engine``'s database and the models, and the names of the indexes
    only migrations make (left out of the comparison)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    left_out: list[str] = []

    def include(obj: Any, name: str | None, type_: str, reflected: bool, to: Any) -> bool:
        kept = compared(obj, name, type_, reflected, to)
        if not kept and type_ == "index" and migration_only_index(obj):
            left_out.append(f"{obj.table.name}.{name}")
        return kept

    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        diffs = compare_metadata(context, Base.metadata)
    return list(diffs), sorted(left_out)


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on ``server`` (its URL, with the password), dropped afterwards."""
    name = f"cplc_migrate_check_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _check(label: str, url: str) -> bool:
    engine = make_engine(url)
    try:
        upgrade(engine, "head")
        diffs, left_out = differences(engine)
    finally:
        engine.dispose()
    if left_out:
        print(f"{label}: indexes made by migrations only, not compared: {', '.join(left_out)}")
    if diffs:
        lines = "\n".join(f"  {d}" for d in diffs)
        print(f"{label}: models and migrations differ:\n{lines}", file=sys.stderr)
        return False
    print(f"{label}: models and migrations agree")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cplc_desk.storage.migrate_check")
    parser.add_argument(
        "--db-url",
        default=os.environ.get(ENV_PG_URL),
        help=f"a PostgreSQL server to check on as well (default: ${ENV_PG_URL})",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        ok = _check("SQLite", sqlite_url(Path(tmp) / "check.sqlite3"))
    if args.db_url:
        with fresh_database(args.db_url) as url:
            ok = _check(f"PostgreSQL ({make_url(url).host})", url) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
