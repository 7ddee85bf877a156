"""Smoke test of the frozen (PyInstaller one-folder) app, headless: what a station does on its
first day, through the built executable only, never the source tree.

    python tools/frozen_smoke.py dist/cplc-desk/cplc-desk[.exe]

1. ``--version``;
2. a station set up in a fresh temporary folder (``init-station``, its first account);
3. complaints registered from a CSV register (``import-csv``), and vehicle reports from an
   Excel workbook (``import``, openpyxl bundled);
4. a receipt printed to PDF (``print-receipt``), and the PDF checked: one page, the bundled
   fonts embedded (Urdu's Noto Naskh Arabic included), the receipt number in it;
5. ``check`` healthy; ``verify-vehicle`` answering.

Exits 0 when every step passed, else 1 with the failing step's output. Run by ``make smoke``
and by CI after ``make installer``.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTER = ROOT / "tests" / "fixtures" / "csv" / "complaints_good.csv"
VEHICLES = ROOT / "tests" / "fixtures" / "csv" / "vehicles_good.csv"


def _workbook(source: Path, out: Path) -> None:
    """The CSV register as a workbook (written here, with the build's own openpyxl)."""
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Vehicles"
    with source.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            book.active.append(row)
    book.save(out)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    exe = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory(prefix="cplc-frozen-") as tmp:
        data = Path(tmp) / "desk"
        env = {
            **os.environ,
            "CPLC_DESK_USER": "admin",
            "CPLC_DESK_PASSWORD": "smoke-test-password-1",
            "CPLC_DESK_LANG": "en",
            "QT_QPA_PLATFORM": "offscreen",
        }

        def run(*args: str, expect: int = 0) -> str:
            done = subprocess.run(
                [str(exe), "--data-dir", str(data), *args],
                capture_output=True, text=True, env=env, timeout=300, cwd=tmp,
            )  # fmt: skip
            print(f"$ cplc-desk {' '.join(args)}  -> exit {done.returncode}")
            if done.returncode != expect:
                print(done.stdout, done.stderr, sep="\n")
                raise SystemExit(1)
            return done.stdout

        version = run("--version")
        assert version.startswith("cplc-desk "), version
        run("init-station", "--code", "CLIF")
        imported = run("import-csv", "complaints", str(REGISTER))
        assert " 0 not imported" in imported, imported
        book = Path(tmp) / "vehicles.xlsx"
        _workbook(VEHICLES, book)
        imported = run("import", "vehicles", str(book))
        assert "sheet 'Vehicles'" in imported and " 0 not imported" in imported, imported
        with sqlite3.connect(data / "cplc_desk.sqlite3") as store:  # read only, to find one
            row = store.execute("SELECT number FROM complaint ORDER BY number LIMIT 1").fetchone()
        if row is None:
            print("no complaint in the store after the import")
            return 1
        receipt = Path(tmp) / "receipt.pdf"
        run("print-receipt", row[0], "--out", str(receipt))
        pdf = receipt.read_bytes()
        checks = {
            "a PDF": pdf.startswith(b"%PDF"),
            "one page": pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1,
            "Urdu font embedded": b"NotoNaskhArabic" in pdf,
            "Latin font embedded": b"Vera" in pdf,
        }
        failed = [name for name, ok in checks.items() if not ok]
        if failed:
            print(f"the receipt is not right: {failed}")
            return 1
        run("check")
        run("verify-vehicle", "ZZZ-0001")
        print(f"frozen app smoke test passed ({exe})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
