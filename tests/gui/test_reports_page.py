"""The Reports page on a merged city (tests/statistics_city.py): computed on a worker, its
figures the service's, the records behind a count listed (and audited) and opened, the report
saved in each format, published at headquarters; a station's desk counts its own records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import statistics_city as sc
from hq_city import City, build_city
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from cplc_desk.domain import i18n
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.statistics import Month, StatisticsRequest
from cplc_desk.gui.reports.records_dialog import RecordsBehindDialog
from cplc_desk.gui.reports.report_model import DrillKey
from cplc_desk.gui.reports.reports_page import ReportsPage
from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.pages import page_class
from cplc_desk.gui.vehicles.vehicle_detail import VehicleDetailDialog
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.statistics import report
from cplc_desk.storage.models import AuditEntry

OCT = Month(2026, 10)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path_factory.mktemp("reportscity"), template_store, sc.CODES)
    sc.fill(c)
    yield c
    c.close()


def computed(qtbot, ctx: DeskContext, month: Month = OCT) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.request_widget.set_month(month)
    with qtbot.waitSignal(page.computed, timeout=30_000):
        assert page.compute()
    return page


def audited(ctx: DeskContext, action: AuditAction) -> int:
    with ctx.store.read() as s:
        return len(list(s.scalars(select(AuditEntry.seq).where(AuditEntry.action == action))))


def figure(page: ReportsPage, category: str, column: int) -> str:
    model = page.figures_model
    for row in range(model.rowCount()):
        if model.table.keys[row][1] == DrillKey(category):
            return str(model.index(row, column).data())
    raise AssertionError(f"no row for {category}")


def test_the_registry_shows_this_page() -> None:
    assert page_class("reports", headquarters=True) is ReportsPage
    assert page_class("reports", headquarters=False) is ReportsPage


def test_computed_figures_are_the_services(qtbot, city: City) -> None:  # type: ignore[no-untyped-def]
    produced = audited(city.hq, AuditAction.STATISTICS_PRODUCED)
    page = computed(qtbot, city.hq)
    assert page.report is not None and page.tabs.isVisible()
    assert audited(city.hq, AuditAction.STATISTICS_PRODUCED) == produced + 1
    expected = report.compute(city.hq, StatisticsRequest(OCT))
    assert page.figures_model.rowCount() == len(expected.rows)
    for row in expected.rows:
        shown = [figure(page, row.category, column) for column in (1, 2, 4, 6, 7)]
        assert shown == [
            format_count(n)
            for n in (
                row.count,
                row.previous_month,
                row.same_month_last_year,
                row.year_to_date,
                row.previous_year_to_date,
            )
        ], row.category
    # Absolute change before the percentage: complaints of theft went from 1 to 0.
    assert figure(page, "complaint.theft", 3) == "\u22121 (\u2212100.0%)"
    assert figure(page, "two_wheeler.stolen", 1) == "1"  # 18:59 UTC on 31 Oct, Pakistan time
    rates = [page.recovery_model.index(r, 3).data() for r in range(page.recovery_model.rowCount())]
    assert "50.0%" in rates
    levels = [page.matrix_model.index(r, 1).data() for r in range(page.matrix_model.rowCount())]
    assert levels.count("Police station") >= len(sc.CODES)
    extortion_at_saddar = [
        page.matrix_model.index(r, c).data()
        for r, keys in enumerate(page.matrix_model.table.keys)
        for c, key in enumerate(keys)
        if key == DrillKey("complaint.extortion", station="SADD")
    ]
    assert extortion_at_saddar == ["4"]
    assert page.hour_day_model.rowCount() == 7 and page.hour_day_model.columnCount() == 25
    grid = [
        [int(page.hour_day_model.index(day, 1 + hour).data() or 0) for hour in range(24)]
        for day in range(7)
    ]
    assert grid == [list(day) for day in expected.hour_day.cells]
    assert sum(map(sum, grid)) > 0  # the snatchings of October, by hour and weekday
    assert page.trend_chart.chosen()  # lines drawn for the categories with figures
    assert "bundles" in page.as_of_label.text()
    assert page.publication_label.text() == "Not published yet."


def test_double_clicking_a_count_lists_the_records_behind_it_and_opens_one(
    qtbot, city: City, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = computed(qtbot, city.hq)
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:  # stands in for the modal loop
        shown.append(dialog)
        if isinstance(dialog, RecordsBehindDialog):
            dialog.open_row(0)  # the person double-clicks the first record
        return 0

    monkeypatch.setattr(dialogs, "run_modal", run)
    looked_up = audited(city.hq, AuditAction.STATISTICS_LOOKED_UP)
    model = page.figures_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.table.keys[r][1] == DrillKey("four_wheeler.snatched")
    )
    page.tabs.setCurrentIndex(0)
    index = model.index(row, 1)
    rect = page.figures_view.visualRect(index)
    # A double-click as the view receives it: a press and release, then the second press.
    viewport = page.figures_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30_000)
    listing, opened = shown
    assert isinstance(listing, RecordsBehindDialog)
    # The car snatched at Saddar and again at Ferozabad is one figure and one record.
    assert [r.police_station_code for r in listing.records] == ["SADD"]
    assert listing.model.rowCount() == 1
    assert isinstance(opened, VehicleDetailDialog)
    assert audited(city.hq, AuditAction.STATISTICS_LOOKED_UP) == looked_up + 1


def test_a_station_cell_of_the_matrix_drills_into_that_station(
    qtbot, city: City, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = computed(qtbot, city.hq)
    shown: list[RecordsBehindDialog] = []
    monkeypatch.setattr(dialogs, "run_modal", lambda d: shown.append(d) or 0)
    assert page.drill(DrillKey("complaint.extortion", station="SADD"))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert len(shown[0].records) == 4
    assert {r.category for r in shown[0].records} == {"complaint.extortion"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf", "json"])
def test_saving_writes_the_file_and_is_audited(
    qtbot, city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    page = computed(qtbot, city.hq)
    target = tmp_path / f"october.{fmt}"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *args: target)
    exported = audited(city.hq, AuditAction.STATISTICS_EXPORTED)
    with qtbot.waitSignal(page.exported, timeout=30_000):
        assert page.save_as(fmt)
    assert target.stat().st_size > 0
    assert audited(city.hq, AuditAction.STATISTICS_EXPORTED) == exported + 1
    assert str(target) in page.banner.text()
    if fmt == "json":
        data = json.loads(target.read_text(encoding="utf-8"))
        rows = {r["category"]: r["count"] for r in data["rows"]}
        assert rows["complaint.extortion"] == 4
    if fmt == "pdf":
        assert target.read_bytes().startswith(b"%PDF")


def test_headquarters_chooses_city_district_or_station(qtbot, city: City) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(city.hq)
    qtbot.addWidget(page)
    choices = page.request_widget
    assert choices.scope_combo.isVisibleTo(page) and choices.public_box.isVisibleTo(page)
    assert page.publish_button.isVisibleTo(page)
    offered = choices.scope_choices()
    assert ("station", "CLIF") in offered
    assert any(kind == "district" for kind, _ in offered)
    assert choices.request().scope_key() == "city"
    assert choices.choose_scope("station", "SADD")
    choices.public_box.setChecked(True)
    asked = choices.request()
    assert (asked.station, asked.district, asked.public) == ("SADD", None, True)
    district = next(code for kind, code in offered if kind == "district")
    choices.choose_scope("district", district)
    assert choices.request().district == district
    choices.choose_scope("station", "SADD")
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.request_widget.set_month(OCT)
        page.compute()
    assert page.report is not None and page.report.request.station == "SADD"
    assert {s.code for s in page.report.stations} <= {"SADD"}


def test_a_station_sees_its_own_records_with_no_choice(qtbot, city: City) -> None:  # type: ignore[no-untyped-def]
    page = computed(qtbot, city.stations["SADD"])
    choices = page.request_widget
    assert not choices.scope_combo.isVisibleTo(page)
    assert not choices.public_box.isVisibleTo(page)
    assert not page.publish_button.isVisibleTo(page)
    assert "own records" in choices.own_scope_label.text()
    assert page.report is not None
    expected = report.compute(city.stations["SADD"], StatisticsRequest(OCT))
    assert figure(page, "complaint.extortion", 1) == format_count(
        expected.row("complaint.extortion").count  # type: ignore[union-attr]
    )
    assert page.publication_label.isHidden()


def test_a_range_of_months_is_asked_for(qtbot, city: City) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(city.hq)
    qtbot.addWidget(page)
    page.request_widget.set_month(Month(2026, 9), Month(2026, 10))
    asked = page.request_widget.request()
    assert (asked.month, asked.to_month) == (Month(2026, 9), OCT)
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.compute()
    assert page.figures_model.headerData(1, Qt.Orientation.Horizontal) == "Months"


def test_the_trend_draws_the_categories_ticked(qtbot, city: City) -> None:  # type: ignore[no-untyped-def]
    page = computed(qtbot, city.hq)
    chart = page.trend_chart
    chart.choose(["complaint.extortion", "two_wheeler.stolen"])
    assert sorted(chart.chosen()) == ["complaint.extortion", "two_wheeler.stolen"]
    assert len(chart.plot.listDataItems()) == 2
    extortion = chart.series["complaint.extortion"]
    assert extortion.months[-1] == "2026-10" and extortion.counts[-1] == 4


def test_in_urdu_the_page_reads_right_to_left(qtbot, city: City) -> None:  # type: ignore[no-untyped-def]
    language.apply_language(i18n.URDU)
    page = computed(qtbot, city.hq)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.compute_button.text() == "حساب کریں"
    assert page.figures_model.headerData(1, Qt.Orientation.Horizontal) == "یہ مہینہ"
    assert page.export_buttons["csv"].text().startswith("\u200f")  # Latin first, still RTL
    assert "پورا شہر" in page.as_of_label.text()


def test_a_refused_report_says_why_on_the_page(
    qtbot, city: City, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(city.hq)
    qtbot.addWidget(page)
    # A station dropped from the reference data after the page listed it.
    asked = StatisticsRequest(OCT, station="NOPE")
    monkeypatch.setattr(page.request_widget, "request", lambda: asked)
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        page.compute()
    assert page.report is None and page.banner.kind == "error"
    assert "no police station with the code NOPE" in page.banner.text()
    assert page.compute_button.isEnabled()


def test_zz_publishing_asks_first_then_shows_the_published_note(
    qtbot, city: City, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = computed(qtbot, city.hq)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, q: asked.append(q) or False)
    assert not page.publish()
    assert audited(city.hq, AuditAction.STATISTICS_PUBLISHED) == 0
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, q: asked.append(q) or True)
    with qtbot.waitSignal(page.computed, timeout=30_000):
        assert page.publish()
    assert len(asked) == 2
    assert audited(city.hq, AuditAction.STATISTICS_PUBLISHED) == 1
    assert page.publication_label.text().startswith("Published on")
    assert "No figure has changed since." in page.publication_label.text()
    sc.late(city)  # a late bundle: one more car stolen in October
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.compute()
    assert "2 then, 3 now" in page.publication_label.text()
