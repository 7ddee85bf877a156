"""Headquarters' city-wide vehicle checks over a merged store: "recovered elsewhere" (every open
recovery matched against the open thefts of every station) and probable duplicates.

    python -m bench.hq_sweep                        # 20,000 and 100,000 reports, best of 3
    python -m bench.hq_sweep --reports 20000 --repeat 5 --previous

The stores come from ``bench.fixtures.fill_vehicles`` spread over every station (all reports
open; about 6.75% are recoveries). Its identifiers are sequential, so every recovery is one
character off dozens of thefts: far more near keys than real data gives, the sweep's worst case.

Each figure is measured in a fresh process (so peak RSS is that run's own): wall time, and peak
resident memory. Same-run baseline: a process that opens the desk and reads the open reports'
identifiers with raw sqlite3 (what any sweep must at least do). ``--previous`` also times the
algorithm the sweep replaced (each recovery ranked on its own against the near index), once per
store: over 100,000 reports it takes a minute or more.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.fixtures import fill_vehicles, peak_kb
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, open_desk

_OPEN_KEYS = (
    "SELECT id, number, origin_desk, registration_key, chassis_key, engine_key "
    "FROM vehicle_report WHERE kind IN ({kinds}) AND status = 'open' AND deleted_at IS NULL"
)


def previous_sweep(ctx: Any) -> list[Any]:
    """The sweep as it was before batching: each open recovery ranked on its own with the desk's
    ``rank`` against ``wanted_index(ctx, near_index=True)`` (one near-index search per key)."""
    from sqlalchemy import select

    from cplc_desk.domain.enums import RECOVERY_KINDS
    from cplc_desk.domain.matching import VehicleKeys
    from cplc_desk.services.vehicles.hq_vehicles import CrossStationMatch, _ref
    from cplc_desk.services.vehicles.wanted import rank, wanted_index
    from cplc_desk.storage.models import VehicleReport

    index = wanted_index(ctx, near_index=True)
    with ctx.store.read() as s:
        recoveries = s.scalars(
            select(VehicleReport).where(
                VehicleReport.kind.in_(RECOVERY_KINDS),
                VehicleReport.status == "open",
                VehicleReport.deleted_at.is_(None),
            )
        ).all()
        ranked = [
            (r, rank(index, VehicleKeys(r.registration_key, r.chassis_key, r.engine_key), r.id))
            for r in recoveries
        ]
        ids = {c.wanted.ref for _, cands in ranked for c in cands}
        thefts = {
            t.id: t for t in s.scalars(select(VehicleReport).where(VehicleReport.id.in_(ids)))
        }
        out = []
        for recovery, candidates in ranked:
            for c in candidates:
                theft = thefts.get(c.wanted.ref)
                if theft is None or theft.origin_desk == recovery.origin_desk:
                    continue
                out.append(CrossStationMatch(_ref(recovery), _ref(theft), c.score, c.evidence))
    out.sort(key=lambda m: (-m.score, m.recovery.number, m.theft.number))
    return out


def _measure(folder: Path, what: str) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    from cplc_desk.domain.enums import RECOVERY_KINDS, THEFT_KINDS
    from cplc_desk.services.vehicles import hq_vehicles

    ctx = open_desk(DeskPaths(folder), actor=Actor("bench"))
    t0 = time.perf_counter()
    if what == "baseline":
        raw = sqlite3.connect(DeskPaths(folder).database)
        count = 0
        for kinds in (THEFT_KINDS, RECOVERY_KINDS):
            sql = _OPEN_KEYS.format(kinds=", ".join("?" * len(kinds)))
            count += len(raw.execute(sql, kinds).fetchall())
        raw.close()
    elif what == "sweep":
        count = len(hq_vehicles.cross_station_matches(ctx))
    elif what == "previous":
        count = len(previous_sweep(ctx))
    elif what == "duplicates":
        count = len(hq_vehicles.probable_duplicates(ctx))
    else:
        raise ValueError(what)
    seconds = time.perf_counter() - t0
    ctx.close()
    peak = peak_kb() / 1024
    return {"seconds": seconds, "peak_mb": peak, "count": count}


def _run(folder: Path, what: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.hq_sweep", "--measure", str(folder), what],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def _line(label: str, runs: list[dict[str, Any]]) -> str:
    times = sorted(r["seconds"] for r in runs)
    peaks = sorted(r["peak_mb"] for r in runs)
    spread = f" (range {times[0]:.2f}-{times[-1]:.2f} s over {len(runs)})" if len(runs) > 1 else ""
    return (
        f"  {label:34} best {times[0]:7.2f} s{spread:28} peak RSS {peaks[0]:4.0f} MB, "
        f"{runs[0]['count']:,} found"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.hq_sweep")
    parser.add_argument("--reports", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--previous", action="store_true", help="also time the replaced sweep")
    parser.add_argument("--measure", nargs=2, metavar=("STORE", "WHAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure(Path(args.measure[0]), args.measure[1])))
        return
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-hq-sweep-"))
    try:
        for n in args.reports:
            folder = root / f"hq-{n}"
            ctx = open_desk(DeskPaths(folder), actor=Actor("bench"))
            setup.init_hq(ctx, "CPLC HQ")
            codes = [st.code for st in reference.stations(ctx)]
            t0 = time.perf_counter()
            fill_vehicles(ctx, n, station_codes=codes)
            ctx.close()
            raw = sqlite3.connect(DeskPaths(folder).database)
            recoveries = raw.execute(
                "SELECT count(*) FROM vehicle_report WHERE kind IN ('recovered', 'found_abandoned')"
            ).fetchone()[0]
            raw.close()
            print(
                f"{n:,} vehicle reports ({recoveries:,} open recoveries) from {len(codes)} "
                f"stations, written in {time.perf_counter() - t0:.0f} s"
            )
            cases = [("baseline", "baseline: open + raw sqlite3 read"),
                     ("sweep", "recovered elsewhere"),
                     ("duplicates", "probable duplicates")]  # fmt: skip
            for what, label in cases:
                print(_line(label, [_run(folder, what) for _ in range(args.repeat)]), flush=True)
            if args.previous:
                print(_line("recovered elsewhere, before", [_run(folder, "previous")]), flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
