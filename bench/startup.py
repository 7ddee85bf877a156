"""The window from start to usable on a large store, beside a bare window in the same run.

    python -m bench.startup [--sizes 100000,1000000] [--runs 5]

Each run is a fresh process, timed from its first line to the first paint of a shown window:
the desk's main window on a station holding ``size`` records (half complaints, half vehicle
reports), and a bare QMainWindow (the Qt start-up every window pays). Runs alternate. Targets
(issue 14): at most 1 s and at most 6x the bare window at 1,000,000 records, and flat as the
store grows. Counts that grow with the store (the Overview's figures, what waits to be sent)
load on a worker after the window is shown; they are not on the start path.

The children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), as an installed
desk does: pip and the frozen app ship compiled modules. The warm-up pair writes the caches, so a
machine that sets the variable does not time the compiling of every module as "start-up".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# As `cplc-desk` starts its window (cli/main.py): the cycle collector off before the imports.
OURS = """
import gc, sys, time
t0 = time.perf_counter()
gc.disable()
from cplc_desk.gui.shell.app import create_application
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import Actor, open_desk
app = create_application([sys.argv[0]])
ctx = open_desk(DeskPaths(__import__("pathlib").Path(sys.argv[1])), actor=Actor("bench"))
window = MainWindow(ctx)
window.resize(1200, 760)
window.show()
app.processEvents()
window.grab()  # the first paint, done: the window answers from here
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
window.close()
ctx.close()
"""

BARE = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
window.grab()
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
"""

# What any window over this store pays before a line of the desk's own code: Qt, SQLAlchemy and
# the store's mapped models imported, the store opened and one row read, a bare window painted.
# The distance from here to OURS is what the desk's own start-up costs.
FLOOR = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import create_engine, text
import cplc_desk.storage.models, cplc_desk.storage.sync_models
app = QApplication([sys.argv[0]])
engine = create_engine("sqlite:///" + sys.argv[1] + "/cplc_desk.sqlite3")
with engine.connect() as conn:
    conn.execute(text("SELECT code FROM desk")).first()
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
window.grab()
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
"""


def _fill(folder: Path, size: int) -> None:
    from bench.fixtures import fill_complaints, fill_vehicles
    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.desk import setup
    from cplc_desk.services.desk.context import Actor, open_desk

    ctx = open_desk(DeskPaths(folder), actor=Actor("bench"))
    try:
        setup.init_station(ctx, "CLIF")
        fill_complaints(ctx, size // 2)
        fill_vehicles(ctx, size - size // 2)
    finally:
        ctx.close()


def _run(code: str, folder: Path, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, env=env,
        check=True,
    )  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            _fill(Path(tmp), size)
            print(f"fixture: {size:,} records in {time.perf_counter() - t0:.0f} s")
            ours, bare, floor = [], [], []
            for run in range(args.runs + 1):  # the first round warms the disk cache
                a, b = _run(OURS, Path(tmp), env), _run(BARE, Path(tmp), env)
                c = _run(FLOOR, Path(tmp), env)
                if run:
                    ours.append(a)
                    bare.append(b)
                    floor.append(c)
            mine, base, least = (statistics.median(x) for x in (ours, bare, floor))
            print(
                f"{size:>9,} records: window median {mine:.0f} ms (range {min(ours):.0f}-"
                f"{max(ours):.0f}); bare QMainWindow median {base:.0f} ms; ratio "
                f"{mine / base:.1f}x (targets: at most 1000 ms and 6x); floor (Qt, SQLAlchemy, "
                f"the models, a bare window) {least:.0f} ms = {least / base:.1f}x bare"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
