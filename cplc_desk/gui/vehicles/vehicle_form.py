"""Recording a stolen, snatched, recovered or found vehicle: the form (``VehicleFields``), Save
(Ctrl+S), then the report number and the owner's receipt.

Save shows every problem and puts the cursor in the first field to fix. What is typed is kept as
a draft in the store a second after each pause (``ReportFormDialog``), and offered back when the
form is next opened after a crash, a power cut or the idle lock. After a recovered or found
vehicle is saved, the dialog looks for the theft reports it may belong to and, if there
are any, shows them (``VehicleMatchDialog``) so the volunteer can confirm the right one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.vehicles.match_preview import MatchPreview
from cplc_desk.gui.vehicles.vehicle_fields import VehicleFields
from cplc_desk.gui.vehicles.vehicle_match import VehicleMatchDialog
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.report_form import ReportFormDialog
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.drafts import Draft
from cplc_desk.services.desk.records import Registered
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.services.vehicles.wanted import MatchCandidate

translate = QCoreApplication.translate

DRAFT_KIND = "vehicle_report"

# What a draft is named by when it is offered back: the first of these typed.
_NAMED_BY = ("registration", "chassis", "engine")


def recovery_title(number: str, registration: str, chassis: str, engine: str) -> str:
    """The recovered vehicle the match dialog is about: its number and identifiers."""
    parts = [
        translate("VehicleForm", "registration {value}").format(value=registration)
        if registration
        else "",
        translate("VehicleForm", "chassis {value}").format(value=chassis) if chassis else "",
        translate("VehicleForm", "engine {value}").format(value=engine) if engine else "",
    ]
    return translate("VehicleForm", "Recovered vehicle {number}: {identifiers}").format(
        number=number, identifiers=" · ".join(p for p in parts if p)
    )


class VehicleFormDialog(ReportFormDialog):
    """``registered`` carries the new report's id once it is saved; ``matched`` the theft
    report's id when a recovery is matched to it."""

    fields: VehicleFields

    DRAFT_KIND = DRAFT_KIND
    TASK_NAME = "cplc-vehicle-form"
    WIDTH_CHARS = 165

    def _title(self) -> str:
        return self.tr("Record a vehicle — CPLC Desk")

    # ------------------------------------------------------------------ building

    def _make_fields(self, ctx: DeskContext) -> VehicleFields:
        return VehicleFields(ctx)

    def _form_body(self) -> QWidget:
        # Below the boxes: the theft reports a recovery being typed in may be.
        self.match_preview = MatchPreview(self.ctx, self._jobs)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.fields, 1)
        column.addWidget(self.match_preview)
        return body

    def _build_done_page(self) -> QWidget:
        page = self._report_done_page(
            self.tr("Vehicle report registered"), self.tr("Record &another vehicle")
        )
        self.print_button = self.receipt_panel.print_button
        for button in (self.receipt_panel.print_button, self.receipt_panel.save_button):
            button.setAutoDefault(False)
        return page

    def _connect(self) -> None:
        super()._connect()
        self.fields.vehicle_edited.connect(self._vehicle_edited)

    def _vehicle_edited(self) -> None:
        """A recovery's candidates follow its numbers as they are typed; a theft has none."""
        if not self.fields.is_recovery():
            self.match_preview.stop()
            return
        f = self.fields
        f_text = (f.registration_edit.text(), f.chassis_edit.text(), f.engine_edit.text())
        self.match_preview.look_for(*f_text, f.looks())
        QTimer.singleShot(0, self._fit_height)

    def reset_form(self, kind: str = "") -> None:
        super().reset_form(kind)
        self.match_preview.stop()

    # ------------------------------------------------------------------ drafts

    def _draft_words(self) -> tuple[str, str]:
        return (
            self.tr("Unsaved vehicle report"),
            self.tr("The unsaved vehicle report was filled in again."),
        )

    def _draft_question(self, when: str, newest: Draft) -> str:
        typed = (str(newest.data.get(key) or "").strip() for key in _NAMED_BY)
        vehicle = next((v for v in typed if v), "") or self.tr("no number typed yet")
        return self.tr(
            "A vehicle report was being typed here on {when} ({vehicle}) and was not saved, "
            "perhaps because of a power cut.\n\nContinue it? If you answer No, it is thrown away."
        ).format(when=when, vehicle=vehicle)

    def _load_draft(self, data: dict[str, Any]) -> None:
        super()._load_draft(data)
        self._vehicle_edited()  # a recovery's candidates, for the numbers filled in

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Check every field and register the report; False if a field needs fixing."""
        return self._save_with(register_vehicle_report)

    def _registered_text(self) -> str:
        return self.tr(
            "Anyone checking this vehicle at this desk is now told it is reported "
            "{kind}. Give the owner the receipt: it carries the report number."
        ).format(kind=names.vehicle_report_kind(self.fields.kind()).lower())

    def _find_candidates(self, ctx: DeskContext, report_id: str) -> list[MatchCandidate]:
        return vehicles.find_matches(ctx, report_id)

    def _no_candidates_text(self) -> str:
        return self.tr(
            "No open theft report matches this vehicle yet. The recovery stays open; "
            "it is shown as “Not matched yet” in the list and can be matched later."
        )

    def _match_dialog(self, registered: Registered, found: list[MatchCandidate]) -> QDialog:
        title = recovery_title(
            registered.number,
            self.fields.registration_edit.text().strip(),
            self.fields.chassis_edit.text().strip(),
            self.fields.engine_edit.text().strip(),
        )
        return VehicleMatchDialog(self.ctx, registered.id, title, found, self)

    def _number_of_candidate(self, candidate: MatchCandidate) -> tuple[str, str]:
        return candidate.wanted.ref, candidate.wanted.number
