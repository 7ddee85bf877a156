"""How fast the command line answers when it has nothing to open: ``--version`` and ``--help``.

    python -m bench.cli_start [--runs 15]

Target (issue 14): each at most 5x ``python -c pass`` (the interpreter starting and stopping),
timed in the same run, alternating, so a drifting machine moves both alike. Every verb imports
only what it uses: the parser loads no store, sync library, Qt or receipts
(tests/test_cli_imports.py holds that; this measures what it buys).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cli_start")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    baseline = [sys.executable, "-c", "pass"]
    for flag in ("--version", "--help"):
        ours_cmd = [sys.executable, "-m", "cplc_desk", flag]
        _once(ours_cmd), _once(baseline)  # warm the file cache
        ours, base, ratios = [], [], []
        for _ in range(args.runs):
            a, b = _once(ours_cmd), _once(baseline)
            ours.append(a)
            base.append(b)
            ratios.append(a / b)
        print(
            f"cplc-desk {flag:9}  median {statistics.median(ours) * 1000:6.1f} ms   "
            f"python -c pass  median {statistics.median(base) * 1000:5.1f} ms   "
            f"ratio median {statistics.median(ratios):.2f}x (range {min(ratios):.2f}-"
            f"{max(ratios):.2f}; target at most 5x)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
