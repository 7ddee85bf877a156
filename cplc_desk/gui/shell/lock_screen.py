"""What covers the window while it is locked (after idle time, by hand, or after signing out),
and the watcher that locks it when nobody has touched the keyboard or mouse for a while.

Unlocking takes the signed-in account's password; another person may sign in instead, which signs
the first out (the services audit both).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets.field_parts import error_label, password_edit
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.accounts import accounts
from cplc_desk.services.desk.context import DeskContext

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``msec`` without keyboard or mouse input anywhere in the app.

    Input only notes the time (no Qt call per mouse move); a timer looks at it every second.
    The filter that notes input goes on at the timer's first tick: every event the application
    delivers passes through it, in Python, and the window's first paint is some hundreds of
    events (about 35 ms more before the window showed, bench/startup.py). Idle time counts
    from the start, so input in that first second is all it does not see.
    """

    idle = Signal()

    def __init__(self, msec: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit = msec / 1000
        self._last_input = time.monotonic()
        self.watching = False
        self.timer = QTimer(self)
        self.timer.setInterval(self._tick(msec))
        self.timer.timeout.connect(self._check)

    @staticmethod
    def _tick(msec: int) -> int:
        return max(10, min(msec, 1000))

    def set_interval(self, msec: int) -> None:
        self._limit = msec / 1000
        self.timer.setInterval(self._tick(msec))
        self.restart()

    def restart(self) -> None:
        self._last_input = time.monotonic()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _check(self) -> None:
        app = QApplication.instance()
        if not self.watching and app is not None:
            app.installEventFilter(self)
            self.watching = True
        if time.monotonic() - self._last_input >= self._limit:
            self.timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self.watching:
            app.removeEventFilter(self)
            self.watching = False
        self.timer.stop()


class LockScreen(QWidget):
    """Covers the pages. ``unlocked(same_user)`` when someone signed in."""

    unlocked = Signal(bool)

    def __init__(self, ctx: DeskContext, demo: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.demo = demo
        self._previous = ""
        self.heading = emphasise(QLabel(), 1.4)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username_edit = QLineEdit()
        self.password_edit = password_edit()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.error_label = error_label()
        form_box = QWidget()
        form_box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        form = QFormLayout(form_box)
        form.addRow(self.tr("Account name:"), self.username_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.error_label)
        form.addRow(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(form_box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password_edit.returnPressed.connect(self.try_unlock)
        self.username_edit.returnPressed.connect(self.password_edit.setFocus)
        self.username_edit.textChanged.connect(self._on_name)

    def prepare(self) -> None:
        """Fill in for whoever is signed in (or nobody, after signing out)."""
        actor = self.ctx.actor
        self._previous = actor.username if actor.signed_in else ""
        self.password_edit.clear()
        self.error_label.hide()
        if self._previous:
            self.heading.setText(self.tr("Locked"))
            self.explanation.setText(
                self.tr(
                    "{name} is signed in. Type the password to go on, or sign in with another "
                    "account, which signs {name} out."
                ).format(name=self._previous)
            )
        else:
            self.heading.setText(self.tr("Signed out"))
            self.explanation.setText(self.tr("Sign in to use this desk."))
        if self.demo:
            self.explanation.setText(
                self.explanation.text()
                + "\n"
                + self.tr("Demo desk: account {name}, password {password}.").format(
                    name=_demo_user(), password=_demo_password()
                )
            )
        self.username_edit.setText(self._previous)
        (self.password_edit if self._previous else self.username_edit).setFocus()
        self._on_name()

    def _on_name(self) -> None:
        same = self.username_edit.text().strip().lower() == self._previous
        self.unlock_button.setText(
            self.tr("Unlock") if same and self._previous else self.tr("Sign in")
        )

    def try_unlock(self) -> None:
        try:
            actor = accounts.sign_in(self.ctx, self.username_edit.text(), self.password_edit.text())
        except DeskError as exc:
            self.password_edit.clear()
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.password_edit.clear()
        self.unlocked.emit(actor.username == self._previous)


def _demo_user() -> str:
    from cplc_desk.services.desk.demo import DEMO_USER

    return DEMO_USER


def _demo_password() -> str:
    from cplc_desk.services.desk.demo import DEMO_PASSWORD

    return DEMO_PASSWORD
