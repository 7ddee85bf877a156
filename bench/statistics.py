"""A month's crime statistics at headquarters over a large merged store, vs hand-written
GROUP BY queries for the same counts in the same run.

    python -m bench.statistics                                 # 1,000,000 complaints + 1,000,000 vehicle reports
    python -m bench.statistics --complaints 200000 --vehicles 200000
    python -m bench.statistics --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres

The app's side is :func:`cplc_desk.services.statistics.report.compute` (with its audit entry).
The baseline is raw sqlite3 with the queries a programmer would write for the same figures: per
table, counts by station, vehicle class or category, kind and month (Pakistan time) over the
months compared, with tombstoned, withdrawn and duplicate records left out; street crime by hour
and weekday and makes stolen over the month. Runs alternate; medians. Target: at most 1.5x.

``--db-url``: headquarters on a PostgreSQL server (a throwaway database made beside the one
named, dropped after); the baseline is then the same queries written for PostgreSQL (Pakistan
months with ``to_char``), sent raw through psycopg.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import pg_server
from bench.fixtures import fill_complaints, fill_vehicles
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.statistics import Month, StatisticsRequest
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.statistics import report

_WHEN = "coalesce(t.incident_at, t.created_at)"
_MONTH = f"strftime('%Y-%m', {_WHEN}, '+5 hours')"
_HOUR_DAY = "strftime('%H', t.incident_at, '+5 hours'), strftime('%w', t.incident_at, '+5 hours')"
# The same on a server: Pakistan time is UTC+5 (no daylight saving).
_PK = "(timezone('UTC', {}) + interval '5 hours')"
_PG_MONTH = f"to_char({_PK.format(_WHEN)}, 'YYYY-MM')"
_PG_HOUR_DAY = (
    f"to_char({_PK.format('t.incident_at')}, 'HH24'), to_char({_PK.format('t.incident_at')}, 'D')"
)
_VEHICLE_DUP = """t.kind IN ('stolen','snatched') AND EXISTS (SELECT 1 FROM vehicle_report o
    WHERE o.kind IN ('stolen','snatched') AND o.deleted_at IS NULL AND o.origin_desk <> t.origin_desk
    AND (o.created_at < t.created_at OR (o.created_at = t.created_at AND o.id < t.id))
    AND ((t.registration_key IS NOT NULL AND o.registration_key = t.registration_key)
      OR (t.chassis_key IS NOT NULL AND o.chassis_key = t.chassis_key)
      OR (t.engine_key IS NOT NULL AND o.engine_key = t.engine_key)))"""
_PHONE_DUP = """t.kind IN ('stolen','snatched') AND EXISTS (SELECT 1 FROM phone_report o
    WHERE o.kind IN ('stolen','snatched') AND o.deleted_at IS NULL AND o.origin_desk <> t.origin_desk
    AND (o.created_at < t.created_at OR (o.created_at = t.created_at AND o.id < t.id))
    AND (o.imei IN (t.imei, t.imei2) OR o.imei2 IN (t.imei, t.imei2)))"""
_TABLES = {
    "complaint": ("''", "category_code", "AND t.status NOT IN ('withdrawn','duplicate')", None),
    "vehicle_report": ("vehicle_class", "kind", "", _VEHICLE_DUP),
    "phone_report": ("''", "kind", "", _PHONE_DUP),
}


def _bounds(first: Month, last: Month, server: bool = False) -> tuple[object, object]:
    def text(m: Month) -> str:
        return m.start_utc().strftime("%Y-%m-%d %H:%M:%S.%f")

    if server:  # the moments themselves (timestamptz columns)
        return first.start_utc(), last.shift(1).start_utc()
    return text(first), text(last.shift(1))


def _queries(month: Month, server: bool) -> list[tuple[str, tuple[object, ...]]]:
    """The figures' GROUP BY queries with their bounds, written for SQLite or the server."""
    window = _bounds(Month(month.year - 1, 1), month, server)
    asked = _bounds(month, month, server)
    month_of, hour_day = (_PG_MONTH, _PG_HOUR_DAY) if server else (_MONTH, _HOUR_DAY)
    out: list[tuple[str, tuple[object, ...]]] = []
    for table, (cls, kind, extra, dup) in _TABLES.items():
        kept = f"t.deleted_at IS NULL AND {_WHEN} >= ? AND {_WHEN} < ? {extra}"
        out += [
            (f"SELECT police_station_code, {cls}, {kind}, {month_of}, count(*) FROM {table} t "
             f"WHERE {kept} GROUP BY 1, 2, 3, 4", window),
            (f"SELECT {cls}, {kind}, {hour_day}, count(*) FROM {table} t WHERE {kept} "
             f"AND t.incident_at IS NOT NULL GROUP BY 1, 2, 3, 4", asked),
        ]  # fmt: skip
        if dup:
            out.append(
                (f"SELECT {cls}, {kind}, upper(trim(make)), coalesce(upper(trim(model)), ''), "
                 f"count(*) FROM {table} t WHERE {kept} AND kind IN ('stolen','snatched') "
                 f"AND make IS NOT NULL AND make <> '' GROUP BY 1, 2, 3, 4", asked)
            )  # fmt: skip
            out.append(
                (f"SELECT id, police_station_code, {cls}, {kind}, {month_of} FROM {table} t "
                 f"WHERE {kept} AND {dup}", window)
            )  # fmt: skip
    return out


def raw_counts(database: Path, month: Month, url: str | None = None) -> int:
    """The same figures with plain GROUP BY queries; returns the rows read back."""
    raw = pg_server.RawConnection(database, url)
    try:
        return sum(len(raw.execute(sql, args)) for sql, args in _queries(month, url is not None))
    finally:
        raw.close()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.statistics")
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--vehicles", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db-url", help="headquarters on a PostgreSQL server (see above)")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-statistics-"))
    try:
        with pg_server.database_or_none(args.db_url) as url:
            _run(root, args, url)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(root: Path, args: argparse.Namespace, url: str | None) -> None:
    ctx = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"), url=url)
    setup.init_hq(ctx, "CPLC HQ")
    codes = [st.code for st in reference.stations(ctx)]
    t0 = time.perf_counter()
    fill_complaints(ctx, args.complaints, station_codes=codes)
    fill_vehicles(ctx, args.vehicles, station_codes=codes)
    if url:
        pg_server.vacuum_analyze(ctx.store.engine)
    else:
        with ctx.store.write(actor="bench", desk_code="HQ") as s:
            s.connection().exec_driver_sql("ANALYZE")
    where = "a server" if url else "SQLite"
    print(f"filled {args.complaints:,} complaints + {args.vehicles:,} vehicle reports "
          f"from {len(codes)} stations on {where} in {time.perf_counter() - t0:.0f} s")  # fmt: skip
    month = Month.of(now_utc()).shift(-1)
    request = StatisticsRequest(month)
    app, raw = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = report.compute(ctx, request)
        app.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        raw_counts(ctx.paths.database, month, url)
        raw.append(time.perf_counter() - t0)
    counted = sum(r.count for r in result.rows)
    a, b = statistics.median(app), statistics.median(raw)
    print(f"month {month}: {counted:,} records counted in the month")
    print(f"report  {a:6.2f} s median ({min(app):.2f}-{max(app):.2f})")
    print(f"raw SQL {b:6.2f} s median ({min(raw):.2f}-{max(raw):.2f})")
    print(f"ratio   {a / b:6.2f}x (target at most 1.5x)")
    ctx.close()


if __name__ == "__main__":
    main(sys.argv[1:])
