"""Reading a register's file (docs/csv-import.md): refused at once if it is not a CSV file
saved as UTF-8, then decoded block by block and read row by row, never held whole."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from cplc_desk.domain.i18n import _
from cplc_desk.services.desk.context import ServiceError
from cplc_desk.services.imports.csv_columns import (
    COLUMNS,
    shown,
)
from cplc_desk.sync.bounded import BoundedFile, open_input
from cplc_desk.sync.errors import SyncError

MAX_FILE_BYTES = 200 * 1024 * 1024
# A row (on one line or several) longer than this refuses the whole file: a register's 21
# columns filled to Excel's limit are shorter, so the file is damaged or is not a register,
# and reading on would only fill memory.
MAX_ROW_CHARS = 1_000_000
MAX_COLUMNS = 1_000


class CsvFileError(ServiceError):
    """The file as a whole cannot be imported; nothing from it was saved."""


@contextlib.contextmanager
def opened(path: Path) -> Iterator[BoundedFile]:
    """``path`` opened for bounded reading: a pipe or a device is refused before a byte is
    read, and so is a file that is, or grows, too large."""
    try:
        with open_input(path, MAX_FILE_BYTES) as fh:
            yield fh
    except SyncError as exc:
        raise _refusal(path, exc) from None


def _refusal(path: Path, exc: SyncError) -> CsvFileError:
    # The messages a spreadsheet's user knows (docs/csv-import.md) where there is one; the
    # bounded reader's own, which names the file, for what only it refuses (a pipe, a device).
    if exc.code == "missing":
        return CsvFileError(
            _("File not found: {path}. Check the name and the folder.").format(path=path)
        )
    if exc.code == "not_a_file" and path.is_dir():
        return CsvFileError(_("{path} is a folder, not a CSV file.").format(path=path))
    if exc.code == "too_large":
        try:
            size = path.stat().st_size
        except OSError:
            size = MAX_FILE_BYTES + 1
        return CsvFileError(
            _(
                "The file {name} is too large ({mb} MB). Split it into parts of under 200 MB."
            ).format(name=path.name, mb=max(size, MAX_FILE_BYTES + 1) // 1_000_000)
        )
    cause = exc.__context__  # the OSError the bounded reader met
    if exc.code == "unreadable" and isinstance(cause, OSError):
        # On Windows a file still open in Excel cannot be read by other programs.
        return CsvFileError(
            _(
                "Cannot read {path} ({reason}). If it is open in Excel, close it there and "
                "import again."
            ).format(path=path, reason=cause.strerror or cause)
        )
    return CsvFileError(exc.message)


def check_start(fh: BoundedFile, name: str) -> None:
    if fh.size == 0:
        raise _empty(name)
    fh.seek(0)
    head = fh.read(1024)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvFileError(
            _(
                "The file {name} is an Excel 97-2003 workbook (.xls) or a workbook protected with a "
                "password, which cannot be read. Remove the password if it has one, then in "
                "Excel choose Save As > 'Excel Workbook (.xlsx)' and import that file. Nothing "
                "was imported."
            ).format(name=name)
        )
    if _looks_utf16(head):
        raise CsvFileError(
            _(
                "The file {name} is saved as 'Unicode text' (UTF-16). In Excel choose "
                "Save As > 'CSV UTF-8 (Comma delimited)' and import that file. Nothing was imported."
            ).format(name=name)
        )


def _looks_utf16(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    # Without a byte-order mark UTF-16 still shows: each of its ASCII characters (the column
    # names, digits, commas) carries a NUL byte, always on the same side. A NUL byte in UTF-8
    # text is damage, reported as such where it is.
    pairs = len(head) // 2
    even, odd = head[0 : pairs * 2 : 2].count(0), head[1 : pairs * 2 : 2].count(0)
    return pairs > 0 and max(even, odd) * 4 >= pairs and min(even, odd) * 8 <= max(even, odd)


def _empty(name: str) -> CsvFileError:
    return CsvFileError(
        _("The file {name} is empty: there is nothing to import.").format(name=name)
    )


class RowTooLong(Exception):
    """A row outgrew MAX_ROW_CHARS; ``nul`` if the text held back contains a NUL byte."""

    def __init__(self, nul: bool) -> None:
        super().__init__()
        self.nul = nul


def _breaks(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


class Lines:
    """The file's text, line by line (ends kept, as csv wants them), decoded as it is read.

    At most a block and one row are held however the file is made. ``row_chars`` counts the
    characters handed out since the reader last finished a row (the reader resets it), so a
    row that never ends stops at MAX_ROW_CHARS instead of filling memory.
    """

    def __init__(self, fh: BoundedFile, name: str) -> None:
        self._fh = fh
        self._name = name
        self.row_chars = 0

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        carry = ""  # the start of a line whose end is in the next block
        lines_out = 0
        for block in chain(self._fh.blocks(), [b""]):
            final = not block
            try:
                text = decoder.decode(block, final)
            except UnicodeDecodeError as exc:
                raise self._undecodable(lines_out, carry, exc) from None
            # newline="": split at \r\n, \n and \r, as the csv module expects, ends kept.
            lines = io.StringIO(carry + text, newline="").readlines()
            carry = ""
            # A line cut by the block's end, or ending in \r whose \n may start the next block.
            if lines and not final and not lines[-1].endswith("\n"):
                carry = lines.pop()
            for line in lines:
                self.row_chars += len(line)
                if self.row_chars > MAX_ROW_CHARS:
                    raise RowTooLong("\x00" in line)
                yield line
            lines_out += len(lines)
            # Checked once the reader has taken this block's lines: the carry belongs to the
            # row they leave unfinished, or starts a new one.
            if self.row_chars + len(carry) > MAX_ROW_CHARS:
                raise RowTooLong("\x00" in carry)

    def _undecodable(self, lines_out: int, carry: str, exc: UnicodeDecodeError) -> CsvFileError:
        # exc.object[:exc.start] is what the decoder read without fault since it last gave text.
        line = lines_out + _breaks(carry.encode() + exc.object[: exc.start]) + 1
        return CsvFileError(
            _(
                "The file {name} is not saved as UTF-8 text (unreadable character on line {line}). "
                "In Excel choose Save As > 'CSV UTF-8 (Comma delimited)' and import that file. "
                "Nothing was imported."
            ).format(name=self._name, line=line)
        )


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").replace("/", " ").split())


@dataclass(frozen=True)
class Header:
    columns: dict[str, int]  # known column -> its position
    width: int  # how many columns the header row has
    names: list[str]  # the header row as written
    ignored: list[str]

    def label(self, index: int) -> str:
        """How a reason names the column at ``index``."""
        for column, position in self.columns.items():
            if position == index:
                return column
        name = self.names[index].strip() if index < len(self.names) else ""
        return shown(name) if name else _("column {n}").format(n=index + 1)


class Table:
    """One pass over the file: its header, read when made, then its rows."""

    def __init__(self, fh: BoundedFile, name: str, kind: str) -> None:
        self._name = name
        self._lines = Lines(fh, name)
        source = iter(self._lines)
        self._skipped = 0  # blank lines above the header, read here and not by the csv reader
        first = ""
        try:
            for line in source:
                if line.strip():
                    first = line
                    break
                self._skipped += 1
                self._lines.row_chars = 0
        except RowTooLong as exc:
            raise self._too_long(self._skipped + 1, exc) from None
        if not first:
            # Excel saves an empty sheet as a byte-order mark and nothing else.
            raise _empty(name)
        self._lines.row_chars = 0
        delimiter = max(",;\t", key=first.count)
        # strict: without it a quote that is never closed silently swallows the rest of the file
        # into one value, instead of stopping with the line to fix.
        self._reader = csv.reader(chain([first], source), delimiter=delimiter, strict=True)
        self.line = 0  # where the row last read starts
        try:
            header = self._next()
            while header is not None and not any(h.strip() for h in header):
                header = self._next()
        except csv.Error:
            raise CsvFileError(_("The file has no header row.")) from None
        if header is None:
            raise CsvFileError(_("The file has no header row."))
        self.header = self._header(header, kind)

    def rows(self) -> Iterator[tuple[int, list[str], tuple[str, ...]]]:
        """(line in the file, values, no reasons: a CSV cell is always text) of each row that
        is not blank."""
        reader, lines, skipped = self._reader, self._lines, self._skipped
        while True:  # _next, inlined: this loop runs for every row of the file, twice
            self.line = skipped + reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except RowTooLong as exc:
                raise self._too_long(self.line, exc) from None
            except csv.Error as exc:
                raise CsvFileError(
                    _(
                        "Line {line} of the file is broken ({reason}), often a quote mark that "
                        "is never closed. Fix it in the spreadsheet and import again. Nothing "
                        "was imported."
                    ).format(line=self.line, reason=exc)
                ) from None
            lines.row_chars = 0
            if "".join(values).strip():
                yield self.line, values, ()

    def _next(self) -> list[str] | None:
        self.line = self._skipped + self._reader.line_num + 1
        try:
            values = next(self._reader)
        except StopIteration:
            return None
        except RowTooLong as exc:
            raise self._too_long(self.line, exc) from None
        self._lines.row_chars = 0
        return values

    def _too_long(self, line: int, exc: RowTooLong) -> CsvFileError:
        if exc.nul:  # a run of zero bytes, as a crash or a failing disk leaves
            return self._nul(line)
        return CsvFileError(
            _(
                "Line {line} of the file {name} starts a row longer than {limit} characters, "
                "which no spreadsheet writes: often a quote mark that is never closed, or the "
                "file is not a register. Fix it in the spreadsheet and import again. Nothing "
                "was imported."
            ).format(line=line, name=self._name, limit=f"{MAX_ROW_CHARS:,}")
        )

    def _nul(self, line: int) -> CsvFileError:
        return CsvFileError(
            _(
                "The file {name} contains a NUL byte (a zero byte) on line {line}, which "
                "spreadsheets do not write: the file is damaged or is not a spreadsheet. Open "
                "it in Excel, check it, choose Save As > 'CSV UTF-8 (Comma delimited)' and "
                "import that file. Nothing was imported."
            ).format(name=self._name, line=line)
        )

    def _header(self, header: list[str], kind: str) -> Header:
        if any("\x00" in h for h in header):
            raise self._nul(self.line)
        return header_of(header, kind, self._name)


def read_header(names: list[str], kind: str, file: str) -> tuple[Header, list[str]]:
    """The columns a row of names gives, and the required ones it lacks."""
    if len(names) > MAX_COLUMNS:
        raise CsvFileError(
            _(
                "The first row of the file {name} has {count} columns; a register has at "
                "most {limit}. The file is damaged or is not a register: check that you "
                "chose the right file. Nothing was imported."
            ).format(name=file, count=f"{len(names):,}", limit=f"{MAX_COLUMNS:,}")
        )
    columns, required = COLUMNS[kind]
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, raw in enumerate(names):
        key = _header_key(raw)
        if key in columns and key not in positions:
            positions[key] = index
        elif raw.strip():
            ignored.append(raw.strip())
    missing = [c for c in required if c not in positions]
    return Header(positions, len(names), names, ignored), missing


def header_of(names: list[str], kind: str, file: str) -> Header:
    """The header row's columns; the file is refused if a required one is missing."""
    header, missing = read_header(names, kind, file)
    if missing:
        raise CsvFileError(
            _(
                "The file has no column {columns}. The first row must name the columns; "
                "see docs/csv-import.md for the list. Nothing was imported."
            ).format(columns=", ".join(missing))
        )
    return header
