"""Pieces the filter bars share: a choice whose first entry is "any", the police station and
district choices, reading or setting a choice, and a bar made of such choices with Clear
filters (``ComboFilters``), and the bar and search hint of a reports list (``ReportFilters``,
``search_words``: the vehicle and phone reports lists)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.gui.widgets.districts import district_combo
from cplc_desk.gui.widgets.report_kinds import ReportKinds
from cplc_desk.services.desk.reference import StationInfo
from cplc_desk.services.desk.report_list import ReportSearch

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


# What-happened choices standing for more than one kind.
THEFTS = "thefts"
RECOVERIES = "recoveries"

Q = TypeVar("Q")


class ReportFilters(ComboFilters):
    """A reports list's bar: what happened (with thefts and recoveries as one choice each), the
    thing's own choices (``own_combos``), the status, the police station and district. A
    subclass builds its own choices, then lays the bar out (``_lay_out``)."""

    def __init__(
        self,
        reports: ReportKinds,
        stations: Sequence[StationInfo],
        headquarters: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.headquarters = headquarters
        # The kinds each group choice stands for.
        self._groups = {THEFTS: reports.thefts, RECOVERIES: reports.recoveries}
        self.kind_combo = choice_combo(
            self.tr("Anything reported"),
            [
                (self.tr("Stolen or snatched"), THEFTS),
                (self.tr("Recovered or found"), RECOVERIES),
                *reports.kind_choices(),
            ],
            self.tr("What happened"),
        )
        self.status_combo = choice_combo(
            self.tr("Any status"), reports.status_choices(), self.tr("Status")
        )
        self.station_combo, self.district_combo = place_combos(stations, headquarters)

    def own_combos(self) -> tuple[QComboBox, ...]:
        return ()

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.kind_combo,
            *self.own_combos(),
            self.status_combo,
            self.station_combo,
            self.district_combo,
        )

    def _own_filters(self) -> dict[str, Any]:
        """The query's fields for the thing's own filters (none here)."""
        return {}

    def apply(self, query: Q) -> Q:
        """``query`` with this bar's filters in it."""
        return dataclasses.replace(  # type: ignore[type-var]
            query,
            kinds=self._groups.get(self.kind_combo.currentData(), chosen(self.kind_combo)),
            statuses=chosen(self.status_combo),
            stations=chosen(self.station_combo),
            districts=chosen(self.district_combo),
            **self._own_filters(),
        )


def search_words(
    search: ReportSearch, empty: str, before: Sequence[str], mobile: str, after: Sequence[str]
) -> str:
    """How a reports list's search box was read ("Searching report … or owner's CNIC …"): the
    parts ``before`` (the thing's own number), the report's number, the owner's CNIC and mobile
    (``mobile``: its words, with {value}), the parts ``after``, then the owner's name; ``empty``
    when nothing is typed. A CNIC or mobile is shown masked, as in the list."""
    if search.is_empty:
        return empty
    parts = list(before)
    if search.number:
        parts.append(translate("FilterBar", "report {value}").format(value=search.number))
    if search.cnic:
        parts.append(
            translate("FilterBar", "owner's CNIC {value}").format(value=mask_cnic(search.cnic))
        )
    if search.mobile:
        parts.append(mobile.format(value=mask_phone(search.mobile)))
    parts.extend(after)
    if search.name_prefix:
        parts.append(
            translate("FilterBar", "owners whose name starts “{name}”").format(
                name=search.name_prefix
            )
        )
    return translate("FilterBar", "Searching {parts}").format(
        parts=translate("FilterBar", " or ").join(parts)
    )
