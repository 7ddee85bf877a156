"""Work-arounds for defects of the Qt binding, installed when the GUI package is imported.

PySide6 6.12.0 drops one reference to Python's ``True`` on every ``SignalInstance.emit`` and
``disconnect`` called from Python; after enough signals Python aborts ("Fatal Python error:
bool_dealloc") — a desk left running would crash. If the running binding shows the defect, each
call gives the reference back. On a fixed binding nothing is patched. Installed by
``create_application`` (and by the GUI tests' conftest), before any widget exists.

The same binding on Python 3.11 also drops one reference to ``None`` on every call of a ``void``
C++ method from Python (``label.setText(...)``, ``timer.start()``, ``processEvents()``...):
thousands of such calls a minute in a working window, and Python aborts ("none_dealloc") once
``None``'s count reaches zero. Those calls cannot all be wrapped, so :func:`pin_none` gives
``None`` a reference count it can never lose, which is what Python 3.12 does itself (there
``None`` is immortal and nothing is changed).

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


def leaks_none_on_void_calls() -> bool:
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 4


# Far more references than a desk could drop in years, far below where the count would overflow.
_NONE_RESERVE = 1 << 48


def pin_none() -> bool:
    """Make ``None`` impossible to deallocate if the binding drops references to it (Python
    3.11 and older only: from 3.12 ``None`` is immortal). True if it did."""
    if sys.version_info >= (3, 12) or not leaks_none_on_void_calls():
        return False
    if sys.getrefcount(None) > _NONE_RESERVE // 2:
        return True  # pinned already
    # ob_refcnt is the first field of every CPython object.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _NONE_RESERVE
    return True


def install() -> bool:
    """Patch the binding if it has the defects. Returns True if it did."""
    global _installed
    pin_none()
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
