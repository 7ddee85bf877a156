"""What the vehicle and phone reports lists share: a lazy item model over keyset pages
(``KeysetTableModel``; filtering and ordering happen in SQL) whose columns start with the
report's number, when it was registered and what happened, and end with the owner, the owner's
CNIC (partly hidden), the police station and the status.

A recovered or found thing not yet matched to its theft report says so in its Status cell, in
words and with an icon, and its row is tinted (never colour alone): double-clicking it looks for
the theft report again. A subclass gives its kind of report (``REPORTS``) and its own columns
between (``_own_columns``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.keyset_model import Column, KeysetTableModel
from cplc_desk.gui.widgets.report_kinds import ReportKinds
from cplc_desk.services.desk.context import DeskContext

AWAITING_ROLE = Qt.ItemDataRole.UserRole + 3  # True for a recovery not matched yet

# Background and text of a recovery waiting for its match; the text colour is set too so the
# row stays readable on a dark theme.
_AWAITING_TINT = (QColor("#e8f0fb"), QColor("#10243d"))
OPEN = "open"  # a report's status: a theft not yet recovered, or a recovery not yet matched


class ReportsModel(KeysetTableModel):
    # The kind of report listed; the Status column's number.
    REPORTS: ClassVar[ReportKinds]
    STATUS: ClassVar[int]

    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int | None = None
    ) -> None:
        listing = self.REPORTS.listing
        super().__init__(ctx, self.REPORTS.query(), page_size or listing.PAGE, parent)
        self._set_columns(self._report_columns())
        self._awaiting_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation
        )

    @classmethod
    def awaiting_match(cls, row: Any) -> bool:
        """A recovered or found thing whose theft report has not been found yet."""
        return row.kind in cls.REPORTS.recoveries and row.status == OPEN

    def status_text(self, row: Any) -> str:
        if self.awaiting_match(row):
            return self.tr("Not matched yet")
        return self.REPORTS.status_name(row.status)

    def _own_columns(self) -> list[Column]:
        """The thing's own columns, after what happened."""
        raise NotImplementedError

    def _report_columns(self) -> list[Column]:
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
            Column(self.tr("What happened"), lambda r: self.REPORTS.kind_name(r.kind)),
            *self._own_columns(),
            Column(self.tr("Owner"), lambda r: r.owner_name or NOTHING),
            Column(self.tr("Owner's CNIC"), lambda r: ltr(r.owner_cnic_masked or NOTHING), partly_hidden),
            Column(
                self.tr("Police station"),
                lambda r: stations.get(r.police_station_code, r.police_station_code),
            ),
            Column(self.tr("Status"), self.status_text),
        ]  # fmt: skip

    def rows(self) -> list[Any]:
        return list(self._rows)

    def _page(self, query: Any, after: Any, limit: int) -> Any:
        # Through the module, so a test can count the pages asked for.
        return self.REPORTS.listing.list_page(self._ctx, query, after, limit)

    def _row_data(self, row: Any, column: int, role: int) -> Any:
        awaiting = self.awaiting_match(row)
        if role == AWAITING_ROLE:
            return awaiting
        if not awaiting:
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return self._awaiting_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Not matched to a theft report yet: double-click to look for it again.")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_AWAITING_TINT[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_AWAITING_TINT[1])
        return None
