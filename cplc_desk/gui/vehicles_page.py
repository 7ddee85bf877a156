"""The Vehicles page: check a vehicle ("is this one stolen?"), record a stolen, snatched,
recovered or found vehicle, and find the desk's vehicle reports.

The check sits at the top, since it is what the desk is asked most. The list below loads 200
reports at a time as it scrolls (``VehiclesModel``); how many match is counted on a worker
thread. Double-clicking a recovery not yet matched looks for its theft report again; any other
report opens its details. The dialogs are made by replaceable functions (``open_form``,
``open_detail``, ``open_matches``), which tests swap for stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui import dialogs
from cplc_desk.gui.areas import VEHICLES, area
from cplc_desk.gui.background import BackgroundTask, Progress
from cplc_desk.gui.count_widgets import format_count
from cplc_desk.gui.keyset_model import ID_ROLE, ROW_ROLE
from cplc_desk.gui.message_banner import ERROR, MessageBanner
from cplc_desk.gui.page_heading import area_heading
from cplc_desk.gui.typography import emphasise, make_quiet
from cplc_desk.gui.vehicle_filters import VehicleFilters, search_hint
from cplc_desk.gui.vehicle_verify import VehicleVerifyWidget
from cplc_desk.gui.vehicles_model import (
    DISTRICT,
    STATION,
    VehiclesModel,
    awaiting_match,
)
from cplc_desk.services import reference, vehicle_list, vehicles
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.services.vehicle_list import VehicleQuery, VehicleRow
from cplc_desk.services.vehicles import MatchCandidate
from cplc_desk.storage.migrate import StoreError

SEARCH_DELAY_MS = 300
# A count that takes longer than this says "Counting…" meanwhile (quicker ones would flicker).
COUNTING_NOTICE_MS = 250
COUNT_CAP = 1_000_000


def make_vehicle_form(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.vehicle_form import VehicleFormDialog

    return VehicleFormDialog(ctx, parent)


def make_vehicle_detail(ctx: DeskContext, report_id: str, parent: QWidget) -> QDialog:
    from cplc_desk.gui.vehicle_detail import VehicleDetailDialog

    return VehicleDetailDialog(ctx, report_id, parent)


def make_city_checks(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.city_checks import CityChecksDialog

    return CityChecksDialog(ctx, parent)


def make_match_dialog(
    ctx: DeskContext, row: VehicleRow, candidates: Sequence[MatchCandidate], parent: QWidget
) -> QDialog:
    from cplc_desk.gui.vehicle_form import recovery_title
    from cplc_desk.gui.vehicle_match import VehicleMatchDialog

    title = recovery_title(row.number, row.registration or "", row.chassis or "", row.engine or "")
    return VehicleMatchDialog(ctx, row.id, title, candidates, parent)


class VehiclesPage(QWidget):
    area_key = VEHICLES
    # A report was registered or matched: counts elsewhere in the window are out of date.
    records_changed = Signal()
    # The look for a recovery's theft report (double-click) has ended.
    match_search_finished = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        identity = ctx.identity()
        self.can_register = identity is not None and identity.is_station
        # Replaceable: tests put stand-ins here, and each imports its dialog only when called.
        self.open_form: Callable[[], QDialog] = lambda: make_vehicle_form(ctx, self)
        self.open_detail: Callable[[str], QDialog] = lambda report_id: make_vehicle_detail(
            ctx, report_id, self
        )
        self.open_matches: Callable[[VehicleRow, Sequence[MatchCandidate]], QDialog] = (
            lambda row, candidates: make_match_dialog(ctx, row, candidates, self)
        )

        heading, self.purpose_label = area_heading(self, area(VEHICLES))

        self.verify_widget = VehicleVerifyWidget(ctx)
        verify_box = QGroupBox(self.tr("Is this vehicle reported stolen?"))
        verify_layout = QVBoxLayout(verify_box)
        verify_layout.addWidget(self.verify_widget)

        list_heading = emphasise(QLabel(self.tr("Vehicle reports")), 1.15)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Registration, chassis or engine number, report number, owner's CNIC, mobile or name")
        )  # fmt: skip
        self.search_box.setAccessibleName(self.tr("Search vehicle reports"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.hint_label = make_quiet(QLabel())
        self.hint_label.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New vehicle report…"))
        self.new_button.setEnabled(self.can_register)
        self.new_button.setToolTip(
            self.tr("Record a stolen, snatched, recovered or found vehicle (Ctrl+N)")
            if self.can_register
            else self.tr("Vehicle reports are registered at police-station desks")
        )
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(
            self.tr("Show the selected report; for a recovery not matched yet, its theft report")
        )
        self.new_button.clicked.connect(self.new_report)
        self.open_button.clicked.connect(self.open_selected)

        self.model = VehiclesModel(ctx, self)
        self.headquarters = identity is not None and not identity.is_station
        self.filters = VehicleFilters(
            reference.vehicle_classes(ctx),
            reference.stations(ctx),
            headquarters=self.headquarters,
        )
        # Headquarters: recoveries matching another station's theft, and probable duplicates.
        self.open_city_checks: Callable[[], QDialog] = lambda: make_city_checks(ctx, self)
        self.city_checks_button = QPushButton(self.tr("City-wide checks…"))
        self.city_checks_button.setToolTip(
            self.tr(
                "Recovered vehicles that match another station's theft report, and vehicles "
                "reported stolen twice"
            )
        )
        self.city_checks_button.setVisible(self.headquarters)
        self.city_checks_button.clicked.connect(self.show_city_checks)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setAccessibleName(self.tr("Vehicle reports"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
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
        top.addWidget(self.city_checks_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.purpose_label)
        layout.addSpacing(4)
        layout.addWidget(verify_box)
        layout.addSpacing(4)
        layout.addWidget(list_heading)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.banner)

        # Window-wide shortcuts that only work while this page is showing (a hidden page's
        # actions are not triggered).
        self.new_action = self._shortcut(
            QKeySequence(QKeySequence.StandardKey.New), self.new_report
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
        self._counting_notice.timeout.connect(
            lambda: self.count_label.setText(self.tr("Counting…"))
        )
        self._count_task = BackgroundTask("cplc-count-vehicles", self)
        self._count_task.succeeded.connect(self._on_counted)
        self._count_task.failed.connect(self._on_count_failed)
        self._count_task.finished.connect(self._start_count)
        self._count_wanted: VehicleQuery | None = None
        # One task for every look for a recovery's theft report (tasks are reused, not deleted).
        self._match_task = BackgroundTask("cplc-find-matches", self)
        self._match_task.succeeded.connect(self._on_candidates)
        self._match_task.failed.connect(self._on_match_search_failed)
        self._match_task.finished.connect(self.match_search_finished)
        self._match_row: VehicleRow | None = None

        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self.search_now)
        self.filters.changed.connect(self.search_now)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._on_rows_changed)
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.load_failed.connect(lambda message: self.banner.show_message(ERROR, message))
        self.verify_widget.verified.connect(lambda _v: self.banner.clear_message())

        self.hint_label.setText(search_hint(""))
        self._load(self.current_query())

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], Any]) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ searching

    def current_query(self) -> VehicleQuery:
        return self.filters.apply(VehicleQuery(text=self.search_box.text().strip()))

    def _on_text_changed(self, text: str) -> None:
        self.hint_label.setText(search_hint(text))
        self._search_timer.start()  # restarts: the search runs once typing pauses

    def search_now(self) -> None:
        """Show what the search box and filters ask for, unless it is shown already (a CNIC or
        mobile search is recorded in the audit trail: once per search, not per keystroke)."""
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self._load(query)

    def _load(self, query: VehicleQuery, reload: bool = False) -> bool:
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
            self.view.resizeColumnsToContents()
            self._columns_sized = True
        self._recount()
        return True

    def refresh(self) -> None:
        """Read the list again (records may have arrived), keeping the selected report."""
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

        def work(_progress: Progress) -> tuple[VehicleQuery, int]:
            return query, vehicle_list.count(ctx, query, cap=COUNT_CAP)

        self._count_task.start(work)

    def is_busy_reading(self) -> bool:
        """A count or a look for theft reports is running on a worker thread."""
        return (
            self._count_task.is_running()
            or self._count_wanted is not None
            or self._match_task.is_running()
            or self.verify_widget.is_checking()
        )

    def _on_counted(self, result: tuple[VehicleQuery, int]) -> None:
        query, n = result
        if query == self.model.query:
            self._show_count(n)

    def _on_count_failed(self, error: BaseException) -> None:
        self._counting_notice.stop()
        self.count_label.setText("")
        self.banner.show_message(ERROR, str(error))

    def _show_count(self, n: int) -> None:
        self._counting_notice.stop()
        if n == 0:
            text = self.tr("No vehicle reports match")
        elif n == 1:
            text = self.tr("1 vehicle report")
        elif n >= COUNT_CAP:
            text = self.tr("More than {count} vehicle reports").format(count=format_count(n))
        else:
            text = self.tr("{count} vehicle reports").format(count=format_count(n))
        self.count_label.setText(text)

    def count_text(self) -> str:
        return self.count_label.text()

    # ------------------------------------------------------------------ the list

    def _on_rows_changed(self, *_args: object) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.model.query != VehicleQuery():
                text = self.tr("No vehicle report matches this search. Check the number, or "
                               "clear the filters.")  # fmt: skip
            elif self.can_register:
                text = self.tr("No vehicle reports yet. Record the first with New vehicle "
                               "report… (Ctrl+N).")  # fmt: skip
            else:
                text = self.tr("No vehicle reports yet. They arrive in the bundles stations send.")
            self.empty_label.setText(text)
        self.results.setCurrentWidget(self.empty_label if empty else self.view)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def select_id(self, report_id: str) -> bool:
        row = self.model.row_of(report_id)
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
            row = index.data(ROW_ROLE)
            assert isinstance(row, VehicleRow)
            self.open_report(row)

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            row = rows[0].data(ROW_ROLE)
            assert isinstance(row, VehicleRow)
            self.open_report(row)

    def open_report(self, row: VehicleRow) -> None:
        """A recovery not matched yet: look for its theft report. Any other: its details."""
        if awaiting_match(row):
            self.find_theft_report(row)
            return
        try:
            dialog = self.open_detail(row.id)
        except ServiceError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self._run(dialog)

    def find_theft_report(self, row: VehicleRow) -> bool:
        """Look (on a worker thread) for the theft reports a recovery may belong to."""
        if self._match_task.is_running():
            return False
        self._match_row = row
        ctx = self.ctx
        self.count_label.setText(self.tr("Looking for the theft report of {number}…").format(
            number=row.number
        ))  # fmt: skip

        def work(_progress: Progress) -> list[MatchCandidate]:
            return vehicles.find_matches(ctx, row.id)

        self._match_task.start(work)
        return True

    def _on_candidates(self, found: object) -> None:
        assert isinstance(found, list)
        row = self._match_row
        assert row is not None
        self._recount()  # puts the count back in place of "Looking for…"
        if not found:
            dialogs.show_information(
                self,
                self.tr("No theft report found"),
                self.tr(
                    "No open theft report matches {number} yet. It stays open: when a matching "
                    "theft report arrives, double-click it again."
                ).format(number=row.number),
            )
            return
        dialog = self.open_matches(row, found)
        dialog.matched.connect(lambda _theft_id: self._on_report_changed(row.id))  # type: ignore[attr-defined]
        self._run(dialog)

    def _on_match_search_failed(self, exc: object) -> None:
        self._recount()
        if not isinstance(exc, ServiceError | StoreError):
            assert isinstance(exc, BaseException)
            raise exc
        self.banner.show_message(ERROR, str(exc))

    def new_report(self) -> None:
        if not self.can_register:
            return
        dialog = self.open_form()
        dialog.registered.connect(self._on_report_changed)  # type: ignore[attr-defined]
        matched = getattr(dialog, "matched", None)
        if matched is not None:
            matched.connect(self._on_report_changed)
        self._run(dialog)

    def show_city_checks(self) -> None:
        """Headquarters: recoveries matching another station's theft, and probable duplicates."""
        try:
            dialog = self.open_city_checks()
        except ServiceError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self._run(dialog)

    @staticmethod
    def _run(dialog: QDialog) -> None:
        try:
            dialogs.run_modal(dialog)
        finally:
            dialog.deleteLater()

    def _on_report_changed(self, report_id: str) -> None:
        self.refresh()
        self.select_id(report_id)
        self.records_changed.emit()
