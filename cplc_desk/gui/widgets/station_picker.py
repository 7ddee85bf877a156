"""A searchable list of police stations: a filter box over a table of name, code, district, zone.

Used where a person picks one station (first-run setup now; complaint forms later). Typing
filters on every column at once, so "clif", "CLIF" and "south" all find Clifton.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.services.desk.reference import StationInfo

STATION_ROLE = Qt.ItemDataRole.UserRole + 1


class StationPickerWidget(QWidget):
    """Filter box plus station list. ``station_changed`` fires when the chosen station changes
    (including to ``None`` when the filter hides it)."""

    station_changed = Signal()
    station_activated = Signal()

    def __init__(self, stations: Sequence[StationInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Type a station name, district, zone or code"))
        self.filter_edit.setClearButtonEnabled(True)

        self._model = QStandardItemModel(0, 4, self)
        self._model.setHorizontalHeaderLabels(
            [self.tr("Police station"), self.tr("Code"), self.tr("District"), self.tr("Zone")]
        )
        for station in stations:
            self._model.appendRow(self._row(station))

        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setFilterKeyColumn(-1)  # match any column: name, code, district or zone

        self.view = QTreeView()
        self.view.setModel(self._proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)

        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.returnPressed.connect(self._select_first)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.station_changed.emit())
        self.view.activated.connect(lambda *_: self.station_activated.emit())
        self.setFocusProxy(self.filter_edit)

    def _row(self, station: StationInfo) -> list[QStandardItem]:
        items = [
            QStandardItem(station.name),
            QStandardItem(station.code),
            QStandardItem(station.district_name),
            QStandardItem(station.zone_name),
        ]
        for item in items:
            item.setData(station, STATION_ROLE)
        if station.district_certainty != "sourced":
            # Some districts were inferred from incomplete public lists; say so rather than hide it.
            district = items[2]
            font = district.font()
            font.setItalic(True)
            district.setFont(font)
            district.setToolTip(self.tr("This station's district is not confirmed."))
        return items

    def selected_station(self) -> StationInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        station = rows[0].data(STATION_ROLE)
        return station if isinstance(station, StationInfo) else None

    def visible_count(self) -> int:
        return self._proxy.rowCount()

    def select_code(self, code: str) -> bool:
        """Select the station with this code if the filter shows it."""
        for row in range(self._proxy.rowCount()):
            index = self._proxy.index(row, 0)
            station = index.data(STATION_ROLE)
            if isinstance(station, StationInfo) and station.code == code:
                self._select(index)
                return True
        return False

    def _select(self, index: QModelIndex) -> None:
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def _on_filter(self, text: str) -> None:
        self._proxy.setFilterFixedString(text.strip())
        if self._proxy.rowCount() == 1:
            # One match left: the person has found it; spare them the extra click.
            self._select(self._proxy.index(0, 0))
        # A selection hidden by the filter is dropped by the proxy without a selectionChanged.
        self.station_changed.emit()

    def _select_first(self) -> None:
        if self.selected_station() is None and self._proxy.rowCount() > 0:
            self._select(self._proxy.index(0, 0))
