"""One phone report, read-only: what happened, the handset and its IMEIs, the owner, the report
it was matched to, and its history (each version the change log holds: when, by whom, what
changed). Opening it shows the owner's CNIC and mobile in full, so it is audited as a view."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.layouts import Item
from cplc_desk.gui.widgets.record_detail import ReportDetailDialog, Row
from cplc_desk.gui.widgets.report_kinds import PHONE_REPORTS
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.phones.phone_list import HistoryEntry, PhoneDetail


class PhoneDetailDialog(ReportDetailDialog):
    REPORTS = PHONE_REPORTS
    TASK_NAME = "cplc-phone-detail"
    SIZE = (80, 36)
    detail: PhoneDetail

    def _title(self, number: str) -> str:
        return self.tr("Phone report {number} — CPLC Desk").format(number=number)

    def _under_values(self) -> list[Item]:
        self.history = self._history_table(self.detail.history)
        return [emphasise(QLabel(self.tr("History")), 1.1), (self.history, 1)]

    def _history_table(self, history: tuple[HistoryEntry, ...]) -> QTableWidget:
        table = QTableWidget(len(history), 3)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("By"), self.tr("What changed")])
        table.setAccessibleName(self.tr("History of this report"))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for row, entry in enumerate(history):
            changed = ", ".join(names.phone_report_field(f) for f in entry.changed) or self.tr(
                "no visible change"
            )
            if "status" in entry.changed:
                changed += " → " + names.phone_report_status(entry.status)
            for column, text in enumerate((format_datetime(entry.at), entry.by, changed)):
                table.setItem(row, column, QTableWidgetItem(text))
        return table

    def _own_rows(self) -> list[Row]:
        d = self.detail
        handset = " ".join(x for x in (d.colour, d.make, d.model) if x)
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
        ]
