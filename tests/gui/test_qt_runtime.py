"""Guards against a Qt binding defect that would crash a desk left running.

PySide6 6.12.0 drops a reference to Python's ``True`` on every ``Signal.emit`` and
``disconnect``; after enough signals Python aborts ("bool_dealloc"). ``cplc_desk.gui`` mends it
on import (``qtfix``). The check runs in a subprocess so that, if the mending fails, the crash
does not take the whole suite down.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from cplc_desk.gui.shell import qtfix
qtfix.install()
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Sender(QObject):
    changed = Signal(str)
sender = Sender()
sender.changed.connect(lambda _text: None)
before = sys.getrefcount(True)
for _ in range(3000):
    sender.changed.emit("x")
    sender.changed.disconnect()
    sender.changed.connect(lambda _text: None)
print(sys.getrefcount(True) - before)
"""


NONE_SCRIPT = """
import sys
from cplc_desk.gui.shell import qtfix
qtfix.install()
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
timer = QTimer()
# Far more void calls than None has references in a small program: aborts unless mended.
for _ in range(200_000):
    timer.setInterval(5)
print("alive")
"""


def test_void_calls_do_not_wear_none_away() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", NONE_SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "alive"


def test_signals_do_not_leak_references_to_true() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    assert abs(int(proc.stdout.strip())) < 50
