"""What the vehicle and phone report lists share beyond ``ListPage``: the page itself (the check
at the top, the list of reports under it), opening a report (a recovery not matched yet looks for
its theft report on a worker thread; any other shows its details), New report, and headquarters'
City-wide checks button.

A subclass names its kind's model (``MODEL``, whose ``REPORTS`` give the query and the count),
and what makes its check and its dialogs (``parts``), makes its filters (``_make_filters``), says its words (``_texts``, ``_report_texts``),
which rows wait for a match (``_awaiting``) and how the look for their theft report is made
(``_find_matches``, run on the worker). Its dialogs come from replaceable functions
(``open_form``, ``open_detail``, ``open_matches``, ``open_city_checks``), which tests swap for
stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.check_panel import CheckPanel
from cplc_desk.gui.widgets.filter_bar import ReportFilters
from cplc_desk.gui.widgets.keyset_model import ROW_ROLE
from cplc_desk.gui.widgets.list_page import ListPage
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.reports_model import ReportsModel
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage.migrate import StoreError


@dataclass(frozen=True)
class ReportParts:
    """What makes a report list's check and its dialogs; each dialog's function imports its dialog
    only when called. ``matches`` takes the row, then what ``_find_matches`` found."""

    check: Callable[[DeskContext], CheckPanel]  # "is this one stolen?"
    form: Callable[[DeskContext, QWidget], QDialog]
    detail: Callable[[DeskContext, str, QWidget], QDialog]
    matches: Callable[..., QDialog]
    city_checks: Callable[[DeskContext, QWidget], QDialog]


@dataclass(frozen=True)
class ReportTexts:
    """A report list's own words, beyond ``ListTexts``, translated by the page."""

    check_title: str  # the box of the check at the top
    list_heading: str
    city_checks: str  # what headquarters' City-wide checks look for
    none_found: str  # no theft report found for a recovery, with {number}


class ReportListPage(ListPage):
    # The look for a recovery's theft report (double-click) has ended.
    match_search_finished = Signal()
    match_task_name = "cplc-find-matches"
    # The kind's list (its REPORTS say what is listed), its check and its dialogs.
    MODEL: ClassVar[type[ReportsModel]]
    parts: ClassVar[ReportParts]
    filters: ReportFilters

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        made = self.parts
        # Replaceable: tests put stand-ins here, and each imports its dialog only when called.
        self.open_form: Callable[[], QDialog] = lambda: made.form(ctx, self)
        self.open_detail: Callable[[str], QDialog] = lambda report_id: made.detail(
            ctx, report_id, self
        )
        self.open_matches: Callable[..., QDialog] = lambda row, *found: made.matches(
            ctx, row, *found, self
        )
        self.open_city_checks: Callable[[], QDialog] = lambda: made.city_checks(ctx, self)
        # One task for every look for a recovery's theft report (tasks are reused, not deleted).
        self._match_task = BackgroundTask(self.match_task_name, self)
        self._match_task.succeeded.connect(self._on_matches)
        self._match_task.failed.connect(self._on_match_search_failed)
        self._match_task.finished.connect(self.match_search_finished)
        self._match_row: Any = None
        self._build(self._report_texts())
        self._start()

    def _build(self, texts: ReportTexts) -> None:
        """The check at the top, the filters, the list of reports, and City-wide checks."""
        self.verify_widget = self.parts.check(self.ctx)
        verify_box = QGroupBox(texts.check_title)
        QVBoxLayout(verify_box).addWidget(self.verify_widget)
        list_heading = emphasise(QLabel(texts.list_heading), 1.15)
        self.filters = self._make_filters()
        model = self.MODEL(self.ctx, self)
        header = self._show_model(model)
        header.setStretchLastSection(True)
        if model.headquarters:
            # The district (last, after the status) beside its police station (before the status).
            header.moveSection(model.STATUS + 1, model.STATUS)
        checks = self._city_checks_button(texts.city_checks)
        self._lay_out(above=(verify_box, 4, list_heading), buttons=(checks,))

        self.search_box.returnPressed.connect(self.search_or_open)
        self.filters.changed.connect(self.search_now)
        self.verify_widget.verified.connect(lambda _answer: self.banner.clear_message())

    def _city_checks_button(self, tooltip: str) -> QPushButton:
        """Headquarters' City-wide checks… (hidden at a station): recoveries matching another
        station's theft, and probable duplicates."""
        button = QPushButton(self.tr("City-wide checks…"))
        button.setToolTip(tooltip)
        button.setVisible(self.headquarters)
        button.clicked.connect(self.show_city_checks)
        self.city_checks_button = button
        return button

    def _open_tooltip(self) -> str:
        """The Open button's tooltip, the same for every kind of report."""
        return self.tr("Show the selected report; for a recovery not matched yet, its theft report")

    # ------------------------------------------------------------------ the subclass's

    def _report_texts(self) -> ReportTexts:
        raise NotImplementedError

    def _make_filters(self) -> ReportFilters:
        raise NotImplementedError

    def _awaiting(self, row: Any) -> bool:
        """A recovery not matched to its theft report yet."""
        raise NotImplementedError

    def _find_matches(self, row: Any) -> tuple[Any, ...]:
        """The look for ``row``'s theft report (on the worker thread): what ``open_matches``
        takes after the row, the candidates last."""
        raise NotImplementedError

    # ------------------------------------------------------------------ searching

    def current_query(self) -> Any:
        return self.filters.apply(self.MODEL.REPORTS.query(text=self.search_box.text().strip()))

    def _unfiltered_query(self) -> Any:
        return self.MODEL.REPORTS.query()

    def _count_matches(self, ctx: DeskContext, query: Any, cap: int) -> int:
        """On the worker thread: reads only the kind's list service."""
        return self.MODEL.REPORTS.listing.count(ctx, query, cap)

    # ------------------------------------------------------------------ opening

    def is_busy_reading(self) -> bool:
        """A count, a look for theft reports or a check is running on a worker thread."""
        return (
            self.is_counting() or self._match_task.is_running() or self.verify_widget.is_checking()
        )

    def open_row(self, index: QModelIndex) -> None:
        self.open_report(index.data(ROW_ROLE))

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
        assert isinstance(found, tuple)
        if not found[-1]:
            dialogs.show_information(
                self,
                self.tr("No theft report found"),
                self._report_texts().none_found.format(number=row.number),
            )
            return
        dialog = self.open_matches(row, *found)
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
