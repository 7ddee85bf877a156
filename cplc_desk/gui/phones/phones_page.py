"""The Phones page: check a handset ("is this phone stolen?"), record a stolen, snatched,
recovered or found handset, and find the desk's phone reports.

The check sits at the top, since it is what a dealer or a citizen asks most. The list below loads
200 reports at a time as it scrolls (``PhonesModel``); how many match is counted on a worker
thread (both in ``ListPage``). Double-clicking a recovery not yet matched looks for its theft
report again; any other report opens its details. The dialogs are made by replaceable functions
(``open_form``, ``open_detail``, ``open_matches``), which tests swap for stand-ins.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from cplc_desk.gui.phones.phone_filters import PhoneFilters, search_hint
from cplc_desk.gui.phones.phone_match import Handset
from cplc_desk.gui.phones.phone_verify import PhoneVerifyWidget
from cplc_desk.gui.phones.phones_model import PhonesModel
from cplc_desk.gui.shell.areas import PHONES
from cplc_desk.gui.widgets.list_page import ListTexts
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.gui.widgets.report_list_page import ReportListPage, ReportParts, ReportTexts
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phone_list import PhoneRow
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
    MODEL = PhonesModel
    parts = ReportParts(
        check=PhoneVerifyWidget,
        form=make_phone_form,
        detail=make_phone_detail,
        matches=make_match_dialog,
        city_checks=make_city_checks,
    )

    model: PhonesModel
    filters: PhoneFilters
    verify_widget: PhoneVerifyWidget

    def _make_filters(self) -> PhoneFilters:
        return PhoneFilters(reference.stations(self.ctx), headquarters=self.headquarters)

    def _report_texts(self) -> ReportTexts:
        return ReportTexts(
            check_title=self.tr("Is this phone reported stolen?"),
            list_heading=self.tr("Phone reports"),
            # Headquarters' City-wide checks.
            city_checks=self.tr(
                "Handsets recovered at one station and reported stolen at another, and "
                "handsets reported twice"
            ),
            none_found=self.tr(
                "No open theft report has the IMEI of {number} yet. It stays open: when a "
                "matching theft report arrives, double-click it again."
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
            open_tooltip=self._open_tooltip(),
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

    def _hint(self, text: str) -> str:
        return search_hint(text)

    # ------------------------------------------------------------------ matching

    def _awaiting(self, row: PhoneRow) -> bool:
        # Headquarters does not close a station's reports: it opens them.
        return PhonesModel.awaiting_match(row) and self.can_register

    def _find_matches(self, row: PhoneRow) -> tuple[Handset, list[PhoneCandidate]]:
        handset = Handset(row.number, tuple(n for n in (row.imei, row.imei2) if n))
        return handset, phones.candidates_for(self.ctx, row.id)
