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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from cplc_desk.domain.audit import canonical_json
from cplc_desk.domain.clock import PKT, now_utc
from cplc_desk.domain.enums import AuditAction, RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.records import (
    ComplaintDraft,
    DraftErrors,
    PersonDraft,
    VehicleReportDraft,
    validate_complaint,
    validate_vehicle_report,
)
from cplc_desk.services import reference
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.services.records import insert_complaint, insert_vehicle_report, legacy_keys_present
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
    if kind not in KINDS:
        raise CsvFileError(
            _("Unknown register {kind}: use complaints or vehicles.").format(kind=kind)
        )
    ctx.require_identity()
    text = _read_text(path)
    rows, header_map, ignored = _parse(text, kind)
    report = ImportReport(file=path.name, kind=kind, rows=len(rows), ignored_columns=ignored)
    resolver = _Resolver(ctx)
    now = now_utc()
    prepared: list[tuple[int, str, object, str | None]] = []
    seen: set[str] = set()
    for line, values in rows:
        row = {col: values.get(src, "").strip() for col, src in header_map.items()}
        key = _row_key(kind, row)
        if key in seen:
            report.already_present += 1
            continue
        seen.add(key)
        try:
            clean = _validate(kind, row, resolver, now)
        except DraftErrors as exc:
            report.bad_rows.append(
                BadRow(line, tuple(f"{e.field}: {e.message}" for e in exc.errors))
            )
            continue
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
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvFileError(
            _(
                "The file {name} is saved as 'Unicode text' (UTF-16). In Excel choose "
                "Save As > 'CSV UTF-8 (Comma delimited)' and import that file. Nothing was imported."
            ).format(name=path.name)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            _(
                "The file {name} is not saved as UTF-8 text (unreadable character on line {line}). "
                "In Excel choose Save As > 'CSV UTF-8 (Comma delimited)' and import that file. "
                "Nothing was imported."
            ).format(name=path.name, line=line)
        ) from None


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").replace("/", " ").split())


def _parse(
    text: str, kind: str
) -> tuple[list[tuple[int, dict[str, str]]], dict[str, str], list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise CsvFileError(_("The file has no header row.")) from None
    columns = COMPLAINT_COLUMNS if kind == "complaints" else VEHICLE_COLUMNS
    required = COMPLAINT_REQUIRED if kind == "complaints" else VEHICLE_REQUIRED
    header_map: dict[str, str] = {}
    ignored: list[str] = []
    for raw in header:
        key = _header_key(raw)
        if key in columns and key not in header_map:
            header_map[key] = raw
        elif raw.strip():
            ignored.append(raw.strip())
    missing = [c for c in required if c not in header_map]
    if missing:
        raise CsvFileError(
            _(
                "The file has no column {columns}. The first row must name the columns; "
                "see docs/csv-import.md for the list. Nothing was imported."
            ).format(columns=", ".join(missing))
        )
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    try:
        for values in reader:
            if any(v.strip() for v in values):
                rows.append((line, dict(zip(header, values, strict=False))))
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
    return rows, header_map, ignored


def _row_key(kind: str, row: dict[str, str]) -> str:
    folded = {k: " ".join(v.split()).casefold() for k, v in sorted(row.items())}
    return hashlib.sha256(canonical_json([kind, folded]).encode()).hexdigest()


class _Resolver:
    """Maps what a spreadsheet wrote (a code or a name, any case) to reference codes."""

    VEHICLE_SYNONYMS: ClassVar[dict[str, str]] = {"bike": "MOTORCYCLE", "motorbike": "MOTORCYCLE", "motor cycle": "MOTORCYCLE",
                        "m/cycle": "MOTORCYCLE", "auto rickshaw": "RICKSHAW", "qingqi": "RICKSHAW"}  # fmt: skip

    def __init__(self, ctx: DeskContext) -> None:
        stations = reference.stations(ctx)
        self.stations = {s.code.casefold(): s.code for s in stations}
        self.stations.update({s.name.casefold(): s.code for s in stations})
        cats = reference.complaint_categories(ctx)
        self.categories = {c.code.casefold(): c.code for c in cats}
        self.categories.update({c.name.casefold(): c.code for c in cats})
        classes = reference.vehicle_classes(ctx)
        self.classes = {c.code.casefold(): c.code for c in classes}
        self.classes.update({c.name.casefold(): c.code for c in classes})
        self.classes.update(self.VEHICLE_SYNONYMS)

    @staticmethod
    def _look(table: dict[str, str], text: str, field_name: str, message: str, errors: list) -> str:  # type: ignore[type-arg]
        from cplc_desk.domain.validation import FieldError

        folded = " ".join(text.split()).casefold()
        found = table.get(folded) or table.get(folded.replace(" ", "_"))
        if found is None and folded:
            errors.append(
                FieldError(field_name, f"{field_name}.unknown", message.format(value=text))
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


def _parse_date(text: str, field_name: str, errors: list) -> date | None:  # type: ignore[type-arg]
    from cplc_desk.domain.validation import FieldError

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


def _incident(row: dict[str, str], errors: list) -> datetime | None:  # type: ignore[type-arg]
    from cplc_desk.domain.validation import FieldError

    day = _parse_date(row.get("incident_date", ""), "incident_date", errors)
    if day is None:
        return None
    moment = datetime(day.year, day.month, day.day, tzinfo=PKT)
    time_text = row.get("incident_time", "").strip()
    if time_text:
        try:
            parsed = datetime.strptime(time_text.upper().replace(".", ":"), "%H:%M").time()
        except ValueError:
            try:
                parsed = datetime.strptime(time_text.upper(), "%I:%M %p").time()
            except ValueError:
                errors.append(
                    FieldError(
                        "incident_time", "time.format", _("Write the time as 14:30 or 2:30 PM.")
                    )
                )
                return moment
        moment = moment.replace(hour=parsed.hour, minute=parsed.minute)
    return moment


def _validate(kind: str, row: dict[str, str], resolver: _Resolver, now: datetime) -> object:
    errors: list = []  # type: ignore[type-arg]
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
        errors.extend(e for e in exc.errors if e.field not in named)
        raise DraftErrors(errors) from None
    if errors:
        raise DraftErrors(errors)
    return clean


def iter_columns(kind: str) -> Iterator[str]:
    yield from COMPLAINT_COLUMNS if kind == "complaints" else VEHICLE_COLUMNS
