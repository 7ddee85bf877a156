"""Copying a store table by table to another database, and a digest of each table computed the
same way on both sides (services/desk/move.py moves a SQLite headquarters to a server with it).

Rows are read and written through the models' tables (SQLAlchemy Core), so each column's type
converts the value both ways. A table's digest is its row count and the sum, modulo 2**256, of
one SHA-256 per row over the row's values in a fixed textual form: it does not depend on the
order the database returns rows in (SQLite and PostgreSQL sort text differently).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, inspect, select, text

import cplc_desk.storage.models  # noqa: F401  (every model's table in the metadata)
from cplc_desk.storage.base import Base

BATCH_ROWS = 5_000
_MOD = 2**256


@dataclass(frozen=True)
class TableDigest:
    rows: int
    digest: str


def tables() -> list[Table]:
    """The models' tables, each after the tables its foreign keys point at."""
    return list(Base.metadata.sorted_tables)


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return "dt:" + value.isoformat()
    if isinstance(value, date):
        return "d:" + value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "b:" + bytes(value).hex()
    if isinstance(value, Decimal):
        return "n:" + format(value.normalize(), "f")
    if isinstance(value, float):
        return "f:" + repr(value)
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, sort_keys=True, default=str)
    if hasattr(value, "value") and not isinstance(value, str | int):  # an enum
        return _canonical(value.value)
    return value


def _batches(conn: Connection, table: Table, size: int) -> Iterator[list[dict[str, Any]]]:
    result = conn.execute(select(table).execution_options(yield_per=size))
    for part in result.mappings().partitions(size):
        yield [dict(row) for row in part]


def digest(conn: Connection, table: Table) -> TableDigest:
    names = [c.name for c in table.columns]
    total, rows = 0, 0
    for batch in _batches(conn, table, BATCH_ROWS):
        for row in batch:
            form = json.dumps([_canonical(row[n]) for n in names], default=str)
            total += int.from_bytes(hashlib.sha256(form.encode("utf-8")).digest(), "big")
            rows += 1
    return TableDigest(rows, format(total % _MOD, "064x"))


def copy_table(
    source: Connection,
    target: Connection,
    table: Table,
    *,
    batch_rows: int = BATCH_ROWS,
    progress: Callable[[str, int], None] | None = None,
) -> int:
    """Every row of ``table`` from ``source`` into ``target`` (which holds none), in batches."""
    copied = 0
    for batch in _batches(source, table, batch_rows):
        target.execute(table.insert(), batch)
        copied += len(batch)
        if progress is not None:
            progress(table.name, copied)
    return copied


def set_sequences_past_copied(target: Connection, table: Table) -> None:
    """On PostgreSQL, an integer key's sequence (serial or identity) continues after the
    largest copied value; SQLite needs nothing."""
    if target.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if not isinstance(column.type, Integer) or column.autoincrement is False:
            continue
        sequence = target.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
        ).scalar()
        if sequence is None:
            continue
        top = target.execute(select(func.max(column))).scalar()
        if top is not None:
            target.execute(text("SELECT setval(:s, :v, true)"), {"s": sequence, "v": top})


def table_names(conn: Connection) -> list[str]:
    """The tables in the database's default schema."""
    return list(inspect(conn).get_table_names())
