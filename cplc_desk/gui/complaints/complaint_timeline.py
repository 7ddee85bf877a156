"""A complaint's timeline as a table, oldest first: each status change and follow-up with when,
who, the note and the next follow-up date set then."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cplc_desk.domain.enums import ComplaintEventKind
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_date, format_datetime
from cplc_desk.services.complaints.complaints import TimelineEntry

translate = QCoreApplication.translate

WHEN, WHAT, BY, NOTE, NEXT = range(5)


format_day = format_date  # the timeline's name for it (complaint_detail uses it too)


def describe(entry: TimelineEntry) -> str:
    """What happened, in words: "Registered", "Referred to police → FIR lodged", "Follow-up"."""
    if entry.kind == ComplaintEventKind.FOLLOW_UP:
        return translate("ComplaintTimeline", "Follow-up")
    if entry.from_status is None and entry.to_status is not None:
        return names.complaint_status(entry.to_status)
    return translate("ComplaintTimeline", "{before} → {after}").format(
        before=names.complaint_status(entry.from_status or ""),
        after=names.complaint_status(entry.to_status or ""),
    )


class ComplaintTimelineWidget(QTableWidget):
    """Read-only; long notes wrap onto more lines rather than being cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What happened"),
                self.tr("By"),
                self.tr("Note"),
                self.tr("Next follow-up"),
            ]
        )
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (WHEN, WHAT, BY, NEXT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        # Row heights follow the note column's width, which changes with the window.
        header.sectionResized.connect(self._on_section_resized)

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                format_datetime(entry.occurred_at),
                describe(entry),
                entry.by,
                entry.note or NOTHING,
                format_day(entry.next_follow_up_on),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
                self.setItem(row, column, item)
        self.resizeRowsToContents()
        if entries:
            self.scrollToBottom()

    def _on_section_resized(self, index: int, _old: int, _new: int) -> None:
        if index == NOTE:
            self.resizeRowsToContents()

    def row_texts(self) -> list[tuple[str, ...]]:
        """Each row's cells, oldest first (for tests and for reading aloud)."""
        rows = []
        for row in range(self.rowCount()):
            items = [self.item(row, column) for column in range(self.columnCount())]
            rows.append(tuple(item.text() if item is not None else "" for item in items))
        return rows
