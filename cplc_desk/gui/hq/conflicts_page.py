"""Headquarters' Conflicts page: the merge's queue of station edits that crossed another version
of the same record. An analyst picks one, compares the version headquarters held with the one
the station sent, field by field (differences marked with a sign and a tint, never colour
alone), and keeps one. Resolving goes through ``services.conflicts.resolve``: who and when are
recorded in the conflict and the audit trail, and a kept version that the record does not show
yet is written through the ordinary write path.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell.areas import CONFLICTS, area
from cplc_desk.gui.widgets import dialogs, names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.gui.widgets.page_heading import area_heading, table_page_layout
from cplc_desk.gui.widgets.records_page import RecordsPage
from cplc_desk.gui.widgets.row_model import ALERT_TINT
from cplc_desk.gui.widgets.tables import read_only_rows
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.hq import conflicts
from cplc_desk.services.hq.conflicts import ConflictDetail, ConflictSummary

# Queue columns and comparison columns.
(Q_RECORD, Q_KIND, Q_STATION, Q_BUNDLE, Q_DETECTED, Q_FIELDS, Q_SHOWN, Q_RESOLVED) = range(8)
(C_MARK, C_FIELD, C_HELD, C_INCOMING) = range(4)
DIFFERS_MARK = "≠"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2  # the field's column name
translate = QCoreApplication.translate


def value_text(value: Any) -> str:
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) > 19 and value[10:11] == "T":
        try:  # a time in an image (UTC ISO text): shown as every other time is
            return format_datetime(datetime.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


def _shown(table: str, field: str, value: object) -> str:
    if isinstance(value, str):
        if field == "status":
            if table == "complaint":
                return names.complaint_status(value)
            if table == "vehicle_report":
                return names.vehicle_report_status(value)
        if field == "kind" and table == "vehicle_report":
            return names.vehicle_report_kind(value)
    return value_text(value)


# Record fields as people say them.
_FIELD_LABELS = {
    "narrative": QT_TRANSLATE_NOOP("Conflicts", "What happened"),
    "status": QT_TRANSLATE_NOOP("Conflicts", "Status"),
    "category_code": QT_TRANSLATE_NOOP("Conflicts", "Category"),
    "police_station_code": QT_TRANSLATE_NOOP("Conflicts", "Police station"),
    "incident_at": QT_TRANSLATE_NOOP("Conflicts", "When it happened"),
    "incident_place": QT_TRANSLATE_NOOP("Conflicts", "Where it happened"),
    "fir_number": QT_TRANSLATE_NOOP("Conflicts", "FIR number"),
    "fir_date": QT_TRANSLATE_NOOP("Conflicts", "FIR date"),
    "next_follow_up_on": QT_TRANSLATE_NOOP("Conflicts", "Next follow-up"),
    "number": QT_TRANSLATE_NOOP("Conflicts", "Number"),
    "name": QT_TRANSLATE_NOOP("Conflicts", "Name"),
    "relative_name": QT_TRANSLATE_NOOP("Conflicts", "Father's or husband's name"),
    "cnic": QT_TRANSLATE_NOOP("Conflicts", "CNIC"),
    "mobile": QT_TRANSLATE_NOOP("Conflicts", "Mobile"),
    "address": QT_TRANSLATE_NOOP("Conflicts", "Address"),
    "registration": QT_TRANSLATE_NOOP("Conflicts", "Registration"),
    "chassis": QT_TRANSLATE_NOOP("Conflicts", "Chassis number"),
    "engine": QT_TRANSLATE_NOOP("Conflicts", "Engine number"),
    "deleted_at": QT_TRANSLATE_NOOP("Conflicts", "Removed at"),
    "deleted_by": QT_TRANSLATE_NOOP("Conflicts", "Removed by"),
    "note": QT_TRANSLATE_NOOP("Conflicts", "Note"),
    "complainant_id": QT_TRANSLATE_NOOP("Conflicts", "Complainant (record id)"),
    "owner_id": QT_TRANSLATE_NOOP("Conflicts", "Owner (record id)"),
    "legacy_ref": QT_TRANSLATE_NOOP("Conflicts", "Legacy register reference"),
    "kind": QT_TRANSLATE_NOOP("Conflicts", "Kind"),
    "vehicle_class": QT_TRANSLATE_NOOP("Conflicts", "Vehicle class"),
    "make": QT_TRANSLATE_NOOP("Conflicts", "Make"),
    "model": QT_TRANSLATE_NOOP("Conflicts", "Model"),
    "colour": QT_TRANSLATE_NOOP("Conflicts", "Colour"),
}


def field_label(name: str) -> str:
    """A record field's name as people say it (the column name when there is no label)."""
    return names.named("Conflicts", _FIELD_LABELS, name)


