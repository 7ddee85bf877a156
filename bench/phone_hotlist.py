"""Handsets in the hotlist: headquarters writes N open phone thefts, a station imports them; the
import's peak memory (the importing process's own ``VmHWM``, a fresh process each) at two sizes, and with the batches turned off
(one batch the size of the list) in the same run, beside a process that only opens the desk;
then verify-phone at the station, answered from the hotlist.

    python -m bench.phone_hotlist                  # 10,000 and 100,000 handsets
    python -m bench.phone_hotlist --phones 20000,200000

Target (issue 15): a city hotlist of 100,000 handsets loads in bounded memory.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cplc_desk.domain import imei
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.ids import uuid7
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import sync_hq
from cplc_desk.services.phones import phones
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles import hotlist

# Run in a fresh process: open the station desk, import the hotlist (unless "open-only"), with
# the batch size given (0: the module's own).
_CHILD = """
import sys
from pathlib import Path
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.vehicles import hotlist, hotlist_rows
desk, path, batch = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
if batch:
    hotlist_rows.store_lines.__defaults__ = (batch,)
ctx = open_desk(DeskPaths(desk), actor=Actor("bench"))
if path != "open-only":
    print(hotlist.import_hotlist(ctx, Path(path)).phones)
ctx.close()
status = Path("/proc/self/status").read_text()
print(int(status.split("VmHWM:")[1].split()[0]) / 1024)  # this process's own peak, in MB
"""


def _valid(n: int) -> str:
    body = f"35{n:012d}"
    return body + imei.check_digit(body)


def fill_phones(db: Path, n: int, start: int = 0) -> None:
    """``n`` open stolen or snatched handsets straight into headquarters' table (the hotlist
    export reads nothing else); half of them dual-SIM."""
    now = now_utc().strftime("%Y-%m-%d %H:%M:%S.000000")
    conn = sqlite3.connect(db)
    rng = random.Random(5)
    rows = [
        (uuid7(), f"CLIF-P-2026-{i:07d}", rng.choice(["stolen", "snatched"]), _valid(2 * i),
         _valid(2 * i + 1) if i % 2 else None, False, rng.choice(["Samsung", "Tecno", "Vivo"]),
         "A52", "Black", "CLIF", "open", "CLIF", now, "bench", now, "bench", 1)
        for i in range(start, start + n)
    ]  # fmt: skip
    with conn:
        conn.executemany(
            "INSERT INTO phone_report (id, number, kind, imei, imei2, imei_altered, make, model, "
            "colour, police_station_code, status, origin_desk, created_at, created_by, "
            "updated_at, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()


def peak(desk: Path, path: Path | str, batch: int = 0) -> tuple[float, float, str]:
    """Peak MB, seconds and output of one import in a fresh process. (Not ``wait4``'s
    ``ru_maxrss``: a child started from this process can report this process's own size.)"""
    start = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(desk), str(path), str(batch)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    *out, mb = run.stdout.split()
    return float(mb), time.monotonic() - start, " ".join(out)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.phone_hotlist")
    parser.add_argument("--phones", default="10000,100000")
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.phones.split(",")]
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-phone-hotlist-"))
    try:
        hq = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"))
        setup.init_hq(hq, "Bench HQ")
        enrollment = sync_hq.enroll_station(hq, "SADD", root / "sadd.cplcenroll")
        st = open_desk(DeskPaths(root / "sadd"), actor=Actor("bench"))
        sync_station.enroll_from_file(st, enrollment)
        st.close()
        base_mb, _seconds, _ = peak(root / "sadd", "open-only")
        print(f"baseline: a process that only opens the station desk: peak {base_mb:.0f} MB")
        held = 0
        for n in sizes:
            fill_phones(hq.paths.database, n - held, start=held)
            held = n
            t0 = time.perf_counter()
            written = hotlist.export_hotlist(hq, root / "stick")
            export_s = time.perf_counter() - t0
            size_mb = written.path.stat().st_size / 1e6
            print(f"{n:,} handsets: export {export_s:.2f} s, file {size_mb:.1f} MB")
            mb, seconds, out = peak(root / "sadd", written.path)
            assert out == str(n), out
            print(f"  import in batches of 10,000: peak {mb:.0f} MB ({mb - base_mb:+.0f} MB over "
                  f"opening the desk), {seconds:.2f} s with start-up")  # fmt: skip
            again = hotlist.export_hotlist(hq, root / "stick")  # the desk holds the last one
            mb, seconds, out = peak(root / "sadd", again.path, batch=10**9)
            print(f"  import in one batch (no batching): peak {mb:.0f} MB "
                  f"({mb - base_mb:+.0f} MB), {seconds:.2f} s")  # fmt: skip

        st = open_desk(DeskPaths(root / "sadd"), actor=Actor("bench"))
        rng = random.Random(3)
        picks = [_valid(rng.randrange(2 * held)) for _ in range(args.samples)]
        ms = []
        for number in picks:
            t0 = time.perf_counter()
            phones.verify_phone(st, number)
            ms.append((time.perf_counter() - t0) * 1000)
        q = statistics.quantiles(ms, n=20)
        print(f"verify-phone at the station ({held:,} handsets held, half the picks in it, the "
              f"rest looked up one digit away too): median {statistics.median(ms):.2f} ms, "
              f"p95 {q[18]:.2f} ms")  # fmt: skip
        st.close()
        hq.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
