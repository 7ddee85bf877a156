"""Headquarters' city-wide vehicle checks, from the Vehicles page: recovered vehicles that match a
theft reported at another station, and the same vehicle reported stolen or snatched twice.

Both lists come from :mod:`cplc_desk.services.vehicles.hq_vehicles` (the desk's own matching code); each
line says why the two reports are paired, in the words the desk's match dialog uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.vehicles.match_words import evidence_text, score_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import hq_vehicles
from cplc_desk.services.vehicles.hq_vehicles import CrossStationMatch, DuplicatePair, ReportRef


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CityChecksDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("City-wide vehicle checks"))
        self.resize(1000, 560)
        stations = reference.stations(ctx)
        self._names = {st.code: st.name for st in stations}
        self._districts = {st.code: st.district_name for st in stations}

        self.matches: list[CrossStationMatch] = []
        self.duplicates: list[DuplicatePair] = []

        report = self.tr("Report")
        station = self.tr("Station (district)")
        self.matches_table = _table(
            [self.tr("Recovered"), station, self.tr("Theft report"), station, self.tr("Why")]
        )
        self.duplicates_table = _table(
            [report, station, self.tr("Reported again"), station, self.tr("Why")]
        )
        self.matches_label, self.duplicates_label = QLabel(), QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._tab(self.matches_table, self.matches_label), "")
        self.tabs.addTab(self._tab(self.duplicates_table, self.duplicates_label), "")
        self.status_label = QLabel(self.tr("Comparing every station's vehicle reports…"))
        self.banner = MessageBanner()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self._show_counts()

        # A whole city's reports take a while to compare: on a worker, the window stays alive.
        self._task = BackgroundTask("cplc-city-checks", self)
        self._task.succeeded.connect(self._on_found)
        self._task.failed.connect(self._on_failed)

        def work(_progress: Progress) -> tuple[list[CrossStationMatch], list[DuplicatePair]]:
            return hq_vehicles.cross_station_matches(ctx), hq_vehicles.probable_duplicates(ctx)

        self._task.start(work)

    def is_busy(self) -> bool:
        return self._task.is_running()

    def _on_found(self, found: object) -> None:
        assert isinstance(found, tuple)
        matches: list[CrossStationMatch] = found[0]
        duplicates: list[DuplicatePair] = found[1]
        self.matches, self.duplicates = matches, duplicates
        for m in self.matches:
            self._add(self.matches_table, m.recovery, m.theft, self._why(m))
        for p in self.duplicates:
            self._add(self.duplicates_table, p.first, p.second, self._duplicate_why(p))
        self.status_label.setText(self.tr("Open reports of every station compared."))
        self._show_counts()

    def _on_failed(self, exc: object) -> None:
        self.status_label.clear()
        self.banner.show_message(ERROR, str(exc))

    def _show_counts(self) -> None:
        matches, duplicates = format_count(len(self.matches)), format_count(len(self.duplicates))
        self.matches_label.setText(
            self.tr(
                "Open recoveries whose vehicle matches an open theft report registered at "
                "another station ({n}). The station that registered the theft confirms it."
            ).format(n=matches)
        )
        self.duplicates_label.setText(
            self.tr(
                "Open theft reports that probably describe the same vehicle: reported at two "
                "stations, or by the same owner twice ({n})."
            ).format(n=duplicates)
        )
        self.tabs.setTabText(0, self.tr("Recovered elsewhere ({n})").format(n=matches))
        self.tabs.setTabText(1, self.tr("Probable duplicates ({n})").format(n=duplicates))

    def done(self, result: int) -> None:
        if self._task.is_running():
            return  # the worker still reads; closing now would delete what it reports to
        super().done(result)

    @staticmethod
    def _tab(table: QTableWidget, label: QLabel) -> QWidget:
        page = QWidget()
        label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return page

    def _station(self, r: ReportRef) -> str:
        name = self._names.get(r.origin_desk, r.origin_desk)
        district = self._districts.get(r.origin_desk, NOTHING)
        return self.tr("{station} ({district})").format(station=name, district=district)

    def _report(self, r: ReportRef) -> str:
        return self.tr("{number} · {kind} · {registration} · {when}").format(
            number=r.number,
            kind=names.vehicle_report_kind(r.kind),
            registration=r.registration or NOTHING,
            when=format_datetime(r.created_at),
        )

    def _why(self, m: CrossStationMatch) -> str:
        parts = [score_text(m.score), *(evidence_text(e) for e in m.evidence)]
        return " · ".join(parts)

    def _duplicate_why(self, p: DuplicatePair) -> str:
        parts = [score_text(p.score), *(evidence_text(e) for e in p.evidence)]
        if p.same_owner:
            parts.append(self.tr("the same owner's CNIC"))
        return " · ".join(parts)

    def _add(self, table: QTableWidget, a: ReportRef, b: ReportRef, why: str) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(
            (self._report(a), self._station(a), self._report(b), self._station(b), why)
        ):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
