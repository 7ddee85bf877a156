"""The filters above the complaints list (status, category, police station, registration dates,
overdue follow-ups) and the hint saying how the search box's text was understood.

The bar only turns choices into fields of a ``ComplaintQuery``; the list's page runs the query.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.enums import ComplaintStatus
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.domain.workflow import OPEN_STATUSES
from cplc_desk.gui.shell.language import day_month_year, ltr_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.filter_bar import choice_combo, chosen, place_combos, select_code
from cplc_desk.services.complaints.complaint_list import ComplaintQuery, classify
from cplc_desk.services.desk.reference import Choice, StationInfo

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate

# How far back "Registered between" starts when it is first switched on.
DEFAULT_RANGE_DAYS = 30


def search_hint(text: str) -> str:
    """How the search box's text is read; a CNIC or mobile is shown masked, as in the list."""
    term = classify(text)
    if term.kind == "number":
        return translate("ComplaintFilters", "Searching receipt number {value}").format(
            value=ltr_text(term.value)
        )
    if term.kind == "cnic":
        return translate("ComplaintFilters", "Searching CNIC {value}").format(
            value=ltr_text(mask_cnic(term.value))
        )
    if term.kind == "mobile":
        return translate("ComplaintFilters", "Searching mobile number {value}").format(
            value=ltr_text(mask_phone(term.value))
        )
    if term.kind == "fir":
        return translate("ComplaintFilters", "Searching FIR number {value}").format(
            value=ltr_text(term.value)
        )
    if term.kind == "words":
        return translate(
            "ComplaintFilters", "Searching names and complaint text for “{words}”"
        ).format(words=" ".join(term.value.split()))
    return translate(
        "ComplaintFilters",
        "Type a receipt number, CNIC, mobile or FIR number to find it; other words search "
        "names and what the complaint says.",
    )


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while several are ticked."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if (
            event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and action is not None
            and action.isCheckable()
            and action.isEnabled()
        ):
            action.trigger()
            return
        super().keyPressEvent(event)


