"""The Reports page: the month's crime statistics as headquarters publishes them, or a station's
own figures (docs/statistics.md).

Pick the month (or a range), the area and, at headquarters, whether the report is for the public;
Compute runs :func:`report.compute` on a worker with a progress bar, so the window keeps working.
The result says how current it is (as of when, from how many bundles, which stations have sent
nothing covering the month) and, for a month already published, what changed since; then its
tables and charts, each on its own tab. Double-clicking a count lists the records behind it (the
service audits the look-up). The report is saved as CSV, Excel, PDF or JSON through the service's
``export`` (audited), and headquarters can publish it (a frozen copy, after a confirmation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.statistics import (
    RecordBehind,
    StatisticsReport,
    StatisticsRequest,
)
from cplc_desk.gui.reports import report_tables
from cplc_desk.gui.reports.records_dialog import RecordsBehindDialog
from cplc_desk.gui.reports.report_model import DrillKey, FiguresModel
from cplc_desk.gui.reports.report_notes import as_of_text, publication_text
from cplc_desk.gui.reports.report_request import ReportRequestWidget
from cplc_desk.gui.reports.trend_chart import TrendChart
from cplc_desk.gui.shell.areas import REPORTS, area
from cplc_desk.gui.shell.settings import last_folder, remember_folder
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.message_banner import ERROR, SUCCESS, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Changes, OperationRunner, Progress
from cplc_desk.gui.widgets.page_heading import area_heading, page_layout
from cplc_desk.gui.widgets.tables import read_only_rows
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.statistics import export, publication, report
from cplc_desk.storage.migrate import StoreError

FOLDER_PURPOSE = "statistics"
FORMATS = ("csv", "xlsx", "pdf", "json")


def figures_view(model: FiguresModel) -> QTableView:
    """A table of figures; each column as wide as its contents (names need not be cut short,
    and a wide matrix scrolls rather than squeezes)."""
    view = QTableView()
    view.setModel(model)
    read_only_rows(view)
    view.horizontalHeader().setStretchLastSection(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
    view.setAlternatingRowColors(model.table.shades is None)
    return view


def fit_height(view: QTableView) -> None:
    """As tall as its rows, no taller: a short table leaves the room to the long one above."""
    view.resizeRowsToContents()
    rows = view.verticalHeader().length()
    bar = view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(
        view.horizontalHeader().sizeHint().height() + rows + bar + 2 * view.frameWidth()
    )


class ReportsPage(QWidget):
    area_key = REPORTS
    shows = Changes.NONE  # a report is computed when asked for, not reloaded behind the reader
    computed = Signal()
    exported = Signal(object)  # the file written
    published = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station
        self.stations = {st.code: st for st in reference.stations(ctx)}
        self.report: StatisticsReport | None = None
        self.open_records: Callable[[str, Sequence[RecordBehind]], QDialog] = (
            lambda title, records: RecordsBehindDialog(
                ctx, title, records, self._category_names(), self
            )
        )
        own = ""
        if identity is not None and identity.is_station:
            st = self.stations.get(identity.code)
            name = st.name if st is not None else identity.name
            own = self.tr("{name} police station's own records").format(name=name)
        self.request_widget = ReportRequestWidget(
            self.headquarters, list(self.stations.values()), own
        )
        self.compute_button = QPushButton(self.tr("&Compute"))
        self.compute_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.banner = MessageBanner()
        self.as_of_label = QLabel()
        self.publication_label = QLabel()
        for label in (self.as_of_label, self.publication_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = make_quiet(
            QLabel(self.tr("Choose the month and the area, then Compute."))
        )
        self._make_tabs()
        self._make_buttons()

        heading, self.purpose_label = area_heading(self, area(REPORTS))
        stack(
            page_layout(self, heading, self.purpose_label, spacing=8),
            stack(QHBoxLayout(), (self.request_widget, 1), self.compute_button),
            self.progress,
            self.empty_label,
            self.as_of_label,
            self.publication_label,
            (self.tabs, 1),
            self.button_row,
            self.banner,
        )

        self.task = BackgroundTask("cplc-statistics", self)
        self.task.progressed.connect(self._on_progress)
        self.task.succeeded.connect(self._on_computed)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(lambda: self._set_busy(False))
        self.jobs = OperationRunner("cplc-statistics-files", self)
        self.compute_button.clicked.connect(lambda _checked=False: self.compute())
        self._show_report(None)

    # ------------------------------------------------------------------ parts

    def _make_tabs(self) -> None:
        self.figures_model = FiguresModel(parent=self)
        self.recovery_model = FiguresModel(parent=self)
        self.matrix_model = FiguresModel(parent=self)
        self.hour_day_model = FiguresModel(parent=self)
        self.makes_model = FiguresModel(parent=self)
        self.stations_model = FiguresModel(parent=self)
        self.figures_view = figures_view(self.figures_model)
        self.recovery_view = figures_view(self.recovery_model)
        self.matrix_view = figures_view(self.matrix_model)
        self.hour_day_view = figures_view(self.hour_day_model)
        self.hour_day_view.setAlternatingRowColors(False)
        self.hour_day_note = make_quiet(QLabel())
        self.hour_day_note.setWordWrap(True)
        self.trend_chart = TrendChart()
        for view in (self.figures_view, self.matrix_view):
            view.activated.connect(self._on_cell_activated)

        figures = QWidget()
        column = QVBoxLayout(figures)
        column.addWidget(self.figures_view, 1)
        column.addWidget(QLabel(self.tr("Recovery rates")))
        column.addWidget(self.recovery_view)
        street = QWidget()
        column = QVBoxLayout(street)
        column.addWidget(self.hour_day_view, 1)
        column.addWidget(self.hour_day_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(figures, self.tr("&Figures"))
        self.tabs.addTab(self.matrix_view, self.tr("By &area"))
        self.tabs.addTab(self.trend_chart, self.tr("&Trend"))
        self.tabs.addTab(street, self.tr("Street crime by &hour"))
        self.tabs.addTab(figures_view(self.makes_model), self.tr("&Makes and models"))
        self.tabs.addTab(figures_view(self.stations_model), self.tr("&Stations ranked"))

    def _make_buttons(self) -> None:
        names = {
            "csv": self.tr("Save as CSV…"),
            "xlsx": self.tr("Save as Excel…"),
            "pdf": self.tr("Save as PDF…"),
            "json": self.tr("Save as JSON…"),
        }
        self.export_buttons: dict[str, QPushButton] = {}
        self.button_row = QHBoxLayout()
        for fmt in FORMATS:
            button = QPushButton(names[fmt])
            button.clicked.connect(lambda _checked=False, f=fmt: self.save_as(f))
            self.export_buttons[fmt] = button
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        self.publish_button = QPushButton(self.tr("&Publish…"))
        self.publish_button.setToolTip(
            self.tr("Keep a frozen copy of these figures as the ones headquarters published")
        )
        self.publish_button.setVisible(self.headquarters)
        self.publish_button.clicked.connect(self.publish)
        self.button_row.addWidget(self.publish_button)

    def _category_names(self) -> dict[str, str]:
        return report_tables.category_names(self.report) if self.report else {}

    # ------------------------------------------------------------------ computing

    def refresh(self) -> None:
        """The window calls this on showing the page: a report stays as computed (its as-of
        line says how current it is) until Compute is pressed again."""

    def is_busy(self) -> bool:
        return self.task.is_running() or self.jobs.is_busy()

    def compute(self, *, keep_message: bool = False) -> bool:
        if self.task.is_running():
            return False
        request = self.request_widget.request()
        ctx = self.ctx

        def work(progress: Progress) -> StatisticsReport:
            return report.compute(ctx, request, lambda done, total: progress(done, total, ""))

        if not keep_message:
            self.banner.clear_message()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_busy(True)
        self.task.start(work)
        return True

    def _on_progress(self, done: int, total: int, _what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_computed(self, result: object) -> None:
        assert isinstance(result, StatisticsReport)
        self._show_report(result)
        self.computed.emit()

    def _on_failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self._refuse(error)

    def _refuse(self, error: BaseException) -> None:
        if isinstance(error, DeskError | StoreError | OSError):  # a refusal, written for people
            reason = error.strerror if isinstance(error, OSError) else None
            self.banner.show_message(ERROR, reason or str(error))
            return
        raise error

    def _set_busy(self, busy: bool) -> None:
        self.compute_button.setEnabled(not busy)
        self.request_widget.setEnabled(not busy)
        if not busy:
            self.progress.hide()
        ready = not busy and self.report is not None
        for button in self.export_buttons.values():
            button.setEnabled(ready)
        self.publish_button.setEnabled(ready and self.headquarters)

    def _show_report(self, result: StatisticsReport | None) -> None:
        self.report = result
        self.empty_label.setVisible(result is None)
        for widget in (self.as_of_label, self.tabs):
            widget.setVisible(result is not None)
        self._set_busy(False)
        if result is None:
            self.publication_label.hide()
            return
        self.as_of_label.setText(as_of_text(result, self.stations, self.headquarters))
        note = publication_text(result, self.headquarters)
        self.publication_label.setText(note)
        self.publication_label.setVisible(bool(note))
        self.figures_model.set_table(report_tables.figures_table(result))
        self.recovery_model.set_table(report_tables.recovery_table(result))
        self.matrix_model.set_table(report_tables.matrix_table(result))
        self.hour_day_model.set_table(report_tables.hour_day_table(result))
        self.makes_model.set_table(report_tables.makes_table(result))
        self.stations_model.set_table(report_tables.stations_table(result))
        self.hour_day_note.setText(
            self.tr(
                "Street crime by the hour and day it happened, Pakistan time. {count} records "
                "with no time of incident are not in the grid."
            ).format(count=result.hour_day.unknown_time)
        )
        self.trend_chart.set_series(result.trend, self._category_names())
        for view in (self.figures_view, self.recovery_view):
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fit_height(self.recovery_view)
        hours = self.hour_day_view.horizontalHeader()
        for column in range(1, self.hour_day_model.columnCount()):
            hours.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    # ------------------------------------------------------------------ drill-down

    def _on_cell_activated(self, index: QModelIndex) -> None:
        model = index.model()
        key = model.key(index) if isinstance(model, FiguresModel) else None
        if key is not None:
            self.drill(key)

    def drill(self, key: DrillKey) -> bool:
        """List (on the worker; audited) the records behind one figure, then show them."""
        current = self.report
        if current is None or self.jobs.is_busy():
            return False
        ctx, request = self.ctx, current.request
        name = self._category_names().get(key.category, key.category)
        where = self.stations[key.station].name if key.station in self.stations else ""
        title = (
            self.tr("{category} at {station}").format(category=name, station=where)
            if where
            else name
        )
        if key.month is not None:
            title += f" ({key.month.month:02d}/{key.month.year})"
        self.jobs.submit(
            lambda: report.records_behind(ctx, request, key.category, key.station, key.month),
            lambda records: self._show_records(title, records),
            self._refuse,
        )
        return True

    def _show_records(self, title: str, records: Sequence[RecordBehind]) -> None:
        dialogs.run_once(self.open_records(title, records))

    # ------------------------------------------------------------------ files, publishing

    def _suggested_path(self, request: StatisticsRequest, fmt: str) -> Path:
        folder = last_folder(FOLDER_PURPOSE) or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        months = str(request.month) + (f"-to-{request.to_month}" if request.to_month else "")
        scope = request.scope_key().replace(":", "-")
        return folder / f"cplc-statistics-{months}-{scope}.{fmt}"

    def save_as(self, fmt: str) -> bool:
        current = self.report
        if current is None or self.jobs.is_busy():
            return False
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF files (*.pdf)"),
            "json": self.tr("JSON files (*.json)"),
        }
        path = dialogs.choose_save_file(
            self,
            self.tr("Save the report"),
            self._suggested_path(current.request, fmt),
            filters[fmt],
        )
        if path is None:
            return False
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        ctx = self.ctx

        self._set_busy(True)
        self.jobs.submit(
            lambda: export.export(ctx, current, path, fmt),
            self._on_saved,
            self._on_file_failed,
        )
        return True

    def _on_saved(self, written: object) -> None:
        assert isinstance(written, Path)
        self._set_busy(False)
        remember_folder(FOLDER_PURPOSE, written.parent)
        self.banner.show_message(
            SUCCESS, self.tr("The report was saved to {path}.").format(path=str(written))
        )
        self.exported.emit(written)

    def _on_file_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._refuse(error)

    def publish(self) -> bool:
        current = self.report
        if current is None or not self.headquarters or self.jobs.is_busy():
            return False
        question = self.tr(
            "Publish these figures for {scope}? A frozen copy is kept; a later report of the "
            "same months shows what changed since."
        ).format(scope=current.scope_label)
        if not dialogs.confirm(self, self.tr("Publish the report"), question):
            return False
        ctx = self.ctx
        self._set_busy(True)
        self.jobs.submit(
            lambda: publication.publish(ctx, current), self._on_published, self._on_file_failed
        )
        return True

    def _on_published(self, _publication: object) -> None:
        self._set_busy(False)
        self.banner.show_message(SUCCESS, self.tr("The report was published."))
        self.published.emit()
        self.compute(keep_message=True)  # shows the published note beside the figures
