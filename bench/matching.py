"""Matching recovered vehicles to theft reports: precision and recall on realistic mistakes.

    python -m bench.matching [--reports 10000]

Generates theft reports (Karachi-style plates, chassis and engine numbers), then recoveries of
some of those vehicles written down with the mistakes people make (O/0, I/1, S/5, B/8 swaps,
missing dashes, one character off, a partial plate, chassis and engine swapped, a changed plate)
and of vehicles never reported. Targets (issue 4): every exact match found; at least 95% of
single-mistake recoveries found within the top 3 candidates; no more than 3 candidates shown
on average. Also times candidate search per recovery beside a plain dict look-up (baseline).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime

from cplc_desk.domain.matching import VehicleKeys
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.services.vehicles.match_sources import WantedVehicle
from cplc_desk.services.vehicles.wanted import WantedIndex, rank

SWAPS = {"0": "O", "O": "0", "1": "I", "I": "1", "5": "S", "S": "5", "8": "B", "B": "8"}
ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _lookalike(key: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(key) if ch in SWAPS]
    if not spots:
        return None
    i = rng.choice(spots)
    return key[:i] + SWAPS[key[i]] + key[i + 1 :]


def _one_off(key: str, rng: random.Random) -> str:
    i = rng.randrange(len(key))
    how = rng.choice(("substitute", "delete", "insert"))
    if how == "substitute":
        return key[:i] + rng.choice([c for c in ALNUM if c != key[i]]) + key[i + 1 :]
    if how == "delete":
        return key[:i] + key[i + 1 :]
    return key[:i] + rng.choice(ALNUM) + key[i:]


def _mistake(k: VehicleKeys, kind: str, rng: random.Random) -> VehicleKeys | None:
    reg, ch, en = k.registration, k.chassis, k.engine
    if kind == "lookalike chassis":
        bad = _lookalike(ch or "", rng)
        return VehicleKeys(None, bad, None) if bad else None
    if kind == "lookalike engine":
        bad = _lookalike(en or "", rng)
        return VehicleKeys(None, None, bad) if bad else None
    if kind == "one-off chassis":
        return VehicleKeys(None, _one_off(ch or "", rng), None)
    if kind == "one-off engine":
        return VehicleKeys(None, None, _one_off(en or "", rng))
    if kind == "one-off plate":
        return VehicleKeys(_one_off(reg, rng), None, None) if reg and len(reg) >= 6 else None
    if kind == "partial plate":
        return VehicleKeys(reg[-4:], None, None) if reg else None
    if kind == "swapped chassis/engine":
        return VehicleKeys(None, en, ch)
    if kind == "changed plate":
        return VehicleKeys("KXX" + str(rng.randint(1000, 9999)), ch, en)
    raise ValueError(kind)


MISTAKES = ("lookalike chassis", "lookalike engine", "one-off chassis", "one-off engine",
            "one-off plate", "partial plate", "swapped chassis/engine", "changed plate")  # fmt: skip


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.matching")
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--recoveries", type=int, default=2_000)
    args = parser.parse_args(argv)
    rng = random.Random(1102)
    maker = SampleMaker([SampleStation("CLIF", "Clifton"), SampleStation("SADD", "Saddar")],
                        home="CLIF", seed=4)  # fmt: skip
    now = datetime.now(UTC)
    wanted = []
    for n in range(args.reports):
        d = maker.vehicle(now, kind="stolen")
        keys = VehicleKeys(
            normalize_identifier(d.registration) or None,
            normalize_identifier(d.chassis) or None,
            normalize_identifier(d.engine) or None,
        )
        wanted.append(WantedVehicle(f"r{n}", f"CLIF-V-2026-{n:05d}", keys, "local", "stolen",
                                    d.vehicle_class, "", "Clifton", None, None))  # fmt: skip
    t0 = time.perf_counter()
    index = WantedIndex(wanted)
    print(
        f"index: {len(wanted):,} open theft reports indexed in {(time.perf_counter() - t0) * 1000:.0f} ms"
    )

    found_exact = 0
    shown: list[int] = []
    latencies: list[float] = []
    per_kind: dict[str, list[int]] = {k: [0, 0] for k in MISTAKES}
    correct_shown = 0
    exact_cases = args.recoveries // 4
    for _ in range(exact_cases):
        target = rng.choice(wanted)
        t0 = time.perf_counter()
        got = rank(index, target.keys)
        latencies.append((time.perf_counter() - t0) * 1000)
        shown.append(len(got))
        found_exact += bool(got) and got[0].wanted.ref == target.ref
        correct_shown += any(c.wanted.ref == target.ref for c in got)
    mistaken = 0
    while mistaken < args.recoveries:
        target = rng.choice(wanted)
        kind = rng.choice(MISTAKES)
        keys = _mistake(target.keys, kind, rng)
        if keys is None:
            continue
        mistaken += 1
        t0 = time.perf_counter()
        got = rank(index, keys)
        latencies.append((time.perf_counter() - t0) * 1000)
        shown.append(len(got))
        top3 = [c.wanted.ref for c in got[:3]]
        per_kind[kind][0] += target.ref in top3
        per_kind[kind][1] += 1
        correct_shown += target.ref in [c.wanted.ref for c in got]
    false_shown = []
    for _ in range(args.recoveries // 4):
        d = maker.vehicle(now, kind="recovered")
        keys = VehicleKeys(
            None, normalize_identifier("ZZ" + d.chassis), normalize_identifier("QQ" + d.engine)
        )
        got = rank(index, keys)
        false_shown.append(len(got))
        shown.append(len(got))
    baseline = []
    lookup = {w.keys.chassis: w for w in wanted}
    for _ in range(1000):
        key = rng.choice(wanted).keys.chassis
        t0 = time.perf_counter()
        lookup.get(key)
        baseline.append((time.perf_counter() - t0) * 1000)

    print(
        f"exact: {found_exact}/{exact_cases} found first ({found_exact / exact_cases:.1%}; target 100%)"
    )
    hits = sum(v[0] for v in per_kind.values())
    total = sum(v[1] for v in per_kind.values())
    print(f"single mistakes: {hits}/{total} found in the top 3 ({hits / total:.1%}; target >= 95%)")
    for kind, (h, t) in per_kind.items():
        print(f"  {kind:24} {h:5}/{t:<5} {h / max(t, 1):6.1%}")
    print(f"candidates shown per recovery: mean {statistics.mean(shown):.2f} (target <= 3); "
          f"for never-reported vehicles: mean {statistics.mean(false_shown):.2f}")  # fmt: skip
    total_shown = sum(shown)
    print(f"precision: {correct_shown}/{total_shown} candidates shown were the right vehicle "
          f"({correct_shown / max(total_shown, 1):.1%})")  # fmt: skip
    lat = sorted(latencies)
    print(f"candidate search: median {statistics.median(lat):.2f} ms, p95 {lat[int(len(lat) * 0.95)]:.2f} ms "
          f"(baseline dict look-up median {statistics.median(baseline) * 1000:.1f} us)")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
