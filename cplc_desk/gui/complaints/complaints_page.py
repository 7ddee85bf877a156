"""The Complaints page: find complaints with one search box and a few filters, register a new one
and open one to follow it up.

The list loads a page of 200 at a time as it scrolls (``ComplaintsModel``); how many match is
counted on a worker thread, so typing stays smooth on a desk holding a million complaints (both
in ``ListPage``, shared with the Vehicles page). The registration form and the complaint's own
dialog are made by replaceable functions (``open_form``, ``open_detail``), which tests swap for
stand-ins.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QStyle, QWidget

from cplc_desk.gui.complaints.complaint_filters import ComplaintFilters, search_hint
from cplc_desk.gui.complaints.complaints_model import (
    CATEGORY,
    COMPLAINANT,
    DISTRICT,
    FOLLOW_UP,
    REGISTERED,
    STATION,
    STATUS,
    ComplaintsModel,
    local_today,
)
from cplc_desk.gui.shell.areas import COMPLAINTS
from cplc_desk.gui.widgets.keyset_model import ID_ROLE
from cplc_desk.gui.widgets.list_page import ListPage, ListTexts
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints.complaint_list import ComplaintQuery
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext

# At most this many average characters wide at first: complainants' names, then category and
# police-station names (the person can widen any column).
NAME_CHARS = 22
LABEL_CHARS = 16


def make_complaint_form(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.complaints.complaint_form import ComplaintFormDialog

    dialog: QDialog = ComplaintFormDialog(ctx, parent)
    return dialog


def make_complaint_detail(ctx: DeskContext, complaint_id: str, parent: QWidget) -> QDialog:
    from cplc_desk.gui.complaints.complaint_detail import ComplaintDetailDialog

    dialog: QDialog = ComplaintDetailDialog(ctx, complaint_id, parent)
    return dialog


class ComplaintsPage(ListPage):
    area_key = COMPLAINTS
    shows = Changes.COMPLAINTS
    count_task_name = "cplc-count-complaints"

    model: ComplaintsModel
    filters: ComplaintFilters

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Replaceable: tests put stand-ins here, and each imports its dialog only when called.
        self.open_form: Callable[[], QDialog] = lambda: make_complaint_form(ctx, self)
        self.open_detail: Callable[[str], QDialog] = lambda complaint_id: make_complaint_detail(
            ctx, complaint_id, self
        )
        self.today: Callable[[], date] = local_today

        model = ComplaintsModel(ctx, self)
        model.today = lambda: self.today()
        self.filters = ComplaintFilters(
            reference.complaint_categories(ctx),
            reference.stations(ctx),
            self.today(),
            headquarters=self.headquarters,
        )

        header = self._show_model(model)
        # Rows as tall as a line of text needs, so more of the list fits on a small screen.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        # Ordered in SQL, by registration only: newest first, or oldest first from its header.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(REGISTERED, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        if self.model.headquarters:
            header.moveSection(DISTRICT, STATION + 1)  # the district beside its police station

        self._lay_out()

        self.search_box.returnPressed.connect(lambda: self.search_or_open(again=True))
        self.filters.changed.connect(self.search_now)
        self.filters.edited.connect(self._search_timer.start)
        self._start()

    def _texts(self) -> ListTexts:
        return ListTexts(
            search_placeholder=self.tr("Receipt number, CNIC, mobile, FIR number, name or words"),
            search_name=self.tr("Search complaints"),
            new_button=self.tr("New complaint…"),
            new_tooltip=self.tr("Register a citizen's complaint (Ctrl+N)"),
            new_elsewhere=self.tr("Complaints are registered at police-station desks"),
            open_tooltip=self.tr("Show the selected complaint and follow it up (Enter)"),
            list_name=self.tr("Complaints"),
            count_none=self.tr("No complaints match"),
            count_one=self.tr("1 complaint"),
            count_more_than=self.tr("More than {count} complaints"),
            count_many=self.tr("{count} complaints"),
            empty_search=self.tr(
                "No complaint matches this search. Check the number, or clear the filters."
            ),
            empty_register=self.tr(
                "No complaints yet. Register the first with New complaint… (Ctrl+N)."
            ),
            empty_arrive=self.tr("No complaints yet. They arrive in the bundles stations send."),
        )

    # ------------------------------------------------------------------ searching

    def _hint(self, text: str) -> str:
        return search_hint(text)

    def current_query(self) -> ComplaintQuery:
        query = ComplaintQuery(text=self.search_box.text().strip(),
                               oldest_first=self.model.query.oldest_first)  # fmt: skip
        return self.filters.apply(query, self.today())

    def _unfiltered_query(self) -> ComplaintQuery:
        return ComplaintQuery(oldest_first=self.model.query.oldest_first)

    @staticmethod
    def _count_matches(ctx: DeskContext, query: ComplaintQuery, cap: int) -> int:
        return complaint_list.count(ctx, query, cap=cap)

    def _size_columns(self) -> None:
        """Fit the columns to the first page and to the longer texts some columns may show later;
        long names are cut short (their tooltip has all of it) so the follow-up dates stay in
        view."""
        self.view.resizeColumnsToContents()
        metrics = self.view.fontMetrics()
        padding = metrics.averageCharWidth()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        for column in (STATUS, FOLLOW_UP):
            texts = self.model.longest_texts(column)
            needed = max(metrics.horizontalAdvance(text) for text in texts) + padding
            if column == FOLLOW_UP:
                needed += icon + padding
            self.view.setColumnWidth(column, max(self.view.columnWidth(column), needed))
        for column, chars in ((COMPLAINANT, NAME_CHARS), (CATEGORY, LABEL_CHARS),
                              (STATION, LABEL_CHARS)):  # fmt: skip
            widest = metrics.averageCharWidth() * chars + padding
            if self.view.columnWidth(column) > widest:
                self.view.setColumnWidth(column, widest)

    def set_oldest_first(self, oldest_first: bool) -> None:
        order = Qt.SortOrder.AscendingOrder if oldest_first else Qt.SortOrder.DescendingOrder
        self.view.horizontalHeader().setSortIndicator(REGISTERED, order)

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        oldest_first = order == Qt.SortOrder.AscendingOrder
        if section != REGISTERED:
            # Only the registration order is offered: put the arrow back where it applies.
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            oldest_first = self.model.query.oldest_first
            kept = Qt.SortOrder.AscendingOrder if oldest_first else Qt.SortOrder.DescendingOrder
            header.setSortIndicator(REGISTERED, kept)
            header.blockSignals(False)
            return
        if oldest_first != self.model.query.oldest_first:
            self._load(dataclasses.replace(self.model.query, oldest_first=oldest_first))

    # ------------------------------------------------------------------ dialogs

    def open_row(self, index: QModelIndex) -> None:
        self.open_complaint(str(index.data(ID_ROLE)))

    def open_complaint(self, complaint_id: str) -> None:
        self._show(lambda: self.open_detail(complaint_id), "changed")

    def new_record(self) -> None:
        self.new_complaint()

    def new_complaint(self) -> None:
        if self.can_register:
            self._show(self.open_form, "registered")

    def _show(self, make: Callable[[], QDialog], signal: str) -> None:
        """Run the dialog ``make`` gives, refreshing the list on its ``signal`` (carrying the
        complaint's id); a dialog not in this version says so instead."""
        try:
            dialog = make()
        except ImportError:
            self._not_available()
            return
        getattr(dialog, signal).connect(self._on_record_changed)
        self._run(dialog)

    def _not_available(self) -> None:
        self.banner.show_message(
            ERROR, self.tr("This part of the desk is not in this version yet.")
        )
