"""Headquarters' city-wide phone checks, opened from the Phones page: handsets recovered at one
station that were reported stolen or snatched at another, and the same handset reported stolen
twice.

Both lists come from :mod:`cplc_desk.services.phones.hq_phones` (the desk's own IMEI rules);
each line says which IMEIs pair the two reports, and whether the same number or one digit off.
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

from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import hq_phones
from cplc_desk.services.phones.hq_phones import (
    ImeiLink,
    PhoneCrossStationMatch,
    PhoneDuplicatePair,
    PhoneRef,
)


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


class PhoneCityChecksDialog(QDialog):
    """The two city-wide phone lists, filled on a worker once the dialog opens."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("City-wide phone checks"))
        self.resize(1000, 560)
        stations = reference.stations(ctx)
        self._names = {st.code: st.name for st in stations}
        self._districts = {st.code: st.district_name for st in stations}
        self._kinds = {
            "stolen": self.tr("stolen"),
            "snatched": self.tr("snatched"),
            "recovered": self.tr("recovered"),
            "found": self.tr("found"),
        }

        self.matches: list[PhoneCrossStationMatch] = []
        self.duplicates: list[PhoneDuplicatePair] = []

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
        self.status_label = QLabel(self.tr("Comparing every station's phone reports…"))
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
        self._task = BackgroundTask("cplc-phone-city-checks", self)
        self._task.succeeded.connect(self._on_found)
        self._task.failed.connect(self._on_failed)

        def work(
            _progress: Progress,
        ) -> tuple[list[PhoneCrossStationMatch], list[PhoneDuplicatePair]]:
            return hq_phones.recovered_elsewhere(ctx), hq_phones.probable_duplicates(ctx)

        self._task.start(work)

    def is_busy(self) -> bool:
        return self._task.is_running()

    def _on_found(self, found: object) -> None:
        assert isinstance(found, tuple)
        matches: list[PhoneCrossStationMatch] = found[0]
        duplicates: list[PhoneDuplicatePair] = found[1]
        self.matches, self.duplicates = matches, duplicates
        for m in self.matches:
            why = self._why(m.recovery, m.links, self.tr("the theft report's"))
            self._add(self.matches_table, m.recovery, m.theft, why)
        for p in self.duplicates:
            why = self._why(p.first, p.links, self.tr("the later report's"))
            if not p.other_station:
                why += " · " + self.tr("both registered at the same station")
            self._add(self.duplicates_table, p.first, p.second, why)
        self.status_label.setText(self.tr("Open phone reports of every station compared."))
        self._show_counts()

    def _on_failed(self, exc: object) -> None:
        self.status_label.clear()
        self.banner.show_message(ERROR, str(exc))

    def _show_counts(self) -> None:
        matches, duplicates = format_count(len(self.matches)), format_count(len(self.duplicates))
        self.matches_label.setText(
            self.tr(
                "Open recovered or found handsets with the IMEI of an open theft report "
                "registered at another station ({n}). The station that registered the theft "
                "confirms it."
            ).format(n=matches)
        )
        self.duplicates_label.setText(
            self.tr(
                "Open theft reports that share an IMEI, so probably describe the same handset: "
                "reported at two stations, or twice at one ({n})."
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

    def _station(self, r: PhoneRef) -> str:
        name = self._names.get(r.origin_desk, r.origin_desk)
        district = self._districts.get(r.origin_desk, NOTHING)
        return self.tr("{station} ({district})").format(station=name, district=district)

    def _report(self, r: PhoneRef) -> str:
        handset = " ".join(part for part in (r.make, r.model, r.colour) if part) or NOTHING
        return self.tr("{number} · {kind} · {handset} · {when}").format(
            number=r.number,
            kind=self._kinds.get(r.kind, r.kind),
            handset=handset,
            when=format_datetime(r.created_at),
        )

    def _imei(self, field: str) -> str:
        return self.tr("IMEI 1") if field == "imei" else self.tr("IMEI 2")

    def _why(self, first: PhoneRef, links: Sequence[ImeiLink], other: str) -> str:
        parts = []
        for link in links:
            words = {
                "mine": self._imei(link.first),
                "number": first.number_in(link.first) or NOTHING,
                "other": other,
                "theirs": self._imei(link.second),
            }
            if link.exact:
                text = self.tr("{mine} {number} is {other} {theirs}")
            else:
                text = self.tr(
                    "{mine} {number} is one digit from {other} {theirs} (altered or mistyped)"
                )
            parts.append(text.format(**words))
        return " · ".join(parts)

    def _add(self, table: QTableWidget, a: PhoneRef, b: PhoneRef, why: str) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(
            (self._report(a), self._station(a), self._report(b), self._station(b), why)
        ):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
