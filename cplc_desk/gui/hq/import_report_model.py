"""The report of one import at headquarters, as an item model: a row per bundle file with what
happened to it. Refused and held rows carry an icon and a tint as well as the word."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QStyle

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING
from cplc_desk.gui.widgets.row_model import (
    ALERT_TINT,
    TINT_ROLES,
    WARNING_TINT,
    Look,
    RowTableModel,
)
from cplc_desk.sync.importer import BundleOutcome, ImportStatus

ACCEPTED = ImportStatus.ACCEPTED
ALREADY_IMPORTED = ImportStatus.ALREADY_IMPORTED
HELD = ImportStatus.HELD
REFUSED = ImportStatus.REFUSED
COUNT_KEYS = ("new", "updated", "unchanged", "conflicts")

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1

(FILE, STATION, BUNDLE, RESULT, NEW, UPDATED, UNCHANGED, CONFLICTS, MESSAGE) = range(9)

_LOOKS = {
    ACCEPTED: Look(QStyle.StandardPixmap.SP_DialogApplyButton),
    ALREADY_IMPORTED: Look(QStyle.StandardPixmap.SP_MessageBoxInformation),
    HELD: Look(QStyle.StandardPixmap.SP_MessageBoxWarning, WARNING_TINT),
    REFUSED: Look(QStyle.StandardPixmap.SP_MessageBoxCritical, ALERT_TINT),
}


@dataclass(frozen=True)
class _Column:
    header: str
    text: Callable[[BundleOutcome], str]
    numeric: bool = False


def _count(key: str) -> Callable[[BundleOutcome], str]:
    def text(outcome: BundleOutcome) -> str:
        # Only a merged bundle has counts; a dash says "nothing merged", not "zero records".
        return format_count(outcome.counts[key]) if key in outcome.counts else NOTHING

    return text


class ImportReportModel(RowTableModel):
    def __init__(self, station_names: dict[str, str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[BundleOutcome] = []
        self._station_names = station_names or {}
        self._columns = [
            _Column(self.tr("File"), lambda o: Path(o.file).name),
            _Column(self.tr("Station"), lambda o: o.station or NOTHING),
            _Column(
                self.tr("Bundle"),
                lambda o: NOTHING if o.sequence is None else format_count(o.sequence),
                numeric=True,
            ),
            _Column(self.tr("Result"), lambda o: names.bundle_result(o.status)),
            _Column(self.tr("New"), _count("new"), numeric=True),
            _Column(self.tr("Updated"), _count("updated"), numeric=True),
            _Column(self.tr("Unchanged"), _count("unchanged"), numeric=True),
            _Column(self.tr("Conflicts"), _count("conflicts"), numeric=True),
            _Column(self.tr("Message"), lambda o: o.message),
        ]

    def set_outcomes(self, outcomes: Sequence[BundleOutcome]) -> None:
        self.beginResetModel()
        self._rows = list(outcomes)
        self.endResetModel()

    def outcomes(self) -> list[BundleOutcome]:
        return list(self._rows)

    def results(self) -> Counter[str]:
        """How many bundles ended how (accepted, held ...)."""
        return Counter(o.status for o in self._rows)

    def record_counts(self) -> dict[str, int]:
        """New, updated, unchanged and conflicting records over every merged bundle."""
        return {key: sum(o.counts.get(key, 0) for o in self._rows) for key in COUNT_KEYS}

    # ------------------------------------------------------------------ Qt model

    def _row_data(self, outcome: BundleOutcome, column: int, role: int) -> Any:
        if role == STATUS_ROLE:
            return outcome.status
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FILE:
                return outcome.file
            if column == STATION and outcome.station:
                return self._station_names.get(outcome.station, outcome.station)
            if column == MESSAGE:
                return outcome.message or None
            return None
        if (role == Qt.ItemDataRole.DecorationRole and column == RESULT) or role in TINT_ROLES:
            return _LOOKS.get(outcome.status, Look()).data(role)
        return None
