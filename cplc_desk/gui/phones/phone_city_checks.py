"""Headquarters' city-wide phone checks, opened from the Phones page: handsets recovered at one
station that were reported stolen or snatched at another, and the same handset reported stolen
twice.

Both lists come from :mod:`cplc_desk.services.phones.hq_phones` (the desk's own IMEI rules);
each line says which IMEIs pair the two reports, and whether the same number or one digit off.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.city_checks_dialog import CityChecksBase
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import hq_phones
from cplc_desk.services.phones.hq_phones import (
    ImeiLink,
    PhoneCrossStationMatch,
    PhoneDuplicatePair,
    PhoneRef,
)


class PhoneCityChecksDialog(CityChecksBase):
    """The two city-wide phone lists, filled on a worker once the dialog opens."""

    TASK_NAME = "cplc-phone-city-checks"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("City-wide phone checks"),
            self.tr("Comparing every station's phone reports…"),
            parent,
        )

    def _find(self) -> tuple[list[PhoneCrossStationMatch], list[PhoneDuplicatePair]]:
        return hq_phones.recovered_elsewhere(self.ctx), hq_phones.probable_duplicates(self.ctx)

    def _done_text(self) -> str:
        return self.tr("Open phone reports of every station compared.")

    def _counts_texts(self, matches: str, duplicates: str) -> tuple[str, str]:
        return (
            self.tr(
                "Open recovered or found handsets with the IMEI of an open theft report "
                "registered at another station ({n}). The station that registered the theft "
                "confirms it."
            ).format(n=matches),
            self.tr(
                "Open theft reports that share an IMEI, so probably describe the same handset: "
                "reported at two stations, or twice at one ({n})."
            ).format(n=duplicates),
        )

    def _match_why(self, m: PhoneCrossStationMatch) -> str:
        return self._why(m.recovery, m.links, self.tr("the theft report's"))

    def _duplicate_why(self, p: PhoneDuplicatePair) -> str:
        why = self._why(p.first, p.links, self.tr("the later report's"))
        if not p.other_station:
            why += " · " + self.tr("both registered at the same station")
        return why

    def _imei(self, field: str) -> str:
        return self.tr("IMEI 1") if field == "imei" else self.tr("IMEI 2")

    def _why(self, first: PhoneRef, links: Sequence[ImeiLink], other: str) -> str:
        parts = []
        for link in links:
            words = {
                "mine": self._imei(link.first),
                "number": first.number_in(link.first) or NOTHING,
                "other": other,
                "theirs": self._imei(link.second),
            }
            if link.exact:
                text = self.tr("{mine} {number} is {other} {theirs}")
            else:
                text = self.tr(
                    "{mine} {number} is one digit from {other} {theirs} (altered or mistyped)"
                )
            parts.append(text.format(**words))
        return " · ".join(parts)

    def _report(self, r: PhoneRef) -> str:
        handset = " ".join(part for part in (r.make, r.model, r.colour) if part) or NOTHING
        return self.tr("{number} · {kind} · {handset} · {when}").format(
            number=r.number,
            kind=names.phone_report_kind(r.kind).lower(),
            handset=handset,
            when=format_datetime(r.created_at),
        )
