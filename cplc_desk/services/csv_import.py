"""Importing legacy registers kept in spreadsheets (CSV), as documented in docs/csv-import.md.

The file is never held whole: it is read in blocks, decoded as it is read and parsed row by
row, twice. The first pass only checks that the file can be read (its encoding, its lines, its
column names) and counts its rows, so a file refused as a whole saves nothing. The second
validates each row and saves the good ones in batches, each batch one transaction, so a crash
or power cut keeps every committed batch whole and loses no more than the batch in progress.
Bad rows are reported with their line number and every reason. Each row's identity is a hash
of its content, so importing the same file again (or a file that repeats rows) creates no
duplicates. Memory stays bounded whatever the file holds: one block, one row, one batch and
the first bad rows of the report.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import chain
from pathlib import Path
from typing import ClassVar

from cplc_desk.domain import i18n
from cplc_desk.domain.audit import canonical_json
from cplc_desk.domain.clock import PKT, now_utc
from cplc_desk.domain.enums import AuditAction, RecordKind
from cplc_desk.domain.folding import fold
from cplc_desk.domain.i18n import _
from cplc_desk.domain.records import (
    ComplaintDraft,
    DraftErrors,
    PersonDraft,
    VehicleReportDraft,
    validate_complaint,
    validate_vehicle_report,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import FieldError
from cplc_desk.services import reference
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.services.records import insert_complaint, insert_vehicle_report, legacy_keys_present
from cplc_desk.storage import search
from cplc_desk.storage.models import Complaint, VehicleReport
from cplc_desk.sync.bounded import BoundedFile, open_input
from cplc_desk.sync.errors import SyncError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CELL_CHARS = 32_767  # what a cell of Excel holds; a longer value refuses its row
# A row (on one line or several) longer than this refuses the whole file: a register's 21
# columns filled to Excel's limit are shorter, so the file is damaged or is not a register,
# and reading on would only fill memory.
MAX_ROW_CHARS = 1_000_000
MAX_COLUMNS = 1_000
MAX_BAD_ROWS_LISTED = 10_000  # every bad row is counted; these first ones are listed
MAX_NUMBERS_LISTED = 10_000
MAX_IGNORED_LISTED = 10
MAX_SHOWN_CHARS = 40  # a cell or column name repeated in a message is cut to this
_BLOCK_BYTES = 1 << 20

COMPLAINT_COLUMNS = (
    "reference", "complainant_name", "relative_name", "cnic", "mobile", "address", "category",
    "police_station", "incident_date", "incident_time", "incident_place", "fir_number",
    "fir_date", "narrative",
)  # fmt: skip
COMPLAINT_REQUIRED = ("complainant_name", "category", "police_station", "narrative")
VEHICLE_COLUMNS = (
    "reference", "kind", "vehicle_class", "registration", "chassis", "engine", "make", "model",
    "colour", "model_year", "owner_name", "owner_relative_name", "owner_cnic", "owner_mobile",
    "owner_address", "incident_date", "incident_time", "incident_place", "police_station",
    "fir_number", "fir_date",
)  # fmt: skip
VEHICLE_REQUIRED = ("kind", "vehicle_class", "police_station")
KINDS = {"complaints": RecordKind.COMPLAINT, "vehicles": RecordKind.VEHICLE_REPORT}
MAX_REFERENCE_CHARS = 40  # the legacy_ref column
# The domain names a few fields after the form; a spreadsheet's reader needs the column's name.
_COLUMN_OF_FIELD = {
    "complainant_cnic": "cnic",
    "complainant_mobile": "mobile",
    "complainant_relative_name": "relative_name",
    "incident_at": "incident_date",
}
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p", "%I:%M:%S%p")


class CsvFileError(ServiceError):
    """The file as a whole cannot be imported; nothing from it was saved."""


@dataclass(frozen=True)
class BadRow:
    line: int
    reasons: tuple[str, ...]


@dataclass
class ImportReport:
    file: str
    kind: str
    rows: int = 0
    imported: int = 0
    already_present: int = 0
    not_imported: int = 0  # every bad row; ``bad_rows`` lists the first MAX_BAD_ROWS_LISTED
    bad_rows: list[BadRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # the first MAX_IGNORED_LISTED
    ignored_columns_more: int = 0  # how many more columns were ignored
    batches: int = 0
    numbers: list[str] = field(default_factory=list)  # the first MAX_NUMBERS_LISTED given

    def add_bad_row(self, line: int, reasons: Callable[[], tuple[str, ...]]) -> None:
        """Count a bad row; list it, with ``reasons()``, while the list is not full."""
        self.not_imported += 1
        if len(self.bad_rows) < MAX_BAD_ROWS_LISTED:
            self.bad_rows.append(BadRow(line, reasons()))

    def ignored_text(self) -> str:
        """The ignored columns as a person reads them: the first few, then how many more."""
        names = ", ".join(self.ignored_columns)
        if not self.ignored_columns_more:
            return names
        return _("{names} and {n} more").format(names=names, n=self.ignored_columns_more)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "kind": self.kind,
            "rows": self.rows,
            "imported": self.imported,
            "already_present": self.already_present,
            "not_imported": self.not_imported,
            "bad_rows": [{"line": b.line, "reasons": list(b.reasons)} for b in self.bad_rows],
            "ignored_columns": self.ignored_columns,
            "ignored_columns_more": self.ignored_columns_more,
            "batches": self.batches,
        }


ProgressFn = Callable[[int, int], None]


def import_csv(
    ctx: DeskContext,
    kind: str,
    path: Path,
    *,
    batch_size: int = 500,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Import the register at ``path``. ``progress(rows read, rows in the file)`` is called
    after each batch, and every ``batch_size`` rows read."""
    ctx.require(Permission.IMPORT_CSV)
    if kind not in KINDS:
        raise CsvFileError(
            _("Unknown register {kind}: use complaints or vehicles.").format(kind=kind)
        )
    desk_code = ctx.require_identity().code
    # Module-wide, and only ever raised: the csv module must let a cell grow to the longest
    # row, which _Lines caps, so that an over-long cell refuses its row, not the file.
    if csv.field_size_limit() <= MAX_ROW_CHARS:
        csv.field_size_limit(MAX_ROW_CHARS + 1)
    with _opened(path) as fh:
        _check_start(fh, path.name)
        survey = _Table(fh, path.name, kind)
        total = sum(1 for _row in survey.rows())
        if not total:
            raise CsvFileError(_("The file has column names but no rows to import."))
        header = survey.header
        report = ImportReport(
            file=path.name,
            kind=kind,
            ignored_columns=[_shown(c) for c in header.ignored[:MAX_IGNORED_LISTED]],
            ignored_columns_more=max(0, len(header.ignored) - MAX_IGNORED_LISTED),
        )
        batches = _Batches(ctx, kind, path.name, report, batch_size, progress, total)
        rows = _Rows(desk_code, kind, header, _Resolver(ctx), report, batches)
        try:
            for line, values in _Table(fh, path.name, kind).rows():
                rows.take(line, values)
        except CsvFileError:
            if not report.batches:
                raise
            # The first pass read the whole file without fault: it was changed since.
            raise CsvFileError(
                _(
                    "The file {name} changed while it was being imported, so the import "
                    "stopped. The rows already saved are kept; import the file again to finish."
                ).format(name=path.name)
            ) from None
        batches.finish(report.rows)
    return report


