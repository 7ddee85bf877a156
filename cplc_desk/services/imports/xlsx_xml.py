"""The XML under a workbook, read for the register import (services/imports/xlsx_read.py):
openpyxl's workbook reader with a quicker shared-string table, its sheet parser marking formulas
whose result was never saved, a plain text reader for the survey pass, and the guard that caps
the bytes between two rows of a sheet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import iterparse

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, WorkSheetParser

from cplc_desk.domain.i18n import _
from cplc_desk.services.imports.csv_columns import shown
from cplc_desk.services.imports.csv_read import CsvFileError

MAX_ROW_BYTES = 8 * 1024 * 1024  # XML between two rows; a row of 21 full cells is under 3 MiB

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TEXT, _RUN, _PHONETIC = _MAIN + "t", _MAIN + "r", _MAIN + "rPh"
_ITEM, _ROW, _CELL, _VALUE = _MAIN + "si", _MAIN + "row", _MAIN + "c", _MAIN + "v"
_INLINE, _SHEET_DATA = _MAIN + "is", _MAIN + "sheetData"
_ROW_MARK = re.compile(rb"<(?:/?\w+:)?/?row[\s>/]")


class Reader(ExcelReader):  # type: ignore[misc]
    """openpyxl's workbook reader with a quicker shared-string table: the same text (each
    string's <t>, then its runs' <t>, never its phonetic guide), without an object per string."""

    def read_strings(self) -> None:
        found = self.package.find(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        )
        if found is None:
            return
        with self.archive.open(found.PartName[1:]) as source:
            self.shared_strings = string_table(source)


def text_rows(source: Any, strings: list[str]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Each row's cells as the text they hold (a shared string looked up, a number as
    written), the way the survey needs them."""
    number = 0
    sheet_data = None
    for event, node in iterparse(source, events=("start", "end")):
        if event == "start":
            if node.tag == _SHEET_DATA:
                sheet_data = node  # every <row> hangs from it: emptied as they are read
            continue
        if node.tag != _ROW:
            continue
        mark = node.get("r")
        number = int(mark) if mark else number + 1
        cells: list[dict[str, Any]] = []
        column = 0
        for cell in node.iterfind(_CELL):
            place = cell.get("r")
            column = coordinate_to_tuple(place)[1] if place else column + 1
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                inline = cell.find(_INLINE)
                text = "".join(inline.itertext()) if inline is not None else ""
            else:
                text = cell.findtext(_VALUE) or ""
                if kind == "s" and text:
                    text = strings[int(text)]
            cells.append({"column": column, "value": text or None, "data_type": "s"})
        if sheet_data is not None:
            sheet_data.clear()
        else:
            node.clear()
        yield number, cells


def string_table(source: IO[bytes]) -> list[str]:
    strings: list[str] = []
    table = None
    for event, node in iterparse(source, events=("start", "end")):
        if event == "start":
            table = table if table is not None else node  # <sst>, which holds every <si>
        elif node.tag == _ITEM:
            parts = [node.findtext(_TEXT) or ""]
            parts.extend(run.findtext(_TEXT) or "" for run in node.iterfind(_RUN))
            strings.append("".join(parts).replace("x005F_", ""))
            if table is not None and len(strings) % 1024 == 0:
                table.clear()  # the strings read so far: their elements are done with
    return strings


class Cells(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's sheet parser, marking a formula whose result was never saved (with
    ``data_only`` it would read as an empty cell, and the row would be saved without it)."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        if element.get("t") == "inlineStr" and not self.rich_text:
            # Plain text written in the cell (as openpyxl and some programs write it): read
            # the way openpyxl does (the <t>, then each run's <t>), without its object model.
            found = element.find(INLINE_STRING)
            if found is not None and found.find(_RUN) is None and found.find(_PHONETIC) is None:
                row, self.col_counter = self._place(element)
                return {
                    "row": row, "column": self.col_counter,
                    "value": (found.findtext(_TEXT) or "").replace("x005F_", ""),
                    "data_type": "s", "style_id": int(element.get("s", 0) or 0),
                }  # fmt: skip
        cell: dict[str, Any] = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["data_type"] = "f"
        return cell

    def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
        # openpyxl keeps every formatted row's attributes (heights, styles: LibreOffice and
        # Excel write them on each row) for a sheet it builds; read once, they are only memory,
        # 70 MB for 100,000 rows.
        parsed: tuple[int, list[dict[str, Any]]] = super().parse_row(row)
        self.row_dimensions.clear()
        return parsed

    def _place(self, element: Any) -> tuple[int, int]:
        coordinate = element.get("r")
        if coordinate:
            row, column = coordinate_to_tuple(coordinate)
            return int(row), int(column)
        return int(self.row_counter), int(self.col_counter) + 1


class RowGuard:
    """The worksheet's XML as it is inflated, refused when a row goes on for MAX_ROW_BYTES
    (the parser holds a whole row before handing it over)."""

    def __init__(self, source: IO[bytes], name: str, sheet: str) -> None:
        self._source, self._name, self._sheet = source, name, sheet
        self._since = 0  # bytes since a row's mark was last seen
        self._tail = b""

    def read(self, n: int = -1) -> bytes:
        data = self._source.read(n if n and n > 0 else 64 * 1024)
        seen = self._tail + data
        end = -1
        for mark in _ROW_MARK.finditer(seen):
            end = mark.end()
        if end >= 0:
            self._since = len(seen) - end
        else:
            self._since += len(data)
        self._tail = seen[-16:]
        if self._since > MAX_ROW_BYTES:
            raise CsvFileError(
                _(
                    "The sheet {sheet} of the workbook {name} holds a row far larger than a "
                    "register's (over {mb} MB): the file is damaged or is not a register. "
                    "Nothing was imported."
                ).format(sheet=shown(self._sheet), name=self._name, mb=MAX_ROW_BYTES >> 20)
            )
        return data
