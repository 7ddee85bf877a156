"""Recording a stolen, snatched, recovered or found handset: the form (``PhoneFields``), Save
(Ctrl+S), then the report number and the owner's receipt.

What is typed is kept as a draft in the store a second after each pause (as the complaint form
does), and offered back when the form is next opened after a crash or power cut. After a
recovered or found handset is saved, the dialog looks for the open theft reports it may be (by
either IMEI, even one digit off) and shows them (``PhoneMatchDialog``) to be confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.phones.phone_fields import PhoneFields
from cplc_desk.gui.phones.phone_match import Handset, PhoneMatchDialog
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.form_drafts import FormDrafts
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.report_form import ReportFormDialog
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.drafts import Draft
from cplc_desk.services.desk.records import Registered
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phones import PhoneCandidate, PhoneSummary

DRAFT_KIND = "phone_report"

MatchDialogFactory = Callable[[str, Handset, Sequence[PhoneCandidate]], QDialog]


class PhoneFormDialog(ReportFormDialog):
    """``registered`` carries the new report's id once saved; ``matched`` the theft report's id
    when a recovery is matched to it."""

    drafts: FormDrafts

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, kind: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Record a phone — CPLC Desk"))
        self._start_report()
        self._jobs = OperationRunner("cplc-phone-form", self)
        # Replaceable: how the candidates are shown (tests may put a stand-in here).
        self.make_match_dialog: MatchDialogFactory = lambda recovery_id, handset, found: (
            PhoneMatchDialog(ctx, recovery_id, handset, found, self)
        )
        self.fields = PhoneFields(ctx)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._report_form_page(self.fields))
        self.stack.addWidget(self._build_done_page())
        QVBoxLayout(self).addWidget(self.stack)
        self.drafts = FormDrafts(
            ctx, DRAFT_KIND, self._jobs, self.fields.data, self.fields.has_content,
            self._on_draft_failed, lambda: self.result_registered is None and not self._saving,
            self,
        )  # fmt: skip
        self._connect()
        self.reset_form(kind)
        self._size_to_text(175)
        self.offer_draft()

    def _build_done_page(self) -> QWidget:
        return self._report_done_page(
            self.tr("Phone report registered"), self.tr("Record &another phone")
        )

    def _connect(self) -> None:
        self.fields.problems_shown.connect(lambda: QTimer.singleShot(0, self._fit_height))
        for edit in self.fields._line_edits():
            edit.textEdited.connect(lambda _t: self.drafts.schedule())
        self.fields.kind_combo.activated.connect(lambda _i: self.drafts.schedule())
        self.fields.altered_check.clicked.connect(lambda _c: self.drafts.schedule())
        self.fields.imei_mistyped.connect(self._look_near)
        self._connect_buttons()

    def _look_near(self, name: str, typed: str) -> None:
        ctx = self.ctx
        self._jobs.submit(
            lambda: phones.held_near(ctx, typed),
            lambda found: self._offer_near(name, typed, found),
            lambda _exc: None,  # an offer, not worth a message: the box says what is wrong
            key=f"near-{name}",
        )

    def _offer_near(self, name: str, typed: str, found: list[PhoneSummary]) -> None:
        self.fields.offer_near(name, typed, found)
        QTimer.singleShot(0, self._fit_height)  # the offer takes room under the box

    # ------------------------------------------------------------------ drafts

    def offer_draft(self) -> bool:
        """Offer to continue the newest unsaved phone report; True if it was filled in."""

        def question(newest: Draft) -> str:
            imei = str(newest.data.get("imei") or "").strip() or self.tr("no IMEI typed yet")
            return self.tr(
                "A phone report was being typed here on {when} (IMEI {imei}) and was not saved, "
                "perhaps because of a power cut.\n\nContinue it? If you answer No, it is thrown away."
            ).format(when=format_datetime(newest.updated_at), imei=imei)

        return self._offer_draft(
            question,
            self.tr("Unsaved phone report"),
            self.tr("The unsaved phone report was filled in again."),
            self.fields.load,
        )

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Check every field and register the report; False if a field needs fixing."""
        return self._save_with(phones.register_phone_report)

    def _registered_text(self) -> str:
        return self.tr(
            "Anyone checking this IMEI at this desk is now told the phone is reported "
            "{kind}. Give the owner the receipt: it carries the report number."
        ).format(kind=names.phone_report_kind(self.fields.kind()).lower())

    def _find_candidates(self, ctx: DeskContext, report_id: str) -> list[PhoneCandidate]:
        return phones.candidates_for(ctx, report_id)

    def _no_candidates_text(self) -> str:
        return self.tr(
            "No open theft report has this handset's IMEI yet. The recovery stays open; "
            "it is shown as “Not matched yet” in the list and can be matched later."
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

    def _match_dialog(self, registered: Registered, found: list[PhoneCandidate]) -> QDialog:
        return self.make_match_dialog(registered.id, self.handset(), found)

    def _number_of_candidate(self, candidate: PhoneCandidate) -> tuple[str, str]:
        return candidate.id, candidate.number

    def _done_focus(self) -> QWidget:
        return self.receipt_panel.print_button  # the owner takes the receipt

    def start_another(self) -> None:
        """After a save: an empty form for the next handset, of the same kind."""
        self.drafts.claim_new()
        super().start_another()

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        if not self._may_close():
            return
        if self.result_registered is None:
            self.drafts.discard_now()
        super(ReportFormDialog, self).reject()

    def done(self, result: int) -> None:
        self.drafts.timer.stop()
        super().done(result)
        self.drafts.release()
