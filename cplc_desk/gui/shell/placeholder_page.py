"""A page for an area not built yet: its name, one sentence of what will be there, and a note
that it is coming. Each area has its own small subclass so a later change replaces just that."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from cplc_desk.gui.shell.areas import area
from cplc_desk.gui.widgets.page_heading import area_heading, page_layout
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk.context import DeskContext


class PlaceholderPage(QWidget):
    area_key = ""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        heading, self.purpose_label = area_heading(self, area(self.area_key))
        coming = make_quiet(
            QLabel(self.tr("This part of the desk is being built and arrives in a coming version."))
        )
        coming.setWordWrap(True)

        layout = page_layout(self, heading, self.purpose_label, spacing=None)
        layout.addWidget(coming)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def refresh(self) -> None:
        """Nothing to reload yet; the window calls this on every page it shows."""
