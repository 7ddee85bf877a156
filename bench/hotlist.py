"""The hotlist: export at headquarters and import at a station of N open thefts, beside raw
sqlite3 (reading the same rows at headquarters; executemany of the same rows into the station's
hotlist table), measured in the same run; then the station's look-ups against it.

    python -m bench.hotlist                 # 50,000 open stolen/snatched vehicles
    python -m bench.hotlist --vehicles 200000

Targets (issue 6): 50,000 open vehicles export and import in seconds; verification stays fast.
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
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles import hotlist, vehicles, verification, wanted

_COLUMNS = (
    "number, kind, vehicle_class, registration, registration_key, chassis, chassis_key, engine, "
    "engine_key, make, model, colour, model_year, police_station_code, incident_at, fir_number, "
    "fir_date"
)


def _summary(ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=20)
    return f"median {statistics.median(ms):.2f} ms, p95 {q[18]:.2f} ms"


def _verify_ms(ctx: DeskContext, picks: list[str]) -> list[float]:
    out = []
    for ident in picks:
        t0 = time.perf_counter()
        verification.verify(ctx, ident)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _raw_export(hq_db: Path) -> tuple[int, float]:
    """Plain sqlite3 reading the rows a hotlist carries (no signing, no compression)."""
    conn = sqlite3.connect(hq_db)
    t0 = time.perf_counter()
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM vehicle_report WHERE kind IN ('stolen', 'snatched') "
        "AND status = 'open' AND deleted_at IS NULL ORDER BY number"
    ).fetchall()
    elapsed = time.perf_counter() - t0
    conn.close()
    return len(rows), elapsed


def _raw_import(hq_db: Path, empty_db: Path) -> tuple[int, float]:
    """Plain sqlite3 executemany of the same rows into an empty hotlist table (same indexes,
    WAL, synchronous=FULL, one transaction)."""
    src = sqlite3.connect(hq_db)
    rows = src.execute(
        f"SELECT {_COLUMNS} FROM vehicle_report WHERE kind IN ('stolen', 'snatched') "
        "AND status = 'open' AND deleted_at IS NULL"
    ).fetchall()
    src.close()
    dst = sqlite3.connect(empty_db, isolation_level=None)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=FULL")
    marks = ", ".join("?" for _ in _COLUMNS.split(","))
    t0 = time.perf_counter()
    dst.execute("BEGIN")
    dst.executemany(f"INSERT INTO hotlist_entry ({_COLUMNS}) VALUES ({marks})", rows)
    dst.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    dst.close()
    return len(rows), elapsed


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.hotlist")
    parser.add_argument("--vehicles", type=int, default=50_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-hotlist-"))
    try:
        hq = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"))
        setup.init_hq(hq, "Bench HQ")
        enrollment = sync_hq.enroll_station(hq, "SADD", root / "sadd.cplcenroll")
        st = open_desk(DeskPaths(root / "sadd"), actor=Actor("bench"))
        sync_station.enroll_from_file(st, enrollment)
        template = root / "empty.sqlite3"
        with sqlite3.connect(st.paths.database) as live, sqlite3.connect(template) as copy:
            live.backup(copy)

        t0 = time.perf_counter()
        fill_vehicles(hq, args.vehicles)
        with sqlite3.connect(hq.paths.database) as conn:  # every one an open theft
            conn.execute(
                "UPDATE vehicle_report SET kind = 'stolen' WHERE kind NOT IN ('stolen', 'snatched')"
            )
        print(f"fixture: {args.vehicles:,} open thefts at HQ in {time.perf_counter() - t0:.1f} s")

        raw_n, raw_read_s = _raw_export(hq.paths.database)
        t0 = time.perf_counter()
        first = hotlist.export_hotlist(hq, root / "stick")
        export_s = time.perf_counter() - t0
        size_mb = first.path.stat().st_size / 1e6
        print(f"export: {first.entries:,} vehicles in {export_s:.2f} s, file {size_mb:.1f} MB "
              f"(baseline: raw sqlite3 read of the same {raw_n:,} rows {raw_read_s:.2f} s)")  # fmt: skip

        raw_rows, raw_s = _raw_import(hq.paths.database, template)
        print(f"baseline: raw sqlite3 executemany of the same {raw_rows:,} rows into the "
              f"hotlist table: {raw_s:.2f} s ({raw_rows / raw_s:,.0f} rows/s)")  # fmt: skip
        t0 = time.perf_counter()
        imported = hotlist.import_hotlist(st, first.path)
        import_s = time.perf_counter() - t0
        print(f"import (first, verify + parse + insert): {imported.entries:,} in {import_s:.2f} s "
              f"({imported.entries / import_s:,.0f} rows/s, {raw_s / import_s:.0%} of raw rate)")  # fmt: skip

        second = hotlist.export_hotlist(hq, root / "stick")
        t0 = time.perf_counter()
        hotlist.import_hotlist(st, second.path)
        replace_s = time.perf_counter() - t0
        print(f"import (replacing the held {imported.entries:,}): {replace_s:.2f} s")

        raw = sqlite3.connect(st.paths.database)
        rng = random.Random(3)
        picks = [
            row[rng.randrange(3)]
            for row in raw.execute(
                "SELECT registration, chassis, engine FROM hotlist_entry ORDER BY random() LIMIT ?",
                (args.samples,),
            )
        ]
        picks += [f"ZZZ-{n:04d}" for n in range(args.samples // 5)]  # no record
        rng.shuffle(picks)
        base = []
        for ident in picks:
            key = "".join(ch for ch in ident.upper() if ch.isalnum())
            t0 = time.perf_counter()
            raw.execute(
                "SELECT id FROM hotlist_entry WHERE registration_key = ? OR chassis_key = ? "
                "OR engine_key = ?",
                (key, key, key),
            ).fetchall()
            base.append((time.perf_counter() - t0) * 1000)
        raw.close()
        ours = _verify_ms(st, picks)
        print(f"baseline: raw sqlite3 hotlist look-up, no audit  {_summary(base)}")
        print(f"verify-vehicle from the hotlist (with audit)    {_summary(ours)}")
        # Same desk, same identifiers, hotlist not consulted: what the hotlist adds to a check.
        sources, wanted._sources[:] = list(wanted._sources), []
        try:
            alone = _verify_ms(st, picks)
        finally:
            wanted._sources[:] = sources
        print(f"baseline: verify-vehicle, hotlist not consulted {_summary(alone)}")

        # Matching a recovery builds an index over every wanted vehicle, hotlist included, once
        # per hotlist (kept until the held hotlist changes); then each recovery is looked up.
        recovery = vehicles.VehicleKeys(None, "KA00000007", None)
        t0 = time.perf_counter()
        indexes = wanted.wanted_index(st)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        indexes = wanted.wanted_index(st)
        again_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        found = wanted.rank(indexes, recovery)
        rank_ms = (time.perf_counter() - t0) * 1000
        assert found
        print(f"matching a recovery: first index over {sum(len(i.items) for i in indexes):,} "
              f"wanted {build_s:.2f} s, later calls {again_ms:.1f} ms, ranking {rank_ms:.1f} ms")  # fmt: skip
        st.close()
        hq.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
