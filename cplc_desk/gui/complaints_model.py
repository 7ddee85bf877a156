"""The complaints list as a lazy item model: it holds only the rows loaded so far and asks the
complaints service for the next keyset page of 200 when the view scrolls near the end
(``canFetchMore``/``fetchMore``). Filtering and ordering happen in SQL, so a desk holding a
million complaints opens the list as fast as one holding a hundred.

An open complaint whose next follow-up date has passed is overdue: its Next follow-up cell says
so in words and has a warning icon, and the row is tinted (never colour alone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.domain.clock import now_utc, to_local
from cplc_desk.domain.enums import ComplaintStatus
from cplc_desk.domain.workflow import OPEN_STATUSES
from cplc_desk.gui import names
from cplc_desk.gui.districts import district_names
from cplc_desk.gui.formats import NOTHING, format_datetime
from cplc_desk.services import complaints, reference
from cplc_desk.services.complaints import ComplaintQuery, ComplaintRow, Cursor, Page
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.storage.migrate import StoreError

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the complaint's id (str)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole ComplaintRow
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # True if its follow-up date has passed

(NUMBER, REGISTERED, COMPLAINANT, CNIC, MOBILE, CATEGORY, STATION, STATUS, FIR, FOLLOW_UP) = range(
    10
)
# Headquarters only: the police station's district (last, so the columns above keep their
# numbers; the page shows it beside the police station).
DISTRICT = 10

# Reloading keeps what was loaded (so the view stays where it was), up to this many rows.
MAX_RELOAD = 2000

# Background and text tints for an overdue row; the text colour is set too so the row stays
# readable on a dark theme.
_OVERDUE_TINT = (QColor("#fff3d6"), QColor("#3d2e00"))
_OPEN = frozenset(status.value for status in OPEN_STATUSES)

Index = QModelIndex | QPersistentModelIndex


def local_today() -> date:
    """Today in Pakistan, where follow-up dates are set."""
    return to_local(now_utc()).date()


def format_date(value: date | None) -> str:
    if value is None:
        return NOTHING
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def left_to_right(text: str) -> str:
    """Keeps a CNIC, phone or FIR number in its own order inside right-to-left (Urdu) text,
    where the bidi rules would otherwise move the digit groups around the dashes and stars."""
    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u202a{text}\u202c"  # LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING


def is_overdue(row: ComplaintRow, today: date) -> bool:
    """The service's rule for the overdue view: open, and the follow-up date is before today."""
    return (
        row.status in _OPEN and row.next_follow_up_on is not None and row.next_follow_up_on < today
    )


@dataclass(frozen=True)
class _Column:
    header: str
    text: Callable[[ComplaintRow], str]
    tooltip: str = ""


class ComplaintsModel(QAbstractTableModel):
    # A later page could not be read (the store went away, say): the message to show.
    load_failed = Signal(str)

    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = complaints.PAGE
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.page_size = page_size
        # Replaceable so tests can look at the list from another day.
        self.today: Callable[[], date] = local_today
        self._today = self.today()
        self.query = ComplaintQuery()
        self._rows: list[ComplaintRow] = []
        self._next: Cursor | None = None
        # Names and formatters built once: the texts follow the translator installed now.
        self._categories = {c.code: c.name for c in reference.complaint_categories(ctx)}
        stations = reference.stations(ctx)
        self._stations = {s.code: s.name for s in stations}
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station
        self._districts = district_names(stations)
        self._columns = self._build_columns()
        if self.headquarters:
            self._columns.append(self._district_column())
        self._warning_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )

    def _build_columns(self) -> list[_Column]:
        categories, stations = self._categories, self._stations
        ltr = left_to_right
        return [
            _Column(self.tr("Number"), lambda r: ltr(r.number), self.tr("The receipt number")),
            _Column(
                self.tr("Registered"),
                lambda r: format_datetime(r.created_at),
                self.tr(
                    "When the complaint was registered (Pakistan time). Click to show the oldest "
                    "or the newest first."
                ),
            ),
            _Column(self.tr("Complainant"), lambda r: r.complainant),
            _Column(
                self.tr("CNIC"),
                lambda r: ltr(r.cnic_masked) or NOTHING,
                self.tr("Partly hidden; the complaint itself shows it in full"),
            ),
            _Column(
                self.tr("Mobile"),
                lambda r: ltr(r.mobile_masked) or NOTHING,
                self.tr("Partly hidden; the complaint itself shows it in full"),
            ),
            _Column(
                self.tr("Category"), lambda r: categories.get(r.category_code, r.category_code)
            ),
            _Column(
                self.tr("Police station"),
                lambda r: stations.get(r.police_station_code, r.police_station_code),
            ),
            _Column(self.tr("Status"), lambda r: names.complaint_status(r.status)),
            _Column(
                self.tr("FIR"), lambda r: ltr(r.fir_number or "") or NOTHING, self.tr("FIR number")
            ),
            _Column(
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

    def _district_column(self) -> _Column:
        districts = self._districts
        return _Column(
            self.tr("District"),
            lambda r: districts.get(r.police_station_code, NOTHING),
            self.tr("The district of the police station"),
        )

    # ------------------------------------------------------------------ content

    def _page(self, query: ComplaintQuery, after: Cursor | None, limit: int) -> Page:
        # Through the module, so a test can count the pages asked for.
        return complaints.list_page(self._ctx, query, after, limit)

    def set_query(self, query: ComplaintQuery) -> None:
        """Show what ``query`` matches: the first page only; more as the view scrolls.

        Raises the service's error (ServiceError, StoreError) with the old list still shown."""
        self._replace(query, self._page(query, None, self.page_size))

    def reload(self) -> None:
        """Read the same query again (after a change), keeping as many rows as were loaded."""
        limit = min(max(self.page_size, len(self._rows)), MAX_RELOAD)
        self._replace(self.query, self._page(self.query, None, limit))

    def _replace(self, query: ComplaintQuery, page: Page) -> None:
        self.beginResetModel()
        self.query = query
        self._rows = list(page.rows)
        self._next = page.next
        self._today = self.today()
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._next is None:
            return
        try:
            page = self._page(self.query, self._next, self.page_size)
        except (ServiceError, StoreError) as exc:
            # Called by the view, where an exception would go nowhere: stop and say why.
            self._next = None
            self.load_failed.emit(str(exc))
            return
        if not page.rows:
            self._next = None
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._next = page.next
        self.endInsertRows()

    def fully_loaded(self) -> bool:
        return self._next is None

    def rows(self) -> list[ComplaintRow]:
        return list(self._rows)

    def row_of(self, complaint_id: str) -> int:
        """The row showing this complaint among those loaded, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == complaint_id), -1)

    def complaint_at(self, row: int) -> ComplaintRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].text(row)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
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
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_OVERDUE_TINT[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_OVERDUE_TINT[1])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tooltip or None
        return None
