"""A register's row (docs/csv-import.md): what makes it unreadable, its identity, and its
values checked and turned into a draft record the desk can save."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, ClassVar

from cplc_desk.domain import i18n
from cplc_desk.domain.audit import canonical_json
from cplc_desk.domain.clock import PKT
from cplc_desk.domain.folding import fold
from cplc_desk.domain.i18n import N_, _
from cplc_desk.domain.phones import PhoneReportDraft, validate_phone_report
from cplc_desk.domain.records import (
    ComplaintDraft,
    DraftErrors,
    PersonDraft,
    VehicleReportDraft,
    validate_complaint,
    validate_vehicle_report,
)
from cplc_desk.domain.validation import FieldError
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.imports.csv_columns import shown
from cplc_desk.services.imports.csv_read import Header

MAX_CELL_CHARS = 32_767  # what a cell of Excel holds; a longer value refuses its row
MAX_REFERENCE_CHARS = 40  # the legacy_ref column
# The domain names a few fields after the form; a spreadsheet's reader needs the column's name.
_COLUMN_OF_FIELD = {
    "complainant_cnic": "cnic",
    "complainant_mobile": "mobile",
    "complainant_relative_name": "relative_name",
    "incident_at": "incident_date",
}
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p", "%I:%M:%S%p")


def row_problem(values: list[str], header: Header) -> str | None:
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


def bad_row_reasons(problem: str, values: list[str], header: Header) -> tuple[str, ...]:
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


def _overflow_reason(count: int, width: int) -> str:
    return _(
        "row: it has {count} values but the first row names {width} columns. A value that "
        "contains a comma must be in double quotes (Excel does this when it saves)."
    ).format(count=count, width=width)


def row_key(desk_code: str, kind: str, row: dict[str, str]) -> str:
    # Empty cells are left out, so a file that gains or loses an empty column between two
    # imports still matches the rows already imported. The desk is part of the identity: two
    # stations importing the same register make two sets of records, which must not collide
    # when headquarters merges them.
    folded = {k: " ".join(v.split()).casefold() for k, v in sorted(row.items()) if v.strip()}
    return hashlib.sha256(canonical_json([desk_code, kind, folded]).encode()).hexdigest()


class Resolver:
    """Maps what a spreadsheet wrote (a code or a name, any case) to reference codes."""

    VEHICLE_SYNONYMS: ClassVar[dict[str, str]] = {"bike": "MOTORCYCLE", "motorbike": "MOTORCYCLE", "motor cycle": "MOTORCYCLE",
                        "m/cycle": "MOTORCYCLE", "auto rickshaw": "RICKSHAW", "qingqi": "RICKSHAW"}  # fmt: skip

    def __init__(self, ctx: DeskContext) -> None:
        # Later entries win: a code always means its own record, whatever a name looks like.
        # Names in Urdu or English both find their record; a code always means its own.
        urdu, english = i18n.URDU, i18n.ENGLISH
        read: dict[str, Callable[[DeskContext, str], list[Any]]] = {
            "police_station": reference.stations,
            "category": reference.complaint_categories,
            "vehicle_class": reference.vehicle_classes,
        }
        # The codes each column's look-up knows, by folded name or code.
        self.codes = {
            column: self._table(names(ctx, urdu) + names(ctx, english))
            for column, names in read.items()
        }
        synonyms = {_fold(k): v for k, v in self.VEHICLE_SYNONYMS.items()}
        self.codes["vehicle_class"] = {**synonyms, **self.codes["vehicle_class"]}

    @staticmethod
    def _table(items: list) -> dict[str, str]:  # type: ignore[type-arg]
        table = {_fold(i.name): i.code for i in items}
        table.update({_fold(i.code): i.code for i in items})
        return table

    def code(self, row: dict[str, str], column: str, errors: list) -> str:  # type: ignore[type-arg]
        """The reference code the row's ``column`` names; "" when it is empty, or unknown (then
        an error saying what to write)."""
        text = row.get(column, "")
        found = self.codes[column].get(_fold(text))
        if found is None and text.strip():
            message = _(UNKNOWN[column]).format(value=shown(text.strip()))
            errors.append(FieldError(column, f"{column}.unknown", message))
        return found or ""


# What a value the look-up of its column does not know is told.
UNKNOWN = {
    "police_station": N_(
        "Unknown police station '{value}': write its name or code as in the list of "
        "police stations."
    ),
    "category": N_("Unknown category '{value}': see docs/csv-import.md for the categories."),
    "vehicle_class": N_(
        "Unknown vehicle class '{value}': write car, motorcycle, rickshaw, commercial or other."
    ),
}


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


def validate_row(kind: str, row: dict[str, str], resolver: Resolver, now: datetime) -> object:
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
                category=resolver.code(row, "category", errors),
                police_station=resolver.code(row, "police_station", errors),
                incident_at=incident_at, incident_place=row.get("incident_place", ""),
                fir_number=row.get("fir_number", ""), fir_date=fir_date,
                narrative=row.get("narrative", ""),
            ), now)  # fmt: skip
        elif kind == "phones":
            clean = validate_phone_report(_phone_draft(row, resolver, errors, incident_at,
                                                       fir_date), now)  # fmt: skip
        else:
            clean = validate_vehicle_report(VehicleReportDraft(
                kind=row.get("kind", ""),
                vehicle_class=resolver.code(row, "vehicle_class", errors),
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
                police_station=resolver.code(row, "police_station", errors),
                fir_number=row.get("fir_number", ""), fir_date=fir_date,
            ), now)  # fmt: skip
    except DraftErrors as exc:
        named = {e.field for e in errors}
        errors.extend(e for e in exc.errors if _column(e.field) not in named)
        raise DraftErrors([_renamed(e) for e in errors]) from None
    if errors:
        raise DraftErrors([_renamed(e) for e in errors])
    return clean


def _phone_draft(
    row: dict[str, str], resolver: Resolver, errors: list[FieldError],
    incident_at: datetime | None, fir_date: date | None,
) -> PhoneReportDraft:  # fmt: skip
    return PhoneReportDraft(
        kind=row.get("kind", ""), imei=row.get("imei", ""), imei2=row.get("imei2", ""),
        make=row.get("make", ""), model=row.get("model", ""), colour=row.get("colour", ""),
        sim_number=row.get("sim_number", ""),
        owner=PersonDraft(
            row.get("owner_name", ""), row.get("owner_relative_name", ""),
            row.get("owner_cnic", ""), row.get("owner_mobile", ""), row.get("owner_address", ""),
        ),
        incident_at=incident_at, incident_place=row.get("incident_place", ""),
        police_station=resolver.code(row, "police_station", errors),
        fir_number=row.get("fir_number", ""), fir_date=fir_date,
    )  # fmt: skip


def _column(field_name: str) -> str:
    return _COLUMN_OF_FIELD.get(field_name, field_name)


def _renamed(error: FieldError) -> FieldError:
    column = _column(error.field)
    return error if column == error.field else FieldError(column, error.code, error.message)
