"""Vehicle verification latency over a large store ("is this vehicle stolen?").

    python -m bench.verify [--reports 1000000]

Each verification looks the identifier up in the registration, chassis and engine columns and
writes an audit entry (a committed transaction); when nothing matches, it also looks up every
identifier one slip away (issue 14), so found and not-found identifiers are timed apart. Target (issue 4): under 20 ms at the 95th
percentile over 1,000,000 vehicle reports. Baseline: the same three indexed look-ups with raw
sqlite3, without the audit write.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import fill_vehicles
from cplc_desk.domain.matching import near_keys
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.vehicles import verification


def _summary(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms"


def _raw_near(raw: sqlite3.Connection, key: str) -> None:
    """The near look-up's SQL on its own: every identifier one slip away, bound as one list."""
    variants = json.dumps(sorted(near_keys(key)))
    raw.execute(
        "SELECT id FROM vehicle_report WHERE registration_key IN (SELECT value FROM json_each(?)) "
        "OR chassis_key IN (SELECT value FROM json_each(?)) "
        "OR engine_key IN (SELECT value FROM json_each(?)) LIMIT 50",
        (variants,) * 3,
    ).fetchall()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.verify")
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-verify-"))
    try:
        ctx = open_desk(DeskPaths(root / "desk"), actor=Actor("bench"))
        setup.init_station(ctx, "CLIF")
        t0 = time.perf_counter()
        fill_vehicles(ctx, args.reports)
        print(f"fixture: {args.reports:,} vehicle reports in {time.perf_counter() - t0:.0f} s")
        raw = sqlite3.connect(root / "desk" / "cplc_desk.sqlite3")
        rng = random.Random(3)
        picks = [
            row[rng.randrange(3)]
            for row in raw.execute(
                "SELECT registration, chassis, engine FROM vehicle_report ORDER BY random() LIMIT ?",
                (args.samples,),
            )
        ]
        picks += [f"ZZZ-{n:04d}" for n in range(args.samples // 5)]  # no record
        rng.shuffle(picks)
        base, ours = [], []
        near_base, near_ours = [], []
        for ident in picks:
            key = "".join(ch for ch in ident.upper() if ch.isalnum())
            t0 = time.perf_counter()
            found = raw.execute(
                "SELECT id FROM vehicle_report WHERE registration_key = ? OR chassis_key = ? "
                "OR engine_key = ?",
                (key, key, key),
            ).fetchall()
            if not found:  # the app then looks up every identifier one slip away
                _raw_near(raw, key)
            (base if found else near_base).append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            verification.verify(ctx, ident)
            (ours if found else near_ours).append((time.perf_counter() - t0) * 1000)
        print(f"found, baseline: raw sqlite3 look-up, no audit    {_summary(base)}")
        print(
            f"found, verify-vehicle (with audit entry)         {_summary(ours)} (target p95 < 20 ms)"
        )
        print(f"not found, baseline: raw look-up + near IN lists  {_summary(near_base)}")
        print(
            f"not found, verify-vehicle (exact, then near)     {_summary(near_ours)} (target p95 < 20 ms)"
        )
        raw.close()
        ctx.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
