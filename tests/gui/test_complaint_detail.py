"""A complaint's own window on a real Clifton desk: the record, its timeline, only the statuses
the workflow allows, follow-ups, refusals in the domain's words, and reprints marked COPY."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from cplc_desk.domain.clock import now_utc, to_local
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.complaints.complaint_detail import ComplaintDetailDialog
from cplc_desk.gui.complaints.complaint_timeline import BY, NEXT, NOTE, WHAT, format_day
from cplc_desk.gui.widgets import receipt_preview, receipt_printing
from cplc_desk.services.complaints import complaints
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import Actor, DeskContext
from cplc_desk.storage.models import AuditEntry

NOTE_MESSAGE = "Write a short note saying why (it goes on the complaint's timeline)."


@pytest.fixture
def complaint_id(station_ctx: DeskContext) -> str:
    return register_complaint(
        station_ctx,
        ComplaintDraft(
            complainant=PersonDraft(
                name="Muhammad Imran",
                relative_name="Abdul Rasheed",
                cnic="42201-2222222-2",
                mobile="0333-2222222",
                address="Flat 4, Shireen Jinnah Colony",
            ),
            category="FIR_NOT_REGISTERED",
            police_station="CLIF",
            incident_place="Boat Basin",
            narrative="The station refused to register an FIR for a burglary at his flat.",
        ),
    ).id


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    sent: list[bytes] = []

    def print_pdf(parent, pdf_bytes: bytes, title: str) -> str:  # type: ignore[no-untyped-def]
        sent.append(pdf_bytes)
        return receipt_printing.PRINTED

    monkeypatch.setattr(receipt_printing, "print_pdf", print_pdf)
    monkeypatch.setattr(receipt_preview, "run", lambda dialog: dialog.print_receipt())
    return sent


@pytest.fixture
def dialog(
    qtbot, station_ctx: DeskContext, complaint_id: str, printed: list[bytes]
) -> Iterator[ComplaintDetailDialog]:
    dlg = ComplaintDetailDialog(station_ctx, complaint_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg
    dlg.close()


def act(qtbot, dlg: ComplaintDetailDialog, button) -> list[str]:  # type: ignore[no-untyped-def]
    """Click an action's button, wait until the service answered; the ids ``changed`` sent."""
    changed: list[str] = []
    dlg.changed.connect(changed.append)
    before = dlg.actions_done
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.actions_done == before + 1 and not dlg.is_busy(), timeout=10_000)
    return changed


def move(qtbot, dlg: ComplaintDetailDialog, status: str, note: str) -> list[str]:
    box = dlg.status_box
    assert status in box.offered()
    box.select(status)
    qtbot.keyClicks(box.note_edit, note)
    return act(qtbot, dlg, box.button)


def test_the_record_is_shown_in_full(dialog: ComplaintDetailDialog) -> None:
    assert dialog.number_label.text().startswith("CLIF-C-")
    assert dialog.status_label.text() == "Registered"
    assert "Non-registration of FIR" in dialog.summary_label.text()
    assert "Clifton" in dialog.summary_label.text()
    assert dialog.fields["cnic"].text() == "42201-2222222-2"  # not masked: this is the record
    assert dialog.fields["mobile"].text() == "0333-2222222"
    assert dialog.fields["relative_name"].text() == "Abdul Rasheed"
    assert dialog.fields["incident_place"].text() == "Boat Basin"
    assert dialog.fields["fir_number"].text() == "–"
    assert "burglary" in dialog.narrative_label.text()
    assert [row[WHAT] for row in dialog.timeline.row_texts()] == ["Registered"]


