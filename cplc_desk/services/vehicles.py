"""The vehicle desk's verbs: find theft reports a recovered vehicle may belong to, confirm a
match, verify a vehicle ("is this one stolen?"), and list vehicle reports.

Matching looks at open stolen/snatched reports here and, through :class:`MatchSource`, at the
city-wide hotlist headquarters sends (the hotlist issue plugs its source in). Candidates are
found with exact and look-alike-folded key look-ups plus rapidfuzz for one-character slips,
then explained by :mod:`cplc_desk.domain.matching`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import or_, select

from cplc_desk.domain.enums import AuditAction, VehicleReportKind, VehicleReportStatus
from cplc_desk.domain.i18n import _
from cplc_desk.domain.matching import (
    FIELDS,
    MIN_FUZZY_LENGTH,
    MIN_PARTIAL_PLATE,
    SHOW_FROM,
    Evidence,
    VehicleKeys,
    compare,
    fold,
    score,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.storage.models import PoliceStation, VehicleReport

THEFT_KINDS = (VehicleReportKind.STOLEN.value, VehicleReportKind.SNATCHED.value)
RECOVERY_KINDS = (VehicleReportKind.RECOVERED.value, VehicleReportKind.FOUND_ABANDONED.value)
MAX_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class WantedVehicle:
    """An open theft known to this desk: its own report, or a hotlist entry."""

    ref: str  # report id, or "hotlist:<number>"
    number: str
    keys: VehicleKeys
    source: str  # local | hotlist
    kind: str
    vehicle_class: str
    description: str
    police_station: str
    incident_at: datetime | None
    fir_number: str | None
    fir_date: date | None = None
    written: VehicleKeys | None = None  # the identifiers as written, where known


@dataclass(frozen=True)
class SourceState:
    """How old a source's knowledge is, so the desk can say so (and warn when it expired)."""

    sequence: int
    issued_at: datetime
    expires_at: datetime
    entries: int
    expired: bool


class MatchSource(Protocol):
    """Somewhere open thefts come from besides this desk's own reports (the hotlist).

    Every call gets the desk: one process can have several desks open (tests, a switched desk),
    and a source answers from that desk's store.
    """

    def wanted(self, ctx: DeskContext) -> Iterable[WantedVehicle]: ...

    def lookup(self, ctx: DeskContext, key: str) -> Iterable[WantedVehicle]:
        """Entries with ``key`` (normalised) as registration, chassis or engine number."""
        ...

    def state(self, ctx: DeskContext) -> SourceState | None: ...

    def version(self, ctx: DeskContext) -> Hashable | None:
        """Changes whenever :meth:`wanted` would answer differently (matching keeps the index
        it built until then); None while the source holds nothing."""
        ...


_sources: list[MatchSource] = []


def register_source(source: MatchSource) -> None:
    if source not in _sources:
        _sources.append(source)


def sources() -> list[MatchSource]:
    # The city-wide hotlist is this app's own source: importing it registers it, so no caller
    # can forget it (a verification that silently skipped the hotlist would say "No record").
    from cplc_desk.services import hotlist  # noqa: F401

    return _sources


def _describe(r: VehicleReport) -> str:
    return " ".join(x for x in (r.colour, r.make, r.model, str(r.model_year or "")) if x).strip()


def _wanted_from(r: VehicleReport, station_names: dict[str, str]) -> WantedVehicle:
    return WantedVehicle(
        ref=r.id,
        number=r.number,
        keys=VehicleKeys(r.registration_key, r.chassis_key, r.engine_key),
        source="local",
        kind=r.kind,
        vehicle_class=r.vehicle_class,
        description=_describe(r),
        police_station=station_names.get(r.police_station_code, r.police_station_code),
        incident_at=r.incident_at,
        fir_number=r.fir_number,
    )


def _anchor(length: int) -> int:
    """How many leading (or trailing) characters a key within one edit of a key ``length`` long
    shares with it, at the least: one edit leaves one of the two ends untouched."""
    return (length - 1) // 2


