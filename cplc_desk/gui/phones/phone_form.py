"""Recording a stolen, snatched, recovered or found handset: the form (``PhoneFields``), Save
(Ctrl+S), then the report number and the owner's receipt.

What is typed is kept as a draft in the store a second after each pause (``ReportFormDialog``),
and offered back when the form is next opened after a crash or power cut. After a recovered or
found handset is saved, the dialog looks for the open theft reports it may be (by either IMEI,
even one digit off) and shows them (``PhoneMatchDialog``) to be confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.phones.phone_fields import PhoneFields
from cplc_desk.gui.phones.phone_match import Handset, PhoneMatchDialog
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.report_form import ReportFormDialog
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.drafts import Draft
from cplc_desk.services.desk.records import Registered
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phones import PhoneCandidate, PhoneSummary

DRAFT_KIND = "phone_report"


class PhoneFormDialog(ReportFormDialog):
    """``registered`` carries the new report's id once saved; ``matched`` the theft report's id
    when a recovery is matched to it."""

    fields: PhoneFields

    DRAFT_KIND = DRAFT_KIND
    TASK_NAME = "cplc-phone-form"
    WIDTH_CHARS = 175

    def _title(self) -> str:
        return self.tr("Record a phone — CPLC Desk")

    def _make_fields(self, ctx: DeskContext) -> PhoneFields:
        return PhoneFields(ctx)

    def _build_done_page(self) -> QWidget:
        return self._report_done_page(
            self.tr("Phone report registered"), self.tr("Record &another phone")
        )

    def _connect(self) -> None:
        super()._connect()
        self.fields.imei_mistyped.connect(self._look_near)

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

    def _draft_words(self) -> tuple[str, str]:
        return (
            self.tr("Unsaved phone report"),
            self.tr("The unsaved phone report was filled in again."),
        )

    def _draft_question(self, when: str, newest: Draft) -> str:
        imei = str(newest.data.get("imei") or "").strip() or self.tr("no IMEI typed yet")
        return self.tr(
            "A phone report was being typed here on {when} (IMEI {imei}) and was not saved, "
            "perhaps because of a power cut.\n\nContinue it? If you answer No, it is thrown away."
        ).format(when=when, imei=imei)

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
        return PhoneMatchDialog(self.ctx, registered.id, self.handset(), found, self)

    def _number_of_candidate(self, candidate: PhoneCandidate) -> tuple[str, str]:
        return candidate.id, candidate.number

    def _done_focus(self) -> QWidget:
        return self.receipt_panel.print_button  # the owner takes the receipt
