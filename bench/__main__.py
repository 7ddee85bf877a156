"""``python -m bench [NAME...]``: run the named benchmarks (default: all quick ones)."""

from __future__ import annotations

import importlib
import sys

QUICK = [
    "sync", "matching", "receipts", "verify", "complaints", "hotlist", "phone_hotlist", "check",
    "hostile",
]  # fmt: skip


def main(argv: list[str]) -> int:
    names = argv or QUICK
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        module.main([])  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
