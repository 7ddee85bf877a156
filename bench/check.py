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
from datetime import datetime
from pathlib import Path

from bench.fixtures import fill_complaints
from cplc_desk.domain.audit import entry_hash
from cplc_desk.domain.enums import AuditAction
from cplc_desk.paths import DB_FILENAME, DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.storage import audit, record_seal


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


def _raw_audit_walk(db: Path) -> tuple[float, int]:
    """The audit trail walked in plain sqlite3 with the same hashing as ``check``: each entry's
    hash recomputed from its fields (the least a chain check must do)."""
    conn = sqlite3.connect(db)
    t0 = time.perf_counter()
    n = 0
    sql = ("SELECT entry_id, at, desk_code, actor, action, record_table, record_id, details, "
           "prev_hash, entry_hash FROM audit_log ORDER BY seq")  # fmt: skip
    for entry_id, at, desk, actor, action, table, record, details, prev, _h in conn.execute(sql):
        entry_hash(
            prev_hash=prev, entry_id=entry_id, at=datetime.fromisoformat(at), desk_code=desk,
            actor=actor, action=action, record_table=table, record_id=record, details=details,
        )  # fmt: skip
        n += 1
    seconds = time.perf_counter() - t0
    conn.close()
    return seconds, n


def _audit_walk(ctx: DeskContext) -> float:
    t0 = time.perf_counter()
    with ctx.store.read() as s:
        breaks = list(audit.verify_chain(s))
    assert breaks == [], breaks[:3]
    return time.perf_counter() - t0


def _add_audit_entries(ctx: DeskContext, n: int) -> None:
    """``n`` more audit entries (look-ups, as a busy desk makes them), in batches."""
    done = 0
    while done < n:
        with ctx.unit_of_work() as s:
            for i in range(min(5_000, n - done)):
                ctx.audit(s, AuditAction.RECORD_VIEWED, details={"number": f"CLIF-C-{i}"})
        done += min(5_000, n - done)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.check")
    parser.add_argument("--complaints", type=int, default=50_000)
    parser.add_argument("--audit-entries", type=int, default=100_000)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-check-"))
    try:
        ctx = open_desk(DeskPaths(root / "clif"), actor=Actor("bench"))
        setup.init_station(ctx, "CLIF")
        records = fill_complaints(ctx, args.complaints)
        _add_audit_entries(ctx, args.audit_entries)
        raw_audit_s, entries = _raw_audit_walk(root / "clif" / DB_FILENAME)
        audit_s = _audit_walk(ctx)
        print(f"audit chain: {entries:,} entries walked in {audit_s:.2f} s; raw sqlite3 walk with "
              f"the same hashing {raw_audit_s:.2f} s: {audit_s / raw_audit_s:.2f}x "
              f"(target at most 2x)")  # fmt: skip
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
