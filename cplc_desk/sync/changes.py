"""Reading ``changes.tsv``: each line a change to one record, its image a JSON array in the
station's column order (see :func:`cplc_desk.sync.export.change_line` and
docs/bundle-format.md).

A change is refused unless its image is a list as wide as the station's columns, names the
change's own record and version, comes from the station that sent the bundle, and every value
has its column's type. :func:`parse_line` reads one line and says what is wrong with it.
:func:`parse_batch` reads thousands at a time: it does the same per-line work, but checks the
types one column of the whole batch at a time, in C (a set of the values' types, ``min`` and
``max``, the date parser mapped over the column) rather than a Python call per value. It
accepts only what :func:`parse_line` accepts; at the first doubt of any kind it reads the batch
again line by line, so a refusal is always :func:`parse_line`'s own, for the first bad line.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from operator import is_not
from typing import Any

from sqlalchemy import Column, Table

from cplc_desk.storage.kinds import SYNC_MODELS, VALUE_RULES
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

# The same checks over one column of a batch: True when every value passes, False (or
# ValueError from a date parser) when one does not.
ColumnCheck = Callable[[Sequence[Any]], bool]
_NONE = type(None)
_not_none = partial(is_not, None)


def _only(*types: type) -> ColumnCheck:
    allowed = {*types, _NONE}
    return lambda column: set(map(type, column)) <= allowed


def _all_int64(column: Sequence[Any]) -> bool:
    kinds = set(map(type, column))
    if not kinds <= {int, _NONE}:
        return False
    values = [v for v in column if v is not None] if _NONE in kinds else column
    return not values or (min(values) >= -_INT64 and max(values) < _INT64)


def _all_parse(parse: Callable[[str], object]) -> ColumnCheck:
    def check(column: Sequence[Any]) -> bool:
        if not set(map(type, column)) <= {str, _NONE}:
            return False
        deque(map(parse, filter(_not_none, column)), maxlen=0)  # ValueError on a bad one
        return True

    return check


_COLUMN_CHECKS: dict[type, ColumnCheck] = {
    str: _only(str),
    int: _all_int64,
    bool: _only(bool),
    date: _all_parse(date.fromisoformat),
}


def _value_check(column: Column[Any]) -> tuple[Callable[[Any], bool], ColumnCheck] | None:
    if isinstance(column.type, UTCDateTime):
        return _iso_datetime, _all_parse(datetime.fromisoformat)
    python_type = column.type.python_type
    if python_type not in _VALUE_CHECKS:
        return None
    return _VALUE_CHECKS[python_type], _COLUMN_CHECKS[python_type]


def _with_rule(
    checks: tuple[Callable[[Any], bool], ColumnCheck] | None, rule: Callable[[Any], bool] | None
) -> tuple[Callable[[Any], bool], ColumnCheck] | None:
    """A column's type checks, and the kind's rule for its values (storage/kinds.py) if any."""
    if rule is None:
        return checks
    return rule, lambda column: all(v is None or rule(v) for v in column)


class Layout:
    """How a station's image arrays (in the manifest's column order) map onto our columns."""

    def __init__(self, table: str, station_columns: list[str]) -> None:
        ours = [c.name for c in TABLES[table].columns]
        position = {name: i for i, name in enumerate(station_columns)}
        if not {"id", "version", "origin_desk"} <= position.keys():
            raise _invalid()
        self.table = table
        self.station_columns = station_columns
        self.width = len(station_columns)
        self.same = station_columns == ours
        self.mapping = [position.get(name) for name in ours]
        self.id_at, self.version_at = position["id"], position["version"]
        self.origin_at = position["origin_desk"]
        self.hash_at = ours.index("sync_hash")
        rules = VALUE_RULES.get(table, {})
        checks = [
            (i, both)
            for i, column in enumerate(TABLES[table].columns)
            if self.mapping[i] is not None
            and (both := _with_rule(_value_check(column), rules.get(column.name))) is not None
        ]
        self.checks = [(i, value) for i, (value, _column) in checks]
        self.column_checks = [(i, column) for i, (_value, column) in checks]

    def check(self, row: list[Any]) -> None:
        """Raise ValueError unless every value has its column's type."""
        for i, ok in self.checks:
            value = row[i]
            if value is not None and not ok(value):
                raise ValueError("a value of the wrong type")

    def check_all(self, rows: list[list[Any]]) -> bool:
        """Every value of every row (all this wide) has its column's type: :meth:`check` over
        the whole batch, a column at a time. May raise ValueError instead of saying False."""
        columns = list(zip(*rows, strict=True))
        return all(ok(columns[i]) for i, ok in self.column_checks)

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
    # RecursionError: an image nested thousands deep (json.loads recurses) is damage too.
    except (KeyError, ValueError, TypeError, IndexError, UnicodeDecodeError, RecursionError):
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


def parse_batch(raws: list[bytes], station: str, layouts: dict[str, Layout]) -> list[Change]:
    """Parse many lines of changes.tsv: what :func:`parse_line` gives for each, or its refusal
    for the first line it refuses."""
    try:
        changes = _parse_quickly(raws, station, layouts)
    except Exception:  # anything unusual is for parse_line to judge and word
        changes = None
    if changes is None:
        return [parse_line(raw, station, layouts) for raw in raws]
    return changes


# json.loads without its whitespace handling: the value that starts the text, and where it
# ends. A text it does not cover exactly (no JSON value, spaces around it, anything after it)
# goes to parse_line, whose json.loads decides.
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _parse_quickly(
    raws: list[bytes], station: str, layouts: dict[str, Layout]
) -> list[Change] | None:
    """:func:`parse_line` for every line, the types checked per column; None (or an
    exception) as soon as any line is not plainly valid."""
    by_name = {name.encode("ascii"): layout for name, layout in layouts.items()}
    changes: list[Change] = []
    rows: dict[Layout, list[list[Any]]] = {layout: [] for layout in layouts.values()}
    sha256, scan = hashlib.sha256, _SCAN
    for raw in raws:
        _seq, table_b, id_b, _op, version_b, base_b, image_bytes = raw.split(b"\t")
        layout = by_name[table_b]
        record_id, version = id_b.decode("ascii"), int(version_b)
        text = image_bytes.decode("utf-8")
        values, end = scan(text, 0)  # StopIteration if it is no JSON value
        if (
            end != len(text)
            or type(values) is not list
            or len(values) != layout.width
            or values[layout.id_at] != record_id
            or values[layout.version_at] != version
            or values[layout.origin_at] != station
        ):
            return None
        row = layout.row(values)
        rows[layout].append(row)
        base = None if base_b == b"-" else base_b.decode("ascii")
        digest = sha256(image_bytes).hexdigest()
        changes.append(Change(layout.table, record_id, version, base, image_bytes, row, digest))
    if not all(layout.check_all(table_rows) for layout, table_rows in rows.items() if table_rows):
        return None
    # The hash goes in only now: as in parse_line, the type checks saw the station's own value.
    hash_at = {layout.table: layout.hash_at for layout in layouts.values()}
    for change in changes:
        change.row[hash_at[change.table]] = change.hash
    return changes