def test_a_complaint_moves_along_the_workflow_and_its_timeline_grows_in_order(
    qtbot, dialog: ComplaintDetailDialog, station_ctx: DeskContext, complaint_id: str
) -> None:
    box = dialog.status_box
    assert box.offered() == ["referred", "withdrawn", "duplicate", "not_in_remit"]
    assert not box.button.isEnabled()  # nothing chosen yet

    changed = move(qtbot, dialog, "referred", "Sent to SHO Clifton by hand.")
    assert changed == [complaint_id]
    assert dialog.status_label.text() == "Referred to police"
    assert dialog.banner.text() == "Status changed to “Referred to police”."
    assert box.offered() == [
        "fir_lodged",
        "action_taken",
        "under_follow_up",
        "withdrawn",
        "duplicate",
        "not_in_remit",
    ]
    assert box.note() == ""  # ready for the next change

    move(qtbot, dialog, "fir_lodged", "FIR 312/2026 lodged at last.")
    assert dialog.status_label.text() == "FIR lodged"

    follow = dialog.follow_up_box
    dialog.action_tabs.setCurrentWidget(follow)
    qtbot.keyClicks(follow.note_edit, "Called the IO: investigation started.")
    next_on = to_local(now_utc()).date() + timedelta(days=10)
    follow.follow_up.date_edit.setDate(QDate(next_on.year, next_on.month, next_on.day))
    assert follow.follow_up.value() == next_on
    assert act(qtbot, dialog, follow.button) == [complaint_id]

    rows = dialog.timeline.row_texts()
    assert [row[WHAT] for row in rows] == [
        "Registered",
        "Registered → Referred to police",
        "Referred to police → FIR lodged",
        "Follow-up",
    ]
    assert [row[NOTE] for row in rows] == [
        "–",
        "Sent to SHO Clifton by hand.",
        "FIR 312/2026 lodged at last.",
        "Called the IO: investigation started.",
    ]
    assert rows[3][NEXT] == format_day(next_on)
    assert all(row[BY] == station_ctx.actor.username for row in rows)
    assert format_day(next_on) in dialog.summary_label.text()

    stored = complaints.get(station_ctx, complaint_id)
    assert stored.status == "fir_lodged"
    assert stored.next_follow_up_on == next_on
    assert [e.kind for e in stored.timeline] == [
        "status_change",
        "status_change",
        "status_change",
        "follow_up",
    ]


def test_a_missing_required_note_shows_the_domain_message_and_changes_nothing(
    qtbot, dialog: ComplaintDetailDialog, station_ctx: DeskContext, complaint_id: str
) -> None:
    box = dialog.status_box
    box.select("withdrawn")
    assert box.note_label.text() == "N&ote (required):"
    assert not box.follow_up.isEnabled()  # a withdrawn complaint has no next follow-up
    changed: list[str] = []
    dialog.changed.connect(changed.append)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)

    assert box.note_box.error() == NOTE_MESSAGE
    assert box.note_box.error_label.isVisible()
    assert changed == []
    assert not dialog.is_busy()  # refused before any service call
    assert complaints.get(station_ctx, complaint_id).status == "registered"
    assert dialog.status_label.text() == "Registered"

    # Choosing another status clears the message.
    box.select("referred")
    assert not box.note_box.error()


def test_a_follow_up_needs_a_note(
    qtbot, dialog: ComplaintDetailDialog, station_ctx: DeskContext, complaint_id: str
) -> None:
    follow = dialog.follow_up_box
    assert act(qtbot, dialog, follow.button) == []
    assert follow.note_box.error() == "Write what was done or learned."
    assert len(complaints.get(station_ctx, complaint_id).timeline) == 1


def test_the_service_refuses_a_move_the_workflow_does_not_allow(
    station_ctx: DeskContext, complaint_id: str
) -> None:
    with pytest.raises(FieldError) as refused:
        complaints.change_status(station_ctx, complaint_id, "closed", "")
    assert refused.value.code == "status.not_allowed"
    assert "cannot become" in refused.value.message
    assert complaints.get(station_ctx, complaint_id).status == "registered"


def test_a_closed_complaint_offers_no_transitions_and_no_follow_ups(
    qtbot, station_ctx: DeskContext, complaint_id: str, printed: list[bytes]
) -> None:
    for status, note in (
        ("referred", ""),
        ("fir_lodged", ""),
        ("resolved", "Burglars arrested, goods returned."),
        ("closed", "Complainant satisfied."),
    ):
        complaints.change_status(station_ctx, complaint_id, status, note)
    station_ctx.actor = Actor("ali", Role.VOLUNTEER)
    dlg = ComplaintDetailDialog(station_ctx, complaint_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)

    assert dlg.status_box.offered() == []
    assert dlg.status_box.ended_label.isVisible()
    assert "only a supervisor can reopen it" in dlg.status_box.ended_label.text()
    assert not dlg.status_box.button.isVisible()
    dlg.action_tabs.setCurrentWidget(dlg.follow_up_box)
    assert dlg.follow_up_box.ended_label.isVisible()
    assert not dlg.follow_up_box.button.isVisible()
    assert [row[WHAT] for row in dlg.timeline.row_texts()][-1] == "Resolved → Closed"
    dlg.close()