class ConflictsPage(RecordsPage):
    """``records_changed``: a kept version was written to its record."""

    area_key = CONFLICTS
    shows = Changes.CONFLICTS | Changes.RECORDS

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._summaries: list[ConflictSummary] = []
        self.detail: ConflictDetail | None = None
        heading, self.purpose_label = area_heading(self, area(CONFLICTS, headquarters=True))

        self.show_resolved = QCheckBox(self.tr("Show resolved conflicts too"))
        self.show_resolved.toggled.connect(lambda _=False: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.show_resolved)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.queue = QTableWidget(0, 8)
        self.queue.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Kind"),
                self.tr("Station"),
                self.tr("Bundle"),
                self.tr("Detected"),
                self.tr("Fields that differ"),
                self.tr("Shown now"),
                self.tr("Resolved"),
            ]
        )
        self.queue.setAccessibleName(self.tr("Conflicts"))
        read_only_rows(self.queue)

        lower = self._build_comparison()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.queue)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)

        self.summary_label = QLabel()
        self.empty_label = QLabel(
            self.tr(
                "No conflict is waiting. A conflict appears here when a station sends an edit "
                "of a record that does not follow from the version headquarters holds."
            )
        )
        self.banner = MessageBanner()
        table_page_layout(
            self, heading, self.purpose_label, top, self.empty_label, splitter,
            self.summary_label, self.banner,
        )  # fmt: skip
        self._splitter = splitter

        self.queue.itemSelectionChanged.connect(self._on_selection)
        self.refresh()

    def _build_comparison(self) -> QWidget:
        self.compare = QTableWidget(0, 4)
        self.compare.setHorizontalHeaderLabels(
            ["", self.tr("Field"), self.tr("Held at headquarters"), self.tr("Sent by the station")]
        )
        self.compare.setAccessibleName(self.tr("The two versions side by side"))
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.verticalHeader().hide()
        self.compare.setWordWrap(True)
        header = self.compare.horizontalHeader()
        header.setSectionResizeMode(C_MARK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(C_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(C_HELD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(C_INCOMING, QHeaderView.ResizeMode.Stretch)

        self.compare_label = QLabel()
        self.compare_label.setWordWrap(True)
        self.only_differences = QCheckBox(self.tr("Only the fields that differ"))
        self.only_differences.toggled.connect(lambda _=False: self._show_comparison())
        self.keep_held_button = QPushButton(self.tr("Keep the held version"))
        self.keep_incoming_button = QPushButton(self.tr("Keep the station's version"))
        self.keep_held_button.clicked.connect(lambda: self.resolve_selected(conflicts.HELD))
        self.keep_incoming_button.clicked.connect(lambda: self.resolve_selected(conflicts.INCOMING))
        buttons = QHBoxLayout()
        buttons.addWidget(self.only_differences)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_held_button)
        buttons.addWidget(self.keep_incoming_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.compare_label)
        lower_layout.addWidget(self.compare, 1)
        lower_layout.addLayout(buttons)
        return lower

    # ------------------------------------------------------------------ the queue

    def refresh(self) -> None:
        selected = self.selected_id()
        try:
            self._summaries = conflicts.list_conflicts(
                self.ctx, include_resolved=self.show_resolved.isChecked()
            )
        except DeskError as exc:
            self._summaries = []
            self.banner.show_message(ERROR, str(exc))
        self.queue.setRowCount(0)
        for summary in self._summaries:
            self._add_row(summary)
        open_count = sum(1 for s in self._summaries if s.resolved_at is None)
        self.summary_label.setText(
            self.tr("Conflicts waiting: {n}").format(n=format_count(open_count))
        )
        self.empty_label.setVisible(not self._summaries)
        self._splitter.setVisible(bool(self._summaries))
        if selected is None or not self.select_id(selected):
            if self._summaries:
                self.queue.selectRow(0)
            else:
                self._on_selection()

    def _add_row(self, s: ConflictSummary) -> None:
        row = self.queue.rowCount()
        self.queue.insertRow(row)
        kinds = {
            "complaint": self.tr("Complaint"),
            "complaint_event": self.tr("Complaint follow-up"),
            "vehicle_report": self.tr("Vehicle report"),
            "person": self.tr("Person"),
        }
        shown = {
            conflicts.HELD: self.tr("Held version"),
            conflicts.INCOMING: self.tr("Station's version"),
        }
        resolved = (
            self.tr("{who}, {when}: kept the {which}").format(
                who=s.resolved_by,
                when=format_datetime(s.resolved_at),
                which=shown.get(s.resolution or "", "").lower(),
            )
            if s.resolved_at
            else self.tr("Waiting")
        )
        texts = {
            Q_RECORD: s.record_label,
            Q_KIND: kinds.get(s.table_name, s.table_name),
            Q_STATION: s.station_code,
            Q_BUNDLE: format_count(s.bundle_sequence),
            Q_DETECTED: format_datetime(s.detected_at),
            Q_FIELDS: ", ".join(field_label(f) for f in s.differing) or NOTHING,
            Q_SHOWN: shown.get(s.winner, s.winner),
            Q_RESOLVED: resolved,
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, s.id)
            self.queue.setItem(row, column, item)

    def selected_id(self) -> int | None:
        rows = self.queue.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return int(value) if value is not None else None

    def select_id(self, conflict_id: int) -> bool:
        for row in range(self.queue.rowCount()):
            item = self.queue.item(row, 0)
            if item is not None and item.data(ID_ROLE) == conflict_id:
                self.queue.selectRow(row)
                return True
        return False

    # ------------------------------------------------------------------ comparing

    def _on_selection(self) -> None:
        conflict_id = self.selected_id()
        self.detail = None
        if conflict_id is not None:
            try:
                self.detail = conflicts.detail(self.ctx, conflict_id)
            except DeskError as exc:
                self.banner.show_message(ERROR, str(exc))
        self._show_comparison()

    def _show_comparison(self) -> None:
        detail = self.detail
        self.compare.setRowCount(0)
        waiting = detail is not None and detail.summary.resolved_at is None
        self.keep_held_button.setEnabled(waiting)
        self.keep_incoming_button.setEnabled(waiting)
        if detail is None:
            self.compare_label.setText(self.tr("Choose a conflict above to compare its versions."))
            return
        s = detail.summary
        self.compare_label.setText(
            self.tr(
                "{record}: headquarters held version {held} (changed by {held_by}); {station} "
                "sent version {incoming} (changed by {incoming_by}) in bundle {bundle}. Fields "
                "that differ are marked {mark}."
            ).format(
                record=s.record_label,
                held=s.held_version,
                held_by=detail.held_updated[0] or NOTHING,
                station=s.station_code,
                incoming=s.incoming_version,
                incoming_by=detail.incoming_updated[0] or NOTHING,
                bundle=s.bundle_sequence,
                mark=DIFFERS_MARK,
            )
        )
        bold = QFont(self.compare.font())
        bold.setBold(True)
        # The differing fields first: they are what the analyst decides on.
        for f in sorted(detail.fields, key=lambda f: not f.differs):
            if self.only_differences.isChecked() and not f.differs:
                continue
            if f.field.endswith("_key") or f.field == "legacy_key":
                continue  # derived search keys: their source field is shown

            row = self.compare.rowCount()
            self.compare.insertRow(row)
            values = (
                DIFFERS_MARK if f.differs else "",
                field_label(f.field),
                _shown(s.table_name, f.field, f.held),
                _shown(s.table_name, f.field, f.incoming),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(FIELD_ROLE, f.field)
                if f.differs:
                    item.setBackground(QBrush(ALERT_TINT[0]))
                    item.setForeground(QBrush(ALERT_TINT[1]))
                    item.setFont(bold)
                    item.setToolTip(self.tr("The two versions differ here"))
                self.compare.setItem(row, column, item)
        self.compare.resizeRowsToContents()

    def differing_rows(self) -> list[str]:
        """The fields (column names) the comparison marks as different, as shown."""
        out = []
        for row in range(self.compare.rowCount()):
            mark = self.compare.item(row, C_MARK)
            if mark is not None and mark.text() == DIFFERS_MARK:
                out.append(str(mark.data(FIELD_ROLE)))
        return out

    # ------------------------------------------------------------------ resolving

    def resolve_selected(self, choice: str) -> None:
        detail = self.detail
        if detail is None:
            return
        s = detail.summary
        which = (
            self.tr("the version headquarters held (version {n})").format(n=s.held_version)
            if choice == conflicts.HELD
            else self.tr("the version {station} sent (version {n})").format(
                station=s.station_code, n=s.incoming_version
            )
        )
        if not dialogs.confirm(
            self,
            self.tr("Resolve conflict"),
            self.tr(
                "Keep {which} of {record}? The other version stays in the conflict's history; "
                "your name and the time are recorded."
            ).format(which=which, record=s.record_label),
        ):
            return
        said = self.tr("{record}: kept {which}.").format(record=s.record_label, which=which)
        if self._act(lambda: conflicts.resolve(self.ctx, s.id, choice), lambda _none: said):
            self.announce(Changes.CONFLICTS | Changes.RECORDS)
