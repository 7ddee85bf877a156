"""Importing legacy registers kept in spreadsheets, Excel workbooks (.xlsx) or CSV files, as
documented in docs/csv-import.md.

The file is never held whole: a CSV file is read in blocks, decoded as it is read and parsed row
by row; a workbook's sheet is streamed from its ZIP (services/imports/xlsx_read.py). Either is
read twice. The first pass only checks that the file can be read (its encoding, its lines, its
column names) and counts its rows, so a file refused as a whole saves nothing. The second
validates each row and saves the good ones in batches, each batch one transaction, so a crash
or power cut keeps every committed batch whole and loses no more than the batch in progress.
Bad rows are reported with their line number and every reason. Each row's identity is a hash
of its content, so importing the same file again (or a file that repeats rows) creates no
duplicates. Memory stays bounded whatever the file holds: one block, one row, one batch and
the first bad rows of the report.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.records import DraftErrors
from cplc_desk.domain.roles import Permission
from cplc_desk.services.complaints.complaints import insert_complaint
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.records import Origin, legacy_keys_present
from cplc_desk.services.imports.csv_columns import KINDS, iter_columns, shown
from cplc_desk.services.imports.csv_read import (
    MAX_ROW_CHARS,
    CsvFileError,
    Header,
    Table,
    check_start,
    opened,
)
from cplc_desk.services.imports.csv_rows import (
    Resolver,
    bad_row_reasons,
    row_key,
    row_problem,
    validate_row,
)
from cplc_desk.services.imports.xlsx_read import SheetTable, Workbook, is_zip
from cplc_desk.services.phones.phones import insert_phone_report
from cplc_desk.services.vehicles.vehicles import insert_vehicle_report
from cplc_desk.storage import search
from cplc_desk.storage.models import Complaint, PhoneReport, VehicleReport
from cplc_desk.sync.bounded import BoundedFile

__all__ = [
    "KINDS",
    "BadRow",
    "CsvFileError",
    "ImportReport",
    "ProgressFn",
    "import_csv",
    "import_register",
    "iter_columns",
    "workbook_sheets",
]

MAX_BAD_ROWS_LISTED = 10_000  # every bad row is counted; these first ones are listed
MAX_NUMBERS_LISTED = 10_000
MAX_IGNORED_LISTED = 10


@dataclass(frozen=True)
class BadRow:
    line: int
    reasons: tuple[str, ...]


@dataclass
class ImportReport:
    file: str
    kind: str
    sheet: str | None = None  # the workbook's sheet imported; None for a CSV file
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
        """The report as ``import-register --json`` prints it: every field but the list of
        numbers the imported records were given."""
        said: dict[str, object] = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name != "numbers"
        }
        said["bad_rows"] = [{"line": b.line, "reasons": list(b.reasons)} for b in self.bad_rows]
        return said


ProgressFn = Callable[[int, int], None]


def import_register(
    ctx: DeskContext,
    kind: str,
    path: Path,
    *,
    sheet: str | None = None,
    batch_size: int = 500,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Import the register at ``path``, an Excel workbook (its ``sheet``, or its only one) or a
    CSV file. ``progress(rows read, rows in the file)`` is called after each batch, and every
    ``batch_size`` rows read."""
    ctx.require(Permission.IMPORT_CSV)
    if kind not in KINDS:
        raise CsvFileError(
            _("Unknown register {kind}: use complaints, vehicles or phones.").format(kind=kind)
        )
    desk_code = ctx.require_identity().code
    with opened(path) as fh, _tables(fh, path.name, kind, sheet) as (table, chosen):
        survey = table(True)
        total = sum(1 for _row in survey.rows())
        if not total:
            raise CsvFileError(_("The file has column names but no rows to import."))
        header = survey.header
        report = ImportReport(
            file=path.name,
            kind=kind,
            sheet=chosen,
            ignored_columns=[shown(c) for c in header.ignored[:MAX_IGNORED_LISTED]],
            ignored_columns_more=max(0, len(header.ignored) - MAX_IGNORED_LISTED),
        )
        batches = _Batches(ctx, kind, path.name, report, batch_size, progress, total)
        rows = _Rows(desk_code, kind, header, Resolver(ctx), report, batches)
        try:
            for line, values, problems in table(False).rows():
                rows.take(line, values, problems)
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


