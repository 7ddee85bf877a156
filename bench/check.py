"""``cplc-desk check`` on a station's store: the record seals (every record compared with its
last logged image, the change log's chain walked) and the whole check, beside a raw sqlite3 read
of the same rows (the same run, the same machine).

    python -m bench.check                    # 50,000 complaints (+ their complainants)
    python -m bench.check --complaints 200000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import fill_complaints
from cplc_desk.paths import DB_FILENAME, DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.storage import record_seal


def _raw_read(db: Path, *, digest: bool = False) -> tuple[float, int]:
    """Every change-log row and every record row fetched in plain sqlite3; with ``digest`` each
    also written as JSON and hashed (the least any content check must do)."""
    conn = sqlite3.connect(db)
    t0 = time.perf_counter()
    rows = 0
    for sql in ("SELECT * FROM change_log ORDER BY seq", "SELECT * FROM person",
                "SELECT * FROM complaint"):  # fmt: skip
        for row in conn.execute(sql):
            if digest:
                hashlib.sha256(json.dumps(row, sort_keys=True).encode()).digest()
            rows += 1
    seconds = time.perf_counter() - t0
    conn.close()
    return seconds, rows


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.check")
    parser.add_argument("--complaints", type=int, default=50_000)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-check-"))
    try:
        ctx = open_desk(DeskPaths(root / "clif"), actor=Actor("bench"))
        setup.init_station(ctx, "CLIF")
        records = fill_complaints(ctx, args.complaints)
        raw_s, rows = _raw_read(root / "clif" / DB_FILENAME)
        hashed_s, _ = _raw_read(root / "clif" / DB_FILENAME, digest=True)
        print(f"baseline: raw sqlite3 read of {rows:,} rows (log + records): {raw_s:.2f} s; "
              f"read, JSON and SHA-256 of each row: {hashed_s:.2f} s")  # fmt: skip
        t0 = time.perf_counter()
        with ctx.store.read() as s:
            sealed = record_seal.verify(s, "CLIF")
        seal_s = time.perf_counter() - t0
        assert sealed.total == 0, sealed.breaks[:3]
        print(f"record seals: {sealed.records:,} records, {sealed.log_rows:,} logged versions "
              f"in {seal_s:.2f} s = {seal_s / raw_s:.1f}x the raw read, "
              f"{seal_s / hashed_s:.1f}x read + hash")  # fmt: skip
        t0 = time.perf_counter()
        report = check_store(ctx)
        check_s = time.perf_counter() - t0
        assert report.ok, report.problems[:3]
        print(f"whole check ({', '.join(report.checks)}): {check_s:.2f} s "
              f"= {check_s / raw_s:.1f}x the raw read; {records:,} records")  # fmt: skip
        ctx.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