_SHORTEST_FUZZY = min(MIN_FUZZY_LENGTH.values())
NEAR_LIMIT = 50  # keys within one edit taken from each place looked in


def _anchors(key: str) -> set[int]:
    """The end lengths ``key`` is filed under by the near index: those of every key length one
    edit away that is long enough to be looked for."""
    return {_anchor(n) for n in (len(key) - 1, len(key), len(key) + 1) if n >= _SHORTEST_FUZZY}


class WantedIndex:
    """Open thefts indexed for look-ups by exact and folded keys and for fuzzy search.

    ``near_index`` (for many look-ups at once, as headquarters' city-wide sweep does) also files
    every key under its leading and trailing characters, so a one-character slip is looked for
    among the keys sharing an end with it instead of among all of them. Either way the same keys
    are found: those within one edit.
    """

    def __init__(self, items: Iterable[WantedVehicle], near_index: bool = False) -> None:
        self.items: list[WantedVehicle] = list(items)
        # Lists, not sets (a city-wide index files hundreds of thousands of keys); an item is
        # filed once under a key even when two of its fields fold to it.
        self.by_folded: dict[str, list[int]] = {}
        self.plate_tail: dict[str, list[int]] = {}
        for i, item in enumerate(self.items):
            for name in FIELDS:
                key = item.keys.get(name)
                if key:
                    filed = self.by_folded.setdefault(fold(key), [])
                    if not filed or filed[-1] != i:
                        filed.append(i)
            plate = item.keys.get("registration")
            if plate and len(plate) >= MIN_PARTIAL_PLATE:
                self.plate_tail.setdefault(plate[-MIN_PARTIAL_PLATE:], []).append(i)
        self.folded_keys = list(self.by_folded)
        self.near: dict[str, list[str]] | None = None
        if near_index:
            self.near = {}
            for key in self.folded_keys:
                for h in _anchors(key):
                    self.near.setdefault("<" + key[:h], []).append(key)
                    self.near.setdefault(">" + key[-h:], []).append(key)

    def _near(self, folded: str) -> list[str]:
        """Keys within one edit of ``folded`` (at most 50 from each place looked in)."""
        pools = [self.folded_keys]
        if self.near is not None:
            h = _anchor(len(folded))
            pools = [self.near.get("<" + folded[:h], []), self.near.get(">" + folded[-h:], [])]
        found: list[str] = []
        for pool in pools:
            found += [
                near
                for near, _dist, _i in process.extract(
                    folded, pool, scorer=Levenshtein.distance, score_cutoff=1, limit=NEAR_LIMIT
                )
            ]
        return found

    def near_many(self, queries: Iterable[str]) -> dict[str, list[str]]:
        """What the near index's look-up answers for each of ``queries`` (folded keys), found
        for all of them in one pass over the keys instead of one search per query.

        A key within one edit of a query has one of its deletions equal to the query, or equals
        one of the query's, or (one character replaced) both lose the same position to the same
        string. So the queries' deletions are filed, every key's deletions looked up, and what
        each query finds is then cut as the near index's look-up cuts it: from each place it
        looks in (keys sharing its leading, or trailing, characters), the nearest first and in
        filing order, at most :data:`NEAR_LIMIT`.
        """
        wanted = list(dict.fromkeys(queries))
        keys = self.folded_keys
        # What each query's look-up is cut to: keys filed under its leading or trailing
        # characters. A key under neither end of any query is not looked at.
        ends = [(_anchor(len(q)), q[: _anchor(len(q))], q[-_anchor(len(q)) :]) for q in wanted]
        heads = {(h, head) for h, head, _tail in ends}
        tails = {(h, tail) for h, _head, tail in ends}
        anchors_of: dict[int, set[int]] = {}  # anchors depend on a key's length only
        # A query's own text (position -1) and each of its deletions (the position deleted).
        probes: dict[str, list[tuple[int, int]]] = {}
        for qi, q in enumerate(wanted):
            probes.setdefault(q, []).append((qi, -1))
            for j in range(len(q)):
                probes.setdefault(q[:j] + q[j + 1 :], []).append((qi, j))
        probe = probes.get
        # For each query, position in folded_keys -> edit distance (0 or 1).
        hits: list[dict[int, int]] = [{} for _ in wanted]
        for pos, key in enumerate(keys):
            n = len(key)
            anchors = anchors_of.get(n)
            if anchors is None:
                anchors = anchors_of[n] = _anchors(key)
            # The deletions worth making: a key sharing a query's first h characters (and
            # within one edit of it) has the edit, or an equal deletion, at position h or later;
            # one sharing its last h characters, before position n - h.
            first, last = n, 0
            for h in anchors:
                if h < first and (h, key[:h]) in heads:
                    first = h
                if n - h > last and (h, key[-h:]) in tails:
                    last = n - h
            if first == n and last == 0:
                continue  # under neither end of any query
            found = probe(key)
            if found:
                for qi, j in found:  # the query itself, or the query less one character
                    hits[qi][pos] = 0 if j < 0 else 1
            for j in range(n) if first <= last else (*range(last), *range(first, n)):
                found = probe(key[:j] + key[j + 1 :])
                if found:
                    for qi, qj in found:
                        if qj < 0 or qj == j:  # the query plus one character, or one replaced
                            hits[qi].setdefault(pos, 1)
        out: dict[str, list[str]] = {}
        for qi, (h, head, tail) in enumerate(ends):
            by_head, by_tail = [], []
            for pos, dist in hits[qi].items():
                key = keys[pos]
                if h not in anchors_of[len(key)]:
                    continue
                if key[:h] == head:
                    by_head.append((dist, pos))
                if key[-h:] == tail:
                    by_tail.append((dist, pos))
            by_head.sort()
            by_tail.sort()
            out[wanted[qi]] = [keys[pos] for _d, pos in by_head[:NEAR_LIMIT]] + [
                keys[pos] for _d, pos in by_tail[:NEAR_LIMIT]
            ]
        return out

    def candidates(self, keys: VehicleKeys, near: dict[str, list[str]] | None = None) -> set[int]:
        """Items that may be the vehicle with ``keys``; ``near`` holds the keys within one edit
        already found for each of its folded keys (:meth:`near_many`)."""
        found: set[int] = set()
        for name in FIELDS:
            key = keys.get(name)
            if not key:
                continue
            folded = fold(key)
            found.update(self.by_folded.get(folded, ()))
            if len(key) >= MIN_FUZZY_LENGTH[name]:
                for close in near[folded] if near is not None else self._near(folded):
                    found.update(self.by_folded[close])
            if name == "registration" and len(key) >= MIN_PARTIAL_PLATE:
                found.update(self.plate_tail.get(key[-MIN_PARTIAL_PLATE:], ()))
        return found


