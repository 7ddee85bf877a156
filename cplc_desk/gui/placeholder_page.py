"""A page for an area not built yet: its name, one sentence of what will be there, and a note
that it is coming. Each area has its own small subclass so a later change replaces just that."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cplc_desk.gui.areas import area
from cplc_desk.gui.typography import emphasise, make_quiet
from cplc_desk.services.context import DeskContext


class PlaceholderPage(QWidget):
    area_key = ""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        info = area(self.area_key)

        icon = QLabel()
        size = self.style().pixelMetric(self.style().PixelMetric.PM_LargeIconSize)
        icon.setPixmap(self.style().standardIcon(info.icon).pixmap(size))
        title = emphasise(QLabel(info.title), 1.6)
        heading = QHBoxLayout()
        heading.addWidget(icon)
        heading.addWidget(title, 1)

        self.purpose_label = QLabel(info.purpose)
        self.purpose_label.setWordWrap(True)
        coming = make_quiet(
            QLabel(self.tr("This part of the desk is being built and arrives in a coming version."))
        )
        coming.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(heading)
        layout.addWidget(self.purpose_label)
        layout.addWidget(coming)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def refresh(self) -> None:
        """Nothing to reload yet; the window calls this on every page it shows."""
