"""The heading every page starts with: the area's icon and name, then what the area is for;
and the column every page's parts stand in, with the same margins on every page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.shell.areas import Area
from cplc_desk.gui.widgets.typography import emphasise


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


def page_layout(
    widget: QWidget,
    heading: QHBoxLayout | None = None,
    purpose: QLabel | None = None,
    spacing: int | None = 12,
) -> QVBoxLayout:
    """The column of ``widget``'s parts, starting with the ``heading`` and ``purpose`` if given
    (``spacing`` None: the style's own)."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(20, 16, 20, 16)
    if spacing is not None:
        layout.setSpacing(spacing)
    if heading is not None:
        layout.addLayout(heading)
    if purpose is not None:
        layout.addWidget(purpose)
    return layout


def scroll_into(page: QWidget, content: QWidget) -> None:
    """Show ``content`` filling ``page`` in a frameless scroll area, so it scrolls rather than
    clips when the window is small or a translation runs long."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)


def table_page_layout(
    page: QWidget,
    heading: QHBoxLayout,
    purpose: QLabel,
    actions: QLayout,
    empty: QLabel,
    table: QWidget,
    summary: QLabel,
    banner: QWidget,
) -> None:
    """A page over one table: the heading, what the area is for, a row of ``actions``, the
    ``table`` (or, where the page shows it instead, what ``empty`` says), a ``summary`` line
    and the message ``banner``."""
    layout = page_layout(page, heading, purpose)
    layout.addLayout(actions)
    empty.setWordWrap(True)
    layout.addWidget(empty)
    layout.addWidget(table, 1)
    layout.addWidget(summary)
    layout.addWidget(banner)
