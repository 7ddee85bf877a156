"""Vehicle verification latency over a large store ("is this vehicle stolen?").

    python -m bench.verify [--reports 1000000]

Each verification looks the identifier up in the registration, chassis and engine columns and
writes an audit entry (a committed transaction). Target (issue 4): under 20 ms at the 95th
percentile over 1,000,000 vehicle reports. Baseline: the same three indexed look-ups with raw
sqlite3, without the audit write.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import fill_vehicles
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.vehicles import vehicles


def _summary(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms"


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
        for ident in picks:
            key = "".join(ch for ch in ident.upper() if ch.isalnum())
            t0 = time.perf_counter()
            raw.execute(
                "SELECT id FROM vehicle_report WHERE registration_key = ? OR chassis_key = ? "
                "OR engine_key = ?",
                (key, key, key),
            ).fetchall()
            base.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            vehicles.verify(ctx, ident)
            ours.append((time.perf_counter() - t0) * 1000)
        print(f"baseline: raw sqlite3 look-up, no audit  {_summary(base)}")
        print(f"verify-vehicle (with audit entry)       {_summary(ours)} (target p95 < 20 ms)")
        raw.close()
        ctx.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
