"""Bringing a store's schema to the version this app expects.

At start-up the app runs :func:`prepare`: a new file is created at the newest schema; an older
one is first copied aside (a consistent copy through SQLite's backup API) and then upgraded; a
file written by a newer version of the app is refused and left untouched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _
from cplc_desk.paths import migrations_dir
from cplc_desk.storage.types import utcnow

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic (about a tenth of a second to import) is loaded only when a schema must change: a
# store already at the newest schema is recognised by reading its version row and the
# migrations' own revision lines (tests/storage/test_migrations.py holds the two to agree).
_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*("([^"]*)"|None)', re.M)


class StoreError(DeskError):
    """A problem with the store that the person at the desk must act on."""


class SchemaTooNewError(StoreError):
    default_code = "schema_too_new"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def compared(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Whether Alembic's comparison of the models with a database (``alembic check``,
    autogenerate, ``migrate_check``) looks at this object (its ``include_object`` hook).

    Left out: the SQLite full-text index (an FTS5 virtual table and its shadow tables, made by
    hand in a migration), the server's own columns (:data:`SERVER_ONLY_COLUMNS`), and an index found in the database but not in the models that the
    models do not declare on purpose: one on an expression, of another access method than
    btree, or with an operator class (the search indexes migrations make on PostgreSQL only).
    An ordinary index missing from the models is still reported.
    """
    if type_ == "table":
        return not (name is not None and name.startswith("complaint_fts"))
    if type_ == "column" and reflected and compare_to is None:
        table = getattr(getattr(obj, "table", None), "name", None)
        return (table, name) not in SERVER_ONLY_COLUMNS
    if type_ == "index" and reflected and compare_to is None:
        return not migration_only_index(obj)
    return True


# Columns a migration adds on a PostgreSQL server only, kept there by triggers and read by raw
# SQL, never mapped: a complaint's searchable words (migration 0015).
SERVER_ONLY_COLUMNS = frozenset({("complaint", "search_words")})

# Column indexes a migration builds under another collation, which reflection does not show: to
# the comparison they look like a second plain index on the same column.
_UNDER_ANOTHER_COLLATION = frozenset({"ix_person_name_key_c"})  # COLLATE "C", migration 0013


def migration_only_index(index: object) -> bool:
    """An index the models cannot state as a plain column index (see :func:`compared`)."""
    from sqlalchemy import Column, Index

    if not isinstance(index, Index):
        return False
    if index.name in _UNDER_ANOTHER_COLLATION:
        return True
    if any(not isinstance(e, Column) for e in index.expressions):
        return True  # on an expression: lower(x), to_tsvector(...)
    options = index.dialect_kwargs  # (an option not given reads as None)
    using = str(options.get("postgresql_using") or "btree").lower()
    return using != "btree" or bool(options.get("postgresql_ops"))


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def newest_revision_on_file() -> str | None:
    """The newest revision, read from the migration files' own ``revision`` and
    ``down_revision`` lines without loading Alembic; None if they do not form one line."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        found = dict(
            (m.group(1), m.group(3)) for m in _REVISION_LINE.finditer(path.read_text("utf-8"))
        )
        if "revision" not in found:
            return None
        revisions.add(str(found["revision"]))
        if found.get("down_revision"):
            parents.add(str(found["down_revision"]))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def known_revisions(script: ScriptDirectory | None = None) -> set[str]:
    """Every schema revision this version knows (older stores it can upgrade, and head)."""
    from alembic.script import ScriptDirectory

    script = script or ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision (None for a new, empty store)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:  # no version table: nothing was ever migrated here
            conn.rollback()
            return None


# Any fixed number: the session lock every workstation of a server takes while it migrates.
_MIGRATION_LOCK = 0x43504C43  # "CPLC"


@contextmanager
def one_at_a_time(engine: Engine) -> Iterator[None]:
    """On a server, hold a session-level advisory lock while the schema is checked and
    upgraded: two workstations starting a new version together migrate once, one after the
    other. SQLite needs none (a migration holds the file's write lock)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
            conn.commit()


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def prepare(engine: Engine, db_file: Path | None, backup_dir: Path | None) -> MigrationResult:
    """Create or upgrade the schema; refuse a newer one. ``db_file`` is None for PostgreSQL."""
    current = current_revision(engine)
    if current is not None and current == newest_revision_on_file():
        return MigrationResult(current, current, None)  # the usual start: nothing to load
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    if current is not None and current not in known_revisions(script):
        raise SchemaTooNewError(
            _(
                "This data file was written by a newer version of CPLC Desk (schema {rev}). "
                "It has not been changed. Install the newer version of CPLC Desk to open it."
            ).format(rev=current)
        )
    backup = None
    if current is not None and db_file is not None and backup_dir is not None:
        backup = _copy_aside(db_file, backup_dir, current)
    upgrade(engine, "head")
    return MigrationResult(current, head, backup)


def upgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run(engine, lambda cfg: command.upgrade(cfg, revision))


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run(engine, lambda cfg: command.downgrade(cfg, revision))


def _run(engine: Engine, step: object) -> None:
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            # Batch migrations rebuild tables; with foreign keys on, dropping the old table
            # would cascade. Check the keys ourselves afterwards instead. Set on the driver's
            # connection, outside any transaction: inside one SQLite ignores the pragma.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            step(alembic_config(conn))  # type: ignore[operator]
            conn.commit()
            if sqlite:
                problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise StoreError(f"foreign key check failed after migration: {problems[:5]}")
        finally:
            if raw is not None:
                conn.rollback()  # nothing is left open after a commit; a failure is undone
                raw.execute("PRAGMA foreign_keys = ON")


def _copy_aside(db_file: Path, backup_dir: Path, revision: str) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"before-upgrade-{revision}-{stamp}.sqlite3"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(db_file)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)
    return target
