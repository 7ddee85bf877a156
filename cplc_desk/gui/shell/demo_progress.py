"""Filling the demo desk with sample records while a progress dialog shows how far it has got.

The filling runs on a worker thread (a :class:`~cplc_desk.gui.widgets.operations.BackgroundTask`:
a few thousand records take some seconds) so the dialog keeps painting; the worker only calls the
demo service and reports numbers, it never touches a widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.operations import BackgroundTask, Changes, Progress, change_bus
from cplc_desk.services.desk.context import DeskContext

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def populate_demo(ctx: DeskContext, parent: QWidget | None = None, **counts: Any) -> bool:
    """Run ``demo.populate(ctx, **counts)`` with a progress dialog. False (after telling the
    person why) if the demo desk could not be filled."""
    try:
        from cplc_desk.services.desk import demo
    except ImportError as exc:
        dialogs.show_error(
            parent,
            translate("DemoProgress", "Demo not available"),
            translate(
                "DemoProgress", "This copy of CPLC Desk has no sample records ({reason})."
            ).format(reason=exc),
        )
        return False

    dialog = QProgressDialog(
        translate("DemoProgress", "Filling the demo desk with sample records…"), "", 0, 0, parent
    )
    dialog.setWindowTitle(translate("DemoProgress", "CPLC Desk demo"))
    dialog.setCancelButton(None)  # a half-filled demo desk is no use to anyone
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    task = BackgroundTask("cplc-demo-populate", bus=change_bus(ctx))
    loop = QEventLoop()
    outcome: dict[str, BaseException | None] = {"error": None}

    def on_progress(done: int, total: int, _what: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def on_failed(error: BaseException) -> None:
        outcome["error"] = error

    task.progressed.connect(on_progress)
    task.failed.connect(on_failed)
    task.finished.connect(loop.quit)

    def work(progress: Progress) -> None:
        demo.populate(ctx, progress=lambda done, total: progress(done, total, ""), **counts)

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        dialog.show()
        task.start(work, changes=Changes.EVERYTHING)
        loop.exec()
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
        task.deleteLater()

    error = outcome["error"]
    if error is None:
        return True
    if isinstance(error, DeskError):
        dialogs.show_error(parent, translate("DemoProgress", "Demo not available"), str(error))
        return False
    raise error
