"""One complaint's window: the record itself (full CNIC and mobile: this is where the desk reads
them), its timeline, and what can be done next: a status the workflow allows, a follow-up
note, a receipt (a second print is marked COPY by the service).

Every change goes through the services on a worker thread, then the complaint is read again and
``changed`` tells the list behind it to refresh that row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.clock import now_utc, to_local
from cplc_desk.domain.enums import ComplaintStatus
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import FieldError
from cplc_desk.domain.workflow import FINISHED, check_transition
from cplc_desk.gui.complaints.complaint_actions import FollowUpBox, StatusChangeBox
from cplc_desk.gui.complaints.complaint_timeline import ComplaintTimelineWidget, format_day
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.message_banner import ERROR, SUCCESS, MessageBanner
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import ReceiptPanel
from cplc_desk.gui.widgets.record_detail import value_label
from cplc_desk.gui.widgets.typography import emphasise, make_quiet
from cplc_desk.services.complaints import complaints
from cplc_desk.services.complaints.complaints import ComplaintDetail
from cplc_desk.services.desk.context import DeskContext, ServiceError


def format_incident(value: datetime | None) -> str:
    """The incident's date and time; the date alone when no time was given (stored as 00:00)."""
    if value is None:
        return NOTHING
    local = to_local(value)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return format_day(local.date())
    return format_datetime(value)