def test_a_supervisor_may_reopen_a_closed_complaint(
    qtbot, station_ctx: DeskContext, complaint_id: str
) -> None:
    for status, note in (
        ("referred", ""),
        ("fir_lodged", ""),
        ("resolved", "Burglars arrested, goods returned."),
        ("closed", "Complainant satisfied."),
    ):
        complaints.change_status(station_ctx, complaint_id, status, note)
    station_ctx.actor = Actor("sana", Role.SUPERVISOR)
    dlg = ComplaintDetailDialog(station_ctx, complaint_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.status_box.offered() == ["under_follow_up"]
    dlg.close()


def test_a_change_made_elsewhere_meanwhile_is_reported_and_shown(
    qtbot, dialog: ComplaintDetailDialog, station_ctx: DeskContext, complaint_id: str
) -> None:
    # Another volunteer (or the list page) moves the complaint while this window is open.
    complaints.change_status(station_ctx, complaint_id, "referred", "By the other desk user.")
    box = dialog.status_box
    box.select("duplicate")
    qtbot.keyClicks(box.note_edit, "Same as an earlier complaint.")
    assert act(qtbot, dialog, box.button) == []

    assert "Someone else changed complaint" in dialog.banner.text()
    assert dialog.status_label.text() == "Referred to police"  # reloaded
    assert complaints.get(station_ctx, complaint_id).status == "referred"


def test_the_receipt_can_be_printed_again_marked_copy(
    qtbot, dialog: ComplaintDetailDialog, printed: list[bytes]
) -> None:
    panel = dialog.receipt_panel
    for expected in (False, True):
        qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.is_busy() and not dialog.is_busy(), timeout=10_000)
        assert panel.receipts[-1].copy is expected
    assert len(printed) == 2 and all(pdf.startswith(b"%PDF") for pdf in printed)
    assert "sent to the printer" in panel.status_label.text()
    assert "marked COPY" in panel.status_label.text()


def receipt_prints(ctx: DeskContext) -> list[str]:
    with ctx.store.read() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(
                    AuditEntry.action.in_(
                        [AuditAction.RECEIPT_PRINTED.value, AuditAction.RECEIPT_REPRINTED.value]
                    )
                )
                .order_by(AuditEntry.seq)
            )
        )


def test_a_print_counts_only_once_it_was_sent(
    qtbot,
    dialog: ComplaintDetailDialog,
    station_ctx: DeskContext,
    monkeypatch: pytest.MonkeyPatch,
    printed: list[bytes],
) -> None:
    """The print dialog cancelled, then a printer that would not start: neither counts, so the
    citizen's first real receipt is not marked COPY."""
    outcomes = [receipt_printing.CANCELLED, receipt_printing.FAILED, receipt_printing.PRINTED]
    problems: list[str] = []

    def print_pdf(parent, pdf_bytes: bytes, title: str) -> str:  # type: ignore[no-untyped-def]
        outcome = outcomes.pop(0)
        if outcome == receipt_printing.PRINTED:
            printed.append(pdf_bytes)
        return outcome

    def press_print_then_close(preview: receipt_preview.ReceiptPreviewDialog) -> None:
        preview.print_receipt()
        if not preview.problem_label.isHidden():
            problems.append(preview.problem_label.text())

    monkeypatch.setattr(receipt_printing, "print_pdf", print_pdf)
    monkeypatch.setattr(receipt_preview, "run", press_print_then_close)
    panel = dialog.receipt_panel
    for _ in range(2):
        qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10_000)
        assert "Not printed" in panel.status_label.text()
    assert receipt_prints(station_ctx) == [] and panel.receipts == []
    assert "check that it is on and has paper" in problems[0]

    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.receipts) == 1 and not panel.is_busy(), timeout=10_000)
    assert panel.receipts[0].copy is False and "COPY" not in panel.status_label.text()
    assert receipt_prints(station_ctx) == [AuditAction.RECEIPT_PRINTED.value]


def test_a_complaint_that_does_not_exist_says_so(qtbot, station_ctx: DeskContext) -> None:
    dlg = ComplaintDetailDialog(station_ctx, "no-such-id")
    qtbot.addWidget(dlg)
    assert "does not exist" in dlg.banner.text()
    assert not dlg.action_tabs.isEnabled()
    assert not dlg.receipt_panel.isEnabled()


def test_the_follow_up_date_defaults_a_week_ahead(dialog: ComplaintDetailDialog) -> None:
    today = to_local(now_utc()).date()
    assert dialog.follow_up_box.follow_up.value() == today + timedelta(days=7)
    dialog.follow_up_box.follow_up.check.setChecked(False)
    assert dialog.follow_up_box.follow_up.value() is None
    assert dialog.follow_up_box.follow_up.date_edit.minimumDate() == QDate(
        today.year, today.month, today.day
    )
