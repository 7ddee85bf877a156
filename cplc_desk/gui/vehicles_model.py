"""The vehicle reports list as a lazy item model: it holds only the rows loaded so far and asks the
vehicle list service for the next keyset page of 200 when the view scrolls near the end
(``canFetchMore``/``fetchMore``). Filtering and ordering happen in SQL.

A recovered or found vehicle not yet matched to its theft report says so in its Status cell, in
words and with an icon, and its row is tinted (never colour alone): double-clicking it looks for
the theft report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.domain.enums import VehicleClass, VehicleReportKind, VehicleReportStatus
from cplc_desk.gui import names
from cplc_desk.gui.districts import district_names
from cplc_desk.gui.formats import NOTHING, format_datetime
from cplc_desk.services import reference, vehicle_list
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.services.vehicle_list import Cursor, Page, VehicleQuery, VehicleRow
from cplc_desk.storage.migrate import StoreError

translate = QCoreApplication.translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the report's id (str)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole VehicleRow
AWAITING_ROLE = Qt.ItemDataRole.UserRole + 3  # True for a recovery not matched yet

(
    NUMBER,
    REGISTERED,
    KIND,
    CLASS,
    REGISTRATION,
    CHASSIS,
    ENGINE,
    VEHICLE,
    OWNER,
    CNIC,
    STATION,
    STATUS,
) = range(12)
# Headquarters only: the police station's district (last, so the columns above keep their
# numbers; the page shows it beside the police station).
DISTRICT = 12

# Reloading keeps what was loaded (so the view stays where it was), up to this many rows.
MAX_RELOAD = 2000

# Background and text of a recovery waiting for its match; the text colour is set too so the
# row stays readable on a dark theme.
_AWAITING_TINT = (QColor("#e8f0fb"), QColor("#10243d"))
_RECOVERIES = frozenset(
    (VehicleReportKind.RECOVERED.value, VehicleReportKind.FOUND_ABANDONED.value)
)

Index = QModelIndex | QPersistentModelIndex


def left_to_right(text: str) -> str:
    """Keeps a plate, chassis, CNIC or report number in its own order inside right-to-left
    (Urdu) text, where the bidi rules would otherwise move its parts around the dashes."""
    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u202a{text}\u202c"  # LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING


def awaiting_match(row: VehicleRow) -> bool:
    """A recovered or found vehicle whose theft report has not been found yet."""
    return row.kind in _RECOVERIES and row.status == VehicleReportStatus.OPEN.value


def status_text(row: VehicleRow) -> str:
    if awaiting_match(row):
        return translate("VehiclesModel", "Not matched yet")
    return names.vehicle_report_status(row.status)


def vehicle_class_name(code: str) -> str:
    """A vehicle class's name in the desk's language (the code itself for one unknown here)."""
    names_: dict[str, str] = {
        VehicleClass.CAR: translate("VehiclesModel", "Car"),
        VehicleClass.MOTORCYCLE: translate("VehiclesModel", "Motorcycle"),
        VehicleClass.RICKSHAW: translate("VehiclesModel", "Rickshaw"),
        VehicleClass.COMMERCIAL: translate("VehiclesModel", "Commercial"),
        VehicleClass.OTHER: translate("VehiclesModel", "Other", "vehicle class"),
    }
    return names_.get(code, code)


@dataclass(frozen=True)
class _Column:
    header: str
    text: Callable[[VehicleRow], str]
    tooltip: str = ""


class VehiclesModel(QAbstractTableModel):
    # A later page could not be read (the store went away, say): the message to show.
    load_failed = Signal(str)

    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = vehicle_list.PAGE
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.page_size = page_size
        self.query = VehicleQuery()
        self._rows: list[VehicleRow] = []
        self._next: Cursor | None = None
        # Names and formatters built once: the texts follow the translator installed now.
        stations = reference.stations(ctx)
        self._stations = {s.code: s.name for s in stations}
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station
        self._districts = district_names(stations)
        self._columns = self._build_columns()
        if self.headquarters:
            self._columns.append(self._district_column())
        self._awaiting_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation
        )

    def _build_columns(self) -> list[_Column]:
        stations = self._stations
        ltr = left_to_right
        partly_hidden = self.tr("Partly hidden; the report itself shows it in full")
        return [
            _Column(self.tr("Number"), lambda r: ltr(r.number), self.tr("The report's number")),
            _Column(
                self.tr("Registered"),
                lambda r: format_datetime(r.created_at),
                self.tr("When the report was registered (Pakistan time), newest first"),
            ),
            _Column(self.tr("What happened"), lambda r: names.vehicle_report_kind(r.kind)),
            _Column(self.tr("Class"), lambda r: vehicle_class_name(r.vehicle_class)),
            _Column(self.tr("Registration"), lambda r: ltr(r.registration or NOTHING)),
            _Column(self.tr("Chassis"), lambda r: ltr(r.chassis or NOTHING)),
            _Column(self.tr("Engine"), lambda r: ltr(r.engine or NOTHING)),
            _Column(self.tr("Vehicle"), lambda r: r.description or NOTHING),
            _Column(self.tr("Owner"), lambda r: r.owner_name or NOTHING),
            _Column(self.tr("Owner's CNIC"), lambda r: ltr(r.owner_cnic_masked or NOTHING), partly_hidden),
            _Column(
                self.tr("Police station"),
                lambda r: stations.get(r.police_station_code, r.police_station_code),
            ),
            _Column(self.tr("Status"), status_text),
        ]  # fmt: skip

    def _district_column(self) -> _Column:
        districts = self._districts
        return _Column(
            self.tr("District"),
            lambda r: districts.get(r.police_station_code, NOTHING),
            self.tr("The district of the police station"),
        )

    # ------------------------------------------------------------------ content

    def _page(self, query: VehicleQuery, after: Cursor | None, limit: int) -> Page:
        # Through the module, so a test can count the pages asked for.
        return vehicle_list.list_page(self._ctx, query, after, limit)

    def set_query(self, query: VehicleQuery) -> None:
        """Show what ``query`` matches: the first page only; more as the view scrolls.

        Raises the service's error (ServiceError, StoreError) with the old list still shown."""
        self._replace(query, self._page(query, None, self.page_size))

    def reload(self) -> None:
        """Read the same query again (after a change), keeping as many rows as were loaded."""
        limit = min(max(self.page_size, len(self._rows)), MAX_RELOAD)
        self._replace(self.query, self._page(self.query, None, limit))

    def _replace(self, query: VehicleQuery, page: Page) -> None:
        self.beginResetModel()
        self.query = query
        self._rows = list(page.rows)
        self._next = page.next
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._next is None:
            return
        try:
            page = self._page(self.query, self._next, self.page_size)
        except (ServiceError, StoreError) as exc:
            # Called by the view, where an exception would go nowhere: stop and say why.
            self._next = None
            self.load_failed.emit(str(exc))
            return
        if not page.rows:
            self._next = None
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._next = page.next
        self.endInsertRows()

    def fully_loaded(self) -> bool:
        return self._next is None

    def rows(self) -> list[VehicleRow]:
        return list(self._rows)

    def row_of(self, report_id: str) -> int:
        """The row showing this report among those loaded, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == report_id), -1)

    def report_at(self, row: int) -> VehicleRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def station_name(self, code: str) -> str:
        return self._stations.get(code, code)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].text(row)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        awaiting = awaiting_match(row)
        if role == AWAITING_ROLE:
            return awaiting
        if not awaiting:
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return self._awaiting_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Not matched to a theft report yet: double-click to look for it again.")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_AWAITING_TINT[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_AWAITING_TINT[1])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tooltip or None
        return None
