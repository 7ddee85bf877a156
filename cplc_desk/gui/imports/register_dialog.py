"""A station imports a legacy register: an Excel workbook (.xlsx) or a CSV file, as
docs/csv-import.md describes.

The person chooses the file and which register it holds (complaints or vehicle reports) and, for
a workbook with several sheets, the sheet. The import runs on a worker thread with a progress
bar; the report says how many rows were imported, already present or not imported, and lists
each bad row with its row number (a workbook's) or line number (a CSV file's) and every reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell import settings
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.message_banner import ERROR, INFO, SUCCESS, WARNING, MessageBanner
from cplc_desk.gui.widgets.operations import Progress
from cplc_desk.gui.widgets.tables import report_rows
from cplc_desk.gui.widgets.work_dialog import WorkDialog
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.imports import csv_import

IMPORT_FOLDER = "registers"


class RegisterImportDialog(WorkDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__("cplc-import-register", parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.records_changed = False
        self.report: csv_import.ImportReport | None = None
        self.setWindowTitle(self.tr("Import a register — CPLC Desk"))

        intro = QLabel(
            self.tr(
                "Choose the register kept in Excel (a workbook, .xlsx) or saved as a CSV file. "
                "Its first row names the columns (docs/csv-import.md lists them). Rows already "
                "in the desk are skipped, so importing the same file again is safe: fix the rows "
                "listed below in the workbook and import it again."
            )
        )
        intro.setWordWrap(True)
        self.file_field = QLineEdit()
        self.file_field.setReadOnly(True)
        self.file_field.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.choose_button)

        self.register_combo = QComboBox()
        self.register_combo.addItem(self.tr("Complaints"), "complaints")
        self.register_combo.addItem(self.tr("Vehicle reports"), "vehicles")
        self.register_combo.addItem(self.tr("Phone reports"), "phones")
        self.sheet_combo = QComboBox()
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.choose_button)
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Register:"), self.register_combo)
        form.addRow(self.sheet_label, self.sheet_combo)
        self._show_sheets([])

        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()

        self._build_report()
        self.close_row(self.import_button)

        stack(
            QVBoxLayout(self), intro, form, self.progress_bar, self.summary, (self.view, 1),
            self.ignored, self.buttons,
        )  # fmt: skip
        dialogs.size_in_text(self, 130, 30)

    def _build_report(self) -> None:
        self.summary = MessageBanner()
        self.summary.show_message(INFO, self.tr("Choose the file to import."))
        self.bad_rows = QStandardItemModel(0, 2, self)
        self.view = QTableView()
        self.view.setModel(self.bad_rows)
        report_rows(self.view, 1)
        self._set_headings(workbook=True)
        self.ignored = QLabel()
        self.ignored.setWordWrap(True)
        self.ignored.hide()

    # ------------------------------------------------------------------ choosing

    def choose_file(self) -> None:
        path = dialogs.choose_file(
            self,
            self.tr("Choose the register to import"),
            self.tr(
                "Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv);;"
                "All files (*)"
            ),
            settings.last_folder(IMPORT_FOLDER),
        )
        if path is not None:
            settings.remember_folder(IMPORT_FOLDER, path.parent)
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        """Take ``path`` as the file to import, listing its sheets if it is a workbook."""
        self.path = None
        self.file_field.setText(str(path))
        self._clear_report()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sheets = csv_import.workbook_sheets(path)
        except DeskError as exc:
            self._show_sheets([])
            self.import_button.setEnabled(False)
            self.summary.show_message(ERROR, str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.path = path
        self._show_sheets(sheets or [])
        self._guess_register(path, sheets or [])
        self.import_button.setEnabled(True)
        self.summary.show_message(
            INFO,
            self.tr("This workbook has {n} sheets: choose the one that holds the register.").format(
                n=len(sheets)
            )
            if sheets and len(sheets) > 1
            else self.tr("Check which register the file holds, then press Import."),
        )

    def _show_sheets(self, sheets: list[str]) -> None:
        self.sheet_combo.clear()
        for title in sheets:
            self.sheet_combo.addItem(title, title)
        several = len(sheets) > 1
        self.sheet_combo.setVisible(several)
        self.sheet_label.setVisible(several)

    def _guess_register(self, path: Path, sheets: list[str]) -> None:
        """The register and sheet whose names say "vehicle" or "complaint", if one does."""
        for index, title in enumerate(sheets):
            if self._register_named(title) == self.register_combo.currentData():
                self.sheet_combo.setCurrentIndex(index)
                return
        named = self._register_named(path.stem)
        if named is not None:
            self.register_combo.setCurrentIndex(self.register_combo.findData(named))

    @staticmethod
    def _register_named(text: str) -> str | None:
        folded = text.casefold()
        if "vehicle" in folded or "گاڑی" in text:
            return "vehicles"
        if "phone" in folded or "mobile" in folded or "موبائل" in text:
            return "phones"
        if "complaint" in folded or "شکایت" in text:
            return "complaints"
        return None

    # ------------------------------------------------------------------ importing

    def start_import(self) -> None:
        if self.is_busy() or self.path is None:
            return
        path, kind = self.path, str(self.register_combo.currentData())
        sheet = self.sheet_combo.currentData() if self.sheet_combo.count() > 1 else None
        ctx = self.ctx

        def work(progress: Progress) -> csv_import.ImportReport:
            return csv_import.import_register(
                ctx, kind, path, sheet=sheet, progress=lambda done, total: progress(done, total, "")
            )

        self._clear_report()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.summary.show_message(INFO, self.tr("Reading the file…"))
        self._set_busy(True)
        self.task.start(work)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.choose_button, self.import_button, self.close_button):
            widget.setEnabled(not busy)
        self.register_combo.setEnabled(not busy)
        self.sheet_combo.setEnabled(not busy)

    def _on_progress(self, done: int, total: int, _name: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.summary.show_message(
            INFO,
            self.tr("Importing row {done} of {total}…").format(
                done=format_count(done), total=format_count(total)
            ),
        )

    def _on_done(self, result: object) -> None:
        assert isinstance(result, csv_import.ImportReport)
        report = result
        self.report = report
        self.records_changed = self.records_changed or report.imported > 0
        self._set_headings(workbook=report.sheet is not None)
        for bad in report.bad_rows:
            self.bad_rows.appendRow(
                [QStandardItem(format_count(bad.line)), QStandardItem("\n".join(bad.reasons))]
            )
        self.view.resizeRowsToContents()
        text = self.tr(
            "{rows} rows read: {imported} imported, {present} already in the desk, {bad} not "
            "imported."
        ).format(
            rows=format_count(report.rows),
            imported=format_count(report.imported),
            present=format_count(report.already_present),
            bad=format_count(report.not_imported),
        )
        if report.not_imported:
            text += " " + self.tr(
                "The rows listed below were not imported; the other rows were saved. Fix "
                "those rows in the file and import it again."
            )
            if report.not_imported > len(report.bad_rows):
                text += " " + self.tr("Only the first {n} are listed.").format(
                    n=format_count(len(report.bad_rows))
                )
        self.summary.show_message(WARNING if report.not_imported else SUCCESS, text)
        if report.ignored_columns:
            self.ignored.setText(
                self.tr("Columns not imported (not a register's column): {columns}").format(
                    columns=report.ignored_text()
                )
            )
            self.ignored.show()

    def _on_finished(self) -> None:
        self.progress_bar.hide()
        self._set_busy(False)

    def _clear_report(self) -> None:
        self.report = None
        self.bad_rows.removeRows(0, self.bad_rows.rowCount())
        self.ignored.hide()

    def _set_headings(self, *, workbook: bool) -> None:
        self.bad_rows.setHorizontalHeaderLabels(
            [self.tr("Row") if workbook else self.tr("Line"), self.tr("What is wrong")]
        )
