"""The Vehicles page: check a vehicle ("is this one stolen?"), record a stolen, snatched,
recovered or found vehicle, and find the desk's vehicle reports.

The check sits at the top, since it is what the desk is asked most. The list below loads 200
reports at a time as it scrolls (``VehiclesModel``); how many match is counted on a worker
thread (both in ``ListPage``, shared with the Complaints page). Double-clicking a recovery not
yet matched looks for its theft report again; any other report opens its details. The dialogs
are made by replaceable functions (``open_form``, ``open_detail``, ``open_matches``), which tests
swap for stand-ins.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from cplc_desk.gui.shell.areas import VEHICLES
from cplc_desk.gui.vehicles.vehicle_filters import VehicleFilters, search_hint
from cplc_desk.gui.vehicles.vehicle_verify import VehicleVerifyWidget
from cplc_desk.gui.vehicles.vehicles_model import VehiclesModel
from cplc_desk.gui.widgets.list_page import ListTexts
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.gui.widgets.report_list_page import ReportListPage, ReportParts, ReportTexts
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicle_list import VehicleRow
from cplc_desk.services.vehicles.wanted import MatchCandidate


def make_vehicle_form(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.vehicles.vehicle_form import VehicleFormDialog

    return VehicleFormDialog(ctx, parent)


def make_vehicle_detail(ctx: DeskContext, report_id: str, parent: QWidget) -> QDialog:
    from cplc_desk.gui.vehicles.vehicle_detail import VehicleDetailDialog

    return VehicleDetailDialog(ctx, report_id, parent)


def make_city_checks(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.vehicles.city_checks import CityChecksDialog

    return CityChecksDialog(ctx, parent)


def make_match_dialog(
    ctx: DeskContext, row: VehicleRow, candidates: Sequence[MatchCandidate], parent: QWidget
) -> QDialog:
    from cplc_desk.gui.vehicles.vehicle_form import recovery_title
    from cplc_desk.gui.vehicles.vehicle_match import VehicleMatchDialog

    title = recovery_title(row.number, row.registration or "", row.chassis or "", row.engine or "")
    return VehicleMatchDialog(ctx, row.id, title, candidates, parent)


class VehiclesPage(ReportListPage):
    area_key = VEHICLES
    shows = Changes.VEHICLES
    count_task_name = "cplc-count-vehicles"
    MODEL = VehiclesModel
    parts = ReportParts(
        check=VehicleVerifyWidget,
        form=make_vehicle_form,
        detail=make_vehicle_detail,
        matches=make_match_dialog,
        city_checks=make_city_checks,
    )

    model: VehiclesModel
    filters: VehicleFilters
    verify_widget: VehicleVerifyWidget

    def _make_filters(self) -> VehicleFilters:
        return VehicleFilters(
            reference.vehicle_classes(self.ctx),
            reference.stations(self.ctx),
            headquarters=self.headquarters,
        )

    def _report_texts(self) -> ReportTexts:
        return ReportTexts(
            check_title=self.tr("Is this vehicle reported stolen?"),
            list_heading=self.tr("Vehicle reports"),
            # Headquarters: recoveries matching another station's theft, and probable duplicates.
            city_checks=self.tr(
                "Recovered vehicles that match another station's theft report, and vehicles "
                "reported stolen twice"
            ),
            none_found=self.tr(
                "No open theft report matches {number} yet. It stays open: when a matching "
                "theft report arrives, double-click it again."
            ),
        )

    def _texts(self) -> ListTexts:
        return ListTexts(
            search_placeholder=self.tr(
                "Registration, chassis or engine number, report number, owner's CNIC, mobile or name"
            ),
            search_name=self.tr("Search vehicle reports"),
            new_button=self.tr("New vehicle report…"),
            new_tooltip=self.tr("Record a stolen, snatched, recovered or found vehicle (Ctrl+N)"),
            new_elsewhere=self.tr("Vehicle reports are registered at police-station desks"),
            open_tooltip=self._open_tooltip(),
            list_name=self.tr("Vehicle reports"),
            count_none=self.tr("No vehicle reports match"),
            count_one=self.tr("1 vehicle report"),
            count_more_than=self.tr("More than {count} vehicle reports"),
            count_many=self.tr("{count} vehicle reports"),
            empty_search=self.tr(
                "No vehicle report matches this search. Check the number, or clear the filters."
            ),
            empty_register=self.tr(
                "No vehicle reports yet. Record the first with New vehicle report… (Ctrl+N)."
            ),
            empty_arrive=self.tr(
                "No vehicle reports yet. They arrive in the bundles stations send."
            ),
        )

    def _hint(self, text: str) -> str:
        return search_hint(text)

    # ------------------------------------------------------------------ matching

    def _awaiting(self, row: VehicleRow) -> bool:
        return VehiclesModel.awaiting_match(row)

    def _find_matches(self, row: VehicleRow) -> tuple[list[MatchCandidate]]:
        return (vehicles.find_matches(self.ctx, row.id),)
