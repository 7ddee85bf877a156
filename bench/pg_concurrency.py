"""Headquarters on a PostgreSQL server: a vehicle check at one workstation while another
workstation imports a large bundle, beside the same checks with no import, in one run.

    python -m bench.pg_concurrency --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres
    python -m bench.pg_concurrency --db-url ... --records 20000 --checks 30
    python -m bench.pg_concurrency --db-url ... --vehicles 1000000 --processes --imports 4

The URL names a server and a database to connect to for administration; the benchmark creates a
throwaway database beside it and drops it at the end. The importing workstation is a second
process with its own connection. Every check writes its audit entry in an audit-only unit of
work, which does not wait for the writers' lock the import holds for its whole transaction, only
for the audit lock, held by a transaction as it commits (storage/db.py): the checks during the
import should take about as long as those without one.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from bench import pg_server
from bench.fixtures import fill_complaints, fill_vehicles
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles import verification
from cplc_desk.storage.models import VehicleReport


def _summary(ms: list[float]) -> str:
    if not ms:
        return "no checks"
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"{len(ms)} checks: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"


def _wal_position(ctx: DeskContext) -> int:
    """Bytes of write-ahead log the server has written since it was made."""
    with ctx.store.read() as s:
        return int(s.execute(text("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")).scalar_one())


def _import_child(data_dir: str, url: str, bundle: str) -> None:
    """The other workstation: its own process and connection, importing the bundle."""
    ctx = open_desk(DeskPaths(Path(data_dir)), actor=Actor("importer"), url=url)
    started = time.time()
    outcomes = bundle_import.import_bundles(ctx, [Path(bundle)])
    print(json.dumps({"status": outcomes[0].status, "start": started, "end": time.time()}))
    ctx.close()


def _checker_child(data_dir: str, url: str, spec: str) -> None:
    """One helpline workstation: its own process and connection, a check every ``every`` seconds
    from ``offset`` on, ``count`` of them, or while the file ``until`` does not exist yet."""
    job = json.loads(spec)
    ctx = open_desk(DeskPaths(Path(data_dir)), actor=Actor("helpline"), url=url)
    verification.verify(ctx, job["picks"][0])  # a workstation that has been running: warm
    out: list[tuple[float, float]] = []
    time.sleep(job["offset"])
    i = 0
    until = Path(job["until"]) if job["until"] else None
    while (until is None and i < job["count"]) or (until is not None and not until.exists()):
        t0, started = time.perf_counter(), time.time()
        verification.verify(ctx, job["picks"][i % len(job["picks"])])
        out.append((started, (time.perf_counter() - t0) * 1000))
        i += 1
        time.sleep(max(0.0, job["every"] - (time.perf_counter() - t0)))
    ctx.close()
    print(json.dumps(out))


def _checkers(
    root: Path, url: str, picks: list[str], count: int, until: Path | None
) -> list[subprocess.Popen[str]]:
    """Three helpline workstations as three processes, staggered so a check arrives every 50 ms."""
    procs = []
    for n in range(3):
        spec = {"picks": picks[n::3] or picks, "count": count // 3, "every": 0.15,
                "offset": 0.05 * n, "until": str(until) if until else ""}  # fmt: skip
        command = [sys.executable, "-m", "bench.pg_concurrency", "--checker",
                   str(root / f"helpline-{n}"), url, json.dumps(spec)]  # fmt: skip
        procs.append(subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
    return procs


def _collected(procs: list[subprocess.Popen[str]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for proc in procs:
        text_out, _ = proc.communicate()
        out += [tuple(x) for x in json.loads(text_out.strip().splitlines()[-1])]  # type: ignore[misc]
    return out


def _checks(
    desks: list[DeskContext], picks: list[str], count: int, until: subprocess.Popen[str] | None
) -> list[tuple[float, float]]:
    """(start time, milliseconds) of checks arriving every 50 ms as independent calls (each in
    its own thread, round-robin over the helpline's desks): ``count`` of them, or with ``until``
    as many as arrive while that process runs. A check that waits does not delay the next."""
    out: list[tuple[float, float]] = []
    threads: list[threading.Thread] = []

    def one(ctx: DeskContext, ident: str) -> None:
        t0, started = time.perf_counter(), time.time()
        verification.verify(ctx, ident)
        out.append((started, (time.perf_counter() - t0) * 1000))

    i = 0
    while (until is None and i < count) or (until is not None and until.poll() is None):
        t = threading.Thread(target=one, args=(desks[i % len(desks)], picks[i % len(picks)]))
        t.start()
        threads.append(t)
        i += 1
        time.sleep(0.05)
    for t in threads:
        t.join()
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pg_concurrency")
    parser.add_argument("--db-url", help="a PostgreSQL server (postgresql+psycopg://...)")
    parser.add_argument("--records", type=int, default=20_000, help="records in the bundle")
    parser.add_argument("--checks", type=int, default=30, help="checks without an import")
    parser.add_argument(
        "--vehicles", type=int, default=5_000, help="vehicle reports headquarters holds"
    )
    parser.add_argument(
        "--imports", type=int, default=1,
        help="bundles imported one after another (each from its own station), checks throughout",
    )  # fmt: skip
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--checker", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument(
        "--processes",
        action="store_true",
        help="each helpline desk its own process (as on its own PC), not a thread of this one",
    )
    args = parser.parse_args(argv)
    if args.child:
        _import_child(*args.child)
        return
    if args.checker:
        _checker_child(*args.checker)
        return
    if args.imports < 1:
        parser.error("--imports takes 1 or more (a bundle from each of that many stations)")
    if not args.db_url:
        parser.error("give --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres")
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-pgc-"))
    try:
        with pg_server.fresh_databases(args.db_url, 1) as (url,):
            _run(root, url, args, args.processes)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(root: Path, url: str, args: argparse.Namespace, processes: bool) -> None:
    records, checks = args.records, args.checks
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("helpline"), url=url)
    setup.init_hq(hq, "Bench HQ")
    fill_vehicles(hq, args.vehicles)
    pg_server.vacuum_analyze(hq.store.engine)
    with hq.store.read() as s:
        held = s.scalars(select(VehicleReport.registration).limit(checks))
        picks = [r for r in held if r]
    picks += [f"ZZZ-{n:04d}" for n in range(max(1, checks // 5))]  # not held: near look-ups too
    bundles, rows = [], 0
    codes = [st.code for st in reference.stations(hq)][: args.imports]  # a stick from each
    if len(codes) < args.imports:
        raise SystemExit(f"--imports {args.imports}: headquarters knows {len(codes)} stations")
    for code in codes:
        enrollment = sync_hq.enroll_station(hq, code, root / f"{code}.enroll")
        st = open_desk(DeskPaths(root / code), actor=Actor("bench"))
        sync_station.enroll_from_file(st, enrollment)
        rows = fill_complaints(st, records // 2)
        bundle = sync_station.export_bundle(st, root / "stick" / code).path
        st.close()
        assert bundle is not None
        bundles.append(bundle)
    print(f"fixture: headquarters with {args.vehicles:,} vehicle reports; "
          f"{len(bundles)} bundle(s) of {rows:,} records")  # fmt: skip

    # The helpline: three desks (own engines and connections), checks shared among them.
    desks = [hq] + [
        open_desk(DeskPaths(root / f"helpline-{n}"), actor=Actor("helpline"), url=url)
        for n in (1, 2)
    ]
    for d in desks[1:]:
        d.actor = hq.actor

    def importing(bundle: Path) -> tuple[subprocess.Popen[str], int]:
        """The other workstation starts importing a bundle; with the server's WAL position."""
        command = [sys.executable, "-m", "bench.pg_concurrency", "--child", str(root / "hq"),
                   url, str(bundle)]  # fmt: skip
        wal = _wal_position(hq)
        return subprocess.Popen(command, stdout=subprocess.PIPE, text=True), wal

    def imported(child: subprocess.Popen[str], wal: int) -> dict[str, Any]:
        """That import's span and status, and the write-ahead log the server wrote meanwhile
        (the whole server's: the checks' audit entries too)."""
        out, _ = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"the importing process failed (exit {child.returncode})")
        span: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
        if span["status"] != "accepted":
            raise SystemExit(f"an import was {span['status']}, not accepted")
        return span | {"wal": _wal_position(hq) - wal}

    spans: list[dict[str, Any]] = []
    try:
        if processes:  # each helpline desk its own process, as each is its own PC
            quiet = [ms for _, ms in _collected(_checkers(root, url, picks, checks, None))]
            stop = root / "import-ended"
            procs = _checkers(root, url, picks, 0, stop)
            try:
                time.sleep(3)  # every workstation checking before the import starts
                for bundle in bundles:  # the day's sticks, one after another
                    spans.append(imported(*importing(bundle)))
                    time.sleep(1)  # the next stick goes in
            finally:
                stop.touch()  # the checkers end whatever happened
                timed = _collected(procs)
        else:
            quiet = [ms for _, ms in _checks(desks, picks, checks, None)]
            timed = []
            for bundle in bundles:
                child, wal = importing(bundle)
                timed += _checks(desks, picks, 0, child)
                spans.append(imported(child, wal))
    finally:
        for d in desks:
            d.close()
    during = [(ms, n, started - span["start"]) for started, ms in timed
              for n, span in enumerate(spans, 1) if span["start"] <= started <= span["end"]]  # fmt: skip
    print(f"helpline desks as {'processes' if processes else 'threads of one process'}; "
          f"{len(spans)} import(s) at the other workstation, each accepted: "
          + ", ".join(f"{span['end'] - span['start']:.2f} s and {span['wal'] / 1e6:.0f} MB of "
                      "write-ahead log" for span in spans))  # fmt: skip
    print(f"verify-vehicle, no import:        {_summary(quiet)}")
    print(f"verify-vehicle, during the imports: {_summary([ms for ms, _, _ in during])}")
    # Which import each of the slowest checks came in, and when in it.
    print("slowest during the imports: " + ", ".join(
        f"{ms:.0f} ms at {at:.2f} s of import {n}" for ms, n, at in sorted(during)[-5:]))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
