"""Pieces the filter bars share: a choice whose first entry is "any", the police station and
district choices, reading or setting a choice, and a bar made of such choices with Clear
filters (``ComboFilters``: the vehicle and phone reports lists)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from cplc_desk.gui.widgets.districts import district_combo
from cplc_desk.services.desk.reference import StationInfo

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def choice_combo(any_text: str, choices: Iterable[tuple[str, str]], name: str) -> QComboBox:
    """A choice of (text, code) pairs after ``any_text`` (code ""); ``name`` for screen
    readers."""
    combo = QComboBox()
    combo.addItem(any_text, "")
    for text, code in choices:
        combo.addItem(text, code)
    combo.setAccessibleName(name)
    return combo


def place_combos(
    stations: Sequence[StationInfo], headquarters: bool
) -> tuple[QComboBox, QComboBox]:
    """The choice of police station, and of district (shown at headquarters only)."""
    station_combo = choice_combo(
        translate("FilterBar", "Any police station"),
        ((station.name, station.code) for station in stations),
        translate("FilterBar", "Police station"),
    )
    # Headquarters only: a district's stations together.
    district = district_combo(translate("FilterBar", "Any district"), stations)
    district.setAccessibleName(translate("FilterBar", "District"))
    district.setVisible(headquarters)
    return station_combo, district


def chosen(combo: QComboBox) -> tuple[str, ...]:
    """The code chosen, as a query's filter: nothing for "any"."""
    value = combo.currentData()
    return (value,) if value else ()


def select_code(combo: QComboBox, code: object) -> bool:
    """Choose the entry with this code; False if there is none."""
    index = combo.findData(code)
    if index < 0:
        return False
    combo.setCurrentIndex(index)
    return True


class ComboFilters(QWidget):
    """A row of choices, each applied at once (``changed``), and Clear filters. A subclass makes
    its choices, then calls ``_lay_out``; it says which they are (``combos``)."""

    changed = Signal()

    def combos(self) -> tuple[QComboBox, ...]:
        raise NotImplementedError

    def _lay_out(self) -> None:
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

    def is_filtering(self) -> bool:
        return any(combo.currentIndex() > 0 for combo in self.combos())

    def select(self, combo: QComboBox, value: object) -> bool:
        return select_code(combo, value)

    def clear(self) -> None:
        """Every filter off, with one announcement rather than one per box."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.is_filtering())
