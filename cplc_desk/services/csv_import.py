"""Importing legacy registers kept in spreadsheets (CSV), as documented in docs/csv-import.md.

Good rows are saved in batches, each batch one transaction, so a crash or power cut keeps every
committed batch whole and loses no more than the batch in progress. Bad rows are reported with
their line number and every reason. Each row's identity is a hash of its content, so importing
the same file again (or a file that repeats rows) creates no duplicates.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
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

MAX_FILE_BYTES = 200 * 1024 * 1024

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
    bad_rows: list[BadRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batches: int = 0
    numbers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "kind": self.kind,
            "rows": self.rows,
            "imported": self.imported,
            "already_present": self.already_present,
            "bad_rows": [{"line": b.line, "reasons": list(b.reasons)} for b in self.bad_rows],
            "ignored_columns": self.ignored_columns,
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
    ctx.require(Permission.IMPORT_CSV)
    if kind not in KINDS:
        raise CsvFileError(
            _("Unknown register {kind}: use complaints or vehicles.").format(kind=kind)
        )
    desk_code = ctx.require_identity().code
    text = _read_text(path)
    table = _parse(text, kind)
    report = ImportReport(
        file=path.name, kind=kind, rows=len(table.rows), ignored_columns=table.ignored
    )
    resolver = _Resolver(ctx)
    now = now_utc()
    prepared: list[tuple[int, str, object, str | None]] = []
    seen: set[str] = set()
    for line, values in table.rows:
        # Values beyond the named columns usually come from a comma that was not quoted, which
        # cut a value in two; saving the row would silently lose the rest of it.
        extra = sum(1 for v in values[table.width :] if v.strip())
        if extra:
            report.bad_rows.append(BadRow(line, (_overflow_reason(len(values), table.width),)))
            continue
        row = {
            col: (values[i] if i < len(values) else "").strip() for col, i in table.columns.items()
        }
        key = _row_key(desk_code, kind, row)
        if key in seen:
            report.already_present += 1
            continue
        try:
            clean = _validate(kind, row, resolver, now)
        except DraftErrors as exc:
            # Not remembered in `seen`: a repeated bad row is reported again, with its own line.
            report.bad_rows.append(
                BadRow(line, tuple(f"{e.field}: {e.message}" for e in exc.errors))
            )
            continue
        seen.add(key)
        prepared.append((line, key, clean, row.get("reference") or None))
    model = Complaint if kind == "complaints" else VehicleReport
    done = 0
    for start in range(0, len(prepared), batch_size):
        batch = prepared[start : start + batch_size]
        with ctx.unit_of_work() as s:
            present = legacy_keys_present(s, model, [key for _, key, _, _ in batch])
            imported_here = 0
            for _line, key, clean, ref in batch:
                if key in present:
                    report.already_present += 1
                    continue
                insert = insert_complaint if kind == "complaints" else insert_vehicle_report
                registered = insert(ctx, s, clean, legacy_key=key, legacy_ref=ref)  # type: ignore[arg-type]
                report.numbers.append(registered.number)
                imported_here += 1
            s.flush()
            search.catch_up(s)
            ctx.audit(
                s,
                AuditAction.CSV_IMPORTED,
                details={"file": path.name, "kind": kind, "batch": report.batches + 1,
                         "imported": imported_here},
            )  # fmt: skip
        report.imported += imported_here
        report.batches += 1
        done += len(batch)
        if progress is not None:
            progress(done, len(prepared))
    return report


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CsvFileError(
            _("File not found: {path}. Check the name and the folder.").format(path=path)
        ) from None
    except OSError as exc:
        raise CsvFileError(
            _("Cannot open {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from None
    if path.is_dir():
        raise CsvFileError(_("{path} is a folder, not a CSV file.").format(path=path))
    if size == 0:
        raise CsvFileError(
            _("The file {name} is empty: there is nothing to import.").format(name=path.name)
        )
    if size > MAX_FILE_BYTES:
        raise CsvFileError(
            _(
                "The file {name} is too large ({mb} MB). Split it into parts of under 200 MB."
            ).format(name=path.name, mb=size // 1_000_000)
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        # On Windows a file still open in Excel cannot be read by other programs.
        raise CsvFileError(
            _(
                "Cannot read {path} ({reason}). If it is open in Excel, close it there and "
                "import again."
            ).format(path=path, reason=exc.strerror)
        ) from None
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise CsvFileError(
            _(
                "The file {name} is an Excel workbook, not a CSV file. In Excel choose "
                "Save As > 'CSV UTF-8 (Comma delimited)' and import that file. Nothing was imported."
            ).format(name=path.name)
        )
    # UTF-16 starts with a byte-order mark, but not always; its ASCII letters carry NUL bytes,
    # which text saved as UTF-8 never has.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise CsvFileError(
            _(
                "The file {name} is saved as 'Unicode text' (UTF-16). In Excel choose "
                "Save As > 'CSV UTF-8 (Comma delimited)' and import that file. Nothing was imported."
            ).format(name=path.name)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            _(
                "The file {name} is not saved as UTF-8 text (unreadable character on line {line}). "
                "In Excel choose Save As > 'CSV UTF-8 (Comma delimited)' and import that file. "
                "Nothing was imported."
            ).format(name=path.name, line=line)
        ) from None
    if not text.strip():
        # Excel saves an empty sheet as a byte-order mark and nothing else.
        raise CsvFileError(
            _("The file {name} is empty: there is nothing to import.").format(name=path.name)
        )
    return text


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").replace("/", " ").split())


@dataclass(frozen=True)
class _Table:
    rows: list[tuple[int, list[str]]]  # (line number in the file, values)
    columns: dict[str, int]  # known column -> its position
    width: int  # how many columns the header row has
    ignored: list[str]


def _overflow_reason(count: int, width: int) -> str:
    return _(
        "row: it has {count} values but the first row names {width} columns. A value that "
        "contains a comma must be in double quotes (Excel does this when it saves)."
    ).format(count=count, width=width)


def _parse(text: str, kind: str) -> _Table:
    first_line = next((ln for ln in io.StringIO(text) if ln.strip()), "")
    delimiter = max(",;\t", key=first_line.count)
    # strict: without it a quote that is never closed silently swallows the rest of the file
    # into one value, instead of stopping with the line to fix.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        while not any(h.strip() for h in header):  # blank lines above the header
            header = next(reader)
    except (StopIteration, csv.Error):
        raise CsvFileError(_("The file has no header row.")) from None
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
    rows: list[tuple[int, list[str]]] = []
    line = reader.line_num + 1
    try:
        for values in reader:
            if any(v.strip() for v in values):
                rows.append((line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CsvFileError(
            _(
                "Line {line} of the file is broken ({reason}), often a quote mark that is never "
                "closed. Fix it in the spreadsheet and import again. Nothing was imported."
            ).format(line=line, reason=exc)
        ) from None
    if not rows:
        raise CsvFileError(_("The file has column names but no rows to import."))
    return _Table(rows, positions, len(header), ignored)


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
                FieldError(field_name, f"{field_name}.unknown", message.format(value=text.strip()))
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
