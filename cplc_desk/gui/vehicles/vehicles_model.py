"""The vehicle reports list as a lazy item model (``ReportsModel``): it holds only the rows loaded
so far and asks the vehicle list service for the next keyset page of 200 when the view scrolls
near the end (``canFetchMore``/``fetchMore``). Filtering and ordering happen in SQL. Here: the
vehicle's columns, and the names of the vehicle classes."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
)

from cplc_desk.domain.enums import VehicleClass
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets.formats import NOTHING
from cplc_desk.gui.widgets.keyset_model import Column
from cplc_desk.gui.widgets.report_kinds import VEHICLE_REPORTS
from cplc_desk.gui.widgets.reports_model import ReportsModel
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicle_list
from cplc_desk.services.vehicles.vehicle_list import Cursor, Page, VehicleQuery

translate = QCoreApplication.translate

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


class VehiclesModel(ReportsModel):
    REPORTS = VEHICLE_REPORTS
    STATUS = STATUS

    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = vehicle_list.PAGE
    ) -> None:
        super().__init__(ctx, VehicleQuery(), page_size, parent)

    def _own_columns(self) -> list[Column]:
        ltr = ltr_text
        return [
            Column(self.tr("Class"), lambda r: vehicle_class_name(r.vehicle_class)),
            Column(self.tr("Registration"), lambda r: ltr(r.registration or NOTHING)),
            Column(self.tr("Chassis"), lambda r: ltr(r.chassis or NOTHING)),
            Column(self.tr("Engine"), lambda r: ltr(r.engine or NOTHING)),
            Column(self.tr("Vehicle"), lambda r: r.description or NOTHING),
        ]

    def _page(self, query: VehicleQuery, after: Cursor | None, limit: int) -> Page:
        # Through the module, so a test can count the pages asked for.
        return vehicle_list.list_page(self._ctx, query, after, limit)
