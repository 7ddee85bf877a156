"""The Complaints page: find complaints with one search box and a few filters, register a new one
and open one to follow it up.

The list loads a page of 200 at a time as it scrolls (``ComplaintsModel``); how many match is
counted on a worker thread, so typing stays smooth on a desk holding a million complaints. The
registration form and the complaint's own dialog are made by replaceable functions
(``open_form``, ``open_detail``), which tests swap for stand-ins.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui import dialogs
from cplc_desk.gui.areas import COMPLAINTS, area
from cplc_desk.gui.background import BackgroundTask, Progress
from cplc_desk.gui.complaint_filters import ComplaintFilters, search_hint
from cplc_desk.gui.complaints_model import (
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
from cplc_desk.gui.count_widgets import format_count
from cplc_desk.gui.keyset_model import ID_ROLE
from cplc_desk.gui.message_banner import ERROR, MessageBanner
from cplc_desk.gui.page_heading import area_heading
from cplc_desk.gui.typography import make_quiet
from cplc_desk.services import complaints, reference
from cplc_desk.services.complaints import ComplaintQuery
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.storage.migrate import StoreError

SEARCH_DELAY_MS = 300
# A count that takes longer than this says "Counting…" meanwhile (quicker ones would flicker).
COUNTING_NOTICE_MS = 250
COUNT_CAP = 1_000_000
# At most this many average characters wide at first: complainants' names, then category and
# police-station names (the person can widen any column).
NAME_CHARS = 22
LABEL_CHARS = 16


def make_complaint_form(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.complaint_form import ComplaintFormDialog

    dialog: QDialog = ComplaintFormDialog(ctx, parent)
    return dialog


def make_complaint_detail(ctx: DeskContext, complaint_id: str, parent: QWidget) -> QDialog:
    from cplc_desk.gui.complaint_detail import ComplaintDetailDialog

    dialog: QDialog = ComplaintDetailDialog(ctx, complaint_id, parent)
    return dialog


class ComplaintsPage(QWidget):
    area_key = COMPLAINTS
    # A complaint was registered or changed: counts elsewhere in the window are out of date.
    records_changed = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        identity = ctx.identity()
        self.can_register = identity is not None and identity.is_station
        # Replaceable: tests put stand-ins here, and each imports its dialog only when called.
        self.open_form: Callable[[], QDialog] = lambda: make_complaint_form(ctx, self)
        self.open_detail: Callable[[str], QDialog] = lambda complaint_id: make_complaint_detail(
            ctx, complaint_id, self
        )
        self.today: Callable[[], date] = local_today

        heading, self.purpose_label = area_heading(self, area(COMPLAINTS))

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Receipt number, CNIC, mobile, FIR number, name or words")
        )
        self.search_box.setAccessibleName(self.tr("Search complaints"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.hint_label = make_quiet(QLabel())
        self.hint_label.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.setEnabled(self.can_register)
        self.new_button.setToolTip(
            self.tr("Register a citizen's complaint (Ctrl+N)")
            if self.can_register
            else self.tr("Complaints are registered at police-station desks")
        )
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show the selected complaint and follow it up (Enter)"))
        self.new_button.clicked.connect(self.new_complaint)
        self.open_button.clicked.connect(self.open_selected)

        self.model = ComplaintsModel(ctx, self)
        self.model.today = lambda: self.today()
        self.headquarters = identity is not None and not identity.is_station
        self.filters = ComplaintFilters(
            reference.complaint_categories(ctx),
            reference.stations(ctx),
            self.today(),
            headquarters=self.headquarters,
        )

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # Rows as tall as a line of text needs, so more of the list fits on a small screen.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setAccessibleName(self.tr("Complaints"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Ordered in SQL, by registration only: newest first, or oldest first from its header.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(REGISTERED, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        if self.model.headquarters:
            header.moveSection(DISTRICT, STATION + 1)  # the district beside its police station
        self._columns_sized = False

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results = QStackedWidget()
        self.results.addWidget(self.view)
        self.results.addWidget(self.empty_label)

        self.count_label = QLabel()
        self.banner = MessageBanner()

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.purpose_label)
        layout.addSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.banner)

        # Window-wide shortcuts that only work while this page is showing (a hidden page's
        # actions are not triggered).
        self.new_action = self._shortcut(
            QKeySequence(QKeySequence.StandardKey.New), self.new_complaint
        )
        self.new_action.setEnabled(self.can_register)
        self.find_action = self._shortcut(
            QKeySequence(QKeySequence.StandardKey.Find), self.focus_search
        )

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self._counting_notice = QTimer(self)
        self._counting_notice.setSingleShot(True)
        self._counting_notice.setInterval(COUNTING_NOTICE_MS)
        self._counting_notice.timeout.connect(self._show_counting)
        self._count_task = BackgroundTask("cplc-count-complaints", self)
        self._count_task.succeeded.connect(self._on_counted)
        self._count_task.failed.connect(self._on_count_failed)
        self._count_task.finished.connect(self._start_count)
        self._count_wanted: ComplaintQuery | None = None

        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(lambda: self.search_now(again=True))
        self.filters.changed.connect(self.search_now)
        self.filters.edited.connect(self._search_timer.start)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._on_rows_changed)
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.load_failed.connect(lambda message: self.banner.show_message(ERROR, message))

        self.hint_label.setText(search_hint(""))
        self._load(self.current_query())

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], Any]) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ searching

    def current_query(self) -> ComplaintQuery:
        query = ComplaintQuery(text=self.search_box.text().strip(),
                               oldest_first=self.model.query.oldest_first)  # fmt: skip
        return self.filters.apply(query, self.today())

    def _on_text_changed(self, text: str) -> None:
        self.hint_label.setText(search_hint(text))
        self._search_timer.start()  # restarts: the search runs once typing pauses

    def search_now(self, again: bool = False) -> None:
        """Show what the search box and filters ask for. Unless ``again`` (Enter pressed), a
        query already shown is not read again: a CNIC or mobile search goes into the audit
        trail, once per search rather than once per pause in typing."""
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self._load(query)
        elif again:
            self.refresh()

    def _load(self, query: ComplaintQuery, reload: bool = False) -> bool:
        try:
            if reload:
                self.model.reload()
            else:
                self.model.set_query(query)
        except (ServiceError, StoreError) as exc:
            self.banner.show_message(ERROR, str(exc))
            return False
        if self.banner.kind == ERROR:
            self.banner.hide()
        if not self._columns_sized and self.model.rowCount() > 0:
            self._size_columns()
            self._columns_sized = True
        self._recount()
        return True

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

    def refresh(self) -> None:
        """Read the list again (records may have arrived), keeping the selected complaint."""
        selected = self.selected_id()
        if self._load(self.model.query, reload=True) and selected is not None:
            self.select_id(selected)

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

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes to the list; Escape empties the box.
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.search_now()
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.selected_id() is None:
                    self.view.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                self.search_now()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ counting

    def _recount(self) -> None:
        query = self.model.query
        if self.model.fully_loaded():
            # Everything matching is loaded: no need to ask the store.
            self._count_wanted = None
            self._show_count(self.model.rowCount())
            return
        self._count_wanted = query
        self._counting_notice.start()
        self._start_count()

    def _start_count(self) -> None:
        query = self._count_wanted
        if query is None or self._count_task.is_running():
            return  # a running count starts the wanted one when it finishes
        self._count_wanted = None
        ctx = self.ctx

        def work(_progress: Progress) -> tuple[ComplaintQuery, int]:
            return query, complaints.count(ctx, query, cap=COUNT_CAP)

        self._count_task.start(work)

    def is_counting(self) -> bool:
        return self._count_task.is_running() or self._count_wanted is not None

    def _on_counted(self, result: tuple[ComplaintQuery, int]) -> None:
        query, n = result
        if query == self.model.query:
            self._show_count(n)

    def _on_count_failed(self, error: BaseException) -> None:
        self._counting_notice.stop()
        self.count_label.setText("")
        self.banner.show_message(ERROR, str(error))

    def _show_counting(self) -> None:
        self.count_label.setText(self.tr("Counting…"))

    def _show_count(self, n: int) -> None:
        self._counting_notice.stop()
        if n == 0:
            text = self.tr("No complaints match")
        elif n == 1:
            text = self.tr("1 complaint")
        elif n >= COUNT_CAP:
            text = self.tr("More than {count} complaints").format(count=format_count(n))
        else:
            text = self.tr("{count} complaints").format(count=format_count(n))
        self.count_label.setText(text)

    def count_text(self) -> str:
        return self.count_label.text()

    # ------------------------------------------------------------------ the list

    def _on_rows_changed(self, *_args: object) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.model.query != ComplaintQuery(oldest_first=self.model.query.oldest_first):
                text = self.tr("No complaint matches this search. Check the number, or clear "
                               "the filters.")  # fmt: skip
            elif self.can_register:
                text = self.tr("No complaints yet. Register the first with New complaint… "
                               "(Ctrl+N).")  # fmt: skip
            else:
                text = self.tr("No complaints yet. They arrive in the bundles stations send.")
            self.empty_label.setText(text)
        self.results.setCurrentWidget(self.empty_label if empty else self.view)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def select_id(self, complaint_id: str) -> bool:
        row = self.model.row_of(complaint_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    # ------------------------------------------------------------------ dialogs

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_complaint(str(index.data(ID_ROLE)))

    def open_selected(self) -> None:
        complaint_id = self.selected_id()
        if complaint_id is not None:
            self.open_complaint(complaint_id)

    def open_complaint(self, complaint_id: str) -> None:
        try:
            dialog = self.open_detail(complaint_id)
        except ImportError:
            self._not_available()
            return
        dialog.changed.connect(self._on_complaint_changed)  # type: ignore[attr-defined]
        self._run(dialog)

    def new_complaint(self) -> None:
        if not self.can_register:
            return
        try:
            dialog = self.open_form()
        except ImportError:
            self._not_available()
            return
        dialog.registered.connect(self._on_complaint_changed)  # type: ignore[attr-defined]
        self._run(dialog)

    @staticmethod
    def _run(dialog: QDialog) -> None:
        try:
            dialogs.run_modal(dialog)
        finally:
            dialog.deleteLater()

    def _on_complaint_changed(self, complaint_id: str) -> None:
        self.refresh()
        self.select_id(complaint_id)
        self.records_changed.emit()

    def _not_available(self) -> None:
        self.banner.show_message(
            ERROR, self.tr("This part of the desk is not in this version yet.")
        )
