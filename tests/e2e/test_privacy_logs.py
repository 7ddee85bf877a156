"""No CNIC or phone number ever reaches the log files: a day's worth of desk work through the
real command (and the services, with the command's logging), then the logs are searched."""

from __future__ import annotations

import csv
import importlib
import logging
import re
from pathlib import Path

from cplc_desk.domain.validation import normalize_digits
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints import complaints as cs
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.vehicles import vehicle_list, verification

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


def _people_numbers() -> set[str]:
    """Every CNIC and phone in the fixtures, in the forms a log line could carry them."""
    found: set[str] = set()
    for name, columns in (
        ("complaints_good.csv", ("cnic", "mobile")),
        ("complaints_mixed.csv", ("cnic", "mobile")),
        ("vehicles_good.csv", ("owner_cnic", "owner_mobile")),
    ):
        with (FIXTURES / name).open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                for col in columns:
                    digits = normalize_digits(row.get(col) or "")
                    if len(digits) >= 10:
                        found.add(digits[-10:])  # the subscriber part survives any format
    return found


def test_log_files_hold_no_cnic_or_phone(tmp_path: Path, cli) -> None:
    desk = tmp_path / "desk"
    # (command, its exit code): 1 for the register with bad rows, 3 for a vehicle reported
    # stolen, 0 for the rest; every step must really run for its logging to be searched.
    steps = [
        (("init-station", "--code", "CLIF"), 0),
        (("import-csv", "complaints", str(FIXTURES / "complaints_good.csv")), 0),
        (("import-csv", "complaints", str(FIXTURES / "complaints_mixed.csv")), 1),
        (("import-csv", "vehicles", str(FIXTURES / "vehicles_good.csv")), 0),
        (("verify-vehicle", "KNP 5586"), 3),
        (("print-receipt", "CLIF-C-2026-00001", "--out", str(tmp_path / "r.pdf")), 0),
        (("audit", "--record", "42101-1234567-1"), 0),
        (("audit", "--actor", "nobody", "--csv", str(tmp_path / "a.csv")), 0),
        (("backup",), 0),
        (("backup", "--out", str(tmp_path / "usb" / "b.cplcbak")), 0),
        (("restore", str(tmp_path / "usb" / "b.cplcbak")), 0),
        (("check",), 0),
    ]
    for step, expected in steps:
        run = cli(*step, data_dir=desk)
        assert run.returncode == expected, (step, run.stderr)

    # Work in the window goes through the same services: run some with the command's logging.
    paths = DeskPaths(desk)
    importlib.import_module("cplc_desk.cli.main")._setup_logging(paths)
    logging.getLogger("cplc_desk").setLevel(logging.DEBUG)
    ctx = open_desk(paths, actor=Actor("volunteer1"))
    try:
        for text in ("42101-1234567-1", "0300-1234567", "4220198765432", "03219876543"):
            complaint_list.list_page(ctx, complaint_list.ComplaintQuery(text=text))
            vehicle_list.list_page(ctx, vehicle_list.VehicleQuery(text=text))
        first = complaint_list.list_page(ctx, complaint_list.ComplaintQuery()).rows[0]
        cs.view(ctx, first.id)
        cs.change_status(ctx, first.id, "referred", note="Sent to the SHO.")
        report = vehicle_list.list_page(ctx, vehicle_list.VehicleQuery()).rows[0]
        vehicle_list.view(ctx, report.id)
        verification.verify(ctx, "KNP-5586")
    finally:
        ctx.close()
        for handler in logging.getLogger("cplc_desk").handlers[:]:
            handler.close()
            logging.getLogger("cplc_desk").removeHandler(handler)

    logs = sorted(paths.logs.glob("*.log*"))
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    assert "backup written" in text  # the logs were written, so the search below means something
    # Every run of digits (with the dashes and spaces numbers are written with) in the logs.
    runs = [normalize_digits(m) for m in re.findall(r"\d[\d\- ]{5,}\d", text)]
    numbers = _people_numbers()
    assert len(numbers) >= 10
    leaked = {n for n in numbers if any(n[-7:] in run for run in runs)}
    assert not leaked, f"personal numbers in the logs: {sorted(leaked)}"