class _Rows:
    """Each row of the second pass: refused (with its reasons), already present, or handed
    to the batches."""

    def __init__(
        self,
        desk_code: str,
        kind: str,
        header: _Header,
        resolver: _Resolver,
        report: ImportReport,
        batches: _Batches,
    ) -> None:
        self._desk_code, self._kind, self._header = desk_code, kind, header
        self._resolver, self._report, self._batches = resolver, report, batches
        self._now = now_utc()

    def take(self, line: int, values: list[str]) -> None:
        report = self._report
        report.rows += 1
        self._sort(line, values)
        self._batches.row_done(report.rows)

    def _sort(self, line: int, values: list[str]) -> None:
        report, header, batches = self._report, self._header, self._batches
        problem = _row_problem(values, header)
        if problem is not None:
            report.add_bad_row(line, lambda: _explained(problem, values, header))
            return
        row = {c: (values[i] if i < len(values) else "").strip() for c, i in header.columns.items()}
        key = _row_key(self._desk_code, self._kind, row)
        if batches.holds(key):
            report.already_present += 1
            return
        try:
            clean = _validate(self._kind, row, self._resolver, self._now)
        except DraftErrors as exc:
            # Not held by `batches`: a repeated bad row is reported again, with its own line.
            errors = exc.errors
            report.add_bad_row(line, lambda: tuple(f"{e.field}: {e.message}" for e in errors))
            return
        batches.add(key, clean, row.get("reference") or None)


