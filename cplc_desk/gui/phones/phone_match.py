"""Matching a recovered or found handset to its theft report: each open theft report whose IMEI
is the handset's (either of its two against either of the report's) or one digit from it, with
the evidence in words ("IMEI 1 of this handset = IMEI 2 of the report", "one digit from it: digit
7, 3 here, 8 there", make, model and colour agreeing or not), in the order the service ranks
them. The volunteer confirms one, or none.

Confirming closes the theft report as recovered and links the two reports, so it is asked once
more (``dialogs.confirm``) before it is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QWidget,
)

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.match_dialog import MatchCard, MatchDialog, MatchTexts
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phones import PhoneCandidate

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Handset:
    """The recovered handset the match dialog is about: its report number and IMEIs."""

    number: str
    imeis: tuple[str, ...]


def _which(field: str) -> int:
    return 2 if field == "imei2" else 1


def imei_lines(c: PhoneCandidate) -> tuple[bool, list[str]]:
    """Whether an IMEI is the same, and the lines saying how the IMEIs compare (the service's
    evidence in words)."""
    lines: list[str] = []
    for e in c.evidence:
        number = (c.imei2 if e.other_field == "imei2" else c.imei) or ""
        mine, theirs = _which(e.field), _which(e.other_field)
        if e.kind == "exact":
            lines.append(
                translate("PhoneMatch", "IMEI {mine} of this handset = IMEI {theirs} of the "
                          "report: {imei}").format(mine=mine, theirs=theirs, imei=number)
            )  # fmt: skip
        else:
            lines.append(
                translate("PhoneMatch", "IMEI {mine} of this handset is one digit from IMEI "
                          "{theirs} of the report ({where}: {here} here, {there} there): {imei}")
                .format(mine=mine, theirs=theirs,
                        where=translate("PhoneMatch", "digit {n}").format(n=e.position),
                        here=e.mine, there=e.theirs, imei=number)
            )  # fmt: skip
    return any(e.kind == "exact" for e in c.evidence), lines


def looks_lines(c: PhoneCandidate) -> list[str]:
    """A line for each of make, model and colour both reports name."""
    labels = {
        "make": translate("PhoneMatch", "Make"),
        "model": translate("PhoneMatch", "Model"),
        "colour": translate("PhoneMatch", "Colour"),
    }
    return [
        translate("PhoneMatch", "{what}: the same ({value})").format(
            what=labels.get(look.field, look.field), value=look.theirs
        )
        if look.same
        else translate("PhoneMatch", "{what}: differs ({mine} here, {theirs} there)").format(
            what=labels.get(look.field, look.field), mine=look.mine, theirs=look.theirs
        )
        for look in c.looks
    ]


class CandidateCard(MatchCard):
    """One theft report: a choice with its number and how strong the match is, the evidence
    and the report's details."""

    def __init__(self, c: PhoneCandidate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidate = c
        exact, imei = imei_lines(c)
        strength = (
            self.tr("same IMEI") if exact else self.tr("one digit different - check the IMEI")
        )
        details = self.tr("{kind} at {station} police station, on {when}{source}").format(
            source=self.tr(" (city-wide hotlist)") if c.source == "hotlist" else "",
            kind=names.phone_report_kind(c.kind),
            station=c.police_station,
            when=format_datetime(c.incident_at) if c.incident_at else NOTHING,
        )
        self._build(
            self.tr("Report {number} — {strength}").format(number=c.number, strength=strength),
            [*imei, *looks_lines(c)],
            details,
        )

    def theft_id(self) -> str:
        return self.candidate.id

    def can_confirm(self) -> bool:
        # A hotlist report belongs to another station's desk: that desk closes it.
        return self.candidate.source == "local"


class PhoneMatchDialog(MatchDialog):
    """``matched`` carries the theft report's id once the match is confirmed and saved."""

    def __init__(
        self,
        ctx: DeskContext,
        recovery_id: str,
        handset: Handset,
        candidates: Sequence[PhoneCandidate],
        parent: QWidget | None = None,
    ) -> None:
        texts = MatchTexts(
            self.tr("Is this the stolen phone? — CPLC Desk"),
            self.tr("Theft reports this handset may belong to"),
            self.tr("Recovered handset {number}: IMEI {imeis}").format(
                number=handset.number, imeis=" / ".join(handset.imeis)
            ),
            self.tr(
                "Compare each report with the handset in front of you (dial *#06# to see its "
                "IMEIs). Confirm the one that is the same handset: that report is then closed as "
                "recovered. If none is, choose None of these; the recovery stays open."
            ),
        )
        # Best first, as the service ranks them.
        super().__init__(ctx, recovery_id, texts, [CandidateCard(c) for c in candidates], parent)

    def _refused_tip(self) -> str:
        return self.tr(
            "This report is from headquarters' hotlist: tell the police station that "
            "registered it that the handset was found; that desk closes it."
        )

    def _question(self, card: MatchCard) -> str:
        assert isinstance(card, CandidateCard)
        c = card.candidate
        return self.tr(
            "Report {number} ({kind} at {station}) will be closed as recovered and linked to "
            "this recovery. Confirm that it is the same handset?"
        ).format(
            number=c.number, kind=names.phone_report_kind(c.kind).lower(), station=c.police_station
        )

    def _confirm(self, recovery_id: str, theft_id: str) -> None:
        phones.confirm_match(self.ctx, recovery_id, theft_id)
