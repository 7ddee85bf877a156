"""The status bar's word on where lists and statistics are read, at a headquarters workstation
with a read replica (storage/replica.py): the replica, or the server with a warning while the
replica cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from cplc_desk.storage.replica import Replica


class ReplicaStatus(QLabel):
    # The replica's warning ("" when it answers); emitted from whichever thread read.
    _changed = Signal(str)

    def __init__(self, replica: Replica, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = replica.label
        self._changed.connect(self._show)  # queued onto the window's thread
        replica.listeners.append(self._notify)
        self.destroyed.connect(lambda *_: _forget(replica, self._notify))
        self._show(replica.warning or "")

    def _notify(self, warning: str | None) -> None:
        self._changed.emit(warning or "")

    def _show(self, warning: str) -> None:
        if warning:
            self.setText(self.tr("⚠ Read replica unreachable: reading from the server"))
            self.setToolTip(warning)
        else:
            self.setText(self.tr("Lists from the replica {replica}").format(replica=self._label))
            self.setToolTip(
                self.tr(
                    "Lists and statistics are read from the read-only copy {replica} of the "
                    "server; it may be a few seconds behind. Every change goes to the server."
                ).format(replica=self._label)
            )

    def is_warning(self) -> bool:
        return self.text().startswith("⚠")


def _forget(replica: Replica, listener: object) -> None:
    if listener in replica.listeners:
        replica.listeners.remove(listener)
