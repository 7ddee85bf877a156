"""The filters above the vehicle reports list (what happened, kind of vehicle, status, police
station) and the hint saying how the search box's text was read.

The bar only turns choices into fields of a ``VehicleQuery``; the page runs the query.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.filter_bar import (
    ReportFilters,
    choice_combo,
    chosen,
    search_words,
)
from cplc_desk.gui.widgets.report_kinds import VEHICLE_REPORTS
from cplc_desk.services.desk.reference import Choice, StationInfo
from cplc_desk.services.vehicles.vehicle_list import read_search

translate = QCoreApplication.translate


def search_hint(text: str) -> str:
    """How the search box's text is read; a CNIC or mobile is shown masked, as in the list."""
    search = read_search(text)
    empty = translate(
        "VehicleFilters",
        "Type a registration, chassis or engine number, a report number, or the owner's "
        "CNIC, mobile or name.",
    )
    own = (
        [
            translate("VehicleFilters", "registration, chassis or engine {value}").format(
                value=search.identifier
            )
        ]
        if search.identifier
        else []
    )
    return search_words(
        search, empty, [], translate("VehicleFilters", "owner's mobile {value}"), own
    )


class VehicleFilters(ReportFilters):
    def __init__(
        self,
        classes: Sequence[Choice],
        stations: Sequence[StationInfo],
        parent: QWidget | None = None,
        headquarters: bool = False,
    ) -> None:
        super().__init__(VEHICLE_REPORTS, stations, headquarters, parent)
        self.class_combo = choice_combo(
            self.tr("Any kind of vehicle"),
            ((names.vehicle_class(choice.code), choice.code) for choice in classes),
            self.tr("Kind of vehicle"),
        )
        self._lay_out()

    def own_combos(self) -> tuple[QComboBox, ...]:
        return (self.class_combo,)

    def _own_filters(self) -> dict[str, Any]:
        return {"classes": chosen(self.class_combo)}
