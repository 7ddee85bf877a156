"""What every list of records shares (complaints, vehicle and phone reports): the filters on
police station, district and registration day, counting with a cap, keyset paging's time bound,
and the audit entry of a look-up by a person's CNIC or mobile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, literal, select
from sqlalchemy.orm import Session

from cplc_desk.domain.clock import PKT
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage import pseudonym
from cplc_desk.storage.models import PoliceStation
from cplc_desk.storage.types import UTCDateTime


@dataclass(frozen=True)
class ListQuery:
    """What every list filters by. Empty fields do not filter."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # records at any police station of these districts
    registered_from: date | None = None
    registered_to: date | None = None  # inclusive


@dataclass(frozen=True)
class SearchTerm:
    kind: str  # all | number | cnic | mobile | fir | words
    value: str


def in_districts(districts: tuple[str, ...]) -> Any:
    """The police stations of ``districts``, as a subquery for an IN filter."""
    return select(PoliceStation.code).where(PoliceStation.district_code.in_(districts))


def start_of(day: date, plus_days: int = 0) -> datetime:
    """The first moment of ``day`` (plus ``plus_days``) in Pakistan."""
    return datetime(day.year, day.month, day.day, tzinfo=PKT) + timedelta(days=plus_days)


def bind_time(value: datetime) -> Any:
    """``value`` as a bound parameter stored as the store stores times (a keyset bound)."""
    return literal(value, UTCDateTime())


def walked(column: Any, walk: bool) -> Any:
    """``column``, kept off its index when ``walk``: "column || ''" is the same value, but no
    index can answer it, so the planner walks the registration-time index and stops after a
    page instead of sorting every match."""
    return column.concat("") if walk else column


def within(stmt: Select[Any], model: Any, query: ListQuery, walk: bool = False) -> Select[Any]:
    """``stmt`` kept to the query's police stations, districts and registration days."""
    station = walked(model.police_station_code, walk)
    if query.stations:
        stmt = stmt.where(station.in_(query.stations))
    if query.districts:
        stmt = stmt.where(station.in_(in_districts(query.districts)))
    if query.registered_from is not None:
        stmt = stmt.where(model.created_at >= start_of(query.registered_from))
    if query.registered_to is not None:
        stmt = stmt.where(model.created_at < start_of(query.registered_to, plus_days=1))
    return stmt


def count_rows(s: Session, stmt: Select[Any], cap: int) -> int:
    """How many rows ``stmt`` finds, counting stops at ``cap``."""
    inner = stmt.limit(cap).subquery()
    return int(s.scalar(select(func.count()).select_from(inner)) or 0)


def audit_person_search(ctx: DeskContext, term: SearchTerm, found: int, purpose: str) -> None:
    """Record a look-up by CNIC or mobile (who looked up whom); other terms are not recorded."""
    if term.kind not in ("cnic", "mobile"):
        return
    masked = mask_cnic(term.value) if term.kind == "cnic" else mask_phone(term.value)
    with ctx.store.read() as s:
        keyed = pseudonym.has_key(s)
    # Audit-only, so a look-up does not queue behind an import at another workstation; the
    # very first one in a store makes its pseudonym key, a write.
    with ctx.audit_unit() if keyed else ctx.unit_of_work() as s:
        # Masked, plus a keyed pseudonym: "who searched for this CNIC?" stays answerable at the
        # desk without the trail holding the number (see docs/audit.md).
        ctx.audit(
            s,
            AuditAction.SEARCHED_PERSON,
            details={
                "by": term.kind,
                "value": masked,
                "ref": pseudonym.pseudonym(s, term.value),
                "found": found,
                "purpose": purpose,
            },
        )
