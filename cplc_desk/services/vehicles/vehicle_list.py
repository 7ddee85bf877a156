"""The vehicle reports list: find reports by what a volunteer has in hand, one keyset page at a
time, newest first.

The search box takes a registration, chassis or engine number (matched exactly on its normalised
key, in any of the three fields), a report number, an owner's CNIC or mobile, or the start of an
owner's name; a text that could be several of these finds all of them. Look-ups by CNIC or
mobile are written to the audit trail, as for complaints.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, tuple_
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber
from cplc_desk.domain.records import name_key
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import (
    FieldError,
    mask_cnic,
    normalize_digits,
    normalize_identifier,
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
from cplc_desk.storage.models import Person, VehicleReport

PAGE = 200
# From this many matches on, a page is found by walking the reports newest first (see _dense).
DENSE = 5000

# Names are folded to this range's start; every name starting with the prefix sorts below the end.
_PREFIX_END = "\uffff"
_PHONEISH = re.compile(r"^[\d\s\-+()]+$")


@dataclass(frozen=True)
class VehicleQuery:
    """What the vehicle reports list shows. Empty fields do not filter."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # reports at any police station of these districts
    registered_from: date | None = None
    registered_to: date | None = None  # inclusive


@dataclass(frozen=True)
class VehicleRow:
    """One line of the list: the owner's CNIC masked."""

    id: str
    number: str
    created_at: datetime
    kind: str
    vehicle_class: str
    registration: str | None
    chassis: str | None
    engine: str | None
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
    rows: list[VehicleRow]
    next: Cursor | None


@dataclass(frozen=True)
class VehicleSearch:
    """How the search box's text is read: each part that is not empty is looked for."""

    identifier: str = ""  # normalised registration/chassis/engine key
    number: str = ""  # a report number
    cnic: str = ""
    mobile: str = ""
    name_prefix: str = ""  # folded like Person.name_key

    @property
    def is_empty(self) -> bool:
        return not (self.identifier or self.number or self.cnic or self.mobile or self.name_prefix)

    def person_terms(self) -> list[SearchTerm]:
        """The parts that look a person up (audited)."""
        terms = []
        if self.cnic:
            terms.append(SearchTerm("cnic", self.cnic))
        if self.mobile:
            terms.append(SearchTerm("mobile", self.mobile))
        return terms


def read_search(text: str) -> VehicleSearch:
    """What the search box's ``text`` can be: an identifier, report number, CNIC, mobile or name."""
    raw = text.strip()
    if not raw:
        return VehicleSearch()
    number = RecordNumber.parse(raw)
    cnic = mobile = ""
    if _PHONEISH.match(raw):
        digits = normalize_digits(raw)
        if len(digits) == 13 and digits[0] != "0":
            with contextlib.suppress(FieldError):
                cnic = parse_cnic(raw)
        if not cnic:
            with contextlib.suppress(FieldError):
                mobile = parse_mobile(raw)
    folded = name_key(raw)
    is_report = number is not None and number.kind is RecordKind.VEHICLE_REPORT
    return VehicleSearch(
        identifier=normalize_identifier(raw),
        number=str(number) if is_report else "",
        cnic=cnic,
        mobile=mobile,
        # Only a text with a letter can start a name (a plate's digits would only slow it down).
        name_prefix=folded if any(ch.isalpha() for ch in folded) else "",
    )


def _column(column: Any, walk: bool) -> Any:
    # "column || ''" is the same value, but no index can answer it: the planner then walks the
    # registration-time index and stops after a page instead of sorting every match.
    return column.concat("") if walk else column


def _search_condition(search: VehicleSearch, walk: bool) -> ColumnElement[bool]:
    # Every part is a condition on vehicle_report's own indexed columns (the owner through an
    # IN-subquery), so SQLite answers the OR with one index look-up per part.
    conditions: list[ColumnElement[bool]] = []
    if search.identifier:
        conditions += [
            _column(column, walk) == search.identifier
            for column in (
                VehicleReport.registration_key,
                VehicleReport.chassis_key,
                VehicleReport.engine_key,
            )
        ]
    if search.number:
        conditions.append(_column(VehicleReport.number, walk) == search.number)
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
    owner = _column(VehicleReport.owner_id, walk)
    conditions += [search_index.among(owner, select(Person.id).where(p)) for p in people]
    return or_(*conditions) if conditions else false()


def _filtered(
    query: VehicleQuery, search: VehicleSearch, *, counting: bool = False, walk: bool = False
) -> Select[Any]:
    """The matching reports; ``walk`` keeps the filters off their indexes (see :func:`_dense`)."""
    stmt: Select[Any]
    if counting:
        stmt = select(VehicleReport.id)
    else:
        stmt = cast(
            "Select[Any]",
            select(VehicleReport, Person.name, Person.cnic).outerjoin(
                Person, Person.id == VehicleReport.owner_id
            ),
        )
    stmt = stmt.where(VehicleReport.deleted_at.is_(None))
    if not search.is_empty:
        stmt = stmt.where(_search_condition(search, walk))
    for column, values in (
        (VehicleReport.kind, query.kinds),
        (VehicleReport.vehicle_class, query.classes),
        (VehicleReport.status, query.statuses),
        (VehicleReport.police_station_code, query.stations),
    ):
        if values:
            stmt = stmt.where(_column(column, walk).in_(values))
    if query.districts:
        station = _column(VehicleReport.police_station_code, walk)
        stmt = stmt.where(station.in_(in_districts(query.districts)))
    if query.registered_from is not None:
        stmt = stmt.where(VehicleReport.created_at >= _start_of(query.registered_from))
    if query.registered_to is not None:
        stmt = stmt.where(VehicleReport.created_at < _start_of(query.registered_to, plus_days=1))
    return stmt


