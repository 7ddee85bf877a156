"""Importing a register from an Excel workbook beside the same rows as a CSV file, same run.

    python -m bench.xlsx [--rows 100000] [--runs 1]
    python -m bench.xlsx --stream 1000000     # reading alone: a sheet of a million rows

The workbook holds what a station's Excel register holds: CNICs and mobiles as numbers, dates
as date cells, times as time cells, names and narratives as shared text. It is written by
LibreOffice from the CSV file when ``soffice`` is installed (an office suite's workbook, as
Excel writes it), else by openpyxl (which writes text inline in each cell: slower to read). The CSV file holds the
same values as the text Excel would save. Each import runs in a child process on a fresh desk
(the workbook's and the CSV's alternate), timed from the call to the report, with the child's
peak memory. Target (issue 18): the workbook within 1.5x the CSV file's time.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

HEADER = [
    "reference", "complainant_name", "relative_name", "cnic", "mobile", "address", "category",
    "police_station", "incident_date", "incident_time", "incident_place", "narrative",
]  # fmt: skip
NAMES = ["Muhammad Asif", "Ayesha Siddiqa", "Bilal Hussain", "Sara Ahmed", "Imran Ali",
         "Fatima Zahra", "Usman Ghani", "Hina Baig"]  # fmt: skip
CATEGORIES = ["THEFT", "STREET_ROBBERY", "MOBILE_SNATCHING", "FIR_NOT_REGISTERED", "BRIBERY"]
STATIONS = ["CLIF", "BOBA", "DARA", "SADD"]


def _rows(n: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(n):
        rows.append([
            f"REG-{i:06d}", f"{NAMES[i % 8]} {i}", NAMES[(i * 7) % 8], 4210100000000 + i,
            3000000000 + i, f"House {i % 500}, Block {i % 17}, Karachi", CATEGORIES[i % 5],
            STATIONS[i % 4], date(2020 + i % 5, 1 + i % 12, 1 + i % 28),
            clock(i % 24, i % 60), f"Street {i % 90}",
            f"Register entry {i}: the complainant reported the matter at the desk.",
        ])  # fmt: skip
    return rows


def _as_text(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, clock):
        return value.strftime("%H:%M")
    return str(value)


def write_files(folder: Path, n: int) -> tuple[Path, Path, str]:
    rows = _rows(n)
    csv_path = folder / "register.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows([_as_text(v) for v in row] for row in rows)
    xlsx = folder / "register.xlsx"
    soffice = shutil.which("soffice")
    if soffice:
        # Comma, double quotes, UTF-8, from line 1, standard columns, English (UK) dates.
        subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--infilter=CSV:44,34,76,1,,2057", "--convert-to", "xlsx", "--outdir", str(folder),
             str(csv_path)],
            check=True, capture_output=True,
        )  # fmt: skip
        return xlsx, csv_path, "LibreOffice"
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Complaints")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(xlsx)
    return xlsx, csv_path, "openpyxl"


CHILD = """
import sys, time
from pathlib import Path
from bench.fixtures import peak_kb
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.imports.csv_import import import_register
ctx = open_desk(DeskPaths(Path(sys.argv[1])), actor=Actor("bench"))
setup.init_station(ctx, "CLIF")
t0 = time.perf_counter()
report = import_register(ctx, "complaints", Path(sys.argv[2]))
elapsed = time.perf_counter() - t0
assert report.imported == report.rows and not report.not_imported, report.as_dict()
ctx.close()
print(elapsed, report.imported, peak_kb())
"""


STREAM = """
import sys, time
from pathlib import Path
from bench.fixtures import peak_kb
from cplc_desk.services.imports.csv_read import opened
from cplc_desk.services.imports.xlsx_read import Workbook
t0 = time.perf_counter()
with opened(Path(sys.argv[1])) as fh:
    book = Workbook(fh, "register.xlsx")
    sheet = book.choose(None)
    surveyed = sum(1 for _ in book.table(sheet, "complaints", survey=True).rows())
    t1 = time.perf_counter()
    read = sum(1 for _ in book.table(sheet, "complaints").rows())
    book.close()
print(surveyed, read, t1 - t0, time.perf_counter() - t1, peak_kb())
"""


def stream(rows: int) -> None:
    """Both passes over a sheet of ``rows`` rows, nothing saved: time and the peak memory."""
    import openpyxl

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        t0 = time.perf_counter()
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Complaints")
        sheet.append(HEADER)
        for row in _rows(rows):
            sheet.append(row)
        book.save(path)
        print(f"workbook: {rows:,} rows, {path.stat().st_size / 1e6:.0f} MB, written in "
              f"{time.perf_counter() - t0:.0f} s")  # fmt: skip
        out = subprocess.run(
            [sys.executable, "-c", STREAM, str(path)], capture_output=True, text=True, check=True
        )
        surveyed, read, first, second, peak = out.stdout.split()
        print(
            f"survey: {int(surveyed):,} rows in {float(first):.0f} s; import pass (cells by type): "
            f"{int(read):,} rows in {float(second):.0f} s; peak {int(peak) / 1024:.0f} MB"
        )


def _import(folder: Path, path: Path) -> tuple[float, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(path)], capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    elapsed, rows, peak = out.stdout.split()
    return float(elapsed), int(rows), int(peak)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.xlsx")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--stream", type=int, metavar="ROWS", help="only read a sheet this long")
    args = parser.parse_args(argv)
    if args.stream:
        stream(args.stream)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        xlsx, csv_path, writer = write_files(folder, args.rows)
        print(
            f"files: {args.rows:,} rows; workbook (by {writer}) {xlsx.stat().st_size / 1e6:.1f} MB, CSV "
            f"{csv_path.stat().st_size / 1e6:.1f} MB (written in {time.perf_counter() - t0:.0f} s)"
        )
        book_times, csv_times = [], []
        for run in range(args.runs):
            for label, path, times in (("xlsx", xlsx, book_times), ("csv", csv_path, csv_times)):
                elapsed, rows, peak = _import(folder / f"{label}-{run}", path)
                times.append(elapsed)
                print(f"  {label}: {rows:,} rows in {elapsed:.1f} s ({rows / elapsed:,.0f} rows/s), "
                      f"peak {peak / 1024:.0f} MB")  # fmt: skip
        book, text = statistics.median(book_times), statistics.median(csv_times)
        print(
            f"workbook {book:.1f} s, CSV {text:.1f} s: ratio {book / text:.2f}x (target: at "
            f"most 1.5x)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