class ComplaintDetailDialog(QDialog):
    """``changed`` carries the complaint's id after each change made here."""

    changed = Signal(str)

    def __init__(self, ctx: DeskContext, complaint_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_id = complaint_id
        self._viewed = False
        self.detail: ComplaintDetail | None = None
        self._jobs = OperationRunner("cplc-complaint-detail", self)
        self.actions_done = 0  # counted, not signalled: see widgets.operations
        self.setWindowTitle(self.tr("Complaint — CPLC Desk"))
        self._build()
        self.reload()
        self._size_to_text()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.number_label = emphasise(value_label(), 1.6)
        self.number_label.setWordWrap(False)  # a receipt number is read as one piece
        self.status_label = emphasise(value_label(), 1.2)
        self.summary_label = value_label()
        self.registered_label = make_quiet(value_label())
        header = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addSpacing(16)
        top.addWidget(self.status_label)
        top.addStretch(1)
        header.addLayout(top)
        header.addWidget(self.summary_label)
        header.addWidget(self.registered_label)

        left_scroll = self._build_details()

        right = self._build_timeline()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self._splitter = splitter
        splitter.setChildrenCollapsible(False)

        self.banner = MessageBanner()
        self.receipt_panel = ReceiptPanel(self.ctx, self._jobs)
        receipt_hint = make_quiet(QLabel(self.tr("A receipt printed again is marked COPY.")))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.receipt_panel, 1)
        bottom.addWidget(receipt_hint)
        bottom.addSpacing(12)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        stack(QVBoxLayout(self), header, (splitter, 1), self.banner, bottom)

        self.status_box.requested.connect(self.change_status)
        self.follow_up_box.requested.connect(self.add_follow_up)
        self.close_button.clicked.connect(self.accept)

    def _build_details(self) -> QScrollArea:
        self.fields: dict[str, QLabel] = {}

        def group(title: str, rows: list[tuple[str, str]]) -> QGroupBox:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key, text in rows:
                self.fields[key] = value_label()
                form.addRow(text, self.fields[key])
            return box

        person = group(
            self.tr("Complainant"),
            [
                ("complainant", self.tr("Name:")),
                ("relative_name", self.tr("Father's / husband's name:")),
                ("cnic", self.tr("CNIC:")),
                ("mobile", self.tr("Mobile:")),
                ("address", self.tr("Address:")),
            ],
        )
        incident = group(
            self.tr("Incident"),
            [
                ("incident_at", self.tr("When:")),
                ("incident_place", self.tr("Place:")),
                ("fir_number", self.tr("FIR number:")),
                ("fir_date", self.tr("FIR date:")),
            ],
        )
        narrative_box = QGroupBox(self.tr("What happened"))
        self.narrative_label = value_label()
        self.narrative_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        QVBoxLayout(narrative_box).addWidget(self.narrative_label)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(person)
        left_layout.addWidget(incident)
        left_layout.addWidget(narrative_box)
        left_layout.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        # Values wrap to the column's width instead of running off to the side.
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        return left_scroll

    def _build_timeline(self) -> QWidget:
        self.timeline = ComplaintTimelineWidget()
        self.status_box = StatusChangeBox()
        self.follow_up_box = FollowUpBox()
        self.action_tabs = QTabWidget()
        self.action_tabs.addTab(self.status_box, self.tr("Change status"))
        self.action_tabs.addTab(self.follow_up_box, self.tr("Add follow-up"))
        timeline_title = emphasise(QLabel(self.tr("Timeline")))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(timeline_title)
        right_layout.addWidget(self.timeline, 1)
        right_layout.addWidget(self.action_tabs)
        return right

    def _size_to_text(self) -> None:
        metrics = self.fontMetrics()
        wanted = QSize(metrics.averageCharWidth() * 190, metrics.lineSpacing() * 58)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableSize() * 0.95)
        self.resize(wanted)
        self._splitter.setSizes([wanted.width() * 2 // 5, wanted.width() * 3 // 5])

    # ------------------------------------------------------------------ showing

    def reload(self) -> bool:
        """Read the complaint again from the store and show it; False if it is gone."""
        try:
            # Opening the record shows the full CNIC and mobile: audited once, not per reload.
            if self._viewed:
                detail = complaints.get(self.ctx, self.complaint_id)
            else:
                detail = complaints.view(self.ctx, self.complaint_id)
                self._viewed = True
        except ServiceError as exc:
            self.detail = None
            self.banner.show_message(ERROR, str(exc))
            self.action_tabs.setEnabled(False)
            self.receipt_panel.setEnabled(False)
            return False
        self._show(detail)
        return True

    def _show(self, d: ComplaintDetail) -> None:
        self.detail = d
        self.setWindowTitle(self.tr("Complaint {number} — CPLC Desk").format(number=d.number))
        self.number_label.setText(d.number)
        self.status_label.setText(names.complaint_status(d.status))
        summary = self.tr("{category} · Police station: {station}").format(
            category=d.category_name, station=d.police_station_name
        )
        if d.next_follow_up_on is not None:
            summary += " · " + self.tr("Next follow-up: {day}").format(
                day=format_day(d.next_follow_up_on)
            )
        self.summary_label.setText(summary)
        self.registered_label.setText(
            self.tr("Registered {when} by {who} at desk {desk}").format(
                when=format_datetime(d.created_at), who=d.created_by, desk=d.origin_desk
            )
        )
        values = {
            "complainant": d.complainant,
            "relative_name": d.relative_name,
            "cnic": d.cnic,
            "mobile": d.mobile,
            "address": d.address,
            "incident_at": format_incident(d.incident_at),
            "incident_place": d.incident_place,
            "fir_number": d.fir_number,
            "fir_date": format_day(d.fir_date) if d.fir_date else None,
        }
        for key, value in values.items():
            self.fields[key].setText(value or NOTHING)
        self.narrative_label.setText(d.narrative)
        self.timeline.set_entries(d.timeline)
        today = to_local(now_utc()).date()
        allowed = d.allowed_statuses
        supervised = ComplaintStatus(d.status) in FINISHED and not self.ctx.actor.permits(
            Permission.CORRECT_CLOSED
        )
        # The service offers (and allows) a reopening only to a supervisor.
        self.status_box.set_choices(d.status, () if supervised else allowed, today)
        if supervised:
            self.status_box.ended_label.setText(
                self.tr("This complaint is {status}: only a supervisor can reopen it.").format(
                    status=names.complaint_status(d.status)
                )
            )
        self.follow_up_box.reset(d.status, today)
        self.action_tabs.setEnabled(True)
        self.receipt_panel.setEnabled(True)
        self.receipt_panel.set_record(d.id, d.number)

    # ------------------------------------------------------------------ acting

    def change_status(self) -> None:
        d = self.detail
        target = self.status_box.target()
        if d is None or not target:
            return
        note = self.status_box.note()
        next_on = self.status_box.follow_up.value()
        try:
            # The domain's own check, at once; the service checks again when it writes.
            check_transition(
                ComplaintStatus(d.status),
                ComplaintStatus(target),
                note,
                may_correct=self.ctx.actor.permits(Permission.CORRECT_CLOSED),
            )
        except FieldError as exc:
            self.status_box.show_field_error(exc.field, exc.message)
            return
        ctx, complaint_id, version = self.ctx, d.id, d.version
        done = self.tr("Status changed to “{status}”.").format(
            status=names.complaint_status(target)
        )
        self._start(
            lambda: complaints.change_status(ctx, complaint_id, target, note, next_on, version),
            done,
            self.status_box.show_field_error,
        )

    def add_follow_up(self) -> None:
        d = self.detail
        if d is None:
            return
        note = self.follow_up_box.note()
        next_on = self.follow_up_box.follow_up.value()
        ctx, complaint_id, version = self.ctx, d.id, d.version
        self._start(
            lambda: complaints.add_follow_up(ctx, complaint_id, note, next_on, version),
            self.tr("Follow-up added."),
            self.follow_up_box.show_field_error,
        )

    def _start(
        self,
        work: Callable[[], object],
        done_text: str,
        show_field_error: Callable[[str, str], None],
    ) -> None:
        self.banner.clear_message()
        self.action_tabs.setEnabled(False)

        def done(_result: object) -> None:
            self.reload()
            self.banner.show_message(SUCCESS, done_text)
            self.actions_done += 1
            self.changed.emit(self.complaint_id)

        def failed(exc: BaseException) -> None:
            self.action_tabs.setEnabled(True)
            if isinstance(exc, FieldError):
                show_field_error(exc.field, exc.message)
            elif isinstance(exc, ServiceError):
                # Someone else changed it, or it is closed now: show what it is now.
                self.reload()
                self.banner.show_message(ERROR, str(exc))
            else:
                self.actions_done += 1
                raise exc
            self.actions_done += 1

        self._jobs.submit(work, done, failed)

    def is_busy(self) -> bool:
        """Whether a change or a receipt is still being made."""
        return self._jobs.is_busy()

    def done(self, result: int) -> None:
        self._jobs.wait_idle()
        super().done(result)
