"""What the lists of reports of a thing stolen or found (vehicles, phones) share: the search
box's common parts (a report number, the owner's CNIC or mobile, the start of the owner's name),
the filters, keyset paging newest first, counting, and one report opened in full.

Each kind describes its list once, in a subclass of :class:`ReportList` that names its table,
its query, search, row and detail types, and its own filters; its search type reads the search
box and says what the kind's own columns match. A row and a detail hold the report's columns of
the same names, plus what is filled here (the description, the owner, the matched report's
number). The kind's list module offers the subclass's methods as its functions.
"""

from __future__ import annotations

import contextlib
import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Generic, Self, TypeVar, cast

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, tuple_
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import RecordKind
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
from cplc_desk.services.desk import listing
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.records import audit_viewed
from cplc_desk.storage import search as search_index
from cplc_desk.storage.models import Person

PAGE = 200
# Names are folded to this range's start; every name starting with the prefix sorts below the end.
_PREFIX_END = "\uffff"


@dataclass(frozen=True)
class ReportQuery(listing.ListQuery):
    """What a report list shows. Empty fields do not filter."""

    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportSearch:
    """How the search box's text is read: each part that is not empty is looked for. A kind's
    search adds what its own columns hold (a plate, an IMEI)."""

    number: str = ""  # a report number
    cnic: str = ""
    mobile: str = ""
    name_prefix: str = ""  # folded like Person.name_key

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def person_terms(self) -> list[listing.SearchTerm]:
        """The parts that look a person up (audited)."""
        terms = []
        if self.cnic:
            terms.append(listing.SearchTerm("cnic", self.cnic))
        if self.mobile:
            terms.append(listing.SearchTerm("mobile", self.mobile))
        return terms

    @classmethod
    def read(cls, text: str) -> Self:
        """What the search box's ``text`` can be (see :func:`common_parts`)."""
        raise NotImplementedError

    def own_conditions(self, walk: bool) -> list[ColumnElement[bool]]:
        """What the kind's own parts match on the report's columns (kept off their indexes
        when the list ``walk``s, see :func:`listing.walked`)."""
        return []


def common_parts(raw: str, kind: RecordKind, *, numeric: bool, mobile: bool) -> dict[str, str]:
    """The parts of the stripped search text ``raw`` that every report list reads: a report
    number of ``kind``; when ``numeric`` (only digits and separators), a CNIC, else a mobile
    when ``mobile``; and, when it has a letter, the start of a name (a plate's digits alone
    would only slow the name look-up down)."""
    number = RecordNumber.parse(raw)
    cnic = phone = ""
    if numeric:
        digits = normalize_digits(raw)
        if len(digits) == 13 and digits[0] != "0":
            with contextlib.suppress(FieldError):
                cnic = parse_cnic(raw)
        if not cnic and mobile:
            with contextlib.suppress(FieldError):
                phone = parse_mobile(raw)
    folded = name_key(raw)
    return {
        "number": str(number) if number is not None and number.kind is kind else "",
        "cnic": cnic,
        "mobile": phone,
        "name_prefix": folded if any(ch.isalpha() for ch in folded) else "",
    }


@dataclass(frozen=True)
class ReportRow:
    """One line of a report list: the owner's CNIC masked. A kind's row adds its own columns."""

    id: str
    number: str
    created_at: datetime
    kind: str
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


R = TypeVar("R", bound=ReportRow)


@dataclass(frozen=True)
class Page(Generic[R]):
    rows: list[R]
    next: Cursor | None


@dataclass(frozen=True)
class ReportDetail:
    """Everything one report says, the owner's details in full (for the desk's own work). A
    kind's detail adds its own columns."""

    id: str
    number: str
    created_at: datetime
    created_by: str
    origin_desk: str
    kind: str
    status: str
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


Q = TypeVar("Q", bound=ReportQuery)
S = TypeVar("S", bound=ReportSearch)
D = TypeVar("D", bound=ReportDetail)
_OWNER = ("name", "relative_name", "cnic", "mobile", "address")
_ROW_FILLED = ("description", "owner_name", "owner_cnic_masked")


