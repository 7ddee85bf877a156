"""The sync screens on real desks: a headquarters and an enrolled Clifton station desk, each in its
own data folder, exchanging real bundles through a folder standing in for the USB stick."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialog

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.gui.hq.enroll_dialog import EnrollStationDialog
from cplc_desk.gui.hq.import_dialog import ImportDialog
from cplc_desk.gui.hq.import_report_model import NEW, RESULT, STATION, ImportReportModel
from cplc_desk.gui.hq.stations_model import (
    ATTENTION_ROLE,
    DAYS,
    HELD,
    KEY,
    MISSING,
    NEVER,
    OVERDUE,
    SEQUENCE,
    STATUS,
    StationsModel,
)
from cplc_desk.gui.hq.stations_page import StationsPage
from cplc_desk.gui.shell import settings
from cplc_desk.gui.shell.areas import SYNC
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.station.sync_page import SyncPage
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.message_banner import ERROR, INFO, SUCCESS, WARNING
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.sync.importer import BundleOutcome, ImportStatus

NAMES = ("Ayesha Siddiqui", "Muhammad Imran", "Farhan Qureshi", "Sana Baloch")


def open_copy(root: Path, template_store: Path, name: str) -> DeskContext:
    """A desk in its own folder, started from the migrated template (faster than migrating)."""
    paths = DeskPaths(root / name)
    paths.ensure()
    shutil.copyfile(template_store, paths.database)
    return open_desk(paths)


def register(ctx: DeskContext, *names: str) -> None:
    for name in names:
        register_complaint(
            ctx,
            ComplaintDraft(
                complainant=PersonDraft(name=name),
                category="THEFT",
                police_station="CLIF",
                narrative="Handbag stolen from a parked car near Do Talwar.",
            ),
        )


@pytest.fixture
def hq(tmp_path: Path, template_store: Path) -> Iterator[DeskContext]:
    ctx = open_copy(tmp_path, template_store, "hq")
    setup.init_hq(ctx, "CPLC HQ")
    yield ctx
    ctx.close()


@pytest.fixture
def station(tmp_path: Path, template_store: Path, hq: DeskContext) -> Iterator[DeskContext]:
    """Clifton's desk, enrolled with headquarters, with two complaints waiting to be sent."""
    enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "e")
    ctx = open_copy(tmp_path, template_store, "clifton")
    sync_station.enroll_from_file(ctx, enrollment)
    register(ctx, *NAMES[:2])
    yield ctx
    ctx.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def make_page(qtbot, page_class, ctx: DeskContext):  # type: ignore[no-untyped-def]
    page = page_class(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def choose(monkeypatch: pytest.MonkeyPatch, name: str, answer: object) -> list[str]:
    """Make dialogs.<name> answer ``answer``; returns the titles it was asked with."""
    titles: list[str] = []

    def chooser(parent, title: str, *args):  # type: ignore[no-untyped-def]
        titles.append(title)
        return answer

    monkeypatch.setattr(dialogs, name, chooser)
    return titles


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), role)


def station_row(page: StationsPage, code: str) -> int:
    row = page.model.row_for(code)
    assert row >= 0, f"{code} is not in the table"
    return row


def import_folder(qtbot, hq: DeskContext, folder: Path, monkeypatch) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(hq)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(monkeypatch, "choose_folder", folder)
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    return dialog


# ---------------------------------------------------------------------- station desk


def test_station_page_shows_enrollment_and_what_is_waiting(qtbot, station: DeskContext) -> None:
    page = make_page(qtbot, SyncPage, station)
    status = sync_station.status(station)
    assert status.pending_changes > 0
    assert page.pending_tile.value_text() == str(status.pending_changes)
    assert "CPLC HQ" in page.enrollment_label.text()
    assert page.enroll_button.text() == "Enroll again from file…"
    assert page.export_button.isEnabled()
    assert not page.again_button.isEnabled()  # nothing written yet
    assert page.last_file_label.text() == "–"
    assert page.last_made_label.text() == "no bundle written yet"


