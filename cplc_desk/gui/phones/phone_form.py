"""Recording a stolen, snatched, recovered or found handset: the form (``PhoneFields``), Save
(Ctrl+S), then the report number and the owner's receipt.

What is typed is kept as a draft in the store a second after each pause (as the complaint form
does), and offered back when the form is next opened after a crash or power cut. After a
recovered or found handset is saved, the dialog looks for the open theft reports it may be (by
either IMEI, even one digit off) and shows them (``PhoneMatchDialog``) to be confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.records import DraftErrors
from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.phones.phone_fields import PhoneFields
from cplc_desk.gui.phones.phone_match import Handset, PhoneMatchDialog
from cplc_desk.gui.widgets import dialogs, names
from cplc_desk.gui.widgets.form_drafts import FormDrafts
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import PHONE_RECEIPTS, ReceiptPanel
from cplc_desk.gui.widgets.record_form import RecordFormDialog
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.records import Registered
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phones import PhoneCandidate

DRAFT_KIND = "phone_report"

MatchDialogFactory = Callable[[str, Handset, Sequence[PhoneCandidate]], QDialog]


class PhoneFormDialog(RecordFormDialog):
    """``registered`` carries the new report's id once saved; ``matched`` the theft report's id
    when a recovery is matched to it."""

    registered = Signal(str)
    matched = Signal(str)
    save_finished = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, kind: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Record a phone — CPLC Desk"))
        self.result_registered: Registered | None = None
        self.matched_theft_id: str | None = None
        self.candidates: list[PhoneCandidate] = []
        self._saving = False
        self._jobs = OperationRunner("cplc-phone-form", self)
        # Replaceable: how the candidates are shown (tests may put a stand-in here).
        self.make_match_dialog: MatchDialogFactory = lambda recovery_id, handset, found: (
            PhoneMatchDialog(ctx, recovery_id, handset, found, self)
        )
        self.fields = PhoneFields(ctx)
        self.stack = QStackedWidget()
        self.stack.addWidget(
            self._form_page(
                self.fields,
                self.fields,
                self.fields.last_field,
                self.tr("* must be filled in. Ctrl+S saves. Tab or Enter moves to the next box."),
                self.tr("Save report"),
            )
        )
        self.stack.addWidget(self._build_done_page())
        QVBoxLayout(self).addWidget(self.stack)
        self.drafts = FormDrafts(
            ctx, DRAFT_KIND, self._jobs, self.fields.data, self.fields.has_content,
            self._on_draft_failed, lambda: self.result_registered is None and not self._saving,
            self,
        )  # fmt: skip
        self._connect()
        self.reset_form(kind)
        metrics = self.fontMetrics()
        self._resize_within_screen(
            QSize(
                metrics.averageCharWidth() * 175,
                self.sizeHint().height() + metrics.lineSpacing() * 4,
            )
        )
        self.offer_draft()

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        self.done_heading = emphasise(QLabel(self.tr("Phone report registered")), 1.3)
        self.number_label = emphasise(QLabel(), 1.8)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        self.receipt_panel = ReceiptPanel(self.ctx, self._jobs, source=PHONE_RECEIPTS)
        self.receipt_panel.print_button.setToolTip(
            self.tr("See the owner's receipt, then print it")
        )
        self.another_button = QPushButton(self.tr("Record &another phone"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.another_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_heading)
        layout.addWidget(QLabel(self.tr("Report number:")))
        layout.addWidget(self.number_label)
        layout.addWidget(self.outcome_label)
        layout.addStretch(1)
        layout.addWidget(self.receipt_panel)
        layout.addLayout(buttons)
        return page

    def _connect(self) -> None:
        self.fields.problems_shown.connect(self._on_fields_edited)
        for edit in self.fields._line_edits():
            edit.textEdited.connect(lambda _t: self.drafts.schedule())
        self.fields.kind_combo.activated.connect(lambda _i: self.drafts.schedule())
        self.fields.altered_check.clicked.connect(lambda _c: self.drafts.schedule())
        self.fields.imei_mistyped.connect(self._look_near)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.another_button.clicked.connect(self.start_another)
        self.close_button.clicked.connect(self.accept)
        self._add_save_shortcuts()

    def _on_fields_edited(self) -> None:
        """Messages come and go: the window grows to show them."""
        wanted = self.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def reset_form(self, kind: str = "") -> None:
        self.fields.reset(kind)
        self.banner.clear_message()
        self.status_label.clear()

    # ------------------------------------------------------------------ near numbers

    def _look_near(self, name: str, typed: str) -> None:
        ctx = self.ctx
        self._jobs.submit(
            lambda: phones.held_near(ctx, typed),
            lambda found: self.fields.offer_near(name, typed, found),
            lambda _exc: None,  # an offer, not worth a message: the box says what is wrong
            key=f"near-{name}",
        )

    # ------------------------------------------------------------------ drafts

    @property
    def drafts_saved(self) -> int:
        return self.drafts.saved

    def offer_draft(self) -> bool:
        """Offer to continue the newest unsaved phone report; True if it was filled in."""
        newest = self.drafts.waiting()
        if newest is None:
            return False
        imei = str(newest.data.get("imei") or "").strip() or self.tr("no IMEI typed yet")
        question = self.tr(
            "A phone report was being typed here on {when} (IMEI {imei}) and was not saved, "
            "perhaps because of a power cut.\n\nContinue it? If you answer No, it is thrown away."
        ).format(when=format_datetime(newest.updated_at), imei=imei)
        if dialogs.confirm(self, self.tr("Unsaved phone report"), question):
            self.fields.load(self.drafts.take(newest))
            self.status_label.setText(self.tr("The unsaved phone report was filled in again."))
            return True
        self.drafts.throw_away(newest)
        return False

    def save_draft_now(self) -> None:
        self.drafts.save_now()

    def _on_draft_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Exception):
            raise exc
        self.status_label.setText(
            self.tr("What you typed could not be kept as a draft: {reason}").format(reason=exc)
        )

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Check every field and register the report; False if a field needs fixing."""
        if self._saving or self.result_registered is not None:
            return False
        if not self._form_is_ready():
            return False
        draft, _problems = self.fields.draft()
        ctx, discard_draft = self.ctx, self.drafts.discard_in(self.drafts.key)
        self.drafts.timer.stop()
        self._show_saving(True)

        def work() -> Registered:
            done = phones.register_phone_report(ctx, draft)
            discard_draft()
            return done

        self._jobs.submit(work, self._on_registered, self._on_register_failed)
        return True

    def _on_registered(self, result: object) -> None:
        assert isinstance(result, Registered)
        self.result_registered = result
        self.number_label.setText(result.number)
        self.registered.emit(result.id)
        if not self.fields.is_recovery():
            self._finish(
                self.tr(
                    "Anyone checking this IMEI at this desk is now told the phone is reported "
                    "{kind}. Give the owner the receipt: it carries the report number."
                ).format(kind=names.phone_report_kind(self.fields.kind()).lower())
            )
            return
        self.status_label.setText(self.tr("Looking for the theft report…"))
        ctx, report_id = self.ctx, result.id
        self._jobs.submit(
            lambda: phones.candidates_for(ctx, report_id),
            self._on_candidates,
            self._on_match_failed,
        )

    def handset(self) -> Handset:
        draft, _problems = self.fields.draft()
        numbers = []
        for typed in (draft.imei, draft.imei2):
            try:
                numbers.append(imeis.parse(typed, altered=True))
            except FieldError:
                continue
        registered = self.result_registered
        return Handset(registered.number if registered else "", tuple(numbers))

    def _on_candidates(self, found: object) -> None:
        assert isinstance(found, list)
        self.candidates = found
        registered = self.result_registered
        assert registered is not None
        if not found:
            self._finish(
                self.tr(
                    "No open theft report has this handset's IMEI yet. The recovery stays open; "
                    "it is shown as “Not matched yet” in the list and can be matched later."
                )
            )
            return
        dialog = self.make_match_dialog(registered.id, self.handset(), found)
        matched: list[str] = []
        dialog.matched.connect(matched.append)  # type: ignore[attr-defined]
        dialogs.run_once(dialog)
        if matched:
            self.matched_theft_id = matched[0]
            number = next((c.number for c in found if c.id == matched[0]), matched[0])
            self.matched.emit(matched[0])
            self._finish(
                self.tr("Matched to theft report {number}: that report is now closed as recovered.")
                .format(number=number)
            )  # fmt: skip
        else:
            self._finish(
                self.tr(
                    "Not matched: none of the theft reports offered was confirmed. The recovery "
                    "stays open and can be matched later from the list."
                )
            )

    def _on_match_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            self._finish("")
            raise exc
        self._finish(
            self.tr("The report was saved, but its theft report could not be looked for: {reason}")
            .format(reason=exc)
        )  # fmt: skip

    def _finish(self, outcome: str) -> None:
        self._show_saving(False)
        self.outcome_label.setText(outcome)
        if self.result_registered is not None:
            self.receipt_panel.set_record(self.result_registered.id, self.result_registered.number)
        self.receipt_panel.status_label.hide()
        self.stack.setCurrentIndex(1)
        self.receipt_panel.print_button.setFocus()
        self.save_finished.emit()

    def _on_register_failed(self, exc: BaseException) -> None:
        self._show_saving(False)
        try:
            if isinstance(exc, DraftErrors):
                if not self._refused_by_service(exc):
                    self.banner.show_message(ERROR, str(exc))
            elif isinstance(exc, ServiceError | FieldError):
                self.banner.show_message(ERROR, str(exc))
            else:
                raise exc
        finally:
            self.save_finished.emit()

    def start_another(self) -> None:
        """After a save: an empty form for the next handset, of the same kind."""
        kind = self.fields.kind()
        self.result_registered = None
        self.matched_theft_id = None
        self.candidates = []
        self.drafts.claim_new()
        self.reset_form(kind)
        self.stack.setCurrentIndex(0)

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        if self._saving:
            return
        if (
            self.result_registered is None
            and self.fields.has_content()
            and not dialogs.confirm(
                self,
                self.tr("Close without saving?"),
                self.tr("This report has not been saved. Close the form and throw away what was typed?"),
            )
        ):  # fmt: skip
            return
        if self.result_registered is None:
            self.drafts.discard_now()
        super().reject()

    def done(self, result: int) -> None:
        self.drafts.timer.stop()
        self._jobs.wait_idle()
        self.drafts.release()
        super().done(result)