@dataclass(frozen=True)
class MatchCandidate:
    wanted: WantedVehicle
    score: int
    evidence: list[Evidence] = field(default_factory=list)


def rank(
    index: WantedIndex | Sequence[WantedIndex], keys: VehicleKeys, exclude: str | None = None
) -> list[MatchCandidate]:
    """Candidates for a recovered vehicle, best first, with why each is offered."""
    return shortlist(scored(index, keys, exclude))


def scored(
    index: WantedIndex | Sequence[WantedIndex], keys: VehicleKeys, exclude: str | None = None
) -> list[MatchCandidate]:
    """Every candidate worth showing (from :data:`SHOW_FROM` points), before the shortlist."""
    out = []
    for one in [index] if isinstance(index, WantedIndex) else index:
        for i in one.candidates(keys):
            item = one.items[i]
            if item.ref == exclude:
                continue
            evidence = compare(keys, item.keys)
            points = score(evidence)
            if points >= SHOW_FROM:
                out.append(MatchCandidate(item, points, evidence))
    return out


def shortlist(candidates: list[MatchCandidate]) -> list[MatchCandidate]:
    """The candidates a volunteer is offered: best first, at most :data:`MAX_CANDIDATES`."""
    out = sorted(candidates, key=lambda c: (-c.score, c.wanted.number))
    # Keep a clear winner alone: a weak tail under a confident match only adds noise.
    if out and out[0].score >= 85:
        out = [c for c in out if c.score >= out[0].score * 0.5]
    return out[:MAX_CANDIDATES]


