"""Registering a complaint: one form, filled top to bottom with the keyboard, while the citizen
sits at the desk.

The boxes and their checks live in :mod:`complaint_entry`. Around them this dialog looks up
the complainant's earlier complaints once a valid CNIC or mobile number is typed, keeps what is
typed as a draft about a second after each change (so a power cut loses at most that second;
the next form offers to continue it), and registers the complaint on Save (Ctrl+S or
Ctrl+Enter), which turns the form into a confirmation with the receipt number and the receipt
buttons.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.records import DraftErrors
from cplc_desk.domain.validation import FieldError, parse_cnic, parse_mobile
from cplc_desk.gui.complaints.complaint_earlier import EarlierComplaintsPanel
from cplc_desk.gui.complaints.complaint_entry import ComplaintEntry
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import ReceiptPanel
from cplc_desk.gui.widgets.record_form import RecordFormDialog
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints.complaint_list import ComplaintRow
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.drafts import Draft
from cplc_desk.services.desk.records import Registered

DRAFT_KIND = "complaint"
LOOKUP_DELAY_MS = 500
EARLIER_LIMIT = 20


def _canonical(parse: Any, text: str) -> str:
    try:
        return str(parse(text)) if text.strip() else ""
    except FieldError:
        return ""


class ComplaintFormDialog(RecordFormDialog):
    """``registered`` carries the new complaint's id once it is saved."""

    registered = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Register a complaint — CPLC Desk"))
        self.result_registered: Registered | None = None
        self._saving = False
        self._looked_up: tuple[str, str] = ("", "")
        self._jobs = OperationRunner("cplc-complaint-form", self)
        self.earlier_checks = 0

        self.earlier_panel = EarlierComplaintsPanel()
        self.entry = ComplaintEntry(ctx, self.earlier_panel)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form_page())
        self.stack.addWidget(self._build_done_page())
        QVBoxLayout(self).addWidget(self.stack)
        self._keep_drafts(DRAFT_KIND, self.entry.data, self.entry.has_content)
        self._connect()
        self.reset_form()
        self._size_to_text()
        self.offer_draft()

    # ------------------------------------------------------------------ building

    def _build_form_page(self) -> QWidget:
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self.entry)
        return self._form_page(
            self.entry,
            self._scroll,
            self.entry.tab_chain()[-1],
            self.tr("* must be filled in. Ctrl+S saves. Tab moves to the next box."),
            self.tr("&Save complaint"),
        )

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        self.done_heading = emphasise(QLabel(self.tr("Complaint registered")), 1.3)
        self.number_label = emphasise(QLabel(), 1.8)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain = QLabel(
            self.tr(
                "Print the receipt and give it to the citizen: they need this number whenever "
                "they ask about their complaint."
            )
        )
        explain.setWordWrap(True)
        self.receipt_panel = ReceiptPanel(self.ctx, self._jobs)
        self.another_button = QPushButton(self.tr("Register &another complaint"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = self._done_buttons(self.another_button, self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_heading)
        layout.addWidget(QLabel(self.tr("Receipt number:")))
        layout.addWidget(self.number_label)
        layout.addWidget(explain)
        layout.addSpacing(12)
        layout.addWidget(self.receipt_panel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _connect(self) -> None:
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.look_up_earlier)
        self.entry.on_contact_edit = self._lookup_timer.start
        self.entry.on_contact_left = self.look_up_earlier

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.another_button.clicked.connect(self.start_another)
        self.close_button.clicked.connect(self.accept)
        self._add_save_shortcuts()

    def _size_to_text(self) -> None:
        # In text units, so a larger font or a longer translation still fits; within the screen.
        metrics = self.fontMetrics()
        self._resize_within_screen(
            QSize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 58)
        )

    # ------------------------------------------------------------------ state

    def reset_form(self) -> None:
        """An empty form with the defaults: this desk's station, today's date."""
        self.entry.reset()
        self._looked_up = ("", "")
        self.earlier_panel.show_rows([], "", "", EARLIER_LIMIT)
        self.banner.clear_message()
        self.status_label.clear()

    def is_saving(self) -> bool:
        return self._saving

    def is_busy(self) -> bool:
        """Whether a service call (draft, look-up, save, receipt) is still under way."""
        return self._jobs.is_busy()

    # ------------------------------------------------------------------ earlier complaints

    def look_up_earlier(self) -> None:
        """Look for earlier complaints by this CNIC or mobile (only when either changed)."""
        self._lookup_timer.stop()
        cnic = _canonical(parse_cnic, self.entry.cnic_edit.text())
        mobile = _canonical(parse_mobile, self.entry.mobile_edit.text())
        if (cnic, mobile) == self._looked_up:
            return
        self._looked_up = (cnic, mobile)
        if not cnic and not mobile:
            self.earlier_panel.show_rows([], "", "", EARLIER_LIMIT)
            self.earlier_checks += 1
            return
        ctx = self.ctx
        self._jobs.submit(
            lambda: complaint_list.earlier_complaints(ctx, cnic, mobile, EARLIER_LIMIT),
            lambda rows: self._on_earlier(rows, cnic, mobile),
            self._on_earlier_failed,
            key="earlier",
        )

    def _on_earlier(self, rows: list[ComplaintRow], cnic: str, mobile: str) -> None:
        if (cnic, mobile) == self._looked_up:  # else a newer look-up is on its way
            self.earlier_panel.show_rows(rows, cnic, mobile, EARLIER_LIMIT)
            self.earlier_checks += 1

    def _on_earlier_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            raise exc
        # The check is a help, not a step: saving does not wait for it.
        self._looked_up = ("", "")
        self.earlier_panel.clear_message()
        self.earlier_checks += 1

    # ------------------------------------------------------------------ drafts

    @property
    def draft_key(self) -> str:
        return self.drafts.key

    def offer_draft(self) -> bool:
        """Offer to continue the newest unsaved complaint; True if its values were filled in."""

        def question(newest: Draft) -> str:
            who = str(newest.data.get("name") or "").strip() or self.tr("no name typed yet")
            return self.tr(
                "A complaint was being typed here on {when} ({name}) and was not saved, perhaps "
                "because of a power cut.\n\nContinue it? If you answer No, it is thrown away."
            ).format(when=format_datetime(newest.updated_at), name=who)

        def load(data: dict[str, Any]) -> None:
            self.entry.load(data)
            self.look_up_earlier()

        return self._offer_draft(
            question,
            self.tr("Unsaved complaint"),
            self.tr("The unsaved complaint was filled in again."),
            load,
        )

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Check every field and register the complaint; False if a field needs fixing."""
        return self._save_with(register_complaint)

    def _focus_field(self, name: str) -> None:
        self.entry.focus_field(name)
        self._scroll.ensureWidgetVisible(self.entry.box_of(name))

    def _on_registered(self, result: object) -> None:
        assert isinstance(result, Registered)
        self.result_registered = result
        self._show_saving(False)
        self.number_label.setText(result.number)
        self.receipt_panel.set_record(result.id, result.number)
        self.stack.setCurrentIndex(1)
        self.receipt_panel.print_button.setFocus()
        self.registered.emit(result.id)

    def _on_register_failed(self, exc: BaseException) -> None:
        self._show_saving(False)
        if isinstance(exc, DraftErrors):
            if not self._refused_by_service(exc):
                self.banner.show_message(
                    ERROR, self.tr("Please correct the boxes marked in red, then save again.")
                )
        elif isinstance(exc, ServiceError | FieldError):
            self.banner.show_message(ERROR, str(exc))
        else:
            raise exc

    def start_another(self) -> None:
        """After a save: an empty form for the next citizen."""
        self.result_registered = None
        self.drafts.claim_new()
        self.reset_form()
        self.stack.setCurrentIndex(0)
        self.receipt_panel.status_label.hide()

    # ------------------------------------------------------------------ closing

    def _unsaved_question(self) -> str:
        return self.tr(
            "This complaint has not been saved. Close the form and throw away what was typed?"
        )

    def done(self, result: int) -> None:
        self._lookup_timer.stop()
        super().done(result)
