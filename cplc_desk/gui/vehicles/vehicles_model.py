"""The vehicle reports list as a lazy item model (``ReportsModel``): it holds only the rows loaded
so far and asks the vehicle list service for the next keyset page of 200 when the view scrolls
near the end (``canFetchMore``/``fetchMore``). Filtering and ordering happen in SQL. Here: the
vehicle's columns."""

from __future__ import annotations

from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING
from cplc_desk.gui.widgets.keyset_model import Column
from cplc_desk.gui.widgets.report_kinds import VEHICLE_REPORTS
from cplc_desk.gui.widgets.reports_model import ReportsModel

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


class VehiclesModel(ReportsModel):
    REPORTS = VEHICLE_REPORTS
    STATUS = STATUS

    def _own_columns(self) -> list[Column]:
        ltr = ltr_text
        return [
            Column(self.tr("Class"), lambda r: names.vehicle_class(r.vehicle_class)),
            Column(self.tr("Registration"), lambda r: ltr(r.registration or NOTHING)),
            Column(self.tr("Chassis"), lambda r: ltr(r.chassis or NOTHING)),
            Column(self.tr("Engine"), lambda r: ltr(r.engine or NOTHING)),
            Column(self.tr("Vehicle"), lambda r: r.description or NOTHING),
        ]
