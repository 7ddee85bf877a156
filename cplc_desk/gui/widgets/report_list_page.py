"""What the vehicle and phone report lists share beyond ``ListPage``: opening a report (a recovery
not matched yet looks for its theft report on a worker thread; any other shows its details), New
report, and headquarters' City-wide checks button.

A subclass says which rows wait for a match (``_awaiting``), how the look for their theft
report is made (``_find_matches``, run on the worker), whether it found any
(``_found_any``), the dialog showing them (``open_matches``) and what to say when none was
found (``_none_found_text``). Its dialogs come from replaceable functions (``open_form``,
``open_detail``, ``open_city_checks``), which tests swap for stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.keyset_model import ROW_ROLE
from cplc_desk.gui.widgets.list_page import ListPage
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage.migrate import StoreError


class ReportListPage(ListPage):
    # The look for a recovery's theft report (double-click) has ended.
    match_search_finished = Signal()
    match_task_name = "cplc-find-matches"

    open_form: Callable[[], QDialog]
    open_detail: Callable[[str], QDialog]
    open_city_checks: Callable[[], QDialog]

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # One task for every look for a recovery's theft report (tasks are reused, not deleted).
        self._match_task = BackgroundTask(self.match_task_name, self)
        self._match_task.succeeded.connect(self._on_matches)
        self._match_task.failed.connect(self._on_match_search_failed)
        self._match_task.finished.connect(self.match_search_finished)
        self._match_row: Any = None

    def _city_checks_button(self, tooltip: str) -> QPushButton:
        """Headquarters' City-wide checks… (hidden at a station)."""
        button = QPushButton(self.tr("City-wide checks…"))
        button.setToolTip(tooltip)
        button.setVisible(self.headquarters)
        button.clicked.connect(self.show_city_checks)
        self.city_checks_button = button
        return button

    # ------------------------------------------------------------------ the subclass's

    def _awaiting(self, row: Any) -> bool:
        """A recovery not matched to its theft report yet."""
        raise NotImplementedError

    def _find_matches(self, row: Any) -> Any:
        """The look for ``row``'s theft report (on the worker thread)."""
        raise NotImplementedError

    def _found_any(self, found: Any) -> bool:
        raise NotImplementedError

    def _matches_dialog(self, row: Any, found: Any) -> QDialog:
        raise NotImplementedError

    def _none_found_text(self, row: Any) -> tuple[str, str]:
        """The title and text saying no theft report was found for ``row``."""
        raise NotImplementedError

    # ------------------------------------------------------------------ opening

    def is_busy_reading(self) -> bool:
        """A count or a look for theft reports is running on a worker thread."""
        return self.is_counting() or self._match_task.is_running()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_report(index.data(ROW_ROLE))

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_report(rows[0].data(ROW_ROLE))

    def open_report(self, row: Any) -> None:
        """A recovery not matched yet: look for its theft report. Any other: its details."""
        if self._awaiting(row):
            self.find_theft_report(row)
            return
        try:
            dialog = self.open_detail(row.id)
        except ServiceError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self._run(dialog)

    def find_theft_report(self, row: Any) -> bool:
        """Look (on a worker thread) for the theft reports a recovery may belong to."""
        if self._match_task.is_running():
            return False
        self._match_row = row
        self.count_label.setText(self.tr("Looking for the theft report of {number}…").format(
            number=row.number
        ))  # fmt: skip

        def work(_progress: Progress) -> Any:
            return self._find_matches(row)

        self._match_task.start(work)
        return True

    def _on_matches(self, found: object) -> None:
        row = self._match_row
        assert row is not None
        self._recount()  # puts the count back in place of "Looking for…"
        if not self._found_any(found):
            dialogs.show_information(self, *self._none_found_text(row))
            return
        dialog = self._matches_dialog(row, found)
        dialog.matched.connect(lambda _theft_id: self._on_record_changed(row.id))  # type: ignore[attr-defined]
        self._run(dialog)

    def _on_match_search_failed(self, exc: object) -> None:
        self._recount()
        if not isinstance(exc, ServiceError | StoreError):
            assert isinstance(exc, BaseException)
            raise exc
        self.banner.show_message(ERROR, str(exc))

    def new_record(self) -> None:
        if not self.can_register:
            return
        dialog = self.open_form()
        dialog.registered.connect(self._on_record_changed)  # type: ignore[attr-defined]
        matched = getattr(dialog, "matched", None)
        if matched is not None:
            matched.connect(self._on_record_changed)
        self._run(dialog)

    def show_city_checks(self) -> None:
        """Headquarters: recoveries matching another station's theft, and probable duplicates."""
        try:
            dialog = self.open_city_checks()
        except ServiceError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self._run(dialog)
