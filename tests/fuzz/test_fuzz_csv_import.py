"""Fuzzing the legacy register import with structure-aware mutations of real-looking files.

Valid rows made by the sample maker are written with header variants (case, spacing, order,
unknown and duplicated columns, a required column missing), any of three delimiters and line
endings, and mutated: cells replaced by arbitrary or huge text, quotes, delimiters and newlines
inside cells, ragged rows, then encoded as UTF-8 (with or without BOM), UTF-16, cp1252 or
Latin-1, and sometimes cut short at a random byte. Whatever the file, the import never stops
with a traceback: it gives a report (every row counted once as imported, already present or bad,
each bad row with translated reasons) or refuses the whole file with a translated CsvFileError
and saves nothing. Records saved earlier are never lost, and importing the same file again
imports nothing new.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from fuzzing import MARK, assert_translated, fuzz, marked_translation
from hypothesis import event, given
from hypothesis import strategies as st

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.imports.csv_columns import COMPLAINT_COLUMNS, VEHICLE_COLUMNS
from cplc_desk.services.imports.csv_import import (
    MAX_BAD_ROWS_LISTED,
    CsvFileError,
    ImportReport,
    import_csv,
)
from cplc_desk.services.imports.csv_read import MAX_FILE_BYTES

STATIONS = [SampleStation("CLIF", "Clifton"), SampleStation("BOBA", "Boat Basin")]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskContext]:
    ctx = open_desk(DeskPaths(tmp_path_factory.mktemp("fuzz-csv")), actor=Actor("volunteer"))
    setup.init_station(ctx, "CLIF")
    yield ctx
    report = check_store(ctx)
    ctx.close()
    assert report.ok, report.problems


def _complaint_row(maker: SampleMaker) -> dict[str, str]:
    d = maker.complaint(now_utc())
    p = d.complainant
    assert d.incident_at is not None
    return {
        "reference": f"REG-{maker.rng.randint(1, 99999)}", "complainant_name": p.name,
        "relative_name": p.relative_name, "cnic": p.cnic, "mobile": p.mobile,
        "address": p.address, "category": d.category, "police_station": d.police_station,
        "incident_date": d.incident_at.strftime("%d/%m/%Y"),
        "incident_time": d.incident_at.strftime("%H:%M"), "incident_place": d.incident_place,
        "fir_number": d.fir_number,
        "fir_date": d.fir_date.strftime("%d/%m/%Y") if d.fir_date else "",
        "narrative": d.narrative,
    }  # fmt: skip


def _vehicle_row(maker: SampleMaker) -> dict[str, str]:
    v = maker.vehicle(now_utc())
    o = v.owner
    assert v.incident_at is not None
    return {
        "reference": f"VR-{maker.rng.randint(1, 99999)}", "kind": v.kind,
        "vehicle_class": v.vehicle_class, "registration": v.registration, "chassis": v.chassis,
        "engine": v.engine, "make": v.make, "model": v.model, "colour": v.colour,
        "model_year": v.model_year, "owner_name": o.name, "owner_relative_name": o.relative_name,
        "owner_cnic": o.cnic, "owner_mobile": o.mobile, "owner_address": o.address,
        "incident_date": v.incident_at.strftime("%Y-%m-%d"), "incident_time": "",
        "incident_place": v.incident_place, "police_station": v.police_station,
        "fir_number": v.fir_number,
        "fir_date": v.fir_date.isoformat() if v.fir_date else "",
    }  # fmt: skip


cell_junk = st.one_of(
    st.text(max_size=40),
    st.sampled_from(['"', '""', "a,b", "a;b", "a\tb", "line\nbreak", "\r\n", " ", "=1+1",
                     "\x00", "\ufeff", "٣٤٥", "0300-1234567", "31/02/2026", "25:99", "AFR"]),
    st.integers(10_000, 120_000).map(lambda n: "x" * n),
)  # fmt: skip


@st.composite
def register_files(draw: st.DrawFn, kind: str) -> bytes:
    columns = list(COMPLAINT_COLUMNS if kind == "complaints" else VEHICLE_COLUMNS)
    maker = SampleMaker(STATIONS, "CLIF", seed=draw(st.integers(0, 10**6)))
    make = _complaint_row if kind == "complaints" else _vehicle_row
    rows = [make(maker) for _ in range(draw(st.sampled_from([0, 1, 2, 3, 5, 8])))]
    # The header: how people and other programs write column names.
    header = draw(st.permutations(columns)) if draw(st.booleans()) else list(columns)
    style = draw(st.sampled_from(["same", "upper", "title", "spaces", "dashes", "padded"]))
    shown = {
        "same": lambda c: c, "upper": str.upper, "title": lambda c: c.replace("_", " ").title(),
        "spaces": lambda c: c.replace("_", " "), "dashes": lambda c: c.replace("_", "-"),
        "padded": lambda c: f"  {c} ",
    }[style]  # fmt: skip
    names = [shown(c) for c in header]
    extra = draw(st.sampled_from(["none", "none", "none", "unknown", "duplicate", "drop"]))
    if extra == "unknown":
        header.append("remarks")
        names.append(draw(st.text(max_size=15)))
    elif extra == "duplicate":
        i = draw(st.integers(0, len(header) - 1))
        header.append(header[i])
        names.append(names[i])
    elif extra == "drop":
        i = draw(st.integers(0, len(header) - 1))
        del header[i], names[i]
    table = [names]
    for row in rows:
        cells = [row.get(c, "") for c in header]
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3]))):
            cells[draw(st.integers(0, len(cells) - 1))] = draw(cell_junk)
        ragged = draw(st.sampled_from(["no", "no", "short", "long", "long-empty"]))
        if ragged == "short":
            cells = cells[: draw(st.integers(0, len(cells)))]
        elif ragged == "long":
            cells += draw(st.lists(st.text(min_size=1, max_size=10), min_size=1, max_size=3))
        elif ragged == "long-empty":
            cells += ["", " "]
        table.append(cells)
    if draw(st.booleans()) and len(table) > 1:  # a row repeated further on
        table.append(list(table[draw(st.integers(1, len(table) - 1))]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=ending).writerows(table)
    text = buffer.getvalue()
    if draw(st.booleans()):
        text = "\n" * draw(st.integers(1, 2)) + text  # blank lines above the header
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig"] * 2 + ["utf-16", "utf-16-le",
                                     "cp1252", "latin-1"]))  # fmt: skip
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 14)) == 0:  # cut short, maybe inside a character or a quote
        data = data[: draw(st.integers(0, len(data)))]
    return data


def _numbers(ctx: DeskContext) -> set[tuple[str, str]]:
    conn = sqlite3.connect(DeskPaths(ctx.paths.data_dir).database)
    try:
        return set(
            conn.execute(
                "SELECT id, number FROM complaint UNION ALL SELECT id, number FROM vehicle_report"
            )
        )
    finally:
        conn.close()


def _import(ctx: DeskContext, kind: str, path: Path) -> ImportReport | CsvFileError:
    with marked_translation():
        try:
            report = import_csv(ctx, kind, path, batch_size=3)
        except CsvFileError as exc:
            assert_translated(str(exc))
            return exc
    assert report.rows == report.imported + report.already_present + report.not_imported
    assert len(report.bad_rows) == min(report.not_imported, MAX_BAD_ROWS_LISTED)
    for bad in report.bad_rows:
        assert bad.line >= 2 and bad.reasons
        assert all(reason.strip() and MARK in reason for reason in bad.reasons), bad.reasons
    return report


def _check(ctx: DeskContext, kind: str, data: bytes, name: str = "register.csv") -> None:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-csv-"))
    try:
        path = folder / name
        path.write_bytes(data)
        before = _numbers(ctx)
        first = _import(ctx, kind, path)
        after = _numbers(ctx)
        assert before <= after, "records saved earlier were lost"
        if isinstance(first, CsvFileError):
            event("file refused")
            assert after == before, "a refused file saved records"
            return
        event("rows imported" if first.imported else "no row imported")
        event("some rows bad" if first.bad_rows else "no bad row")
        assert len(after) - len(before) == first.imported
        again = _import(ctx, kind, path)
        assert isinstance(again, ImportReport)
        assert again.imported == 0, "importing the same file again saved records twice"
        assert again.already_present == first.imported + first.already_present
        assert [b.line for b in again.bad_rows] == [b.line for b in first.bad_rows]
        assert _numbers(ctx) == after
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@fuzz(60)
@given(data=register_files("complaints"))
def test_a_complaints_register_imports_or_is_refused_whole(desk: DeskContext, data: bytes) -> None:
    _check(desk, "complaints", data)


@fuzz(40)
@given(data=register_files("vehicles"))
def test_a_vehicles_register_imports_or_is_refused_whole(desk: DeskContext, data: bytes) -> None:
    _check(desk, "vehicles", data)


@fuzz(40)
@given(data=st.binary(max_size=2000))
def test_any_bytes_at_all(desk: DeskContext, data: bytes) -> None:
    _check(desk, "complaints", data)


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    """A register's workbook (text, numbers and dates in its cells), then damaged: bytes
    flipped, cut short, or its sheet's XML broken or salted with text, and zipped again."""
    maker = SampleMaker(STATIONS, "CLIF", seed=draw(st.integers(0, 10**6)))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(COMPLAINT_COLUMNS))
    for _ in range(draw(st.sampled_from([0, 1, 2, 5]))):
        row: list[object] = list(_complaint_row(maker).values())
        if draw(st.booleans()):  # as Excel keeps them: CNIC and mobile as numbers, a date cell
            row[3] = int("".join(ch for ch in str(row[3]) if ch.isdigit()) or 0)
            row[8] = now_utc().date()
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    data = bytearray(buf.getvalue())
    # Places are drawn as fractions: the workbook's length varies with the time it was saved.
    place = st.integers(0, 10**6).map(lambda n: n / 10**6)
    how = draw(st.sampled_from(["whole", "flipped", "cut", "xml"]))
    event(f"workbook {how}")
    if how == "flipped":
        for _ in range(draw(st.integers(1, 8))):
            data[int(draw(place) * (len(data) - 1))] ^= draw(st.integers(1, 255))
    elif how == "cut":
        data = data[: int(draw(place) * len(data))]
    elif how == "xml":
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as old:
            parts = {n: old.read(n) for n in old.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"]
        at = int(draw(place) * len(xml))
        salt = draw(st.sampled_from([b"", b"<", b"</row>", b"<c r=\"ZZZ9\" t=\"s\"><v>99</v></c>",
                                     b"&bogus;", "\u0645\u0648\u0628\u0627\u0626\u0644".encode()]))  # fmt: skip
        parts["xl/worksheets/sheet1.xml"] = xml[:at] + salt + xml[at + draw(st.integers(0, 40)) :]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
            for name, part in parts.items():
                new.writestr(name, part)
        data = bytearray(out.getvalue())
    return bytes(data)


@fuzz(60)
@given(data=workbooks())
def test_a_workbook_imports_or_is_refused_whole(desk: DeskContext, data: bytes) -> None:
    _check(desk, "complaints", data, "register.xlsx")


def test_a_file_over_the_size_limit_is_refused_unread(desk: DeskContext, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:  # sparse: no disk space used
        fh.truncate(MAX_FILE_BYTES + 1)
    with marked_translation(), pytest.raises(CsvFileError) as info:
        import_csv(desk, "complaints", path)
    assert_translated(str(info.value))
    assert "200 MB" in str(info.value)
