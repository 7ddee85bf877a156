"""The filters above the phone reports list (what happened, status, police station, district)
and the hint saying how the search box's text was read. The bar only turns choices into fields
of a ``PhoneQuery``; the page runs the query."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cplc_desk.gui.widgets.filter_bar import ReportFilters, search_words
from cplc_desk.gui.widgets.report_kinds import PHONE_REPORTS
from cplc_desk.services.desk.reference import StationInfo
from cplc_desk.services.phones.phone_list import read_search

translate = QCoreApplication.translate


def search_hint(text: str) -> str:
    """How the search box's text is read; a CNIC or mobile is shown masked, as in the list."""
    search = read_search(text)
    empty = translate(
        "PhoneFilters",
        "Type an IMEI, a report number, or the owner's CNIC, mobile (or the SIM's) or name.",
    )
    own = (
        [translate("PhoneFilters", "IMEI {value}").format(value=search.imei)] if search.imei else []
    )
    mobile = translate("PhoneFilters", "owner's mobile or SIM {value}")
    return search_words(search, empty, own, mobile, [])


class PhoneFilters(ReportFilters):
    def __init__(
        self,
        stations: Sequence[StationInfo],
        parent: QWidget | None = None,
        headquarters: bool = False,
    ) -> None:
        super().__init__(PHONE_REPORTS, stations, headquarters, parent)
        self._lay_out()
