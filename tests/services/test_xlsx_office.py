"""Workbooks written by a real office suite: LibreOffice, run headless, turns the CSV registers
of tests/fixtures/csv into .xlsx as a volunteer's Excel would (CNICs without dashes become
numbers, mobiles lose their leading 0, dates and times become date and time cells), and the
workbook imports to the same records as the CSV file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.imports.csv_import import import_register
from cplc_desk.storage.models import Complaint, Person, VehicleReport

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# CI installs LibreOffice (.ci/system-deps.sh); elsewhere the test says why it did not run.
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    assert SOFFICE is not None, "CI must have LibreOffice: see .ci/system-deps.sh"
    out = tmp_path_factory.mktemp("office")
    profile = tmp_path_factory.mktemp("profile")
    sources = [FIXTURES / "complaints_good.csv", FIXTURES / "vehicles_good.csv"]
    # CSV: comma, double quotes, UTF-8, from line 1, standard columns, English (UK) dates.
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--infilter=CSV:44,34,76,1,,2057", "--convert-to", "xlsx", "--outdir", str(out),
         *map(str, sources)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return {p.stem: out / f"{p.stem}.xlsx" for p in sources}


def desk(tmp_path: Path, name: str) -> DeskContext:
    ctx = open_desk(DeskPaths(tmp_path / name), actor=Actor("volunteer1"))
    setup.init_station(ctx, "CLIF")
    return ctx


def complaints(ctx: DeskContext) -> dict[str | None, tuple[object, ...]]:
    with ctx.store.read() as s:
        rows = s.execute(
            select(Complaint, Person).join(Person, Complaint.complainant_id == Person.id)
        ).all()
        return {
            c.legacy_ref: (c.category_code, c.police_station_code, c.incident_at, c.fir_number,
                           c.fir_date, c.narrative, p.name, p.cnic, p.mobile, p.address)
            for c, p in rows
        }  # fmt: skip


def vehicles(ctx: DeskContext) -> dict[str | None, tuple[object, ...]]:
    with ctx.store.read() as s:
        return {
            v.legacy_ref: (v.kind, v.vehicle_class, v.registration, v.chassis, v.engine, v.make,
                           v.model, v.colour, v.model_year, v.incident_at, v.fir_date)
            for v in s.scalars(select(VehicleReport))
        }  # fmt: skip


def test_libreoffice_workbooks_import_to_the_same_records_as_their_csv(
    workbooks: dict[str, Path], tmp_path: Path
) -> None:
    from_csv, from_book = desk(tmp_path, "csv"), desk(tmp_path, "xlsx")
    try:
        for register, stem in (("complaints", "complaints_good"), ("vehicles", "vehicles_good")):
            by_csv = import_register(from_csv, register, FIXTURES / f"{stem}.csv")
            by_book = import_register(from_book, register, workbooks[stem])
            assert by_book.not_imported == by_csv.not_imported == 0, by_book.bad_rows
            assert by_book.imported == by_csv.imported > 0
            assert by_book.sheet is not None
        assert complaints(from_book) == complaints(from_csv)
        assert vehicles(from_book) == vehicles(from_csv)
        # Saved by LibreOffice as numbers and dates, not text: the test reads what it means to.
        import openpyxl

        sheet = openpyxl.load_workbook(workbooks["complaints_good"], read_only=True).active
        types = {c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))}
        assert "cnic" in types
        cells = [c for r in sheet.iter_rows(min_row=2) for c in r]
        assert any(c.data_type == "n" and isinstance(c.value, int) for c in cells)
        assert any(c.is_date for c in cells)
    finally:
        from_csv.close()
        from_book.close()
