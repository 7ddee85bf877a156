"""The complaints list as a lazy item model: it holds only the rows loaded so far and asks the
complaints service for the next keyset page of 200 when the view scrolls near the end
(``canFetchMore``/``fetchMore``). Filtering and ordering happen in SQL, so a desk holding a
million complaints opens the list as fast as one holding a hundred.

An open complaint whose next follow-up date has passed is overdue: its Next follow-up cell says
so in words and has a warning icon, and the row is tinted (never colour alone).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.domain.clock import now_utc, to_local
from cplc_desk.domain.enums import ComplaintStatus
from cplc_desk.domain.workflow import OPEN_STATUSES
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_date, format_datetime
from cplc_desk.gui.widgets.keyset_model import Column, KeysetTableModel
from cplc_desk.gui.widgets.row_model import TINT_ROLES, WARNING_TINT, tint_brush
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints.complaint_list import ComplaintQuery, ComplaintRow, Cursor, Page
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext

OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # True if its follow-up date has passed

(NUMBER, REGISTERED, COMPLAINANT, CNIC, MOBILE, CATEGORY, STATION, STATUS, FIR, FOLLOW_UP) = range(
    10
)
# Headquarters only: the police station's district (last, so the columns above keep their
# numbers; the page shows it beside the police station).
DISTRICT = 10

_OPEN = frozenset(status.value for status in OPEN_STATUSES)


def local_today() -> date:
    """Today in Pakistan, where follow-up dates are set."""
    return to_local(now_utc()).date()


def is_overdue(row: ComplaintRow, today: date) -> bool:
    """The service's rule for the overdue view: open, and the follow-up date is before today."""
    return (
        row.status in _OPEN and row.next_follow_up_on is not None and row.next_follow_up_on < today
    )


class ComplaintsModel(KeysetTableModel):
    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = complaint_list.PAGE
    ) -> None:
        super().__init__(ctx, ComplaintQuery(), page_size, parent)
        # Replaceable so tests can look at the list from another day.
        self.today: Callable[[], date] = local_today
        self._today = self.today()
        self._categories = {c.code: c.name for c in reference.complaint_categories(ctx)}
        self._set_columns(self._build_columns())
        self._warning_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )

    def _build_columns(self) -> list[Column]:
        categories, stations = self._categories, self._stations
        ltr = ltr_text
        return [
            Column(self.tr("Number"), lambda r: ltr(r.number), self.tr("The receipt number")),
            Column(
                self.tr("Registered"),
                lambda r: format_datetime(r.created_at),
                self.tr(
                    "When the complaint was registered (Pakistan time). Click to show the oldest "
                    "or the newest first."
                ),
            ),
            Column(self.tr("Complainant"), lambda r: r.complainant),
            Column(
                self.tr("CNIC"),
                lambda r: ltr(r.cnic_masked) or NOTHING,
                self.tr("Partly hidden; the complaint itself shows it in full"),
            ),
            Column(
                self.tr("Mobile"),
                lambda r: ltr(r.mobile_masked) or NOTHING,
                self.tr("Partly hidden; the complaint itself shows it in full"),
            ),
            Column(self.tr("Category"), lambda r: categories.get(r.category_code, r.category_code)),
            Column(
                self.tr("Police station"),
                lambda r: stations.get(r.police_station_code, r.police_station_code),
            ),
            Column(self.tr("Status"), lambda r: names.complaint_status(r.status)),
            Column(
                self.tr("FIR"), lambda r: ltr(r.fir_number or "") or NOTHING, self.tr("FIR number")
            ),
            Column(
                self.tr("Next follow-up"),
                self._follow_up_text,
                self.tr("When the desk should next ask the police about it"),
            ),
        ]

    def _follow_up_text(self, row: ComplaintRow) -> str:
        text = format_date(row.next_follow_up_on)
        if is_overdue(row, self._today):
            return self.tr("{date} · overdue").format(date=text)
        return text

    def longest_texts(self, column: int) -> list[str]:
        """Texts a column may show that the first page may not have (a longer status, an overdue
        date): the view sizes the column for them up front."""
        if column == STATUS:
            return [names.complaint_status(status) for status in ComplaintStatus]
        if column == FOLLOW_UP:
            return [self.tr("{date} · overdue").format(date=format_date(self._today))]
        return []

    # ------------------------------------------------------------------ content

    def _page(self, query: ComplaintQuery, after: Cursor | None, limit: int) -> Page:
        # Through the module, so a test can count the pages asked for.
        return complaint_list.list_page(self._ctx, query, after, limit)

    def _replaced(self) -> None:
        self._today = self.today()

    def rows(self) -> list[ComplaintRow]:
        return list(self._rows)

    # ------------------------------------------------------------------ Qt model

    def _row_data(self, row: ComplaintRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (CATEGORY, STATION, DISTRICT):
            return self._columns[column].text(row)  # the whole name, where the column cuts it
        overdue = is_overdue(row, self._today)
        if role == OVERDUE_ROLE:
            return overdue
        if not overdue:
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == FOLLOW_UP:
            return self._warning_icon
        if role == Qt.ItemDataRole.ToolTipRole and column in (FOLLOW_UP, STATUS):
            return self.tr(
                "Overdue: the follow-up was due on {date} and the complaint is still open."
            ).format(date=format_date(row.next_follow_up_on))
        if role in TINT_ROLES:
            return tint_brush(role, WARNING_TINT)
        return None
