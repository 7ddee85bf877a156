"""Checking a vehicle: "is this one stolen?" answered while the citizen waits.

One box takes a registration, chassis or engine number; the check and its answer work as every
check does (``CheckPanel``): once typing pauses (300 ms) or at Enter, audited, answered in words,
colour and icon: REPORTED STOLEN (where, when, FIR, report number), Recovered, NEAR RECORD or
No record, with the hotlist consulted (its number, when it was issued and until when it is
valid), and an expired hotlist warned about above the answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cplc_desk.domain.enums import THEFT_KINDS
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.check_panel import (
    NEAR,
    RECOVERED,
    STOLEN,
    BoxTexts,
    CheckPanel,
)
from cplc_desk.gui.widgets.formats import NOTHING, format_date, format_datetime
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import verification
from cplc_desk.services.vehicles.verification import VehicleSummary, Verification, what_differs

MIN_KEY = 3  # the service refuses shorter identifiers


class VehicleVerifyWidget(CheckPanel):
    """``verified`` carries each :class:`Verification` shown."""

    TASK_NAME = "cplc-verify-vehicle"
    MIN_LENGTH = MIN_KEY

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        texts = BoxTexts(
            self.tr("Chec&k a vehicle:"),
            self.tr("Registration, chassis or engine number"),
            self.tr("Vehicle to check"),
            self.tr("Type a registration, chassis or engine number"),
            self.tr("Type at least 3 letters or digits."),
        )
        super().__init__(ctx, texts, parent)

    @property
    def verification(self) -> Verification | None:
        return self.answer if isinstance(self.answer, Verification) else None

    def key(self) -> str:
        return normalize_identifier(self.input.text())

    def _check(self, typed: str) -> Verification:
        return verification.verify(self.ctx, typed)

    def _show_answer(self, answer: object) -> None:
        v = answer
        assert isinstance(v, Verification)
        thefts = [r for r in v.reports if r.kind in THEFT_KINDS and r.status == "open"]
        if v.result == STOLEN:
            headline = self._theft_headline({r.kind for r in thefts})
            stations = sorted({r.police_station for r in thefts})
            advice = self.tr(
                "Do not buy, release or hand over this vehicle. Inform {stations} police station."
            ).format(stations=" / ".join(stations) or NOTHING)
            shown = thefts
        elif v.result == RECOVERED:
            headline = self.tr("Recovered")
            advice = self.tr(
                "This vehicle was reported stolen or snatched and has since been recovered, or "
                "was found and recorded here. No open theft report names it."
            )
            shown = list(v.reports)
        elif v.result == NEAR:
            headline = self.tr("NEAR RECORD - CHECK EVERY CHARACTER")
            advice = self.tr(
                "{key} itself is not reported, but a vehicle one slip away is (below). Compare "
                "the papers with the plate, chassis and engine numbers on the vehicle, "
                "character by character, before going on."
            ).format(key=v.key)
            shown = list(v.near or [])
        else:
            headline = self.tr("No record")
            advice = self.tr(
                "{key} is not reported stolen, snatched or recovered here. This does not prove "
                "who owns it: check the papers."
            ).format(key=v.key)
            shown = []
        self.say(headline, self._reports_text(shown, self._report_text), advice)

    def _report_text(self, r: VehicleSummary) -> str:
        source = self.tr(" (city-wide hotlist)") if r.source == "hotlist" else ""
        first = self.tr("Report {number}{source} · {kind}, {status}").format(
            kind=names.vehicle_report_kind(r.kind),
            status=names.vehicle_report_status(r.status).lower(),
            number=r.number,
            source=source,
        )
        where = self.tr("{station} police station · on {when} · FIR {fir}").format(
            station=r.police_station or NOTHING,
            when=format_datetime(r.incident_at),
            fir=(
                self.tr("{number} of {date}").format(
                    number=r.fir_number, date=format_date(r.fir_date)
                )
                if r.fir_number and r.fir_date
                else r.fir_number or self.tr("not lodged")
            ),
        )
        what = " · ".join(
            part
            for part in (
                names.vehicle_class(r.vehicle_class),
                r.description,
                self.tr("registration {value}").format(value=r.registration)
                if r.registration
                else "",
                self.tr("chassis {value}").format(value=r.chassis) if r.chassis else "",
                self.tr("engine {value}").format(value=r.engine) if r.engine else "",
            )
            if part
        )
        lines = [first, where, what]
        if r.near_field and self.verification is not None:
            lines.append(what_differs(r, self.verification.key))
        return "\n".join(lines)
