"""Reading a register kept in an Excel workbook (.xlsx, docs/csv-import.md) with openpyxl in
read-only (streaming) mode, so a sheet of a million rows is read a row at a time.

A workbook is a ZIP of XML parts. Before openpyxl reads a byte of XML the ZIP's directory is
checked: how many parts, how large each says it is, and how far each is compressed, so a ZIP
bomb is refused before it is inflated. (zipfile never inflates a part past the size its header
declares, and a part that is not what it declares fails its checksum.) The parts openpyxl holds
whole (the workbook, styles, the shared-string table) have small caps; a worksheet is streamed,
and the bytes between two rows are capped, so a single giant row cannot fill memory either.
Entity-expansion bombs in the XML are refused by expat's own limits (2.4.1 and later: checked
here, since a Python built with an older expat would expand them).

Cells are read by their type: a CNIC or a mobile stored as a number is written out with every
digit (never 4.21011E+12), keeping the leading zeros a "00000" number format shows; a date cell
is a date and a time cell a time; a formula cell is its saved result, and a formula whose result
was never saved refuses its row.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pyexpat import version_info as expat_version
from typing import Any

from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

from cplc_desk.domain.i18n import _
from cplc_desk.services.imports.csv_columns import shown
from cplc_desk.services.imports.csv_read import CsvFileError, header_of, read_header
from cplc_desk.services.imports.xlsx_xml import Cells, Reader, RowGuard, text_rows
from cplc_desk.sync.bounded import BoundedFile

MAX_PARTS = 1_000  # parts in the ZIP; a register's workbook has a few dozen
MAX_PART_BYTES = 16 * 1024 * 1024  # a part openpyxl holds whole (workbook, styles, themes...)
# The shared-string table, held whole while a sheet is read: a register's own text (100,000
# rows of bench/xlsx.py hold 21 MB), so this admits about a million rows.
MAX_STRINGS_BYTES = 256 * 1024 * 1024
MAX_SHEET_BYTES = 4 * 1024 * 1024 * 1024  # a worksheet, streamed
MAX_RATIO = 1_000  # inflated / compressed, for a part over 1 MiB: ZIP bombs go far beyond
HEADER_SEARCH_ROWS = 20  # a title or a note above the column names, in the first rows
DATE_COLUMNS = frozenset({"incident_date", "fir_date"})
TIME_COLUMNS = frozenset({"incident_time"})

_ZEROS = re.compile(r"0+")
_WORKBOOK_PARTS = ("xl/workbook.xml",)


def is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def _damaged(name: str, reason: object) -> CsvFileError:
    return CsvFileError(
        _(
            "The workbook {name} cannot be read ({reason}): it is damaged or is not an Excel "
            "workbook. Open it in Excel, save it again as Excel Workbook (.xlsx) and import "
            "that file. Nothing was imported."
        ).format(name=name, reason=shown(str(reason) or type(reason).__name__))
    )


def _bomb(name: str, part: str) -> CsvFileError:
    return CsvFileError(
        _(
            "The workbook {name} is refused: its part {part} would unpack to far more than "
            "a register holds (a damaged or hostile file). Open it in Excel, save it again as "
            "Excel Workbook (.xlsx) and import that file. Nothing was imported."
        ).format(name=name, part=shown(part))
    )


def check_parts(fh: BoundedFile, name: str) -> None:
    """The ZIP's directory, checked before anything is inflated."""
    try:
        with zipfile.ZipFile(fh) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(name, exc) from None
    if len(parts) > MAX_PARTS:
        raise CsvFileError(
            _(
                "The workbook {name} is refused: it is made of {count} parts, far more than a "
                "register's workbook (a damaged or hostile file). Open it in Excel, save it "
                "again as Excel Workbook (.xlsx) and import that file. Nothing was imported."
            ).format(name=name, count=f"{len(parts):,}")
        )
    names = {p.filename for p in parts}
    if not any(n in names for n in _WORKBOOK_PARTS):
        raise _other_document(name, names)
    for part in parts:
        if part.flag_bits & 0x1:
            raise CsvFileError(
                _(
                    "The workbook {name} is protected with a password. Open it in Excel, "
                    "remove the password (File > Info > Protect Workbook) and import it "
                    "again. Nothing was imported."
                ).format(name=name)
            )
        cap = _cap(part.filename)
        if part.file_size > cap or (
            part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1)
        ):
            raise _bomb(name, part.filename)


