"""What the desk's table models share: a list of rows shown under described columns (each with
a header, and perhaps a tooltip), numbers aligned to the end, and the tints of rows that need
attention."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

Index = QModelIndex | QPersistentModelIndex

# Row tints (background, text): the text colour is set too, so a tinted row stays readable on a
# dark theme. Never the only sign: a tinted row also says in words (and an icon) what is wrong.
ALERT_TINT = (QColor("#fdecee"), QColor("#5c0011"))
WARNING_TINT = (QColor("#fff3d6"), QColor("#3d2e00"))
TINT_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
# Numbers line up on their last digit.
NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)


def tint_brush(role: int, tint: tuple[QColor, QColor] | None) -> QBrush | None:
    """The background or text brush of ``tint`` for ``role`` (one of ``TINT_ROLES``)."""
    if tint is None:
        return None
    return QBrush(tint[0] if role == Qt.ItemDataRole.BackgroundRole else tint[1])


@dataclass(frozen=True)
class Look:
    """How a row in one state is marked: an icon, and a tint where the state needs attention."""

    icon: QStyle.StandardPixmap | None = None
    tint: tuple[QColor, QColor] | None = None

    def data(self, role: int) -> Any:
        """The icon (decoration role) or the tint's brush (``TINT_ROLES``); None for any other."""
        if role == Qt.ItemDataRole.DecorationRole:
            return None if self.icon is None else QApplication.style().standardIcon(self.icon)
        if role in TINT_ROLES:
            return tint_brush(role, self.tint)
        return None


class RowTableModel(QAbstractTableModel):
    """Rows (``_rows``) under columns (``_columns``: each with ``header``, ``text`` for a row's
    cell and, if it has them, ``tooltip`` and ``numeric``); a subclass fills both and gives every
    other role of a cell (``_row_data``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._columns: list[Any] = []

    def _row_shown_at(self, index: Index) -> Any:
        """The row at ``index``, or None where there is none."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_shown_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and getattr(
            self._columns[column], "numeric", False
        ):
            return NUMBER_ALIGNMENT
        return self._row_data(row, column, role)

    def _row_data(self, row: Any, column: int, role: int) -> Any:
        """Every other role of a cell (tooltips, tints, icons): the subclass's."""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return getattr(self._columns[section], "tooltip", "") or None
        return None
