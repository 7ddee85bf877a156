"""Headquarters' city-wide phone checks: a handset recovered at one station that was reported
stolen or snatched at another, and the same handset reported stolen twice (docs/phones.md).

The rules are the desk's own (:func:`cplc_desk.services.phones.phones.candidates_for`): either
IMEI of one report against either of the other's, since a dual-SIM handset's first IMEI may be
written as the second; a recovery also pairs with a theft one digit away (a patched handset, a
slip in a report). Two valid IMEIs are never one digit apart (the check digit sees to it), so
such a pair always involves a number kept as typed. An IMEI shared by more than
:data:`MAX_SHARED` reports is a cloned or placeholder number, not one handset: it pairs nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.enums import RECOVERY_KINDS, THEFT_KINDS, PhoneReportStatus
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.report_links import CityRef, city_ref_columns, open_of
from cplc_desk.storage.models import PhoneReport

MAX_SHARED = 50
FIELDS = ("imei", "imei2")


@dataclass(frozen=True)
class PhoneRef(CityRef):
    """One phone report as the city-wide checks show it (no owner)."""

    imei: str
    imei2: str | None
    make: str | None
    model: str | None
    colour: str | None
    created_at: datetime

    def number_in(self, field: str) -> str | None:
        return self.imei if field == "imei" else self.imei2

    def numbers(self) -> list[str]:
        """Its IMEIs, without repeats."""
        return [self.imei] + ([self.imei2] if self.imei2 and self.imei2 != self.imei else [])


_REF_COLUMNS = (
    *city_ref_columns(PhoneReport), PhoneReport.imei, PhoneReport.imei2, PhoneReport.make,
    PhoneReport.model, PhoneReport.colour, PhoneReport.created_at,
)  # fmt: skip


@dataclass(frozen=True)
class ImeiLink:
    """Why two reports are paired: the first's ``first`` IMEI ("imei" or "imei2") and the
    second's ``second`` are the same number (``exact``) or one digit apart."""

    first: str
    second: str
    exact: bool


@dataclass(frozen=True)
class PhoneCrossStationMatch:
    """A recovered or found handset and a theft report from another station it may be."""

    recovery: PhoneRef
    theft: PhoneRef
    links: tuple[ImeiLink, ...]  # recovery's field first, the theft's second

    @property
    def exact(self) -> bool:
        return any(link.exact for link in self.links)


@dataclass(frozen=True)
class PhoneDuplicatePair:
    """Two theft reports of the same handset (an IMEI in common)."""

    first: PhoneRef  # the earlier report
    second: PhoneRef
    links: tuple[ImeiLink, ...]
    other_station: bool  # registered at two stations' desks


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def links(a: PhoneRef, b: PhoneRef, *, exact_only: bool = False) -> tuple[ImeiLink, ...]:
    """Every pair of IMEIs, one of ``a``'s and one of ``b``'s, that are equal or (unless
    ``exact_only``) one digit apart; equal ones first."""
    found = []
    for fa in FIELDS:
        for fb in FIELDS:
            x, y = a.number_in(fa), b.number_in(fb)
            if x and y and (x == y or (not exact_only and _one_apart(x, y))):
                found.append(ImeiLink(fa, fb, x == y))
    return tuple(sorted(found, key=lambda link: not link.exact))


def _refs(ctx: DeskContext, *where: ColumnElement[bool]) -> list[PhoneRef]:
    with ctx.store.read() as s:
        rows: list[Any] = list(s.execute(select(*_REF_COLUMNS).where(*where)))
    return [PhoneRef(*row) for row in rows]


def _by_imei(reports: Sequence[PhoneRef]) -> dict[str, list[int]]:
    """Each IMEI's reports (positions in ``reports``), leaving out cloned or placeholder
    numbers that more than :data:`MAX_SHARED` reports hold."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        for number in r.numbers():
            index[number].append(i)
    return {number: members for number, members in index.items() if len(members) <= MAX_SHARED}


def recovered_elsewhere(ctx: DeskContext) -> list[PhoneCrossStationMatch]:
    """Open recovered or found handsets whose IMEI (either, against either) is that of an open
    theft report registered at another station's desk, or one digit from it; the same number
    first, then by report number."""
    ctx.require(Permission.CITY_VIEW)
    ctx.require(Permission.VERIFY_VEHICLE)
    thefts = _refs(ctx, *open_of(PhoneReport, THEFT_KINDS))
    recoveries = _refs(ctx, *open_of(PhoneReport, RECOVERY_KINDS))
    index = _by_imei(thefts)
    out = []
    for recovery in recoveries:
        seen: set[int] = set()
        for number in recovery.numbers():
            for key in (number, *imeis.one_digit_away(number)):
                seen.update(index.get(key, ()))
        for i in sorted(seen):
            theft = thefts[i]
            if theft.origin_desk == recovery.origin_desk:
                continue  # the recovering desk matches its own reports itself
            out.append(PhoneCrossStationMatch(recovery, theft, links(recovery, theft)))
    out.sort(key=lambda m: (not m.exact, m.recovery.number, m.theft.number))
    return out


def probable_duplicates(ctx: DeskContext, *, open_only: bool = True) -> list[PhoneDuplicatePair]:
    """Theft reports (stolen or snatched) of the same handset: an IMEI of one is an IMEI of the
    other (either field). Pairs registered at two stations come first."""
    ctx.require(Permission.CITY_VIEW)
    where: list[ColumnElement[bool]] = [
        PhoneReport.kind.in_(THEFT_KINDS),
        PhoneReport.deleted_at.is_(None),
    ]
    if open_only:
        where.append(PhoneReport.status == PhoneReportStatus.OPEN.value)
    reports = _refs(ctx, *where)
    pairs: set[tuple[int, int]] = set()
    for members in _by_imei(reports).values():
        for pos, a in enumerate(members):
            pairs.update((min(a, b), max(a, b)) for b in members[pos + 1 :] if a != b)
    out = []
    for a, b in pairs:
        first, second = sorted((reports[a], reports[b]), key=_age)
        out.append(
            PhoneDuplicatePair(
                first,
                second,
                links(first, second, exact_only=True),
                first.origin_desk != second.origin_desk,
            )
        )
    out.sort(key=lambda p: (not p.other_station, p.first.number, p.second.number))
    return out


def _age(r: PhoneRef) -> Any:
    return (r.created_at, r.id)
