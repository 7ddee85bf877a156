"""The phone reports list: find reports by what a volunteer has in hand, one keyset page at a
time, newest first; one report opened in full, with its history.

The search box takes an IMEI (15 digits, or 14, or an IMEISV's 16; either of a report's two),
a report number, an owner's CNIC or mobile (the owner's or the SIM in use), or the start of an
owner's name. Look-ups by CNIC or mobile are written to the audit trail, as for complaints and
vehicles; opening a report with its owner's details in full is audited too.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, tuple_
from sqlalchemy.orm import Session

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.enums import RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber
from cplc_desk.domain.records import name_key
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import (
    FieldError,
    mask_cnic,
    normalize_digits,
    parse_cnic,
    parse_mobile,
)
from cplc_desk.services.complaints.complaint_list import (
    SearchTerm,
    _audit_person_search,
    _bind_time,
    _start_of,
    in_districts,
)
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.records import audit_viewed
from cplc_desk.storage import search as search_index
from cplc_desk.storage.models import ChangeLog, Person, PhoneReport

PAGE = 200
TABLE = "phone_report"
_PREFIX_END = "\uffff"
_NUMERIC = re.compile(r"^[\d\s\-+()/]+$")


@dataclass(frozen=True)
class PhoneQuery:
    """What the phone reports list shows. Empty fields do not filter."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    registered_from: date | None = None
    registered_to: date | None = None  # inclusive


@dataclass(frozen=True)
class PhoneRow:
    """One line of the list: the owner's CNIC masked."""

    id: str
    number: str
    created_at: datetime
    kind: str
    imei: str
    imei2: str | None
    imei_altered: bool
    description: str
    owner_name: str
    owner_cnic_masked: str
    police_station_code: str
    status: str


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts (keyset paging on registration time, then id)."""

    created_at: datetime
    id: str


@dataclass(frozen=True)
class Page:
    rows: list[PhoneRow]
    next: Cursor | None


@dataclass(frozen=True)
class PhoneSearch:
    """How the search box's text is read: each part that is not empty is looked for."""

    imei: str = ""
    number: str = ""
    cnic: str = ""
    mobile: str = ""
    name_prefix: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.imei or self.number or self.cnic or self.mobile or self.name_prefix)

    def person_terms(self) -> list[SearchTerm]:
        terms = []
        if self.cnic:
            terms.append(SearchTerm("cnic", self.cnic))
        if self.mobile:
            terms.append(SearchTerm("mobile", self.mobile))
        return terms


def read_search(text: str) -> PhoneSearch:
    """What the search box's ``text`` can be: an IMEI, report number, CNIC, mobile or name."""
    raw = text.strip()
    if not raw:
        return PhoneSearch()
    number = RecordNumber.parse(raw)
    imei = cnic = mobile = ""
    if _NUMERIC.match(normalize_digits(raw) or raw):
        digits = normalize_digits(raw)
        if len(digits) in (14, 15, 16):
            with contextlib.suppress(FieldError):
                imei = imeis.parse(raw, altered=True)  # as held: altered IMEIs are found too
        if len(digits) == 13 and digits[0] != "0":
            with contextlib.suppress(FieldError):
                cnic = parse_cnic(raw)
        if not cnic and not imei:
            with contextlib.suppress(FieldError):
                mobile = parse_mobile(raw)
    folded = name_key(raw)
    return PhoneSearch(
        imei=imei,
        number=str(number) if number is not None and number.kind is RecordKind.PHONE_REPORT else "",
        cnic=cnic,
        mobile=mobile,
        name_prefix=folded if any(ch.isalpha() for ch in folded) else "",
    )