def _cap(part: str) -> int:
    if part.startswith("xl/worksheets/") and part.endswith(".xml"):
        return MAX_SHEET_BYTES
    if part == "xl/sharedStrings.xml":
        return MAX_STRINGS_BYTES
    return MAX_PART_BYTES


def _other_document(name: str, names: set[str]) -> CsvFileError:
    if "xl/workbook.bin" in names:
        what = _("an Excel binary workbook (.xlsb)")
    elif "mimetype" in names or "content.xml" in names:
        what = _("an OpenDocument spreadsheet (.ods)")
    elif "word/document.xml" in names:
        what = _("a Word document")
    else:
        what = _("a ZIP archive")
    return CsvFileError(
        _(
            "The file {name} is {what}, not an Excel workbook (.xlsx). Open it in Excel or "
            "LibreOffice, save it as Excel Workbook (.xlsx) and import that file. Nothing was "
            "imported."
        ).format(name=name, what=what)
    )


class Workbook:
    """A workbook opened for reading, its sheets listed; :meth:`table` streams one of them."""

    def __init__(self, fh: BoundedFile, name: str) -> None:
        if expat_version < (2, 4, 1):
            raise CsvFileError(
                _(
                    "This computer's copy of CPLC Desk cannot read workbooks safely (its XML "
                    "reader is too old). Save the register as 'CSV UTF-8 (Comma delimited)' in "
                    "Excel and import that file."
                )
            )
        check_parts(fh, name)
        self.name = name
        fh.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "extension not supported" and the like
                reader = Reader(fh, read_only=True, data_only=True)
                reader.read()
                self._book = reader.wb
        except Exception as exc:  # openpyxl raises whatever the XML or the ZIP led it to
            raise _damaged(name, exc) from None
        self.sheets: list[str] = [str(ws.title) for ws in self._book.worksheets]
        self.visible: list[str] = [
            str(ws.title) for ws in self._book.worksheets if ws.sheet_state == "visible"
        ]
        self._zero_widths: dict[int, int] = {}

    def close(self) -> None:
        self._book.close()

    def choose(self, sheet: str | None, register: str = "complaints") -> str:
        """The sheet to import: the one named, else the only visible one. (``register``, the
        register being imported, is named in the refusal for the command line's advice.)"""
        if sheet is not None:
            for title in self.sheets:
                if title.strip().casefold() == sheet.strip().casefold():
                    return title
            raise CsvFileError(
                _("The workbook {name} has no sheet {sheet}. Its sheets: {sheets}.").format(
                    name=self.name, sheet=shown(sheet), sheets=self._listed()
                ),
                code="choose_sheet",
                file=self.name,
                register=register,
                sheets=self.visible,
            )
        if len(self.visible) == 1:
            return self.visible[0]
        if not self.visible:
            raise CsvFileError(
                _("The workbook {name} has no sheet to import.").format(name=self.name)
            )
        raise CsvFileError(
            _(
                "The workbook {name} has {count} sheets: {sheets}. Say which one holds the "
                "register."
            ).format(name=self.name, count=len(self.visible), sheets=self._listed()),
            code="choose_sheet",
            file=self.name,
            register=register,
            sheets=self.visible,
        )

    def _listed(self) -> str:
        return ", ".join(f"'{shown(t)}'" for t in self.sheets)

    def table(self, sheet: str, kind: str, *, survey: bool = False) -> SheetTable:
        return SheetTable(self, sheet, kind, survey=survey)

    def rows(
        self, sheet: str, *, survey: bool = False
    ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """The sheet's rows as openpyxl parses them: (row number, cells). A ``survey`` reads
        every cell as text, without openpyxl's types (enough to find the header and count the
        rows that are not blank, in about half the time)."""
        ws = self._book[sheet]
        book = self._book
        with ws._get_source() as source:
            guarded = RowGuard(source, self.name, sheet)
            try:
                if survey:
                    yield from text_rows(guarded, ws._shared_strings)
                    return
                parser = Cells(
                    guarded,
                    ws._shared_strings,
                    data_only=True,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                yield from parser.parse()
            except CsvFileError:
                raise
            except Exception as exc:
                raise _damaged(self.name, exc) from None

    def zero_width(self, style_id: int) -> int:
        """How many digits a "00000"-style number format pads a number to (0: none)."""
        found = self._zero_widths.get(style_id)
        if found is None:
            found = 0
            try:
                fmt_id = self._book._cell_styles[style_id].numFmtId
                fmt = (
                    BUILTIN_FORMATS.get(fmt_id, "General")
                    if fmt_id < BUILTIN_FORMATS_MAX_SIZE
                    else self._book._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE]
                )
            except (IndexError, KeyError, AttributeError):
                fmt = "General"
            if _ZEROS.fullmatch(fmt):
                found = len(fmt)
            self._zero_widths[style_id] = found
        return found


class SheetTable:
    """One pass over a sheet, as :class:`~cplc_desk.services.imports.csv_read.Table` is one
    over a CSV file: its header (the first row, among the first few, that names the required
    columns: a title may sit above it), then its rows as text, each with the reasons any of its
    cells cannot be read."""

    def __init__(self, book: Workbook, sheet: str, kind: str, *, survey: bool = False) -> None:
        self.sheet = sheet
        self._book, self._kind = book, kind
        self._rows = book.rows(sheet, survey=survey)
        first: tuple[int, list[str]] | None = None
        for seen, (number, values) in enumerate(self._texts()):
            if first is None:
                first = (number, values)
            header, missing = read_header(values, kind, book.name)
            if not missing:
                self.header, self.line = header, number
                return
            if seen + 1 >= HEADER_SEARCH_ROWS:
                break
        if first is None:
            raise CsvFileError(
                _("The sheet {sheet} of the workbook {name} is empty: there is nothing to import.")
                .format(sheet=shown(sheet), name=book.name)
            )  # fmt: skip
        # No row names them all: the message names what the first row lacks.
        self.header, self.line = header_of(first[1], kind, book.name), first[0]

    def _texts(self) -> Iterator[tuple[int, list[str]]]:
        for number, cells in self._rows:
            values = [_plain(c["value"]) for c in _placed(cells)]
            if "".join(values).strip():
                yield number, values

    def rows(self) -> Iterator[tuple[int, list[str], tuple[str, ...]]]:
        """(row number, values, reasons its cells cannot be read) of each row that is not
        blank, after the header."""
        header, zero_width = self.header, self._book.zero_width
        names = {i: c for c, i in header.columns.items()}
        for number, cells in self._rows:
            values: list[str] = []
            problems: list[str] = []
            for index, cell in enumerate(_placed(cells)):
                if index >= header.width:
                    break  # a cell with no column name above it, like any unnamed column
                column = names.get(index)
                text, problem = _text(cell, column, zero_width)
                values.append(text)
                if problem and column is not None:
                    problems.append(f"{column}: {problem}")
            if "".join(values).strip():
                yield number, values, tuple(problems)


_EMPTY = {"value": None, "data_type": "n", "style_id": 0}


def _placed(cells: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The row's cells by column, the missing ones (never written) empty."""
    column = 1
    for cell in cells:
        while column < cell["column"]:
            yield _EMPTY
            column += 1
        yield cell
        column += 1


def _plain(value: object) -> str:
    return "" if value is None else str(value)


def _text(cell: dict[str, Any], column: str | None, zero_width: Any) -> tuple[str, str | None]:
    """The cell as the text a CSV file would hold, and why it cannot be read, if it cannot."""
    value, kind = cell["value"], cell["data_type"]
    if kind == "f":
        return "", _(
            "this cell is a formula whose result was never saved. Open the workbook in Excel, "
            "save it, and import it again (or copy the column and paste it as values)."
        )
    if kind == "e":
        return "", _("this cell shows the error {error}; correct it in the workbook.").format(
            error=shown(str(value))
        )
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, datetime | date | time | timedelta):
        return _moment(value, column), None
    if isinstance(value, int | float):
        if column in TIME_COLUMNS and isinstance(value, float):
            # 23.40 typed as a register writes a time became the number 23.4: read 23.40.
            return f"{value:.2f}", None
        return _number(value, zero_width(cell["style_id"])), None
    return str(value), None


def _number(value: float, width: int) -> str:
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e17):
        digits = str(int(value))
        if width and value >= 0:
            digits = digits.zfill(width)
        return digits
    return format(Decimal(repr(value)), "f")


def _moment(value: datetime | date | time | timedelta, column: str | None) -> str:
    if isinstance(value, timedelta):  # a duration format ([h]:mm) on a time of day
        minutes = int(value.total_seconds() // 60)
        value = time((minutes // 60) % 24, minutes % 60)
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if column in TIME_COLUMNS:
        if isinstance(value, datetime):
            return value.strftime("%H:%M:%S" if value.second else "%H:%M")
        return ""
    day = value.date() if isinstance(value, datetime) else value
    if column in DATE_COLUMNS or not isinstance(value, datetime) or value.time() == time():
        return day.isoformat()
    return value.strftime("%Y-%m-%d %H:%M")
