"""Record drafts as typed by a person (or read from a spreadsheet), and their validation.

A draft holds raw text. :func:`validate_complaint` and :func:`validate_vehicle_report` return
either a clean record or every field error at once, so a form can show each message next to its
field and a CSV importer can report a row's reasons together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from cplc_desk.domain.enums import PhoneReportKind, VehicleClass, VehicleReportKind
from cplc_desk.domain.folding import fold
from cplc_desk.domain.i18n import _
from cplc_desk.domain.validation import (
    FieldError,
    Identifier,
    check_not_future,
    parse_chassis,
    parse_cnic,
    parse_engine,
    parse_fir_number,
    parse_mobile,
    parse_model_year,
    parse_registration,
    require_text,
)


@dataclass(frozen=True)
class PersonDraft:
    name: str = ""
    relative_name: str = ""
    cnic: str = ""
    mobile: str = ""
    address: str = ""


@dataclass(frozen=True)
class CleanPerson:
    name: str
    relative_name: str | None
    cnic: str | None
    mobile: str | None
    address: str | None


@dataclass(frozen=True)
class ComplaintDraft:
    complainant: PersonDraft = field(default_factory=PersonDraft)
    category: str = ""
    police_station: str = ""
    incident_at: datetime | None = None
    incident_place: str = ""
    fir_number: str = ""
    fir_date: date | None = None
    narrative: str = ""


@dataclass(frozen=True)
class CleanComplaint:
    complainant: CleanPerson
    category: str
    police_station: str
    incident_at: datetime | None
    incident_place: str | None
    fir: Identifier | None
    fir_date: date | None
    narrative: str


@dataclass(frozen=True)
class ReportDraft:
    """What every report of a thing stolen or found says besides what identifies the thing (a
    vehicle's plates, a handset's IMEIs): its look, its owner, and the incident. Each kind's
    draft adds its own fields (:class:`VehicleReportDraft`, ``domain.phones.PhoneReportDraft``)."""

    make: str = ""
    model: str = ""
    colour: str = ""
    owner: PersonDraft = field(default_factory=PersonDraft)
    incident_at: datetime | None = None
    incident_place: str = ""
    police_station: str = ""
    fir_number: str = ""
    fir_date: date | None = None


@dataclass(frozen=True)
class CleanReport:
    """A :class:`ReportDraft`'s shared part, validated (:func:`_report`)."""

    make: str | None
    model: str | None
    colour: str | None
    owner: CleanPerson | None
    incident_at: datetime | None
    incident_place: str | None
    police_station: str
    fir: Identifier | None
    fir_date: date | None


@dataclass(frozen=True)
class VehicleReportDraft(ReportDraft):
    kind: str = ""
    vehicle_class: str = ""
    registration: str = ""
    chassis: str = ""
    engine: str = ""
    model_year: str = ""


@dataclass(frozen=True)
class CleanVehicleReport(CleanReport):
    kind: VehicleReportKind
    vehicle_class: VehicleClass
    registration: Identifier | None
    chassis: Identifier | None
    engine: Identifier | None
    model_year: int | None


T = TypeVar("T")
E = TypeVar("E", VehicleReportKind, VehicleClass, PhoneReportKind)


