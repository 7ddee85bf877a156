"""Writing many rows given as JSON row images (dates as ISO text), as fast as the database allows.

On SQLite the values are turned straight into the text SQLAlchemy itself stores and written with
the driver's ``executemany``: skipping per-value type processing is what lets a bundle merge
run near the raw insert rate. On PostgreSQL new rows go in with ``COPY`` (psycopg 3's
``cursor.copy()``, in the unit of work's transaction, firing the same triggers as INSERT): the
ISO text of the images is the server's own input format, so it is sent as it is, and an import
runs at about half the rate of a bare COPY of the same rows (bench/sync.py ``--db-url``) where
an executemany of INSERTs reached a quarter. Updates go through SQLAlchemy Core. The merge's look-up of what a table already holds goes the same way on
SQLite: the driver's own statement, not one SQLAlchemy parameter per identifier (on PostgreSQL
the identifiers go as one JSON array).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError

from cplc_desk.storage.many import one_of
from cplc_desk.storage.types import UTCDateTime

Converter = Callable[[Any], Any] | None


def _sqlite_datetime(value: str) -> str:
    # SQLAlchemy's SQLite storage format for DATETIME: naive UTC with microseconds.
    if value.endswith("+00:00"):
        if len(value) == 25:  # no fraction
            return f"{value[:10]} {value[11:19]}.000000"
        if len(value) == 32:
            return f"{value[:10]} {value[11:26]}"
    moment = datetime.fromisoformat(value).astimezone(UTC)
    return f"{moment:%Y-%m-%d %H:%M:%S}.{moment.microsecond:06d}"


def _aware(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


class BulkWriter:
    """Inserts and whole-row updates by ``id`` for one table, and what it holds of given ids."""

    def __init__(self, conn: Connection, table: Table) -> None:
        self.conn = conn
        self.table = table
        self.columns = [c.name for c in table.columns]
        self.sqlite = conn.dialect.name == "sqlite"
        self.converters: list[Converter] = []
        for column in table.columns:
            if isinstance(column.type, UTCDateTime):
                self.converters.append(_sqlite_datetime if self.sqlite else _aware)
            elif column.type.python_type is date and not self.sqlite:
                self.converters.append(date.fromisoformat)
            else:
                self.converters.append(None)
        self._converted = [(i, c) for i, c in enumerate(self.converters) if c is not None]

    def _convert(self, row: list[Any]) -> list[Any]:
        for index, convert in self._converted:
            value = row[index]
            if value is not None:
                row[index] = convert(value)
        return row

    def held(self, ids: Sequence[str]) -> dict[str, tuple[int, str | None]]:
        """``(version, sync_hash)`` of the rows among ``ids`` (no repeats) the table holds."""
        found: dict[str, tuple[int, str | None]] = {}
        table = self.table
        step = 500 if self.sqlite else 5000  # one JSON text per look-up on the server
        for start in range(0, len(ids), step):
            part = ids[start : start + step]
            if self.sqlite:
                marks = ", ".join("?" * len(part))
                cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
                cursor.execute(
                    f'SELECT id, version, sync_hash FROM "{table.name}" WHERE id IN ({marks})',
                    part,
                )
                found.update({rid: (v, h) for rid, v, h in cursor.fetchall()})
                cursor.close()
            else:  # the ids bound as one JSON text, not a parameter each (storage/many.py)
                query = select(table.c.id, table.c.version, table.c.sync_hash)
                rows = self.conn.execute(query.where(one_of(table.c.id, part)))
                found.update({rid: (v, h) for rid, v, h in rows})
        return found

    def insert(self, rows: Sequence[list[Any]]) -> None:
        """Insert rows given as JSON values in this table's column order (converted in place)."""
        if not rows:
            return
        if self.conn.dialect.name == "postgresql":
            self._copy(rows)
            return
        values = [self._convert(row) for row in rows]
        if self.sqlite:
            cols = ", ".join(f'"{c}"' for c in self.columns)
            marks = ", ".join("?" for _ in self.columns)
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.executemany(f'INSERT INTO "{self.table.name}" ({cols}) VALUES ({marks})', values)
            cursor.close()
        else:
            self.conn.execute(
                insert(self.table), [dict(zip(self.columns, v, strict=True)) for v in values]
            )

    def _copy(self, rows: Sequence[list[Any]]) -> None:
        """COPY the rows in as text: ISO dates and times are what the server reads anyway."""
        cols = ", ".join(f'"{c}"' for c in self.columns)
        statement = f'COPY "{self.table.name}" ({cols}) FROM STDIN'
        dbapi = self.conn.dialect.dbapi
        assert dbapi is not None
        cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except dbapi.Error as exc:  # as SQLAlchemy's own (IntegrityError for a refused row)
            raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc
        finally:
            cursor.close()

    def update(self, rows: Sequence[list[Any]]) -> None:
        """Replace whole rows, found by their ``id``."""
        if not rows:
            return
        values = [self._convert(row) for row in rows]
        index = self.columns.index("id")
        others = [c for c in self.columns if c != "id"]
        if self.sqlite:
            sets = ", ".join(f'"{c}" = ?' for c in others)
            params = [[v for i, v in enumerate(row) if i != index] + [row[index]] for row in values]
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.executemany(f'UPDATE "{self.table.name}" SET {sets} WHERE id = ?', params)
            cursor.close()
        else:
            stmt = (
                update(self.table)
                .where(self.table.c.id == bindparam("b_id"))
                .values({c: bindparam(c) for c in others})
            )
            self.conn.execute(
                stmt,
                [{**dict(zip(self.columns, v, strict=True)), "b_id": v[index]} for v in values],
            )
