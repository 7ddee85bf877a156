"""The audit trail viewer (supervisors at a station, headquarters staff): filters by person,
action, record and time range over a lazily loaded list, and extracts saved as CSV or PDF.

Reading a filter's first page and exporting are audited by the service (``audit.viewed``,
``audit.exported``)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets import dialogs, names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.services.accounts import audit_view
from cplc_desk.services.accounts.audit_view import AuditFilter, AuditRow
from cplc_desk.services.desk.context import DeskContext, ServiceError

Index = QModelIndex | QPersistentModelIndex
ACTION_COLUMN = 4
RECORD_COLUMN = 5
DETAILS_COLUMN = 6


def _record_number(row: AuditRow) -> str | None:
    """The receipt number a person knows the record by, when the entry names it."""
    if not row.record_id or '"number"' not in row.details:
        return None
    try:
        number = json.loads(row.details).get("number")
    except (ValueError, AttributeError):
        return None
    return number if isinstance(number, str) else None


class AuditModel(QAbstractTableModel):
    """Entries newest first, one keyset page at a time as the view scrolls."""

    load_failed = Signal(str)

    def __init__(
        self, ctx: DeskContext, parent: QObject | None = None, page_size: int = audit_view.PAGE
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.page_size = page_size
        self.filter = AuditFilter()
        self._rows: list[AuditRow] = []
        self._more = False
        self._headers = [
            self.tr("No."),
            self.tr("When (Pakistan time)"),
            self.tr("Desk"),
            self.tr("Person"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Details"),
        ]

    def set_filter(self, flt: AuditFilter) -> None:
        """Show the first page of ``flt`` (raises the service's error, old list kept)."""
        rows = audit_view.page(self._ctx, flt, None, self.page_size)
        self.beginResetModel()
        self.filter = flt
        self._rows = rows
        self._more = len(rows) == self.page_size
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        cell = self._rows[index.row()].as_cells()[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == ACTION_COLUMN:
                return names.audit_action(cell)  # the code itself in the tooltip and extracts
            if index.column() == RECORD_COLUMN:
                return _record_number(self._rows[index.row()]) or cell
        return cell

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or not self._rows:
            return
        try:
            rows = audit_view.page(self._ctx, self.filter, self._rows[-1].seq, self.page_size)
        except DeskError as exc:
            self._more = False
            self.load_failed.emit(str(exc))
            return
        self._more = len(rows) == self.page_size
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def loaded(self) -> int:
        return len(self._rows)


class AuditViewerWidget(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor_edit = QLineEdit()
        self.actor_edit.setPlaceholderText(self.tr("user name"))
        self.action_combo = QComboBox()
        self.action_combo.setEditable(True)
        self.action_combo.addItem("", "")
        for code in audit_view.actions():
            self.action_combo.addItem(names.audit_action(code), code)
        self.record_edit = QLineEdit()
        self.record_edit.setPlaceholderText(self.tr("number, id, CNIC or phone"))
        self.since_edit = QLineEdit()
        self.since_edit.setPlaceholderText("2026-11-01")
        self.until_edit = QLineEdit()
        self.until_edit.setPlaceholderText("2026-11-30")
        self.apply_button = QPushButton(self.tr("&Show"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Person:"), self.actor_edit)
        form.addRow(self.tr("&Action:"), self.action_combo)
        form.addRow(self.tr("&Record:"), self.record_edit)
        times = QHBoxLayout()
        times.addWidget(self.since_edit)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.until_edit)
        since_label = QLabel(self.tr("&From:"))
        since_label.setBuddy(self.since_edit)
        form.addRow(since_label, times)

        self.model = AuditModel(ctx, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.apply_button.clicked.connect(self.apply)
        for edit in (self.actor_edit, self.record_edit, self.since_edit, self.until_edit):
            edit.returnPressed.connect(self.apply)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.model.load_failed.connect(self.message.setText)

    def current_filter(self) -> AuditFilter:
        since, until = self.since_edit.text().strip(), self.until_edit.text().strip()
        return AuditFilter(
            actor=self.actor_edit.text().strip(),
            action=self._action_code(),
            record=self.record_edit.text().strip(),
            since=audit_view.parse_when(since) if since else None,
            until=audit_view.parse_when(until, end=True) if until else None,
        )

    def _action_code(self) -> str:
        """The chosen action's code; typed text is taken as a code or prefix ("record.")."""
        text = self.action_combo.currentText().strip()
        index = self.action_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.action_combo.itemData(index) or "")
        return text

    def apply(self) -> bool:
        try:
            self.model.set_filter(self.current_filter())
        except DeskError as exc:
            self.message.setText(str(exc))
            return False
        if self.model.loaded():
            for column in range(DETAILS_COLUMN):
                self.view.resizeColumnToContents(column)
        self.message.setText(
            self.tr("Showing the newest entries first; more load as you scroll.")
            if self.model.loaded()
            else self.tr("No entries match.")
        )
        return True

    def export(self, fmt: str) -> None:
        try:
            flt = self.current_filter()
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        suggested = self.ctx.paths.data_dir / f"audit-extract.{fmt}"
        name_filter = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("PDF (*.pdf)")
        target = dialogs.choose_save_file(
            self, self.tr("Save the audit extract"), suggested, name_filter
        )
        if target is None:
            return
        try:
            n = audit_view.export(self.ctx, flt, target, fmt)
        except (DeskError, OSError) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            self.tr("{n} entries saved to {path}.").format(n=format_count(n), path=target)
        )


class AuditViewerDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail — CPLC Desk"))
        self.viewer = AuditViewerWidget(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 160, metrics.lineSpacing() * 36)
        self.viewer.apply()
