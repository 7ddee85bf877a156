"""Moving a SQLite headquarters to a PostgreSQL server (``move-hq``): time and rows per second.

    python -m bench.move_hq --server postgresql+psycopg://cplc:cplc@127.0.0.1:5432/postgres
    python -m bench.move_hq --server URL --complaints 25000 --vehicles 15000 --phones 10000

Makes a headquarters whose records come from every station, creates an empty database on the
server (dropped afterwards), and runs the same service as ``cplc-desk move-hq``: schema by the
migrations, every table copied, compared and the store checked on the server, then switched.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import make_url

from bench import pg_server
from bench.fixtures import fill_complaints, fill_phones, fill_vehicles
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import move, reference, setup
from cplc_desk.services.desk.context import Actor, open_desk


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.move_hq")
    parser.add_argument("--server", required=True, help="a URL whose user may create databases")
    parser.add_argument("--complaints", type=int, default=25_000)
    parser.add_argument("--vehicles", type=int, default=15_000)
    parser.add_argument("--phones", type=int, default=10_000)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-move-"))
    try:
        with pg_server.fresh_databases(args.server, 1) as (url,):
            ctx = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"))
            setup.init_hq(ctx, "CPLC HQ")
            codes = [st.code for st in reference.stations(ctx)]
            fill_complaints(ctx, args.complaints, station_codes=codes)
            fill_vehicles(ctx, args.vehicles, station_codes=codes)
            fill_phones(ctx, args.phones, station_codes=codes)
            records = args.complaints + args.vehicles + args.phones
            size = (root / "hq" / "cplc_desk.sqlite3").stat().st_size
            t0 = time.perf_counter()
            report = move.move_to_server(ctx, make_url(url))
            seconds = time.perf_counter() - t0
            ctx.close()
            print(
                f"{records:,} records ({report.rows:,} rows in {report.tables} tables, SQLite file "
                f"{size / 1e6:.0f} MB) moved, compared and checked in {seconds:.1f} s: "
                f"{report.rows / seconds:,.0f} rows/s"
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
