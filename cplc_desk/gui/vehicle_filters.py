"""The filters above the vehicle reports list (what happened, kind of vehicle, status, police
station) and the hint saying how the search box's text was read.

The bar only turns choices into fields of a ``VehicleQuery``; the page runs the query.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from cplc_desk.domain.enums import VehicleReportKind, VehicleReportStatus
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.gui import names
from cplc_desk.gui.districts import district_combo
from cplc_desk.gui.vehicles_model import vehicle_class_name
from cplc_desk.services.reference import Choice, StationInfo
from cplc_desk.services.vehicle_list import VehicleQuery, read_search
from cplc_desk.services.vehicles import RECOVERY_KINDS, THEFT_KINDS

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


class VehicleFilters(QWidget):
    # A choice was made: apply it at once.
    changed = Signal()

    def __init__(
        self,
        classes: Sequence[Choice],
        stations: Sequence[StationInfo],
        parent: QWidget | None = None,
        headquarters: bool = False,
    ) -> None:
        super().__init__(parent)
        self.headquarters = headquarters
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Anything reported"), "")
        self.kind_combo.addItem(self.tr("Stolen or snatched"), THEFTS)
        self.kind_combo.addItem(self.tr("Recovered or found"), RECOVERIES)
        for kind in VehicleReportKind:
            self.kind_combo.addItem(names.vehicle_report_kind(kind.value), kind.value)
        self.kind_combo.setAccessibleName(self.tr("What happened"))

        self.class_combo = QComboBox()
        self.class_combo.addItem(self.tr("Any kind of vehicle"), "")
        for choice in classes:
            self.class_combo.addItem(vehicle_class_name(choice.code), choice.code)
        self.class_combo.setAccessibleName(self.tr("Kind of vehicle"))

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), "")
        for status in VehicleReportStatus:
            self.status_combo.addItem(names.vehicle_report_status(status.value), status.value)
        self.status_combo.setAccessibleName(self.tr("Status"))

        self.station_combo = QComboBox()
        self.station_combo.addItem(self.tr("Any police station"), "")
        for station in stations:
            self.station_combo.addItem(station.name, station.code)
        self.station_combo.setAccessibleName(self.tr("Police station"))
        # Headquarters only: a district's stations together.
        self.district_combo = district_combo(self.tr("Any district"), stations)
        self.district_combo.setAccessibleName(self.tr("District"))
        self.district_combo.setVisible(headquarters)

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _=0: self.changed.emit())
            layout.addWidget(combo)
        layout.addStretch(1)
        layout.addWidget(self.clear_button)
        self.changed.connect(self._update_clear_button)
        self._update_clear_button()

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

        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()

        return dataclasses.replace(
            query,
            kinds=_GROUPS.get(self.kind_combo.currentData(), one(self.kind_combo)),
            classes=one(self.class_combo),
            statuses=one(self.status_combo),
            stations=one(self.station_combo),
            districts=one(self.district_combo),
        )

    def is_filtering(self) -> bool:
        return any(combo.currentIndex() > 0 for combo in self.combos())

    def select(self, combo: QComboBox, value: object) -> bool:
        index = combo.findData(value)
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

    def clear(self) -> None:
        """Every filter off, with one announcement rather than one per box."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.is_filtering())
