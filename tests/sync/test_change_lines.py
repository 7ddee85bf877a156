"""Reading changes.tsv a batch at a time (``parse_batch``, the import's way) gives exactly what
reading it line by line (``parse_line``) gives: the same changes, or the same refusal, for the
same first bad line, whatever is wrong with the batch. And a plainly valid batch takes the fast
way, so the speed it exists for does not quietly go. The merge that reads them pauses the
garbage collector, and leaves it as it found it, refused or not."""

from __future__ import annotations

import gc
import hashlib
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cplc_desk.storage.types import UTCDateTime
from cplc_desk.sync import changes, merge
from cplc_desk.sync.changes import TABLES, Layout, layouts_for, parse_batch, parse_line
from cplc_desk.sync.errors import SyncError

STATION = "CLIF"
OURS = {name: [c.name for c in table.columns] for name, table in TABLES.items()}
# A station whose columns come in another order, with one headquarters does not know.
SHUFFLED = {name: [*reversed(cols), "added_later"] for name, cols in OURS.items()}


def _value(table: str, column: str) -> Any:
    if column not in TABLES[table].c:
        return "from a newer station"
    col = TABLES[table].c[column]
    if isinstance(col.type, UTCDateTime):
        return "2026-01-02T03:04:05.000006+00:00"
    kind = col.type.python_type
    return {str: "text", int: 7, bool: True, date: "2026-01-02"}.get(kind)


def line(table: str, n: int, columns: dict[str, list[str]], **values: Any) -> bytes:
    """A change line for record ``n`` of ``table``, valid unless ``values`` (which replace the
    usual ones) say otherwise. The line's id and version fields agree with its image's where
    they can."""
    record = {c: _value(table, c) for c in columns[table]}
    record.update(id=f"id-{n}", version=1 + n % 3, origin_desk=STATION, sync_hash=None)
    record.update(values)
    image = json.dumps([record[c] for c in columns[table]]).encode()
    record_id = record["id"] if type(record["id"]) is str else f"id-{n}"
    version = record["version"] if type(record["version"]) is int else 1
    base = "-" if n % 2 else hashlib.sha256(str(n).encode()).hexdigest()  # a first or a later image
    fields = [str(n), table, record_id, "insert", str(version), base]
    return b"\t".join([*(f.encode() for f in fields), image])


def outcome(read: Any) -> Any:
    try:
        return ("read", read())
    except SyncError as exc:
        return ("refused", exc.code, exc.say, exc.params)


def both(lines: list[bytes], layouts: dict[str, Layout]) -> tuple[Any, Any]:
    one_by_one = outcome(lambda: [parse_line(raw, STATION, layouts) for raw in lines])
    batched = outcome(lambda: parse_batch(lines, STATION, layouts))
    return batched, one_by_one


@pytest.mark.parametrize("columns", [OURS, SHUFFLED], ids=["our-order", "station-order"])
def test_a_valid_batch_is_read_the_fast_way_and_the_same(columns: dict[str, list[str]]) -> None:
    layouts = layouts_for(columns)
    lines = [line(t, n, columns) for n in range(12) for t in ("person", "complaint")]
    lines.append(line("person", 99, columns, name=None, version=2**63 - 1, created_at=None))
    assert changes._parse_quickly(lines, STATION, layouts) is not None
    batched, one_by_one = both(lines, layouts)
    assert batched == one_by_one
    assert batched[0] == "read" and len(batched[1]) == len(lines)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2026-01-02", "2026-13-45", "2026-01-02T03:04:05+05:00", "CLIF", "id-1"]),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=4,
)


# Values at the edge of what each kind of column allows, and just past it.
EDGES: dict[object, list[Any]] = {
    str: ["", "x", "é", 5, True, None, [], {}],
    int: [2**63 - 1, 2**63, -(2**63), -(2**63) - 1, True, 0, 1.5, "1", None],
    date: ["2026-02-28", "2026-02-30", "20260228", "2026-02-28T00:00", 20260228, None],
    bool: [True, False, 1, 0, "true", None],
    UTCDateTime: ["2026-01-02T03:04:05+00:00", "2026-01-02T25:04:05+00:00", "2026-01-02",
                  "2026-01-02 03:04:05", "2026-01-02T03:04:05Z", "x", 5, None],
}  # fmt: skip


def _kind(table: str, column: str) -> object:
    col = TABLES[table].c[column]
    return UTCDateTime if isinstance(col.type, UTCDateTime) else col.type.python_type


