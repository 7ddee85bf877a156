"""Reading ``changes.tsv``: each line a change to one record, its image a JSON array in the
station's column order (see :func:`cplc_desk.sync.export.change_line` and
docs/bundle-format.md).

A change is refused unless its image is a list as wide as the station's columns, names the
change's own record and version, comes from the station that sent the bundle, and every value
has its column's type. :func:`parse_line` reads one line and says what is wrong with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Table

from cplc_desk.storage.kinds import SYNC_MODELS
from cplc_desk.storage.types import UTCDateTime
from cplc_desk.sync.errors import SyncError

TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNC_MODELS}  # type: ignore[attr-defined]


def _invalid() -> SyncError:
    return SyncError("damaged", "bundle.change_invalid")


def _iso_datetime(value: object) -> bool:
    return isinstance(value, str) and bool(datetime.fromisoformat(value))


def _iso_date(value: object) -> bool:
    return isinstance(value, str) and bool(date.fromisoformat(value))


_INT64 = 1 << 63
# What a value of an image must be, by the column's Python type (None is left to the store's
# NOT NULL constraints): a wrong type would otherwise reach the driver and stop the import with
# a traceback, or be stored and break every later read of the record.
_VALUE_CHECKS: dict[type, Callable[[Any], bool]] = {
    str: lambda v: type(v) is str,
    int: lambda v: type(v) is int and -_INT64 <= v < _INT64,
    bool: lambda v: type(v) is bool,
    date: _iso_date,
}


def _value_check(column: Column[Any]) -> Callable[[Any], bool] | None:
    if isinstance(column.type, UTCDateTime):
        return _iso_datetime
    return _VALUE_CHECKS.get(column.type.python_type)


class Layout:
    """How a station's image arrays (in the manifest's column order) map onto our columns."""

    def __init__(self, table: str, station_columns: list[str]) -> None:
        ours = [c.name for c in TABLES[table].columns]
        position = {name: i for i, name in enumerate(station_columns)}
        if not {"id", "version", "origin_desk"} <= position.keys():
            raise _invalid()
        self.station_columns = station_columns
        self.width = len(station_columns)
        self.same = station_columns == ours
        self.mapping = [position.get(name) for name in ours]
        self.id_at, self.version_at = position["id"], position["version"]
        self.origin_at = position["origin_desk"]
        self.hash_at = ours.index("sync_hash")
        self.checks = [
            (i, check)
            for i, column in enumerate(TABLES[table].columns)
            if self.mapping[i] is not None and (check := _value_check(column)) is not None
        ]

    def check(self, row: list[Any]) -> None:
        """Raise ValueError unless every value has its column's type."""
        for i, ok in self.checks:
            value = row[i]
            if value is not None and not ok(value):
                raise ValueError("a value of the wrong type")

    def row(self, values: list[Any]) -> list[Any]:
        if self.same:
            return values
        return [None if i is None else values[i] for i in self.mapping]


@dataclass(slots=True)
class Change:
    table: str
    record_id: str
    version: int
    base_hash: str | None
    image: bytes  # exactly as received
    row: list[Any]  # our column order, sync_hash filled in
    hash: str


def layouts_for(columns: dict[str, list[str]]) -> dict[str, Layout]:
    return {t: Layout(t, cols) for t, cols in columns.items() if t in TABLES}


def parse_line(raw: bytes, station: str, layouts: dict[str, Layout]) -> Change:
    """Parse one line of changes.tsv (see :func:`cplc_desk.sync.export.change_line`)."""
    try:
        _seq, table_b, id_b, _op, version_b, base_b, image_bytes = raw.split(b"\t")
        base = None if base_b == b"-" else base_b.decode("ascii")
        layout = layouts[table_b.decode("ascii")]
        record_id, version = id_b.decode("ascii"), int(version_b)
        values = json.loads(image_bytes.decode("utf-8"))  # str parses faster than bytes
        if (
            not isinstance(values, list)
            or len(values) != layout.width
            or values[layout.id_at] != record_id
            or values[layout.version_at] != version
        ):
            raise ValueError("image does not match its change")
        origin = values[layout.origin_at]
        digest = hashlib.sha256(image_bytes).hexdigest()
        row = layout.row(values)
        layout.check(row)
        row[layout.hash_at] = digest  # the column headquarters keys its merge decisions on
    except (KeyError, ValueError, TypeError, IndexError, UnicodeDecodeError):
        raise _invalid() from None
    if origin != station:
        raise SyncError("foreign_record", station=station, other=origin)
    return Change(
        table_b.decode("ascii"),
        record_id,
        version,
        base,
        image_bytes,
        row,
        digest,
    )
