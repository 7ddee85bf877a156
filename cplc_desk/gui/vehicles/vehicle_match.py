"""Matching a recovered vehicle to its theft report: each candidate the matcher found, with its
evidence in words ("Chassis number: exact", "Registration: one character different") and its
score, and the theft report's details. The volunteer confirms one, or none.

Confirming closes the theft report as recovered and links the two reports, so it is asked
once more (``dialogs.confirm``) before it is done.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QWidget,
)

from cplc_desk.gui.vehicles.match_words import (
    candidate_details,
    candidate_lines,
    score_text,
)
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.match_dialog import MatchCard, MatchDialog, MatchTexts
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.wanted import MatchCandidate


class CandidateCard(MatchCard):
    """One candidate: a choice button with its number and score, the evidence and the details."""

    def __init__(self, candidate: MatchCandidate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidate = candidate
        self._build(
            self.tr("Report {number} — {score}").format(
                number=candidate.wanted.number, score=score_text(candidate.score)
            ),
            candidate_lines(candidate),
            candidate_details(candidate),
            title_scale=1.1,
        )

    def theft_id(self) -> str:
        return self.candidate.wanted.ref

    def can_confirm(self) -> bool:
        # A hotlist entry belongs to another desk's records: that desk closes it.
        return self.candidate.wanted.source == "local"


class VehicleMatchDialog(MatchDialog):
    """``matched`` carries the theft report's id once the match is confirmed and saved."""

    def __init__(
        self,
        ctx: DeskContext,
        recovery_id: str,
        recovery_title: str,
        candidates: Sequence[MatchCandidate],
        parent: QWidget | None = None,
    ) -> None:
        texts = MatchTexts(
            self.tr("Is this the stolen vehicle? — CPLC Desk"),
            self.tr("Theft reports this vehicle may belong to"),
            recovery_title,
            self.tr(
                "Compare each report with the vehicle in front of you. Confirm the one that is "
                "the same vehicle: that report is then closed as recovered. If none is, choose "
                "None of these; the recovery stays open and can be matched later."
            ),
        )
        super().__init__(ctx, recovery_id, texts, [CandidateCard(c) for c in candidates], parent)

    def _question(self, card: MatchCard) -> str:
        assert isinstance(card, CandidateCard)
        wanted = card.candidate.wanted
        return self.tr(
            "Report {number} ({kind} at {station}) will be closed as recovered and linked to "
            "this recovery. Confirm that it is the same vehicle?"
        ).format(
            number=wanted.number,
            kind=names.vehicle_report_kind(wanted.kind).lower(),
            station=wanted.police_station,
        )

    def _confirm(self, recovery_id: str, theft_id: str) -> None:
        vehicles.confirm_match(self.ctx, recovery_id, theft_id)