class ReportList(ABC, Generic[Q, S, R, D]):
    """One kind's report list: a subclass says how the kind's reports read, and is made with
    the kind's table and its search, row and detail types."""

    purpose: str  # a person look-up's purpose in the audit trail
    # The kind's own filters beyond kind, status, station, district and day: query field to
    # the report's column.
    filters: Mapping[str, str] = MappingProxyType({})
    # From this many matches on, a page is found by walking the reports newest first (see
    # _dense); None: never.
    dense: int | None = None

    def __init__(self, model: Any, search: type[S], row: type[R], detail: type[D]) -> None:
        self.model = model  # the kind's report model (VehicleReport, PhoneReport)
        self.search = search
        self.row = row
        self.detail = detail

    def read_search(self, text: str) -> S:
        return self.search.read(text)

    @abstractmethod
    def describe(self, r: Any) -> str:
        """The report's thing as people describe it (the list's description)."""

    @abstractmethod
    def missing(self) -> str:
        """The refusal of a report that is not there (translated)."""

    def more(self, s: Session, r: Any) -> dict[str, Any]:
        """The detail's fields the kind fills itself from the open session and the report."""
        return {}

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    def _search_condition(self, search: S, walk: bool) -> ColumnElement[bool]:
        # Every part is a condition on the report's own indexed columns (the owner through an
        # IN-subquery), so SQLite answers the OR with one index look-up per part.
        conditions = search.own_conditions(walk)
        if search.number:
            conditions.append(listing.walked(self.model.number, walk) == search.number)
        people: list[ColumnElement[bool]] = []
        if search.cnic:
            people.append(Person.cnic == search.cnic)
        if search.mobile:
            people.append(Person.mobile == search.mobile)
        if search.name_prefix:
            key = search_index.code_points(Person.name_key)
            people.append(and_(key >= search.name_prefix, key < search.name_prefix + _PREFIX_END))
        owner = listing.walked(self.model.owner_id, walk)
        conditions += [search_index.among(owner, select(Person.id).where(p)) for p in people]
        return or_(*conditions) if conditions else false()

    def _filters(self) -> dict[str, str]:
        return {"kinds": "kind", **self.filters, "statuses": "status"}

    def filtered(
        self, query: Q, search: S, *, counting: bool = False, walk: bool = False
    ) -> Select[Any]:
        """The matching reports; ``walk`` keeps the filters off their indexes (see _dense)."""
        model = self.model
        stmt: Select[Any]
        if counting:
            stmt = select(model.id)
        else:
            stmt = cast(
                "Select[Any]",
                select(model, Person.name, Person.cnic).outerjoin(
                    Person, Person.id == model.owner_id
                ),
            )
        stmt = stmt.where(model.deleted_at.is_(None))
        if not search.is_empty:
            stmt = stmt.where(self._search_condition(search, walk))
        for field, column in self._filters().items():
            if values := getattr(query, field):
                stmt = stmt.where(listing.walked(getattr(model, column), walk).in_(values))
        return listing.within(stmt, model, query, walk)

    def _narrows(self, query: Q, search: S) -> bool:
        narrowed = (*self._filters(), "stations", "districts")
        return not search.is_empty or any(getattr(query, field) for field in narrowed)

    def _dense(self, s: Session, query: Q, search: S) -> bool:
        """Whether at least :attr:`dense` reports match.

        Few matches are quickest found through the filters' own indexes and sorted; many (every
        open report, every stolen one) are quickest found by walking the reports newest first
        and stopping after a page, since sorting hundreds of thousands of matches takes
        seconds. The probe reads at most ``dense`` index entries.
        """
        if self.dense is None or not self._narrows(query, search):
            return False  # nothing to choose: the walk is the only plan
        only_station = dataclasses.replace(
            query, stations=(), registered_from=None, registered_to=None
        )
        if len(query.stations) == 1 and search.is_empty and not self._narrows(only_station, search):
            return False  # one station's reports come newest first from its own index
        probe = self.filtered(query, search, counting=True)
        return listing.count_rows(s, probe, self.dense) >= self.dense

    def _row(self, r: Any, owner: str | None, cnic: str | None) -> R:
        own = {f.name: getattr(r, f.name) for f in fields(self.row) if f.name not in _ROW_FILLED}
        return self.row(
            **own,
            description=self.describe(r),
            owner_name=owner or "",
            owner_cnic_masked=mask_cnic(cnic) if cnic else "",
        )

    def list_page(
        self, ctx: DeskContext, query: Q, after: Cursor | None = None, limit: int = PAGE
    ) -> Page[R]:
        """One page of matching reports, newest first, starting after ``after``."""
        ctx.require(Permission.SEARCH)
        search = self.read_search(query.text)
        model = self.model
        with ctx.store.read() as s:
            stmt = self.filtered(query, search, walk=self._dense(s, query, search))
            if after is not None:
                key = tuple_(model.created_at, model.id)
                stmt = stmt.where(key < tuple_(listing.bind_time(after.created_at), after.id))
            stmt = stmt.order_by(model.created_at.desc(), model.id.desc())
            rows = [self._row(*r) for r in s.execute(stmt.limit(limit + 1))]
        more = len(rows) > limit
        rows = rows[:limit]
        if after is None:
            for term in search.person_terms():
                listing.audit_person_search(ctx, term, len(rows), self.purpose)
        cursor = Cursor(rows[-1].created_at, rows[-1].id) if more and rows else None
        return Page(rows, cursor)

    def count(self, ctx: DeskContext, query: Q, cap: int = 1_000_000) -> int:
        """How many reports match (counting stops at ``cap``)."""
        ctx.require(Permission.SEARCH)
        search = self.read_search(query.text)
        with ctx.store.read() as s:
            return listing.count_rows(s, self.filtered(query, search, counting=True), cap)

    def get(self, ctx: DeskContext, report_id: str) -> D:
        """One report in full (not audited: see :meth:`view`)."""
        ctx.require(Permission.SEARCH)
        with ctx.store.read() as s:
            r = s.get(self.model, report_id)
            if r is None or r.deleted_at is not None:
                raise ServiceError(self.missing())
            owner = s.get(Person, r.owner_id) if r.owner_id else None
            matched = s.get(self.model, r.matched_report_id) if r.matched_report_id else None
            filled = {
                **{f"owner_{name}": getattr(owner, name) if owner else None for name in _OWNER},
                "matched_number": matched.number if matched else None,
                **self.more(s, r),
            }
            names = [f.name for f in fields(self.detail) if f.name not in filled]
            return self.detail(**{name: getattr(r, name) for name in names}, **filled)

    def view(self, ctx: DeskContext, report_id: str) -> D:
        """The report opened by a person, the owner's CNIC and mobile in full: audited
        (``record.viewed``). Lists show them masked."""
        detail = self.get(ctx, report_id)
        full_contact = bool(detail.owner_cnic or detail.owner_mobile)
        audit_viewed(ctx, self.table, detail.id, detail.number, full_contact)
        return detail
