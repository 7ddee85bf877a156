"""Checking a handset before a dealer buys it: "is this phone stolen?" answered while the
customer waits.

One box takes the IMEI (15 digits, or 14, or the 16 of an IMEISV; Urdu digits too); the check
and its answer work as every check does (``CheckPanel``): once typing pauses or at Enter,
audited, answered in words, colour and icon: REPORTED STOLEN / SNATCHED (where, when, report
number), Recovered, NEAR RECORD (a handset one digit away is reported: the IMEI must be read
again) or No record, with the hotlist consulted at a station. No owner's details are shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.enums import THEFT_KINDS
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.check_panel import (
    NEAR,
    RECOVERED,
    STOLEN,
    BoxTexts,
    CheckPanel,
)
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phones import PhoneCheck, PhoneSummary

MIN_DIGITS = 14  # 14 digits are completed with their check digit


class PhoneVerifyWidget(CheckPanel):
    """``verified`` carries each :class:`PhoneCheck` shown."""

    CHECK_DELAY_MS = 400
    TASK_NAME = "cplc-verify-phone"
    MIN_LENGTH = MIN_DIGITS

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        texts = BoxTexts(
            self.tr("Chec&k a phone:"),
            self.tr("IMEI: dial *#06# on the phone, or see its box"),
            self.tr("IMEI to check"),
            self.tr("Type the phone's IMEI"),
            self.tr("An IMEI has 15 digits."),
        )
        self._stations = {st.code: st.name for st in reference.stations(ctx)}
        super().__init__(ctx, texts, parent)

    @property
    def check(self) -> PhoneCheck | None:
        return self.answer if isinstance(self.answer, PhoneCheck) else None

    def key(self) -> str:
        """The digits typed, as the service reads them (Urdu digits as 0-9)."""
        return imeis.normalize(self.input.text())

    def _check(self, typed: str) -> PhoneCheck:
        return phones.verify_phone(self.ctx, typed)

    def _show_answer(self, answer: object) -> None:
        c = answer
        assert isinstance(c, PhoneCheck)
        if c.result == STOLEN:
            thefts = [r for r in c.reports if r.kind in THEFT_KINDS and r.status == "open"]
            kinds = {r.kind for r in thefts}
            headline = self._theft_headline(kinds)
            stations = " / ".join(sorted({self._station(r) for r in thefts})) or NOTHING
            advice = self.tr(
                "Do not buy or hand over this phone. Inform {stations} police station or CPLC."
            ).format(stations=stations)
            shown: Sequence[PhoneSummary] = thefts
        elif c.result == RECOVERED:
            headline = self.tr("Recovered")
            advice = self.tr(
                "This phone was reported stolen or snatched and has since been recovered, or was "
                "found and recorded. No open theft report names it."
            )
            shown = c.reports
        elif c.result == NEAR:
            headline = self.tr("NEAR RECORD - READ THE IMEI AGAIN")
            advice = self.tr(
                "{imei} itself is not reported, but a handset one digit from it is (below). Dial "
                "*#06# on the phone and compare every digit before going on."
            ).format(imei=c.imei)
            shown = c.near
        else:
            headline = self.tr("No record")
            advice = self.tr(
                "{imei} is not reported stolen, snatched or recovered here. This does not prove "
                "who owns it: ask for the box and the purchase receipt."
            ).format(imei=c.imei)
            shown = []
        if not c.valid and c.result != NEAR:
            advice += "\n" + self.tr("Note: this IMEI's check digit fails (altered, or mistyped).")
        self.say(headline, self._reports_text(shown, self._report_text), advice)

    def _station(self, r: PhoneSummary) -> str:
        return self._stations.get(r.police_station, r.police_station) or NOTHING

    def _report_text(self, r: PhoneSummary) -> str:
        first = self.tr("Report {number}{source} · {kind}, {status}").format(
            number=r.number,
            source=self.tr(" (city-wide hotlist)") if r.source == "hotlist" else "",
            kind=names.phone_report_kind(r.kind),
            status=names.phone_report_status(r.status).lower(),
        )
        where = (
            self.tr("{station} police station · on {when}").format(
                station=self._station(r), when=format_datetime(r.incident_at)
            )
            if r.incident_at
            else self.tr("{station} police station").format(station=self._station(r))
        )
        handset = " · ".join(
            p
            for p in (
                " ".join(x for x in (r.colour, r.make, r.model) if x),
                self.tr("IMEI {imei}").format(imei=" / ".join(n for n in (r.imei, r.imei2) if n)),
                self.tr("IMEI suspected altered") if r.imei_altered else "",
            )
            if p
        )
        return "\n".join((first, where, handset))
