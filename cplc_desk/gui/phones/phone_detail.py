"""One phone report, read-only: what happened, the handset and its IMEIs, the owner, the report
it was matched to, and its history (each version the change log holds: when, by whom, what
changed). Opening it shows the owner's CNIC and mobile in full, so it is audited as a view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import format_date, format_datetime
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import PHONE_RECEIPTS, ReceiptPanel
from cplc_desk.gui.widgets.record_detail import owner_text, values_form
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phone_list
from cplc_desk.services.phones.phone_list import HistoryEntry, PhoneDetail

translate = QCoreApplication.translate


def field_name(field: str) -> str:
    """A changed field's name as the history shows it."""
    shown: dict[str, str] = {
        "created": translate("PhoneDetail", "registered"),
        "kind": translate("PhoneDetail", "what happened"),
        "status": translate("PhoneDetail", "status"),
        "imei": translate("PhoneDetail", "IMEI"),
        "imei2": translate("PhoneDetail", "second IMEI"),
        "imei_altered": translate("PhoneDetail", "IMEI suspected altered"),
        "imei_note": translate("PhoneDetail", "IMEI note"),
        "make": translate("PhoneDetail", "make"),
        "model": translate("PhoneDetail", "model"),
        "colour": translate("PhoneDetail", "colour"),
        "sim_number": translate("PhoneDetail", "SIM number"),
        "owner_id": translate("PhoneDetail", "owner"),
        "incident_at": translate("PhoneDetail", "when"),
        "incident_place": translate("PhoneDetail", "where"),
        "police_station_code": translate("PhoneDetail", "police station"),
        "fir_number": translate("PhoneDetail", "FIR number"),
        "fir_date": translate("PhoneDetail", "FIR date"),
        "matched_report_id": translate("PhoneDetail", "matched report"),
        "deleted_at": translate("PhoneDetail", "removed"),
    }
    return shown.get(field, field)


class PhoneDetailDialog(QDialog):
    """Raises the service's error (ServiceError) when the report cannot be read."""

    def __init__(self, ctx: DeskContext, report_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = phone_list.view(ctx, report_id)  # full CNIC: audited as viewed
        d = self.detail
        station = reference.station(ctx, d.police_station_code)
        self.setWindowTitle(self.tr("Phone report {number} — CPLC Desk").format(number=d.number))
        heading = emphasise(
            QLabel(
                self.tr("{number} · {kind} · {status}").format(
                    number=d.number,
                    kind=names.phone_report_kind(d.kind),
                    status=names.phone_report_status(d.status),
                )
            ),
            1.3,
        )
        heading.setWordWrap(True)
        form, self.values = values_form(
            self._rows(d, station.name if station else d.police_station_code)
        )
        self.history = self._history_table(d.history)
        self._jobs = OperationRunner("cplc-phone-detail", self)
        self.receipt_panel = ReceiptPanel(ctx, self._jobs, source=PHONE_RECEIPTS)
        self.receipt_panel.set_record(d.id, d.number)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(emphasise(QLabel(self.tr("History")), 1.1))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.receipt_panel)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(QSize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 36))

    def done(self, result: int) -> None:
        self._jobs.wait_idle()
        super().done(result)

    def _history_table(self, history: tuple[HistoryEntry, ...]) -> QTableWidget:
        table = QTableWidget(len(history), 3)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("By"), self.tr("What changed")])
        table.setAccessibleName(self.tr("History of this report"))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for row, entry in enumerate(history):
            changed = ", ".join(field_name(f) for f in entry.changed) or self.tr(
                "no visible change"
            )
            if "status" in entry.changed:
                changed += " → " + names.phone_report_status(entry.status)
            for column, text in enumerate((format_datetime(entry.at), entry.by, changed)):
                table.setItem(row, column, QTableWidgetItem(text))
        return table

    def _rows(self, d: PhoneDetail, station: str) -> list[tuple[str, str, str]]:
        handset = " ".join(x for x in (d.colour, d.make, d.model) if x)
        fir = d.fir_number or ""
        if fir and d.fir_date:
            fir = self.tr("{number} of {date}").format(number=fir, date=format_date(d.fir_date))
        altered = ""
        if d.imei_altered:
            altered = (
                self.tr("Yes: {note}").format(note=d.imei_note) if d.imei_note else self.tr("Yes")
            )
        return [
            ("imei", self.tr("IMEI:"), d.imei),
            ("imei2", self.tr("Second IMEI:"), d.imei2 or ""),
            ("altered", self.tr("IMEI suspected altered:"), altered or self.tr("No")),
            ("handset", self.tr("Handset:"), handset),
            ("sim", self.tr("SIM in use:"), d.sim_number or ""),
            ("incident_at", self.tr("When:"), format_datetime(d.incident_at) if d.incident_at else ""),
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
        ]  # fmt: skip

    def _owner(self, d: PhoneDetail) -> str:
        return owner_text(
            d.owner_name, d.owner_relative_name, d.owner_cnic, d.owner_mobile, d.owner_address
        )
