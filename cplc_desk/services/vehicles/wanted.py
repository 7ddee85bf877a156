"""What a vehicle is matched against: the wanted vehicles (open stolen and snatched reports
here, and through :class:`MatchSource` the city-wide hotlist headquarters sends), filed in a
:class:`WantedIndex` for exact, look-alike-folded and one-character-slip look-ups (rapidfuzz),
and the ranking of candidates explained by :mod:`cplc_desk.domain.matching`. The desk's verbs
that use it (find matches, confirm one, verify a vehicle) are in
:mod:`cplc_desk.services.vehicles.vehicles`; headquarters' city-wide sweep in
:mod:`cplc_desk.services.vehicles.hq_vehicles`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select

from cplc_desk.domain.enums import THEFT_KINDS
from cplc_desk.domain.matching import (
    FIELDS,
    MIN_FUZZY_LENGTH,
    MIN_PARTIAL_PLATE,
    SHOW_FROM,
    Evidence,
    LookAgreement,
    Looks,
    VehicleKeys,
    compare,
    compare_looks,
    fold,
    score,
)
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.reference import station_names
from cplc_desk.services.desk.report_links import open_of
from cplc_desk.services.vehicles import hotlist
from cplc_desk.services.vehicles.match_sources import MatchSource, WantedVehicle
from cplc_desk.storage.models import VehicleReport

MAX_CANDIDATES = 5


def sources() -> list[MatchSource]:
    """Where open thefts come from besides this desk's own reports. The city-wide hotlist is
    listed here, not registered on import, so no caller can miss it (a verification that
    silently skipped the hotlist would say "No record"); a new source is added to this list."""
    return [hotlist.SOURCE]


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
        fir_date=r.fir_date,
        looks=Looks(r.make or "", r.model or "", r.colour or ""),
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
    # Make, model and colour where both reports name them (not scored: see LookAgreement).
    looks: list[LookAgreement] = field(default_factory=list)


def rank(
    index: WantedIndex | Sequence[WantedIndex],
    keys: VehicleKeys,
    exclude: str | None = None,
    looks: Looks | None = None,
) -> list[MatchCandidate]:
    """Candidates for a recovered vehicle, best first, with why each is offered (and, given the
    recovered vehicle's ``looks``, whether its make, model and colour agree)."""
    shortlisted = shortlist(scored(index, keys, exclude))
    if looks is None:
        return shortlisted
    return [
        MatchCandidate(c.wanted, c.score, c.evidence, compare_looks(looks, c.wanted.looks))
        for c in shortlisted
    ]


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
        names = station_names(s)
        rows = s.scalars(select(VehicleReport).where(*open_of(VehicleReport, THEFT_KINDS)))
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
