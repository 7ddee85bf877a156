"""Station recovery: headquarters' snapshot of a station and restoring it on a new PC, beside
the import of the same records as one bundle (the same run, the same machine).

    python -m bench.recovery                    # 50,000 records (25,000 complaints + complainants)
    python -m bench.recovery --records 200000
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import fill_complaints
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import bundle_import, station_snapshot, sync_hq
from cplc_desk.services.station import station_recovery, sync_station


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.recovery")
    parser.add_argument("--records", type=int, default=50_000)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-recovery-"))
    try:
        hq = open_desk(DeskPaths(root / "hq"), actor=Actor("bench"))
        setup.init_hq(hq, "Bench HQ")
        st = open_desk(DeskPaths(root / "old"), actor=Actor("bench"))
        sync_station.enroll_from_file(st, sync_hq.enroll_station(hq, "CLIF", root / "e1"))
        rows = fill_complaints(st, args.records // 2)
        bundle = sync_station.export_bundle(st, root / "stick").path
        assert bundle is not None
        st.close()
        t0 = time.perf_counter()
        bundle_import.import_bundles(hq, [bundle])
        import_s = time.perf_counter() - t0
        print(f"baseline: bundle import of {rows:,} records: {import_s:.2f} s "
              f"({rows / import_s:,.0f}/s), bundle {bundle.stat().st_size / 1e6:.1f} MB")  # fmt: skip

        enrollment = sync_hq.enroll_station(hq, "CLIF", root / "e2")
        t0 = time.perf_counter()
        snap = station_snapshot.export_station_snapshot(hq, "CLIF", root / "snap")
        export_s = time.perf_counter() - t0
        size = snap.path.stat().st_size / 1e6
        print(f"snapshot: {rows:,} records written in {export_s:.2f} s "
              f"({rows / export_s:,.0f}/s), {size:.1f} MB")  # fmt: skip
        hq.close()

        new = open_desk(DeskPaths(root / "new"), actor=Actor("bench"))
        t0 = time.perf_counter()
        result = station_recovery.restore_station(new, enrollment, snap.path)
        restore_s = time.perf_counter() - t0
        restored = sum(result.records.values())
        print(f"restore: {restored:,} records in {restore_s:.2f} s ({restored / restore_s:,.0f}/s)"
              f" = {import_s / restore_s:.0%} of the bundle import rate")  # fmt: skip
        t0 = time.perf_counter()
        problems = check_store(new).problems
        print(f"check after restore: {problems or 'healthy'} "
              f"in {time.perf_counter() - t0:.2f} s")  # fmt: skip
        new.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
