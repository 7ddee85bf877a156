"""Sync bundles: export and import of a large bundle, beside raw sqlite3 executemany of the same
rows into the same tables, measured in the same run.

    python -m bench.sync                 # 100,000 records (50,000 complaints + complainants)
    python -m bench.sync --records 1000000 --memory   # also peak memory of a 1M-record import
    python -m bench.sync --kind complaints --kind phones   # each kind in turn, the same run
    python -m bench.sync --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres

``--db-url``: headquarters on a PostgreSQL server (a throwaway database made beside the one
named, dropped after); the baseline is then a raw COPY (psycopg 3 ``cursor.copy()``) of the same
rows into the same tables of a second throwaway database with the same schema, same run, and
the database's size before and after the import is printed (target on a server: import at
least 0.5x COPY).

``CPLC_BENCH_PROFILE=1`` in the environment prints where the import's time goes (cProfile).

``--kind phones``: phone reports with their owners (half each), as ``fill_phones`` makes them.

Targets (issue 5, raised by issue 14): import (decrypt, verify, merge) at least 0.6x the raw rate; a duplicate
bundle recognised in under 1 s; a 1,000,000-record import under 500 MB peak memory.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import pg_server
from bench.fixtures import fill_complaints, fill_phones, peak_kb
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station

# Each kind: its fixture (records half of them, each with its person) and the tables it fills.
KINDS = {"complaints": ("person", "complaint"), "phones": ("person", "phone_report")}


def _fill(kind: str, ctx: DeskContext, records: int) -> int:
    if kind == "phones":
        return fill_phones(ctx, records // 2, owners=True, logged=True)
    return fill_complaints(ctx, records // 2)


def _raw_baseline(station_db: Path, empty_db: Path, tables: tuple[str, ...]) -> tuple[int, float]:
    """Rows/s of plain sqlite3 executemany copying the station's records into an empty store."""
    src = sqlite3.connect(station_db)
    dst = sqlite3.connect(empty_db)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=FULL")
    rows_total = 0
    start = time.perf_counter()
    dst.execute("BEGIN")
    for table in tables:
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        marks = ", ".join("?" for _ in cols)
        dst.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)
        rows_total += len(rows)
    dst.execute("COMMIT")
    elapsed = time.perf_counter() - start
    src.close()
    dst.close()
    return rows_total, elapsed


def _import_child(hq_dir: str, bundle: str) -> None:
    from cplc_desk.services.desk.context import open_desk as _open

    ctx = _open(DeskPaths(Path(hq_dir)), actor=Actor("bench"))
    outcomes = bundle_import.import_bundles(ctx, [Path(bundle)])
    ctx.close()
    print(f"{outcomes[0].status} {peak_kb()}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sync")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--memory", action="store_true", help="measure import peak memory")
    parser.add_argument("--kind", action="append", choices=sorted(KINDS),
                        help="the records in the bundle (repeat for several, in turn)")  # fmt: skip
    parser.add_argument("--db-url", help="headquarters on a PostgreSQL server (see above)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _import_child(*args.child)
        return
    if args.db_url and args.memory:
        parser.error("--memory measures a SQLite headquarters; leave out --db-url")
    for kind in args.kind or ["complaints"]:
        print(f"--- {kind}: {args.records:,} records")
        if args.db_url:
            with pg_server.fresh_databases(args.db_url, 2) as (hq_url, copy_url):
                _run(kind, args.records, memory=args.memory, server=(hq_url, copy_url))
        else:
            _run(kind, args.records, memory=args.memory)


def _run(kind: str, records: int, *, memory: bool, server: tuple[str, str] | None = None) -> None:
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-sync-"))
    try:
        hq = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"), url=server and server[0])
        setup.init_hq(hq, "Bench HQ")
        template = root / "empty.sqlite3"
        if server is None:
            with sqlite3.connect(hq.paths.database) as live, sqlite3.connect(template) as copy:
                live.backup(copy)
        else:  # the COPY's target: the same schema and reference data, made the same way
            twin = open_desk(DeskPaths(root / "copy"), actor=Actor("bench"), url=server[1])
            setup.init_hq(twin, "Bench HQ")
            twin.close()
        enrollment = sync_hq.enroll_station(hq, "CLIF", root / "clif.enroll")
        st = open_desk(DeskPaths(root / "clif"), actor=Actor("bench"))
        sync_station.enroll_from_file(st, enrollment)
        t0 = time.perf_counter()
        rows = _fill(kind, st, records)
        print(f"fixture: {rows:,} records written in {time.perf_counter() - t0:.1f} s")

        t0 = time.perf_counter()
        result = sync_station.export_bundle(st, root / "stick")
        export_s = time.perf_counter() - t0
        assert result.path is not None
        size_mb = result.path.stat().st_size / 1e6
        print(f"export: {result.records:,} changes in {export_s:.2f} s "
              f"({result.records / export_s:,.0f}/s), bundle {size_mb:.1f} MB")  # fmt: skip

        if server is None:
            raw_rows, raw_s = _raw_baseline(st.paths.database, template, KINDS[kind])
            print(f"baseline: raw sqlite3 executemany of the same {raw_rows:,} rows: {raw_s:.2f} s "
                  f"({raw_rows / raw_s:,.0f} rows/s)")  # fmt: skip
        else:
            raw_rows, raw_s = pg_server.copy_from_sqlite(st.paths.database, server[1], KINDS[kind])
            print(f"baseline: raw COPY of the same {raw_rows:,} rows into the same tables on the "
                  f"server: {raw_s:.2f} s ({raw_rows / raw_s:,.0f} rows/s)")  # fmt: skip
            size_before = pg_server.database_size(server[0])
        raw_rate = raw_rows / raw_s
        st.close()

        if memory:
            hq.close()  # the child owns the store while it imports
            proc = subprocess.run(
                [sys.executable, "-m", "bench.sync", "--child", str(root / "hq"), str(result.path)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            status, peak_kb = proc.stdout.split()
            print(f"import (child process): {status}, peak memory {int(peak_kb) / 1024:.0f} MB "
                  f"(target < 500 MB)")  # fmt: skip
            hq = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"))
        else:
            t0 = time.perf_counter()
            if os.environ.get("CPLC_BENCH_PROFILE"):  # where an import's time goes
                profile = cProfile.Profile()
                outcomes = profile.runcall(bundle_import.import_bundles, hq, [result.path])
                pstats.Stats(profile).sort_stats(os.environ["CPLC_BENCH_PROFILE"]).print_stats(25)
            else:
                outcomes = bundle_import.import_bundles(hq, [result.path])
            import_s = time.perf_counter() - t0
            rate = rows / import_s
            target = "target >= 50% of COPY" if server else "target >= 60%, issue 14"
            print(f"import: {outcomes[0].status} {rows:,} records in {import_s:.2f} s "
                  f"({rate:,.0f} records/s) = {rate / raw_rate:.0%} of raw ({target})")  # fmt: skip
            if server is not None:
                grown = pg_server.database_size(server[0]) - size_before
                print(f"database size: +{grown / 1e6:.1f} MB for {rows:,} records "
                      f"({grown / 1e6 / rows * 100_000:.1f} MB per 100,000)")  # fmt: skip
                print(f"largest tables (with indexes): {pg_server.largest_tables(server[0])}")
        t0 = time.perf_counter()
        again = bundle_import.import_bundles(hq, [result.path])
        dup_s = time.perf_counter() - t0
        print(f"duplicate: {again[0].status} in {dup_s * 1000:.0f} ms (target < 1000 ms)")
        hq.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