def test_export_through_the_button_writes_a_bundle(
    qtbot, station: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, SyncPage, station)
    titles = choose(monkeypatch, "choose_folder", usb)

    with qtbot.waitSignal(page.work_finished, timeout=30_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        assert page.progress_bar.isVisible()
        assert not page.export_button.isEnabled()  # one export at a time

    assert titles
    bundles = list(usb.glob("*.cplcbundle"))
    assert len(bundles) == 1
    assert page.banner.kind == SUCCESS
    assert "Bundle 1 written" in page.banner.text()
    assert page.pending_tile.value_text() == "0"
    assert page.last_tile.value_text() == "1"
    assert page.last_file_label.text() == bundles[0].name
    assert page.last_made_label.text().startswith("made ")
    assert not page.progress_bar.isVisible()
    assert page.export_button.isEnabled()
    assert page.again_button.isEnabled() and page.again_spin.value() == 1
    assert settings.last_folder("export") == usb

    # Nothing new since: the page says so and writes nothing.
    with qtbot.waitSignal(page.work_finished, timeout=30_000):
        page.export_button.click()
    assert page.banner.kind == INFO
    assert "Nothing changed" in page.banner.text()
    assert len(list(usb.glob("*.cplcbundle"))) == 1


def test_write_a_bundle_again(
    qtbot, station: DeskContext, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = sync_station.export_bundle(station, usb)
    register(station, NAMES[2])
    sync_station.export_bundle(station, usb)
    page = make_page(qtbot, SyncPage, station)
    assert page.again_spin.value() == 2  # the last one by default
    assert page.again_spin.maximum() == 2

    other = tmp_path / "second-stick"
    other.mkdir()
    choose(monkeypatch, "choose_folder", other)
    page.again_spin.setValue(1)
    with qtbot.waitSignal(page.work_finished, timeout=30_000):
        page.again_button.click()
    assert first.path is not None
    assert (other / first.path.name).read_bytes() == first.path.read_bytes()
    assert "written again" in page.banner.text()


def test_cancelling_the_folder_choice_does_nothing(
    qtbot, station: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, SyncPage, station)
    choose(monkeypatch, "choose_folder", None)
    page.export_button.click()
    assert not page.is_busy()
    assert not page.banner.isVisible()


def test_a_refused_export_is_shown_on_the_page(
    qtbot, station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, SyncPage, station)
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("not a folder")
    choose(monkeypatch, "choose_folder", not_a_folder)
    with qtbot.waitSignal(page.work_finished, timeout=30_000):
        page.export_button.click()
    assert page.banner.kind == ERROR
    assert page.banner.isVisible()
    assert "could not be written" in page.banner.text()


def test_an_unenrolled_station_enrolls_from_file(
    qtbot,
    tmp_path: Path,
    template_store: Path,
    hq: DeskContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = open_copy(tmp_path, template_store, "fresh")
    try:
        setup.init_station(ctx, "CLIF")
        page = make_page(qtbot, SyncPage, ctx)
        assert "not enrolled" in page.enrollment_label.text()
        assert page.enroll_button.text() == "Enroll from file…"
        assert not page.export_button.isEnabled()

        # A file that is not an enrollment: refused on the page, nothing changes.
        junk = tmp_path / "junk.cplcenroll"
        junk.write_bytes(b"not an enrollment")
        choose(monkeypatch, "choose_file", junk)
        with qtbot.waitSignal(page.work_finished):
            page.enroll_button.click()
        assert page.banner.kind == ERROR
        assert not page.export_button.isEnabled()

        enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "enroll-CLIF.cplcenroll")
        choose(monkeypatch, "choose_file", enrollment)
        with qtbot.waitSignal(page.work_finished):
            page.enroll_button.click()
        assert page.banner.kind == SUCCESS
        assert "CPLC HQ" in page.enrollment_label.text()
        assert page.export_button.isEnabled()
        assert sync_station.status(ctx).enrolled
    finally:
        ctx.close()


def test_enrolling_again_asks_first(
    qtbot, station: DeskContext, hq: DeskContext, tmp_path: Path, monkeypatch
) -> None:
    page = make_page(qtbot, SyncPage, station)
    enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "again.cplcenroll")
    choose(monkeypatch, "choose_file", enrollment)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, q: asked.append(q) or False)
    page.enroll_button.click()
    assert asked and "already enrolled" in asked[0]
    assert not page.banner.isVisible()


# ---------------------------------------------------------------------- headquarters


