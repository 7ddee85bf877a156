"""The phone reports list as a lazy item model over keyset pages of 200 (``KeysetTableModel``);
filtering and ordering happen in SQL. A recovered or found handset not yet matched to its theft
report says so in its Status cell, in words and with an icon, and its row is tinted (never colour
alone): double-clicking it looks for the theft report again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.domain.enums import PhoneReportStatus
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.keyset_model import Column, KeysetTableModel
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phone_list
from cplc_desk.services.phones.phone_list import Cursor, Page, PhoneQuery, PhoneRow
from cplc_desk.services.phones.phones import RECOVERY_KINDS

translate = QCoreApplication.translate

(NUMBER, REGISTERED, KIND, IMEI, IMEI2, HANDSET, OWNER, CNIC, STATION, STATUS) = range(10)
DISTRICT = 10  # headquarters only, last

_AWAITING_TINT = (QColor("#e8f0fb"), QColor("#10243d"))


def awaiting_match(row: PhoneRow) -> bool:
    """A recovered or found handset whose theft report has not been found yet."""
    return row.kind in RECOVERY_KINDS and row.status == PhoneReportStatus.OPEN.value


def status_text(row: PhoneRow) -> str:
    if awaiting_match(row):
        return translate("PhonesModel", "Not matched yet")
    return names.phone_report_status(row.status)


def imei_text(number: str | None, altered: bool) -> str:
    if not number:
        return NOTHING
    shown = ltr_text(number)
    return translate("PhonesModel", "{imei} (altered?)").format(imei=shown) if altered else shown


class PhonesModel(KeysetTableModel):
    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = phone_list.PAGE
    ) -> None:
        super().__init__(ctx, PhoneQuery(), page_size, parent)
        self._set_columns(self._build_columns())
        self._awaiting_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation
        )

    def _build_columns(self) -> list[Column]:
        stations = self._stations
        ltr = ltr_text
        return [
            Column(self.tr("Number"), lambda r: ltr(r.number), self.tr("The report's number")),
            Column(
                self.tr("Registered"),
                lambda r: format_datetime(r.created_at),
                self.tr("When the report was registered (Pakistan time), newest first"),
            ),
            Column(self.tr("What happened"), lambda r: names.phone_report_kind(r.kind)),
            Column(self.tr("IMEI"), lambda r: imei_text(r.imei, r.imei_altered)),
            Column(self.tr("Second IMEI"), lambda r: imei_text(r.imei2, r.imei_altered)),
            Column(self.tr("Handset"), lambda r: r.description or NOTHING),
            Column(self.tr("Owner"), lambda r: r.owner_name or NOTHING),
            Column(
                self.tr("Owner's CNIC"),
                lambda r: ltr(r.owner_cnic_masked or NOTHING),
                self.tr("Partly hidden; the report itself shows it in full"),
            ),
            Column(
                self.tr("Police station"),
                lambda r: stations.get(r.police_station_code, r.police_station_code),
            ),
            Column(self.tr("Status"), status_text),
        ]

    def _page(self, query: PhoneQuery, after: Cursor | None, limit: int) -> Page:
        return phone_list.list_page(self._ctx, query, after, limit)

    def rows(self) -> list[PhoneRow]:
        return list(self._rows)

    def _row_data(self, row: PhoneRow, column: int, role: int) -> Any:
        if not awaiting_match(row):
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
