"""A read-only table of figures for the Reports page, and what each cell stands for.

A :class:`Table` is plain data built from a :class:`StatisticsReport` (``report_tables``); the
:class:`FiguresModel` shows it. A cell that counts records carries a :class:`DrillKey`, so
double-clicking it can list the records behind it; a shaded table (hour of day by day of week)
carries each cell's share of the largest count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cplc_desk.domain.statistics import Month

DRILL_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


@dataclass(frozen=True)
class DrillKey:
    """The records behind one figure: a category, at one station (None: the report's whole
    scope), in one month (None: the report's months)."""

    category: str
    station: str | None = None
    month: Month | None = None


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    keys: list[list[DrillKey | None]] = field(default_factory=list)
    numeric_from: int = 1  # columns from here on are figures, aligned to the number side
    shades: list[list[float]] | None = None  # 0..1 per cell: how dark to shade it
    drill_tip: str = ""
    bold_rows: set[int] = field(default_factory=set)  # totals of a zone or district

    def add(self, cells: list[str], keys: list[DrillKey | None] | None = None) -> None:
        self.rows.append(cells)
        self.keys.append(keys or [None] * len(cells))


def listing(
    items: Iterable[T], columns: Sequence[tuple[str, Callable[[T], str]]], numeric_from: int = 1
) -> Table:
    """A row per item, under ``columns``: each a header and how an item's cell reads."""
    table = Table([header for header, _ in columns], numeric_from=numeric_from)
    for item in items:
        table.add([cell(item) for _, cell in columns])
    return table


class FiguresModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.table = table or Table([])

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.table.headers[section]
        return None

    def key(self, index: Index) -> DrillKey | None:
        if not index.isValid():
            return None
        return self.table.keys[index.row()][index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.rows[row][column]
        if role == DRILL_ROLE:
            return self.table.keys[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.table.numeric_from:
            across = (
                Qt.AlignmentFlag.AlignHCenter
                if self.table.shades
                else Qt.AlignmentFlag.AlignTrailing
            )
            return int(across | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row in self.table.bold_rows:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.table.keys[row][column] is not None:
            return self.table.drill_tip
        if self.table.shades is not None and column >= self.table.numeric_from:
            shade = self.table.shades[row][column]
            if role == Qt.ItemDataRole.BackgroundRole:
                # One hue, darker for more: readable in print and by people who confuse colours.
                return QBrush(QColor.fromHsvF(0.6, 0.75 * shade, 1.0 - 0.45 * shade))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("white" if shade > 0.6 else "black"))
        return None
