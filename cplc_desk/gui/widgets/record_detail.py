"""What the vehicle and phone report windows share: the read-only form of a record's values
(each selectable, plain text, "–" for nothing), the owner written out in full, and the window
itself (``ReportDetailDialog``: its heading, the values, the owner's receipt again, Close)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.widgets.formats import NOTHING, format_date, format_datetime
from cplc_desk.gui.widgets.layouts import Item, stack
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import ReceiptPanel
from cplc_desk.gui.widgets.report_kinds import ReportKinds
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext

translate = QCoreApplication.translate


def value_label(text: str = "") -> QLabel:
    """A record's value: plain text (typed by people, never read as HTML), wrapped, selectable."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def values_form(rows: Sequence[tuple[str, str, str]]) -> tuple[QFormLayout, dict[str, QLabel]]:
    """A form of (key, label, value) rows, and the value labels by key."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    values: dict[str, QLabel] = {}
    for key, label, value in rows:
        values[key] = value_label(value or NOTHING)
        form.addRow(label, values[key])
    return form, values


def owner_text(
    name: str | None,
    relative: str | None,
    cnic: str | None,
    mobile: str | None,
    address: str | None,
) -> str:
    """The owner, one line each: name (with the father's or husband's), CNIC, mobile, address."""
    if not name:
        return ""
    first = name
    if relative:
        first = translate("RecordDetail", "{name} (father's / husband's name: {relative})").format(
            name=name, relative=relative
        )
    return "\n".join([first, *(x for x in (cnic, mobile, address) if x)])


Row = tuple[str, str, str]  # key, label, value


class ReportDetailDialog(QDialog):
    """A report, read-only: its number, kind and status, its values, the owner's receipt again
    (marked COPY once one went out, on any paper) and Close. A subclass gives its kind of report
    (``REPORTS``, which also reads the report: with the fields every report has) and gives its
    own rows and words. Raises the
    service's error (ServiceError) when the report cannot be read."""

    REPORTS: ClassVar[ReportKinds]
    TASK_NAME: ClassVar[str]
    # The window's size, in characters and lines.
    SIZE: ClassVar[tuple[int, int]]

    def __init__(self, ctx: DeskContext, report_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = self._view(ctx, report_id)  # full CNIC: audited as viewed
        self.setWindowTitle(self._title(self.detail.number))
        self._lay_out(ctx)

    def _view(self, ctx: DeskContext, report_id: str) -> Any:
        """The report, read by the kind's list service."""
        return self.REPORTS.listing.view(ctx, report_id)

    def _title(self, number: str) -> str:
        raise NotImplementedError

    def _own_rows(self) -> list[Row]:
        """The report's own values, before every report's."""
        raise NotImplementedError

    def _under_values(self) -> list[Item]:
        """What comes under the values (the room left, when nothing)."""
        return []

    def _lay_out(self, ctx: DeskContext) -> None:
        d = self.detail
        kind, status = self.REPORTS.kind_name(d.kind), self.REPORTS.status_name(d.status)
        heading = emphasise(
            QLabel(
                self.tr("{number} · {kind} · {status}").format(
                    number=d.number, kind=kind, status=status
                )
            ),
            1.3,
        )
        heading.setWordWrap(True)
        form, self.values = values_form([*self._own_rows(), *self._report_rows(ctx)])
        self._jobs = OperationRunner(self.TASK_NAME, self)
        self.receipt_panel = ReceiptPanel(ctx, self._jobs, source=self.REPORTS.receipts)
        self.receipt_panel.set_record(d.id, d.number)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        extra = self._under_values()
        layout = stack(QVBoxLayout(self), heading, form, *extra)
        if not extra:
            layout.addStretch(1)  # the room left goes under the values
        stack(layout, self.receipt_panel, buttons)
        metrics = self.fontMetrics()
        chars, lines = self.SIZE
        self.resize(QSize(metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines))

    def done(self, result: int) -> None:
        # Answers must not arrive for a closed window; a receipt job takes a moment at most.
        self._jobs.wait_idle()
        super().done(result)

    def _report_rows(self, ctx: DeskContext) -> list[Row]:
        """When and where, the police station, the FIR, the owner, the match, who registered it."""
        d = self.detail
        station = reference.station(ctx, d.police_station_code)
        fir = d.fir_number or ""
        if fir and d.fir_date:
            fir = self.tr("{number} of {date}").format(number=fir, date=format_date(d.fir_date))
        owner = owner_text(
            d.owner_name, d.owner_relative_name, d.owner_cnic, d.owner_mobile, d.owner_address
        )
        registered = self.tr("{when} by {who} at {desk}").format(
            when=format_datetime(d.created_at), who=d.created_by, desk=d.origin_desk
        )
        return [
            ("incident_at", self.tr("When:"), format_datetime(d.incident_at) if d.incident_at else ""),
            ("incident_place", self.tr("Where:"), d.incident_place or ""),
            ("station", self.tr("Police station:"), station.name if station else d.police_station_code),
            ("fir", self.tr("FIR:"), fir),
            ("owner", self.tr("Owner:"), owner),
            ("matched", self.tr("Matched to:"), d.matched_number or ""),
            ("registered", self.tr("Registered:"), registered),
        ]  # fmt: skip
