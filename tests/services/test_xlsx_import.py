"""Importing registers kept in Excel workbooks (.xlsx), into a real SQLite store: workbooks
written by openpyxl here, and by LibreOffice in tests/services/test_xlsx_office.py."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from cplc_desk.domain.clock import PKT
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.imports import xlsx_read, xlsx_xml
from cplc_desk.services.imports.csv_import import CsvFileError, import_register
from cplc_desk.storage.models import AuditEntry, Complaint, Person

COLUMNS = [
    "reference", "complainant_name", "cnic", "mobile", "category", "police_station",
    "incident_date", "incident_time", "narrative",
]  # fmt: skip


def count(ctx: DeskContext, model: type) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def stored(ctx: DeskContext) -> dict[str, tuple[Complaint, Person]]:
    with ctx.store.read() as s:
        rows = s.execute(
            select(Complaint, Person).join(Person, Complaint.complainant_id == Person.id)
        ).all()
        return {c.legacy_ref: (c, p) for c, p in rows}


def book(path: Path, rows: list[list[object]], title: str = "Register") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(COLUMNS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def row(ref: str, **cells: object) -> list[object]:
    values: dict[str, object] = {
        "reference": ref, "complainant_name": "Ali Khan", "category": "THEFT",
        "police_station": "CLIF", "narrative": "A bag was taken from a parked car.",
    }  # fmt: skip
    values.update(cells)
    return [values.get(c) for c in COLUMNS]


def rewrite(path: Path, part: str, change: Callable[[str], str]) -> None:
    """One XML part of the workbook changed, as another program might have written it."""
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i.filename) for i in old.infolist()}
    parts[part] = change(parts[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


# ------------------------------------------------------------------ cells read by their type


def test_numbers_dates_and_times_are_read_by_their_type(
    station: DeskContext, tmp_path: Path
) -> None:
    path = book(tmp_path / "register.xlsx", [
        row("R1", cnic=4210112345671, mobile=3001234567, incident_date=date(2025, 11, 25),
            incident_time=time(14, 30)),
        row("R2", cnic="42101-1234567-2", mobile="0300-7654321",
            incident_date=datetime(2025, 11, 26, 0, 0), incident_time=datetime(1899, 12, 30, 9, 5)),
        row("R3", cnic=4210112345673.0, mobile=3211234567.0, incident_date="27/11/2025",
            incident_time="21:15"),
        row("R4", incident_date=date(2025, 11, 28), incident_time=23.4),  # typed as 23.40
    ])  # fmt: skip

    report = import_register(station, "complaints", path)

    assert (report.sheet, report.rows, report.imported, report.not_imported) == (
        "Register",
        4,
        4,
        0,
    )
    found = stored(station)
    assert found["R1"][1].cnic == "42101-1234567-1"  # never 4.21011E+12
    assert found["R1"][1].mobile == "0300-1234567"
    assert found["R3"][1].cnic == "42101-1234567-3"
    assert found["R3"][1].mobile == "0321-1234567"
    moments = {ref: c.incident_at for ref, (c, _p) in found.items()}
    assert moments["R1"] is not None and moments["R1"].astimezone(PKT).replace(
        tzinfo=None
    ) == datetime(2025, 11, 25, 14, 30)
    assert moments["R2"] is not None and moments["R2"].astimezone(PKT).replace(
        tzinfo=None
    ) == datetime(2025, 11, 26, 9, 5)
    assert moments["R3"] is not None and moments["R3"].astimezone(PKT).hour == 21
    assert moments["R4"] is not None and moments["R4"].astimezone(PKT).minute == 40
    assert check_store(station).ok


def test_a_zero_padded_number_format_keeps_its_leading_zeros(
    station: DeskContext, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLUMNS)
    ws.append(row("R1", mobile=3001234567))
    ws["D2"].number_format = "00000000000"  # how Excel shows 03001234567 in a number cell
    wb.save(tmp_path / "r.xlsx")

    assert xlsx_read._number(3001234567, 11) == "03001234567"
    report = import_register(station, "complaints", tmp_path / "r.xlsx")

    assert report.imported == 1
    assert stored(station)["R1"][1].mobile == "0300-1234567"


def test_numbers_stored_as_text_are_read_as_written(station: DeskContext, tmp_path: Path) -> None:
    path = book(tmp_path / "r.xlsx", [row("R1", cnic="4210112345671", mobile="03001234567")])
    assert import_register(station, "complaints", path).imported == 1
    assert stored(station)["R1"][1].cnic == "42101-1234567-1"


def test_a_formula_is_read_by_its_saved_result_or_refuses_its_row(
    station: DeskContext, tmp_path: Path
) -> None:
    path = book(tmp_path / "r.xlsx", [
        row("R1", narrative='=CONCATENATE("Bag ","taken")'),
        row("R2", narrative='=CONCATENATE("Phone ","taken")'),
    ])  # fmt: skip
    # Excel saves each formula's result beside it; the first one here, not the second.
    rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<v />", "<v>Bag taken</v>", 1).replace(
            '<c r="I2">', '<c r="I2" t="str">'
        ),
    )

    report = import_register(station, "complaints", path)

    assert (report.imported, report.not_imported) == (1, 1)
    assert stored(station)["R1"][0].narrative == "Bag taken"
    (bad,) = report.bad_rows
    assert bad.line == 3
    assert bad.reasons[0].startswith("narrative: this cell is a formula whose result was never")


def test_an_error_cell_refuses_its_row_with_the_error_named(
    station: DeskContext, tmp_path: Path
) -> None:
    path = book(tmp_path / "r.xlsx", [row("R1", cnic="x"), row("R2")])
    rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(r'<c r="C2"[^>]*>.*?</c>', '<c r="C2" t="e"><v>#N/A</v></c>', xml),
    )
    report = import_register(station, "complaints", path)
    assert (report.imported, report.not_imported) == (1, 1)
    assert report.bad_rows[0].reasons == (
        "cnic: this cell shows the error #N/A; correct it in the workbook.",
    )


# ------------------------------------------------------------------ the sheet's layout


def test_a_title_above_the_header_merged_cells_and_empty_trailing_rows(
    station: DeskContext, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Clifton police station: complaints register 2025"])
    ws.merge_cells("A1:I1")
    ws.append([])
    ws.append(COLUMNS)
    ws.append(row("R1"))
    ws.append(row("R2", complainant_name="Sara Ahmed", cnic="bad"))
    ws.merge_cells("I5:J5")  # the narrative spread over two cells
    for number in range(6, 400):  # formatted but empty, as a sheet prepared for more rows is
        ws.cell(number, 2).number_format = "@"
        ws.cell(number, 2).value = None
    ws.cell(399, 3).value = "   "
    wb.save(tmp_path / "r.xlsx")

    report = import_register(station, "complaints", tmp_path / "r.xlsx")

    assert (report.rows, report.imported, report.not_imported) == (2, 1, 1)
    assert report.bad_rows[0].line == 5  # the sheet's own row number
    assert report.ignored_columns == []


def test_values_right_of_the_named_columns_are_not_read(
    station: DeskContext, tmp_path: Path
) -> None:
    path = book(tmp_path / "r.xlsx", [[*row("R1"), "a note with no heading"]])
    report = import_register(station, "complaints", path)
    assert (report.imported, report.not_imported) == (1, 0)


def test_several_sheets_need_a_choice_and_the_named_one_is_read(
    station: DeskContext, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "2024"
    first.append(COLUMNS)
    first.append(row("A1"))
    second = wb.create_sheet("2025")
    second.append(COLUMNS)
    second.append(row("B1"))
    second.append(row("B2"))
    hidden = wb.create_sheet("lists")
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "r.xlsx")

    with pytest.raises(CsvFileError, match=r"has 2 sheets: '2024', '2025', 'lists'\. Say which"):
        import_register(station, "complaints", tmp_path / "r.xlsx")
    with pytest.raises(CsvFileError, match=r"has no sheet 2026\. Its sheets: '2024', '2025'"):
        import_register(station, "complaints", tmp_path / "r.xlsx", sheet="2026")
    assert count(station, Complaint) == 0

    report = import_register(station, "complaints", tmp_path / "r.xlsx", sheet=" 2025 ")
    assert (report.sheet, report.imported) == ("2025", 2)
    assert sorted(stored(station)) == ["B1", "B2"]


# ------------------------------------------------------------------ safe to repeat


def test_a_workbook_imported_twice_or_after_its_csv_saves_nothing_twice(
    station: DeskContext, tmp_path: Path
) -> None:
    rows = [row("R1", cnic="42101-1234567-1"), row("R2", mobile="0300-1234567")]
    csv_path = tmp_path / "r.csv"
    csv_path.write_text(
        "\n".join(",".join("" if v is None else str(v) for v in r) for r in [COLUMNS, *rows]),
        encoding="utf-8",
    )
    assert import_register(station, "complaints", csv_path).imported == 2

    again = import_register(station, "complaints", book(tmp_path / "r.xlsx", rows))
    assert (again.imported, again.already_present) == (0, 2)
    again = import_register(station, "complaints", tmp_path / "r.xlsx")
    assert (again.imported, again.already_present) == (0, 2)
    assert count(station, Complaint) == 2


# ------------------------------------------------------------------ refused workbooks


def zip_of(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bomb(path: Path) -> None:
    # A sheet that inflates 5,000 times over: 200 MB from 40 kB.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(200):
                sheet.write(b" " * 1_000_000)


def _strings(path: Path) -> None:
    good = io.BytesIO()
    openpyxl.Workbook().save(good)
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in old.infolist():
            z.writestr(info.filename, old.read(info.filename))
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as table:
            for i in range(200_000):  # 10 MB of strings: over the cap this test sets
                table.write(b"<si><t>string %09d ....................</t></si>" % i)


def _giant_row(path: Path) -> None:
    book(path, [row("R1")])
    rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("A bag was taken", "x" * (9 * 1024 * 1024), 1),
    )


def _entity_bomb(path: Path) -> None:
    # "Billion laughs": ten entities, each ten of the one before, 10 GB from under 1 kB.
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    book(path, [row("R1")])
    rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<worksheet", f"<!DOCTYPE w [{entities}]><worksheet", 1).replace(
            "A bag was taken", "&j;", 1
        ),
    )


REFUSED: dict[str, tuple[Callable[[Path], object], str]] = {
    "zip_bomb": (_bomb, "would unpack to far more than a register holds"),
    "shared_strings": (_strings, "xl/sharedStrings.xml would unpack"),
    "many_parts": (
        lambda p: p.write_bytes(zip_of({f"p{i}": b"" for i in range(1001)} | {"xl/workbook.xml": b""})),
        "made of 1,002 parts",
    ),
    "ods": (
        lambda p: p.write_bytes(zip_of({"mimetype": b"application/vnd.oasis", "content.xml": b""})),
        "OpenDocument spreadsheet (.ods)",
    ),
    "docx": (lambda p: p.write_bytes(zip_of({"word/document.xml": b""})), "a Word document"),
    "truncated": (lambda p: p.write_bytes(book(p, [row("R1")]).read_bytes()[:900]), "damaged"),
    "bad_xml": (
        lambda p: p.write_bytes(zip_of({"xl/workbook.xml": b"<workbook", "[Content_Types].xml": b"<"})),
        "damaged",
    ),
    "giant_row": (_giant_row, "holds a row far larger than a register's"),
    "entity_bomb": (_entity_bomb, "amplification"),
    "no_header": (lambda p: book(p, []), "no rows to import"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_workbook_saves_nothing(
    station: DeskContext, tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The shared text's cap is a register's worth (256 MB): 8 MB here keeps the file small.
    monkeypatch.setattr(xlsx_read, "MAX_STRINGS_BYTES", 8 * 1024 * 1024)
    import_register(station, "complaints", book(tmp_path / "before.xlsx", [row("R0")]))
    audits = count(station, AuditEntry)
    make, expected = REFUSED[case]
    path = tmp_path / f"{case}.xlsx"
    make(path)

    with pytest.raises(CsvFileError) as caught:
        import_register(station, "complaints", path)

    assert expected in str(caught.value)
    assert count(station, Complaint) == 1  # what was there before is still there
    assert count(station, AuditEntry) == audits
    assert check_store(station).ok


def test_a_workbook_changed_between_the_passes_keeps_what_was_saved(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sheet is read twice; a read that fails after batches were saved keeps them and
    says so."""
    path = book(
        tmp_path / "r.xlsx", [row(f"R{i}", narrative=f"Item {i} taken.") for i in range(30)]
    )
    real = xlsx_read.Workbook.rows
    passes = []

    def second_pass_breaks(self, sheet, survey=False):  # type: ignore[no-untyped-def]
        passes.append(survey)
        for i, item in enumerate(real(self, sheet, survey=survey)):
            if not survey and i == 25:
                raise CsvFileError("the stick was pulled out")
            yield item

    monkeypatch.setattr(xlsx_read.Workbook, "rows", second_pass_breaks)
    with pytest.raises(CsvFileError, match="changed while it was being imported"):
        import_register(station, "complaints", path, batch_size=10)
    assert passes == [True, False]  # a survey of the whole sheet, then the import
    assert count(station, Complaint) == 20  # two whole batches, nothing half-saved
    assert check_store(station).ok


def test_the_shared_text_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    """The quicker shared-string reader gives openpyxl's own text: plain strings, runs of
    formatted text joined, the phonetic guide left out, escapes as openpyxl leaves them."""
    from openpyxl.reader.strings import read_string_table

    table = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>Ayesha Siddiqui</t></si>"
        "<si><r><t>Bag </t></r><r><rPr><b/></rPr><t>taken</t></r></si>"
        '<si><t>کلفٹن</t><rPh sb="0" eb="1"><t>guide</t></rPh></si>'
        '<si><t/></si><si><t xml:space="preserve"> x_x005F_x000D_ </t></si>'
        "</sst>"
    ).encode()
    assert xlsx_xml.string_table(io.BytesIO(table)) == read_string_table(io.BytesIO(table))
    assert xlsx_xml.string_table(io.BytesIO(table))[1] == "Bag taken"
