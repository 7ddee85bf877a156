"""The window's import of a legacy register (File ▸ Import a register): a workbook's sheets
offered, the import run on a worker, the report with each bad row, and a refused file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from cplc_desk.domain.roles import Role
from cplc_desk.gui.imports.register_dialog import RegisterImportDialog
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.widgets.message_banner import ERROR, SUCCESS, WARNING
from cplc_desk.services.desk.context import Actor, DeskContext
from cplc_desk.storage.models import Complaint, VehicleReport

COMPLAINTS = ["complainant_name", "cnic", "category", "police_station", "narrative"]
VEHICLES = ["kind", "vehicle_class", "registration", "police_station"]


def count(ctx: DeskContext, model: type) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def registers(path: Path) -> Path:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["Registers copied from the paper books, 2025"])
    vehicles = wb.create_sheet("Vehicles 2025")
    vehicles.append(VEHICLES)
    vehicles.append(["stolen", "car", "KZU-9748", "CLIF"])
    complaints = wb.create_sheet("Complaints 2025")
    complaints.append(COMPLAINTS)
    complaints.append(["Ayesha Siddiqui", 4210112345671, "THEFT", "CLIF", "A bag was taken."])
    complaints.append(["Bilal Hussain", "4210-bad", "THEFT", "CLIF", "A phone was taken."])
    complaints.append(["Sara Ahmed", None, "THEFT", "Nowhere", "A car was broken into."])
    wb.save(path)
    return path


def open_dialog(qtbot, ctx: DeskContext) -> RegisterImportDialog:  # type: ignore[no-untyped-def]
    dialog = RegisterImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(qtbot, dialog: RegisterImportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.start_import()
    assert dialog.is_busy()
    assert not dialog.close_button.isEnabled()  # no closing half-way
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)


def test_a_workbook_sheet_is_chosen_imported_and_its_bad_rows_listed(
    qtbot, station_ctx: DeskContext, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, station_ctx)
    assert not dialog.import_button.isEnabled()

    dialog.set_file(registers(tmp_path / "registers.xlsx"))

    assert dialog.sheet_combo.isVisible()
    sheets = [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())]
    assert sheets == ["Notes", "Vehicles 2025", "Complaints 2025"]
    assert dialog.register_combo.currentData() == "complaints"
    assert dialog.sheet_combo.currentText() == "Complaints 2025"  # its name says which

    run(qtbot, dialog)

    assert dialog.summary.kind == WARNING
    assert "3 rows read: 1 imported, 0 already in the desk, 2 not imported" in dialog.summary.text()
    assert dialog.bad_rows.rowCount() == 2
    assert dialog.bad_rows.horizontalHeaderItem(0).text() == "Row"
    assert [dialog.bad_rows.item(r, 0).text() for r in range(2)] == ["3", "4"]
    assert "cnic" in dialog.bad_rows.item(0, 1).text()
    assert "police_station" in dialog.bad_rows.item(1, 1).text()
    assert dialog.records_changed
    assert count(station_ctx, Complaint) == 1

    dialog.register_combo.setCurrentIndex(dialog.register_combo.findData("vehicles"))
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findText("Vehicles 2025"))
    run(qtbot, dialog)
    assert dialog.summary.kind == SUCCESS
    assert dialog.bad_rows.rowCount() == 0
    assert count(station_ctx, VehicleReport) == 1


def test_a_csv_file_has_no_sheets_and_reports_lines(
    qtbot, station_ctx: DeskContext, tmp_path: Path
) -> None:
    path = tmp_path / "complaints.csv"
    path.write_text(
        ",".join(COMPLAINTS) + "\nAyesha Siddiqui,,THEFT,CLIF,A bag was taken.\nB,,THEFT,X,y\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, station_ctx)
    dialog.set_file(path)
    assert not dialog.sheet_combo.isVisible()
    run(qtbot, dialog)
    assert dialog.bad_rows.horizontalHeaderItem(0).text() == "Line"
    assert dialog.bad_rows.item(0, 0).text() == "3"


def test_a_file_that_is_not_a_register_is_refused_before_importing(
    qtbot, station_ctx: DeskContext, tmp_path: Path
) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(200))
    dialog = open_dialog(qtbot, station_ctx)
    dialog.set_file(path)
    assert dialog.summary.kind == ERROR
    assert "cannot be read" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_the_menu_offers_the_import_to_those_who_may_import(
    qtbot, station_ctx: DeskContext
) -> None:
    station_ctx.actor = Actor("supervisor1", Role.SUPERVISOR)
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    assert window.import_action.isVisible()
    station_ctx.actor = Actor("volunteer1", Role.VOLUNTEER)  # registers records one at a time
    window._apply_account()
    assert not window.import_action.isVisible()
