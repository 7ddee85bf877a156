"""Headquarters' city-wide vehicle checks: a vehicle recovered at one station that was reported
stolen at another, and the same vehicle reported stolen or snatched twice.

Both use the desk's own matching: candidates come from :class:`services.wanted.WantedIndex`
and are explained and scored by :func:`cplc_desk.domain.matching.compare` (the code a volunteer's
"find matches" runs), so headquarters offers what a desk would offer, with the same evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from cplc_desk.domain.enums import RECOVERY_KINDS, THEFT_KINDS, VehicleReportStatus
from cplc_desk.domain.matching import (
    FIELDS,
    MIN_FUZZY_LENGTH,
    SHOW_FROM,
    Evidence,
    Prepared,
    VehicleKeys,
    compare,
    compare_prepared,
    fold,
    prepare,
    score,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.report_links import CityRef, city_ref_columns, open_of
from cplc_desk.services.vehicles.match_sources import WantedVehicle
from cplc_desk.services.vehicles.wanted import (
    MatchCandidate,
    WantedIndex,
    scored,
    shortlist,
    source_indexes,
)
from cplc_desk.storage.models import Person, VehicleReport

# A pair of theft reports counts as a probable duplicate from this score on: an exact plate alone
# (60) is enough; a partial plate or a one-character slip in a plate alone is not.
DUPLICATE_FROM = 60


@dataclass(frozen=True)
class ReportRef(CityRef):
    """One vehicle report as the city-wide checks show it."""

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


def _keys(r: Any) -> VehicleKeys:
    """The matching keys of a report, or of a row read with ``_KEY_COLUMNS``."""
    return VehicleKeys(r.registration_key, r.chassis_key, r.engine_key)


_REF_COLUMNS = (
    *city_ref_columns(VehicleReport),
    VehicleReport.vehicle_class,
    VehicleReport.registration,
    VehicleReport.created_at,
)
_KEY_COLUMNS = (
    VehicleReport.registration_key,
    VehicleReport.chassis_key,
    VehicleReport.engine_key,
)


def _row_ref(row: Any) -> ReportRef:
    """A row that starts with :data:`_REF_COLUMNS` as a :class:`ReportRef`."""
    return ReportRef(*row[: len(_REF_COLUMNS)])


def cross_station_matches(ctx: DeskContext) -> list[CrossStationMatch]:
    """Open recoveries whose best candidates (as :func:`services.vehicles.find_matches` ranks
    them) are theft reports registered at another station's desk; strongest first.

    The desk's matching, run for every open recovery at once: the open thefts are read once
    (the columns matching needs, not whole records), the keys within one edit of every
    recovery's keys are found in one pass (:meth:`WantedIndex.near_many`, which answers what
    the near index's look-ups answer), and each theft's keys are folded once for all the
    comparisons it takes part in. Candidates, scores and evidence are those of
    :func:`services.wanted.rank` over ``wanted_index(ctx, near_index=True)``.
    """
    ctx.require(Permission.CITY_VIEW)
    ctx.require(Permission.VERIFY_VEHICLE)
    others = source_indexes(ctx)  # the hotlist's entries (if any) compete for the shortlist too
    with ctx.store.read() as s:
        # The statement wanted_index() runs, so the keys are filed in the same order (which
        # decides the near look-up's cut, see WantedIndex.near_many).
        theft_desk: dict[str, str] = {}
        wanted = []
        for t in s.execute(
            select(VehicleReport.id, VehicleReport.number, VehicleReport.origin_desk, *_KEY_COLUMNS)
            .where(*open_of(VehicleReport, THEFT_KINDS))
        ):  # fmt: skip
            theft_desk[t.id] = t.origin_desk
            wanted.append(
                WantedVehicle(t.id, t.number, _keys(t), "local", "", "", "", "", None, None)
            )
        local = WantedIndex(wanted)
        recoveries = [
            (_row_ref(r), _keys(r))
            for r in s.execute(
                select(*_REF_COLUMNS, *_KEY_COLUMNS).where(*open_of(VehicleReport, RECOVERY_KINDS))
            )
        ]
        near = local.near_many(
            fold(key)
            for _r, keys in recoveries
            for name in FIELDS
            if (key := keys.get(name)) and len(key) >= MIN_FUZZY_LENGTH[name]
        )
        prepared: dict[int, Prepared] = {}  # each theft's keys, folded once
        shown: list[tuple[ReportRef, MatchCandidate]] = []
        for recovery, keys in recoveries:
            mine = prepare(keys)
            found = []
            for i in local.candidates(keys, near):
                item = local.items[i]
                if item.ref == recovery.id:
                    continue
                theirs = prepared.get(i)
                if theirs is None:
                    theirs = prepared[i] = prepare(item.keys)
                evidence = compare_prepared(mine, theirs)
                points = score(evidence)
                if points >= SHOW_FROM:
                    found.append(MatchCandidate(item, points, evidence))
            found += scored(others, keys, exclude=recovery.id)
            # Another station's theft reports only: a hotlist entry, or the recovering desk's
            # own report (its desk matches it), is left out.
            shown += [
                (recovery, c)
                for c in shortlist(found)
                if theft_desk.get(c.wanted.ref, recovery.origin_desk) != recovery.origin_desk
            ]
        refs: dict[str, ReportRef] = {}
        wanted_ids = sorted({c.wanted.ref for _r, c in shown})
        for start in range(0, len(wanted_ids), _CHUNK):
            chunk = wanted_ids[start : start + _CHUNK]
            for row in s.execute(select(*_REF_COLUMNS).where(VehicleReport.id.in_(chunk))):
                refs[row.id] = _row_ref(row)
    out = [
        CrossStationMatch(recovery, refs[c.wanted.ref], c.score, c.evidence)
        for recovery, c in shown
    ]
    out.sort(key=lambda m: (-m.score, m.recovery.number, m.theft.number))
    return out


_CHUNK = 500  # ids per IN (...) list


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