def test_import_dialog_imports_a_folder(
    qtbot, hq: DeskContext, station: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = sync_station.export_bundle(station, usb)
    dialog = import_folder(qtbot, hq, usb, monkeypatch)

    model = dialog.model
    assert model.rowCount() == 1
    assert cell(model, 0, RESULT) == "Accepted"
    assert cell(model, 0, STATION) == "CLIF"
    assert cell(model, 0, NEW) == str(exported.records)
    assert dialog.summary.kind == SUCCESS
    assert "accepted: 1" in dialog.summary.text()
    assert dialog.records_changed
    # Progress came through from the worker thread: the bar ended full.
    assert dialog.progress_bar.maximum() == 1 and dialog.progress_bar.value() == 1
    assert dialog.close_button.isEnabled()

    # The same stick again: recognised, nothing merged twice.
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
        dialog.folder_button.click()
    assert cell(model, 0, RESULT) == "Already imported"
    assert cell(model, 0, NEW) == "–"


def test_refused_bundles_stand_out_in_the_report(
    qtbot, hq: DeskContext, station: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_station.export_bundle(station, usb)
    (usb / "CPLC-CLIF-000009-20260101.cplcbundle").write_bytes(b"damaged on the way")
    dialog = import_folder(qtbot, hq, usb, monkeypatch)

    model = dialog.model
    results = [cell(model, row, RESULT) for row in range(model.rowCount())]
    assert sorted(results) == ["Accepted", "Refused"]
    refused = results.index("Refused")
    assert cell(model, refused, RESULT, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, refused, RESULT, Qt.ItemDataRole.DecorationRole) is not None
    assert cell(model, 1 - refused, RESULT, Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.summary.kind == ERROR
    assert "refused: 1" in dialog.summary.text()


def test_an_empty_folder_says_nothing_was_found(
    qtbot, hq: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = import_folder(qtbot, hq, usb, monkeypatch)
    assert dialog.model.rowCount() == 0
    assert dialog.summary.kind == WARNING
    assert not dialog.records_changed


def test_stations_page_shows_the_imported_bundle(
    qtbot, hq: DeskContext, station: DeskContext, usb: Path
) -> None:
    sync_station.export_bundle(station, usb)
    bundle_import.import_bundles(hq, [usb])
    page = make_page(qtbot, StationsPage, hq)

    row = station_row(page, "CLIF")
    model = page.model
    assert cell(model, row, SEQUENCE) == "1"
    assert cell(model, row, STATUS) == "Up to date"
    assert cell(model, row, KEY) == "Active"
    assert cell(model, row, DAYS) == "0"
    assert cell(model, row, STATUS, Qt.ItemDataRole.BackgroundRole) is None
    assert "Stations enrolled: 1" in page.summary_label.text()


def test_an_overdue_station_stands_out(
    qtbot, hq: DeskContext, station: DeskContext, usb: Path
) -> None:
    sync_station.export_bundle(station, usb)
    bundle_import.import_bundles(hq, [usb])
    page = make_page(qtbot, StationsPage, hq)
    assert page.overdue_spin.value() == sync_hq.DEFAULT_OVERDUE_DAYS

    later = now_utc() + timedelta(days=10)
    page.clock = lambda: later
    page.refresh()
    row = station_row(page, "CLIF")
    model = page.model
    assert cell(model, row, STATUS, ATTENTION_ROLE) == OVERDUE
    assert cell(model, row, STATUS) == "Overdue"  # a word, not only a colour
    assert cell(model, row, STATUS, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, row, STATUS, Qt.ItemDataRole.DecorationRole) is not None
    assert cell(model, row, DAYS) == "10"
    assert "overdue: 1" in page.summary_label.text()

    # A longer allowance: no longer overdue, and the choice is kept in the store.
    page.overdue_spin.setValue(14)
    assert cell(model, station_row(page, "CLIF"), STATUS) == "Up to date"
    assert sync_hq.overdue_days(hq) == 14
    again = make_page(qtbot, StationsPage, hq)
    assert again.overdue_spin.value() == 14


def test_a_station_never_heard_from_is_marked(qtbot, hq: DeskContext, tmp_path: Path) -> None:
    sync_hq.enroll_station(hq, "BOBA", tmp_path / "boba.cplcenroll")
    page = make_page(qtbot, StationsPage, hq)
    row = station_row(page, "BOBA")
    assert cell(page.model, row, STATUS, ATTENTION_ROLE) == NEVER
    assert cell(page.model, row, STATUS) == "No bundle yet"
    assert cell(page.model, row, KEY) == "Enrollment pending"
    assert cell(page.model, row, DAYS) == "–"


def two_bundles(station: DeskContext, tmp_path: Path) -> tuple[Path, Path]:
    """Bundles 1 and 2 of the station, each on its own stick."""
    first_stick, second_stick = tmp_path / "first", tmp_path / "second"
    first_stick.mkdir()
    second_stick.mkdir()
    sync_station.export_bundle(station, first_stick)
    register(station, NAMES[2])
    sync_station.export_bundle(station, second_stick)
    return first_stick, second_stick


def test_a_gap_holds_the_later_bundle(
    qtbot,
    hq: DeskContext,
    station: DeskContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_stick, second_stick = two_bundles(station, tmp_path)

    dialog = import_folder(qtbot, hq, second_stick, monkeypatch)  # the first stick was lost
    assert cell(dialog.model, 0, RESULT) == "Held"
    assert dialog.summary.kind == WARNING

    page = make_page(qtbot, StationsPage, hq)
    row = station_row(page, "CLIF")
    model = page.model
    assert cell(model, row, HELD) == "2"
    assert cell(model, row, MISSING) == "1"
    assert cell(model, row, STATUS) == "Bundles missing: 1"
    assert cell(model, row, STATUS, Qt.ItemDataRole.BackgroundRole) is not None

    # The lost bundle turns up: both are merged, the gap is gone.
    bundle_import.import_bundles(hq, [first_stick])
    page.refresh()
    row = station_row(page, "CLIF")
    assert cell(model, row, SEQUENCE) == "2"
    assert cell(model, row, MISSING) == "–"
    assert cell(model, row, STATUS) == "Up to date"


def test_a_waiting_bundle_can_be_discarded_from_the_page(
    qtbot,
    hq: DeskContext,
    station: DeskContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The way out the forked-history refusal names, in the window: the kept copy removed."""
    _first, second_stick = two_bundles(station, tmp_path)
    bundle_import.import_bundles(hq, [second_stick])  # held: bundle 1 has not arrived

    page = make_page(qtbot, StationsPage, hq)
    assert not page.discard_button.isEnabled()  # nothing selected
    assert page.select_code("CLIF") and page.discard_button.isEnabled()
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, q: questions.append(q) or False)
    page.discard_button.click()
    assert cell(page.model, station_row(page, "CLIF"), HELD) == "2"  # said No: still kept

    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, q: questions.append(q) or True)
    page.discard_button.click()
    assert "Remove bundle 2 of Clifton (CLIF)" in questions[-1]
    assert cell(page.model, station_row(page, "CLIF"), HELD) == "–"
    assert page.banner.kind == SUCCESS and "import the right copy" in page.banner.text()
    assert page.select_code("CLIF") and not page.discard_button.isEnabled()


def test_revoke_through_the_page(
    qtbot, hq: DeskContext, station: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_station.export_bundle(station, usb)
    bundle_import.import_bundles(hq, [usb])
    page = make_page(qtbot, StationsPage, hq)
    assert not page.revoke_button.isEnabled()  # nothing selected
    assert page.select_code("CLIF")
    assert page.revoke_button.isEnabled()

    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, q: questions.append(q) or False)
    page.revoke_button.click()
    assert cell(page.model, station_row(page, "CLIF"), KEY) == "Active"  # said No

    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, q: questions.append(q) or True)
    page.revoke_button.click()
    assert len(questions) == 2 and "Clifton (CLIF)" in questions[0]
    row = station_row(page, "CLIF")
    assert cell(page.model, row, KEY) == "Revoked"
    assert cell(page.model, row, STATUS) == "Key revoked"
    assert page.banner.kind == SUCCESS
    assert page.selected_code() == "CLIF"
    assert not page.revoke_button.isEnabled()


def test_enroll_a_station_through_the_page(
    qtbot, hq: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, StationsPage, hq)
    assert page.empty_label.isVisible()

    def pick_boat_basin(dialog: QDialog) -> int:
        assert isinstance(dialog, EnrollStationDialog)
        assert not dialog.ok_button.isEnabled()
        dialog.picker.filter_edit.setText("Boat Basin")
        assert dialog.ok_button.isEnabled()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_modal", pick_boat_basin)
    target = tmp_path / "stick" / "enroll-BOBA.cplcenroll"
    target.parent.mkdir()
    titles = choose(monkeypatch, "choose_save_file", target)
    page.enroll_button.click()

    assert target.exists()
    assert "Boat Basin (BOBA)" in titles[0]
    assert str(target) in page.banner.text()
    assert cell(page.model, station_row(page, "BOBA"), STATUS) == "No bundle yet"
    assert page.selected_code() == "BOBA"
    assert not page.empty_label.isVisible()

    # Re-enroll: the selected station, no picking.
    again = tmp_path / "stick" / "enroll-BOBA-again.cplcenroll"
    choose(monkeypatch, "choose_save_file", again)
    page.reenroll_button.click()
    assert again.exists()
    assert str(again) in page.banner.text()


def test_cancelling_the_enrollment_writes_nothing(
    qtbot, hq: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, StationsPage, hq)
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: QDialog.DialogCode.Rejected)
    page.enroll_button.click()
    assert page.model.rowCount() == 0
    assert not page.banner.isVisible()


def test_import_button_opens_the_dialog_and_refreshes(
    qtbot, hq: DeskContext, station: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_station.export_bundle(station, usb)
    page = make_page(qtbot, StationsPage, hq)
    assert cell(page.model, station_row(page, "CLIF"), SEQUENCE) == "–"

    def run_import(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportDialog)
        with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
            dialog.import_paths([usb])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run_modal", run_import)
    with qtbot.waitSignal(page.records_changed):
        page.import_button.click()
    assert cell(page.model, station_row(page, "CLIF"), SEQUENCE) == "1"


# ---------------------------------------------------------------------- window and models


def test_headquarters_window_shows_stations_under_the_same_shortcut(qtbot, hq: DeskContext) -> None:
    window = MainWindow(hq)
    qtbot.addWidget(window)
    assert isinstance(window.pages[SYNC], StationsPage)
    row = window.area_keys.index(SYNC)
    assert window.nav.item(row).text() == "Stations"
    assert window.page_actions[row].shortcut().toString() == f"Ctrl+{row + 1}"


def test_station_window_keeps_sync(qtbot, station: DeskContext) -> None:
    window = MainWindow(station)
    qtbot.addWidget(window)
    assert isinstance(window.pages[SYNC], SyncPage)
    assert window.nav.item(window.area_keys.index(SYNC)).text() == "Sync"


def test_stations_model_passes_the_model_tester(
    qtmodeltester, hq: DeskContext, station: DeskContext, usb: Path, tmp_path: Path
) -> None:
    sync_station.export_bundle(station, usb)
    bundle_import.import_bundles(hq, [usb])
    sync_hq.enroll_station(hq, "BOBA", tmp_path / "boba.cplcenroll")
    model = StationsModel()
    model.set_stations(sync_hq.stations_overview(hq), {"SOUTH": "South"}, now_utc(), 7)
    assert model.rowCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0
    qtmodeltester.check(model, force_py=True)


def test_import_report_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ImportReportModel({"CLIF": "Clifton"})
    model.set_outcomes(
        [
            BundleOutcome(
                "/stick/a.cplcbundle",
                ImportStatus.ACCEPTED,
                "CLIF",
                1,
                {"new": 3, "updated": 1, "unchanged": 0, "conflicts": 0, "audit_entries": 2},
            ),
            BundleOutcome(
                "/stick/b.cplcbundle", ImportStatus.REFUSED, code="damaged", say="bundle.too_large"
            ),
        ]
    )
    assert model.record_counts() == {"new": 3, "updated": 1, "unchanged": 0, "conflicts": 0}
    assert model.data(model.index(0, STATION), Qt.ItemDataRole.ToolTipRole) == "Clifton"
    assert model.rowCount(QModelIndex()) == 2
    qtmodeltester.check(model, force_py=True)


def test_the_window_stays_open_while_a_bundle_is_written(
    qtbot, station: DeskContext, usb: Path, monkeypatch: pytest.MonkeyPatch, shown_messages
) -> None:
    window = MainWindow(station)
    qtbot.addWidget(window)
    window.show()
    window.show_page(SYNC)
    page = window.pages[SYNC]
    assert isinstance(page, SyncPage)

    release = threading.Event()
    real_export = sync_station.export_bundle

    def slow_export(ctx: DeskContext, out_dir: Path) -> sync_station.ExportResult:
        assert release.wait(30)  # a slow USB stick
        return real_export(ctx, out_dir)

    monkeypatch.setattr(sync_station, "export_bundle", slow_export)
    choose(monkeypatch, "choose_folder", usb)
    page.export_button.click()
    assert page.is_busy()
    window.close()
    assert window.isVisible()
    assert [m.kind for m in shown_messages] == ["information"]

    with qtbot.waitSignal(page.work_finished, timeout=30_000):
        release.set()
    assert list(usb.glob("*.cplcbundle"))
    window.close()
    assert not window.isVisible()


def test_the_stations_toolbar_follows_right_to_left(qtbot, hq: DeskContext) -> None:
    page = StationsPage(hq)
    qtbot.addWidget(page)
    page.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    import_x = page.import_button.mapTo(page, QPoint(0, 0)).x()
    overdue_x = page.overdue_spin.mapTo(page, QPoint(0, 0)).x()
    assert import_x > overdue_x  # the first button sits on the right in Urdu