def _search_condition(search: PhoneSearch) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if search.imei:
        conditions += [PhoneReport.imei == search.imei, PhoneReport.imei2 == search.imei]
    if search.number:
        conditions.append(PhoneReport.number == search.number)
    if search.mobile:
        conditions.append(PhoneReport.sim_number == search.mobile)
    people: list[ColumnElement[bool]] = []
    if search.cnic:
        people.append(Person.cnic == search.cnic)
    if search.mobile:
        people.append(Person.mobile == search.mobile)
    if search.name_prefix:
        people.append(
            and_(
                search_index.code_points(Person.name_key) >= search.name_prefix,
                search_index.code_points(Person.name_key) < search.name_prefix + _PREFIX_END,
            )
        )
    conditions += [
        search_index.among(PhoneReport.owner_id, select(Person.id).where(p)) for p in people
    ]
    return or_(*conditions) if conditions else false()


def _filtered(query: PhoneQuery, search: PhoneSearch, *, counting: bool = False) -> Select[Any]:
    stmt: Select[Any]
    if counting:
        stmt = select(PhoneReport.id)
    else:
        stmt = cast(
            "Select[Any]",
            select(PhoneReport, Person.name, Person.cnic).outerjoin(
                Person, Person.id == PhoneReport.owner_id
            ),
        )
    stmt = stmt.where(PhoneReport.deleted_at.is_(None))
    if not search.is_empty:
        stmt = stmt.where(_search_condition(search))
    for column, values in (
        (PhoneReport.kind, query.kinds),
        (PhoneReport.status, query.statuses),
        (PhoneReport.police_station_code, query.stations),
    ):
        if values:
            stmt = stmt.where(column.in_(values))
    if query.districts:
        stmt = stmt.where(PhoneReport.police_station_code.in_(in_districts(query.districts)))
    if query.registered_from is not None:
        stmt = stmt.where(PhoneReport.created_at >= _start_of(query.registered_from))
    if query.registered_to is not None:
        stmt = stmt.where(PhoneReport.created_at < _start_of(query.registered_to, plus_days=1))
    return stmt


def describe(make: str | None, model: str | None, colour: str | None) -> str:
    """Colour, make and model, as people describe a handset."""
    return " ".join(p for p in (colour, make, model) if p)


def _row(r: PhoneReport, owner: str | None, cnic: str | None) -> PhoneRow:
    return PhoneRow(
        id=r.id,
        number=r.number,
        created_at=r.created_at,
        kind=r.kind,
        imei=r.imei,
        imei2=r.imei2,
        imei_altered=r.imei_altered,
        description=describe(r.make, r.model, r.colour),
        owner_name=owner or "",
        owner_cnic_masked=mask_cnic(cnic) if cnic else "",
        police_station_code=r.police_station_code,
        status=r.status,
    )


