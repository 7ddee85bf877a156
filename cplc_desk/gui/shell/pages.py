"""Which page shows which area, the navigation list beside them, and what the window may ask of a
page or dialog (typed, rather than looked up by name)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QSizePolicy, QWidget

from cplc_desk.gui.shell.areas import (
    COMPLAINTS,
    CONFLICTS,
    OVERVIEW,
    PHONES,
    REPORTS,
    SYNC,
    VEHICLES,
)
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.services.desk.context import DeskContext

PageClass = Callable[[DeskContext], QWidget]

# Which widget shows which area ("module:class"). A later change replaces one entry, not the
# window. Each page's module is imported when the page is first shown, not at start: the window
# opens with the Overview alone built (bench/startup.py).
PAGE_CLASSES: dict[str, str] = {
    OVERVIEW: "cplc_desk.gui.shell.overview_page:OverviewPage",
    COMPLAINTS: "cplc_desk.gui.complaints.complaints_page:ComplaintsPage",
    VEHICLES: "cplc_desk.gui.vehicles.vehicles_page:VehiclesPage",
    PHONES: "cplc_desk.gui.phones.phones_page:PhonesPage",
    SYNC: "cplc_desk.gui.station.sync_page:SyncPage",
    REPORTS: "cplc_desk.gui.reports.reports_page:ReportsPage",
}
# Where headquarters shows something else: it follows the stations instead of sending bundles,
# and has the merge's conflict queue.
HQ_PAGE_CLASSES: dict[str, str] = {
    SYNC: "cplc_desk.gui.hq.stations_page:StationsPage",
    CONFLICTS: "cplc_desk.gui.hq.conflicts_page:ConflictsPage",
}


def page_class(key: str, headquarters: bool) -> PageClass:
    """The class showing ``key``, its module imported now."""
    where = (HQ_PAGE_CLASSES if headquarters else {}).get(key) or PAGE_CLASSES[key]
    module, name = where.split(":")
    found: PageClass = getattr(importlib.import_module(module), name)
    return found


@runtime_checkable
class Refreshable(Protocol):
    """A page that reloads what it shows when it comes into view."""

    def refresh(self) -> None: ...


@runtime_checkable
class ShowsChanges(Protocol):
    """A page that says which :class:`Changes` make what it shows out of date."""

    shows: Changes


@runtime_checkable
class Busy(Protocol):
    """A page or dialog that may be writing on a worker thread and cannot stop half-way."""

    def is_busy(self) -> bool: ...


@runtime_checkable
class KeepsDraft(Protocol):
    """A form that keeps a draft of the work in progress."""

    def save_draft_now(self) -> None: ...


def shows(page: QWidget) -> Changes:
    """What makes ``page`` out of date (a page that does not say: anything)."""
    return page.shows if isinstance(page, ShowsChanges) else Changes.EVERYTHING


def is_busy(widget: QWidget) -> bool:
    return isinstance(widget, Busy) and widget.is_busy()


class NavigationList(QListWidget):
    """The list of areas; as wide as its longest (translated) entry, no wider."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(24, 24))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QListWidget::item { padding: 8px 12px; }")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 24
        return QSize(max(width, self.fontMetrics().averageCharWidth() * 18), hint.height())
