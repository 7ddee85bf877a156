"""What report to compute: the month (and, for a range, the last month), the scope and, at
headquarters, whether it is for the public.

At headquarters the scope is the whole city, one district or one police station; a station's
desk always counts its own records (the service enforces it too), so it is shown, not offered.
Months are picked as month/year, the same left-to-right way in both languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.statistics import Month, StatisticsRequest
from cplc_desk.services.desk.reference import StationInfo

CITY = ""
DISTRICT = "district"
STATION = "station"


def last_full_month() -> Month:
    """The month just ended, in Pakistan time: the one a monthly report is usually about."""
    return Month.of(now_utc()).shift(-1)


def month_edit(month: Month) -> QDateEdit:
    edit = QDateEdit()
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # before the format (see language)
    edit.setDisplayFormat("MM/yyyy")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(QDate(month.year, month.month, 1))
    return edit


def edited_month(edit: QDateEdit) -> Month:
    day: date = edit.date().toPython()  # type: ignore[assignment]
    return Month(day.year, day.month)


class ReportRequestWidget(QWidget):
    """The choices; :meth:`request` reads them. ``changed`` fires when any of them changes."""

    changed = Signal()

    def __init__(
        self,
        headquarters: bool,
        stations: Sequence[StationInfo],
        own_scope: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.headquarters = headquarters
        start = last_full_month()
        self.month_edit = month_edit(start)
        self.month_edit.setAccessibleName(self.tr("Month"))
        self.range_box = QCheckBox(self.tr("&to"))
        self.range_box.setToolTip(self.tr("Count a range of months, up to the second month"))
        self.to_edit = month_edit(start)
        self.to_edit.setAccessibleName(self.tr("Last month of the range"))
        self.to_edit.setEnabled(False)
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_edit)

        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Area"))
        self.public_box = QCheckBox(self.tr("For the &public"))
        self.public_box.setToolTip(
            self.tr(
                "Hide a police station's count of kidnappings, kidnappings for ransom and "
                "extortion when it is below 3, and say so in a footnote"
            )
        )
        scope_label = QLabel(self.tr("&Area:") if headquarters else self.tr("Area:"))
        self.own_scope_label = QLabel(own_scope)
        if headquarters:
            scope_label.setBuddy(self.scope_combo)
            self._fill_scopes(stations)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (month_label, self.month_edit, self.range_box, self.to_edit, scope_label):
            row.addWidget(widget)
        row.addWidget(self.scope_combo if headquarters else self.own_scope_label)
        row.addWidget(self.public_box)
        row.addStretch(1)
        self.scope_combo.setVisible(headquarters)
        self.own_scope_label.setVisible(not headquarters)
        self.public_box.setVisible(headquarters)

        self.range_box.toggled.connect(self.to_edit.setEnabled)
        self.range_box.toggled.connect(lambda _on: self.changed.emit())
        self.month_edit.dateChanged.connect(self._month_moved)
        self.to_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.public_box.toggled.connect(lambda _on: self.changed.emit())

    def _fill_scopes(self, stations: Sequence[StationInfo]) -> None:
        combo = self.scope_combo
        combo.addItem(self.tr("The whole city"), CITY)
        districts = {st.district_code: st.district_name for st in stations}
        combo.insertSeparator(combo.count())
        for code, name in sorted(districts.items(), key=lambda item: item[1].casefold()):
            combo.addItem(self.tr("District: {name}").format(name=name), f"{DISTRICT}:{code}")
        combo.insertSeparator(combo.count())
        for st in stations:
            text = self.tr("{name} police station").format(name=st.name)
            combo.addItem(text, f"{STATION}:{st.code}")

    def _month_moved(self) -> None:
        if self.to_edit.date() < self.month_edit.date():
            self.to_edit.setDate(self.month_edit.date())
        self.changed.emit()

    def set_month(self, month: Month, to_month: Month | None = None) -> None:
        self.month_edit.setDate(QDate(month.year, month.month, 1))
        self.range_box.setChecked(to_month is not None)
        if to_month is not None:
            self.to_edit.setDate(QDate(to_month.year, to_month.month, 1))

    def choose_scope(self, kind: str, code: str) -> bool:
        """Pick the district or station ``code`` (``kind``: ``district``/``station``)."""
        index = self.scope_combo.findData(f"{kind}:{code}")
        if index >= 0:
            self.scope_combo.setCurrentIndex(index)
        return index >= 0

    def scope_choices(self) -> list[tuple[str, str]]:
        """Every scope offered but the city, as (kind, code)."""
        combo = self.scope_combo
        found = [str(combo.itemData(i) or "") for i in range(combo.count())]
        return [(kind, code) for kind, _, code in (f.partition(":") for f in found) if code]

    def request(self) -> StatisticsRequest:
        month = edited_month(self.month_edit)
        to_month = edited_month(self.to_edit) if self.range_box.isChecked() else None
        if to_month is not None and to_month == month:
            to_month = None
        if not self.headquarters:
            return StatisticsRequest(month, to_month)
        kind, _, code = str(self.scope_combo.currentData() or CITY).partition(":")
        return StatisticsRequest(
            month,
            to_month,
            station=code if kind == STATION else None,
            district=code if kind == DISTRICT else None,
            public=self.public_box.isChecked(),
        )