# Each source's index, kept per desk until the source's version changes: building one over a
# city-wide hotlist of 50,000 vehicles takes seconds, looking a vehicle up in it milliseconds.
_source_indexes: dict[tuple[int, str], tuple[Hashable, WantedIndex]] = {}


def wanted_index(ctx: DeskContext, near_index: bool = False) -> list[WantedIndex]:
    """This desk's open thefts, then each source's (the hotlist's), indexed for matching."""
    with ctx.store.read() as s:
        names = {p.code: p.name for p in s.scalars(select(PoliceStation))}
        rows = s.scalars(
            select(VehicleReport).where(
                VehicleReport.kind.in_(THEFT_KINDS),
                VehicleReport.status == VehicleReportStatus.OPEN.value,
                VehicleReport.deleted_at.is_(None),
            )
        )
        local = [_wanted_from(r, names) for r in rows]
    return [WantedIndex(local, near_index=near_index), *source_indexes(ctx)]


def source_indexes(ctx: DeskContext) -> list[WantedIndex]:
    """Each registered source's open thefts (the hotlist's), indexed; kept until it changes."""
    indexes = []
    for source in sources():
        version = source.version(ctx)
        if version is None:
            continue
        slot = (id(source), ctx.store.url)
        cached = _source_indexes.get(slot)
        if cached is None or cached[0] != version:
            cached = (version, WantedIndex(source.wanted(ctx)))
            _source_indexes[slot] = cached
        indexes.append(cached[1])
    return indexes


def find_matches(ctx: DeskContext, report_id: str) -> list[MatchCandidate]:
    """Theft reports a recovered or found vehicle may belong to."""
    ctx.require(Permission.VERIFY_VEHICLE)
    with ctx.store.read() as s:
        report = s.get(VehicleReport, report_id)
        if report is None:
            raise ServiceError(_("This vehicle report does not exist."))
        keys = VehicleKeys(report.registration_key, report.chassis_key, report.engine_key)
    return rank(wanted_index(ctx), keys, exclude=report_id)


def confirm_match(ctx: DeskContext, recovery_id: str, theft_id: str) -> None:
    """A person confirmed: link the two reports and close the theft report as recovered."""
    ctx.require(Permission.VERIFY_VEHICLE)
    with ctx.unit_of_work() as s:
        recovery = s.get(VehicleReport, recovery_id)
        theft = s.get(VehicleReport, theft_id)
        if recovery is None or theft is None:
            raise ServiceError(_("One of the two vehicle reports does not exist."))
        if recovery.kind not in RECOVERY_KINDS or theft.kind not in THEFT_KINDS:
            raise ServiceError(_("Only a recovered or found vehicle can be matched to a theft."))
        if theft.status != VehicleReportStatus.OPEN.value:
            raise ServiceError(
                _("Report {number} is already closed as {status}.").format(
                    number=theft.number, status=theft.status
                )
            )
        identity = ctx.require_identity()
        recovery.status = VehicleReportStatus.MATCHED.value
        recovery.matched_report_id = theft.id
        if theft.origin_desk == identity.code:
            # A desk changes only its own records; another station's report is closed there
            # (headquarters' cross-station matching carries the link).
            theft.status = VehicleReportStatus.RECOVERED.value
            theft.matched_report_id = recovery.id
        ctx.audit(
            s,
            AuditAction.VEHICLE_MATCHED,
            record_table="vehicle_report",
            record_id=theft.id,
            details={"theft": theft.number, "recovery": recovery.number},
        )


