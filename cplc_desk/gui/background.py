"""Running one service call off the GUI thread, so the window keeps painting while a bundle is
written to a slow USB stick or a stick full of bundles is imported.

The worker thread only calls the service; it reports through signals, which Qt queues to the GUI
thread where the task object lives. Widgets are touched only in the slots connected there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

# The worker's way of saying how far it has got: (done, total, what it is working on now).
Progress = Callable[[int, int, str], None]


class BackgroundTask(QObject):
    """Runs ``work(progress)`` on a worker thread, one call at a time.

    ``progressed`` carries the progress reports; then exactly one of ``succeeded`` (with the
    result) or ``failed`` (with the exception) is emitted, followed by ``finished``. A page makes
    one task and reuses it for each call: deleting the task from its own signal crashes PySide.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # Internal: from the worker thread to the GUI thread.
    _done = Signal(bool, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None
        self._running = False
        self._done.connect(self._on_done)

    def start(self, work: Callable[[Progress], Any]) -> None:
        if self._running:
            raise RuntimeError("the task is already running")
        self._running = True
        self._thread = threading.Thread(
            target=self._run, args=(work,), name=self._name, daemon=True
        )
        self._thread.start()

    def is_running(self) -> bool:
        """True until ``finished`` has been emitted (not merely until the thread ends)."""
        return self._running

    def _run(self, work: Callable[[Progress], Any]) -> None:
        try:
            result = work(self.progressed.emit)
        except BaseException as exc:  # handed to the GUI thread, which decides what to do
            self._done.emit(False, exc)
        else:
            self._done.emit(True, result)

    def _on_done(self, ok: bool, value: object) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._running = False
        try:
            if ok:
                self.succeeded.emit(value)
            else:
                self.failed.emit(value)
        finally:
            self.finished.emit()
