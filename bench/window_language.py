"""The window opening in Urdu beside the same window in English, same run, same store.

    python -m bench.window_language [--runs 7] [--complaints 2000]

Each run is a fresh process (so the catalogues, fonts and translators are loaded as at a real
start): QApplication, the language switched, the main window built and shown on a station with
``--complaints`` records, until its first paint is done. English and Urdu runs alternate.
Target (issue 11): Urdu within 1.1x of English.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from cplc_desk.gui.shell.app import create_application
from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import Actor, open_desk
app = create_application([sys.argv[0]])
language.apply_language(sys.argv[2], app)
ctx = open_desk(DeskPaths(__import__("pathlib").Path(sys.argv[1])), actor=Actor("bench"))
window = MainWindow(ctx)
window.resize(1200, 760)
window.show()
app.processEvents()
window.grab()  # the first paint, done
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
window.close()
ctx.close()
"""


def _fill(folder: Path, complaints: int) -> None:
    from cplc_desk.domain.records import ComplaintDraft, PersonDraft
    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.complaints.complaints import register_complaint
    from cplc_desk.services.desk import setup
    from cplc_desk.services.desk.context import Actor, open_desk

    ctx = open_desk(DeskPaths(folder), actor=Actor("bench"))
    try:
        setup.init_station(ctx, "CLIF")
        for n in range(complaints):
            name = "محمد علی" if n % 2 else "Sana Javed"
            register_complaint(
                ctx,
                ComplaintDraft(
                    complainant=PersonDraft(name=f"{name} {n}"),
                    category="MOBILE_SNATCHING",
                    police_station="CLIF",
                    narrative="Phone snatched near the bus stop.",
                ),
            )
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--complaints", type=int, default=2000)
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        _fill(Path(tmp), args.complaints)
        times: dict[str, list[float]] = {"en": [], "ur": []}
        for _ in range(args.runs + 1):  # the first pair warms the disk cache, not counted
            for lang in ("en", "ur"):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, tmp, lang],
                    capture_output=True, text=True, env=env, check=True,
                )  # fmt: skip
                times[lang].append(float(out.stdout.strip().splitlines()[-1]))
        en = statistics.median(times["en"][1:])
        ur = statistics.median(times["ur"][1:])
        print(
            f"window start, {args.complaints} complaints, {args.runs} runs each: "
            f"English median {en:.0f} ms (min {min(times['en'][1:]):.0f}), "
            f"Urdu median {ur:.0f} ms (min {min(times['ur'][1:]):.0f}); "
            f"ratio {ur / en:.2f}x (target <= 1.1x)"
        )


if __name__ == "__main__":
    main()