def workbook_sheets(path: Path) -> list[str] | None:
    """The sheets a person may choose from in the workbook at ``path`` (its visible ones), or
    None if the file is not a workbook (a CSV file is one table)."""
    with opened(path) as fh:
        fh.seek(0)
        if not is_zip(fh.read(4)):
            return None
        book = Workbook(fh, path.name)
        try:
            return book.visible
        finally:
            book.close()


# import_register by its first name (a CSV file was all it read then).
import_csv = import_register


@contextlib.contextmanager
def _tables(
    fh: BoundedFile, name: str, kind: str, sheet: str | None
) -> Iterator[tuple[Callable[[bool], Table | SheetTable], str | None]]:
    """A way to start a pass over the file (a survey first, then the import), and the sheet it
    reads (None for CSV)."""
    fh.seek(0)
    if not is_zip(fh.read(4)):
        check_start(fh, name)
        # Module-wide, and only ever raised: the csv module must let a cell grow to the
        # longest row, which Lines caps, so that an over-long cell refuses its row.
        if csv.field_size_limit() <= MAX_ROW_CHARS:
            csv.field_size_limit(MAX_ROW_CHARS + 1)
        yield (lambda _survey: Table(fh, name, kind)), None
        return
    book = Workbook(fh, name)
    try:
        chosen = book.choose(sheet, kind)
        yield (lambda survey: book.table(chosen, kind, survey=survey)), chosen
    finally:
        book.close()


class _Rows:
    """Each row of the second pass: refused (with its reasons), already present, or handed
    to the batches."""

    def __init__(
        self,
        desk_code: str,
        kind: str,
        header: Header,
        resolver: Resolver,
        report: ImportReport,
        batches: _Batches,
    ) -> None:
        self._desk_code, self._kind, self._header = desk_code, kind, header
        self._resolver, self._report, self._batches = resolver, report, batches
        self._now = now_utc()

    def take(self, line: int, values: list[str], cells: tuple[str, ...]) -> None:
        report = self._report
        report.rows += 1
        self._sort(line, values, cells)
        self._batches.row_done(report.rows)

    def _sort(self, line: int, values: list[str], cells: tuple[str, ...]) -> None:
        report, header, batches = self._report, self._header, self._batches
        if cells:  # a workbook's cells that cannot be read: a formula never saved, an error
            report.add_bad_row(line, lambda: cells)
            return
        problem = row_problem(values, header)
        if problem is not None:
            report.add_bad_row(line, lambda: bad_row_reasons(problem, values, header))
            return
        row = {c: (values[i] if i < len(values) else "").strip() for c, i in header.columns.items()}
        key = row_key(self._desk_code, self._kind, row)
        if batches.holds(key):
            report.already_present += 1
            return
        try:
            clean = validate_row(self._kind, row, self._resolver, self._now)
        except DraftErrors as exc:
            # Not held by `batches`: a repeated bad row is reported again, with its own line.
            errors = exc.errors
            report.add_bad_row(line, lambda: tuple(f"{e.field}: {e.message}" for e in errors))
            return
        batches.add(key, clean, row.get("reference") or None)


def _register(kind: str) -> tuple[type, Any]:
    """The register's records, and how a clean row becomes one."""
    return {
        "complaints": (Complaint, insert_complaint),
        "vehicles": (VehicleReport, insert_vehicle_report),
        "phones": (PhoneReport, insert_phone_report),
    }[kind]


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
        self._model, self._insert = _register(kind)
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
                registered = self._insert(
                    self._ctx, s, clean, Origin(legacy_key=key, legacy_ref=ref)
                )
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
