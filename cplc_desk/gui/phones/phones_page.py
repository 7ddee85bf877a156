"""The Phones page: check a handset ("is this phone stolen?"), record a stolen, snatched,
recovered or found handset, and find the desk's phone reports.

The check sits at the top, since it is what a dealer or a citizen asks most. The list below loads
200 reports at a time as it scrolls (``PhonesModel``); how many match is counted on a worker
thread (both in ``ListPage``). Double-clicking a recovery not yet matched looks for its theft
report again; any other report opens its details. The dialogs are made by replaceable functions
(``open_form``, ``open_detail``, ``open_matches``), which tests swap for stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QVBoxLayout, QWidget

from cplc_desk.gui.phones.phone_filters import PhoneFilters, search_hint
from cplc_desk.gui.phones.phone_match import Handset
from cplc_desk.gui.phones.phone_verify import PhoneVerifyWidget
from cplc_desk.gui.phones.phones_model import DISTRICT, STATION, PhonesModel
from cplc_desk.gui.shell.areas import PHONES
from cplc_desk.gui.widgets.list_page import ListTexts
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.gui.widgets.report_list_page import ReportListPage
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phone_list, phones
from cplc_desk.services.phones.phone_list import PhoneQuery, PhoneRow
from cplc_desk.services.phones.phones import PhoneCandidate


def make_phone_form(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.phones.phone_form import PhoneFormDialog

    return PhoneFormDialog(ctx, parent)


def make_phone_detail(ctx: DeskContext, report_id: str, parent: QWidget) -> QDialog:
    from cplc_desk.gui.phones.phone_detail import PhoneDetailDialog

    return PhoneDetailDialog(ctx, report_id, parent)


def make_match_dialog(
    ctx: DeskContext,
    row: PhoneRow,
    handset: Handset,
    candidates: Sequence[PhoneCandidate],
    parent: QWidget,
) -> QDialog:
    from cplc_desk.gui.phones.phone_match import PhoneMatchDialog

    return PhoneMatchDialog(ctx, row.id, handset, candidates, parent)


def make_city_checks(ctx: DeskContext, parent: QWidget) -> QDialog:
    from cplc_desk.gui.phones.phone_city_checks import PhoneCityChecksDialog

    return PhoneCityChecksDialog(ctx, parent)


class PhonesPage(ReportListPage):
    area_key = PHONES
    shows = Changes.PHONES
    count_task_name = "cplc-count-phones"
    match_task_name = "cplc-find-phone-matches"

    model: PhonesModel
    filters: PhoneFilters

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.open_form: Callable[[], QDialog] = lambda: make_phone_form(ctx, self)
        self.open_detail: Callable[[str], QDialog] = lambda report_id: make_phone_detail(
            ctx, report_id, self
        )
        self.open_matches: Callable[[PhoneRow, Handset, Sequence[PhoneCandidate]], QDialog] = (
            lambda row, handset, found: make_match_dialog(ctx, row, handset, found, self)
        )
        self.verify_widget = PhoneVerifyWidget(ctx)
        verify_box = QGroupBox(self.tr("Is this phone reported stolen?"))
        QVBoxLayout(verify_box).addWidget(self.verify_widget)
        list_heading = emphasise(QLabel(self.tr("Phone reports")), 1.15)

        model = PhonesModel(ctx, self)
        self.filters = PhoneFilters(reference.stations(ctx), headquarters=self.headquarters)
        header = self._show_model(model)
        header.setStretchLastSection(True)
        if self.model.headquarters:
            header.moveSection(DISTRICT, STATION + 1)
        self._lay_out(above=(verify_box, 4, list_heading), buttons=self._extra_buttons())

        self.search_box.returnPressed.connect(self.search_or_open)
        self.filters.changed.connect(self.search_now)
        self.verify_widget.verified.connect(lambda _c: self.banner.clear_message())
        self._start()

    def _extra_buttons(self) -> tuple[QWidget, ...]:
        """Beside Open, at headquarters: handsets recovered at another station than the one
        that reported them, and handsets reported twice."""
        self.open_city_checks = lambda: make_city_checks(self.ctx, self)
        return (
            self._city_checks_button(
                self.tr(
                    "Handsets recovered at one station and reported stolen at another, and "
                    "handsets reported twice"
                )
            ),
        )

    def _texts(self) -> ListTexts:
        return ListTexts(
            search_placeholder=self.tr(
                "IMEI, report number, owner's CNIC, mobile or name, or the SIM number"
            ),
            search_name=self.tr("Search phone reports"),
            new_button=self.tr("New phone report…"),
            new_tooltip=self.tr("Record a stolen, snatched, recovered or found phone (Ctrl+N)"),
            new_elsewhere=self.tr("Phone reports are registered at police-station desks"),
            open_tooltip=self.tr(
                "Show the selected report; for a recovery not matched yet, its theft report"
            ),
            list_name=self.tr("Phone reports"),
            count_none=self.tr("No phone reports match"),
            count_one=self.tr("1 phone report"),
            count_more_than=self.tr("More than {count} phone reports"),
            count_many=self.tr("{count} phone reports"),
            empty_search=self.tr(
                "No phone report matches this search. Check the IMEI, or clear the filters."
            ),
            empty_register=self.tr(
                "No phone reports yet. Record the first with New phone report… (Ctrl+N)."
            ),
            empty_arrive=self.tr("No phone reports yet. They arrive in the bundles stations send."),
        )

    # ------------------------------------------------------------------ searching

    def _hint(self, text: str) -> str:
        return search_hint(text)

    def current_query(self) -> PhoneQuery:
        return self.filters.apply(PhoneQuery(text=self.search_box.text().strip()))

    def _unfiltered_query(self) -> PhoneQuery:
        return PhoneQuery()

    @staticmethod
    def _count_matches(ctx: DeskContext, query: PhoneQuery, cap: int) -> int:
        return phone_list.count(ctx, query, cap=cap)

    def is_busy_reading(self) -> bool:
        return super().is_busy_reading() or self.verify_widget.is_checking()

    # ------------------------------------------------------------------ matching

    def _awaiting(self, row: PhoneRow) -> bool:
        # Headquarters does not close a station's reports: it opens them.
        return PhonesModel.awaiting_match(row) and self.can_register

    def _find_matches(self, row: PhoneRow) -> tuple[Handset, list[PhoneCandidate]]:
        handset = Handset(row.number, tuple(n for n in (row.imei, row.imei2) if n))
        return handset, phones.candidates_for(self.ctx, row.id)

    def _found_any(self, found: tuple[Handset, list[PhoneCandidate]]) -> bool:
        return bool(found[1])

    def _matches_dialog(
        self, row: PhoneRow, found: tuple[Handset, list[PhoneCandidate]]
    ) -> QDialog:
        return self.open_matches(row, *found)

    def _none_found_text(self, row: PhoneRow) -> tuple[str, str]:
        return (
            self.tr("No theft report found"),
            self.tr(
                "No open theft report has the IMEI of {number} yet. It stays open: when a "
                "matching theft report arrives, double-click it again."
            ).format(number=row.number),
        )