class ComplaintFilters(QWidget):
    # A choice was made (status, category, station, overdue): apply it at once.
    changed = Signal()
    # A date is being typed: apply it after a pause, like the search box.
    edited = Signal()

    def __init__(
        self,
        categories: Sequence[Choice],
        stations: Sequence[StationInfo],
        today: date,
        parent: QWidget | None = None,
        headquarters: bool = False,
    ) -> None:
        super().__init__(parent)
        self.headquarters = headquarters

        self._build_status_menu()

        self.category_combo = choice_combo(
            self.tr("Any category"),
            ((c.name, c.code) for c in sorted(categories, key=lambda c: c.name.casefold())),
            self.tr("Category"),
        )
        self.station_combo, self.district_combo = place_combos(stations, headquarters)
        for combo in (self.category_combo, self.station_combo, self.district_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _=0: self.changed.emit())

        self.dates_check = QCheckBox(self.tr("Registered from"))
        self.dates_check.setToolTip(self.tr("Only complaints registered between these days"))
        self.from_edit = self._date_edit(today - timedelta(days=DEFAULT_RANGE_DAYS))
        self.from_edit.setAccessibleName(self.tr("Registered from"))
        self.to_edit = self._date_edit(today)
        self.to_edit.setAccessibleName(self.tr("Registered up to"))
        to_label = QLabel(self.tr("to", "registered from … to …"))
        to_label.setBuddy(self.to_edit)
        self.dates_check.toggled.connect(self._on_dates_toggled)
        self._enable_dates(False)

        self.overdue_check = QCheckBox(self.tr("Overdue follow-ups"))
        self.overdue_check.setToolTip(
            self.tr("Only open complaints whose follow-up date has passed")
        )
        self.overdue_check.toggled.connect(lambda _=False: self.changed.emit())

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        # Two rows, so the page still fits a 1024-pixel screen with long (or Urdu) names.
        choices = QHBoxLayout()
        choices.addWidget(self.status_button)
        choices.addWidget(self.category_combo)
        choices.addWidget(self.station_combo)
        choices.addWidget(self.district_combo)
        choices.addSpacing(8)
        choices.addWidget(self.overdue_check)
        choices.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.dates_check)
        dates.addWidget(self.from_edit)
        dates.addWidget(to_label)
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choices)
        layout.addLayout(dates)
        self._update_status_text()
        self._update_clear_button()
        self.changed.connect(self._update_clear_button)

    def _build_status_menu(self) -> None:
        self.status_menu = StayOpenMenu(self)
        self.any_status_action = self.status_menu.addAction(self.tr("Any status"))
        self.open_statuses_action = self.status_menu.addAction(self.tr("Still open"))
        self.open_statuses_action.setToolTip(self.tr("Complaints CPLC is still following up"))
        self.status_menu.setToolTipsVisible(True)
        self.status_menu.addSeparator()
        self.status_actions: dict[str, QAction] = {}
        for status in ComplaintStatus:
            action = self.status_menu.addAction(names.complaint_status(status.value))
            action.setCheckable(True)
            action.toggled.connect(self._on_status_toggled)
            self.status_actions[status.value] = action
        self.any_status_action.triggered.connect(lambda: self.set_statuses(()))
        self.open_statuses_action.triggered.connect(
            lambda: self.set_statuses([s.value for s in ComplaintStatus if s in OPEN_STATUSES])
        )
        self.status_button = QPushButton()
        self.status_button.setMenu(self.status_menu)
        self.status_button.setAccessibleName(self.tr("Status"))
        self.status_button.setToolTip(self.tr("Show complaints in the statuses ticked here"))

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        day_month_year(edit)
        edit.dateChanged.connect(lambda _: self.edited.emit())
        return edit

    # ------------------------------------------------------------------ reading

    def statuses(self) -> tuple[str, ...]:
        return tuple(code for code, action in self.status_actions.items() if action.isChecked())

    def apply(self, query: ComplaintQuery, today: date) -> ComplaintQuery:
        """``query`` with this bar's filters in it."""
        registered_from = registered_to = None
        if self.dates_check.isChecked():
            registered_from = _day(self.from_edit.date())
            registered_to = _day(self.to_edit.date())
            if registered_from > registered_to:  # typed the wrong way round: still meant a range
                registered_from, registered_to = registered_to, registered_from
        return dataclasses.replace(
            query,
            statuses=self.statuses(),
            categories=chosen(self.category_combo),
            stations=chosen(self.station_combo),
            districts=chosen(self.district_combo),
            registered_from=registered_from,
            registered_to=registered_to,
            overdue_on=today if self.overdue_check.isChecked() else None,
        )

    def is_filtering(self) -> bool:
        return bool(
            self.statuses()
            or self.category_combo.currentIndex() > 0
            or self.station_combo.currentIndex() > 0
            or self.district_combo.currentIndex() > 0
            or self.dates_check.isChecked()
            or self.overdue_check.isChecked()
        )

    # ------------------------------------------------------------------ choosing

    def set_statuses(self, codes: Sequence[str]) -> None:
        wanted = set(codes)
        for code, action in self.status_actions.items():
            action.blockSignals(True)
            action.setChecked(code in wanted)
            action.blockSignals(False)
        self._update_status_text()
        self.changed.emit()

    def set_category(self, code: str) -> bool:
        return select_code(self.category_combo, code)

    def set_station(self, code: str) -> bool:
        return select_code(self.station_combo, code)

    def set_district(self, code: str) -> bool:
        return select_code(self.district_combo, code)

    def clear(self) -> None:
        """Every filter off, with one announcement rather than one per widget."""
        widgets = (
            self.category_combo,
            self.station_combo,
            self.district_combo,
            self.dates_check,
            self.overdue_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.category_combo.setCurrentIndex(0)
        self.station_combo.setCurrentIndex(0)
        self.district_combo.setCurrentIndex(0)
        self.dates_check.setChecked(False)
        self._enable_dates(False)
        self.overdue_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.set_statuses(())

    def _on_status_toggled(self, _checked: bool) -> None:
        self._update_status_text()
        self.changed.emit()

    def _on_dates_toggled(self, on: bool) -> None:
        self._enable_dates(on)
        self.changed.emit()

    def _enable_dates(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)

    def _update_status_text(self) -> None:
        chosen = self.statuses()
        open_codes = {s.value for s in OPEN_STATUSES}
        if not chosen:
            text = self.tr("Any status")
        elif len(chosen) == 1:
            text = names.complaint_status(chosen[0])
        elif set(chosen) == open_codes:
            text = self.tr("Still open")
        else:
            text = self.tr("{count} statuses").format(count=format_count(len(chosen)))
        self.status_button.setText(text)

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.is_filtering())
