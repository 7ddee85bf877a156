"""What headquarters' city-wide check dialogs share (vehicles, phones): two tabs, recoveries that
match a theft reported at another station and probable duplicates, filled on a worker thread once
the dialog opens, each line naming both reports, their stations (with district) and why they are
paired.

A subclass says what is compared (``_find``, run on the worker, returning the two lists: each
match with its ``recovery`` and ``theft``, each duplicate pair with its ``first`` and
``second``), how one report is named (``_report``), why a pair is shown (``_match_why``,
``_duplicate_why``) and the words above each tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask
from cplc_desk.gui.widgets.tables import read_only_rows
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    read_only_rows(table)
    return table


class CityChecksBase(QDialog):
    """The two city-wide lists, filled on a worker once the dialog opens."""

    TASK_NAME = "cplc-city-checks"

    def __init__(
        self, ctx: DeskContext, title: str, comparing: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.resize(1000, 560)
        stations = reference.stations(ctx)
        self._names = {st.code: st.name for st in stations}
        self._districts = {st.code: st.district_name for st in stations}
        self.matches: list[Any] = []
        self.duplicates: list[Any] = []

        station = self.tr("Station (district)")
        self.matches_table = _table(
            [self.tr("Recovered"), station, self.tr("Theft report"), station, self.tr("Why")]
        )
        self.duplicates_table = _table(
            [self.tr("Report"), station, self.tr("Reported again"), station, self.tr("Why")]
        )
        self.matches_label, self.duplicates_label = QLabel(), QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._tab(self.matches_table, self.matches_label), "")
        self.tabs.addTab(self._tab(self.duplicates_table, self.duplicates_label), "")
        self.status_label = QLabel(comparing)
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
        self._task = BackgroundTask(self.TASK_NAME, self)
        self._task.succeeded.connect(self._on_found)
        self._task.failed.connect(self._on_failed)
        self._task.start(lambda _progress: self._find())

    # ------------------------------------------------------------------ the subclass's

    def _find(self) -> tuple[list[Any], list[Any]]:
        """The recoveries matching elsewhere and the probable duplicates (on the worker)."""
        raise NotImplementedError

    def _match_why(self, m: Any) -> str:
        raise NotImplementedError

    def _duplicate_why(self, p: Any) -> str:
        raise NotImplementedError

    def _report(self, r: Any) -> str:
        raise NotImplementedError

    def _counts_texts(self, matches: str, duplicates: str) -> tuple[str, str]:
        """The words above each tab, with how many lines it has."""
        raise NotImplementedError

    def _done_text(self) -> str:
        raise NotImplementedError

    # ------------------------------------------------------------------ filling

    def is_busy(self) -> bool:
        return self._task.is_running()

    def _on_found(self, found: object) -> None:
        assert isinstance(found, tuple)
        self.matches, self.duplicates = list(found[0]), list(found[1])
        for m in self.matches:
            self._add(self.matches_table, m.recovery, m.theft, self._match_why(m))
        for p in self.duplicates:
            self._add(self.duplicates_table, p.first, p.second, self._duplicate_why(p))
        self.status_label.setText(self._done_text())
        self._show_counts()

    def _on_failed(self, exc: object) -> None:
        self.status_label.clear()
        self.banner.show_message(ERROR, str(exc))

    def _show_counts(self) -> None:
        matches, duplicates = format_count(len(self.matches)), format_count(len(self.duplicates))
        matches_text, duplicates_text = self._counts_texts(matches, duplicates)
        self.matches_label.setText(matches_text)
        self.duplicates_label.setText(duplicates_text)
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

    def _station(self, r: Any) -> str:
        name = self._names.get(r.origin_desk, r.origin_desk)
        district = self._districts.get(r.origin_desk, NOTHING)
        return self.tr("{station} ({district})").format(station=name, district=district)

    def _add(self, table: QTableWidget, a: Any, b: Any, why: str) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(
            (self._report(a), self._station(a), self._report(b), self._station(b), why)
        ):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