@pytest.mark.parametrize("columns", [OURS, SHUFFLED], ids=["our-order", "station-order"])
def test_every_edge_value_in_every_column_is_judged_as_line_by_line(
    columns: dict[str, list[str]],
) -> None:
    layouts = layouts_for(columns)
    for table, names in OURS.items():
        for column in names:
            for value in EDGES[_kind(table, column)]:
                lines = [line("person", 1, columns), line(table, 2, columns, **{column: value})]
                batched, one_by_one = both(lines, layouts)
                assert batched == one_by_one, (table, column, value)
                if one_by_one[0] == "read":  # and the fast way was not too strict
                    assert changes._parse_quickly(lines, STATION, layouts), (table, column, value)


FIELDS = [b"", b"-", b"x", b"2", b"02", b"person", b"complaint", b"\xff", b"\xc3\xa9", b"1 "]


@pytest.mark.parametrize("columns", [OURS, SHUFFLED], ids=["our-order", "station-order"])
def test_every_field_of_the_line_is_judged_as_line_by_line(columns: dict[str, list[str]]) -> None:
    layouts = layouts_for(columns)
    for table in OURS:
        for at in range(6):  # seq, table, id, op, version, base (the image is the rest)
            for value in FIELDS:
                fields = line(table, 2, columns).split(b"\t")
                fields[at] = value
                lines = [line("person", 1, columns), b"\t".join(fields)]
                assert both(lines, layouts)[0] == both(lines, layouts)[1], (table, at, value)


@st.composite
def damaged_batch(draw: st.DrawFn) -> tuple[list[bytes], dict[str, list[str]]]:
    """A batch of valid lines with one or two of them each changed in one way."""
    columns = draw(st.sampled_from([OURS, SHUFFLED]))
    tables = st.sampled_from(sorted(TABLES))
    lines = [line(draw(tables), n, columns) for n in range(draw(st.integers(1, 6)))]
    for i in draw(st.lists(st.integers(0, len(lines) - 1), min_size=1, max_size=2, unique=True)):
        fields = lines[i].split(b"\t")
        table = fields[1].decode()
        how = draw(st.sampled_from(["value", "named", "edge", "edge", "field", "around", "tab",
                                    "raw"]))  # fmt: skip
        if how in ("value", "named", "edge"):
            image = json.loads(fields[6])
            if how == "value":
                at, new = draw(st.integers(0, len(image) - 1)), draw(json_values)
            elif how == "named":  # the values every change is checked against, and the merge's
                names = ["id", "version", "origin_desk", "sync_hash"]
                at = columns[table].index(draw(st.sampled_from(names)))
                new = draw(json_values)
            else:
                column = draw(st.sampled_from(OURS[table]))
                at, new = (
                    columns[table].index(column),
                    draw(st.sampled_from(EDGES[_kind(table, column)])),
                )
                if column == "version" and type(new) is int:
                    fields[4] = str(new).encode()  # the line's own version field says it too
            image[at] = new
            fields[6] = json.dumps(image).encode()
        elif how == "field":
            at = draw(st.integers(0, 5))
            fields[at] = draw(
                st.sampled_from([b"", b"-", b"x", b"2", b"person", b"\xff", b"\xc3\xa9", b"1 "])
            )
        elif how == "around":  # json.loads allows spaces around a value, nothing else
            before = draw(st.sampled_from([b"", b" ", b"\r", b"x"]))
            after = draw(st.sampled_from([b"", b" ", b" \r", b"x", b",1", b"]", b"[]", b"\x00"]))
            fields[6] = before + fields[6] + after
        elif how == "tab":
            fields.insert(draw(st.integers(0, 7)), b"")
        else:
            fields = [draw(st.binary(max_size=30))]
        lines[i] = b"\t".join(fields)
    return lines, columns


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(damaged_batch())
def test_a_damaged_batch_is_refused_as_line_by_line(
    batch: tuple[list[bytes], dict[str, list[str]]],
) -> None:
    lines, columns = batch
    batched, one_by_one = both(lines, layouts_for(columns))
    assert batched == one_by_one


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with merge._collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(SyncError), merge._collector_paused():
            raise changes._invalid()
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_an_image_nested_thousands_deep_is_refused_not_a_traceback() -> None:
    """json.loads recurses: an image of 100,000 brackets ends in RecursionError, which is a
    damaged bundle like any other, both ways."""
    layouts = layouts_for(OURS)
    fields = line("person", 1, OURS).split(b"\t")
    fields[6] = b"[" * 100_000 + b"]" * 100_000
    lines = [line("person", 2, OURS), b"\t".join(fields)]
    batched, one_by_one = both(lines, layouts)
    assert batched == one_by_one
    assert batched[0] == "refused"
