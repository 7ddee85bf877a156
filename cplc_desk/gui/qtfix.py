"""Work-arounds for defects of the Qt binding, installed when the GUI package is imported.

PySide6 6.12.0 drops one reference to Python's ``True`` on every ``SignalInstance.emit`` and
``disconnect`` called from Python; after enough signals Python aborts ("Fatal Python error:
bool_dealloc") — a desk left running would crash. If the running binding shows the defect, each
call gives the reference back. On a fixed binding nothing is patched. Installed by
``create_application`` (and by the GUI tests' conftest), before any widget exists.

One consequence: ``some_signal.connect(other_signal.emit)`` no longer works (PySide6 wants a
weak reference to the instance); connect the signal itself: ``some_signal.connect(other_signal)``.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    fired = Signal()


def leaks_true_on_emit() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before - 4


def install() -> bool:
    """Patch the binding if it has the defect. Returns True if it did."""
    global _installed
    if _installed or not leaks_true_on_emit():
        return _installed
    give_back = ctypes.pythonapi.Py_IncRef
    give_back.argtypes = [ctypes.py_object]
    true = True
    original_emit = SignalInstance.emit
    original_disconnect = SignalInstance.disconnect

    def emit(self: SignalInstance, *args: Any) -> Any:
        try:
            return original_emit(self, *args)
        finally:
            give_back(true)

    def disconnect(self: SignalInstance, *args: Any) -> Any:
        try:
            return original_disconnect(self, *args)
        finally:
            give_back(true)

    SignalInstance.emit = emit  # type: ignore[method-assign]
    SignalInstance.disconnect = disconnect  # type: ignore[method-assign,assignment]
    _installed = True
    return True
