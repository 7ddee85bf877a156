"""The heading every page starts with: the area's icon and name, then what the area is for."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from cplc_desk.gui.areas import Area
from cplc_desk.gui.typography import emphasise


def area_heading(page: QWidget, info: Area) -> tuple[QHBoxLayout, QLabel]:
    """The icon-and-title row, and the label saying what the area is for (word-wrapped)."""
    icon = QLabel()
    size = page.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
    icon.setPixmap(page.style().standardIcon(info.icon).pixmap(size))
    title = emphasise(QLabel(info.title), 1.6)
    row = QHBoxLayout()
    row.addWidget(icon)
    row.addWidget(title, 1)
    purpose = QLabel(info.purpose)
    purpose.setWordWrap(True)
    return row, purpose
