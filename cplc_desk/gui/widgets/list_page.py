"""What the Complaints and Vehicles pages share: a search box over a lazy list of records.

A ``ListPage`` owns the search box and its hint, the New and Open buttons, the table (on a
``KeysetTableModel`` that loads a page at a time as it scrolls), the line saying how many match
(counted on a worker thread, so typing stays smooth on a desk holding a million records) and
the message banner. A subclass makes its model and filters, lays the widgets out, and says what
its records are called (``_texts``), how a query is built (``current_query``), how many match
(``_count_matches``) and what New and opening a record do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell.areas import area
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.keyset_model import ID_ROLE, KeysetTableModel
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.page_heading import area_heading, page_layout
from cplc_desk.gui.widgets.records_page import RecordsPage
from cplc_desk.gui.widgets.tables import read_only_rows, select_row
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk.context import DeskContext

SEARCH_DELAY_MS = 300
# A count that takes longer than this says "Counting…" meanwhile (quicker ones would flicker).
COUNTING_NOTICE_MS = 250
COUNT_CAP = 1_000_000


@dataclass(frozen=True)
class ListTexts:
    """What a list page calls its records, translated by the page."""

    search_placeholder: str
    search_name: str  # the search box's accessible name
    new_button: str
    new_tooltip: str  # where this desk registers records
    new_elsewhere: str  # where it does not (headquarters)
    open_tooltip: str
    list_name: str  # the table's accessible name
    count_none: str
    count_one: str
    count_more_than: str  # with {count}
    count_many: str  # with {count}
    empty_search: str  # nothing matches the search or filters
    empty_register: str  # nothing yet, and this desk registers them
    empty_arrive: str  # nothing yet, and they come in stations' bundles


SIZE_FROM_ROWS = 30  # rows a column is fitted to


class ListPage(RecordsPage):
    """``records_changed``: a record was registered or changed."""

    # The name of the worker thread that counts (one per page, reused).
    count_task_name = "cplc-count"

    model: KeysetTableModel
    filters: QWidget  # the subclass's filters, shown under the search box

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        identity = ctx.identity()
        self.can_register = identity is not None and identity.is_station
        self.headquarters = identity is not None and not identity.is_station
        texts = self.texts = self._texts()

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(texts.search_placeholder)
        self.search_box.setAccessibleName(texts.search_name)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.hint_label = make_quiet(QLabel())
        self.hint_label.setWordWrap(True)

        self.new_button = QPushButton(texts.new_button)
        self.new_button.setEnabled(self.can_register)
        self.new_button.setToolTip(texts.new_tooltip if self.can_register else texts.new_elsewhere)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(texts.open_tooltip)
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self.open_selected)

        self.view = QTableView()
        read_only_rows(self.view, fit_columns=False)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(texts.list_name)
        self._columns_sized = False

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results = QStackedWidget()
        self.results.addWidget(self.view)
        self.results.addWidget(self.empty_label)

        self.count_label = QLabel()
        self.banner = MessageBanner()

        # Window-wide shortcuts that only work while this page is showing (a hidden page's
        # actions are not triggered).
        self.new_action = self._shortcut(
            QKeySequence(QKeySequence.StandardKey.New), self.new_record
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
        self._count_task = BackgroundTask(self.count_task_name, self)
        self._count_task.succeeded.connect(self._on_counted)
        self._count_task.failed.connect(self._on_count_failed)
        self._count_task.finished.connect(self._start_count)
        self._count_wanted: Any = None

    def _show_model(self, model: KeysetTableModel) -> QHeaderView:
        """Put the subclass's model under the table; the header, for the subclass to set up."""
        self.model = model
        self.view.setModel(model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Columns fit the first rows, not all 200 loaded: measuring every cell of the first page
        # cost a third of a second of the window's start.
        header.setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        model.modelReset.connect(self._on_rows_changed)
        model.rowsInserted.connect(self._on_rows_changed)
        model.load_failed.connect(lambda message: self.banner.show_message(ERROR, message))
        return header

    def _lay_out(
        self, above: Sequence[QWidget | int] = (), buttons: Sequence[QWidget] = ()
    ) -> None:
        """The area's heading, what the subclass puts ``above`` the search (widgets, and spaces
        as numbers of pixels), the search box with the buttons, the filters and the list."""
        heading, self.purpose_label = area_heading(self, area(self.area_key))
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        for button in buttons:
            top.addWidget(button)
        stack(
            page_layout(self, heading, self.purpose_label, spacing=8),
            4, *above, top, self.hint_label, self.filters, (self.results, 1), self.count_label,
            self.banner,
        )  # fmt: skip

    def _start(self) -> None:
        """Show the first page (the end of the subclass's set-up)."""
        self.hint_label.setText(self._hint(""))
        self._load(self.current_query())

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], Any]) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ the subclass's

    def _texts(self) -> ListTexts:
        raise NotImplementedError

    def _hint(self, text: str) -> str:
        """What the search box understood of ``text``."""
        raise NotImplementedError

    def current_query(self) -> Any:
        raise NotImplementedError

    def _unfiltered_query(self) -> Any:
        """The query that shows every record (to tell "none yet" from "none match")."""
        raise NotImplementedError

    def _count_matches(self, ctx: DeskContext, query: Any, cap: int) -> int:
        """How many records match, up to ``cap`` (runs on a worker thread: no widgets)."""
        raise NotImplementedError

    def new_record(self) -> None:
        raise NotImplementedError

    def open_row(self, index: QModelIndex) -> None:
        """Open the record of this row (double-click, Enter, the Open button)."""
        raise NotImplementedError

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index)

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0])

    # ------------------------------------------------------------------ searching

    def _on_text_changed(self, text: str) -> None:
        self.hint_label.setText(self._hint(text))
        self._search_timer.start()  # restarts: the search runs once typing pauses

    def search_now(self, again: bool = False) -> None:
        """Show what the search box and filters ask for. Unless ``again`` (Enter pressed, where
        the page wants that), a query already shown is not read again: a CNIC or mobile search
        goes into the audit trail, once per search rather than once per pause in typing."""
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self._load(query)
        elif again:
            self.refresh()

    def search_or_open(self, again: bool = False) -> None:
        """Enter in the search box: search now, and when exactly one record matches, open it
        (a receipt number or a CNIC typed or scanned goes straight to its record)."""
        self.search_now(again=again)
        if self.model.rowCount() == 1 and self.model.fully_loaded():
            self.view.selectRow(0)
            self.open_selected()

    def _load(self, query: Any, reload: bool = False) -> bool:
        try:
            if reload:
                self.model.reload()
            else:
                self.model.set_query(query)
        except DeskError as exc:
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
        """Fit the columns to the first page loaded."""
        self.view.resizeColumnsToContents()

    def refresh(self) -> None:
        """Read the list again (records may have arrived), keeping the selected record."""
        selected = self.selected_id()
        if self._load(self.model.query, reload=True) and selected is not None:
            self.select_id(selected)

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
        if self.model.fully_loaded():
            # Everything matching is loaded: no need to ask the store.
            self._count_wanted = None
            self._show_count(self.model.rowCount())
            return
        self._count_wanted = self.model.query
        self._counting_notice.start()
        self._start_count()

    def _start_count(self) -> None:
        query = self._count_wanted
        if query is None or self._count_task.is_running():
            return  # a running count starts the wanted one when it finishes
        self._count_wanted = None
        ctx = self.ctx
        count = self._count_matches

        def work(_progress: Progress) -> tuple[Any, int]:
            with ctx.store.analysis():  # the read replica, when there is one
                return query, count(ctx, query, COUNT_CAP)

        self._count_task.start(work)

    def is_counting(self) -> bool:
        return self._count_task.is_running() or self._count_wanted is not None

    def _on_counted(self, result: tuple[Any, int]) -> None:
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
        texts = self.texts
        if n == 0:
            text = texts.count_none
        elif n == 1:
            text = texts.count_one
        elif n >= COUNT_CAP:
            text = texts.count_more_than.format(count=format_count(n))
        else:
            text = texts.count_many.format(count=format_count(n))
        self.count_label.setText(text)

    def count_text(self) -> str:
        return self.count_label.text()

    # ------------------------------------------------------------------ the list

    def _on_rows_changed(self, *_args: object) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.model.query != self._unfiltered_query():
                text = self.texts.empty_search
            elif self.can_register:
                text = self.texts.empty_register
            else:
                text = self.texts.empty_arrive
            self.empty_label.setText(text)
        self.results.setCurrentWidget(self.empty_label if empty else self.view)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        select_row(self.view, self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    # ------------------------------------------------------------------ dialogs

    @staticmethod
    def _run(dialog: QDialog) -> None:
        dialogs.run_once(dialog)

    def _on_record_changed(self, record_id: str) -> None:
        self.refresh()
        self.select_id(record_id)
        self.announce(self.shows)  # a record of the kind this list shows
