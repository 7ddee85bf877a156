"""Headquarters' workspace on a real merged store (stations' bundles imported through the real
import path): the Stations screen's overdue and gap markers, the city-wide lists' station and
district columns and filters, the city-wide vehicle checks, and the conflict queue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hq_city import City, build_city
from PySide6.QtCore import Qt

from cplc_desk.domain.clock import now_utc
from cplc_desk.gui.complaints.complaints_model import DISTRICT as COMPLAINT_DISTRICT
from cplc_desk.gui.complaints.complaints_model import STATION as COMPLAINT_STATION
from cplc_desk.gui.complaints.complaints_page import ComplaintsPage
from cplc_desk.gui.hq.conflicts_page import C_HELD, C_INCOMING, DIFFERS_MARK, ConflictsPage
from cplc_desk.gui.hq.stations_model import ATTENTION_ROLE, GAP, MISSING, OVERDUE, STATUS
from cplc_desk.gui.hq.stations_page import StationsPage
from cplc_desk.gui.phones import phones_model
from cplc_desk.gui.phones.phones_page import PhonesPage
from cplc_desk.gui.shell.areas import CONFLICTS
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.vehicles.city_checks import CityChecksDialog
from cplc_desk.gui.vehicles.vehicles_model import DISTRICT as VEHICLE_DISTRICT
from cplc_desk.gui.vehicles.vehicles_model import STATION as VEHICLE_STATION
from cplc_desk.gui.vehicles.vehicles_page import VehiclesPage
from cplc_desk.gui.widgets import dialogs
from cplc_desk.services.complaints.complaint_list import ComplaintQuery
from cplc_desk.services.hq import bundle_import, conflicts, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.storage.models import AuditEntry, Complaint, SyncConflict

CODES = ("CLIF", "SADD", "FERO")  # Clifton and Saddar: South district; Ferozabad: East


@pytest.fixture
def city(tmp_path: Path, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path / "city", template_store, CODES)
    yield c
    c.close()


def show(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), role)


# ---------------------------------------------------------------------- stations screen


def test_an_overdue_station_stands_out_by_the_stored_setting(qtbot, city: City) -> None:
    city.complaint("CLIF", "Ayesha Siddiqui")
    city.send("CLIF")
    sync_hq.set_overdue_days(city.hq, 3)
    page = show(qtbot, StationsPage(city.hq))
    assert page.overdue_spin.value() == 3
    later = now_utc() + timedelta(days=4)
    page.clock = lambda: later
    page.refresh()
    row = page.model.row_for("CLIF")
    assert cell(page.model, row, STATUS, ATTENTION_ROLE) == OVERDUE
    assert cell(page.model, row, STATUS) == "Overdue"
    assert cell(page.model, row, STATUS, Qt.ItemDataRole.BackgroundRole) is not None
    # Stations that never sent anything are not overdue, only "no bundle yet".
    assert cell(page.model, page.model.row_for("SADD"), STATUS, ATTENTION_ROLE) != OVERDUE


def test_a_gap_shows_which_bundles_are_missing(qtbot, city: City, tmp_path: Path) -> None:
    clifton = city.stations["CLIF"]
    sticks = []
    for n in range(4):  # bundles 1 to 4; only 1 and 4 reach headquarters
        city.complaint("CLIF", f"Complainant {n}")
        stick = tmp_path / f"b{n + 1}"
        stick.mkdir()
        sync_station.export_bundle(clifton, stick)
        sticks.append(stick)
    bundle_import.import_bundles(city.hq, [sticks[0], sticks[3]])
    page = show(qtbot, StationsPage(city.hq))
    row = page.model.row_for("CLIF")
    assert cell(page.model, row, STATUS, ATTENTION_ROLE) == GAP
    assert cell(page.model, row, STATUS) == "Bundles missing: 2 and 3"  # English (Pakistan)
    assert cell(page.model, row, MISSING) == "2 and 3"
    assert "2 and 3" in cell(page.model, row, STATUS, Qt.ItemDataRole.ToolTipRole)


def test_revoke_and_re_enroll_from_the_screen(
    qtbot, city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    city.send("CLIF")
    page = show(qtbot, StationsPage(city.hq))
    assert page.select_code("CLIF")
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, q: questions.append(q) or True)
    page.revoke_selected()
    assert questions and "Clifton" in questions[0]
    assert next(s for s in sync_hq.stations_overview(city.hq) if s.code == "CLIF").key_status == (
        "revoked"
    )
    target = tmp_path / "again.cplcenroll"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *args: target)
    assert page.select_code("CLIF")
    page.reenroll_selected()
    assert target.exists()
    assert next(s for s in sync_hq.stations_overview(city.hq) if s.code == "CLIF").key_status == (
        "pending"
    )


# ---------------------------------------------------------------------- city-wide lists


def test_city_wide_complaints_show_station_and_district_and_filter_by_them(
    qtbot, city: City
) -> None:
    city.complaint("CLIF", "Ayesha Siddiqui")
    city.complaint("SADD", "Muhammad Imran")
    city.complaint("FERO", "Farhan Qureshi")
    city.send(*CODES)
    page = show(qtbot, ComplaintsPage(city.hq))
    model = page.model
    assert model.rowCount() == 3
    header = page.view.horizontalHeader()
    assert header.visualIndex(COMPLAINT_DISTRICT) == header.visualIndex(COMPLAINT_STATION) + 1
    districts = {
        cell(model, r, COMPLAINT_STATION): cell(model, r, COMPLAINT_DISTRICT) for r in range(3)
    }
    assert districts == {"Clifton": "South", "Saddar": "South", "Ferozabad": "East"}

    assert page.filters.district_combo.isVisible()
    assert page.filters.set_district("SOUTH")
    assert model.query.districts == ("SOUTH",)
    assert sorted(r.complainant for r in model.rows()) == ["Ayesha Siddiqui", "Muhammad Imran"]
    assert page.filters.set_station("SADD")
    assert [r.complainant for r in model.rows()] == ["Muhammad Imran"]
    page.filters.clear()
    assert model.query == ComplaintQuery()
    assert model.rowCount() == 3


def test_station_desk_lists_have_no_district(qtbot, city: City) -> None:
    page = show(qtbot, ComplaintsPage(city.stations["CLIF"]))
    assert not page.filters.district_combo.isVisible()
    assert page.model.columnCount() == COMPLAINT_DISTRICT  # no extra column


def test_city_wide_vehicles_filter_by_district_and_show_city_checks(
    qtbot, city: City, monkeypatch: pytest.MonkeyPatch
) -> None:
    city.vehicle("CLIF", "stolen", chassis="KA-1234567", owner="Ali Raza")
    city.vehicle("FERO", "snatched", chassis="KA1234567", owner="Ali Raza")
    city.vehicle("SADD", "recovered", chassis="KA-1234S67")
    city.send(*CODES)
    page = show(qtbot, VehiclesPage(city.hq))
    assert page.model.rowCount() == 3
    assert {cell(page.model, r, VEHICLE_DISTRICT) for r in range(3)} == {"South", "East"}
    header = page.view.horizontalHeader()  # the district beside its police station
    assert header.visualIndex(VEHICLE_DISTRICT) == header.visualIndex(VEHICLE_STATION) + 1
    page.filters.select(page.filters.district_combo, "EAST")
    assert [r.police_station_code for r in page.model.rows()] == ["FERO"]
    page.filters.clear()

    seen: dict[str, object] = {}

    def run(dialog: CityChecksDialog) -> int:  # stands in for the modal loop
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)
        seen["matches"] = dialog.matches_table.rowCount()
        seen["duplicates"] = dialog.duplicates_table.rowCount()
        seen["why"] = dialog.duplicates_table.item(0, 4).text()
        seen["station"] = dialog.duplicates_table.item(0, 1).text()
        seen["tab"] = dialog.tabs.tabText(1)
        return 0

    monkeypatch.setattr(dialogs, "run_modal", run)
    assert page.city_checks_button.isVisible()
    page.city_checks_button.click()
    # Saddar's recovery matches both thefts (at Clifton and Ferozabad); the two thefts are one
    # vehicle reported at two stations.
    assert seen["matches"] == 2
    assert seen["duplicates"] == 1
    assert seen["tab"] == "Probable duplicates (1)"
    assert "Chassis number: exact" in str(seen["why"])
    assert "Clifton (South)" in str(seen["station"])
    qtbot.waitUntil(lambda: not page.is_busy_reading())


# ---------------------------------------------------------------------- conflict queue


@pytest.fixture
def conflicted(city: City) -> tuple[City, str]:
    complaint = city.complaint("CLIF", "Ayesha Siddiqui")
    city.send("CLIF")
    city.conflicting_edit("CLIF", complaint, "Handbag snatched, not a phone.")
    return city, complaint


def test_conflict_queue_compares_side_by_side_and_resolves(
    qtbot, conflicted: tuple[City, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    city, complaint = conflicted
    page = show(qtbot, ConflictsPage(city.hq))
    assert page.queue.rowCount() == 1
    assert page.summary_label.text() == "Conflicts waiting: 1"
    assert page.selected_id() is not None  # the first is chosen
    assert page.differing_rows() == ["narrative"]
    row = 0  # the differing fields come first
    assert page.compare.item(row, 1).text() == "What happened"
    assert page.compare.item(row, 0).text() == DIFFERS_MARK
    assert page.compare.item(row, C_HELD).text() == "Mobile phone snatched near the CLIF market."
    assert page.compare.item(row, C_INCOMING).text() == "Handbag snatched, not a phone."
    assert page.compare.item(row, C_HELD).background().style() != Qt.BrushStyle.NoBrush
    page.only_differences.setChecked(True)
    assert page.compare.rowCount() == 1

    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, q: questions.append(q) or True)
    with qtbot.waitSignal(page.records_changed):
        page.keep_held_button.click()
    assert "version 1" in questions[0]
    assert page.queue.rowCount() == 0
    assert page.summary_label.text() == "Conflicts waiting: 0"
    with city.hq.store.read() as s:
        record = s.get(Complaint, complaint)
        assert record is not None and record.narrative.startswith("Mobile phone")
        c = s.query(SyncConflict).one()
        assert c.resolution == "held" and c.resolved_by == city.hq.actor.username
        assert s.query(AuditEntry).filter_by(action="conflict.resolved").count() == 1
    page.show_resolved.setChecked(True)
    assert page.queue.rowCount() == 1
    assert "kept the held version" in page.queue.item(0, 7).text()
    assert not page.keep_held_button.isEnabled()


def test_declining_the_confirmation_resolves_nothing(
    qtbot, conflicted: tuple[City, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    city, _ = conflicted
    page = show(qtbot, ConflictsPage(city.hq))
    monkeypatch.setattr(dialogs, "confirm", lambda *args: False)
    page.keep_incoming_button.click()
    assert len(conflicts.list_conflicts(city.hq)) == 1


def test_headquarters_window_has_the_conflicts_page(qtbot, city: City) -> None:
    window = show(qtbot, MainWindow(city.hq))
    assert isinstance(window.pages[CONFLICTS], ConflictsPage)
    station_window = show(qtbot, MainWindow(city.stations["CLIF"]))
    assert CONFLICTS not in station_window.pages
    for w in (window, station_window):
        for page in w.pages.values():
            busy = getattr(page, "is_busy_reading", None)
            if busy is not None:
                qtbot.waitUntil(lambda busy=busy: not busy())


def test_write_the_hotlist_from_the_stations_screen(
    qtbot, city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    city.vehicle("CLIF", "stolen", registration="KHI-1234", owner="Bilal Ahmed")
    city.send("CLIF")
    page = show(qtbot, StationsPage(city.hq))
    assert page.hotlist_button.isVisibleTo(page)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *args: stick)
    page.write_hotlist()
    written = list(stick.glob("*.cplchot"))
    assert len(written) == 1
    assert (
        "Hotlist 1 written" in page.banner.text()
        and "(open thefts: 1 vehicles, 0 handsets)" in page.banner.text()
    )
    # A second one is the next in sequence.
    page.write_hotlist()
    assert len(list(stick.glob("*.cplchot"))) == 2


def test_city_wide_phone_reports_show_the_district_beside_the_station(qtbot, city: City) -> None:
    page = show(qtbot, PhonesPage(city.hq))
    header = page.view.horizontalHeader()
    district, station = phones_model.DISTRICT, phones_model.STATION
    assert header.visualIndex(district) == header.visualIndex(station) + 1
    assert page.city_checks_button.isVisibleTo(page)
