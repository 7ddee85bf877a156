"""What the vehicle check and the phone check share: "is this one stolen?" answered while the
citizen or the buyer waits.

One box takes the number. The check runs once typing pauses or at Enter, never per keystroke
(each check is written to the audit trail), on a worker thread; an answer for what was typed
before never stays on screen for what is typed now. The answer says itself three ways, in words,
colour and icon, and names the hotlist from headquarters it consulted; an expired hotlist is
warned about above the answer, before any check.

A subclass says how the box's text is read (``key``, ``MIN_LENGTH``), what the check is
(``_check``, run on the worker; its answer has a ``result``, the ``hotlist`` consulted and the
``key`` it is for), the words for the box and the states before an answer
(``BoxTexts``) and how an answer is shown (``_show_answer``, with ``_theft_headline`` and
``_reports_text``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.message_banner import WARNING, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.vehicles import hotlist
from cplc_desk.services.vehicles.match_sources import SourceState
from cplc_desk.storage.migrate import StoreError

STOLEN = "stolen"
RECOVERED = "recovered"
NONE = "none"
NEAR = "near"
ANSWERS = (STOLEN, RECOVERED, NEAR, NONE)
# States before an answer: nothing typed, too short, waiting for a pause, asking, refused.
EMPTY = "empty"
SHORT = "short"
WAITING = "waiting"
CHECKING = "checking"
FAILED = "failed"

# Border, background, text and icon of each answer; the text colour is set too so the panel
# reads the same on a dark theme.
R = TypeVar("R")

ANSWER_LOOKS: dict[str, tuple[str, str, str, QStyle.StandardPixmap]] = {
    STOLEN: ("#b00020", "#fdecee", "#5c0011", QStyle.StandardPixmap.SP_MessageBoxCritical),
    RECOVERED: ("#2f6fb0", "#eaf2fb", "#10243d", QStyle.StandardPixmap.SP_MessageBoxInformation),
    NONE: ("#3e8a4b", "#edf7ee", "#173d1d", QStyle.StandardPixmap.SP_DialogApplyButton),
    NEAR: ("#b35900", "#fff0e0", "#4a2500", QStyle.StandardPixmap.SP_MessageBoxWarning),
    FAILED: ("#c79a1e", "#fff6dc", "#3d2e00", QStyle.StandardPixmap.SP_MessageBoxWarning),
}


@dataclass(frozen=True)
class BoxTexts:
    label: str  # with its accelerator
    placeholder: str
    accessible_name: str
    empty: str  # the headline while the box is empty: what to type
    short: str  # the details while what is typed is too short to check


class Answer(Protocol):
    """What a check's answer tells the panel: one of ``ANSWERS``, the hotlist consulted, and the
    key it is for (what was typed, as the check read it)."""

    result: str
    hotlist: SourceState | None

    @property
    def key(self) -> str: ...


class CheckPanel(QWidget):
    """``verified`` carries each answer shown; ``check_finished`` follows every check,
    answered or refused."""

    verified = Signal(object)
    check_finished = Signal()

    CHECK_DELAY_MS = 300
    TASK_NAME = "cplc-check"
    # What is typed is checked once it has this many characters (the service refuses fewer).
    MIN_LENGTH = 1
    # Reports listed under an answer; the rest are counted.
    SHOWN_REPORTS = 4

    def __init__(self, ctx: DeskContext, texts: BoxTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._box_texts = texts
        self.state = EMPTY
        self.answer: object | None = None
        self._shown_key = ""  # the key whose answer is on screen
        self._wanted = ""  # a key to check once the running check ends
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station

        self.input = QLineEdit()
        self.input.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # numbers and plates
        self.input.setPlaceholderText(texts.placeholder)
        self.input.setAccessibleName(texts.accessible_name)
        self.input.setClearButtonEnabled(True)
        label = QLabel(texts.label)
        label.setBuddy(self.input)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Check now (Enter)"))
        self.check_button.setAutoDefault(False)
        self._build_panel()
        self.hotlist_warning = MessageBanner()

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.input, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.hotlist_warning)
        layout.addWidget(self.panel)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self._task = BackgroundTask(self.TASK_NAME, self)
        self._task.succeeded.connect(self._on_answered)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)
        self.input.textChanged.connect(self._on_text_changed)
        self.input.returnPressed.connect(self.check_now)
        self.check_button.clicked.connect(self.check_now)
        self._show_state(EMPTY)
        # A refusal to read the desk shows at the first check instead.
        with contextlib.suppress(DeskError):
            self.show_hotlist_warning(hotlist.SOURCE.state(ctx))

    def _build_panel(self) -> None:
        self.panel = QFrame()
        self.panel.setObjectName("verifyPanel")
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline_label = emphasise(QLabel(), 1.9)
        self.headline_label.setWordWrap(True)
        self.advice_label = emphasise(QLabel(), 1.05)
        self.advice_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hotlist_label = QLabel()
        self.hotlist_label.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(4)
        for widget in self._texts():
            text.addWidget(widget)
        panel_layout = QHBoxLayout(self.panel)
        panel_layout.setContentsMargins(14, 10, 14, 10)
        panel_layout.setSpacing(14)
        panel_layout.addWidget(self.icon_label)
        panel_layout.addLayout(text, 1)
        # Room for a short answer, so the list below does not jump at every state.
        self.panel.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)

    def _texts(self) -> tuple[QLabel, ...]:
        return (self.headline_label, self.advice_label, self.details_label, self.hotlist_label)

    # ------------------------------------------------------------------ the subclass's

    def key(self) -> str:
        """The box's text as the check reads it."""
        raise NotImplementedError

    def _long_enough(self, key: str) -> bool:
        return len(key) >= self.MIN_LENGTH

    def _check(self, typed: str) -> object:
        """The check itself (on the worker thread): the service's answer."""
        raise NotImplementedError

    def _state_of(self, answer: object) -> str:
        return self._answer(answer).result

    def _hotlist_of(self, answer: object) -> SourceState | None:
        return self._answer(answer).hotlist

    @staticmethod
    def _answer(answer: object) -> Answer:
        assert hasattr(answer, "result") and hasattr(answer, "hotlist") and hasattr(answer, "key")
        return answer

    def _waiting_texts(self) -> dict[str, tuple[str, str]]:
        """Headline and details for EMPTY, SHORT, WAITING and CHECKING."""
        return {
            EMPTY: (
                self._box_texts.empty,
                self.tr(
                    "The answer appears as soon as you stop typing. Each check is recorded in "
                    "the audit trail."
                ),
            ),
            SHORT: (self.tr("Keep typing…"), self._box_texts.short),
            WAITING: (self.tr("Checking when you stop typing…"), self.tr("Or press Enter.")),
            CHECKING: (self.tr("Checking…"), ""),
        }

    def _show_answer(self, answer: object) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ the answer's words

    def _theft_headline(self, kinds: set[str]) -> str:
        """The headline over open theft reports of these kinds ("stolen", "snatched")."""
        # The kinds' values, the same for a vehicle's report and a phone's.
        if kinds == {"stolen"}:
            return self.tr("REPORTED STOLEN")
        if kinds == {"snatched"}:
            return self.tr("REPORTED SNATCHED")
        return self.tr("REPORTED STOLEN / SNATCHED")

    def _reports_text(self, reports: Sequence[R], describe: Callable[[R], str]) -> str:
        """The first reports, each ``describe``d, then how many more there are."""
        lines = [describe(r) for r in reports[: self.SHOWN_REPORTS]]
        if len(reports) > self.SHOWN_REPORTS:
            more = len(reports) - self.SHOWN_REPORTS
            lines.append(self.tr("…and {count} more reports.").format(count=more))
        return "\n\n".join(lines)

    # ------------------------------------------------------------------ the hotlist's age

    def show_hotlist_warning(self, state: SourceState | None) -> None:
        """Warn above the answer while the held hotlist has expired."""
        if state is None or not state.expired:
            self.hotlist_warning.clear_message()
            return
        self.hotlist_warning.show_message(
            WARNING,
            self.tr(
                "The hotlist from headquarters (number {seq}) EXPIRED on {expires}. Thefts "
                "reported at other stations since {issued} are not known to this desk. Import "
                "a new hotlist on the Sync page."
            ).format(
                seq=state.sequence,
                expires=format_datetime(state.expires_at),
                issued=format_datetime(state.issued_at),
            ),
        )

    def hotlist_text(self, state: SourceState | None) -> str:
        """Which hotlist was consulted ("" at headquarters, which holds the whole city)."""
        if state is None:
            if self.headquarters:
                return ""
            return self.tr("No hotlist received yet: only this desk's own reports were checked.")
        template = (
            self.tr("Hotlist consulted: number {seq}, issued {issued}, EXPIRED on {expires}.")
            if state.expired
            else self.tr("Hotlist consulted: number {seq}, issued {issued}, valid until {expires}.")
        )
        return template.format(
            seq=state.sequence,
            issued=format_datetime(state.issued_at),
            expires=format_datetime(state.expires_at),
        )

    # ------------------------------------------------------------------ checking

    def _on_text_changed(self, _text: str) -> None:
        key = self.key()
        if key and key == self._shown_key and self.state in ANSWERS:
            self._timer.stop()  # the same number written differently: the answer stands
            return
        if not key:
            self._timer.stop()
            self._show_state(EMPTY)
        elif not self._long_enough(key):
            self._timer.stop()
            self._show_state(SHORT)
        else:
            # An answer for what was typed before must not stay on screen for this one.
            self._show_state(WAITING)
            self._timer.start()  # restarts: the check runs once typing pauses

    def check_now(self) -> bool:
        """Check what is typed, unless its answer is already shown; False if nothing started."""
        self._timer.stop()
        key = self.key()
        if not self._long_enough(key) or (key == self._shown_key and self.state != FAILED):
            return False
        if self._task.is_running():
            self._wanted = key  # checked when the running one ends
            self._show_state(CHECKING)
            return True
        self._start()
        return True

    def _start(self) -> None:
        typed = self.input.text()
        self._wanted = ""
        self._show_state(CHECKING)

        def work(_progress: Progress) -> object:
            return self._check(typed)

        self._task.start(work)

    def is_checking(self) -> bool:
        return self._task.is_running() or bool(self._wanted) or self._timer.isActive()

    def _on_answered(self, answer: object) -> None:
        if self._answer(answer).key != self.key():
            return  # typed on meanwhile; that text's check follows
        self.answer = answer
        self._shown_key = self._answer(answer).key
        self.show_hotlist_warning(self._hotlist_of(answer))
        self._show_state(self._state_of(answer))
        self.verified.emit(answer)

    def _on_failed(self, exc: object) -> None:
        if not isinstance(exc, ServiceError | StoreError):
            assert isinstance(exc, BaseException)
            raise exc
        self._shown_key = ""
        self._show_state(FAILED, str(exc))

    def _on_finished(self) -> None:
        wanted = self._wanted
        if wanted and wanted == self.key() and wanted != self._shown_key:
            self._start()
            return
        self._wanted = ""
        self.check_finished.emit()

    # ------------------------------------------------------------------ showing

    def headline(self) -> str:
        return self.headline_label.text()

    def _show_state(self, state: str, message: str = "") -> None:
        self.state = state
        if state not in ANSWERS:
            self.answer = None
            self._shown_key = ""
        for label in self._texts()[1:]:
            label.clear()
            label.hide()
        self._paint(state)
        if state == FAILED:
            self.say(self.tr("Could not check"), message)
        elif state in ANSWERS and self.answer is not None:
            self._show_answer(self.answer)
            self.say_hotlist(self.hotlist_text(self._hotlist_of(self.answer)))
        elif state in (texts := self._waiting_texts()):
            self.say(*texts[state])

    def say(self, headline: str, details: str, advice: str = "") -> None:
        self.headline_label.setText(headline)
        for label, text in ((self.advice_label, advice), (self.details_label, details)):
            if text:
                label.setText(text)
                label.show()

    def say_hotlist(self, text: str) -> None:
        if text:
            self.hotlist_label.setText(text)
            self.hotlist_label.show()

    def _paint(self, state: str) -> None:
        if state not in ANSWER_LOOKS:
            self.panel.setStyleSheet(
                "#verifyPanel { border: 1px dashed palette(mid); border-radius: 6px; }"
            )
            self.icon_label.clear()
            self.icon_label.hide()
            return
        border, background, foreground, icon = ANSWER_LOOKS[state]
        self.panel.setStyleSheet(
            f"#verifyPanel {{ background: {background}; border: 2px solid {border};"
            f" border-radius: 6px; }} #verifyPanel QLabel {{ color: {foreground}; }}"
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize) * 3 // 2
        self.icon_label.setPixmap(self.style().standardIcon(icon).pixmap(size))
        self.icon_label.show()
