"""Headquarters' city-wide vehicle checks: a vehicle recovered at one station that was reported
stolen at another, and the same vehicle reported stolen or snatched twice.

Both use the desk's own matching: candidates come from :class:`services.vehicles.WantedIndex`
and are explained and scored by :func:`cplc_desk.domain.matching.compare` (the code a volunteer's
"find matches" runs), so headquarters offers what a desk would offer, with the same evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from cplc_desk.domain.enums import VehicleReportStatus
from cplc_desk.domain.matching import SHOW_FROM, Evidence, VehicleKeys, compare, fold, score
from cplc_desk.domain.roles import Permission
from cplc_desk.services.context import DeskContext
from cplc_desk.services.vehicles import (
    RECOVERY_KINDS,
    THEFT_KINDS,
    MatchCandidate,
    rank,
    wanted_index,
)
from cplc_desk.storage.models import Person, VehicleReport

# A pair of theft reports counts as a probable duplicate from this score on: an exact plate alone
# (60) is enough; a partial plate or a one-character slip in a plate alone is not.
DUPLICATE_FROM = 60


@dataclass(frozen=True)
class ReportRef:
    """One vehicle report as the city-wide checks show it."""

    id: str
    number: str
    kind: str
    status: str
    origin_desk: str
    police_station_code: str
    vehicle_class: str
    registration: str | None
    created_at: datetime


def _ref(r: VehicleReport) -> ReportRef:
    return ReportRef(
        r.id,
        r.number,
        r.kind,
        r.status,
        r.origin_desk,
        r.police_station_code,
        r.vehicle_class,
        r.registration,
        r.created_at,
    )


@dataclass(frozen=True)
class CrossStationMatch:
    """A recovered vehicle and a theft report from another station it may belong to."""

    recovery: ReportRef
    theft: ReportRef
    score: int
    evidence: list[Evidence]


def _keys(r: VehicleReport) -> VehicleKeys:
    return VehicleKeys(r.registration_key, r.chassis_key, r.engine_key)


def cross_station_matches(ctx: DeskContext) -> list[CrossStationMatch]:
    """Open recoveries whose best candidates (as :func:`services.vehicles.find_matches` ranks
    them) are theft reports registered at another station's desk; strongest first."""
    ctx.require(Permission.CITY_VIEW)
    ctx.require(Permission.VERIFY_VEHICLE)
    # Open thefts of every station (plus any registered source), filed for many look-ups.
    index = wanted_index(ctx, near_index=True)
    with ctx.store.read() as s:
        recoveries = s.scalars(
            select(VehicleReport).where(
                VehicleReport.kind.in_(RECOVERY_KINDS),
                VehicleReport.status == VehicleReportStatus.OPEN.value,
                VehicleReport.deleted_at.is_(None),
            )
        ).all()
        ranked: list[tuple[VehicleReport, list[MatchCandidate]]] = [
            (r, rank(index, _keys(r), exclude=r.id)) for r in recoveries
        ]
        theft_ids = {c.wanted.ref for _, cands in ranked for c in cands}
        thefts = {
            t.id: t for t in s.scalars(select(VehicleReport).where(VehicleReport.id.in_(theft_ids)))
        }
        out: list[CrossStationMatch] = []
        for recovery, candidates in ranked:
            for c in candidates:
                theft = thefts.get(c.wanted.ref)
                if theft is None or theft.origin_desk == recovery.origin_desk:
                    continue  # a hotlist entry, or the same desk's own (its desk matches it)
                out.append(CrossStationMatch(_ref(recovery), _ref(theft), c.score, c.evidence))
    out.sort(key=lambda m: (-m.score, m.recovery.number, m.theft.number))
    return out


@dataclass(frozen=True)
class DuplicatePair:
    """Two theft reports that probably describe the same vehicle."""

    first: ReportRef  # the earlier report
    second: ReportRef
    score: int
    evidence: list[Evidence]
    same_owner: bool  # the owners share a CNIC
    other_station: bool  # registered at two stations' desks


def probable_duplicates(ctx: DeskContext, *, open_only: bool = True) -> list[DuplicatePair]:
    """Theft reports (stolen or snatched) of the same vehicle: at two stations, or by the same
    owner twice. Pairs share an identifier exactly or once look-alike characters are folded (the
    matching code's evidence says which), or have the same owner's CNIC and vehicle class with
    matching identifiers; strongest first."""
    ctx.require(Permission.CITY_VIEW)
    with ctx.store.read() as s:
        stmt = (
            select(VehicleReport, Person.cnic)
            .outerjoin(Person, Person.id == VehicleReport.owner_id)
            .where(VehicleReport.kind.in_(THEFT_KINDS), VehicleReport.deleted_at.is_(None))
        )
        if open_only:
            stmt = stmt.where(VehicleReport.status == VehicleReportStatus.OPEN.value)
        rows = s.execute(stmt).all()
    reports = [r for r, _cnic in rows]
    cnics = [cnic for _r, cnic in rows]
    # Candidate pairs: reports sharing a folded identifier (any field: a chassis number typed as
    # the engine's still pairs) or an owner's CNIC. Buckets keep this linear in the reports.
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        keys = _keys(r)
        for name in ("registration", "chassis", "engine"):
            key = keys.get(name)
            if key:
                buckets["k:" + fold(key)].append(i)
        cnic = cnics[i]
        if cnic:
            buckets["o:" + cnic].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > 50:
            continue  # a key shared by dozens of reports is a placeholder, not a vehicle
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if a != b:
                    pairs.add((min(a, b), max(a, b)))
    out: list[DuplicatePair] = []
    for a, b in pairs:
        first, second = sorted((reports[a], reports[b]), key=lambda r: (r.created_at, r.id))
        evidence = compare(_keys(second), _keys(first))
        points = score(evidence)
        same_owner = bool(cnics[a]) and cnics[a] == cnics[b]
        if points < DUPLICATE_FROM and not (
            same_owner and first.vehicle_class == second.vehicle_class and points >= SHOW_FROM
        ):
            continue
        out.append(
            DuplicatePair(
                _ref(first),
                _ref(second),
                points,
                evidence,
                same_owner,
                first.origin_desk != second.origin_desk,
            )
        )
    out.sort(key=lambda p: (-p.score, p.first.number, p.second.number))
    return out
