"""Pieces the complaints and vehicle reports filter bars share: a choice whose first entry is
"any", the police station and district choices, and reading or setting a choice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

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
