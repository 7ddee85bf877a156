"""The base of the pages whose actions write records (the complaints and vehicle reports
lists, and headquarters' Stations and Conflicts pages)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from cplc_desk.services.context import DeskContext


class RecordsPage(QWidget):
    """A page of the main window for the area ``area_key``; it says when it wrote records
    (``records_changed``), so the window brings counts elsewhere up to date."""

    area_key = ""
    # Records were registered, changed, merged or kept: counts elsewhere are out of date.
    records_changed = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
