"""What the vehicle and phone match dialogs share: a recovered vehicle or handset, the theft
reports it may belong to (one card each, with its evidence), and a person's choice: confirm one,
or none.

Confirming closes the theft report as recovered and links the two reports, so it is asked once
more (``dialogs.confirm``) before it is done, on a worker thread. A report from headquarters'
hotlist belongs to another station's desk: it is shown, but only that desk can close it.

A subclass makes the cards (each a ``MatchCard``: a choice button, the report's id and whether
it may be confirmed here), the question asked before confirming, and the service call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.typography import emphasise, make_quiet
from cplc_desk.services.desk.context import DeskContext, ServiceError


@dataclass(frozen=True)
class MatchTexts:
    window_title: str
    heading: str
    recovery: str  # the recovered vehicle or handset: its number and identifiers
    explain: str


class MatchCard(QFrame):
    """One theft report offered: ``choice`` ticks it (its title in bold), the evidence, one
    point a line, and the report's details under it."""

    choice: QRadioButton

    def _build(
        self, title: str, evidence: Sequence[str], details: str, title_scale: float = 1.0
    ) -> None:
        self.setObjectName("candidateCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.choice = QRadioButton(title)
        font = QFont(self.choice.font())
        if title_scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * title_scale)
        font.setBold(True)
        self.choice.setFont(font)
        self.evidence_label = QLabel("\n".join(f"• {line}" for line in evidence))
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label.setWordWrap(True)
        self.details_label = make_quiet(QLabel(details))
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice.setAccessibleDescription(f"{self.evidence_label.text()}\n{details}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.choice)
        body = QVBoxLayout()
        body.setContentsMargins(24, 0, 0, 0)
        body.addWidget(self.evidence_label)
        body.addWidget(self.details_label)
        layout.addLayout(body)

    def theft_id(self) -> str:
        raise NotImplementedError

    def can_confirm(self) -> bool:
        """False for a hotlist report (another station's desk closes it)."""
        raise NotImplementedError


class MatchDialog(QDialog):
    """``matched`` carries the theft report's id once the match is confirmed and saved."""

    matched = Signal(str)
    # The confirmation was written (or refused): for tests and the page.
    confirm_finished = Signal()

    def __init__(
        self,
        ctx: DeskContext,
        recovery_id: str,
        texts: MatchTexts,
        cards: Sequence[MatchCard],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recovery_id = recovery_id
        self.matched_theft_id: str | None = None
        self.setWindowTitle(texts.window_title)
        heading = emphasise(QLabel(texts.heading), 1.3)
        heading.setWordWrap(True)
        self.recovery_label = QLabel(texts.recovery)
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setTextFormat(Qt.TextFormat.PlainText)
        explain = QLabel(texts.explain)
        explain.setWordWrap(True)
        holder, scroll = self._hold_cards(cards)

        self.banner = MessageBanner()
        self.confirm_button = QPushButton(self.tr("&Confirm this match…"))
        self.confirm_button.setEnabled(False)
        self.none_button = QPushButton(self.tr("&None of these"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.confirm_button, self.none_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (heading, self.recovery_label, explain):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)

        self._task = BackgroundTask("cplc-confirm-match", self)
        self._task.succeeded.connect(self._on_confirmed)
        self._task.failed.connect(self._on_confirm_failed)
        self._task.finished.connect(self.confirm_finished)
        self.group.idToggled.connect(lambda *_: self._update_buttons())
        self.confirm_button.clicked.connect(self.confirm_chosen)
        self.none_button.clicked.connect(self.reject)

        # As tall as the candidates need (up to a screenful), in text units.
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * 95
        needed = holder.heightForWidth(width - 40)
        if needed < 0:
            needed = holder.sizeHint().height()
        scroll.setMinimumHeight(min(needed + 4, metrics.lineSpacing() * 28))
        self.resize(QSize(width, self.sizeHint().height()))
        if self.cards:
            self.cards[0].choice.setFocus()

    def _hold_cards(self, cards: Sequence[MatchCard]) -> tuple[QWidget, QScrollArea]:
        self.cards = list(cards)
        self.group = QButtonGroup(self)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for number, card in enumerate(self.cards):
            self.group.addButton(card.choice, number)
            column.addWidget(card)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        return holder, scroll

    # ------------------------------------------------------------------ the subclass's

    def _question(self, card: MatchCard) -> str:
        """Asked before the match is written."""
        raise NotImplementedError

    def _confirm(self, recovery_id: str, theft_id: str) -> None:
        """The service call linking the two reports (on the worker thread)."""
        raise NotImplementedError

    def _refused_tip(self) -> str:
        """Why a hotlist report cannot be confirmed here."""
        return self.tr("A hotlist report is closed by the desk that registered it.")

    # ------------------------------------------------------------------ choosing

    def chosen(self) -> MatchCard | None:
        number = self.group.checkedId()
        return self.cards[number] if 0 <= number < len(self.cards) else None

    def choose(self, theft_id: str) -> bool:
        """Tick the candidate for this report (tests and keyboard-less callers)."""
        for card in self.cards:
            if card.theft_id() == theft_id:
                card.choice.setChecked(True)
                return True
        return False

    def _update_buttons(self) -> None:
        card = self.chosen()
        enabled = card is not None and card.can_confirm() and not self._task.is_running()
        self.confirm_button.setEnabled(enabled)
        refused = card is not None and not card.can_confirm()
        self.confirm_button.setToolTip(self._refused_tip() if refused else "")

    def confirm_chosen(self) -> bool:
        """Ask once more, then link the two reports; False if nothing was started."""
        card = self.chosen()
        if card is None or not card.can_confirm() or self._task.is_running():
            return False
        if not dialogs.confirm(self, self.tr("Confirm the match?"), self._question(card)):
            return False
        recovery_id, theft_id = self.recovery_id, card.theft_id()

        def work(_progress: Progress) -> str:
            self._confirm(recovery_id, theft_id)
            return theft_id

        self.banner.clear_message()
        self.confirm_button.setEnabled(False)
        self._task.start(work)
        return True

    def _on_confirmed(self, theft_id: object) -> None:
        assert isinstance(theft_id, str)
        self.matched_theft_id = theft_id
        self.matched.emit(theft_id)
        self.accept()

    def _on_confirm_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self._update_buttons()
        if not isinstance(exc, ServiceError):
            raise exc
        self.banner.show_message(ERROR, str(exc))

    def done(self, result: int) -> None:
        if self._task.is_running():
            return  # the match is being written: the answer arrives in a moment
        super().done(result)
