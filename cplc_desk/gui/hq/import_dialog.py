"""Headquarters imports bundles: chosen files, or a whole folder (a USB stick full of bundles).

The import runs on a worker thread; the service's progress reports reach the progress bar through
a queued signal. The report lists every file with what happened to it, and a summary says whether
anything needs attention (a refused or held bundle).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.hq.import_report_model import (
    ACCEPTED,
    ALREADY_IMPORTED,
    HELD,
    MESSAGE,
    REFUSED,
    ImportReportModel,
)
from cplc_desk.gui.shell import settings
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.message_banner import ERROR, INFO, SUCCESS, WARNING, MessageBanner
from cplc_desk.gui.widgets.operations import Progress
from cplc_desk.gui.widgets.tables import report_rows
from cplc_desk.gui.widgets.work_dialog import WorkDialog
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.sync.importer import BundleOutcome

IMPORT_FOLDER = "import"


class ImportDialog(WorkDialog):
    # After an import has finished (successfully or not).
    import_finished = Signal()

    def __init__(
        self,
        ctx: DeskContext,
        station_names: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("cplc-import-bundles", parent)
        self.ctx = ctx
        self.records_changed = False
        self.setWindowTitle(self.tr("Import bundles — CPLC Desk"))

        intro = QLabel(
            self.tr(
                "Choose the bundle files the station desks sent, or a whole folder such as a USB "
                "stick: every bundle in it and its subfolders is imported. A bundle imported "
                "before is recognised and left alone; one that arrives before an earlier bundle "
                "is held until that one comes."
            )
        )
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Choose bundle files…"))
        self.folder_button = QPushButton(self.tr("Choose a folder or USB stick…"))
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.files_button)
        choose_row.addWidget(self.folder_button)
        choose_row.addStretch(1)

        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_label.hide()
        self.progress_bar.hide()

        self.model = ImportReportModel(station_names, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        # The message says what to do about a refused or held bundle: wrapped, never cut off.
        report_rows(self.view, MESSAGE)

        self.summary = MessageBanner()
        self.summary.show_message(
            INFO, self.tr("Choose bundle files or a folder to start the import.")
        )

        self.close_row()

        stack(
            QVBoxLayout(self), intro, choose_row, self.progress_label, self.progress_bar,
            (self.view, 1), self.summary, self.buttons,
        )  # fmt: skip

        # Sized in text units, so a larger font or a longer translation still fits.
        dialogs.size_in_text(self, 170, 28)

    # ------------------------------------------------------------------ choosing

    def choose_files(self) -> None:
        paths = dialogs.choose_files(
            self,
            self.tr("Choose the bundles to import"),
            self.tr("CPLC bundles (*{suffix});;All files (*)").format(suffix=sync_hq.BUNDLE_SUFFIX),
            settings.last_folder(IMPORT_FOLDER),
        )
        if paths:
            settings.remember_folder(IMPORT_FOLDER, paths[0].parent)
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = dialogs.choose_folder(
            self,
            self.tr("Choose the folder or USB stick holding the bundles"),
            settings.last_folder(IMPORT_FOLDER),
        )
        if folder is not None:
            settings.remember_folder(IMPORT_FOLDER, folder)
            self.import_paths([folder])

    # ------------------------------------------------------------------ importing

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import these files and folders on a worker thread; the report replaces the last one."""
        if self.is_busy():
            return
        chosen = list(paths)

        def work(progress: Progress) -> list[BundleOutcome]:
            return bundle_import.import_bundles(self.ctx, chosen, progress=progress)

        self.model.set_outcomes([])
        self.summary.clear_message()
        self.progress_bar.setRange(0, 0)  # until the service says how many files it found
        self.progress_label.setText(self.tr("Looking for bundles…"))
        self.progress_label.show()
        self.progress_bar.show()
        self._set_busy(True)
        self.task.start(work)

    def _set_busy(self, busy: bool) -> None:
        self.files_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if name:
            self.progress_label.setText(
                self.tr("Importing bundle {n} of {total}: {file}").format(
                    n=format_count(done + 1), total=format_count(total), file=name
                )
            )

    def _on_done(self, result: object) -> None:
        outcomes = cast("list[BundleOutcome]", result)
        self.model.set_outcomes(outcomes)
        self.view.resizeRowsToContents()
        self.records_changed = self.records_changed or any(o.status == ACCEPTED for o in outcomes)
        self._show_summary()

    def _on_finished(self) -> None:
        self.progress_label.hide()
        self.progress_bar.hide()
        self._set_busy(False)
        self.import_finished.emit()

    def _show_summary(self) -> None:
        results = self.model.results()
        if not sum(results.values()):
            self.summary.show_message(
                WARNING, self.tr("No bundles were found in what you chose. Nothing was imported.")
            )
            return
        counts = self.model.record_counts()
        text = self.tr(
            "Bundles read: {total} · accepted: {accepted} · already imported: {already} · "
            "held: {held} · refused: {refused}\n"
            "Records: {new} new · {updated} updated · {unchanged} unchanged · "
            "{conflicts} conflicts"
        ).format(
            total=format_count(sum(results.values())),
            accepted=format_count(results[ACCEPTED]),
            already=format_count(results[ALREADY_IMPORTED]),
            held=format_count(results[HELD]),
            refused=format_count(results[REFUSED]),
            **{key: format_count(n) for key, n in counts.items()},
        )
        if results[REFUSED]:
            kind = ERROR
        elif results[HELD] or counts["conflicts"]:
            kind = WARNING
        else:
            kind = SUCCESS
        self.summary.show_message(kind, text)
