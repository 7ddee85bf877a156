"""The complaints list and search over a large store, and receipt rendering.

    python -m bench.complaints                      # 1,000,000 complaints (a few minutes)
    python -m bench.complaints --complaints 100000

Prints, beside same-run baselines: time to open the list (first page, and the count), search
latency (median and 95th percentile) for each kind of search, and receipt rendering time beside
a bare ReportLab page with a QR code. Targets (issue 3): list open < 0.3 s; exact searches
(receipt number, CNIC, mobile, FIR) < 20 ms p95; name and narrative searches < 100 ms p95;
a receipt within 3x the bare page.
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
from collections.abc import Callable
from pathlib import Path

from bench.fixtures import fill_complaints
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.storage import search


def _timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _p(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"median {statistics.median(values):6.1f} ms, p95 {p95:6.1f} ms"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.complaints")
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-complaints-"))
    try:
        ctx = open_desk(DeskPaths(root / "desk"), actor=Actor("bench"))
        setup.init_station(ctx, "CLIF")
        t0 = time.perf_counter()
        fill_complaints(ctx, args.complaints)
        print(f"fixture: {args.complaints:,} complaints in {time.perf_counter() - t0:.0f} s")
        with ctx.unit_of_work() as s:
            t0 = time.perf_counter()
            indexed = search.catch_up(s)
        print(
            f"full-text index: {indexed:,} complaints indexed in {time.perf_counter() - t0:.1f} s"
        )
        ctx.close()
        ctx = open_desk(DeskPaths(root / "desk"), actor=Actor("bench"))  # cold-ish: new connections

        first = _timed(
            lambda: complaint_list.list_page(ctx, complaint_list.ComplaintQuery()), repeat=5
        )
        counted = _timed(
            lambda: complaint_list.count(ctx, complaint_list.ComplaintQuery()), repeat=3
        )
        deep = complaint_list.list_page(ctx, complaint_list.ComplaintQuery())
        for _ in range(50):  # scroll 10,000 rows down
            assert deep.next is not None
            deep = complaint_list.list_page(ctx, complaint_list.ComplaintQuery(), after=deep.next)
        paged = _timed(
            lambda: complaint_list.list_page(ctx, complaint_list.ComplaintQuery(), after=deep.next),
            repeat=5,
        )
        print(f"list open: first page {_p(first)}; count {_p(counted)} (target < 300 ms)")
        print(f"list scroll: a page 10,000 rows down {_p(paged)}")

        raw = sqlite3.connect(root / "desk" / "cplc_desk.sqlite3")
        rng = random.Random(7)
        picks = raw.execute(
            "SELECT c.number, p.cnic, p.mobile, c.fir_key, p.name FROM complaint c "
            "JOIN person p ON p.id = c.complainant_id WHERE c.fir_key IS NOT NULL "
            "ORDER BY random() LIMIT ?",
            (args.samples,),
        ).fetchall()
        words = ["snatched", "gunpoint wallet", "motorcycle", "bus stop", "police station"]
        cases: dict[str, list[str]] = {
            "receipt number": [p[0] for p in picks],
            "CNIC": [p[1] for p in picks],
            "mobile": [p[2] for p in picks],
            "FIR number": [p[3] for p in picks],
            "name": [p[4] for p in picks],
            "narrative words": [rng.choice(words) for _ in picks],
        }
        baseline = _timed(
            lambda: raw.execute("SELECT id FROM person WHERE cnic = ?", (rng.choice(cases["CNIC"]),)).fetchall(),
            repeat=len(picks),
        )  # fmt: skip
        print(f"baseline: raw sqlite3 indexed CNIC lookup {_p(baseline)}")
        for kind, values in cases.items():
            it = iter(values)
            times = _timed(
                lambda it=it: complaint_list.list_page(
                    ctx, complaint_list.ComplaintQuery(text=next(it))
                ),
                repeat=len(values),
            )
            target = 20 if kind in ("receipt number", "CNIC", "mobile", "FIR number") else 100
            print(f"search {kind:16}: {_p(times)} (target p95 < {target} ms)")
        raw.close()

        try:
            from bench.receipts import receipt_vs_bare

            receipt_vs_bare(ctx)
        except ImportError as exc:
            print(f"receipts: skipped ({exc})")
        ctx.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
