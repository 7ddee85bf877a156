"""Matching a recovered vehicle to its theft report: each candidate the matcher found, with its
evidence in words ("Chassis number: exact", "Registration: one character different") and its
score, and the theft report's details. The volunteer confirms one, or none.

Confirming closes the theft report as recovered and links the two reports, so it is asked
once more (``dialogs.confirm``) before it is done.
"""

from __future__ import annotations

from collections.abc import Sequence

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

from cplc_desk.gui.vehicles.match_words import (
    candidate_details,
    candidate_lines,
    score_text,
)
from cplc_desk.gui.widgets import dialogs, names
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.typography import emphasise, make_quiet
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.wanted import MatchCandidate


class CandidateCard(QFrame):
    """One candidate: a choice button with its number and score, the evidence and the details."""

    def __init__(self, candidate: MatchCandidate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidate = candidate
        self.setObjectName("candidateCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        wanted = candidate.wanted
        self.choice = QRadioButton(
            self.tr("Report {number} — {score}").format(
                number=wanted.number, score=score_text(candidate.score)
            )
        )
        font = QFont(self.choice.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.choice.setFont(font)
        self.evidence_label = QLabel("\n".join(f"• {line}" for line in candidate_lines(candidate)))
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label.setWordWrap(True)
        self.details_label = make_quiet(QLabel(candidate_details(candidate)))
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice.setAccessibleDescription(
            f"{self.evidence_label.text()}\n{self.details_label.text()}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.choice)
        body = QVBoxLayout()
        body.setContentsMargins(24, 0, 0, 0)
        body.addWidget(self.evidence_label)
        body.addWidget(self.details_label)
        layout.addLayout(body)

    def can_confirm(self) -> bool:
        # A hotlist entry belongs to another desk's records: that desk closes it.
        return self.candidate.wanted.source == "local"


class VehicleMatchDialog(QDialog):
    """``matched`` carries the theft report's id once the match is confirmed and saved."""

    matched = Signal(str)
    # The confirmation was written (or refused): for tests and the page.
    confirm_finished = Signal()

    def __init__(
        self,
        ctx: DeskContext,
        recovery_id: str,
        recovery_title: str,
        candidates: Sequence[MatchCandidate],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recovery_id = recovery_id
        self.matched_theft_id: str | None = None
        self.setWindowTitle(self.tr("Is this the stolen vehicle? — CPLC Desk"))

        heading = emphasise(QLabel(self.tr("Theft reports this vehicle may belong to")), 1.3)
        heading.setWordWrap(True)
        self.recovery_label = QLabel(recovery_title)
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setTextFormat(Qt.TextFormat.PlainText)
        explain = QLabel(
            self.tr(
                "Compare each report with the vehicle in front of you. Confirm the one that is "
                "the same vehicle: that report is then closed as recovered. If none is, choose "
                "None of these; the recovery stays open and can be matched later."
            )
        )
        explain.setWordWrap(True)

        cards, scroll = self._build_cards(candidates)

        self.banner = MessageBanner()
        self.confirm_button = QPushButton(self.tr("&Confirm this match…"))
        self.confirm_button.setEnabled(False)
        self.none_button = QPushButton(self.tr("&None of these"))
        for button in (self.confirm_button, self.none_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.none_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.recovery_label)
        layout.addWidget(explain)
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
        needed = cards.heightForWidth(width - 40)
        if needed < 0:
            needed = cards.sizeHint().height()
        scroll.setMinimumHeight(min(needed + 4, metrics.lineSpacing() * 28))
        self.resize(QSize(width, self.sizeHint().height()))
        if self.cards:
            self.cards[0].choice.setFocus()

    def _build_cards(self, candidates: Sequence[MatchCandidate]) -> tuple[QWidget, QScrollArea]:
        self.cards: list[CandidateCard] = []
        self.group = QButtonGroup(self)
        cards = QWidget()
        cards_layout = QVBoxLayout(cards)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        for number, candidate in enumerate(candidates):
            card = CandidateCard(candidate)
            self.group.addButton(card.choice, number)
            self.cards.append(card)
            cards_layout.addWidget(card)
        cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards)
        return cards, scroll

    # ------------------------------------------------------------------ choosing

    def chosen(self) -> CandidateCard | None:
        number = self.group.checkedId()
        return self.cards[number] if 0 <= number < len(self.cards) else None

    def choose(self, theft_ref: str) -> bool:
        """Tick the candidate for this report (tests and keyboard-less callers)."""
        for card in self.cards:
            if card.candidate.wanted.ref == theft_ref:
                card.choice.setChecked(True)
                return True
        return False

    def _update_buttons(self) -> None:
        card = self.chosen()
        enabled = card is not None and card.can_confirm() and not self._task.is_running()
        self.confirm_button.setEnabled(enabled)
        if card is not None and not card.can_confirm():
            self.confirm_button.setToolTip(
                self.tr("A hotlist report is closed by the desk that registered it.")
            )
        else:
            self.confirm_button.setToolTip("")

    def confirm_chosen(self) -> bool:
        """Ask once more, then link the two reports; False if nothing was started."""
        card = self.chosen()
        if card is None or not card.can_confirm() or self._task.is_running():
            return False
        wanted = card.candidate.wanted
        question = self.tr(
            "Report {number} ({kind} at {station}) will be closed as recovered and linked to "
            "this recovery. Confirm that it is the same vehicle?"
        ).format(
            number=wanted.number,
            kind=names.vehicle_report_kind(wanted.kind).lower(),
            station=wanted.police_station,
        )
        if not dialogs.confirm(self, self.tr("Confirm the match?"), question):
            return False
        ctx, recovery_id, theft_id = self.ctx, self.recovery_id, wanted.ref

        def work(_progress: Progress) -> str:
            vehicles.confirm_match(ctx, recovery_id, theft_id)
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
