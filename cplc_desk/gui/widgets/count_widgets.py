"""Small dashboard widgets: a tile showing one big number, and a list of counts with bars.

They take plain numbers and already-translated names; what is counted is the caller's business.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.widgets.typography import emphasise, make_quiet


def format_count(n: int) -> str:
    """A count in the person's locale (digit grouping, and digits where the locale has its own)."""
    return QLocale().toString(n)


class CountTile(QFrame):
    """A framed tile: caption, big number, one line of explanation."""

    def __init__(self, caption: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Palette roles, not colours, so the tile follows light and dark themes.
        self.setStyleSheet(
            "#countTile { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.caption_label = QLabel(caption)
        self.value_label = emphasise(QLabel("0"), 2.2)
        self.note_label = make_quiet(QLabel(note))
        self.note_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def set_value(self, n: int) -> None:
        self.value_label.setText(format_count(n))

    def value_text(self) -> str:
        return self.value_label.text()


class CountTable(QGroupBox):
    """A titled list of (name, count) rows, each with a bar showing its share of the total."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(8)
        self._rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        self.none_label = make_quiet(QLabel(self.tr("None yet")))
        self._grid.addWidget(self.none_label, 0, 0, 1, 3)

    def set_counts(self, rows: Sequence[tuple[str, str, int]]) -> None:
        """``rows`` are (code, translated name, count) in display order."""
        self._clear()
        total = sum(n for _, _, n in rows) or 1
        bar_height = max(6, self.fontMetrics().height() // 2)
        for i, (code, name, n) in enumerate(rows):
            name_label = QLabel(name)
            bar = QProgressBar()
            bar.setRange(0, total)
            bar.setValue(n)
            bar.setTextVisible(False)
            bar.setFixedHeight(bar_height)
            count_label = QLabel(format_count(n))
            count_label.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(name_label, i, 0)
            self._grid.addWidget(bar, i, 1)
            self._grid.addWidget(count_label, i, 2)
            self._rows[code] = (name_label, bar, count_label)
        self.none_label.setVisible(not rows)
        self._grid.setRowStretch(max(len(rows), 1), 1)

    def text_column_widths(self) -> tuple[int, int]:
        """The widths the name and count columns need."""
        rows = self._rows.values()
        return (
            max((row[0].sizeHint().width() for row in rows), default=0),
            max((row[2].sizeHint().width() for row in rows), default=0),
        )

    def set_text_column_widths(self, name: int, count: int) -> None:
        self._grid.setColumnMinimumWidth(0, name)
        self._grid.setColumnMinimumWidth(2, count)

    def count_text(self, code: str) -> str:
        return self._rows[code][2].text()

    def name_text(self, code: str) -> str:
        return self._rows[code][0].text()

    def _clear(self) -> None:
        for widgets in self._rows.values():
            for widget in widgets:
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._rows.clear()
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)


def align_columns(tables: Sequence[CountTable]) -> None:
    """Give several tables the same name and count column widths, so that bars side by side
    start and end at the same place."""
    widths = [table.text_column_widths() for table in tables]
    name = max((w[0] for w in widths), default=0)
    count = max((w[1] for w in widths), default=0)
    for table in tables:
        table.set_text_column_widths(name, count)
