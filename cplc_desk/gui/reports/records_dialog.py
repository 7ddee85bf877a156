"""The records behind one figure of a report: listed (no personal data: number, kind, category,
station, when it counted, status), and each opened in its usual window by double-clicking it.

The list itself is read by the page on a worker and audited by the service as a look-up; opening
a record is audited by its own window, as anywhere else. The record windows are made by the
replaceable ``open_record`` (tests swap it for a stand-in).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QVBoxLayout, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.statistics import RecordBehind
from cplc_desk.gui.reports.report_model import FiguresModel, listing
from cplc_desk.gui.widgets import dialogs, names
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.tables import read_only_rows
from cplc_desk.services.desk.context import DeskContext

translate = QCoreApplication.translate

COMPLAINT = "complaint"
VEHICLE_REPORT = "vehicle_report"
PHONE_REPORT = "phone_report"


def kind_name(kind: str) -> str:
    shown = {
        COMPLAINT: translate("Reports", "Complaint"),
        VEHICLE_REPORT: translate("Reports", "Vehicle report"),
        PHONE_REPORT: translate("Reports", "Phone report"),
    }
    return shown.get(kind, kind)


def status_name(kind: str, status: str) -> str:
    if kind == VEHICLE_REPORT:
        return names.vehicle_report_status(status)
    if kind == PHONE_REPORT:
        return names.phone_report_status(status)
    return names.complaint_status(status)


def make_record_dialog(ctx: DeskContext, kind: str, record_id: str, parent: QWidget) -> QDialog:
    """The record's usual window: a complaint's, a vehicle report's or a phone report's."""
    if kind == VEHICLE_REPORT:
        from cplc_desk.gui.vehicles.vehicle_detail import VehicleDetailDialog

        return VehicleDetailDialog(ctx, record_id, parent)
    if kind == PHONE_REPORT:
        from cplc_desk.gui.phones.phone_detail import PhoneDetailDialog

        return PhoneDetailDialog(ctx, record_id, parent)
    from cplc_desk.gui.complaints.complaint_detail import ComplaintDetailDialog

    return ComplaintDetailDialog(ctx, record_id, parent)


class RecordsBehindDialog(QDialog):
    def __init__(
        self,
        ctx: DeskContext,
        title: str,
        records: Sequence[RecordBehind],
        category_names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.records = list(records)
        self.opened: list[str] = []
        self.open_record: Callable[[str, str], QDialog] = lambda kind, record_id: (
            make_record_dialog(ctx, kind, record_id, self)
        )
        self.setWindowTitle(title)
        table = listing(
            self.records,
            [
                (translate("Reports", "Number"), lambda r: r.number),
                (translate("Reports", "Record"), lambda r: kind_name(r.kind)),
                (
                    translate("Reports", "Category"),
                    lambda r: category_names.get(r.category, r.category),
                ),
                (translate("Reports", "Police station"), lambda r: r.police_station_code),
                (translate("Reports", "Counted on"), lambda r: format_datetime(r.counted_at)),
                (translate("Reports", "Status"), lambda r: status_name(r.kind, r.status)),
            ],
            numeric_from=99,
        )
        self.model = FiguresModel(table, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        read_only_rows(self.view)
        self.view.setAccessibleName(title)
        count = QLabel(
            self.tr("{count} records. Double-click one to open it.").format(count=len(records))
            if records
            else self.tr("No records behind this figure.")
        )
        stack(QVBoxLayout(self), count, (self.view, 1), dialogs.close_buttons(self))
        dialogs.size_in_text(self, 100, 24)
        self.view.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        record = self.records[row]
        try:
            dialog = self.open_record(record.kind, record.id)
        except DeskError as exc:
            dialogs.show_error(self, self.tr("Cannot open the record"), str(exc))
            return
        self.opened.append(record.id)
        dialogs.run_once(dialog)