# ------------------------------------------------------------------ verification


@dataclass(frozen=True)
class VehicleSummary:
    number: str
    kind: str
    status: str
    vehicle_class: str
    registration: str | None
    chassis: str | None
    engine: str | None
    description: str
    police_station: str
    incident_at: datetime | None
    fir_number: str | None
    fir_date: date | None
    source: str


@dataclass(frozen=True)
class Verification:
    identifier: str
    key: str
    result: str  # none | stolen | recovered
    reports: list[VehicleSummary]
    hotlist_as_of: datetime | None
    hotlist: SourceState | None = None

    @property
    def exit_code(self) -> int:
        return {"none": 0, "stolen": 3, "recovered": 4}[self.result]


def verify(ctx: DeskContext, identifier: str) -> Verification:
    """Is this vehicle reported? Looks the identifier up in every field (a chassis number typed
    where an engine number belongs still counts), here and in the hotlist; recorded in the audit
    trail (who checked which identifier)."""
    ctx.require(Permission.VERIFY_VEHICLE)
    key = normalize_identifier(identifier)
    if len(key) < 3:
        raise ServiceError(
            _("Type a registration, chassis or engine number (at least 3 letters or digits).")
        )
    with ctx.store.read() as s:
        names = {p.code: p.name for p in s.scalars(select(PoliceStation))}
        rows = s.scalars(
            select(VehicleReport)
            .where(
                or_(
                    VehicleReport.registration_key == key,
                    VehicleReport.chassis_key == key,
                    VehicleReport.engine_key == key,
                ),
                VehicleReport.deleted_at.is_(None),
            )
            .order_by(VehicleReport.created_at.desc())
            .limit(50)
        ).all()
        reports = [
            VehicleSummary(
                r.number,
                r.kind,
                r.status,
                r.vehicle_class,
                r.registration,
                r.chassis,
                r.engine,
                _describe(r),
                names.get(r.police_station_code, r.police_station_code),
                r.incident_at,
                r.fir_number,
                r.fir_date,
                "local",
            )
            for r in rows
        ]
    for source in sources():
        for w in source.lookup(ctx, key):
            shown = w.written or w.keys
            reports.append(
                VehicleSummary(
                    w.number,
                    w.kind,
                    "open",
                    w.vehicle_class,
                    shown.registration,
                    shown.chassis,
                    shown.engine,
                    w.description,
                    w.police_station,
                    w.incident_at,
                    w.fir_number,
                    w.fir_date,
                    w.source,
                )
            )
    open_theft = any(r.kind in THEFT_KINDS and r.status == "open" for r in reports)
    recovered = any(
        r.kind in RECOVERY_KINDS or r.status in ("recovered", "matched") for r in reports
    )
    result = "stolen" if open_theft else "recovered" if recovered else "none"
    states = [st for st in (src.state(ctx) for src in sources()) if st is not None]
    hotlist = max(states, key=lambda st: st.issued_at, default=None)
    with ctx.unit_of_work() as s:
        ctx.audit(
            s,
            AuditAction.VEHICLE_VERIFIED,
            details={"identifier": key, "result": result, "reports": len(reports)},
        )
    return Verification(
        identifier, key, result, reports, hotlist.issued_at if hotlist else None, hotlist
    )


def verification_dict(v: Verification) -> dict[str, Any]:
    return {
        "identifier": v.identifier,
        "normalized": v.key,
        "result": v.result,
        "exit_code": v.exit_code,
        "hotlist_as_of": v.hotlist_as_of.isoformat() if v.hotlist_as_of else None,
        "hotlist": source_state_dict(v.hotlist),
        "reports": [
            {
                **{
                    k: getattr(r, k)
                    for k in (
                        "number",
                        "kind",
                        "status",
                        "vehicle_class",
                        "registration",
                        "chassis",
                        "engine",
                        "description",
                        "police_station",
                        "fir_number",
                        "source",
                    )
                },
                "incident_at": r.incident_at.isoformat() if r.incident_at else None,
                "fir_date": r.fir_date.isoformat() if r.fir_date else None,
            }
            for r in v.reports
        ],
    }


