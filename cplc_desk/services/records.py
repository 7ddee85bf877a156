"""Registering complaints and vehicle reports.

Validation happens in the domain; here the clean record is written with its receipt number,
its first timeline entry and an audit entry, all in one unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.clock import local_year, now_utc
from cplc_desk.domain.enums import (
    AuditAction,
    ComplaintEventKind,
    ComplaintStatus,
    RecordKind,
    VehicleReportStatus,
)
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber, uuid7
from cplc_desk.domain.records import (
    CleanComplaint,
    CleanPerson,
    CleanVehicleReport,
    ComplaintDraft,
    DraftErrors,
    VehicleReportDraft,
    name_key,
    validate_complaint,
    validate_vehicle_report,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import FieldError
from cplc_desk.services.context import DeskContext
from cplc_desk.storage import search
from cplc_desk.storage.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    NumberSequence,
    Person,
    PoliceStation,
    VehicleClassRef,
    VehicleReport,
)


@dataclass(frozen=True)
class Registered:
    """What a registration hands back: enough to print a receipt and show a confirmation."""

    id: str
    number: str
    created_at: datetime


def next_number(s: Session, desk_code: str, kind: RecordKind, when: datetime) -> str:
    """The next human-readable number for this desk. Call inside a write unit of work, whose
    write lock makes the read-increment safe against a second process."""
    year = local_year(when)
    key = (desk_code, kind.value, year)
    # Kept per unit of work: a new sequence row is pending (not yet findable) until flushed.
    open_seqs: dict[tuple[str, str, int], NumberSequence] = s.info.setdefault("number_seqs", {})
    seq = open_seqs.get(key)
    if seq is None:
        with s.no_autoflush:
            seq = s.get(NumberSequence, key)
        if seq is None:
            seq = NumberSequence(desk_code=desk_code, kind=kind.value, year=year, last_value=0)
            s.add(seq)
        open_seqs[key] = seq
    seq.last_value += 1
    return str(RecordNumber(desk_code, kind, year, seq.last_value))


def _check_reference(s: Session, model: type, code: str, field_name: str, message: str) -> None:
    # Cache the codes per unit of work: a CSV batch checks the same few codes hundreds of times.
    cache: dict[type, set[str]] = s.info.setdefault("reference_codes", {})
    if model not in cache:
        cache[model] = set(s.scalars(select(model.code)))  # type: ignore[attr-defined]
    if code not in cache[model]:
        raise DraftErrors([FieldError(field_name, f"{field_name}.unknown", message)])


def _person(s: Session, person: CleanPerson, at: datetime) -> Person:
    row = Person(
        id=uuid7(),
        created_at=at,
        name=person.name,
        name_key=name_key(person.name),
        relative_name=person.relative_name,
        cnic=person.cnic,
        mobile=person.mobile,
        address=person.address,
    )
    s.add(row)
    return row


def insert_complaint(
    ctx: DeskContext,
    s: Session,
    clean: CleanComplaint,
    *,
    legacy_key: str | None = None,
    legacy_ref: str | None = None,
    at: datetime | None = None,
) -> Registered:
    """Write a validated complaint inside the caller's unit of work."""
    row = add_complaint(ctx, s, clean, legacy_key=legacy_key, legacy_ref=legacy_ref, at=at)
    return Registered(row.id, row.number, row.created_at)


