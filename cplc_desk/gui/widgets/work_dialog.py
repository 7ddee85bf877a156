"""A dialog whose work runs on a worker thread and cannot be stopped half-way (a bundle being
merged, a batch of a register being saved): it stays open, and its answer has a window to come
back to, until the work is done."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, report_failure


class WorkDialog(QDialog):
    """The work runs on ``self.task`` (a :class:`BackgroundTask` named ``task_name``); its
    progress, result, failure and end arrive in the four ``_on_`` methods, which a dialog
    overrides as it needs. A failure is said in the dialog's ``summary`` banner (both such
    dialogs import: a register, or bundles)."""

    buttons: QDialogButtonBox
    close_button: QPushButton
    summary: MessageBanner

    def __init__(self, task_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = BackgroundTask(task_name, self)
        self.task.progressed.connect(self._on_progress)
        self.task.succeeded.connect(self._on_done)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(self._on_finished)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        pass

    def _on_done(self, result: object) -> None:
        pass

    def _on_failed(self, error: BaseException) -> None:
        report_failure(
            error,
            lambda text: self.summary.show_message(ERROR, text),
            self.tr("The import stopped: {error}"),
        )

    def _on_finished(self) -> None:
        pass

    def close_row(self, *actions: QPushButton) -> QDialogButtonBox:
        """The dialog's row of buttons: ``actions``, then Close (which waits for the work)."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for action in actions:
            self.buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        return self.buttons

    def is_busy(self) -> bool:
        return self.task.is_running()

    def reject(self) -> None:
        if not self.is_busy():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            event.ignore()
            return
        super().closeEvent(event)