def source_state_dict(state: SourceState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "sequence": state.sequence,
        "issued_at": state.issued_at.isoformat(),
        "expires_at": state.expires_at.isoformat(),
        "entries": state.entries,
        "expired": state.expired,
    }


# ------------------------------------------------------------------ the owner's receipt


@dataclass(frozen=True)
class VehicleReceiptData:
    """What the owner's receipt shows (the same printing code as complaint receipts)."""

    number: str
    registered_at: datetime
    desk_name: str
    desk_code: str
    complainant: str  # the owner; empty for a found vehicle
    cnic_masked: str
    category: str  # what was reported, e.g. "Motorcycle stolen"
    police_station: str
    summary: str  # the vehicle and its identifiers
    status: str
    fir_number: str | None
    copy: bool
    printed_at: datetime
    kind: str = "vehicle_report"


def issue_receipt(ctx: DeskContext, report_id: str) -> VehicleReceiptData:
    """The owner's receipt data, recorded as printed (a second print is marked as a copy)."""
    ctx.require(Permission.PRINT)
    from sqlalchemy import func

    from cplc_desk.domain.clock import now_utc
    from cplc_desk.domain.validation import mask_cnic
    from cplc_desk.storage.models import AuditEntry, Person, VehicleClassRef

    identity = ctx.require_identity()
    with ctx.unit_of_work() as s:
        r = s.get(VehicleReport, report_id)
        if r is None or r.deleted_at is not None:
            raise ServiceError(_("This vehicle report does not exist."))
        owner = s.get(Person, r.owner_id) if r.owner_id else None
        vclass = s.get(VehicleClassRef, r.vehicle_class)
        station = s.get(PoliceStation, r.police_station_code)
        printed_before = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.record_table == "vehicle_report",
                AuditEntry.record_id == r.id,
                AuditEntry.action.in_(
                    [AuditAction.RECEIPT_PRINTED.value, AuditAction.RECEIPT_REPRINTED.value]
                ),
            )
        )
        copy = bool(printed_before)
        ctx.audit(
            s,
            AuditAction.RECEIPT_REPRINTED if copy else AuditAction.RECEIPT_PRINTED,
            record_table="vehicle_report",
            record_id=r.id,
            details={"number": r.number},
        )
        kinds = {
            "stolen": _("stolen"), "snatched": _("snatched"), "recovered": _("recovered"),
            "found_abandoned": _("found abandoned"),
        }  # fmt: skip
        identifiers = [
            _("registration {value}").format(value=r.registration) if r.registration else "",
            _("chassis {value}").format(value=r.chassis) if r.chassis else "",
            _("engine {value}").format(value=r.engine) if r.engine else "",
        ]
        return VehicleReceiptData(
            number=r.number,
            registered_at=r.created_at,
            desk_name=identity.name,
            desk_code=identity.code,
            complainant=owner.name if owner else "",
            cnic_masked=mask_cnic(owner.cnic) if owner and owner.cnic else "",
            category=f"{vclass.name if vclass else r.vehicle_class} {kinds.get(r.kind, r.kind)}",
            police_station=station.name if station else r.police_station_code,
            summary=" · ".join(x for x in [_describe(r), *identifiers] if x),
            status=r.status,
            fir_number=r.fir_number,
            copy=copy,
            printed_at=now_utc(),
        )


def find_id_by_number(ctx: DeskContext, number: str) -> str:
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        found = s.scalar(select(VehicleReport.id).where(VehicleReport.number == number))
    if found is None:
        raise ServiceError(
            _("No vehicle report has the number {number}. Check it on the receipt.").format(
                number=number
            )
        )
    return found
