"""Headquarters' city-wide vehicle checks, from the Vehicles page: recovered vehicles that match a
theft reported at another station, and the same vehicle reported stolen or snatched twice.

Both lists come from :mod:`cplc_desk.services.vehicles.hq_vehicles` (the desk's own matching code); each
line says why the two reports are paired, in the words the desk's match dialog uses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cplc_desk.gui.vehicles.match_words import evidence_text, score_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.city_checks_dialog import CityChecksBase
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import hq_vehicles
from cplc_desk.services.vehicles.hq_vehicles import CrossStationMatch, DuplicatePair, ReportRef


class CityChecksDialog(CityChecksBase):
    TASK_NAME = "cplc-city-checks"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("City-wide vehicle checks"),
            self.tr("Comparing every station's vehicle reports…"),
            parent,
        )

    def _find(self) -> tuple[list[CrossStationMatch], list[DuplicatePair]]:
        return (
            hq_vehicles.cross_station_matches(self.ctx),
            hq_vehicles.probable_duplicates(self.ctx),
        )

    def _done_text(self) -> str:
        return self.tr("Open reports of every station compared.")

    def _counts_texts(self, matches: str, duplicates: str) -> tuple[str, str]:
        return (
            self.tr(
                "Open recoveries whose vehicle matches an open theft report registered at "
                "another station ({n}). The station that registered the theft confirms it."
            ).format(n=matches),
            self.tr(
                "Open theft reports that probably describe the same vehicle: reported at two "
                "stations, or by the same owner twice ({n})."
            ).format(n=duplicates),
        )

    def _report(self, r: ReportRef) -> str:
        return self.tr("{number} · {kind} · {registration} · {when}").format(
            number=r.number,
            kind=names.vehicle_report_kind(r.kind).lower(),
            registration=r.registration or NOTHING,
            when=format_datetime(r.created_at),
        )

    def _match_why(self, m: CrossStationMatch) -> str:
        parts = [score_text(m.score), *(evidence_text(e) for e in m.evidence)]
        return " · ".join(parts)

    def _duplicate_why(self, p: DuplicatePair) -> str:
        parts = [score_text(p.score), *(evidence_text(e) for e in p.evidence)]
        if p.same_owner:
            parts.append(self.tr("the same owner's CNIC"))
        return " · ".join(parts)
