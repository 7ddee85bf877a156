"""What registering a record of any kind shares: its receipt number, the reference codes it
names checked, the person it is about, and the legacy keys an import looks up. Each kind's own
registration lives with its other verbs (``services/complaints/complaints.py``,
``services/vehicles/vehicles.py``): validation happens in the domain; there the clean record is
written with its number, its first timeline entry and an audit entry, in one unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.clock import local_year, now_utc
from cplc_desk.domain.enums import (
    AuditAction,
    RecordKind,
    ReportStatus,
)
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber, uuid7
from cplc_desk.domain.records import (
    CleanComplaint,
    CleanPerson,
    CleanReport,
    DraftErrors,
    name_key,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import FieldError
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage.models import (
    Complaint,
    NumberSequence,
    Person,
    PoliceStation,
    VehicleReport,
)


@dataclass(frozen=True)
class Origin:
    """Where a record being registered comes from: typed at the desk now (the default), a row
    of an imported spreadsheet (its ``legacy_key`` and the reference it had there), or sample
    data backdated to ``at``."""

    legacy_key: str | None = None
    legacy_ref: str | None = None
    at: datetime | None = None

    @property
    def source(self) -> str:
        """What the audit entry says the record came from."""
        return "csv" if self.legacy_key else "desk"


AT_THE_DESK = Origin()


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


def check_reference(s: Session, model: type, code: str, field_name: str, message: str) -> None:
    # Cache the codes per unit of work: a CSV batch checks the same few codes hundreds of times.
    cache: dict[type, set[str]] = s.info.setdefault("reference_codes", {})
    if model not in cache:
        cache[model] = set(s.scalars(select(model.code)))  # type: ignore[attr-defined]
    if code not in cache[model]:
        raise DraftErrors([FieldError(field_name, f"{field_name}.unknown", message)])


def check_station(s: Session, code: str) -> None:
    """Every record names the police station it is about: one from the list."""
    check_reference(
        s, PoliceStation, code, "police_station", _("Choose a police station from the list.")
    )


def add_record(ctx: DeskContext, s: Session, row: Any, origin: Origin) -> Registered:
    """Add a newly registered record (of any kind: it has an ``id`` and a ``number``) to the
    caller's unit of work, with its audit entry (``record.created``)."""
    s.add(row)
    ctx.audit(
        s,
        AuditAction.RECORD_CREATED,
        record_table=row.__tablename__,
        record_id=row.id,
        details={"number": row.number, "source": origin.source},
    )
    return Registered(row.id, row.number, row.created_at)


Draft = TypeVar("Draft")
Clean = TypeVar("Clean")


def register(
    ctx: DeskContext,
    draft: Draft,
    validate: Callable[[Draft, datetime], Clean],
    insert: Callable[[DeskContext, Session, Clean], Registered],
) -> Registered:
    """A kind's ``register_…`` verb: validate the draft (every field error at once, as
    :class:`DraftErrors`) and write it with ``insert``, in one unit of work of its own."""
    ctx.require(Permission.REGISTER)
    clean = validate(draft, now_utc())
    with ctx.unit_of_work() as s:
        return insert(ctx, s, clean)


def record_columns(
    s: Session, kind: RecordKind, clean: CleanComplaint | CleanReport, origin: Origin, now: datetime
) -> dict[str, Any]:
    """The columns a new record of any kind fills alike: its id, its number, when it was
    registered, the incident (when, where, which police station, the FIR) and where the record
    came from."""
    return {
        "id": uuid7(),
        "number": next_number(s, s.info["desk_code"], kind, now),
        "created_at": now,
        "incident_at": clean.incident_at,
        "incident_place": clean.incident_place,
        "police_station_code": clean.police_station,
        "fir_number": clean.fir.display if clean.fir else None,
        "fir_key": clean.fir.normalized if clean.fir else None,
        "fir_date": clean.fir_date,
        "legacy_key": origin.legacy_key,
        "legacy_ref": origin.legacy_ref,
    }


def report_columns(
    s: Session, kind: RecordKind, clean: CleanReport, origin: Origin
) -> dict[str, Any]:
    """The columns a new vehicle or phone report fills alike (:class:`CleanReport`'s): those of
    :func:`record_columns`, the thing's look and its owner (written here), and its status, open
    as every new report starts. Checks the police station first."""
    check_station(s, clean.police_station)
    now = origin.at or now_utc()
    owner = person_row(s, clean.owner, now) if clean.owner is not None else None
    return {
        **record_columns(s, kind, clean, origin, now),
        "make": clean.make,
        "model": clean.model,
        "colour": clean.colour,
        "owner_id": owner.id if owner else None,
        "status": ReportStatus.OPEN.value,
    }


def person_row(s: Session, person: CleanPerson, at: datetime) -> Person:
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


class _Removable(Protocol):
    @property
    def deleted_at(self) -> datetime | None: ...


Row = TypeVar("Row", bound=_Removable)


def live(s: Session, model: type[Row], record_id: str, missing: str) -> Row:
    """The record ``record_id`` of ``model`` (any kind), if it exists and was not removed;
    otherwise a refusal that says ``missing``."""
    row = s.get(model, record_id)
    if row is None or row.deleted_at is not None:
        raise ServiceError(missing)
    return row


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


def audit_viewed(
    ctx: DeskContext, table: str, record_id: str, number: str, full_contact: bool
) -> None:
    """A person opened a record, its personal data in full where ``full_contact``: audited
    (``record.viewed``), in an audit-only unit of work of its own."""
    with ctx.audit_unit() as s:
        ctx.audit(
            s,
            AuditAction.RECORD_VIEWED,
            record_table=table,
            record_id=record_id,
            details={"number": number, "full_contact": full_contact},
        )
