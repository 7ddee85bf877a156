"""The vehicle reports list as a lazy item model: it holds only the rows loaded so far and asks the
vehicle list service for the next keyset page of 200 when the view scrolls near the end
(``canFetchMore``/``fetchMore``). Filtering and ordering happen in SQL.

A recovered or found vehicle not yet matched to its theft report says so in its Status cell, in
words and with an icon, and its row is tinted (never colour alone): double-clicking it looks for
the theft report.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.domain.enums import VehicleClass, VehicleReportKind, VehicleReportStatus
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.keyset_model import Column, KeysetTableModel
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicle_list
from cplc_desk.services.vehicles.vehicle_list import Cursor, Page, VehicleQuery, VehicleRow

translate = QCoreApplication.translate

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

# Background and text of a recovery waiting for its match; the text colour is set too so the
# row stays readable on a dark theme.
_AWAITING_TINT = (QColor("#e8f0fb"), QColor("#10243d"))
_RECOVERIES = frozenset(
    (VehicleReportKind.RECOVERED.value, VehicleReportKind.FOUND_ABANDONED.value)
)


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


class VehiclesModel(KeysetTableModel):
    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = vehicle_list.PAGE
    ) -> None:
        super().__init__(ctx, VehicleQuery(), page_size, parent)
        self._set_columns(self._build_columns())
        self._awaiting_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation
        )

    def _build_columns(self) -> list[Column]:
        stations = self._stations
        ltr = ltr_text
        partly_hidden = self.tr("Partly hidden; the report itself shows it in full")
        return [
            Column(self.tr("Number"), lambda r: ltr(r.number), self.tr("The report's number")),
            Column(
                self.tr("Registered"),
                lambda r: format_datetime(r.created_at),
                self.tr("When the report was registered (Pakistan time), newest first"),
            ),
            Column(self.tr("What happened"), lambda r: names.vehicle_report_kind(r.kind)),
            Column(self.tr("Class"), lambda r: vehicle_class_name(r.vehicle_class)),
            Column(self.tr("Registration"), lambda r: ltr(r.registration or NOTHING)),
            Column(self.tr("Chassis"), lambda r: ltr(r.chassis or NOTHING)),
            Column(self.tr("Engine"), lambda r: ltr(r.engine or NOTHING)),
            Column(self.tr("Vehicle"), lambda r: r.description or NOTHING),
            Column(self.tr("Owner"), lambda r: r.owner_name or NOTHING),
            Column(self.tr("Owner's CNIC"), lambda r: ltr(r.owner_cnic_masked or NOTHING), partly_hidden),
            Column(
                self.tr("Police station"),
                lambda r: stations.get(r.police_station_code, r.police_station_code),
            ),
            Column(self.tr("Status"), status_text),
        ]  # fmt: skip

    # ------------------------------------------------------------------ content

    def _page(self, query: VehicleQuery, after: Cursor | None, limit: int) -> Page:
        # Through the module, so a test can count the pages asked for.
        return vehicle_list.list_page(self._ctx, query, after, limit)

    def rows(self) -> list[VehicleRow]:
        return list(self._rows)

    # ------------------------------------------------------------------ Qt model

    def _row_data(self, row: VehicleRow, column: int, role: int) -> Any:
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
