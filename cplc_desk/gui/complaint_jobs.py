"""A complaint dialog's service calls, run one after another off the GUI thread.

One queue per dialog keeps its writes in the order the volunteer made them: a draft saved a
moment before "Save" is written before the registration that discards it, never after. Jobs
that only matter in their latest form (the draft, the repeat-complainant look-up) carry a key;
a newer job with the same key replaces one still waiting.

Why not :class:`~cplc_desk.gui.background.BackgroundTask`: it reports through Python signals,
and in PySide6 6.12.0 every ``SignalInstance.emit()`` (and ``disconnect()``) hands back a
``True`` it does not own, so each call leaves ``True``'s reference count one lower until the
interpreter aborts ("Fatal Python error: bool_dealloc"). A form saves its draft every few
seconds all day, so the worker hands its result back with ``QMetaObject.invokeMethod`` on a
slot instead, which costs nothing.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEventLoop, QMetaObject, QObject, Qt, QTimer, Slot


@dataclass
class _Job:
    work: Callable[[], Any]
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None]
    key: str | None
    result: Any = None
    error: BaseException | None = None
    thread: threading.Thread | None = field(default=None, repr=False)


class JobQueue(QObject):
    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._waiting: deque[_Job] = deque()
        self._current: _Job | None = None
        self._idle_loops: list[QEventLoop] = []

    def submit(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        *,
        key: str | None = None,
    ) -> None:
        """Run ``work()`` on a worker thread; then ``done(result)`` or ``failed(exc)`` here.

        ``work`` must not touch widgets; ``done`` and ``failed`` run on the GUI thread.
        """
        if key is not None:
            self._waiting = deque(job for job in self._waiting if job.key != key)
        self._waiting.append(_Job(work, done, failed, key))
        self._start_next()

    def is_busy(self) -> bool:
        return self._current is not None or bool(self._waiting)

    def wait_idle(self, timeout_ms: int = 20_000) -> bool:
        """Let the queue finish (the GUI keeps painting); False if it had not by the timeout.

        Called before a dialog closes, so no answer arrives for a window that is gone.
        """
        if not self.is_busy():
            return True
        loop = QEventLoop()
        self._idle_loops.append(loop)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self._idle_loops.remove(loop)
        return not self.is_busy()

    def _start_next(self) -> None:
        if self._current is not None:
            return
        if not self._waiting:
            for loop in self._idle_loops:
                loop.quit()
            return
        job = self._current = self._waiting.popleft()
        job.thread = threading.Thread(target=self._run, args=(job,), name=self._name, daemon=True)
        job.thread.start()

    def _run(self, job: _Job) -> None:  # on the worker thread
        try:
            job.result = job.work()
        except BaseException as exc:  # handed to the GUI thread, which decides what to do
            job.error = exc
        # RuntimeError: the dialog, and this queue with it, is already gone.
        with contextlib.suppress(RuntimeError):
            QMetaObject.invokeMethod(self, "_deliver", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _deliver(self) -> None:
        job = self._current
        if job is None:
            return
        if job.thread is not None:
            job.thread.join()
        self._current = None
        try:
            if job.error is None:
                job.done(job.result)
            else:
                job.failed(job.error)
        finally:
            self._start_next()
