"""One vehicle report, read-only: what happened, the vehicle, the owner and the report it was
matched to."""

from __future__ import annotations

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.record_detail import ReportDetailDialog, Row
from cplc_desk.gui.widgets.report_kinds import VEHICLE_REPORTS
from cplc_desk.services.vehicles.vehicle_list import VehicleDetail


class VehicleDetailDialog(ReportDetailDialog):
    REPORTS = VEHICLE_REPORTS
    TASK_NAME = "cplc-vehicle-detail"
    SIZE = (70, 28)
    detail: VehicleDetail

    def _title(self, number: str) -> str:
        return self.tr("Vehicle report {number} — CPLC Desk").format(number=number)

    def _own_rows(self) -> list[Row]:
        d = self.detail
        vehicle = " ".join(
            x for x in (d.colour, d.make, d.model, str(d.model_year or "")) if x
        ).strip()
        return [
            ("class", self.tr("Kind of vehicle:"), names.vehicle_class(d.vehicle_class)),
            ("registration", self.tr("Registration:"), d.registration or ""),
            ("chassis", self.tr("Chassis number:"), d.chassis or ""),
            ("engine", self.tr("Engine number:"), d.engine or ""),
            ("vehicle", self.tr("Vehicle:"), vehicle),
        ]
