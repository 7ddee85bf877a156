"""The main window: title, navigation, the Overview's counts, menus and right-to-left layout."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from cplc_desk import __version__
from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.gui.shell.areas import COMPLAINTS, OVERVIEW, REPORTS, SYNC, VEHICLES
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.shell.overview_page import OverviewPage
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles.vehicles import register_vehicle_report


def open_window(qtbot, ctx: DeskContext, demo: bool = False) -> MainWindow:
    window = MainWindow(ctx, demo=demo)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.wait_for_counts()  # read on a worker once the window is up
    return window


@pytest.fixture
def window(qtbot, station_ctx: DeskContext) -> Iterator[MainWindow]:
    win = open_window(qtbot, station_ctx)
    yield win
    win.close()


def overview(window: MainWindow) -> OverviewPage:
    page = window.pages[OVERVIEW]
    assert isinstance(page, OverviewPage)
    return page


def complaint(name: str) -> ComplaintDraft:
    return ComplaintDraft(
        complainant=PersonDraft(name=name),
        category="THEFT",
        police_station="CLIF",
        narrative="Handbag stolen from a parked car near Do Talwar.",
    )


def test_title_names_the_desk_and_its_code(window: MainWindow) -> None:
    assert window.windowTitle() == "CPLC Desk — Clifton (CLIF)"
    assert "CLIF" in window.desk_status.text()
    assert str(window.ctx.paths.data_dir) in window.data_status.text()


def test_demo_and_headquarters_titles(qtbot, desk_ctx: DeskContext) -> None:
    setup.init_hq(desk_ctx, "CPLC Central")
    window = open_window(qtbot, desk_ctx, demo=True)
    assert window.windowTitle().startswith("CPLC Desk — CPLC Central (")
    assert window.windowTitle().endswith(") — demo")
    assert "Headquarters" in overview(window).identity_label.text()
    # HQ does not register records; they arrive on the Stations page (HQ's name for Sync).
    assert "Stations page" in overview(window).empty_label.text()
    assert window.nav.item(window.area_keys.index(SYNC)).text() == "Stations"
    window.close()


def test_clicking_the_navigation_switches_pages(qtbot, window: MainWindow) -> None:
    assert window.current_key() == OVERVIEW
    for key in (VEHICLES, SYNC, REPORTS, COMPLAINTS):
        row = window.area_keys.index(key)
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_key() == key
        assert window.stack.currentWidget() is window.pages[key]


def test_ctrl_number_switches_pages(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == COMPLAINTS)
    assert window.nav.currentRow() == 1

    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == REPORTS)
    assert window.page_actions[5].isChecked()

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == OVERVIEW)


def test_pages_say_what_their_area_is_for(window: MainWindow) -> None:
    for key in (COMPLAINTS, VEHICLES, SYNC, REPORTS):
        page = window.pages[key]
        assert page.purpose_label.text()  # type: ignore[attr-defined]


def test_overview_shows_counts_after_refresh(window: MainWindow, station_ctx: DeskContext) -> None:
    page = overview(window)
    assert page.complaints_tile.value_text() == "0"
    assert page.empty_label.isVisible()

    register_complaint(station_ctx, complaint("Ayesha Siddiqui"))
    register_complaint(station_ctx, complaint("Muhammad Imran"))
    register_vehicle_report(
        station_ctx,
        VehicleReportDraft(
            kind="snatched",
            vehicle_class="MOTORCYCLE",
            registration="KNP-5586",
            police_station="CLIF",
        ),
    )
    window.refresh()
    assert window.wait_for_counts()

    assert page.complaints_tile.value_text() == "2"
    assert page.open_complaints_tile.value_text() == "2"
    assert page.vehicles_tile.value_text() == "1"
    assert page.complaints_by_status.name_text("registered") == "Registered"
    assert page.complaints_by_status.count_text("registered") == "2"
    assert page.complaints_by_status.count_text("closed") == "0"
    assert page.vehicles_by_kind.name_text("snatched") == "Snatched"
    assert page.vehicles_by_kind.count_text("snatched") == "1"
    assert page.complaints_by_station.count_text("CLIF") == "2"
    assert not page.empty_label.isVisible()
    assert "Complaints: 2" in window.records_status.text()
    assert "Vehicle reports: 1" in window.records_status.text()


def test_returning_to_the_overview_reloads_it(
    qtbot, window: MainWindow, station_ctx: DeskContext
) -> None:
    window.show_page(COMPLAINTS)
    register_complaint(station_ctx, complaint("Farhan Qureshi"))
    window.show_page(OVERVIEW)
    assert window.wait_for_counts()
    assert overview(window).complaints_tile.value_text() == "1"


def test_about_shows_the_version(window: MainWindow, shown_messages) -> None:
    window.about_action.trigger()
    assert len(shown_messages) == 1
    assert shown_messages[0].kind == "about"
    assert __version__ in shown_messages[0].text


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_right_to_left_puts_the_navigation_on_the_right(qtbot, station_ctx: DeskContext) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.layoutDirection()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window = open_window(qtbot, station_ctx)
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        nav_x = window.nav.mapTo(window, QPoint(0, 0)).x()
        stack_x = window.stack.mapTo(window, QPoint(0, 0)).x()
        assert nav_x > stack_x
        window.close()
    finally:
        app.setLayoutDirection(previous)


def test_headquarters_is_not_invited_to_register_what_only_stations_register(qapp) -> None:
    from cplc_desk.gui.shell.areas import areas

    at_hq = " ".join(a.purpose for a in areas(headquarters=True))
    assert "Register" not in at_hq and "Record stolen" not in at_hq
    assert "city-wide" in at_hq
    at_station = " ".join(a.purpose for a in areas(headquarters=False))
    assert "Register citizens' complaints" in at_station


def test_the_counts_are_not_on_the_way_to_the_window(
    qtbot, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting a million records takes seconds: the window shows first, the counts follow."""
    import threading

    from cplc_desk.gui.shell import window_counts

    counted_on: list[str] = []
    real = window_counts.store_stats

    def counting(ctx):  # type: ignore[no-untyped-def]
        counted_on.append(threading.current_thread().name)
        return real(ctx)

    monkeypatch.setattr(window_counts, "store_stats", counting)
    register_complaint(station_ctx, complaint("Ayesha Siddiqui"))
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    assert overview(window).complaints_tile.value_text() != "1"  # not counted yet
    window.show()
    assert window.wait_for_counts()
    assert counted_on == ["cplc-window-counts"]  # once, on the worker, never on the GUI thread
    assert overview(window).complaints_tile.value_text() == "1"
    assert "Complaints: 1" in window.records_status.text()


def test_the_counts_start_after_the_first_paint_and_arrive_by_themselves(
    qtbot, station_ctx: DeskContext
) -> None:
    """A worker counting while the window builds and paints would hold the interpreter: the
    counts are asked for once the window has painted, and then arrive with no one waiting."""
    register_complaint(station_ctx, complaint("Ayesha Siddiqui"))
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    window.refresh()  # asked for before the window is up: held, not started
    assert not window._counts.is_busy()
    qtbot.wait(200)
    assert overview(window).complaints_tile.value_text() != "1"
    window.show()
    qtbot.waitUntil(lambda: overview(window).complaints_tile.value_text() == "1", timeout=10_000)
    assert "Complaints: 1" in window.records_status.text()
