"""Filling the demo desk with sample records while a progress dialog shows how far it has got.

The filling runs on a worker thread (a few thousand records take some seconds) so the dialog keeps
painting; the worker only calls the demo service and reports numbers through a signal, it never
touches a widget.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from cplc_desk.gui import dialogs
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.storage.migrate import StoreError

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


class _Bridge(QObject):
    # Emitted from the worker thread; Qt queues them to the GUI thread, where the bridge lives.
    progressed = Signal(int, int)
    finished = Signal(object)


def populate_demo(ctx: DeskContext, parent: QWidget | None = None, **counts: Any) -> bool:
    """Run ``demo.populate(ctx, **counts)`` with a progress dialog. False (after telling the
    person why) if the demo desk could not be filled."""
    try:
        from cplc_desk.services import demo
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

    bridge = _Bridge()
    loop = QEventLoop()
    outcome: dict[str, BaseException | None] = {"error": None}

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def on_finished(error: BaseException | None) -> None:
        outcome["error"] = error
        loop.quit()

    bridge.progressed.connect(on_progress)
    bridge.finished.connect(on_finished)

    def work() -> None:
        try:
            demo.populate(ctx, progress=bridge.progressed.emit, **counts)
        except BaseException as exc:  # handed to the GUI thread, which decides what to do
            bridge.finished.emit(exc)
        else:
            bridge.finished.emit(None)

    worker = threading.Thread(target=work, name="cplc-demo-populate", daemon=True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        dialog.show()
        worker.start()
        loop.exec()
        worker.join()
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()

    error = outcome["error"]
    if error is None:
        return True
    if isinstance(error, ServiceError | StoreError):
        dialogs.show_error(parent, translate("DemoProgress", "Demo not available"), str(error))
        return False
    raise error