def list_page(
    ctx: DeskContext, query: PhoneQuery, after: Cursor | None = None, limit: int = PAGE
) -> Page:
    """One page of matching phone reports, newest first, starting after ``after``."""
    ctx.require(Permission.SEARCH)
    search = read_search(query.text)
    with ctx.store.read() as s:
        stmt = _filtered(query, search)
        if after is not None:
            key = tuple_(PhoneReport.created_at, PhoneReport.id)
            stmt = stmt.where(key < tuple_(_bind_time(after.created_at), after.id))
        stmt = stmt.order_by(PhoneReport.created_at.desc(), PhoneReport.id.desc())
        rows = [_row(*r) for r in s.execute(stmt.limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    if after is None:
        for term in search.person_terms():
            _audit_person_search(ctx, term, len(rows), "phone list")
    return Page(rows, Cursor(rows[-1].created_at, rows[-1].id) if more and rows else None)


def count(ctx: DeskContext, query: PhoneQuery, cap: int = 1_000_000) -> int:
    """How many phone reports match (counting stops at ``cap``)."""
    ctx.require(Permission.SEARCH)
    search = read_search(query.text)
    with ctx.store.read() as s:
        inner = _filtered(query, search, counting=True).limit(cap)
        return int(s.scalar(select(func.count()).select_from(inner.subquery())) or 0)


# ------------------------------------------------------------------ one report


@dataclass(frozen=True)
class HistoryEntry:
    """One version of a report as this desk's change log holds it: when, by whom, and the
    fields that changed from the version before (``created`` for the first)."""

    at: datetime
    by: str
    version: int
    changed: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class PhoneDetail:
    """Everything one report says, the owner's details in full (for the desk's own work)."""

    id: str
    number: str
    created_at: datetime
    created_by: str
    origin_desk: str
    updated_at: datetime
    updated_by: str
    kind: str
    status: str
    imei: str
    imei2: str | None
    imei_altered: bool
    imei_note: str | None
    make: str | None
    model: str | None
    colour: str | None
    sim_number: str | None
    owner_name: str | None
    owner_relative_name: str | None
    owner_cnic: str | None
    owner_mobile: str | None
    owner_address: str | None
    incident_at: datetime | None
    incident_place: str | None
    police_station_code: str
    fir_number: str | None
    fir_date: date | None
    matched_report_id: str | None
    matched_number: str | None
    history: tuple[HistoryEntry, ...]


# Fields whose change a person reads in the history (bookkeeping columns left out).
_HISTORY_FIELDS = (
    "kind", "status", "imei", "imei2", "imei_altered", "imei_note", "make", "model", "colour",
    "sim_number", "owner_id", "incident_at", "incident_place", "police_station_code",
    "fir_number", "fir_date", "matched_report_id", "deleted_at",
)  # fmt: skip


def _history(s: Session, report_id: str) -> tuple[HistoryEntry, ...]:
    entries: list[HistoryEntry] = []
    before: dict[str, Any] | None = None
    changes = s.execute(
        select(ChangeLog.version, ChangeLog.changed_at, ChangeLog.row_image)
        .where(ChangeLog.table_name == TABLE, ChangeLog.record_id == report_id)
        .order_by(ChangeLog.seq)
    )
    for version, at, image in changes:
        row = json.loads(image)
        if before is None:
            changed: tuple[str, ...] = ("created",)
        else:
            changed = tuple(f for f in _HISTORY_FIELDS if row.get(f) != before.get(f))
        entries.append(
            HistoryEntry(at, str(row.get("updated_by") or ""), version, changed, row["status"])
        )
        before = row
    return tuple(entries)


def get(ctx: DeskContext, report_id: str) -> PhoneDetail:
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        r = s.get(PhoneReport, report_id)
        if r is None or r.deleted_at is not None:
            raise ServiceError(_("This phone report does not exist (or was removed)."))
        owner = s.get(Person, r.owner_id) if r.owner_id else None
        matched = s.get(PhoneReport, r.matched_report_id) if r.matched_report_id else None
        return PhoneDetail(
            id=r.id, number=r.number, created_at=r.created_at, created_by=r.created_by,
            origin_desk=r.origin_desk, updated_at=r.updated_at, updated_by=r.updated_by,
            kind=r.kind, status=r.status, imei=r.imei, imei2=r.imei2,
            imei_altered=r.imei_altered, imei_note=r.imei_note, make=r.make, model=r.model,
            colour=r.colour, sim_number=r.sim_number,
            owner_name=owner.name if owner else None,
            owner_relative_name=owner.relative_name if owner else None,
            owner_cnic=owner.cnic if owner else None,
            owner_mobile=owner.mobile if owner else None,
            owner_address=owner.address if owner else None,
            incident_at=r.incident_at, incident_place=r.incident_place,
            police_station_code=r.police_station_code, fir_number=r.fir_number,
            fir_date=r.fir_date, matched_report_id=r.matched_report_id,
            matched_number=matched.number if matched else None,
            history=_history(s, r.id),
        )  # fmt: skip


def view(ctx: DeskContext, report_id: str) -> PhoneDetail:
    """The report opened by a person, the owner's CNIC and mobile in full: audited
    (``record.viewed``). Lists show them masked."""
    detail = get(ctx, report_id)
    full_contact = bool(detail.owner_cnic or detail.owner_mobile)
    audit_viewed(ctx, TABLE, detail.id, detail.number, full_contact)
    return detail