def _narrows(query: VehicleQuery, search: VehicleSearch) -> bool:
    return not search.is_empty or bool(
        query.kinds or query.classes or query.statuses or query.stations or query.districts
    )


def _dense(s: Session, query: VehicleQuery, search: VehicleSearch) -> bool:
    """Whether at least :data:`DENSE` reports match.

    Few matches are quickest found through the filters' own indexes and sorted; many (every
    open report, every stolen one) are quickest found by walking the reports newest first and
    stopping after a page, since sorting hundreds of thousands of matches takes seconds. The
    probe reads at most DENSE index entries.
    """
    if not _narrows(query, search):
        return False  # nothing to choose: the walk is the only plan
    only_station = dataclasses.replace(query, stations=(), registered_from=None, registered_to=None)
    if len(query.stations) == 1 and search.is_empty and not _narrows(only_station, search):
        return False  # one station's reports come newest first from its own index
    probe = _filtered(query, search, counting=True).limit(DENSE)
    return int(s.scalar(select(func.count()).select_from(probe.subquery())) or 0) >= DENSE


def describe(r: VehicleReport) -> str:
    """Colour, make, model and year, as people describe a vehicle."""
    parts = (r.colour, r.make, r.model, str(r.model_year) if r.model_year else None)
    return " ".join(p for p in parts if p)


def _row(r: VehicleReport, owner: str | None, cnic: str | None) -> VehicleRow:
    return VehicleRow(
        id=r.id,
        number=r.number,
        created_at=r.created_at,
        kind=r.kind,
        vehicle_class=r.vehicle_class,
        registration=r.registration,
        chassis=r.chassis,
        engine=r.engine,
        description=describe(r),
        owner_name=owner or "",
        owner_cnic_masked=mask_cnic(cnic) if cnic else "",
        police_station_code=r.police_station_code,
        status=r.status,
    )


def list_page(
    ctx: DeskContext, query: VehicleQuery, after: Cursor | None = None, limit: int = PAGE
) -> Page:
    """One page of matching vehicle reports, newest first, starting after ``after``."""
    ctx.require(Permission.SEARCH)
    search = read_search(query.text)
    with ctx.store.read() as s:
        stmt = _filtered(query, search, walk=_dense(s, query, search))
        if after is not None:
            key = tuple_(VehicleReport.created_at, VehicleReport.id)
            stmt = stmt.where(key < tuple_(_bind_time(after.created_at), after.id))
        stmt = stmt.order_by(VehicleReport.created_at.desc(), VehicleReport.id.desc())
        rows = [_row(*r) for r in s.execute(stmt.limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    if after is None:
        for term in search.person_terms():
            _audit_person_search(ctx, term, len(rows), "vehicle list")
    cursor = Cursor(rows[-1].created_at, rows[-1].id) if more and rows else None
    return Page(rows, cursor)


def count(ctx: DeskContext, query: VehicleQuery, cap: int = 1_000_000) -> int:
    """How many vehicle reports match (counting stops at ``cap``)."""
    ctx.require(Permission.SEARCH)
    search = read_search(query.text)
    with ctx.store.read() as s:
        inner = _filtered(query, search, counting=True).limit(cap)
        return int(s.scalar(select(func.count()).select_from(inner.subquery())) or 0)


# ------------------------------------------------------------------ one report


@dataclass(frozen=True)
class VehicleDetail:
    """Everything one report says, the owner's details in full (for the desk's own work)."""

    id: str
    number: str
    created_at: datetime
    created_by: str
    origin_desk: str
    kind: str
    status: str
    vehicle_class: str
    registration: str | None
    chassis: str | None
    engine: str | None
    make: str | None
    model: str | None
    colour: str | None
    model_year: int | None
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


def view(ctx: DeskContext, report_id: str) -> VehicleDetail:
    """The report opened by a person, the owner's CNIC and mobile in full: audited
    (``record.viewed``). Lists show them masked."""
    ctx.require(Permission.SEARCH)
    detail = get(ctx, report_id)
    full_contact = bool(detail.owner_cnic or detail.owner_mobile)
    audit_viewed(ctx, "vehicle_report", detail.id, detail.number, full_contact)
    return detail


def get(ctx: DeskContext, report_id: str) -> VehicleDetail:
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        r = s.get(VehicleReport, report_id)
        if r is None or r.deleted_at is not None:
            raise ServiceError(_("This vehicle report does not exist (or was removed)."))
        owner = s.get(Person, r.owner_id) if r.owner_id else None
        matched = s.get(VehicleReport, r.matched_report_id) if r.matched_report_id else None
        return VehicleDetail(
            id=r.id,
            number=r.number,
            created_at=r.created_at,
            created_by=r.created_by,
            origin_desk=r.origin_desk,
            kind=r.kind,
            status=r.status,
            vehicle_class=r.vehicle_class,
            registration=r.registration,
            chassis=r.chassis,
            engine=r.engine,
            make=r.make,
            model=r.model,
            colour=r.colour,
            model_year=r.model_year,
            owner_name=owner.name if owner else None,
            owner_relative_name=owner.relative_name if owner else None,
            owner_cnic=owner.cnic if owner else None,
            owner_mobile=owner.mobile if owner else None,
            owner_address=owner.address if owner else None,
            incident_at=r.incident_at,
            incident_place=r.incident_place,
            police_station_code=r.police_station_code,
            fir_number=r.fir_number,
            fir_date=r.fir_date,
            matched_report_id=r.matched_report_id,
            matched_number=matched.number if matched else None,
        )
