"""Headquarters' city-wide lists over a large merged store: records from every station (about a
hundred), listed newest first, filtered by station or district, and searched.

    python -m bench.citywide                                  # 1,000,000 complaints + 1,000,000 vehicle reports
    python -m bench.citywide --complaints 100000 --vehicles 100000

For each case prints the app's page (``services.complaint_list.list_page`` /
``services.vehicle_list.list_page``, 200 rows and the look-ahead row) beside a same-run baseline:
the equivalent query in raw sqlite3 (the same joins, filters, order and LIMIT, as a programmer
would write it, with SQLite choosing the plan). Median and 95th percentile. Target: every case
under 100 ms p95 at a million records (issue 6: "the lists must stay fast at a million").

    python -m bench.citywide --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres

``--db-url``: headquarters on a PostgreSQL server (a throwaway database made beside the one
named, dropped after); the baseline is then the same raw SQL through psycopg on the server (a
name search as the app does it there today: the folded name key or the narrative, with LIKE),
and the database's size after each kind is filled is printed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import pg_server
from bench.fixtures import fill_complaints, fill_vehicles
from cplc_desk.domain.records import name_key
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.vehicles import vehicle_list as vl
from cplc_desk.storage import search

LIMIT = complaint_list.PAGE + 1


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _p(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"{statistics.median(values):7.1f} / {p95:7.1f} ms"


_COMPLAINT_PAGE = (
    "SELECT c.*, p.name, p.cnic, p.mobile FROM complaint c JOIN person p "
    "ON p.id = c.complainant_id WHERE c.deleted_at IS NULL {where} "
    "ORDER BY c.created_at DESC, c.id DESC LIMIT {limit}"
)
_VEHICLE_PAGE = (
    "SELECT v.*, p.name, p.cnic FROM vehicle_report v LEFT JOIN person p ON p.id = v.owner_id "
    "WHERE v.deleted_at IS NULL {where} ORDER BY v.created_at DESC, v.id DESC LIMIT {limit}"
)
_IN_DISTRICT = "IN (SELECT code FROM ref_police_station WHERE district_code = ?)"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.citywide")
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--vehicles", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--db-url", help="headquarters on a PostgreSQL server (see above)")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-citywide-"))
    try:
        with pg_server.database_or_none(args.db_url) as url:
            _run(root, args, url)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _fill(ctx: DeskContext, args: argparse.Namespace, codes: list[str], url: str | None) -> None:
    def size(after: str) -> None:
        if url is not None:
            print(f"database size after {after}: {pg_server.database_size(url) / 1e6:,.0f} MB")
            print(f"  largest tables (with indexes): {pg_server.largest_tables(url)}")

    size("set-up")
    t0 = time.perf_counter()
    fill_complaints(ctx, args.complaints, station_codes=codes)
    print(f"fixture: {args.complaints:,} complaints in {time.perf_counter() - t0:.0f} s")
    size("the complaints (with their complainants)")
    t0 = time.perf_counter()
    fill_vehicles(ctx, args.vehicles, station_codes=codes)
    print(
        f"fixture: {args.vehicles:,} vehicle reports from {len(codes)} stations in "
        f"{time.perf_counter() - t0:.0f} s"
    )
    size("the vehicle reports")
    with ctx.unit_of_work() as s:
        t0 = time.perf_counter()
        indexed = search.catch_up(s)
    print(f"full-text index: {indexed:,} complaints in {time.perf_counter() - t0:.0f} s")


def _run(root: Path, args: argparse.Namespace, url: str | None) -> None:
    ctx = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"), url=url)
    setup.init_hq(ctx, "CPLC HQ")
    stations = reference.stations(ctx)
    codes = [st.code for st in stations]
    _fill(ctx, args, codes, url)
    ctx.close()
    ctx = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"), url=url)
    if url is not None:
        pg_server.vacuum_analyze(ctx.store.engine)

    raw = pg_server.RawConnection(ctx.paths.database, url)
    rng = random.Random(11)
    n = args.samples
    picks = raw.execute(
        "SELECT c.number, p.cnic, p.name FROM complaint c JOIN person p "
        "ON p.id = c.complainant_id ORDER BY random() LIMIT ?",
        (n,),
    )
    vehicle_numbers = [
        r[0]
        for r in raw.execute("SELECT number FROM vehicle_report ORDER BY random() LIMIT ?", (n,))
    ]
    districts = sorted({st.district_code for st in stations})
    station_picks = [rng.choice(codes) for _ in range(n)]
    district_picks = [rng.choice(districts) for _ in range(n)]

    def cycle(values: list[str]) -> Callable[[], str]:
        it = iter(values * 2)
        return lambda: next(it)

    def raw_fts(name: str) -> list[object]:
        if raw.server:  # no full-text index there today: what the app does, by hand
            return raw_page(
                _COMPLAINT_PAGE, "AND (p.name_key LIKE ? OR c.narrative ILIKE ?)",
                f"%{name_key(name)}%", f"%{name.strip()}%",
            )  # fmt: skip
        expression = search.match_expression(name)
        return raw.execute(
            "SELECT c.*, p.name FROM complaint_fts f JOIN complaint c ON c.rowid = f.rowid "
            "JOIN person p ON p.id = c.complainant_id WHERE complaint_fts MATCH ? "
            "AND c.deleted_at IS NULL ORDER BY f.rowid DESC LIMIT ?",
            (expression, LIMIT),
        )

    def raw_page(sql: str, where: str, *params: object) -> list[object]:
        return raw.execute(sql.format(where=where, limit=LIMIT), params)

    complaint_cases: list[tuple[str, list[str], Callable[[str], object], Callable[[str], object]]] = [
        ("first page", [""] * n,
         lambda _v: complaint_list.list_page(ctx, complaint_list.ComplaintQuery()),
         lambda _v: raw_page(_COMPLAINT_PAGE, "")),
        ("station filter", station_picks,
         lambda v: complaint_list.list_page(ctx, complaint_list.ComplaintQuery(stations=(v,))),
         lambda v: raw_page(_COMPLAINT_PAGE, "AND c.police_station_code = ?", v)),
        ("district filter", district_picks,
         lambda v: complaint_list.list_page(ctx, complaint_list.ComplaintQuery(districts=(v,))),
         lambda v: raw_page(_COMPLAINT_PAGE, f"AND c.police_station_code {_IN_DISTRICT}", v)),
        ("receipt number", [p[0] for p in picks],
         lambda v: complaint_list.list_page(ctx, complaint_list.ComplaintQuery(text=v)),
         lambda v: raw_page(_COMPLAINT_PAGE, "AND c.number = ?", v)),
        ("CNIC", [p[1] for p in picks],
         lambda v: complaint_list.list_page(ctx, complaint_list.ComplaintQuery(text=v)),
         lambda v: raw_page(_COMPLAINT_PAGE, "AND p.cnic = ?", v)),
        ("name", [p[2] for p in picks],
         lambda v: complaint_list.list_page(ctx, complaint_list.ComplaintQuery(text=v)),
         raw_fts),
    ]  # fmt: skip
    vehicle_cases: list[tuple[str, list[str], Callable[[str], object], Callable[[str], object]]] = [
        ("first page", [""] * n,
         lambda _v: vl.list_page(ctx, vl.VehicleQuery()),
         lambda _v: raw_page(_VEHICLE_PAGE, "")),
        ("station filter", station_picks,
         lambda v: vl.list_page(ctx, vl.VehicleQuery(stations=(v,))),
         lambda v: raw_page(_VEHICLE_PAGE, "AND v.police_station_code = ?", v)),
        ("district filter", district_picks,
         lambda v: vl.list_page(ctx, vl.VehicleQuery(districts=(v,))),
         lambda v: raw_page(_VEHICLE_PAGE, f"AND v.police_station_code {_IN_DISTRICT}", v)),
        ("report number", vehicle_numbers,
         lambda v: vl.list_page(ctx, vl.VehicleQuery(text=v)),
         lambda v: raw_page(_VEHICLE_PAGE, "AND v.number = ?", v)),
    ]  # fmt: skip
    baseline_name = "raw SQL on the server" if raw.server else "raw sqlite3"
    print(f"{'case':34} {'app median / p95':>22} {baseline_name + ' median / p95':>30}")
    for label, cases in (("complaints", complaint_cases), ("vehicles", vehicle_cases)):
        for name, values, app, baseline in cases:
            app(values[0])  # warm the pages this case reads, for both
            baseline(values[0])
            next_app, next_raw = cycle(values), cycle(values)
            app_times = _timed(lambda f=app, v=next_app: f(v()), len(values))
            raw_times = _timed(lambda f=baseline, v=next_raw: f(v()), len(values))
            print(f"{label + ': ' + name:34} {_p(app_times):>22} {_p(raw_times):>30}")
    print("(CNIC searches include the audit entry the app writes for every person look-up)")
    raw.close()
    ctx.close()


if __name__ == "__main__":
    main(sys.argv[1:])
