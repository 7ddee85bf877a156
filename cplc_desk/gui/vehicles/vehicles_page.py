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

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.shell.areas import VEHICLES
from cplc_desk.gui.vehicles.vehicle_filters import VehicleFilters, search_hint
from cplc_desk.gui.vehicles.vehicle_verify import VehicleVerifyWidget
from cplc_desk.gui.vehicles.vehicles_model import (
    DISTRICT,
    STATION,
    VehiclesModel,
)
from cplc_desk.gui.widgets.list_page import ListTexts
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.gui.widgets.report_list_page import ReportListPage
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicle_list, vehicles
from cplc_desk.services.vehicles.vehicle_list import VehicleQuery, VehicleRow
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

    model: VehiclesModel
    filters: VehicleFilters

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Replaceable: tests put stand-ins here, and each imports its dialog only when called.
        self.open_form: Callable[[], QDialog] = lambda: make_vehicle_form(ctx, self)
        self.open_detail: Callable[[str], QDialog] = lambda report_id: make_vehicle_detail(
            ctx, report_id, self
        )
        self.open_matches: Callable[[VehicleRow, Sequence[MatchCandidate]], QDialog] = (
            lambda row, candidates: make_match_dialog(ctx, row, candidates, self)
        )

        self.verify_widget = VehicleVerifyWidget(ctx)
        verify_box = QGroupBox(self.tr("Is this vehicle reported stolen?"))
        verify_layout = QVBoxLayout(verify_box)
        verify_layout.addWidget(self.verify_widget)

        list_heading = emphasise(QLabel(self.tr("Vehicle reports")), 1.15)

        model = VehiclesModel(ctx, self)
        self.filters = VehicleFilters(
            reference.vehicle_classes(ctx),
            reference.stations(ctx),
            headquarters=self.headquarters,
        )
        # Headquarters: recoveries matching another station's theft, and probable duplicates.
        self.open_city_checks = lambda: make_city_checks(ctx, self)
        checks = self._city_checks_button(
            self.tr(
                "Recovered vehicles that match another station's theft report, and vehicles "
                "reported stolen twice"
            )
        )

        header = self._show_model(model)
        header.setStretchLastSection(True)
        if self.model.headquarters:
            header.moveSection(DISTRICT, STATION + 1)  # the district beside its police station

        self._lay_out(above=(verify_box, 4, list_heading), buttons=(checks,))

        self.search_box.returnPressed.connect(self.search_or_open)
        self.filters.changed.connect(self.search_now)
        self.verify_widget.verified.connect(lambda _v: self.banner.clear_message())
        self._start()

    def _texts(self) -> ListTexts:
        return ListTexts(
            search_placeholder=self.tr(
                "Registration, chassis or engine number, report number, owner's CNIC, mobile or name"
            ),
            search_name=self.tr("Search vehicle reports"),
            new_button=self.tr("New vehicle report…"),
            new_tooltip=self.tr("Record a stolen, snatched, recovered or found vehicle (Ctrl+N)"),
            new_elsewhere=self.tr("Vehicle reports are registered at police-station desks"),
            open_tooltip=self.tr(
                "Show the selected report; for a recovery not matched yet, its theft report"
            ),
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

    # ------------------------------------------------------------------ searching

    def _hint(self, text: str) -> str:
        return search_hint(text)

    def current_query(self) -> VehicleQuery:
        return self.filters.apply(VehicleQuery(text=self.search_box.text().strip()))

    def _unfiltered_query(self) -> VehicleQuery:
        return VehicleQuery()

    @staticmethod
    def _count_matches(ctx: DeskContext, query: VehicleQuery, cap: int) -> int:
        return vehicle_list.count(ctx, query, cap=cap)

    def is_busy_reading(self) -> bool:
        return super().is_busy_reading() or self.verify_widget.is_checking()

    # ------------------------------------------------------------------ matching

    def _awaiting(self, row: VehicleRow) -> bool:
        return VehiclesModel.awaiting_match(row)

    def _find_matches(self, row: VehicleRow) -> list[MatchCandidate]:
        return vehicles.find_matches(self.ctx, row.id)

    def _found_any(self, found: list[MatchCandidate]) -> bool:
        return bool(found)

    def _matches_dialog(self, row: VehicleRow, found: list[MatchCandidate]) -> QDialog:
        return self.open_matches(row, found)

    def _none_found_text(self, row: VehicleRow) -> tuple[str, str]:
        return (
            self.tr("No theft report found"),
            self.tr(
                "No open theft report matches {number} yet. It stays open: when a matching "
                "theft report arrives, double-click it again."
            ).format(number=row.number),
        )
