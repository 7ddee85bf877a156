"""The complaint desk's verbs on one complaint: register it, read it with its timeline (a full
view is audited), move it through the workflow, add follow-ups. Finding complaints is in
:mod:`cplc_desk.services.complaints.complaint_list`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import (
    AuditAction,
    ComplaintEventKind,
    ComplaintStatus,
    RecordKind,
)
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber
from cplc_desk.domain.records import (
    CleanComplaint,
    ComplaintDraft,
    validate_complaint,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import FieldError
from cplc_desk.domain.workflow import FINISHED, OPEN_STATUSES, allowed, check_transition
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.records import (
    AT_THE_DESK,
    Origin,
    Registered,
    add_record,
    audit_viewed,
    check_reference,
    check_station,
    live,
    person_row,
    record_columns,
)
from cplc_desk.services.desk.reference import local_name
from cplc_desk.storage import search
from cplc_desk.storage.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    Person,
    PoliceStation,
)

# ------------------------------------------------------------------ one complaint


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    kind: str
    occurred_at: datetime
    by: str
    from_status: str | None
    to_status: str | None
    note: str
    next_follow_up_on: date | None


@dataclass(frozen=True)
class ComplaintDetail:
    id: str
    number: str
    version: int
    created_at: datetime
    created_by: str
    origin_desk: str
    complainant: str
    relative_name: str | None
    cnic: str | None
    mobile: str | None
    address: str | None
    category_code: str
    category_name: str
    police_station_code: str
    police_station_name: str
    incident_at: datetime | None
    incident_place: str | None
    fir_number: str | None
    fir_date: date | None
    narrative: str
    status: str
    next_follow_up_on: date | None
    allowed_statuses: tuple[str, ...]
    timeline: list[TimelineEntry] = field(default_factory=list)


def status_event(
    complaint_id: str,
    before: ComplaintStatus | None,
    after: ComplaintStatus,
    note: str,
    at: datetime,
    *,
    next_follow_up_on: date | None = None,
    created_at: datetime | None = None,
) -> ComplaintEvent:
    """A complaint's timeline entry for its move from ``before`` (None: it was just registered)
    to ``after`` at ``at``; ``created_at`` backdates the entry too (else it is stamped when
    written)."""
    return ComplaintEvent(
        complaint_id=complaint_id,
        kind=ComplaintEventKind.STATUS_CHANGE.value,
        from_status=before.value if before else None,
        to_status=after.value,
        note=note,
        occurred_at=at,
        created_at=created_at,
        next_follow_up_on=next_follow_up_on,
    )


def _load(s: Session, complaint_id: str) -> Complaint:
    return live(s, Complaint, complaint_id, _("This complaint does not exist (or was removed)."))


def _may_correct(ctx: DeskContext) -> bool:
    return ctx.actor.permits(Permission.CORRECT_CLOSED)


def _detail(s: Session, c: Complaint, *, may_correct: bool) -> ComplaintDetail:
    person = s.get(Person, c.complainant_id)
    assert person is not None
    category = s.get(ComplaintCategory, c.category_code)
    station = s.get(PoliceStation, c.police_station_code)
    events = s.scalars(
        select(ComplaintEvent)
        .where(ComplaintEvent.complaint_id == c.id, ComplaintEvent.deleted_at.is_(None))
        .order_by(ComplaintEvent.occurred_at, ComplaintEvent.id)
    )
    return ComplaintDetail(
        id=c.id,
        number=c.number,
        version=c.version,
        created_at=c.created_at,
        created_by=c.created_by,
        origin_desk=c.origin_desk,
        complainant=person.name,
        relative_name=person.relative_name,
        cnic=person.cnic,
        mobile=person.mobile,
        address=person.address,
        category_code=c.category_code,
        category_name=local_name(category, c.category_code),
        police_station_code=c.police_station_code,
        police_station_name=local_name(station, c.police_station_code),
        incident_at=c.incident_at,
        incident_place=c.incident_place,
        fir_number=c.fir_number,
        fir_date=c.fir_date,
        narrative=c.narrative,
        status=c.status,
        next_follow_up_on=c.next_follow_up_on,
        allowed_statuses=tuple(
            st.value
            for st in allowed(
                ComplaintStatus(c.status),
                may_correct=may_correct,
            )
        ),
        timeline=[
            TimelineEntry(
                e.id,
                e.kind,
                e.occurred_at,
                e.created_by,
                e.from_status,
                e.to_status,
                e.note,
                e.next_follow_up_on,
            )
            for e in events
        ],
    )


def get(ctx: DeskContext, complaint_id: str) -> ComplaintDetail:
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        return _detail(s, _load(s, complaint_id), may_correct=_may_correct(ctx))


def view(ctx: DeskContext, complaint_id: str) -> ComplaintDetail:
    """The complaint opened by a person, the complainant's CNIC and mobile in full: audited
    (``record.viewed``). Reloads of an open window use :func:`get`."""
    ctx.require(Permission.SEARCH)
    detail = get(ctx, complaint_id)
    audit_viewed(ctx, "complaint", detail.id, detail.number, bool(detail.cnic or detail.mobile))
    return detail


def find_by_number(ctx: DeskContext, number: str) -> ComplaintDetail:
    ctx.require(Permission.SEARCH)
    parsed = RecordNumber.parse(number)
    with ctx.store.read() as s:
        complaint_id = s.scalar(
            select(Complaint.id).where(Complaint.number == (str(parsed) if parsed else number))
        )
        if complaint_id is None:
            raise ServiceError(
                _("No complaint has the number {number}. Check it on the receipt.").format(
                    number=number
                )
            )
        return _detail(s, _load(s, complaint_id), may_correct=_may_correct(ctx))


def _check_version(c: Complaint, expected: int | None) -> None:
    if expected is not None and c.version != expected:
        raise ServiceError(
            _(
                "Someone else changed complaint {number} a moment ago. It has been reloaded: "
                "check it and make your change again."
            ).format(number=c.number)
        )


def change_status(
    ctx: DeskContext,
    complaint_id: str,
    target: str,
    note: str = "",
    next_follow_up_on: date | None = None,
    expected_version: int | None = None,
) -> ComplaintDetail:
    """Move a complaint along the workflow; refused (FieldError) if the move is not allowed."""
    ctx.require(Permission.FOLLOW_UP)
    try:
        target_status = ComplaintStatus(target)
    except ValueError:
        raise FieldError("status", "status.unknown", _("Unknown status.")) from None
    with ctx.store.read() as s:
        finished = ComplaintStatus(_load(s, complaint_id).status) in FINISHED
    if finished:
        # Reopening a finished complaint is a supervisor's correction: checked (and a refusal
        # recorded) before the change's unit of work begins.
        ctx.require(Permission.CORRECT_CLOSED)
    with ctx.unit_of_work() as s:
        c = _load(s, complaint_id)
        _check_version(c, expected_version)
        current = ComplaintStatus(c.status)
        # Finished meanwhile by someone else: the workflow refuses the move without the right.
        may_correct = current in FINISHED and ctx.actor.permits(Permission.CORRECT_CLOSED)
        check_transition(current, target_status, note, may_correct=may_correct)
        now = now_utc()
        c.status = target_status.value
        c.next_follow_up_on = next_follow_up_on if target_status in OPEN_STATUSES else None
        s.add(
            status_event(
                c.id,
                current,
                target_status,
                note.strip(),
                now,
                next_follow_up_on=c.next_follow_up_on,
            )
        )
        ctx.audit(
            s,
            AuditAction.STATUS_CHANGED,
            record_table="complaint",
            record_id=c.id,
            details={"number": c.number, "from": current.value, "to": target_status.value},
        )
        s.flush()
        return _detail(s, c, may_correct=_may_correct(ctx))


def add_follow_up(
    ctx: DeskContext,
    complaint_id: str,
    note: str,
    next_follow_up_on: date | None = None,
    expected_version: int | None = None,
) -> ComplaintDetail:
    ctx.require(Permission.FOLLOW_UP)
    if not note.strip():
        raise FieldError("note", "note.required", _("Write what was done or learned."))
    if next_follow_up_on is not None and next_follow_up_on < now_utc().date():
        raise FieldError(
            "next_follow_up_on", "date.past", _("The next follow-up date cannot be in the past.")
        )
    with ctx.unit_of_work() as s:
        c = _load(s, complaint_id)
        _check_version(c, expected_version)
        if ComplaintStatus(c.status) not in OPEN_STATUSES:
            raise ServiceError(
                _("Complaint {number} is {status}: it takes no more follow-ups.").format(
                    number=c.number, status=c.status
                )
            )
        c.next_follow_up_on = next_follow_up_on
        s.add(
            ComplaintEvent(
                complaint_id=c.id,
                kind=ComplaintEventKind.FOLLOW_UP.value,
                note=note.strip(),
                occurred_at=now_utc(),
                next_follow_up_on=next_follow_up_on,
            )
        )
        ctx.audit(
            s,
            AuditAction.FOLLOW_UP_ADDED,
            record_table="complaint",
            record_id=c.id,
            details={"number": c.number},
        )
        s.flush()
        return _detail(s, c, may_correct=_may_correct(ctx))


def insert_complaint(
    ctx: DeskContext,
    s: Session,
    clean: CleanComplaint,
    origin: Origin = AT_THE_DESK,
) -> Registered:
    """Write a validated complaint inside the caller's unit of work."""
    row = add_complaint(ctx, s, clean, origin)
    return Registered(row.id, row.number, row.created_at)


def add_complaint(
    ctx: DeskContext,
    s: Session,
    clean: CleanComplaint,
    origin: Origin = AT_THE_DESK,
) -> Complaint:
    """Like :func:`insert_complaint` but hands back the row, for other services to continue.

    ``origin.at`` backdates the registration (sample data); by default it is now.
    """
    check_reference(
        s,
        ComplaintCategory,
        clean.category,
        "category",
        _("Choose a kind of complaint from the list."),
    )
    check_station(s, clean.police_station)
    now = origin.at or now_utc()
    person = person_row(s, clean.complainant, now)
    complaint = Complaint(
        **record_columns(s, RecordKind.COMPLAINT, clean, origin, now),
        complainant_id=person.id,
        category_code=clean.category,
        narrative=clean.narrative,
        status=ComplaintStatus.REGISTERED.value,
    )
    add_record(ctx, s, complaint, origin)
    s.add(status_event(complaint.id, None, ComplaintStatus.REGISTERED, "", now, created_at=now))
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
