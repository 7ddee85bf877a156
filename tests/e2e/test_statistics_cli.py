"""``cplc-desk statistics`` as a station supervisor runs it: a real subprocess over a desk whose
register was imported, the report printed as JSON and written as CSV, XLSX and PDF, each read
back."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader

Cli = Callable[..., Any]
REGISTER = (
    "reference,kind,vehicle_class,registration,make,model,owner_name,owner_cnic,"
    "incident_date,incident_time,police_station\n"
    "V-1,stolen,MOTORCYCLE,KHI-1001,Honda,CD 70,Sana Khan,42101-1234567-1,2026-10-03,10:00,CLIF\n"
    "V-2,stolen,MOTORCYCLE,KHI-1002,Honda,CD 70,Sana Khan,42101-1234567-1,2026-10-31,23:50,CLIF\n"
    "V-3,stolen,MOTORCYCLE,KHI-1003,Honda,CD 70,Sana Khan,42101-1234567-1,2026-11-01,00:10,CLIF\n"
    "V-4,snatched,CAR,KHI-1004,Suzuki,Mehran,Sana Khan,42101-1234567-1,2026-09-30,23:00,CLIF\n"
    "V-5,recovered,MOTORCYCLE,KHI-1009,Honda,CD 70,,,2026-10-20,12:00,CLIF\n"
)


def test_a_station_writes_its_months_figures_in_every_format(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    register = tmp_path / "vehicles.csv"
    register.write_text(REGISTER, encoding="utf-8")
    imported = cli("import", "vehicles", str(register), data_dir=data)
    assert imported.returncode == 0, imported.stderr

    shown = cli("statistics", "--month", "2026-10", "--json", data_dir=data)
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    assert report["month"] == "2026-10" and report["scope"] == "station:CLIF"
    rows = {r["category"]: r for r in report["rows"]}
    assert set(rows["two_wheeler.stolen"]) >= {
        "category", "count", "previous_month", "same_month_last_year", "year_to_date",
        "previous_year_to_date",
    }  # fmt: skip
    # 23:50 on 31 October is October's; 00:10 on 1 November is not (Pakistan time).
    assert rows["two_wheeler.stolen"]["count"] == 2
    assert rows["four_wheeler.snatched"]["previous_month"] == 1
    assert rows["two_wheeler.recovered"]["count"] == 1
    assert "Sana" not in shown.stdout and "42101" not in shown.stdout

    out = tmp_path / "out"
    written = cli(
        "statistics", "--month", "2026-10", "--csv", str(out / "oct.csv"),
        "--xlsx", str(out / "oct.xlsx"), "--pdf", str(out / "oct.pdf"), data_dir=data,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    with (out / "oct.csv").open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    header = lines[0]
    by_code = {line[0]: line for line in lines[1:] if line and line[0].startswith("two_")}
    assert by_code["two_wheeler.stolen"][header.index("count")] == "2"
    book = load_workbook(out / "oct.xlsx", read_only=True)
    figures = list(book["Figures"].iter_rows(values_only=True))
    column = figures[0].index("year_to_date")
    ytd = {row[0]: row[column] for row in figures[1:]}
    assert ytd["two_wheeler.stolen"] == 2  # 1 January to the end of October
    assert {"Figures", "Areas", "Trend", "Stations", "Makes", "Notes"} <= set(book.sheetnames)
    text = " ".join(PdfReader(out / "oct.pdf").pages[0].extract_text().split())
    assert "Two-wheelers stolen" in text and "2026-10" in text and "Sana" not in text

    audit = cli("audit", "--action", "statistics", data_dir=data)
    assert "statistics.produced" in audit.stdout and "statistics.exported" in audit.stdout


def test_bad_statistics_requests_say_what_to_do(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    wrong = cli("statistics", "--month", "October", data_dir=data)
    assert wrong.returncode == 1 and "YYYY-MM" in wrong.stderr
    other = cli("statistics", "--month", "2026-10", "--station", "SADD", data_dir=data)
    assert other.returncode == 1 and "own records" in other.stderr
    refused = cli("statistics", "--month", "2026-10", "--publish", data_dir=data)
    assert refused.returncode == 1
