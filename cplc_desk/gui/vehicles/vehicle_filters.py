"""The filters above the vehicle reports list (what happened, kind of vehicle, status, police
station) and the hint saying how the search box's text was read.

The bar only turns choices into fields of a ``VehicleQuery``; the page runs the query.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from cplc_desk.domain.enums import VehicleReportKind, VehicleReportStatus
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.gui.vehicles.vehicles_model import vehicle_class_name
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.filter_bar import (
    ComboFilters,
    choice_combo,
    chosen,
    place_combos,
)
from cplc_desk.services.desk.reference import Choice, StationInfo
from cplc_desk.services.vehicles.match_sources import THEFT_KINDS
from cplc_desk.services.vehicles.vehicle_list import VehicleQuery, read_search
from cplc_desk.services.vehicles.wanted import RECOVERY_KINDS

translate = QCoreApplication.translate

# Kind filter choices standing for more than one kind.
THEFTS = "thefts"
RECOVERIES = "recoveries"
_GROUPS: dict[str, tuple[str, ...]] = {THEFTS: THEFT_KINDS, RECOVERIES: RECOVERY_KINDS}


def search_hint(text: str) -> str:
    """How the search box's text is read; a CNIC or mobile is shown masked, as in the list."""
    search = read_search(text)
    if search.is_empty:
        return translate(
            "VehicleFilters",
            "Type a registration, chassis or engine number, a report number, or the owner's "
            "CNIC, mobile or name.",
        )
    parts = []
    if search.number:
        parts.append(translate("VehicleFilters", "report {value}").format(value=search.number))
    if search.cnic:
        parts.append(
            translate("VehicleFilters", "owner's CNIC {value}").format(value=mask_cnic(search.cnic))
        )
    if search.mobile:
        parts.append(
            translate("VehicleFilters", "owner's mobile {value}").format(
                value=mask_phone(search.mobile)
            )
        )
    if search.identifier:
        parts.append(
            translate("VehicleFilters", "registration, chassis or engine {value}").format(
                value=search.identifier
            )
        )
    if search.name_prefix:
        parts.append(
            translate("VehicleFilters", "owners whose name starts “{name}”").format(
                name=search.name_prefix
            )
        )
    return translate("VehicleFilters", "Searching {parts}").format(
        parts=translate("VehicleFilters", " or ").join(parts)
    )


class VehicleFilters(ComboFilters):
    def __init__(
        self,
        classes: Sequence[Choice],
        stations: Sequence[StationInfo],
        parent: QWidget | None = None,
        headquarters: bool = False,
    ) -> None:
        super().__init__(parent)
        self.headquarters = headquarters
        self.kind_combo = choice_combo(
            self.tr("Anything reported"),
            [
                (self.tr("Stolen or snatched"), THEFTS),
                (self.tr("Recovered or found"), RECOVERIES),
                *(
                    (names.vehicle_report_kind(kind.value), kind.value)
                    for kind in VehicleReportKind
                ),
            ],
            self.tr("What happened"),
        )
        self.class_combo = choice_combo(
            self.tr("Any kind of vehicle"),
            ((vehicle_class_name(choice.code), choice.code) for choice in classes),
            self.tr("Kind of vehicle"),
        )
        self.status_combo = choice_combo(
            self.tr("Any status"),
            ((names.vehicle_report_status(s.value), s.value) for s in VehicleReportStatus),
            self.tr("Status"),
        )
        self.station_combo, self.district_combo = place_combos(stations, headquarters)

        self._lay_out()

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.kind_combo,
            self.class_combo,
            self.status_combo,
            self.station_combo,
            self.district_combo,
        )

    def apply(self, query: VehicleQuery) -> VehicleQuery:
        """``query`` with this bar's filters in it."""
        return dataclasses.replace(
            query,
            kinds=_GROUPS.get(self.kind_combo.currentData(), chosen(self.kind_combo)),
            classes=chosen(self.class_combo),
            statuses=chosen(self.status_combo),
            stations=chosen(self.station_combo),
            districts=chosen(self.district_combo),
        )
