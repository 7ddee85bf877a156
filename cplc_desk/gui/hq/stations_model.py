"""The table of enrolled stations on headquarters' Stations page, as an item model.

Each row is one station from ``sync_hq.stations_overview`` plus what the page works out from it:
how many days since its last bundle and whether it needs attention (bundles missing, overdue,
never heard from, revoked). A station needing attention has a text marker in the Status column
and an icon, and its row is tinted: never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime, format_sequences, format_skew
from cplc_desk.gui.widgets.row_model import (
    ALERT_TINT,
    TINT_ROLES,
    WARNING_TINT,
    Look,
    RowTableModel,
)
from cplc_desk.services.hq.sync_hq import StationKeyState, StationSummary

# What a station needs, most urgent first (the Status column sorts in this order).
REVOKED = "revoked"
GAP = "gap"
OVERDUE = "overdue"
NEVER = "never"
OK = "ok"
ATTENTION_ORDER = (GAP, OVERDUE, NEVER, REVOKED, OK)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 3

(STATUS, CODE, NAME, DISTRICT, SEQUENCE, MADE, DAYS, LAST_IMPORT, HELD, MISSING, SKEW, KEY) = range(
    12
)

_LOOKS = {
    GAP: Look(QStyle.StandardPixmap.SP_MessageBoxWarning, ALERT_TINT),
    OVERDUE: Look(QStyle.StandardPixmap.SP_MessageBoxWarning, WARNING_TINT),
    NEVER: Look(QStyle.StandardPixmap.SP_MessageBoxInformation),
    REVOKED: Look(QStyle.StandardPixmap.SP_DialogCancelButton),
    OK: Look(QStyle.StandardPixmap.SP_DialogApplyButton),
}


@dataclass(frozen=True)
class StationRow:
    summary: StationSummary
    district: str
    age_days: int | None  # whole days since the station made its last bundle
    attention: str


def station_row(
    summary: StationSummary, district: str, now: datetime, overdue_days: int
) -> StationRow:
    made = summary.last_bundle_created_at
    age = max((now - made).days, 0) if made is not None else None
    if summary.key_status == StationKeyState.REVOKED:
        attention = REVOKED
    elif summary.missing or summary.held:
        attention = GAP
    elif age is not None and age >= overdue_days:
        attention = OVERDUE
    elif made is None:
        attention = NEVER
    else:
        attention = OK
    return StationRow(summary, district, age, attention)


def _district(summary: StationSummary, districts: dict[str, str]) -> str:
    code = summary.district_code
    return districts.get(code, code) if code else NOTHING


def _timestamp(value: datetime | None) -> float:
    return value.timestamp() if value is not None else 0.0


@dataclass(frozen=True)
class _Column:
    header: str
    tooltip: str
    text: Callable[[StationRow], str]
    sort: Callable[[StationRow], Any]
    numeric: bool = False


class StationsModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StationRow] = []
        self._now = datetime.min
        self.overdue_days = 7
        # Built once: the texts follow the translator installed when the page was made.
        self._columns = self._build_columns()
        self._status_texts = {
            GAP: self.tr("Bundles missing"),
            OVERDUE: self.tr("Overdue"),
            NEVER: self.tr("No bundle yet"),
            REVOKED: self.tr("Key revoked"),
            OK: self.tr("Up to date"),
        }

    def _build_columns(self) -> list[_Column]:
        def seq(row: StationRow) -> str:
            n = row.summary.last_sequence
            return format_count(n) if n else NOTHING

        def days(row: StationRow) -> str:
            return NOTHING if row.age_days is None else format_count(row.age_days)

        never = 1 << 30  # sorts "never" after every real number of days

        # Some headers are two short lines, where one would make the column far wider than its
        # numbers and push the table past the window's edge.
        return [
            _Column(
                self.tr("Status"),
                self.tr("Whether this station needs attention"),
                self.status_text,
                lambda r: ATTENTION_ORDER.index(r.attention),
            ),
            _Column(
                self.tr("Code"), "", lambda r: r.summary.code, lambda r: r.summary.code.casefold()
            ),
            _Column(
                self.tr("Police\nstation"),
                "",
                lambda r: r.summary.name,
                lambda r: r.summary.name.casefold(),
            ),
            _Column(self.tr("District"), "", lambda r: r.district, lambda r: r.district.casefold()),
            _Column(
                self.tr("Last\nbundle"),
                self.tr("Number of the last bundle merged here"),
                seq,
                lambda r: r.summary.last_sequence,
                numeric=True,
            ),
            _Column(
                self.tr("Made"),
                self.tr("When the station's desk made its last merged bundle (Pakistan time)"),
                lambda r: format_datetime(r.summary.last_bundle_created_at),
                lambda r: _timestamp(r.summary.last_bundle_created_at),
            ),
            _Column(
                self.tr("Days\nsince"),
                self.tr("Whole days since the station made its last bundle"),
                days,
                lambda r: never if r.age_days is None else r.age_days,
                numeric=True,
            ),
            _Column(
                self.tr("Last\nimport"),
                self.tr("When headquarters last merged a bundle from this station"),
                lambda r: format_datetime(r.summary.last_import_at),
                lambda r: _timestamp(r.summary.last_import_at),
            ),
            _Column(
                self.tr("Held"),
                self.tr("Bundles that arrived early, kept until the missing ones come"),
                lambda r: format_sequences(r.summary.held),
                lambda r: len(r.summary.held),
            ),
            _Column(
                self.tr("Missing"),
                self.tr("Bundle numbers not received yet"),
                lambda r: format_sequences(r.summary.missing),
                lambda r: len(r.summary.missing),
            ),
            _Column(
                self.tr("Clock"),
                self.tr("How far the station's clock ran ahead when it made its last bundle"),
                lambda r: format_skew(r.summary.clock_skew_seconds),
                lambda r: r.summary.clock_skew_seconds or 0,
            ),
            _Column(
                self.tr("Key"),
                self.tr("The state of the station's signing key"),
                lambda r: names.key_status(r.summary.key_status),
                lambda r: r.summary.key_status,
            ),
        ]

    # ------------------------------------------------------------------ content

    def set_stations(
        self,
        summaries: Sequence[StationSummary],
        districts: dict[str, str],
        now: datetime,
        overdue_days: int,
    ) -> None:
        self.beginResetModel()
        self.overdue_days = overdue_days
        self._rows = [station_row(s, _district(s, districts), now, overdue_days) for s in summaries]
        self._now = now
        self.endResetModel()

    def set_overdue_days(self, days: int) -> None:
        """Work out who is overdue again, without asking the store."""
        if not self._rows:
            self.overdue_days = days
            return
        self.set_stations(
            [r.summary for r in self._rows],
            {r.summary.district_code or "": r.district for r in self._rows},
            self._now,
            days,
        )

    def rows(self) -> list[StationRow]:
        return list(self._rows)

    def row_for(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.summary.code == code), -1)

    def status_text(self, row: StationRow) -> str:
        if row.attention == GAP:
            missing = row.summary.missing or row.summary.held
            return self.tr("Bundles missing: {numbers}").format(numbers=format_sequences(missing))
        return self._status_texts[row.attention]

    def status_tooltip(self, row: StationRow) -> str:
        s = row.summary
        if row.attention == GAP:
            return self.tr(
                "Bundles {missing} from this station have not arrived; {held} wait here and are "
                "merged as soon as the missing ones are imported."
            ).format(missing=format_sequences(s.missing), held=format_sequences(s.held))
        if row.attention == OVERDUE:
            return self.tr(
                "No bundle from this station for {days} days (overdue after {limit})."
            ).format(days=format_count(row.age_days or 0), limit=format_count(self.overdue_days))
        if row.attention == NEVER:
            return self.tr("Enrolled, but no bundle from this station has been merged yet.")
        if row.attention == REVOKED:
            return self.tr("Its bundles are refused until it is enrolled again.")
        return self.tr("Bundles arrive in order and on time.")

    # ------------------------------------------------------------------ Qt model

    def _row_data(self, row: StationRow, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return self._columns[column].sort(row)
        if role == CODE_ROLE:
            return row.summary.code
        if role == ATTENTION_ROLE:
            return row.attention
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS:
                return self.status_tooltip(row)
            if column == CODE:
                return row.summary.name
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.attention == REVOKED:
            return QApplication.palette().brush(QApplication.palette().ColorRole.PlaceholderText)
        if (role == Qt.ItemDataRole.DecorationRole and column == STATUS) or role in TINT_ROLES:
            return _LOOKS[row.attention].data(role)
        return None
