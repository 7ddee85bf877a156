"""The base of the pages whose actions write records (the complaints and vehicle reports
lists, and headquarters' Stations and Conflicts pages)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets.message_banner import ERROR, SUCCESS, MessageBanner
from cplc_desk.gui.widgets.operations import Changes, change_bus
from cplc_desk.services.desk.context import DeskContext

T = TypeVar("T")


class RecordsPage(QWidget):
    """A page of the main window for the area ``area_key``; it says when it wrote records
    (``announce``: on the desk's change bus, and ``records_changed``), so the window brings counts
    elsewhere up to date. ``shows``: the changes that make what it shows out of date."""

    area_key = ""
    # Records were registered, changed, merged or kept: counts elsewhere are out of date.
    records_changed = Signal()
    shows = Changes.RECORDS
    banner: MessageBanner

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def announce(self, changes: Changes) -> None:
        """Say that this page's action wrote ``changes`` (it has reloaded itself already)."""
        self.records_changed.emit()
        change_bus(self.ctx).announce(changes)

    def refresh(self) -> None:
        """Read again what the page shows."""
        raise NotImplementedError

    def _act(self, action: Callable[[], T], said: Callable[[T], str]) -> bool:
        """Run a quick call that writes: its refusal is said in the banner; once done, the page
        reads again and says what was done (``said``, from what ``action`` returned)."""
        try:
            result = action()
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
            return False
        self.refresh()
        self.banner.show_message(SUCCESS, said(result))
        return True
