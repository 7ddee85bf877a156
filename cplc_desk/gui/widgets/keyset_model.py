"""What the complaints and vehicle reports lists share: a lazy table model over keyset pages.

The model holds only the rows loaded so far and asks its service for the next page of 200 when
the view scrolls near the end (``canFetchMore``/``fetchMore``); filtering and ordering happen in
SQL. A subclass says how a page is read (``_page``), which columns it shows and what each cell's
roles are (``data``); the police station's district is added as the last column at headquarters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets.districts import district_names
from cplc_desk.gui.widgets.formats import NOTHING
from cplc_desk.gui.widgets.row_model import Index, RowTableModel
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id (str)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole row the service returned

# Reloading keeps what was loaded (so the view stays where it was), up to this many rows.
MAX_RELOAD = 2000


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    tooltip: str = ""


class KeysetTableModel(RowTableModel):
    # A later page could not be read (the store went away, say): the message to show.
    load_failed = Signal(str)

    def __init__(
        self, ctx: DeskContext, query: Any, page_size: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.page_size = page_size
        self.query = query
        self._next: Any = None
        # Names built once: the texts follow the translator installed now.
        stations = reference.stations(ctx)
        self._stations = {s.code: s.name for s in stations}
        self._districts = district_names(stations)
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station

    def _set_columns(self, columns: list[Column]) -> None:
        """The subclass's columns, and at headquarters the district after them."""
        if self.headquarters:
            districts = self._districts
            columns.append(
                Column(
                    self.tr("District"),
                    lambda r: districts.get(r.police_station_code, NOTHING),
                    self.tr("The district of the police station"),
                )
            )
        self._columns = columns

    # ------------------------------------------------------------------ content

    def _page(self, query: Any, after: Any, limit: int) -> Any:
        """One page (``rows`` and the ``next`` cursor) from the service."""
        raise NotImplementedError

    def _read(self, query: Any, after: Any, limit: int) -> Any:
        # A list reads from the read replica when this workstation has one (storage/replica.py).
        with self._ctx.store.analysis():
            return self._page(query, after, limit)

    def _replaced(self) -> None:
        """Called inside the model reset after a new first page (a hook for subclasses)."""

    def set_query(self, query: Any) -> None:
        """Show what ``query`` matches: the first page only; more as the view scrolls.

        Raises the service's error (a DeskError) with the old list still shown."""
        self._replace(query, self._read(query, None, self.page_size))

    def reload(self) -> None:
        """Read the same query again (after a change), keeping as many rows as were loaded."""
        limit = min(max(self.page_size, len(self._rows)), MAX_RELOAD)
        self._replace(self.query, self._read(self.query, None, limit))

    def _replace(self, query: Any, page: Any) -> None:
        self.beginResetModel()
        self.query = query
        self._rows = list(page.rows)
        self._next = page.next
        self._replaced()
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._next is None:
            return
        try:
            page = self._read(self.query, self._next, self.page_size)
        except DeskError as exc:
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

    def row_of(self, record_id: str) -> int:
        """The row showing this record among those loaded, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def station_name(self, code: str) -> str:
        return self._stations.get(code, code)

    # ------------------------------------------------------------------ Qt model

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (ID_ROLE, ROW_ROLE):
            row = self._row_shown_at(index)
            if row is None or role == ROW_ROLE:
                return row
            return row.id
        return super().data(index, role)