def add_complaint(
    ctx: DeskContext,
    s: Session,
    clean: CleanComplaint,
    *,
    legacy_key: str | None = None,
    legacy_ref: str | None = None,
    at: datetime | None = None,
) -> Complaint:
    """Like :func:`insert_complaint` but hands back the row, for other services to continue.

    ``at`` backdates the registration (sample data); by default it is now.
    """
    _check_reference(
        s,
        ComplaintCategory,
        clean.category,
        "category",
        _("Choose a kind of complaint from the list."),
    )
    _check_reference(
        s,
        PoliceStation,
        clean.police_station,
        "police_station",
        _("Choose a police station from the list."),
    )
    desk_code = s.info["desk_code"]
    now = at or now_utc()
    person = _person(s, clean.complainant, now)
    complaint = Complaint(
        id=uuid7(),
        number=next_number(s, desk_code, RecordKind.COMPLAINT, now),
        created_at=now,
        complainant_id=person.id,
        category_code=clean.category,
        police_station_code=clean.police_station,
        incident_at=clean.incident_at,
        incident_place=clean.incident_place,
        fir_number=clean.fir.display if clean.fir else None,
        fir_key=clean.fir.normalized if clean.fir else None,
        fir_date=clean.fir_date,
        narrative=clean.narrative,
        status=ComplaintStatus.REGISTERED.value,
        legacy_key=legacy_key,
        legacy_ref=legacy_ref,
    )
    s.add(complaint)
    s.add(
        ComplaintEvent(
            complaint_id=complaint.id,
            kind=ComplaintEventKind.STATUS_CHANGE.value,
            from_status=None,
            to_status=ComplaintStatus.REGISTERED.value,
            note="",
            occurred_at=now,
            created_at=now,
        )
    )
    ctx.audit(
        s,
        AuditAction.RECORD_CREATED,
        record_table="complaint",
        record_id=complaint.id,
        details={"number": complaint.number, "source": "csv" if legacy_key else "desk"},
    )
    return complaint


def register_complaint(ctx: DeskContext, draft: ComplaintDraft) -> Registered:
    """Validate and save a complaint; raises :class:`DraftErrors` listing every problem."""
    ctx.require(Permission.REGISTER)
    clean = validate_complaint(draft, now_utc())
    with ctx.unit_of_work() as s:
        registered = insert_complaint(ctx, s, clean)
        s.flush()
        search.catch_up(s)  # findable by name and words at once
        return registered


def insert_vehicle_report(
    ctx: DeskContext,
    s: Session,
    clean: CleanVehicleReport,
    *,
    legacy_key: str | None = None,
    legacy_ref: str | None = None,
    at: datetime | None = None,
) -> Registered:
    _check_reference(
        s,
        VehicleClassRef,
        clean.vehicle_class.value,
        "vehicle_class",
        _("Choose a kind of vehicle from the list."),
    )
    _check_reference(
        s,
        PoliceStation,
        clean.police_station,
        "police_station",
        _("Choose a police station from the list."),
    )
    desk_code = s.info["desk_code"]
    now = at or now_utc()
    owner = _person(s, clean.owner, now) if clean.owner is not None else None
    report = VehicleReport(
        id=uuid7(),
        number=next_number(s, desk_code, RecordKind.VEHICLE_REPORT, now),
        created_at=now,
        kind=clean.kind.value,
        vehicle_class=clean.vehicle_class.value,
        registration=clean.registration.display if clean.registration else None,
        registration_key=clean.registration.normalized if clean.registration else None,
        chassis=clean.chassis.display if clean.chassis else None,
        chassis_key=clean.chassis.normalized if clean.chassis else None,
        engine=clean.engine.display if clean.engine else None,
        engine_key=clean.engine.normalized if clean.engine else None,
        make=clean.make,
        model=clean.model,
        colour=clean.colour,
        model_year=clean.model_year,
        owner_id=owner.id if owner else None,
        incident_at=clean.incident_at,
        incident_place=clean.incident_place,
        police_station_code=clean.police_station,
        fir_number=clean.fir.display if clean.fir else None,
        fir_key=clean.fir.normalized if clean.fir else None,
        fir_date=clean.fir_date,
        status=VehicleReportStatus.OPEN.value,  # every new report starts open
        legacy_key=legacy_key,
        legacy_ref=legacy_ref,
    )
    s.add(report)
    ctx.audit(
        s,
        AuditAction.RECORD_CREATED,
        record_table="vehicle_report",
        record_id=report.id,
        details={"number": report.number, "source": "csv" if legacy_key else "desk"},
    )
    return Registered(report.id, report.number, report.created_at)


def register_vehicle_report(ctx: DeskContext, draft: VehicleReportDraft) -> Registered:
    ctx.require(Permission.REGISTER)
    clean = validate_vehicle_report(draft, now_utc())
    with ctx.unit_of_work() as s:
        return insert_vehicle_report(ctx, s, clean)


def legacy_keys_present(
    s: Session, model: type[Complaint] | type[VehicleReport], keys: list[str]
) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(
            k for k in s.scalars(select(model.legacy_key).where(model.legacy_key.in_(chunk))) if k
        )
    return found
