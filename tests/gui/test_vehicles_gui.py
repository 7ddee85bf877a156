"""The vehicle desk's screens: the report form typed with the keyboard (a draft kept across a
crash), a recovery matched to its theft report through the match dialog, the vehicle check, and
the lazy list on the Vehicles page."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.matching import Evidence, Looks, compare_looks
from cplc_desk.domain.records import PersonDraft, VehicleReportDraft
from cplc_desk.gui.vehicles.match_words import evidence_text, looks_text, score_text
from cplc_desk.gui.vehicles.vehicle_detail import VehicleDetailDialog
from cplc_desk.gui.vehicles.vehicle_form import DRAFT_KIND, VehicleFormDialog
from cplc_desk.gui.vehicles.vehicle_match import VehicleMatchDialog
from cplc_desk.gui.vehicles.vehicle_verify import VehicleVerifyWidget
from cplc_desk.gui.vehicles.vehicles_model import (
    CNIC,
    STATUS,
    VehiclesModel,
)
from cplc_desk.gui.vehicles.vehicles_page import VehiclesPage
from cplc_desk.gui.widgets import dialogs, receipt_preview, receipt_printing
from cplc_desk.gui.widgets.reports_model import AWAITING_ROLE
from cplc_desk.services.desk import demo, drafts
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicle_list, vehicles, verification
from cplc_desk.services.vehicles.vehicle_list import VehicleQuery, VehicleRow
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import AuditEntry

DEMO_VEHICLES = 450


# ---------------------------------------------------------------------- helpers and fixtures


def report(ctx: DeskContext, kind: str, reg: str = "", chassis: str = "", engine: str = "") -> str:
    owner = PersonDraft() if kind in ("recovered", "found_abandoned") else PersonDraft("Ali Raza")
    draft = VehicleReportDraft(
        kind=kind, vehicle_class="MOTORCYCLE", registration=reg, chassis=chassis, engine=engine,
        make="Honda", model="CD 70", colour="Red", police_station="CLIF", owner=owner,
        incident_at=now_utc(), fir_number="123/2026" if kind == "stolen" else "",
    )  # fmt: skip
    return register_vehicle_report(ctx, draft).id


@pytest.fixture
def thefts(station_ctx: DeskContext) -> dict[str, str]:
    return {
        "honda": report(station_ctx, "stolen", "KNP-5586", "KA-1234567", "JL1P50123"),
        "yamaha": report(station_ctx, "snatched", "KMR-7730", "AH-7654321", "E4123456"),
        "corolla": report(station_ctx, "stolen", "BNL-123", "NZE-5550001", "1NZ9990001"),
    }


def audited(ctx: DeskContext, action: AuditAction) -> list[dict[str, object]]:
    with ctx.store.read() as s:
        return [
            json.loads(d)
            for d in s.scalars(
                select(AuditEntry.details)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.seq)
            )
        ]


@pytest.fixture
def open_form(qtbot) -> Iterator[Callable[[DeskContext], VehicleFormDialog]]:
    forms: list[VehicleFormDialog] = []

    def make(ctx: DeskContext) -> VehicleFormDialog:
        form = VehicleFormDialog(ctx)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        forms.append(form)
        return form

    yield make
    for form in forms:
        # Closed without asking about unsaved content (pytest-qt's own closing would ask); a
        # form a test deleted (a crash) is gone already.
        if shiboken6.isValid(form):
            form.done(QDialog.DialogCode.Rejected)
            form.deleteLater()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_and_enter(qtbot, text: str) -> QWidget:
    """Type into whatever has the cursor, then Enter (which moves to the next box)."""
    widget = focused()
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    return widget


def save(qtbot, form: VehicleFormDialog) -> None:
    with qtbot.waitSignal(form.save_finished, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert form.banner.isHidden(), form.banner.text()


def fill_recovery(
    qtbot, form: VehicleFormDialog, reg: str = "", chassis: str = "", engine: str = ""
) -> None:
    form.fields.kind_combo.setFocus()
    type_and_enter(qtbot, "Recovered")
    type_and_enter(qtbot, "Motorcycle")
    for text in (reg, chassis, engine):
        type_and_enter(qtbot, text)


def answer_match(
    qtbot, monkeypatch, choose: str | None, seen: list[VehicleMatchDialog]
) -> list[str]:
    """The match dialog, run by the volunteer: looks at it, ticks ``choose`` (a theft report id)
    and confirms it, or picks None of these. Returns the confirmation questions asked."""
    questions: list[str] = []

    def confirm(parent, title: str, question: str) -> bool:
        questions.append(question)
        return True

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, VehicleMatchDialog)
        seen.append(dialog)
        if choose is None:
            qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
        else:
            assert not dialog.confirm_button.isEnabled()  # nothing is ticked for the volunteer
            assert dialog.choose(choose)
            with qtbot.waitSignal(dialog.confirm_finished, timeout=10_000):
                qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "run_modal", run)
    return questions


# ---------------------------------------------------------------------- the form


def test_a_stolen_motorcycle_is_recorded_with_the_keyboard(
    qtbot, open_form, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = open_form(station_ctx)
    assert form.fields.station_combo.code() == "CLIF"  # this desk's station
    assert focused() is form.fields.kind_combo
    registered: list[str] = []
    form.registered.connect(registered.append)

    assert type_and_enter(qtbot, "Stolen") is form.fields.kind_combo
    assert form.fields.kind() == "stolen"
    assert form.fields.incident_heading.text() == "When and where it was stolen"
    assert type_and_enter(qtbot, "Motorcycle") is form.fields.class_combo
    assert type_and_enter(qtbot, "KNP-5586") is form.fields.registration_edit
    assert type_and_enter(qtbot, "KA-1234567") is form.fields.chassis_edit
    assert type_and_enter(qtbot, "JL1P50123") is form.fields.engine_edit
    assert type_and_enter(qtbot, "Honda") is form.fields.make_edit
    assert type_and_enter(qtbot, "CD 70") is form.fields.model_edit
    assert type_and_enter(qtbot, "Red") is form.fields.colour_edit
    assert type_and_enter(qtbot, "20x0") is form.fields.year_edit
    # Leaving the box shows its problem, in the domain's words, under the box holding it.
    year = now_utc().year + 1
    expected = f"Model year should be a year such as 2019, not later than {year}."
    assert form.fields.error_of("model_year") == expected
    assert focused() is form.fields.date_edit

    form.fields.year_edit.setFocus()
    form.fields.year_edit.selectAll()
    qtbot.keyClicks(form.fields.year_edit, "2019")
    assert form.fields.error_of("model_year") == ""  # cleared as soon as it is fixed
    qtbot.keyClick(form.fields.year_edit, Qt.Key.Key_Tab)
    assert type_and_enter(qtbot, "") is form.fields.date_edit  # today, by default
    form.fields.date_edit.setDate(
        form.fields.date_edit.date().addDays(-1)
    )  # yesterday, at 9:30 at night
    assert type_and_enter(qtbot, "9:30 pm") is form.fields.time_edit
    assert type_and_enter(qtbot, "Zamzama Park") is form.fields.place_edit
    form.fields.fir_edit.setFocus()
    type_and_enter(qtbot, "123/2026")
    form.fields.owner_name_edit.setFocus()
    type_and_enter(qtbot, "Ali Raza")
    form.fields.owner_cnic_edit.setFocus()
    type_and_enter(qtbot, "42101-1234567-1")

    save(qtbot, form)
    assert form.stack.currentIndex() == 1
    assert form.result_registered is not None
    assert registered == [form.result_registered.id]
    assert form.number_label.text() == form.result_registered.number
    assert "reported stolen" in form.outcome_label.text()
    check = verification.verify(station_ctx, "knp 5586")
    assert check.result == "stolen"
    [theft] = check.reports
    assert (theft.fir_number, theft.description) == ("123/2026", "Red Honda CD 70 2019")
    detail = vehicle_list.get(station_ctx, form.result_registered.id)
    assert (detail.owner_name, detail.owner_cnic, detail.incident_place) == (
        "Ali Raza", "42101-1234567-1", "Zamzama Park",
    )  # fmt: skip
    assert detail.incident_at is not None and detail.incident_at.hour == 16  # 21:30 PKT in UTC

    # The owner's receipt goes through the same preview and printing code as complaint receipts.
    printed: list[bytes] = []
    monkeypatch.setattr(
        receipt_printing, "print_pdf", lambda parent, pdf, title: printed.append(pdf) or "printed"
    )
    monkeypatch.setattr(receipt_preview, "run", lambda dialog: dialog.print_receipt())
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(form.receipt_panel.receipts) == 1, timeout=10_000)
    assert len(printed) == 1 and printed[0].startswith(b"%PDF")
    assert "sent to the printer" in form.receipt_panel.status_label.text()

    qtbot.mouseClick(form.another_button, Qt.MouseButton.LeftButton)
    assert form.stack.currentIndex() == 0
    assert form.fields.kind() == "stolen" and form.fields.registration_edit.text() == ""


def test_save_refuses_an_incomplete_form_and_points_at_the_first_problem(
    qtbot, open_form, station_ctx: DeskContext
) -> None:
    form = open_form(station_ctx)
    form.fields.year_edit.setFocus()
    qtbot.keyClicks(form.fields.year_edit, "20x0")
    qtbot.keyClick(form.fields.year_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.stack.currentIndex() == 0
    assert focused() is form.fields.kind_combo
    assert form.banner.text() == "Please correct the boxes marked in red, then save again."
    assert form.fields.error_of("kind").startswith("Choose what happened")
    assert form.fields.error_of("vehicle_class").startswith("Choose the kind of vehicle")
    assert form.fields.error_of("registration").startswith("Enter at least one of")
    assert form.fields.error_of("model_year").startswith("Model year should be a year")
    # Typing a chassis number settles "at least one identifier" at once.
    form.fields.chassis_edit.setFocus()
    qtbot.keyClicks(form.fields.chassis_edit, "KA-1")
    assert form.fields.error_of("registration") == ""
    assert vehicle_list.count(station_ctx, VehicleQuery()) == 0


def test_a_recovery_finds_its_theft_report_by_exact_chassis_and_is_confirmed(
    qtbot, monkeypatch, open_form, station_ctx: DeskContext, thefts
) -> None:
    seen: list[VehicleMatchDialog] = []
    questions = answer_match(qtbot, monkeypatch, thefts["honda"], seen)
    form = open_form(station_ctx)
    matched: list[str] = []
    form.matched.connect(matched.append)
    fill_recovery(qtbot, form, reg="KXX-9999", chassis="KA1234567")  # the plate was changed
    assert form.fields.owner_heading.text() == "Owner (if known)"
    save(qtbot, form)

    [dialog] = seen
    [card] = dialog.cards
    assert card.candidate.wanted.ref == thefts["honda"]
    assert card.evidence_label.text() == "• Chassis number: exact"
    assert "Strong match (score 100; 85 or more is strong)" in card.choice.text()
    assert card.candidate.wanted.number in card.choice.text()
    assert "FIR 123/2026" in card.details_label.text()
    assert "Clifton" in card.details_label.text()
    assert "registration KXX-9999 · chassis KA1234567" in dialog.recovery_label.text()
    [question] = questions
    assert card.candidate.wanted.number in question and "closed as recovered" in question

    assert matched == [thefts["honda"]]
    assert "now closed as recovered" in form.outcome_label.text()
    assert verification.verify(station_ctx, "KNP-5586").result == "recovered"
    assert vehicle_list.get(station_ctx, thefts["honda"]).status == "recovered"


def test_a_recovery_with_o_typed_for_0_finds_it_by_near_match(
    qtbot, monkeypatch, open_form, station_ctx: DeskContext, thefts
) -> None:
    seen: list[VehicleMatchDialog] = []
    answer_match(qtbot, monkeypatch, thefts["corolla"], seen)
    form = open_form(station_ctx)
    fill_recovery(qtbot, form, chassis="NZE-555OOO1")  # letter O for the digit 0
    save(qtbot, form)
    [dialog] = seen
    assert dialog.cards[0].candidate.wanted.ref == thefts["corolla"]
    assert dialog.cards[0].evidence_label.text() == (
        "• Chassis number: the same once look-alike characters (O and 0, I and 1, S and 5…) "
        "are read alike"
    )
    assert verification.verify(station_ctx, "NZE5550001").result == "recovered"


def test_none_of_these_leaves_the_theft_report_open(
    qtbot, monkeypatch, open_form, station_ctx: DeskContext, thefts
) -> None:
    seen: list[VehicleMatchDialog] = []
    answer_match(qtbot, monkeypatch, None, seen)
    form = open_form(station_ctx)
    fill_recovery(qtbot, form, engine="AH-7654321")  # the chassis number, in the engine box
    save(qtbot, form)
    [dialog] = seen
    assert dialog.cards[0].evidence_label.text() == (
        "• Engine number: equals the chassis number written in the theft report"
    )
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert form.matched_theft_id is None
    assert "Not matched" in form.outcome_label.text()
    assert verification.verify(station_ctx, "KMR-7730").result == "stolen"


def test_a_recovery_nobody_reported_stays_open(
    qtbot, open_form, station_ctx: DeskContext, thefts
) -> None:
    form = open_form(station_ctx)  # no match dialog may open (the fixture refuses it)
    fill_recovery(qtbot, form, chassis="YB-0000001")
    save(qtbot, form)
    assert "No open theft report matches" in form.outcome_label.text()
    assert form.candidates == []


@pytest.mark.parametrize(
    ("evidence", "words"),
    [
        (Evidence("chassis", "chassis", "exact", 100), "Chassis number: exact"),
        (
            Evidence("engine", "chassis", "swapped", 80),
            "Engine number: equals the chassis number written in the theft report",
        ),
        (Evidence("registration", "registration", "one_off", 40), "Registration: one character different"),
        (Evidence("registration", "registration", "partial", 30), "Registration: partial plate"),
        (Evidence("engine", "engine", "one_off", 60), "Engine number: one character different"),
    ],
)  # fmt: skip
def test_evidence_is_told_in_words(evidence: Evidence, words: str) -> None:
    assert evidence_text(evidence) == words


def test_a_score_says_its_scale_and_the_looks_say_what_agrees() -> None:
    assert score_text(40) == (
        "Weak match (score 40; below 50 is weak: check every number on the vehicle)"
    )
    assert score_text(60).startswith("Possible match (score 60; 50 to 84")
    assert score_text(100) == "Strong match (score 100; 85 or more is strong)"
    [make, colour] = compare_looks(Looks("honda", "", "Blue"), Looks("Honda", "CD 70", "Red"))
    assert looks_text(make) == "Make: the same (Honda)"
    assert looks_text(colour) == "Colour: different (Blue here, Red in the theft report)"


def test_a_recovery_shows_its_candidates_while_it_is_typed(
    qtbot, open_form, station_ctx: DeskContext, thefts
) -> None:
    form = open_form(station_ctx)
    preview = form.match_preview
    form.fields.kind_combo.setCurrentIndex(form.fields.kind_combo.findData("recovered"))
    assert preview.isHidden()  # nothing typed yet
    form.fields.make_edit.setText("Honda")
    form.fields.colour_edit.setText("Blue")  # repainted
    form.fields.chassis_edit.setFocus()
    qtbot.keyClicks(form.fields.chassis_edit, "KA1234567")  # not saved: still being typed
    qtbot.waitUntil(lambda: bool(preview.candidates), timeout=5_000)
    assert preview.isVisible() and form.result_registered is None
    shown = preview.body.text()
    assert vehicle_list.get(station_ctx, thefts["honda"]).number in shown
    assert "Strong match (score 100" in shown and "Chassis number: exact" in shown
    assert "Make: the same (Honda)" in shown
    assert "Colour: different (Blue here, Red in the theft report)" in shown
    # A theft report has no candidates: the panel goes.
    form.fields.kind_combo.setCurrentIndex(form.fields.kind_combo.findData("stolen"))
    assert preview.isHidden()


def test_a_draft_survives_a_crash_and_is_offered_to_the_next_form(
    qtbot, open_form, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch, thefts
) -> None:
    crashed = open_form(station_ctx)
    fill_recovery(qtbot, crashed, chassis="KA1234567")
    crashed.fields.colour_edit.setFocus()
    qtbot.keyClicks(crashed.fields.colour_edit, "Blue")
    qtbot.waitUntil(lambda: crashed.drafts_saved >= 1, timeout=10_000)
    crashed._jobs.wait_idle()
    [kept] = drafts.drafts(station_ctx, DRAFT_KIND)
    assert (kept.data["kind"], kept.data["vehicle_class"]) == ("recovered", "MOTORCYCLE")
    assert (kept.data["chassis"], kept.data["colour"]) == ("KA1234567", "Blue")
    crashed.hide()  # as in a power cut: no Save, no Cancel
    crashed.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    asked: list[str] = []
    seen: list[VehicleMatchDialog] = []
    answer_match(qtbot, monkeypatch, thefts["honda"], seen)
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, q: asked.append(q) or True)
    form = open_form(station_ctx)
    assert len(asked) == 1 and "(KA1234567)" in asked[0]  # named by the number typed first
    assert form.status_label.text() == "The unsaved vehicle report was filled in again."
    assert (form.fields.kind(), form.fields.class_combo.currentData()) == (
        "recovered", "MOTORCYCLE",
    )  # fmt: skip
    assert form.fields.chassis_edit.text() == "KA1234567"
    # The recovery's candidates are looked for as if it had just been typed.
    qtbot.waitUntil(lambda: bool(form.match_preview.candidates), timeout=5_000)
    save(qtbot, form)
    assert form.matched_theft_id == thefts["honda"]
    assert drafts.drafts(station_ctx, DRAFT_KIND) == []  # the draft went with the save


def test_cancel_throws_away_what_was_typed_and_its_draft(
    qtbot, open_form, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = open_form(station_ctx)
    form.fields.registration_edit.setFocus()
    qtbot.keyClicks(form.fields.registration_edit, "KNP-5586")
    form.save_draft_now()
    form._jobs.wait_idle()
    assert len(drafts.drafts(station_ctx, DRAFT_KIND)) == 1
    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, q: asked.append(q) or answers.pop(0))
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()  # "No": the form stays, and so does what was typed
    assert len(drafts.drafts(station_ctx, DRAFT_KIND)) == 1
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert (
        asked
        == ["This report has not been saved. Close the form and throw away what was typed?"] * 2
    )
    form._jobs.wait_idle()
    assert drafts.drafts(station_ctx, DRAFT_KIND) == []


# ---------------------------------------------------------------------- checking a vehicle


@pytest.fixture
def verify_widget(qtbot, station_ctx: DeskContext) -> Iterator[VehicleVerifyWidget]:
    widget = VehicleVerifyWidget(station_ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.is_checking())


def check(qtbot, widget: VehicleVerifyWidget, text: str) -> None:
    widget.input.clear()
    with qtbot.waitSignal(widget.verified, timeout=5_000):
        qtbot.keyClicks(widget.input, text)  # checked once typing pauses


def test_a_stolen_plate_is_reported_stolen_and_checked_once(
    qtbot, verify_widget: VehicleVerifyWidget, station_ctx: DeskContext, thefts
) -> None:
    check(qtbot, verify_widget, "knp 5586")
    assert verify_widget.state == "stolen"
    assert verify_widget.headline() == "REPORTED STOLEN"
    assert (
        verify_widget.icon_label.pixmap() is not None
        and not verify_widget.icon_label.pixmap().isNull()
    )
    assert "#b00020" in verify_widget.panel.styleSheet()
    details = verify_widget.details_label.text()
    assert "Clifton police station" in details and "FIR 123/2026" in details
    assert vehicle_list.get(station_ctx, thefts["honda"]).number in details
    assert verify_widget.hotlist_label.text().startswith("No hotlist received yet")
    assert "Do not buy" in verify_widget.advice_label.text()
    # Eight keystrokes, one check in the audit trail.
    assert [c["identifier"] for c in audited(station_ctx, AuditAction.VEHICLE_VERIFIED)] == [
        "KNP5586"
    ]
    # Enter on the answer already shown does not check (and audit) it again.
    qtbot.keyClick(verify_widget.input, Qt.Key.Key_Return)
    assert not verify_widget.is_checking()
    assert len(audited(station_ctx, AuditAction.VEHICLE_VERIFIED)) == 1


def test_a_snatched_vehicle_and_an_unknown_one(
    qtbot, verify_widget: VehicleVerifyWidget, station_ctx: DeskContext, thefts
) -> None:
    check(qtbot, verify_widget, "E4123456")
    assert verify_widget.headline() == "REPORTED SNATCHED"
    check(qtbot, verify_widget, "ZZZ-999")
    assert verify_widget.state == "none"
    assert verify_widget.headline() == "No record"
    assert "ZZZ999 is not reported" in verify_widget.advice_label.text()
    assert verify_widget.details_label.isHidden()


def test_a_slip_of_one_character_is_a_near_record_never_a_green_no_record(
    qtbot, verify_widget: VehicleVerifyWidget, station_ctx: DeskContext, thefts
) -> None:
    check(qtbot, verify_widget, "KNP 5589")  # KNP-5586 is reported stolen
    assert verify_widget.state == "near"
    assert verify_widget.headline() == "NEAR RECORD - CHECK EVERY CHARACTER"
    assert "#b35900" in verify_widget.panel.styleSheet()  # amber, not the green of "No record"
    details = verify_widget.details_label.text()
    assert vehicle_list.get(station_ctx, thefts["honda"]).number in details
    assert "registration KNP-5586 is one character away from KNP5589" in details
    assert "KNP5589 itself is not reported" in verify_widget.advice_label.text()


def test_short_text_is_not_checked_and_an_old_answer_does_not_linger(
    qtbot, verify_widget: VehicleVerifyWidget, station_ctx: DeskContext, thefts
) -> None:
    check(qtbot, verify_widget, "KNP-5586")
    qtbot.keyClick(verify_widget.input, Qt.Key.Key_Backspace)
    # The answer for KNP-5586 must not stand for KNP-558.
    assert verify_widget.state == "waiting"
    assert verify_widget.headline() != "REPORTED STOLEN"
    verify_widget.input.setText("KN")
    assert verify_widget.state == "short"
    qtbot.keyClick(verify_widget.input, Qt.Key.Key_Return)
    assert not verify_widget.is_checking()
    assert verify_widget.headline() == "Keep typing…"
    assert len(audited(station_ctx, AuditAction.VEHICLE_VERIFIED)) == 1


def test_a_recovered_vehicle_says_recovered(
    qtbot, verify_widget: VehicleVerifyWidget, station_ctx: DeskContext, thefts
) -> None:
    vehicles.confirm_match(
        station_ctx, report(station_ctx, "recovered", chassis="KA1234567"), thefts["honda"]
    )
    with qtbot.waitSignal(verify_widget.verified):
        verify_widget.input.setText("JL1P-50123")
        qtbot.keyClick(verify_widget.input, Qt.Key.Key_Return)  # at once, no pause needed
    assert verify_widget.headline() == "Recovered"
    assert "#2f6fb0" in verify_widget.panel.styleSheet()


# ---------------------------------------------------------------------- the list


@pytest.fixture
def demo_ctx(station_ctx: DeskContext) -> DeskContext:
    demo.populate(station_ctx, complaints=0, vehicles=DEMO_VEHICLES)
    return station_ctx


def test_model_passes_the_model_tester_and_loads_lazily(
    qtmodeltester, monkeypatch, demo_ctx
) -> None:
    pages: list[object] = []
    real = vehicle_list.list_page

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        pages.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(vehicle_list, "list_page", counting)
    for force_py in (False, True):  # Qt's own tester, then pytest-qt's
        model = VehiclesModel(demo_ctx, page_size=100)
        model.set_query(VehicleQuery())
        assert model.rowCount() == 100
        qtmodeltester.check(model, force_py=force_py)
        # The tester fetches a page or two more; nothing reads the whole store.
        assert model.rowCount() < DEMO_VEHICLES
        assert model.canFetchMore(QModelIndex())
    assert len(pages) < 2 * (DEMO_VEHICLES // 100)


def test_model_pages_through_everything_once(qtbot, demo_ctx) -> None:
    model = VehiclesModel(demo_ctx)
    model.set_query(VehicleQuery())
    assert model.rowCount() == 200
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == DEMO_VEHICLES and model.fully_loaded()
    assert len({r.id for r in model.rows()}) == DEMO_VEHICLES
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Number", "Registered", "What happened", "Class", "Registration", "Chassis",
                       "Engine", "Vehicle", "Owner", "Owner's CNIC", "Police station", "Status"]  # fmt: skip
    for i, row in enumerate(model.rows()):
        assert "*" in model.index(i, CNIC).data() or model.index(i, CNIC).data() == "–"
        if row.kind == "recovered":
            assert model.index(i, STATUS).data() == "Not matched yet"
            assert model.index(i, STATUS).data(AWAITING_ROLE) is True
            assert model.index(i, STATUS).data(Qt.ItemDataRole.DecorationRole) is not None


@pytest.fixture
def open_page(qtbot) -> Iterator[Callable[[DeskContext], VehiclesPage]]:
    pages: list[VehiclesPage] = []

    def refuse(*args: object) -> QDialog:
        raise AssertionError(f"a dialog was opened unexpectedly: {args}")

    def make(ctx: DeskContext) -> VehiclesPage:
        page = VehiclesPage(ctx)
        page.open_form = refuse  # type: ignore[assignment]
        page.open_detail = refuse  # type: ignore[assignment]
        page.open_matches = refuse  # type: ignore[assignment]
        qtbot.addWidget(page)
        page.resize(1200, 860)
        page.show()
        qtbot.waitExposed(page)
        pages.append(page)
        return page

    yield make
    for page in pages:
        qtbot.waitUntil(lambda page=page: not page.is_busy_reading())


def test_page_lists_searches_and_filters(qtbot, open_page, demo_ctx) -> None:
    page = open_page(demo_ctx)
    assert page.model.rowCount() == 200
    qtbot.waitUntil(lambda: page.count_text() == f"{DEMO_VEHICLES} vehicle reports")
    target = page.model.rows()[17]
    assert target.registration or target.chassis
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, target.chassis or "")
    qtbot.waitUntil(lambda: page.model.query.text == target.chassis)
    assert target.id in [r.id for r in page.model.rows()]
    assert page.hint_label.text().startswith("Searching registration, chassis or engine")

    page.search_box.clear()
    page.search_now()
    page.filters.select(page.filters.kind_combo, "recovered")
    assert page.model.query.kinds == ("recovered",)
    rows = page.model.rows()
    assert rows and all(r.kind == "recovered" for r in rows)
    page.filters.select(page.filters.class_combo, "CAR")
    page.filters.select(page.filters.station_combo, "CLIF")
    assert all(
        r.vehicle_class == "CAR" and r.police_station_code == "CLIF" for r in page.model.rows()
    )
    page.filters.clear()
    assert page.model.query == VehicleQuery()


class MatchStandIn(QDialog):
    matched = Signal(str)


def test_double_click_looks_for_a_recoverys_theft_report(
    qtbot, monkeypatch, open_page, station_ctx, thefts
) -> None:
    recovery = report(station_ctx, "recovered", chassis="KA-1234567")
    page = open_page(station_ctx)
    shown: list[tuple[str, list[str]]] = []
    ran: list[QDialog] = []

    def open_matches(row: VehicleRow, candidates) -> QDialog:
        shown.append((row.id, [c.wanted.ref for c in candidates]))
        return MatchStandIn()

    page.open_matches = open_matches
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: ran.append(dialog) or 0)
    row = page.model.row_of(recovery)
    assert row == 0  # newest first
    assert page.model.index(row, STATUS).data() == "Not matched yet"
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.match_search_finished, timeout=10_000):
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown == [(recovery, [thefts["honda"]])]
    assert len(ran) == 1


def test_other_reports_open_their_details(
    qtbot, monkeypatch, open_page, station_ctx, thefts
) -> None:
    page = open_page(station_ctx)
    opened: list[QDialog] = []
    page.open_detail = lambda report_id: VehicleDetailDialog(station_ctx, report_id, page)
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: opened.append(dialog) or 0)
    page.select_id(thefts["honda"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    [dialog] = opened
    assert isinstance(dialog, VehicleDetailDialog)
    assert dialog.values["registration"].text() == "KNP-5586"
    assert dialog.values["fir"].text().startswith("123/2026")
    assert "Ali Raza" in dialog.values["owner"].text()


def test_ctrl_n_opens_the_form_and_a_saved_report_is_selected(
    qtbot, monkeypatch, open_page, station_ctx
) -> None:
    page = open_page(station_ctx)
    assert page.empty_label.text().startswith("No vehicle reports yet")
    changed: list[bool] = []
    page.records_changed.connect(lambda: changed.append(True))

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, VehicleFormDialog)
        dialog.fields.kind_combo.setCurrentIndex(dialog.fields.kind_combo.findData("snatched"))
        dialog.fields.class_combo.setCurrentIndex(dialog.fields.class_combo.findData("CAR"))
        dialog.fields.registration_edit.setText("BKR-410")
        with qtbot.waitSignal(dialog.save_finished, timeout=10_000):
            assert dialog.save()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_modal", run)
    page.open_form = lambda: VehicleFormDialog(station_ctx, page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert changed == [True]
    assert page.model.rowCount() == 1
    assert page.selected_id() == page.model.rows()[0].id
    assert page.model.rows()[0].registration == "BKR-410"


def test_the_vehicles_page_checks_a_vehicle_at_the_top(
    qtbot, open_page, station_ctx, thefts
) -> None:
    page = open_page(station_ctx)
    with qtbot.waitSignal(page.verify_widget.verified, timeout=5_000):
        qtbot.keyClicks(page.verify_widget.input, "KMR 7730")
    assert page.verify_widget.headline() == "REPORTED SNATCHED"
