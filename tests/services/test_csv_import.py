"""Importing legacy spreadsheet registers through the service, into a real SQLite store."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cplc_desk.domain.clock import PKT, local_year, now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import DeskContext, DeskNotSetUpError
from cplc_desk.services.imports import csv_import
from cplc_desk.services.imports.csv_import import CsvFileError, ImportReport, import_csv
from cplc_desk.storage.models import AuditEntry, Complaint, Person, VehicleReport

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
HEADER = (
    "complainant_name,cnic,mobile,category,police_station,incident_date,incident_time,narrative"
)


def count(ctx: DeskContext, model: type) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def complaints(ctx: DeskContext) -> dict[str, Complaint]:
    """Stored complaints by the number they had in the old register."""
    with ctx.store.read() as s:
        return {c.legacy_ref or c.number: c for c in s.scalars(select(Complaint))}


def csv_audits(ctx: DeskContext) -> list[dict[str, object]]:
    with ctx.store.read() as s:
        rows = s.scalars(
            select(AuditEntry.details)
            .where(AuditEntry.action == AuditAction.CSV_IMPORTED.value)
            .order_by(AuditEntry.seq)
        )
        return [json.loads(d) for d in rows]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def rows_file(tmp_path: Path, n: int, name: str = "register.csv") -> Path:
    lines = [HEADER] + [
        f"Person {i},,0300-{1000000 + i},THEFT,CLIF,01/03/2024,10:{i % 60:02d},Item {i} was stolen."
        for i in range(n)
    ]
    return write(tmp_path, name, "\n".join(lines) + "\n")


# ------------------------------------------------------------------ good files


def test_good_file_is_imported_with_station_numbers(station: DeskContext) -> None:
    report = import_csv(station, "complaints", FIXTURES / "complaints_good.csv")

    assert (report.rows, report.imported, report.already_present) == (6, 6, 0)
    assert report.bad_rows == [] and report.ignored_columns == []
    year = local_year(now_utc())
    assert all(re.fullmatch(rf"CLIF-C-{year}-\d{{5}}", n) for n in report.numbers)
    assert [int(n[-5:]) for n in report.numbers] == [1, 2, 3, 4, 5, 6]
    assert count(station, Complaint) == count(station, Person) == 6
    assert check_store(station).ok


def test_good_file_values_are_read_in_every_accepted_form(station: DeskContext) -> None:
    import_csv(station, "complaints", FIXTURES / "complaints_good.csv")
    c = complaints(station)
    with station.store.read() as s:
        people = {p.id: p for p in s.scalars(select(Person))}

    # Category and station by code or by name, in any case, spacing or punctuation.
    assert {ref: (x.category_code, x.police_station_code) for ref, x in c.items()} == {
        "REG-2024-101": ("FIR_NOT_REGISTERED", "CLIF"),
        "REG-2024-102": ("MOBILE_SNATCHING", "BOBA"),
        "REG-2024-103": ("STREET_ROBBERY", "DARA"),
        "REG-2024-104": ("HARASSMENT", "CLIF"),
        "REG-2024-105": ("BRIBERY", "GIZR"),
        "REG-2024-106": ("THEFT", "DEFE"),
    }
    # Dates day/month/year (also with dots or a two-digit year) or ISO; times 24-hour or AM/PM.
    local = {ref: x.incident_at.astimezone(PKT) for ref, x in c.items() if x.incident_at}
    assert local["REG-2024-101"] == datetime(2024, 2, 3, 14, 30, tzinfo=PKT)
    assert local["REG-2024-102"] == datetime(2024, 2, 11, 21, 15, tzinfo=PKT)
    assert local["REG-2024-103"] == datetime(2024, 3, 17, 23, 40, tzinfo=PKT)
    assert local["REG-2024-104"] == datetime(2024, 4, 5, 0, 0, tzinfo=PKT)
    assert local["REG-2024-105"] == datetime(2024, 5, 21, 11, 0, tzinfo=PKT)
    assert str(c["REG-2024-106"].fir_date) == "2024-07-01"
    # CNIC and mobile with or without dashes, or international, stored in one canonical form.
    asked = people[c["REG-2024-102"].complainant_id]
    assert (asked.cnic, asked.mobile) == ("42201-9876543-2", "0321-7654321")
    assert people[c["REG-2024-103"].complainant_id].mobile == "0333-1234567"
    # A value with commas, quoted as Excel does, arrives whole.
    assert people[c["REG-2024-101"].complainant_id].address == (
        "House 45-B, Block 5, Clifton, Karachi"
    )


def test_each_batch_is_audited(station: DeskContext) -> None:
    report = import_csv(station, "complaints", rows_file(station.paths.data_dir, 12), batch_size=5)

    assert (report.imported, report.batches) == (12, 3)
    assert [(a["batch"], a["imported"]) for a in csv_audits(station)] == [(1, 5), (2, 5), (3, 2)]
    with station.store.read() as s:
        created = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == AuditAction.RECORD_CREATED.value)
        )
    assert created == 12


def test_progress_is_reported_after_each_batch(station: DeskContext, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    import_csv(
        station,
        "complaints",
        rows_file(tmp_path, 12),
        batch_size=5,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(5, 12), (10, 12), (12, 12)]


def test_semicolon_file_with_byte_order_mark(station: DeskContext) -> None:
    report = import_csv(station, "complaints", FIXTURES / "complaints_semicolon.csv")

    assert (report.imported, report.bad_rows, report.ignored_columns) == (3, [], [])
    narratives = {x.narrative for x in complaints(station).values()}
    assert narratives == {
        # A comma needs no quotes when the separator is a semicolon.
        "Phone snatched near the Clifton bridge, the snatchers fled on a bike",
        'Police said "come tomorrow"; no FIR was registered',
        "Shop lock broken, cash taken",
    }
    stations = sorted(x.police_station_code for x in complaints(station).values())
    assert stations == ["BOBA", "CLIF", "CLIF"]


def test_vehicles_file_with_class_synonyms(station: DeskContext) -> None:
    report = import_csv(station, "vehicles", FIXTURES / "vehicles_good.csv")

    assert (report.imported, report.bad_rows) == (6, [])
    year = local_year(now_utc())
    assert all(re.fullmatch(rf"CLIF-V-{year}-\d{{5}}", n) for n in report.numbers)
    with station.store.read() as s:
        got = {v.legacy_ref: v for v in s.scalars(select(VehicleReport))}
    assert {ref: (v.kind, v.vehicle_class) for ref, v in got.items()} == {
        "AVLC-501": ("stolen", "MOTORCYCLE"),  # bike
        "AVLC-502": ("snatched", "MOTORCYCLE"),
        "AVLC-503": ("stolen", "CAR"),
        "AVLC-504": ("recovered", "MOTORCYCLE"),  # m/cycle
        "AVLC-505": ("found_abandoned", "RICKSHAW"),  # qingqi
        "AVLC-506": ("stolen", "COMMERCIAL"),
    }
    # A year beside the plate is kept for display, left out of the matching key.
    assert (got["AVLC-502"].registration, got["AVLC-502"].registration_key) == (
        "KMR 7730 (2021)",
        "KMR7730",
    )
    assert got["AVLC-504"].registration_key == "AFR"
    assert got["AVLC-505"].registration is None and got["AVLC-505"].chassis_key == "YB1357913"
    assert got["AVLC-504"].owner_id is None and got["AVLC-501"].owner_id is not None
    assert got["AVLC-503"].police_station_code == "CLIF"  # written as "Clifton"
    assert check_store(station).ok


# ------------------------------------------------------------------ bad rows


def test_mixed_file_keeps_good_rows_and_reports_bad_ones(station: DeskContext) -> None:
    report = import_csv(station, "complaints", FIXTURES / "complaints_mixed.csv")

    assert (report.rows, report.imported) == (7, 3)
    assert sorted(complaints(station)) == ["OLD-7001", "OLD-7003", "OLD-7007"]
    reasons = {b.line: b.reasons for b in report.bad_rows}
    assert sorted(reasons) == [3, 5, 6, 7]
    # Each reason names the column to fix, as the spreadsheet calls it.
    assert [r.split(":")[0] for r in reasons[3]] == ["cnic"]
    assert "13 digits" in reasons[3][0]
    assert [r.split(":")[0] for r in reasons[5]] == ["incident_date"]
    assert "future" in reasons[5][0]
    assert [r.split(":")[0] for r in reasons[6]] == ["police_station"]
    assert "Lyari Chowki" in reasons[6][0]
    assert [r.split(":")[0] for r in reasons[7]] == ["narrative"]
    # Identity numbers are personal data: never repeated back in a report.
    assert "42101-22233" not in json.dumps(report.as_dict())
    assert check_store(station).ok


def test_a_row_lists_every_problem_at_once(station: DeskContext, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        HEADER + "\n,0123456789012,0300-12,Burglary,Nowhere,31/02/2024,25:99,\n",
    )
    report = import_csv(station, "complaints", path)

    (bad,) = report.bad_rows
    assert bad.line == 2
    assert sorted(r.split(":")[0] for r in bad.reasons) == sorted(
        [
            "complainant_name",
            "cnic",
            "mobile",
            "category",
            "police_station",
            "incident_date",
            "narrative",
        ]
    )


def test_line_numbers_count_multi_line_values_and_blank_lines(
    station: DeskContext, tmp_path: Path
) -> None:
    text = (
        HEADER + "\n"
        'Ali Raza,,,THEFT,CLIF,01/03/2024,,"First line\nsecond line\nthird line"\n'
        "\n"
        "Bad Row,,,THEFT,XXXX,01/03/2024,,Something happened\n"
    )
    report = import_csv(station, "complaints", write(tmp_path, "multi.csv", text))

    assert report.rows == 2 and report.imported == 1
    assert [b.line for b in report.bad_rows] == [6]
    assert complaints(station).popitem()[1].narrative == "First line\nsecond line\nthird line"


def test_unquoted_comma_is_a_bad_row_not_a_cut_value(station: DeskContext, tmp_path: Path) -> None:
    text = HEADER + "\nAli Raza,,,THEFT,CLIF,01/03/2024,,Went to the station, was refused\n"
    report = import_csv(station, "complaints", write(tmp_path, "comma.csv", text))

    assert report.imported == 0
    (bad,) = report.bad_rows
    assert bad.line == 2 and "double quotes" in bad.reasons[0]


def test_time_written_with_seconds_as_excel_does(station: DeskContext, tmp_path: Path) -> None:
    text = (
        HEADER + "\nAli Raza,,,THEFT,CLIF,01/03/2024,14:30:00,Stolen.\n"
        "Sana Javed,,,THEFT,CLIF,02/03/2024,2:30:00 PM,Stolen too.\n"
    )
    report = import_csv(station, "complaints", write(tmp_path, "secs.csv", text))

    assert report.imported == 2
    hours = sorted(c.incident_at.astimezone(PKT).hour for c in complaints(station).values())
    assert hours == [14, 14]


def test_time_without_date_is_refused_not_dropped(station: DeskContext, tmp_path: Path) -> None:
    text = HEADER + "\nAli Raza,,,THEFT,CLIF,,14:30,Stolen.\n"
    report = import_csv(station, "complaints", write(tmp_path, "time.csv", text))

    (bad,) = report.bad_rows
    assert bad.reasons[0].startswith("incident_date:")


def test_headers_are_matched_loosely_and_unknown_columns_listed(
    station: DeskContext, tmp_path: Path
) -> None:
    text = (
        "S.No,Complainant Name,Father's Name,CNIC,Category,Police-Station,Narrative,Narrative\n"
        "1,Ali Raza,Ghulam Rasool,42101-1234567-1,Theft,CLIF,first narrative,second narrative\n"
    )
    report = import_csv(station, "complaints", write(tmp_path, "loose.csv", text))

    assert report.imported == 1
    assert report.ignored_columns == ["S.No", "Father's Name", "Narrative"]
    # The first of two same-named columns is the one read; the other is reported as ignored.
    assert complaints(station).popitem()[1].narrative == "first narrative"


# ------------------------------------------------------------------ no duplicates


def test_importing_the_same_file_twice_creates_no_duplicates(station: DeskContext) -> None:
    first = import_csv(station, "complaints", FIXTURES / "complaints_good.csv")
    before = {ref: c.number for ref, c in complaints(station).items()}
    people = count(station, Person)

    second = import_csv(station, "complaints", FIXTURES / "complaints_good.csv")

    assert first.imported == 6
    assert (second.imported, second.already_present, second.bad_rows) == (0, 6, [])
    assert second.numbers == []
    assert {ref: c.number for ref, c in complaints(station).items()} == before
    assert count(station, Person) == people
    assert check_store(station).ok


def test_fix_bad_rows_and_import_again(station: DeskContext, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    shutil.copyfile(FIXTURES / "complaints_mixed.csv", path)
    import_csv(station, "complaints", path)

    text = path.read_text(encoding="utf-8")
    text = text.replace("42101-22233,", "42101-2223399-5,").replace("15/08/2099", "15/08/2023")
    path.write_text(text, encoding="utf-8", newline="")
    again = import_csv(station, "complaints", path)

    assert (again.imported, again.already_present) == (2, 3)
    assert [b.line for b in again.bad_rows] == [6, 7]
    assert sorted(complaints(station)) == [
        "OLD-7001",
        "OLD-7002",
        "OLD-7003",
        "OLD-7004",
        "OLD-7007",
    ]


def test_duplicate_rows_within_a_file_are_imported_once(
    station: DeskContext, tmp_path: Path
) -> None:
    row = "Ali Raza,42101-1234567-1,0300-1234567,THEFT,CLIF,01/03/2024,10:00,Motorcycle stolen."
    # The copies differ only in case and spacing, as retyped rows do.
    copy = "ALI  RAZA,42101-1234567-1,0300-1234567,theft,CLIF,01/03/2024,10:00,Motorcycle  stolen."
    other = "Sana Javed,,,HARASSMENT,CLIF,02/03/2024,,Threatening calls."
    report = import_csv(
        station,
        "complaints",
        write(tmp_path, "dups.csv", "\n".join([HEADER, row, copy, other, row])),
    )

    assert (report.rows, report.imported, report.already_present) == (4, 2, 2)
    assert count(station, Complaint) == 2


def test_a_repeated_bad_row_is_reported_each_time(station: DeskContext, tmp_path: Path) -> None:
    bad = "Ali Raza,,,THEFT,NOPE,01/03/2024,,Stolen."
    report = import_csv(
        station, "complaints", write(tmp_path, "bad.csv", "\n".join([HEADER, bad, bad]))
    )
    assert [b.line for b in report.bad_rows] == [2, 3]
    assert report.already_present == 0


def test_an_added_empty_column_does_not_make_rows_new(station: DeskContext, tmp_path: Path) -> None:
    import_csv(station, "complaints", rows_file(tmp_path, 3))
    lines = rows_file(tmp_path, 3, "again.csv").read_text(encoding="utf-8").splitlines()
    widened = [lines[0] + ",address,fir_number"] + [ln + ",," for ln in lines[1:]]
    report = import_csv(station, "complaints", write(tmp_path, "wide.csv", "\n".join(widened)))

    assert (report.imported, report.already_present) == (0, 3)


# ------------------------------------------------------------------ refused files


REFUSED = {
    "cp1252": (lambda p: shutil.copyfile(FIXTURES / "complaints_cp1252.csv", p), "UTF-8"),
    "utf16_bom": (lambda p: p.write_text(HEADER + "\nA,,,THEFT,CLIF,,,x\n", "utf-16"), "UTF-16"),
    "utf16_no_bom": (
        lambda p: p.write_bytes((HEADER + "\nA,,,THEFT,CLIF,,,x\n").encode("utf-16-le")),
        "UTF-16",
    ),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "bom_only": (lambda p: p.write_bytes(b"\xef\xbb\xbf\r\n"), "empty"),
    "header_only": (lambda p: p.write_text(HEADER + "\n", "utf-8"), "no rows"),
    "missing_column": (
        lambda p: p.write_text("complainant_name,category,police_station\nA,THEFT,CLIF\n", "utf-8"),
        "no column narrative",
    ),
    "damaged_workbook": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 64), "damaged"),
    "old_excel": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64), "(.xls)"),
    "unclosed_quote": (
        lambda p: p.write_text(HEADER + '\nA,,,THEFT,CLIF,,,"never closed\nB,,,THEFT,CLIF,,,x\n'),
        "Line 2",
    ),
    "missing_file": (lambda p: None, "not found"),
    "directory": (lambda p: p.mkdir(), "folder"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_file_saves_nothing(station: DeskContext, tmp_path: Path, case: str) -> None:
    import_csv(station, "complaints", FIXTURES / "complaints_good.csv")
    audits = count(station, AuditEntry)
    make, expected = REFUSED[case]
    path = tmp_path / f"{case}.csv"
    make(path)

    with pytest.raises(CsvFileError) as caught:
        import_csv(station, "complaints", path)

    assert expected in str(caught.value)
    assert count(station, Complaint) == 6  # what was there before is still there
    assert count(station, AuditEntry) == audits
    assert check_store(station).ok


def test_encoding_refusal_says_how_to_save_and_where(station: DeskContext) -> None:
    with pytest.raises(CsvFileError, match=r"line 2.*CSV UTF-8.*Nothing was imported"):
        import_csv(station, "complaints", FIXTURES / "complaints_cp1252.csv")


def test_unknown_register(station: DeskContext) -> None:
    with pytest.raises(CsvFileError, match="complaints, vehicles or phones"):
        import_csv(station, "people", FIXTURES / "complaints_good.csv")


def test_desk_not_set_up(ctx: DeskContext) -> None:
    with pytest.raises(DeskNotSetUpError, match="not set up"):
        import_csv(ctx, "complaints", FIXTURES / "complaints_good.csv")


# ------------------------------------------------------------------ batches


def test_a_failure_mid_batch_keeps_only_whole_batches(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = csv_import.insert_complaint
    calls = 0

    def failing_insert(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 7:  # the second row of the second batch
            raise OSError("disk unplugged")
        return real_insert(*args, **kwargs)  # type: ignore[arg-type]

    path = rows_file(tmp_path, 12)
    monkeypatch.setattr(csv_import, "insert_complaint", failing_insert)
    with pytest.raises(OSError, match="disk unplugged"):
        import_csv(station, "complaints", path, batch_size=5)

    assert count(station, Complaint) == 5
    assert count(station, Person) == 5  # the failed batch left nothing behind
    assert [a["imported"] for a in csv_audits(station)] == [5]
    assert check_store(station).ok

    monkeypatch.setattr(csv_import, "insert_complaint", real_insert)
    report: ImportReport = import_csv(station, "complaints", path, batch_size=5)
    assert (report.imported, report.already_present) == (7, 5)
    with station.store.read() as s:
        numbers = list(s.scalars(select(Complaint.number)))
    assert len(numbers) == len(set(numbers)) == 12
    assert check_store(station).ok


# ------------------------------------------------------------------ damaged and outsized files


def test_a_nul_byte_in_a_row_refuses_only_that_row(station: DeskContext, tmp_path: Path) -> None:
    text = (
        HEADER + "\nAli Raza,,,THEFT,CLIF,01/03/2024,,Stolen.\n"
        "Sana Javed,,,THEFT,CLIF,01/03/2024,,Sto\x00len.\n"
        "Bilal Khan,,,THEFT,CLIF,02/03/2024,,Taken.\n"
    )
    report = import_csv(station, "complaints", write(tmp_path, "nul.csv", text))

    assert (report.imported, report.not_imported) == (2, 1)
    (bad,) = report.bad_rows
    assert bad.line == 3
    assert bad.reasons[0].startswith("row: it contains a NUL byte (a zero byte)")
    assert "UTF-16" not in bad.reasons[0]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"\n" + HEADER.encode().replace(b"narrative", b"narr\x00ative") + b"\n", 2),
        (b"\x00" * 5000, 1),  # what a power cut can leave of a file
        (b"\x00" * 3_000_000, 1),  # and longer than any row: the zeros are still named
    ],
    ids=["in-the-header", "zeros", "many-zeros"],
)
def test_a_nul_byte_outside_the_rows_refuses_the_file_naming_its_line(
    station: DeskContext, tmp_path: Path, data: bytes, line: int
) -> None:
    path = tmp_path / "damaged.csv"
    path.write_bytes(data)

    with pytest.raises(CsvFileError) as caught:
        import_csv(station, "complaints", path)

    message = str(caught.value)
    assert f"contains a NUL byte (a zero byte) on line {line}" in message
    assert "damaged.csv" in message and "UTF-16" not in message
    assert count(station, Complaint) == 0


def test_utf16_without_a_byte_order_mark_is_recognised_with_urdu_rows(
    station: DeskContext, tmp_path: Path
) -> None:
    rows = "".join(f"علی رضا {i},,,THEFT,CLIF,,,موٹر سائیکل چوری ہو گئی\r\n" for i in range(50))
    path = tmp_path / "unicode.txt"
    path.write_bytes((HEADER + "\r\n" + rows).encode("utf-16-le"))

    with pytest.raises(CsvFileError, match=r"saved as 'Unicode text' \(UTF-16\)"):
        import_csv(station, "complaints", path)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # 1.4 MB of column names: longer than any row, refused before it is even split.
        (lambda i: f"c{i}", "starts a row longer than 1,000,000 characters"),
        (lambda i: "", "has 200,008 columns; a register has at most 1,000"),
    ],
    ids=["named", "unnamed"],
)
def test_a_header_of_200000_columns_is_refused_in_a_few_words(
    station: DeskContext, tmp_path: Path, names: Callable[[int], str], expected: str
) -> None:
    header = HEADER + "".join(f",{names(i)}" for i in range(200_000))
    path = write(tmp_path, "wide.csv", header + "\nAli Raza,,,THEFT,CLIF,,,Stolen.\n")

    with pytest.raises(CsvFileError) as caught:
        import_csv(station, "complaints", path)

    message = str(caught.value)
    assert expected in message and "wide.csv" in message
    assert len(message) < 300 and "c199" not in message


def test_ignored_columns_are_listed_up_to_ten(station: DeskContext, tmp_path: Path) -> None:
    header = HEADER + "".join(f",Remark {i}" for i in range(1, 26))
    report = import_csv(
        station, "complaints", write(tmp_path, "r.csv", header + "\nA,,,THEFT,CLIF,,,x\n")
    )

    assert report.imported == 1
    assert report.ignored_columns == [f"Remark {i}" for i in range(1, 11)]
    assert report.ignored_columns_more == 15
    assert report.ignored_text() == ", ".join(report.ignored_columns) + " and 15 more"
    assert report.as_dict()["ignored_columns_more"] == 15


def test_an_over_long_value_refuses_only_its_row(station: DeskContext, tmp_path: Path) -> None:
    long_value = "x" * 40_000  # longer than an Excel cell can be
    text = (
        HEADER + ",Remarks\n"
        "Ali Raza,,,THEFT,CLIF,01/03/2024,,Stolen.,\n"
        f"Sana Javed,,,THEFT,CLIF,01/03/2024,,{long_value},\n"
        f"Bilal Khan,,,THEFT,CLIF,02/03/2024,,Taken.,{long_value}\n"
        f"Hina Ali,,,THEFT,CLIF,02/03/2024,,Taken too.,{'y' * 32_767}\n"
    )
    report = import_csv(station, "complaints", write(tmp_path, "long.csv", text))

    assert report.imported == 2  # the first row and the one whose remark is just short enough
    assert [b.line for b in report.bad_rows] == [3, 4]
    (narrative,), (remark,) = (b.reasons for b in report.bad_rows)
    assert narrative.startswith("narrative: this value has 40,000 characters")
    assert remark.startswith("Remarks: this value has 40,000 characters")
    assert "32,767" in remark and long_value not in remark


@pytest.mark.parametrize(
    "tail",
    [
        "x" * 1_100_000 + "\n",  # one line longer than any row
        '"' + "a line of a value whose quote is never closed\n" * 25_000,  # many lines
    ],
    ids=["one-line", "unclosed-quote"],
)
def test_a_row_longer_than_any_register_has_refuses_the_file(
    station: DeskContext, tmp_path: Path, tail: str
) -> None:
    rows = "".join(f"Person {i},,,THEFT,CLIF,,,Stolen.\n" for i in range(12))
    path = write(tmp_path, "long.csv", HEADER + "\n" + rows + "Ali Raza,,,THEFT,CLIF,,," + tail)

    with pytest.raises(CsvFileError) as caught:
        import_csv(station, "complaints", path, batch_size=5)

    assert str(caught.value).startswith(
        "Line 14 of the file long.csv starts a row longer than 1,000,000 characters"
    )
    assert count(station, Complaint) == 0  # checked before any batch was saved


def test_a_value_repeated_in_a_reason_is_cut_short(station: DeskContext, tmp_path: Path) -> None:
    text = HEADER + f"\nAli Raza,,,THEFT,{'Lyari ' * 100},,,Stolen.\n"
    report = import_csv(station, "complaints", write(tmp_path, "station.csv", text))

    (reason,) = report.bad_rows[0].reasons
    assert reason.startswith("police_station: Unknown police station 'Lyari Lyari")
    assert "…'" in reason and len(reason) < 200


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_numbers_stay_right_across_the_blocks_the_file_is_read_in(
    station: DeskContext, tmp_path: Path, ending: str
) -> None:
    # Enough blank lines to pass the first block; a CR LF pair split by the block's end.
    head = HEADER + ending
    blanks = (1 << 20) // len(ending) + 7
    if ending == "\r\n" and len(head) % 2 == 0:  # the pairs then start at odd offsets
        head = HEADER + " " + ending
    rows = f"Ali Raza,,,THEFT,CLIF,,,Stolen.{ending}Bad Row,,,THEFT,NOPE,,,Stolen.{ending}"
    data = (head + ending * blanks + rows).encode()
    if ending == "\r\n":
        assert data[(1 << 20) - 1 : (1 << 20) + 1] == b"\r\n"
    path = tmp_path / "blocks.csv"
    path.write_bytes(data)

    report = import_csv(station, "complaints", path)

    assert report.imported == 1
    assert [b.line for b in report.bad_rows] == [blanks + 3]


def test_an_unreadable_byte_is_named_with_its_line_beyond_the_first_block(
    station: DeskContext, tmp_path: Path
) -> None:
    # An Urdu letter (two bytes) cut by the first block's end is read whole.
    first = (HEADER + "\n").encode()
    pad = b"\n" * ((1 << 20) - len(first) - 1)
    good = "علی رضا,,,THEFT,CLIF,,,Stolen.\n".encode()
    path = tmp_path / "latin.csv"
    path.write_bytes(first + pad + good + b"Jos\xe9,,,THEFT,CLIF,,,Stolen.\n")
    assert path.read_bytes()[: 1 << 20].endswith("ع".encode()[:1])

    with pytest.raises(CsvFileError) as caught:
        import_csv(station, "complaints", path)

    assert f"unreadable character on line {len(pad) + 3}" in str(caught.value)
    assert count(station, Complaint) == 0


def test_a_file_refused_late_saves_nothing(station: DeskContext, tmp_path: Path) -> None:
    path = rows_file(tmp_path, 12)
    with path.open("a", encoding="utf-8", newline="") as fh:
        fh.write('Ali Raza,,,THEFT,CLIF,,,"never closed\n')

    with pytest.raises(CsvFileError, match="Line 14 of the file is broken"):
        import_csv(station, "complaints", path, batch_size=5)

    assert count(station, Complaint) == 0
    assert csv_audits(station) == []


def test_a_file_changed_during_the_import_stops_it_keeping_whole_batches(
    station: DeskContext, tmp_path: Path
) -> None:
    text = HEADER + "\nAli Raza,,,THEFT,CLIF,,,Stolen.\n" + "\n" * 1_500_000
    path = write(tmp_path, "changing.csv", text + "Sana Javed,,,THEFT,CLIF,,,Stolen.\n")

    def change_the_file(done: int, total: int) -> None:
        with path.open("r+b") as fh:  # as another program saving over it would
            fh.seek(1_400_000)
            fh.write(b"\xff")

    with pytest.raises(CsvFileError, match="changed while it was being imported") as caught:
        import_csv(station, "complaints", path, batch_size=1, progress=change_the_file)

    assert "rows already saved are kept" in str(caught.value)
    assert count(station, Complaint) == 1
    assert [a["imported"] for a in csv_audits(station)] == [1]


def test_every_bad_row_is_counted_and_the_first_ones_listed(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_import, "MAX_BAD_ROWS_LISTED", 3)
    bad = [f"Person {i},,,THEFT,NOPE,,,Stolen." for i in range(5)]
    text = "\n".join([HEADER, "Ali Raza,,,THEFT,CLIF,,,Stolen.", *bad])
    report = import_csv(station, "complaints", write(tmp_path, "bad.csv", text))

    assert (report.rows, report.imported, report.not_imported) == (6, 1, 5)
    assert [b.line for b in report.bad_rows] == [3, 4, 5]
    assert report.as_dict()["not_imported"] == 5


def test_progress_counts_rows_read_bad_ones_too(station: DeskContext, tmp_path: Path) -> None:
    lines = rows_file(tmp_path, 12).read_text(encoding="utf-8").splitlines()
    lines[3] = lines[8] = "Bad Row,,,THEFT,NOPE,,,Stolen."
    path = write(tmp_path, "some-bad.csv", "\n".join(lines))
    calls: list[tuple[int, int]] = []

    report = import_csv(
        station, "complaints", path, batch_size=5, progress=lambda *c: calls.append(c)
    )

    assert (report.imported, report.batches) == (10, 2)
    assert calls[-1] == (12, 12)
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_without_waiting_for_a_writer(
    station: DeskContext, tmp_path: Path
) -> None:
    pipe = tmp_path / "register.csv"
    os.mkfifo(pipe)

    with pytest.raises(CsvFileError, match="is not a file") as caught:
        import_csv(station, "complaints", pipe)

    assert str(pipe) in str(caught.value)
