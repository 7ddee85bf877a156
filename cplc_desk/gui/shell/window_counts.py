"""The part of the main window that shows how many records the desk holds: the Overview's
figures and the status bar's totals.

The counts grow with the store (a million records take seconds to count), so they are read on
a worker, never on the way to showing the window. Nor does that worker start before the first
paint: counting while the window builds and paints would hold the interpreter
(bench/startup.py). A count asked for earlier is held and asked for then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell.areas import OVERVIEW
from cplc_desk.gui.shell.overview_page import OverviewPage
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.stats import StoreStats, store_stats


class CountsWindow(QMainWindow):
    ctx: DeskContext
    pages: dict[str, QWidget]
    records_status: QLabel

    def _set_up_counts(self) -> None:
        # A child of the window: counts still running when it goes are never shown.
        self._counts = OperationRunner("cplc-window-counts", self)
        self._counts_held = True

    def _load_counts(self) -> None:
        if self._counts_held:
            return  # asked for once the window has painted (paintEvent)
        ctx = self.ctx
        self._counts.submit(
            lambda: store_stats(ctx), self._show_counts, self._counts_failed, key="counts"
        )

    def _release_counts(self) -> None:
        if self._counts_held:
            self._counts_held = False
            self._load_counts()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._counts_held:
            QTimer.singleShot(0, self._release_counts)  # the window is up: now count

    def wait_for_counts(self) -> bool:
        """Until the counts asked for have arrived (tests, and closing); a window never shown
        asks for them now."""
        self._release_counts()
        return self._counts.wait_idle()

    def _show_counts(self, stats: object) -> None:
        assert isinstance(stats, StoreStats)
        overview = self.pages[OVERVIEW]
        assert isinstance(overview, OverviewPage)
        overview.refresh(stats)
        self._show_totals(stats)

    def _counts_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DeskError):
            raise exc
        self.records_status.setText(str(exc))

    def _show_totals(self, stats: StoreStats) -> None:
        # "Complaints: 1" rather than "1 complaints": no plural forms to get wrong.
        self.records_status.setText(
            QCoreApplication.translate(
                "MainWindow", "Complaints: {complaints} · Vehicle reports: {vehicles}"
            ).format(
                complaints=format_count(stats.complaints.total),
                vehicles=format_count(stats.vehicle_reports.total),
            )
        )
