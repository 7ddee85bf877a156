"""Districts in headquarters' city-wide lists: the filter's choices and each row's district."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox

from cplc_desk.services.desk.reference import StationInfo


def district_combo(any_text: str, stations: Sequence[StationInfo]) -> QComboBox:
    """A choice of district (the districts of ``stations``, by name), first "any"."""
    combo = QComboBox()
    combo.addItem(any_text, "")
    districts = {st.district_code: st.district_name for st in stations}
    for code, name in sorted(districts.items(), key=lambda item: item[1].casefold()):
        combo.addItem(name, code)
    return combo


def district_names(stations: Sequence[StationInfo]) -> dict[str, str]:
    """Each police station's district name, by station code."""
    return {st.code: st.district_name for st in stations}
