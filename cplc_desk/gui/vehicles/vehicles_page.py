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

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
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
    awaiting_match,
)
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.keyset_model import ROW_ROLE
from cplc_desk.gui.widgets.list_page import ListPage, ListTexts
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import BackgroundTask, Changes, Progress
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.vehicles import vehicle_list, vehicles
from cplc_desk.services.vehicles.vehicle_list import VehicleQuery, VehicleRow
from cplc_desk.services.vehicles.wanted import MatchCandidate
from cplc_desk.storage.migrate import StoreError


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


class VehiclesPage(ListPage):
    area_key = VEHICLES
    shows = Changes.VEHICLES
    count_task_name = "cplc-count-vehicles"
    # The look for a recovery's theft report (double-click) has ended.
    match_search_finished = Signal()

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
        self.open_city_checks: Callable[[], QDialog] = lambda: make_city_checks(ctx, self)
        self.city_checks_button = QPushButton(self.tr("City-wide checks…"))
        self.city_checks_button.setToolTip(
            self.tr(
                "Recovered vehicles that match another station's theft report, and vehicles "
                "reported stolen twice"
            )
        )
        self.city_checks_button.setVisible(self.headquarters)
        self.city_checks_button.clicked.connect(self.show_city_checks)

        header = self._show_model(model)
        header.setStretchLastSection(True)
        if self.model.headquarters:
            header.moveSection(DISTRICT, STATION + 1)  # the district beside its police station

        self._lay_out(above=(verify_box, 4, list_heading), buttons=(self.city_checks_button,))

        # One task for every look for a recovery's theft report (tasks are reused, not deleted).
        self._match_task = BackgroundTask("cplc-find-matches", self)
        self._match_task.succeeded.connect(self._on_candidates)
        self._match_task.failed.connect(self._on_match_search_failed)
        self._match_task.finished.connect(self.match_search_finished)
        self._match_row: VehicleRow | None = None

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
        """A count or a look for theft reports is running on a worker thread."""
        return (
            self.is_counting() or self._match_task.is_running() or self.verify_widget.is_checking()
        )

    # ------------------------------------------------------------------ dialogs

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            row = index.data(ROW_ROLE)
            assert isinstance(row, VehicleRow)
            self.open_report(row)

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            row = rows[0].data(ROW_ROLE)
            assert isinstance(row, VehicleRow)
            self.open_report(row)

    def open_report(self, row: VehicleRow) -> None:
        """A recovery not matched yet: look for its theft report. Any other: its details."""
        if awaiting_match(row):
            self.find_theft_report(row)
            return
        try:
            dialog = self.open_detail(row.id)
        except ServiceError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self._run(dialog)

    def find_theft_report(self, row: VehicleRow) -> bool:
        """Look (on a worker thread) for the theft reports a recovery may belong to."""
        if self._match_task.is_running():
            return False
        self._match_row = row
        ctx = self.ctx
        self.count_label.setText(self.tr("Looking for the theft report of {number}…").format(
            number=row.number
        ))  # fmt: skip

        def work(_progress: Progress) -> list[MatchCandidate]:
            return vehicles.find_matches(ctx, row.id)

        self._match_task.start(work)
        return True

    def _on_candidates(self, found: object) -> None:
        assert isinstance(found, list)
        row = self._match_row
        assert row is not None
        self._recount()  # puts the count back in place of "Looking for…"
        if not found:
            dialogs.show_information(
                self,
                self.tr("No theft report found"),
                self.tr(
                    "No open theft report matches {number} yet. It stays open: when a matching "
                    "theft report arrives, double-click it again."
                ).format(number=row.number),
            )
            return
        dialog = self.open_matches(row, found)
        dialog.matched.connect(lambda _theft_id: self._on_record_changed(row.id))  # type: ignore[attr-defined]
        self._run(dialog)

    def _on_match_search_failed(self, exc: object) -> None:
        self._recount()
        if not isinstance(exc, ServiceError | StoreError):
            assert isinstance(exc, BaseException)
            raise exc
        self.banner.show_message(ERROR, str(exc))

    def new_report(self) -> None:
        if not self.can_register:
            return
        dialog = self.open_form()
        dialog.registered.connect(self._on_record_changed)  # type: ignore[attr-defined]
        matched = getattr(dialog, "matched", None)
        if matched is not None:
            matched.connect(self._on_record_changed)
        self._run(dialog)

    def show_city_checks(self) -> None:
        """Headquarters: recoveries matching another station's theft, and probable duplicates."""
        try:
            dialog = self.open_city_checks()
        except ServiceError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self._run(dialog)

    def new_record(self) -> None:
        self.new_report()
