"""The filters above the phone reports list (what happened, status, police station, district)
and the hint saying how the search box's text was read. The bar only turns choices into fields
of a ``PhoneQuery``; the page runs the query."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from cplc_desk.domain.enums import PhoneReportKind, PhoneReportStatus
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.filter_bar import ComboFilters, choice_combo, chosen, place_combos
from cplc_desk.services.desk.reference import StationInfo
from cplc_desk.services.phones.phone_list import PhoneQuery, read_search
from cplc_desk.services.phones.phones import RECOVERY_KINDS, THEFT_KINDS

translate = QCoreApplication.translate

THEFTS = "thefts"
RECOVERIES = "recoveries"
_GROUPS: dict[str, tuple[str, ...]] = {THEFTS: THEFT_KINDS, RECOVERIES: RECOVERY_KINDS}


def search_hint(text: str) -> str:
    """How the search box's text is read; a CNIC or mobile is shown masked, as in the list."""
    search = read_search(text)
    if search.is_empty:
        return translate(
            "PhoneFilters",
            "Type an IMEI, a report number, or the owner's CNIC, mobile (or the SIM's) or name.",
        )
    parts = []
    if search.imei:
        parts.append(translate("PhoneFilters", "IMEI {value}").format(value=search.imei))
    if search.number:
        parts.append(translate("PhoneFilters", "report {value}").format(value=search.number))
    if search.cnic:
        parts.append(
            translate("PhoneFilters", "owner's CNIC {value}").format(value=mask_cnic(search.cnic))
        )
    if search.mobile:
        parts.append(
            translate("PhoneFilters", "owner's mobile or SIM {value}").format(
                value=mask_phone(search.mobile)
            )
        )
    if search.name_prefix:
        parts.append(
            translate("PhoneFilters", "owners whose name starts “{name}”").format(
                name=search.name_prefix
            )
        )
    return translate("PhoneFilters", "Searching {parts}").format(
        parts=translate("PhoneFilters", " or ").join(parts)
    )


class PhoneFilters(ComboFilters):
    def __init__(
        self,
        stations: Sequence[StationInfo],
        parent: QWidget | None = None,
        headquarters: bool = False,
    ) -> None:
        super().__init__(parent)
        self.kind_combo = choice_combo(
            self.tr("Anything reported"),
            [
                (self.tr("Stolen or snatched"), THEFTS),
                (self.tr("Recovered or found"), RECOVERIES),
                *((names.phone_report_kind(k.value), k.value) for k in PhoneReportKind),
            ],
            self.tr("What happened"),
        )
        self.status_combo = choice_combo(
            self.tr("Any status"),
            ((names.phone_report_status(s.value), s.value) for s in PhoneReportStatus),
            self.tr("Status"),
        )
        self.station_combo, self.district_combo = place_combos(stations, headquarters)
        self._lay_out()

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.kind_combo, self.status_combo, self.station_combo, self.district_combo)

    def apply(self, query: PhoneQuery) -> PhoneQuery:
        return dataclasses.replace(
            query,
            kinds=_GROUPS.get(self.kind_combo.currentData(), chosen(self.kind_combo)),
            statuses=chosen(self.status_combo),
            stations=chosen(self.station_combo),
            districts=chosen(self.district_combo),
        )
