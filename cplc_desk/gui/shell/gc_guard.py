"""Python's cycle collector, run only on the GUI thread.

The cycle collector runs on whichever thread happens to allocate when a generation's threshold
is crossed. When that is a worker thread (a complaint being registered off the GUI thread) and
the garbage includes Python wrappers of Qt objects (a closed dialog's widgets caught in a
reference cycle), Qt objects are destroyed on the wrong thread, and the process can crash inside
the worker. We saw this as a rare segfault in ``register_complaint`` on the form's job queue.

So while the window is open automatic collection is off, and a timer on the GUI thread runs the
same generational collections Python would have run, at the same thresholds. Reference counting
still frees everything that is not in a cycle at once; only cycles wait up to a second.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is crossed, as Python would have."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        generation = -1
        for g in range(3):
            if thresholds[g] and counts[g] > thresholds[g]:
                generation = g
        return gc.collect(generation) if generation >= 0 else 0

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def install(interval_ms: int = 1000) -> GuiThreadCollector:
    """Turn automatic collection over to the GUI thread (once; needs the QApplication)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(interval_ms)
    return _collector


def uninstall() -> None:
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
