"""The hotlist on screen: the vehicle check says which hotlist it consulted and warns above the
answer once that hotlist has expired; the Sync page shows the hotlist's age and imports one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hotlist_desks import Desks, make_desks, vehicle

from cplc_desk.domain.clock import now_utc
from cplc_desk.gui.station.sync_page import SyncPage
from cplc_desk.gui.vehicles.vehicle_verify import VehicleVerifyWidget
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.message_banner import ERROR, SUCCESS, WARNING
from cplc_desk.services.vehicles import hotlist


@pytest.fixture
def desks(tmp_path: Path, template_store: Path) -> Iterator[Desks]:
    """Saddar holds hotlist 1, which names Clifton's stolen Honda."""
    d = make_desks(tmp_path, template_store)
    vehicle(d.clifton, "stolen", "KNP-5586", "KA-1234567", "JL1P50123")
    d.send()
    hotlist.import_hotlist(d.saddar, hotlist.export_hotlist(d.hq, tmp_path / "stick").path)
    yield d
    d.close()


def expire(desks: Desks) -> None:
    """Three weeks pass without a new hotlist."""
    with sqlite3.connect(desks.saddar.paths.database) as conn:
        conn.execute("UPDATE hotlist_held SET expires_at = ?", (str(now_utc() - timedelta(1)),))


def make_widget(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def check(qtbot, widget: VehicleVerifyWidget, text: str) -> None:
    widget.input.clear()
    with qtbot.waitSignal(widget.verified, timeout=5_000):
        qtbot.keyClicks(widget.input, text)


def test_the_check_names_the_hotlist_it_consulted(qtbot, desks: Desks) -> None:
    widget = make_widget(qtbot, VehicleVerifyWidget(desks.saddar))
    assert widget.hotlist_warning.isHidden()
    check(qtbot, widget, "KNP 5586")
    assert widget.headline() == "REPORTED STOLEN"
    assert "(city-wide hotlist)" in widget.details_label.text()
    assert "Clifton" in widget.details_label.text()
    line = widget.hotlist_label.text()
    assert line.startswith("Hotlist consulted: number 1, issued ") and "valid until" in line
    assert widget.hotlist_warning.isHidden()
    qtbot.waitUntil(lambda: not widget.is_checking())


def test_an_expired_hotlist_is_warned_about_before_and_after_a_check(qtbot, desks: Desks) -> None:
    expire(desks)
    widget = make_widget(qtbot, VehicleVerifyWidget(desks.saddar))
    # Before anything is typed: the person knows the list is stale.
    assert widget.hotlist_warning.isVisible() and widget.hotlist_warning.kind == WARNING
    assert "EXPIRED" in widget.hotlist_warning.text()
    assert "Import a new hotlist on the Sync page" in widget.hotlist_warning.text()
    check(qtbot, widget, "ZZZ-999")
    assert widget.headline() == "No record"
    assert "EXPIRED on" in widget.hotlist_label.text()
    assert widget.hotlist_warning.isVisible()
    qtbot.waitUntil(lambda: not widget.is_checking())


def test_the_sync_page_shows_the_hotlist_and_its_expiry(qtbot, desks: Desks) -> None:
    page = make_widget(qtbot, SyncPage(desks.saddar))
    assert page.hotlist_label.text().startswith(
        "Hotlist number 1: 1 vehicles and 0 handsets, issued"
    )
    assert page.hotlist_warning.isHidden()
    expire(desks)
    page.refresh()
    assert page.hotlist_warning.isVisible() and "EXPIRED" in page.hotlist_warning.text()


def test_the_sync_page_imports_a_newer_hotlist_and_refuses_an_old_one(
    qtbot, desks: Desks, monkeypatch: pytest.MonkeyPatch
) -> None:
    expire(desks)
    page = make_widget(qtbot, SyncPage(desks.saddar))
    newer = hotlist.export_hotlist(desks.hq, desks.root / "stick").path
    monkeypatch.setattr(dialogs, "choose_file", lambda *args: newer)
    with qtbot.waitSignal(page.work_finished, timeout=10_000):
        page.import_hotlist()
    assert page.banner.kind == SUCCESS and "Hotlist number 2 imported" in page.banner.text()
    assert page.hotlist_label.text().startswith("Hotlist number 2:")
    assert page.hotlist_warning.isHidden()

    older = desks.root / "stick" / "hotlist-000001.cplchot"
    monkeypatch.setattr(dialogs, "choose_file", lambda *args: older)
    with qtbot.waitSignal(page.work_finished, timeout=10_000):
        page.import_hotlist()
    assert page.banner.kind == ERROR and "older than the one this desk holds" in page.banner.text()
    assert page.hotlist_label.text().startswith("Hotlist number 2:")
