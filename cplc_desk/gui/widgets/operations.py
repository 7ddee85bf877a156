"""The GUI's one way of running a service call off the GUI thread, and of saying what it changed.

An *operation* is a service call (a mutation, a search, a bundle written to a slow USB stick). An
:class:`OperationRunner` runs its operations one after another on a worker thread, so the window
keeps painting, then hands each result back on the GUI thread. When an operation wrote something,
the runner announces *what* changed (:class:`Changes`) on the desk's :class:`ChangeBus`; each page
subscribes to the bus and reloads only what it shows.

Rules:

* ``work`` runs on the worker thread and must not touch widgets; ``done`` and ``failed`` run on
  the GUI thread, where the runner lives.
* One runner per dialog or page keeps its writes in the order the volunteer made them: a draft
  saved a moment before "Save" is written before the registration that discards it, never after.
  Jobs that only matter in their latest form (the draft, the repeat-complainant look-up) carry a
  ``key``; a newer job with the same key replaces one still waiting.
* The worker hands its result back with ``QMetaObject.invokeMethod`` on a slot, not through a
  Python signal: in PySide6 6.12.0 every ``SignalInstance.emit()`` (and ``disconnect()``) hands
  back a ``True`` it does not own, so each call leaves ``True``'s reference count one lower until
  the interpreter aborts ("Fatal Python error: bool_dealloc"). A form saves its draft every few
  seconds all day. The bus emits only when something was written, which is rare.

:class:`BackgroundTask` is the same runner dressed in signals (``progressed``, ``succeeded``,
``failed``, ``finished``), for pages that show progress of one long call at a time.
"""

from __future__ import annotations

import contextlib
import enum
import threading
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QEventLoop,
    QMetaObject,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)

from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage.migrate import StoreError

# The worker's way of saying how far it has got: (done, total, what it is working on now).
Progress = Callable[[int, int, str], None]


class Changes(enum.Flag):
    """What an operation changed, so each page reloads only what it shows."""

    NONE = 0
    COMPLAINTS = enum.auto()
    VEHICLES = enum.auto()
    STATIONS = enum.auto()  # enrolment, bundles received, the hotlist
    CONFLICTS = enum.auto()
    ACCOUNTS = enum.auto()
    SYNC = enum.auto()  # bundles written, the outbox
    PHONES = enum.auto()
    RECORDS = COMPLAINTS | VEHICLES | PHONES
    EVERYTHING = COMPLAINTS | VEHICLES | PHONES | STATIONS | CONFLICTS | ACCOUNTS | SYNC


class ChangeBus(QObject):
    """One per desk: ``changed`` carries the :class:`Changes` of each operation that wrote."""

    changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


# One bus per open desk (a DeskContext is not hashable, so it is keyed by identity and dropped
# with the context).
_BUSES: dict[int, ChangeBus] = {}


def change_bus(ctx: DeskContext) -> ChangeBus:
    """The bus of the desk ``ctx`` is open on."""
    key = id(ctx)
    bus = _BUSES.get(key)
    if bus is None:
        bus = _BUSES[key] = ChangeBus()
        weakref.finalize(ctx, _BUSES.pop, key, None)
    return bus


@dataclass
class _Job:
    work: Callable[[], Any]
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None]
    key: str | None
    changes: Changes = Changes.NONE
    result: Any = None
    error: BaseException | None = None
    thread: threading.Thread | None = field(default=None, repr=False)


class OperationRunner(QObject):
    """Runs operations one after another on a worker thread; see the module's rules."""

    def __init__(
        self, name: str, parent: QObject | None = None, *, bus: ChangeBus | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._bus = bus
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
        changes: Changes = Changes.NONE,
    ) -> None:
        """Run ``work()`` on a worker thread; then ``done(result)`` or ``failed(exc)`` here.

        If ``work`` succeeded, ``changes`` is announced on the runner's bus after ``done``.
        """
        if key is not None:
            self._waiting = deque(job for job in self._waiting if job.key != key)
        self._waiting.append(_Job(work, done, failed, key, changes))
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
        # RuntimeError: the dialog, and this runner with it, is already gone.
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
                if self._bus is not None:
                    self._bus.announce(job.changes)
            else:
                job.failed(job.error)
        finally:
            self._start_next()


class BackgroundTask(QObject):
    """Runs ``work(progress)`` on an :class:`OperationRunner`, one call at a time.

    ``progressed`` carries the progress reports; then exactly one of ``succeeded`` (with the
    result) or ``failed`` (with the exception) is emitted, followed by ``finished``. A page makes
    one task and reuses it for each call: deleting the task from its own signal crashes PySide.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self, name: str, parent: QObject | None = None, *, bus: ChangeBus | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = OperationRunner(name, self, bus=bus)
        self._running = False

    def start(self, work: Callable[[Progress], Any], *, changes: Changes = Changes.NONE) -> None:
        if self._running:
            raise RuntimeError("the task is already running")
        self._running = True
        progress = self.progressed.emit
        self._runner.submit(
            lambda: work(progress),
            lambda result: self._hand_back(self.succeeded, result),
            lambda error: self._hand_back(self.failed, error),
            changes=changes,
        )

    def is_running(self) -> bool:
        """True until the result is handed back (not merely until the thread ends)."""
        return self._running

    def _hand_back(self, signal: SignalInstance, value: object) -> None:
        self._running = False
        try:
            signal.emit(value)
        finally:
            self.finished.emit()


def report_failure(
    error: BaseException, show: Callable[[str], None], unexpected: str = "{error}"
) -> None:
    """Hand a failed operation's message to ``show``: a service's refusal as it is (it is written
    for people); anything else as ``unexpected`` (a text with ``{error}``), then raised again."""
    if isinstance(error, ServiceError | StoreError):
        show(str(error))
        return
    show(unexpected.format(error=error))
    raise error