class DraftErrors(ValueError):
    """Every field error of one draft."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return fn(*args, **kwargs)
        except FieldError as exc:
            self.errors.append(exc)
            return None

    def fail(self, field_name: str, code: str, message: str) -> None:
        self.errors.append(FieldError(field_name, code, message))


def _optional(text: str) -> str | None:
    text = " ".join(text.split())
    return text or None


def _bounded(c: _Collector, text: str, field_name: str, max_len: int) -> str | None:
    """An optional free-text field, refused (not cut) when longer than its column holds."""
    value = _optional(text)
    if value is not None and len(value) > max_len:
        c.fail(
            field_name,
            "text.too_long",
            _("This is too long: at most {max} characters, you wrote {n}.").format(
                max=max_len, n=len(value)
            ),
        )
        return None
    return value


def _person(c: _Collector, draft: PersonDraft, prefix: str, *, required: bool) -> CleanPerson:
    name = (
        c.run(require_text, draft.name, f"{prefix}name", max_len=120)
        if required or draft.name.strip()
        else None
    )
    cnic = c.run(parse_cnic, draft.cnic, f"{prefix}cnic") if draft.cnic.strip() else None
    mobile = c.run(parse_mobile, draft.mobile, f"{prefix}mobile") if draft.mobile.strip() else None
    return CleanPerson(
        name=name or "",
        relative_name=_bounded(c, draft.relative_name, f"{prefix}relative_name", 120),
        cnic=cnic,
        mobile=mobile,
        address=_bounded(c, draft.address, f"{prefix}address", 2000),
    )


def _when(c: _Collector, value: datetime | None, now: datetime, name: str) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    c.run(check_not_future, value, now, name)
    return value


def _fir(
    c: _Collector, number: str, fir_date: date | None, now: datetime
) -> tuple[Identifier | None, date | None]:
    fir = c.run(parse_fir_number, number, "fir_number") if number.strip() else None
    if fir_date is not None:
        c.run(check_not_future, fir_date, now, "fir_date")
    return fir, fir_date


def _station(c: _Collector, code: str) -> str:
    """The police station a record is about: one must be chosen."""
    if not code.strip():
        c.fail("police_station", "station.missing", _("Choose the police station concerned."))
    return code.strip().upper()


def _report(c: _Collector, draft: ReportDraft, now: datetime) -> dict[str, Any]:
    """The fields of :class:`CleanReport`, validated, by name: what a vehicle report and a phone
    report check alike (an owner is optional, a found thing has none; but one named is named in
    full)."""
    owner_given = any(
        getattr(draft.owner, f).strip() for f in ("name", "cnic", "mobile", "address")
    )
    owner = _person(c, draft.owner, "owner_", required=True) if owner_given else None
    station = _station(c, draft.police_station)
    incident_at = _when(c, draft.incident_at, now, "incident_at")
    fir, fir_date = _fir(c, draft.fir_number, draft.fir_date, now)
    texts = {
        name: _bounded(c, getattr(draft, name), name, limit)
        for name, limit in (("make", 60), ("model", 60), ("colour", 40), ("incident_place", 200))
    }
    return {
        "owner": owner,
        "incident_at": incident_at,
        "police_station": station,
        "fir": fir,
        "fir_date": fir_date,
        **texts,
    }


def validate_complaint(draft: ComplaintDraft, now: datetime) -> CleanComplaint:
    """A clean complaint, or :class:`DraftErrors` with every problem found."""
    c = _Collector()
    person = _person(c, draft.complainant, "complainant_", required=True)
    if not draft.category.strip():
        c.fail("category", "category.missing", _("Choose the kind of complaint."))
    station = _station(c, draft.police_station)
    narrative = c.run(require_text, draft.narrative, "narrative", max_len=20_000)
    incident_at = _when(c, draft.incident_at, now, "incident_at")
    fir, fir_date = _fir(c, draft.fir_number, draft.fir_date, now)
    place = _bounded(c, draft.incident_place, "incident_place", 200)
    if c.errors:
        raise DraftErrors(c.errors)
    return CleanComplaint(
        complainant=person,
        category=draft.category.strip().upper(),
        police_station=station,
        incident_at=incident_at,
        incident_place=place,
        fir=fir,
        fir_date=fir_date,
        narrative=narrative or "",
    )


def _enum(c: _Collector, enum: type[E], raw: str, name: str, message: str) -> E | None:
    key = raw.strip().replace(" ", "_")
    for member in enum:
        if key.lower() == member.value.lower():
            return member
    c.fail(name, f"{name}.unknown", message)
    return None


def validate_vehicle_report(draft: VehicleReportDraft, now: datetime) -> CleanVehicleReport:
    c = _Collector()
    kind = _enum(
        c,
        VehicleReportKind,
        draft.kind,
        "kind",
        _("Choose what happened: stolen, snatched, recovered or found abandoned."),
    )
    vclass = _enum(
        c,
        VehicleClass,
        draft.vehicle_class,
        "vehicle_class",
        _("Choose the kind of vehicle: car, motorcycle, rickshaw, commercial or other."),
    )
    reg = c.run(parse_registration, draft.registration) if draft.registration.strip() else None
    chassis = c.run(parse_chassis, draft.chassis) if draft.chassis.strip() else None
    engine = c.run(parse_engine, draft.engine) if draft.engine.strip() else None
    if not (draft.registration.strip() or draft.chassis.strip() or draft.engine.strip()):
        c.fail(
            "registration",
            "vehicle.no_identifier",
            _("Enter at least one of: registration number, chassis number, engine number."),
        )
    year = (
        c.run(parse_model_year, draft.model_year, now.year + 1)
        if draft.model_year.strip()
        else None
    )
    shared = _report(c, draft, now)
    for ident, name in ((reg, "registration"), (chassis, "chassis"), (engine, "engine")):
        if ident is not None and len(ident.display) > 40:
            c.fail(name, "text.too_long", _("This is too long: at most 40 characters."))
    if c.errors or kind is None or vclass is None:
        raise DraftErrors(c.errors)
    return CleanVehicleReport(
        kind=kind,
        vehicle_class=vclass,
        registration=reg,
        chassis=chassis,
        engine=engine,
        model_year=year,
        **shared,
    )


def name_key(name: str) -> str:
    """A person's name folded for search: case, spacing, dots/dashes, Urdu letter variants and
    diacritics ignored (domain/folding.py)."""
    kept = "".join(ch if ch.isalnum() else " " for ch in fold(name))
    # Folding can lengthen a name (NFKC spells some ligatures out); the key column holds 120.
    return " ".join(kept.split())[:120]