def _row_problem(values: list[str], header: _Header) -> str | None:
    """What makes a row unreadable before its values are even looked at, if anything."""
    # Values beyond the named columns usually come from a comma that was not quoted, which
    # cut a value in two; saving the row would silently lose the rest of it.
    if len(values) > header.width and "".join(values[header.width :]).strip():
        return "overflow"
    if max(map(len, values)) > MAX_CELL_CHARS:
        return "long"
    if "\x00" in "".join(values):
        return "nul"
    return None


def _explained(problem: str, values: list[str], header: _Header) -> tuple[str, ...]:
    if problem == "overflow":
        return (_overflow_reason(len(values), header.width),)
    if problem == "long":
        return tuple(
            _(
                "{column}: this value has {n} characters, more than a spreadsheet cell holds "
                "({limit}). Often a quote mark that is never closed has joined several rows "
                "into one value: check this row in the spreadsheet."
            ).format(column=header.label(i), n=f"{len(v):,}", limit=f"{MAX_CELL_CHARS:,}")
            for i, v in enumerate(values)
            if len(v) > MAX_CELL_CHARS
        )
    return (
        _(
            "row: it contains a NUL byte (a zero byte), which spreadsheets do not write: "
            "this part of the file is damaged. Check the row in the spreadsheet, save the "
            "file again as 'CSV UTF-8 (Comma delimited)' and import it again."
        ),
    )


class _Batches:
    """Good rows on their way into the store, ``size`` new rows a batch, each batch one unit
    of work. Rows already in the store (imported before, or earlier in this file) are sifted
    out before a batch is made up, so each batch saves ``size`` rows."""

    def __init__(
        self,
        ctx: DeskContext,
        kind: str,
        file: str,
        report: ImportReport,
        size: int,
        progress: ProgressFn | None,
        total: int,
    ) -> None:
        self._ctx, self._kind, self._file, self._report = ctx, kind, file, report
        self._size, self._progress, self._total = size, progress, total
        self._model = Complaint if kind == "complaints" else VehicleReport
        self._pending: dict[str, tuple[object, str | None]] = {}  # new, not yet saved
        self._unchecked: dict[str, tuple[object, str | None]] = {}  # not yet looked up
        self._reported = 0  # rows read when progress was last reported

    def holds(self, key: str) -> bool:
        return key in self._pending or key in self._unchecked

    def add(self, key: str, clean: object, reference: str | None) -> None:
        self._unchecked[key] = (clean, reference)

    def row_done(self, rows_read: int) -> None:
        held = len(self._pending) + len(self._unchecked)
        if held >= self._size or rows_read - self._reported >= self._size:
            self._step(rows_read, final=False)

    def finish(self, rows_read: int) -> None:
        if self._pending or self._unchecked or rows_read != self._reported:
            self._step(rows_read, final=True)

    def _step(self, rows_read: int, *, final: bool) -> None:
        self._sift()
        if self._pending and (final or len(self._pending) >= self._size):
            self._save()
        self._reported = rows_read
        if self._progress is not None:
            self._progress(rows_read, self._total)

    def _sift(self) -> None:
        if not self._unchecked:
            return
        with self._ctx.store.read() as s:
            present = legacy_keys_present(s, self._model, list(self._unchecked))
        for key, item in self._unchecked.items():
            if key in present:
                self._report.already_present += 1
            else:
                self._pending[key] = item
        self._unchecked.clear()

    def _save(self) -> None:
        batch, self._pending = self._pending, {}
        report = self._report
        with self._ctx.unit_of_work() as s:
            # Looked up again inside the transaction: another import may have saved them since.
            present = legacy_keys_present(s, self._model, list(batch))
            imported_here = 0
            for key, (clean, ref) in batch.items():
                if key in present:
                    report.already_present += 1
                    continue
                insert = insert_complaint if self._kind == "complaints" else insert_vehicle_report
                registered = insert(self._ctx, s, clean, legacy_key=key, legacy_ref=ref)  # type: ignore[arg-type]
                if len(report.numbers) < MAX_NUMBERS_LISTED:
                    report.numbers.append(registered.number)
                imported_here += 1
            s.flush()
            search.catch_up(s)
            self._ctx.audit(
                s,
                AuditAction.CSV_IMPORTED,
                details={"file": self._file, "kind": self._kind, "batch": report.batches + 1,
                         "imported": imported_here},
            )  # fmt: skip
        report.imported += imported_here
        report.batches += 1


