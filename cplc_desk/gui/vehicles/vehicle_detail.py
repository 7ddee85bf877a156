"""One vehicle report, read-only: what happened, the vehicle, the owner and the report it was
matched to."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.vehicles.vehicles_model import vehicle_class_name
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import format_date, format_datetime
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import VEHICLE_RECEIPTS, ReceiptPanel
from cplc_desk.gui.widgets.record_detail import owner_text, values_form
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicle_list
from cplc_desk.services.vehicles.vehicle_list import VehicleDetail


class VehicleDetailDialog(QDialog):
    """Raises the service's error (ServiceError) when the report cannot be read."""

    def __init__(self, ctx: DeskContext, report_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = vehicle_list.view(ctx, report_id)  # full CNIC: audited as viewed
        d = self.detail
        station = reference.station(ctx, d.police_station_code)
        self.setWindowTitle(self.tr("Vehicle report {number} — CPLC Desk").format(number=d.number))

        heading = emphasise(
            QLabel(
                self.tr("{number} · {kind} · {status}").format(
                    number=d.number,
                    kind=names.vehicle_report_kind(d.kind),
                    status=names.vehicle_report_status(d.status),
                )
            ),
            1.3,
        )
        heading.setWordWrap(True)
        form, self.values = values_form(
            self._rows(d, station.name if station else d.police_station_code)
        )
        self._jobs = OperationRunner("cplc-vehicle-detail", self)
        # The owner's receipt again (marked COPY once one went out), on any paper.
        self.receipt_panel = ReceiptPanel(ctx, self._jobs, source=VEHICLE_RECEIPTS)
        self.receipt_panel.set_record(d.id, d.number)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.receipt_panel)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(QSize(metrics.averageCharWidth() * 70, metrics.lineSpacing() * 28))

    def done(self, result: int) -> None:
        # Answers must not arrive for a closed window; a receipt job takes a moment at most.
        self._jobs.wait_idle()
        super().done(result)

    def _rows(self, d: VehicleDetail, station: str) -> list[tuple[str, str, str]]:
        vehicle = " ".join(
            x for x in (d.colour, d.make, d.model, str(d.model_year or "")) if x
        ).strip()
        fir = d.fir_number or ""
        if fir and d.fir_date:
            fir = self.tr("{number} of {date}").format(number=fir, date=format_date(d.fir_date))
        return [
            ("class", self.tr("Kind of vehicle:"), vehicle_class_name(d.vehicle_class)),
            ("registration", self.tr("Registration:"), d.registration or ""),
            ("chassis", self.tr("Chassis number:"), d.chassis or ""),
            ("engine", self.tr("Engine number:"), d.engine or ""),
            ("vehicle", self.tr("Vehicle:"), vehicle),
            ("incident_at", self.tr("When:"), format_datetime(d.incident_at)),
            ("incident_place", self.tr("Where:"), d.incident_place or ""),
            ("station", self.tr("Police station:"), station),
            ("fir", self.tr("FIR:"), fir),
            ("owner", self.tr("Owner:"), self._owner(d)),
            ("matched", self.tr("Matched to:"), d.matched_number or ""),
            (
                "registered",
                self.tr("Registered:"),
                self.tr("{when} by {who} at {desk}").format(
                    when=format_datetime(d.created_at), who=d.created_by, desk=d.origin_desk
                ),
            ),
        ]

    def _owner(self, d: VehicleDetail) -> str:
        return owner_text(
            d.owner_name, d.owner_relative_name, d.owner_cnic, d.owner_mobile, d.owner_address
        )
