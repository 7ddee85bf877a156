"""Headquarters' cross-station sweep ("recovered elsewhere") on a real merged store: the batched
sweep must offer exactly what the recovery-by-recovery matching it replaced offered (the same
pairs, scores and evidence), on a store with the mistakes people make: look-alike characters,
one-character slips, partial plates, a chassis number written as the engine's, reports with only
a chassis or only an engine number, placeholder plates, and a block of plates so close together
that a look-up finds more near keys than it keeps.

The previous algorithm is written out below as the oracle (the desk's ``rank`` over
``wanted_index(ctx, near_index=True)`` for each recovery, with the comparison code as it was).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz.distance import Levenshtein
from sqlalchemy import insert, select, update

from cplc_desk.domain.enums import RECOVERY_KINDS
from cplc_desk.domain.ids import uuid7
from cplc_desk.domain.matching import (
    FIELDS,
    MIN_FUZZY_LENGTH,
    MIN_PARTIAL_PLATE,
    WEIGHTS,
    Evidence,
    VehicleKeys,
    compare,
    fold,
    within_one_edit,
)
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.vehicles import hq_vehicles, match_sources, vehicles, wanted
from cplc_desk.services.vehicles.wanted import NEAR_LIMIT, WantedIndex, _anchor
from cplc_desk.storage.models import VehicleReport

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
LOOKALIKE = {"O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8", "8": "B",
             "Z": "2", "2": "Z", "G": "6", "6": "G", "D": "0", "Q": "0", "L": "1"}  # fmt: skip


# ------------------------------------------------------------------ the previous algorithm


def _old_agreement(field: str, mine: str, other_field: str, theirs: str) -> str | None:
    if mine == theirs:
        return "exact" if field == other_field else "swapped"
    if fold(mine) == fold(theirs):
        return "lookalike"
    if (
        field == other_field
        and min(len(mine), len(theirs)) >= MIN_FUZZY_LENGTH[field]
        and within_one_edit(fold(mine), fold(theirs))
    ):
        return "one_off"
    if (
        field == other_field == "registration"
        and min(len(mine), len(theirs)) >= MIN_PARTIAL_PLATE
        and (mine in theirs or theirs in mine)
    ):
        return "partial"
    return None


def _old_compare(recovered: VehicleKeys, reported: VehicleKeys) -> list[Evidence]:
    found: list[Evidence] = []
    for field in FIELDS:
        mine = recovered.get(field)
        if mine is None:
            continue
        best: Evidence | None = None
        for other in FIELDS:
            theirs = reported.get(other)
            if theirs is None:
                continue
            kind = _old_agreement(field, mine, other, theirs)
            if kind is None:
                continue
            weight = WEIGHTS[(field, kind)]
            if kind == "lookalike" and field != other:
                weight = min(weight, WEIGHTS[(field, "swapped")])
            if best is None or weight > best.weight:
                best = Evidence(field, other, kind, weight)
        if best is not None:
            found.append(best)
    return found


def previous_sweep(ctx: DeskContext) -> list[tuple[Any, ...]]:
    """The sweep as it was: each open recovery ranked on its own against the near index."""
    indexes = wanted.wanted_index(ctx, near_index=True)
    out = []
    with ctx.store.read() as s:
        recoveries = s.scalars(
            select(VehicleReport).where(
                VehicleReport.kind.in_(RECOVERY_KINDS),
                VehicleReport.status == "open",
                VehicleReport.deleted_at.is_(None),
            )
        ).all()
        for r in recoveries:
            keys = VehicleKeys(r.registration_key, r.chassis_key, r.engine_key)
            found = []
            for index in indexes:
                for i in index.candidates(keys):
                    item = index.items[i]
                    if item.ref == r.id:
                        continue
                    evidence = _old_compare(keys, item.keys)
                    points = sum(e.weight for e in evidence)
                    if points >= 30:
                        found.append((points, item.number, item.ref, evidence))
            found.sort(key=lambda c: (-c[0], c[1]))
            if found and found[0][0] >= 85:
                found = [c for c in found if c[0] >= found[0][0] * 0.5]
            for points, _number, ref, evidence in found[:5]:
                theft = s.get(VehicleReport, ref)
                if theft is None or theft.origin_desk == r.origin_desk:
                    continue
                out.append((hq_vehicles._ref(r), hq_vehicles._ref(theft), points, evidence))
    out.sort(key=lambda m: (-m[2], m[0].number, m[1].number))
    return out


# ------------------------------------------------------------------ a varied store


def _slip(key: str, rng: random.Random) -> str:
    if not key:
        return key
    i = rng.randrange(len(key))
    how = rng.choice(("sub", "ins", "del"))
    if how == "sub":
        return key[:i] + rng.choice(ALNUM) + key[i + 1 :]
    if how == "ins":
        return key[:i] + rng.choice(ALNUM) + key[i:]
    return key[:i] + key[i + 1 :]


def _lookalike(key: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(key) if ch in LOOKALIKE]
    if not spots:
        return key
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 2))):
        key = key[:i] + LOOKALIKE[key[i]] + key[i + 1 :]
    return key


def _plate(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.08:
        return rng.choice(("AFR", "A.F.R", ""))  # placeholders, not plates
    letters = "".join(rng.choice("ABCDEFGHJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(2, 3)))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(3, 4)))
    return f"{letters}-{digits}" if shape < 0.7 else f"{letters} {digits}"


def _code(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(ALNUM) for _ in range(rng.randint(low, high)))


def _recovered(vehicle: tuple[str, str, str], rng: random.Random) -> tuple[str, str, str]:
    """How a recovery of ``vehicle`` (plate, chassis, engine) may be written down."""
    plate, chassis, engine = vehicle
    how = rng.choice(("exact", "lookalike", "slip", "partial", "swapped", "chassis only",
                      "engine only", "plate only", "two slips", "slip and lookalike"))  # fmt: skip
    if how == "exact":
        return plate, chassis, engine
    if how == "lookalike":
        return _lookalike(plate, rng), _lookalike(chassis, rng), _lookalike(engine, rng)
    if how == "slip":
        return plate, _slip(chassis, rng) if chassis else "", engine
    if how == "partial":
        key = normalize_identifier(plate)
        return key[-rng.randint(4, 5) :] if len(key) >= 5 else plate, "", ""
    if how == "swapped":
        return "", engine, chassis
    if how == "chassis only":
        return "", chassis, ""
    if how == "engine only":
        return "", "", _slip(engine, rng) if engine and rng.random() < 0.5 else engine
    if how == "plate only":
        return _slip(plate, rng) if len(plate) > 5 else plate, "", ""
    if how == "two slips":
        return plate, _slip(_slip(chassis, rng), rng) if chassis else "", _slip(engine, rng)
    return _lookalike(plate, rng), _slip(_lookalike(chassis, rng), rng) if chassis else "", ""


def fill_varied(ctx: DeskContext, seed: int = 17) -> None:
    rng = random.Random(seed)
    codes = [st.code for st in reference.stations(ctx)][:6]
    base = datetime(2025, 1, 1, tzinfo=UTC)
    rows: list[dict[str, Any]] = []

    def report(kind: str, plate: str, chassis: str, engine: str, status: str = "open") -> None:
        n = len(rows)
        code = rng.choice(codes)
        at = base + timedelta(minutes=n)
        keys = {f: normalize_identifier(v) or None for f, v in
                (("registration", plate), ("chassis", chassis), ("engine", engine))}  # fmt: skip
        rows.append({
            "id": uuid7(), "number": f"{code}-V-2025-{n + 1:07d}", "kind": kind,
            "vehicle_class": rng.choice(("CAR", "MOTORCYCLE")),
            "registration": plate or None, "registration_key": keys["registration"],
            "chassis": chassis or None, "chassis_key": keys["chassis"],
            "engine": engine or None, "engine_key": keys["engine"],
            "police_station_code": code, "status": status, "origin_desk": code,
            "created_at": at, "created_by": "test", "updated_at": at, "updated_by": "test",
            "version": 1,
        })  # fmt: skip

    fleet = []
    for _ in range(700):
        plate = _plate(rng)
        chassis = _code(rng, 8, 14) if rng.random() < 0.9 else ""
        engine = _code(rng, 6, 11) if rng.random() < 0.85 else ""
        fleet.append((plate, chassis, engine))
    # A block of plates one character apart from each other: a look-up of one of them finds
    # more near keys than it keeps (NEAR_LIMIT), so which ones it keeps must match too.
    block = [(f"AB{a}{b}-999", "", "") for a in ALNUM for b in ALNUM]
    for vehicle in fleet + block:
        report(rng.choice(("stolen", "snatched")), *vehicle)
        if rng.random() < 0.05:  # reported twice, perhaps at another station
            report("stolen", *vehicle)
    for vehicle in rng.sample(fleet, 60):  # closed thefts are not candidates
        report("stolen", *vehicle, status="recovered")
    for vehicle in rng.sample(fleet, 260):
        report(rng.choice(("recovered", "found_abandoned")), *_recovered(vehicle, rng))
    for vehicle in rng.sample(block, 40):
        report("recovered", *_recovered(vehicle, rng))
    for _ in range(40):  # never reported stolen
        report("recovered", _plate(rng), _code(rng, 8, 14), _code(rng, 6, 11))
    for vehicle in rng.sample(fleet, 20):  # already matched: not swept
        report("recovered", *vehicle, status="matched")
    with ctx.unit_of_work() as s:
        s.connection().execute(insert(VehicleReport), rows)
        deleted = [r["id"] for r in rng.sample(rows, 25)]
        s.execute(
            update(VehicleReport)
            .where(VehicleReport.id.in_(deleted))
            .values(deleted_at=base, deleted_by="test")
        )


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory, template_store: Path) -> Iterator[DeskContext]:
    paths = DeskPaths(tmp_path_factory.mktemp("sweep") / "hq")
    paths.ensure()
    shutil.copyfile(template_store, paths.database)
    ctx = open_desk(paths, actor=Actor("analyst"))
    setup.init_hq(ctx, "CPLC HQ")
    fill_varied(ctx)
    yield ctx
    ctx.close()


def _recovery_keys(ctx: DeskContext) -> list[VehicleKeys]:
    with ctx.store.read() as s:
        rows = s.execute(
            select(
                VehicleReport.registration_key, VehicleReport.chassis_key, VehicleReport.engine_key
            ).where(VehicleReport.kind.in_(RECOVERY_KINDS))
        ).all()
    return [VehicleKeys(*r) for r in rows]


# ------------------------------------------------------------------ tests


def test_sweep_offers_exactly_what_the_previous_algorithm_offered(varied: DeskContext) -> None:
    before = previous_sweep(varied)
    after = hq_vehicles.cross_station_matches(varied)
    assert [(m.recovery, m.theft, m.score, m.evidence) for m in after] == before
    # The store exercises what it is meant to: many pairs, and every kind of evidence.
    assert len(after) > 150
    kinds = {(e.field, e.kind) for m in after for e in m.evidence}
    for kind in ("exact", "swapped", "lookalike", "one_off"):
        assert any(k == kind for _f, k in kinds), kind
    assert ("registration", "partial") in kinds


def test_near_many_answers_what_each_near_look_up_answers(varied: DeskContext) -> None:
    [index] = [i for i in wanted.wanted_index(varied, near_index=True) if i.near is not None]
    queries = [
        fold(key)
        for keys in _recovery_keys(varied)
        for name in FIELDS
        if (key := keys.get(name)) and len(key) >= MIN_FUZZY_LENGTH[name]
    ]
    queries += [fold(k) for k in index.folded_keys[::7] if len(k) >= 5]  # the thefts' own keys
    batched = WantedIndex(index.items).near_many(queries)
    for q in queries:
        assert batched[q] == index._near(q), q
    # Some look-up found more keys within one edit in one place than it keeps, so the cut was
    # exercised (the nearest first, in filing order).
    assert index.near is not None
    most = 0
    for q in queries:
        pool = index.near.get(">" + q[-_anchor(len(q)) :], [])
        most = max(most, sum(Levenshtein.distance(q, k) <= 1 for k in pool))
    assert most > NEAR_LIMIT


def test_compare_on_prepared_keys_matches_the_comparison_it_replaced() -> None:
    rng = random.Random(23)
    for _ in range(4000):
        vehicle = (_plate(rng), _code(rng, 5, 12), _code(rng, 5, 10))
        if rng.random() < 0.3:  # one number written in two fields: the best evidence must win
            plate, chassis, _engine = vehicle
            vehicle = (plate, chassis, rng.choice((chassis, _lookalike(chassis, rng))))
        theirs = VehicleKeys(*(normalize_identifier(v) or None for v in vehicle))
        mine = VehicleKeys(*(normalize_identifier(v) or None for v in _recovered(vehicle, rng)))
        assert compare(mine, theirs) == _old_compare(mine, theirs)
        assert compare(theirs, mine) == _old_compare(theirs, mine)


def test_sweep_is_the_desks_own_matching(varied: DeskContext) -> None:
    """Each pair the sweep lists is among what the desk's "find matches" offers for that
    recovery, with the same score and evidence."""
    found = hq_vehicles.cross_station_matches(varied)
    for m in found[:: max(1, len(found) // 40)]:
        desk = {c.wanted.ref: c for c in vehicles.find_matches(varied, m.recovery.id)}
        assert desk[m.theft.id].score == m.score
        assert desk[m.theft.id].evidence == m.evidence


@pytest.mark.parametrize("seed", range(6))
def test_near_many_on_keys_full_of_repeated_characters(seed: int) -> None:
    """Keys from a three-letter alphabet are full of runs ("AAB00B"), where an insertion or a
    replacement can be read at several positions: the batched look-up must still find exactly
    what each near look-up finds."""
    rng = random.Random(seed)

    def key() -> str:
        return "".join(rng.choice("AB0") for _ in range(rng.randint(4, 9)))

    items = [
        match_sources.WantedVehicle(str(n), str(n), VehicleKeys(key(), key(), key()),
                               "local", "stolen", "CAR", "", "", None, None)
        for n in range(300)
    ]  # fmt: skip
    near = WantedIndex(items, near_index=True)
    queries = [_slip(k, rng) for k in rng.sample(near.folded_keys, 120)] + [
        key() for _ in range(80)
    ]
    queries = [q for q in queries if len(q) >= 5]
    batched = WantedIndex(items).near_many(queries)
    for q in queries:
        assert batched[q] == near._near(q), q


@pytest.mark.parametrize("seed", range(8))
def test_near_many_finds_every_key_one_edit_away(seed: int) -> None:
    """Every key one edit from a query (each character replaced, removed, or one added, at each
    position, runs of one character included): the batched look-up, asked for that query alone
    (so a key shares only one of its ends with it), answers what the near look-up answers."""
    rng = random.Random(seed)
    alphabet = "AB0"
    query = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 9)))
    keys = {query}
    for i in range(len(query) + 1):
        keys.add(query[:i] + query[i + 1 :])
        for ch in alphabet:
            keys.add(query[:i] + ch + query[i + 1 :])
            keys.add(query[:i] + ch + query[i:])
    keys = {k for k in keys if k}
    items = [
        match_sources.WantedVehicle(str(n), str(n), VehicleKeys(None, k, None),
                               "local", "stolen", "CAR", "", "", None, None)
        for n, k in enumerate(sorted(keys, key=lambda _k: rng.random()))
    ]  # fmt: skip
    near = WantedIndex(items, near_index=True)
    for q in {query, *rng.sample(sorted(keys), 5)}:
        if len(q) >= 5:
            assert WantedIndex(items).near_many([q])[q] == near._near(q), q