# ------------------------------------------------------------------ reading the file


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[BoundedFile]:
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


def _check_start(fh: BoundedFile, name: str) -> None:
    if fh.size == 0:
        raise _empty(name)
    fh.seek(0)
    head = fh.read(1024)
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise CsvFileError(
            _(
                "The file {name} is an Excel workbook, not a CSV file. In Excel choose "
                "Save As > 'CSV UTF-8 (Comma delimited)' and import that file. Nothing was imported."
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


class _RowTooLong(Exception):
    """A row outgrew MAX_ROW_CHARS; ``nul`` if the text held back contains a NUL byte."""

    def __init__(self, nul: bool) -> None:
        super().__init__()
        self.nul = nul


def _breaks(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


class _Lines:
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
                    raise _RowTooLong("\x00" in line)
                yield line
            lines_out += len(lines)
            # Checked once the reader has taken this block's lines: the carry belongs to the
            # row they leave unfinished, or starts a new one.
            if self.row_chars + len(carry) > MAX_ROW_CHARS:
                raise _RowTooLong("\x00" in carry)

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
class _Header:
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
        return _shown(name) if name else _("column {n}").format(n=index + 1)


class _Table:
    """One pass over the file: its header, read when made, then its rows."""

    def __init__(self, fh: BoundedFile, name: str, kind: str) -> None:
        self._name = name
        self._lines = _Lines(fh, name)
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
        except _RowTooLong as exc:
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

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line in the file, values) of each row that is not blank."""
        reader, lines, skipped = self._reader, self._lines, self._skipped
        while True:  # _next, inlined: this loop runs for every row of the file, twice
            self.line = skipped + reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except _RowTooLong as exc:
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
                yield self.line, values

    def _next(self) -> list[str] | None:
        self.line = self._skipped + self._reader.line_num + 1
        try:
            values = next(self._reader)
        except StopIteration:
            return None
        except _RowTooLong as exc:
            raise self._too_long(self.line, exc) from None
        self._lines.row_chars = 0
        return values

    def _too_long(self, line: int, exc: _RowTooLong) -> CsvFileError:
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

    def _header(self, header: list[str], kind: str) -> _Header:
        if any("\x00" in h for h in header):
            raise self._nul(self.line)
        if len(header) > MAX_COLUMNS:
            raise CsvFileError(
                _(
                    "The first row of the file {name} has {count} columns; a register has at "
                    "most {limit}. The file is damaged or is not a register: check that you "
                    "chose the right file. Nothing was imported."
                ).format(name=self._name, count=f"{len(header):,}", limit=f"{MAX_COLUMNS:,}")
            )
        columns = COMPLAINT_COLUMNS if kind == "complaints" else VEHICLE_COLUMNS
        required = COMPLAINT_REQUIRED if kind == "complaints" else VEHICLE_REQUIRED
        positions: dict[str, int] = {}
        ignored: list[str] = []
        for index, raw in enumerate(header):
            key = _header_key(raw)
            if key in columns and key not in positions:
                positions[key] = index
            elif raw.strip():
                ignored.append(raw.strip())
        missing = [c for c in required if c not in positions]
        if missing:
            raise CsvFileError(
                _(
                    "The file has no column {columns}. The first row must name the columns; "
                    "see docs/csv-import.md for the list. Nothing was imported."
                ).format(columns=", ".join(missing))
            )
        return _Header(positions, len(header), header, ignored)


def _shown(text: str) -> str:
    """``text`` cut short enough to repeat in a message."""
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def _overflow_reason(count: int, width: int) -> str:
    return _(
        "row: it has {count} values but the first row names {width} columns. A value that "
        "contains a comma must be in double quotes (Excel does this when it saves)."
    ).format(count=count, width=width)


def _row_key(desk_code: str, kind: str, row: dict[str, str]) -> str:
    # Empty cells are left out, so a file that gains or loses an empty column between two
    # imports still matches the rows already imported. The desk is part of the identity: two
    # stations importing the same register make two sets of records, which must not collide
    # when headquarters merges them.
    folded = {k: " ".join(v.split()).casefold() for k, v in sorted(row.items()) if v.strip()}
    return hashlib.sha256(canonical_json([desk_code, kind, folded]).encode()).hexdigest()


class _Resolver:
    """Maps what a spreadsheet wrote (a code or a name, any case) to reference codes."""

    VEHICLE_SYNONYMS: ClassVar[dict[str, str]] = {"bike": "MOTORCYCLE", "motorbike": "MOTORCYCLE", "motor cycle": "MOTORCYCLE",
                        "m/cycle": "MOTORCYCLE", "auto rickshaw": "RICKSHAW", "qingqi": "RICKSHAW"}  # fmt: skip

    def __init__(self, ctx: DeskContext) -> None:
        # Later entries win: a code always means its own record, whatever a name looks like.
        # Names in Urdu or English both find their record; a code always means its own.
        urdu, english = i18n.URDU, i18n.ENGLISH
        self.stations = self._table(
            reference.stations(ctx, urdu) + reference.stations(ctx, english)
        )
        self.categories = self._table(
            reference.complaint_categories(ctx, urdu) + reference.complaint_categories(ctx, english)
        )
        self.classes = {_fold(k): v for k, v in self.VEHICLE_SYNONYMS.items()}
        self.classes.update(
            self._table(
                reference.vehicle_classes(ctx, urdu) + reference.vehicle_classes(ctx, english)
            )
        )

    @staticmethod
    def _table(items: list) -> dict[str, str]:  # type: ignore[type-arg]
        table = {_fold(i.name): i.code for i in items}
        table.update({_fold(i.code): i.code for i in items})
        return table

    @staticmethod
    def _look(table: dict[str, str], text: str, field_name: str, message: str, errors: list) -> str:  # type: ignore[type-arg]
        found = table.get(_fold(text))
        if found is None and text.strip():
            errors.append(
                FieldError(
                    field_name, f"{field_name}.unknown", message.format(value=_shown(text.strip()))
                )
            )
        return found or ""

    def station(self, text: str, errors: list) -> str:  # type: ignore[type-arg]
        return self._look(
            self.stations,
            text,
            "police_station",
            _(
                "Unknown police station '{value}': write its name or code as listed by "
                "cplc-desk stations."
            ),
            errors,
        )

    def category(self, text: str, errors: list) -> str:  # type: ignore[type-arg]
        return self._look(
            self.categories,
            text,
            "category",
            _("Unknown category '{value}': see docs/csv-import.md for the categories."),
            errors,
        )

    def vehicle_class(self, text: str, errors: list) -> str:  # type: ignore[type-arg]
        return self._look(
            self.classes,
            text,
            "vehicle_class",
            _(
                "Unknown vehicle class '{value}': write car, motorcycle, rickshaw, commercial or other."
            ),
            errors,
        )


_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    """A name or code as a lookup key: case, spaces, punctuation and Urdu letter variants
    ignored."""
    return "_".join(_WORD.findall(fold(text)))


def _parse_date(text: str, field_name: str, errors: list) -> date | None:  # type: ignore[type-arg]
    text = text.strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    errors.append(
        FieldError(
            field_name,
            "date.format",
            _("Write the date as day/month/year (25/11/2026) or 2026-11-25."),
        )
    )
    return None


def _parse_time(text: str, errors: list) -> time | None:  # type: ignore[type-arg]
    # Excel writes times with seconds ("14:30:00", "2:30:00 PM"); registers often use 14.30.
    folded = text.strip().upper().replace("A.M.", "AM").replace("P.M.", "PM").replace(".", ":")
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(folded, fmt).time()
        except ValueError:
            continue
    errors.append(
        FieldError("incident_time", "time.format", _("Write the time as 14:30 or 2:30 PM."))
    )
    return None


def _incident(row: dict[str, str], errors: list) -> datetime | None:  # type: ignore[type-arg]
    time_text = row.get("incident_time", "").strip()
    date_text = row.get("incident_date", "").strip()
    day = _parse_date(date_text, "incident_date", errors)
    if day is None:
        if time_text and not date_text:
            errors.append(
                FieldError(
                    "incident_date",
                    "date.missing",
                    _("Write the date of the incident too: a time alone cannot be saved."),
                )
            )
        return None
    moment = datetime(day.year, day.month, day.day, tzinfo=PKT)
    if time_text:
        parsed = _parse_time(time_text, errors)
        if parsed is not None:
            moment = moment.replace(hour=parsed.hour, minute=parsed.minute)
    return moment


def _validate(kind: str, row: dict[str, str], resolver: _Resolver, now: datetime) -> object:
    errors: list[FieldError] = []
    if len(row.get("reference", "")) > MAX_REFERENCE_CHARS:
        errors.append(
            FieldError(
                "reference",
                "reference.too_long",
                _("The old register's number may have at most {n} characters.").format(
                    n=MAX_REFERENCE_CHARS
                ),
            )
        )
    incident_at = _incident(row, errors)
    fir_date = _parse_date(row.get("fir_date", ""), "fir_date", errors)
    try:
        if kind == "complaints":
            clean: object = validate_complaint(ComplaintDraft(
                complainant=PersonDraft(
                    row.get("complainant_name", ""), row.get("relative_name", ""),
                    row.get("cnic", ""), row.get("mobile", ""), row.get("address", ""),
                ),
                category=resolver.category(row.get("category", ""), errors),
                police_station=resolver.station(row.get("police_station", ""), errors),
                incident_at=incident_at, incident_place=row.get("incident_place", ""),
                fir_number=row.get("fir_number", ""), fir_date=fir_date,
                narrative=row.get("narrative", ""),
            ), now)  # fmt: skip
        else:
            clean = validate_vehicle_report(VehicleReportDraft(
                kind=row.get("kind", ""),
                vehicle_class=resolver.vehicle_class(row.get("vehicle_class", ""), errors),
                registration=row.get("registration", ""), chassis=row.get("chassis", ""),
                engine=row.get("engine", ""), make=row.get("make", ""),
                model=row.get("model", ""), colour=row.get("colour", ""),
                model_year=row.get("model_year", ""),
                owner=PersonDraft(
                    row.get("owner_name", ""), row.get("owner_relative_name", ""),
                    row.get("owner_cnic", ""), row.get("owner_mobile", ""),
                    row.get("owner_address", ""),
                ),
                incident_at=incident_at, incident_place=row.get("incident_place", ""),
                police_station=resolver.station(row.get("police_station", ""), errors),
                fir_number=row.get("fir_number", ""), fir_date=fir_date,
            ), now)  # fmt: skip
    except DraftErrors as exc:
        named = {e.field for e in errors}
        errors.extend(e for e in exc.errors if _column(e.field) not in named)
        raise DraftErrors([_renamed(e) for e in errors]) from None
    if errors:
        raise DraftErrors([_renamed(e) for e in errors])
    return clean


def _column(field_name: str) -> str:
    return _COLUMN_OF_FIELD.get(field_name, field_name)


def _renamed(error: FieldError) -> FieldError:
    column = _column(error.field)
    return error if column == error.field else FieldError(column, error.code, error.message)


def iter_columns(kind: str) -> Iterator[str]:
    yield from COMPLAINT_COLUMNS if kind == "complaints" else VEHICLE_COLUMNS
