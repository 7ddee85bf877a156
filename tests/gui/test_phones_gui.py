"""The phone desk's screens: the report form typed with the keyboard (a mistyped IMEI answered
with the numbers this desk holds one digit away, a draft kept across a crash), a recovered
handset matched to its theft report, the IMEI check, the lazy list and a report's detail."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.gui.phones.phone_detail import PhoneDetailDialog
from cplc_desk.gui.phones.phone_form import DRAFT_KIND, PhoneFormDialog
from cplc_desk.gui.phones.phone_match import Handset, PhoneMatchDialog, imei_lines
from cplc_desk.gui.phones.phones_model import STATUS
from cplc_desk.gui.phones.phones_page import PhonesPage
from cplc_desk.gui.widgets import dialogs
from cplc_desk.services.desk import drafts
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phone_list, phones
from cplc_desk.services.phones.phone_list import PhoneQuery, PhoneRow
from cplc_desk.storage.models import AuditEntry


def imei(body: str) -> str:
    """A valid IMEI from its first 14 digits."""
    return body + imeis.check_digit(body)


SAMSUNG = imei("35693803564380")
SAMSUNG_2 = imei("35693803564381")
OPPO = imei("86912345678901")


def mistype(number: str, at: int = 6) -> str:
    """``number`` with one digit changed: its check digit then fails."""
    return number[:at] + str((int(number[at]) + 1) % 10) + number[at + 1 :]


def report(ctx: DeskContext, kind: str, first: str, second: str = "", make: str = "Samsung") -> str:
    owner = PersonDraft() if kind in ("recovered", "found") else PersonDraft("Sana Baig")
    draft = PhoneReportDraft(
        kind=kind, imei=first, imei2=second, make=make, model="Galaxy A12", colour="Black",
        police_station="CLIF", owner=owner, incident_at=now_utc(),
    )  # fmt: skip
    return phones.register_phone_report(ctx, draft).id


def audited(ctx: DeskContext, action: AuditAction) -> list[dict[str, object]]:
    with ctx.store.read() as s:
        rows = s.scalars(
            select(AuditEntry.details).where(AuditEntry.action == action).order_by(AuditEntry.seq)
        )
        return [json.loads(d) for d in rows]


@pytest.fixture
def open_form(qtbot) -> Iterator[Callable[[DeskContext], PhoneFormDialog]]:
    forms: list[PhoneFormDialog] = []

    def make(ctx: DeskContext) -> PhoneFormDialog:
        form = PhoneFormDialog(ctx)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        forms.append(form)
        return form

    yield make
    for form in forms:
        if shiboken6.isValid(form):
            form.done(QDialog.DialogCode.Rejected)
            form.deleteLater()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_and_enter(qtbot, text: str) -> QWidget:
    widget = focused()
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    return widget


def save(qtbot, form: PhoneFormDialog) -> None:
    with qtbot.waitSignal(form.save_finished, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert form.banner.isHidden(), form.banner.text()


# ---------------------------------------------------------------------- the form


def test_a_snatched_phone_is_recorded_with_the_keyboard(
    qtbot, open_form, station_ctx: DeskContext
) -> None:
    form = open_form(station_ctx)
    assert focused() is form.fields.kind_combo
    assert form.fields.station_combo.code() == "CLIF"
    assert type_and_enter(qtbot, "Snatched") is form.fields.kind_combo
    assert form.fields.incident_heading.text() == "When and where it was snatched"
    # 14 digits typed in Urdu: completed with the check digit.
    urdu = SAMSUNG[:14].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    form.fields.imei_edit.setText(urdu)  # QTest types Latin keys only
    assert type_and_enter(qtbot, "") is form.fields.imei_edit
    assert form.fields.error_of("imei") == ""
    assert type_and_enter(qtbot, SAMSUNG_2) is form.fields.imei2_edit
    form.fields.make_edit.setFocus()
    type_and_enter(qtbot, "Samsung")
    type_and_enter(qtbot, "Galaxy A12")
    type_and_enter(qtbot, "Black")
    assert type_and_enter(qtbot, "0321-7654321") is form.fields.sim_edit
    form.fields.place_edit.setFocus()
    type_and_enter(qtbot, "Boat Basin")
    form.fields.owner_name_edit.setFocus()
    type_and_enter(qtbot, "Sana Baig")
    form.fields.owner_cnic_edit.setFocus()
    type_and_enter(qtbot, "42101-7654321-2")
    save(qtbot, form)

    assert form.stack.currentIndex() == 1
    registered = form.result_registered
    assert registered is not None and "-P-" in registered.number
    assert form.number_label.text() == registered.number
    assert "reported snatched" in form.outcome_label.text()
    detail = phone_list.get(station_ctx, registered.id)
    assert (detail.imei, detail.imei2, detail.sim_number) == (SAMSUNG, SAMSUNG_2, "0321-7654321")
    assert (detail.owner_name, detail.owner_cnic) == ("Sana Baig", "42101-7654321-2")
    assert phones.verify_phone(station_ctx, SAMSUNG_2).result == "stolen"
    assert drafts.drafts(station_ctx, DRAFT_KIND) == []  # the draft went with the save


def test_save_refuses_the_same_imei_twice_and_a_missing_one(
    qtbot, open_form, station_ctx: DeskContext
) -> None:
    form = open_form(station_ctx)
    form.fields.imei2_edit.setText(SAMSUNG)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.stack.currentIndex() == 0
    assert form.banner.text() == "Please correct the boxes marked in red, then save again."
    assert form.fields.error_of("kind").startswith("Choose what happened")
    assert form.fields.error_of("imei").startswith("Please enter the IMEI")
    assert focused() is form.fields.kind_combo
    form.fields.imei_edit.setText(SAMSUNG)
    form.fields.kind_combo.setCurrentIndex(0)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.fields.error_of("imei2").startswith("The second IMEI is the same as the first")
    assert phone_list.count(station_ctx, PhoneQuery()) == 0


def test_a_mistyped_imei_is_answered_with_the_number_this_desk_holds(
    qtbot, open_form, station_ctx: DeskContext
) -> None:
    report(station_ctx, "stolen", SAMSUNG)
    form = open_form(station_ctx)
    form.fields.imei_edit.setFocus()
    slip = mistype(SAMSUNG)
    type_and_enter(qtbot, slip)
    assert "one digit is probably mistyped" in form.fields.error_of("imei")
    near = form.fields.near["imei"]
    qtbot.waitUntil(lambda: len(near.buttons) == 1, timeout=10_000)
    assert SAMSUNG in near.buttons[0].text() and "stolen" in near.buttons[0].text()
    qtbot.mouseClick(near.buttons[0], Qt.MouseButton.LeftButton)
    assert form.fields.imei_edit.text() == SAMSUNG
    assert form.fields.error_of("imei") == ""
    assert near.isHidden()


def test_an_altered_imei_is_kept_as_typed_with_its_note(
    qtbot, open_form, station_ctx: DeskContext
) -> None:
    form = open_form(station_ctx)
    form.fields.kind_combo.setCurrentIndex(form.fields.kind_combo.findData("found"))
    assert not form.fields.note_edit.isEnabled()
    form.fields.imei_edit.setText(mistype(OPPO))
    form.fields.altered_check.setChecked(True)
    assert form.fields.note_edit.isEnabled()
    form.fields.note_edit.setText("Box IMEI differs from *#06#")
    form.fields.place_edit.setText("Saddar")
    save(qtbot, form)
    registered = form.result_registered
    assert registered is not None
    detail = phone_list.get(station_ctx, registered.id)
    assert (detail.imei, detail.imei_altered) == (mistype(OPPO), True)
    assert detail.imei_note == "Box IMEI differs from *#06#"


def test_a_draft_survives_a_crash_and_is_offered_to_the_next_form(
    qtbot, open_form, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = open_form(station_ctx)
    crashed.fields.kind_combo.setFocus()
    type_and_enter(qtbot, "Stolen")
    qtbot.keyClicks(crashed.fields.imei_edit, SAMSUNG)
    crashed.fields.owner_name_edit.setFocus()
    qtbot.keyClicks(crashed.fields.owner_name_edit, "Sana Baig")
    qtbot.waitUntil(lambda: crashed.drafts_saved >= 1, timeout=10_000)
    crashed._jobs.wait_idle()
    [kept] = drafts.drafts(station_ctx, DRAFT_KIND)
    assert kept.data["imei"] == SAMSUNG and kept.data["kind"] == "stolen"
    crashed.hide()  # as in a power cut: no Save, no Cancel
    crashed.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, q: asked.append(q) or True)
    form = open_form(station_ctx)
    assert len(asked) == 1 and SAMSUNG in asked[0]
    assert form.fields.imei_edit.text() == SAMSUNG
    assert form.fields.kind() == "stolen"
    assert form.fields.owner_name_edit.text() == "Sana Baig"
    save(qtbot, form)
    assert drafts.drafts(station_ctx, DRAFT_KIND) == []


# ---------------------------------------------------------------------- matching


def test_a_recovery_is_matched_by_the_reports_second_imei_and_confirmed(
    qtbot, open_form, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    theft = report(station_ctx, "stolen", OPPO, SAMSUNG)
    seen: list[PhoneMatchDialog] = []
    questions: list[str] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, PhoneMatchDialog)
        seen.append(dialog)
        assert not dialog.confirm_button.isEnabled()
        assert dialog.choose(theft)
        with qtbot.waitSignal(dialog.confirm_finished, timeout=10_000):
            qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "confirm", lambda p, t, q: questions.append(q) or True)
    monkeypatch.setattr(dialogs, "run_modal", run)
    form = open_form(station_ctx)
    form.fields.kind_combo.setCurrentIndex(form.fields.kind_combo.findData("recovered"))
    form.fields.imei_edit.setText(SAMSUNG)
    form.fields.make_edit.setText("samsung")
    form.fields.colour_edit.setText("White")
    save(qtbot, form)

    [dialog] = seen
    first = dialog.cards[0]
    assert first.candidate.id == theft
    assert "same IMEI" in first.choice.text()
    lines = first.evidence_label.text().splitlines()
    assert lines[0] == f"• IMEI 1 of this handset = IMEI 2 of the report: {SAMSUNG}"
    assert "• Make: the same (Samsung)" in lines
    assert "• Colour: differs (White here, Black there)" in lines
    [question] = questions
    assert "closed as recovered" in question
    assert form.matched_theft_id == theft
    assert "now closed as recovered" in form.outcome_label.text()
    assert phone_list.get(station_ctx, theft).status == "recovered"
    assert phones.verify_phone(station_ctx, OPPO).result == "recovered"


def test_one_digit_apart_is_told_with_the_digit() -> None:
    summary = phones.PhoneCandidate(
        "id", "P-2", "stolen", "open", SAMSUNG, None, False, None, None, None, "CLIF", None,
        evidence=tuple(imeis.compare((mistype(SAMSUNG, 6), None), (SAMSUNG, None))),
    )  # fmt: skip
    exact, [line] = imei_lines(summary)
    assert not exact
    assert line.startswith(
        "IMEI 1 of this handset is one digit from IMEI 1 of the report (digit 7:"
    )


def test_a_recovery_nobody_reported_stays_open(qtbot, open_form, station_ctx) -> None:
    form = open_form(station_ctx)  # a match dialog would be refused by the fixture
    form.fields.kind_combo.setCurrentIndex(form.fields.kind_combo.findData("found"))
    form.fields.imei_edit.setText(OPPO)
    save(qtbot, form)
    assert "No open theft report has this handset's IMEI" in form.outcome_label.text()


# ---------------------------------------------------------------------- the check


@pytest.fixture
def open_page(qtbot) -> Iterator[Callable[[DeskContext], PhonesPage]]:
    pages: list[PhonesPage] = []

    def refuse(*_args: object) -> QDialog:
        raise AssertionError("no dialog expected")

    def make(ctx: DeskContext) -> PhonesPage:
        page = PhonesPage(ctx)
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


def check(qtbot, page: PhonesPage, typed: str) -> str:
    widget = page.verify_widget
    widget.input.setFocus()
    widget.input.clear()
    with qtbot.waitSignal(widget.check_finished, timeout=10_000):
        qtbot.keyClicks(widget.input, typed)
        qtbot.keyClick(widget.input, Qt.Key.Key_Return)
    return widget.headline()


def test_the_phones_page_checks_a_handset_and_records_each_check(
    qtbot, open_page, station_ctx
) -> None:
    report(station_ctx, "snatched", SAMSUNG)
    page = open_page(station_ctx)
    assert check(qtbot, page, SAMSUNG) == "REPORTED SNATCHED"
    assert "Do not buy" in page.verify_widget.advice_label.text()
    assert "Sana Baig" not in page.verify_widget.details_label.text()  # no owner's details
    # One digit mistyped: never a green "No record" while a reported handset is that close.
    assert check(qtbot, page, mistype(SAMSUNG)) == "NEAR RECORD - READ THE IMEI AGAIN"
    assert check(qtbot, page, OPPO) == "No record"
    page.verify_widget.input.setText("12345")
    assert page.verify_widget.headline() == "Keep typing…"
    assert check(qtbot, page, mistype(OPPO)) == "Could not check"
    assert "not a valid IMEI" in page.verify_widget.details_label.text()
    results = [d["result"] for d in audited(station_ctx, AuditAction.PHONE_VERIFIED)]
    assert results == ["stolen", "near", "none"]


# ---------------------------------------------------------------------- the list


class MatchStandIn(QDialog):
    matched = Signal(str)


def test_the_list_searches_by_imei_and_filters(qtbot, open_page, station_ctx) -> None:
    theft = report(station_ctx, "stolen", SAMSUNG, SAMSUNG_2)
    report(station_ctx, "snatched", OPPO, make="Oppo")
    page = open_page(station_ctx)
    assert page.model.rowCount() == 2
    qtbot.waitUntil(lambda: page.count_text() == "2 phone reports")
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, SAMSUNG_2[:14])  # 14 digits: the second IMEI, completed
    qtbot.waitUntil(lambda: page.model.query.text == SAMSUNG_2[:14])
    assert [r.id for r in page.model.rows()] == [theft]
    assert page.hint_label.text() == f"Searching IMEI {SAMSUNG_2}"
    page.search_box.clear()
    page.search_now()
    page.filters.kind_combo.setCurrentIndex(page.filters.kind_combo.findData("snatched"))
    assert [r.kind for r in page.model.rows()] == ["snatched"]
    page.filters.clear()
    assert page.model.query == PhoneQuery()


def test_double_click_looks_for_a_recoverys_theft_report(
    qtbot, monkeypatch, open_page, station_ctx
) -> None:
    theft = report(station_ctx, "stolen", SAMSUNG)
    recovery = report(station_ctx, "recovered", SAMSUNG)
    page = open_page(station_ctx)
    shown: list[tuple[str, tuple[str, ...], list[str]]] = []

    def open_matches(row: PhoneRow, handset: Handset, found) -> QDialog:
        shown.append((row.id, handset.imeis, [c.id for c in found]))
        return MatchStandIn()

    page.open_matches = open_matches
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: 0)
    row = page.model.row_of(recovery)
    assert page.model.index(row, STATUS).data() == "Not matched yet"
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.match_search_finished, timeout=10_000):
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown == [(recovery, (SAMSUNG,), [theft])]


def test_a_report_opens_with_its_history_and_the_view_is_audited(
    qtbot, monkeypatch, open_page, station_ctx
) -> None:
    theft = report(station_ctx, "stolen", SAMSUNG)
    recovery = report(station_ctx, "recovered", SAMSUNG)
    phones.confirm_match(station_ctx, recovery, theft)
    page = open_page(station_ctx)
    opened: list[QDialog] = []
    page.open_detail = lambda report_id: PhoneDetailDialog(station_ctx, report_id, page)
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: opened.append(dialog) or 0)
    page.select_id(theft)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    [dialog] = opened
    assert isinstance(dialog, PhoneDetailDialog)
    assert dialog.values["imei"].text() == SAMSUNG
    assert "Sana Baig" in dialog.values["owner"].text()
    assert "-P-" in dialog.values["matched"].text()
    assert dialog.history.rowCount() == 2
    assert dialog.history.item(0, 2).text() == "registered"
    assert "status" in dialog.history.item(1, 2).text()
    assert dialog.history.item(1, 2).text().endswith("Recovered")
    viewed = audited(station_ctx, AuditAction.RECORD_VIEWED)
    assert viewed and viewed[-1].get("number") == dialog.detail.number


def test_a_hotlist_report_is_shown_but_closed_only_by_its_own_station(
    qtbot, station_ctx: DeskContext
) -> None:
    held = phones.PhoneCandidate(
        "hotlist:SADD-P-2026-00007", "SADD-P-2026-00007", "stolen", "open", SAMSUNG, None,
        False, "Samsung", "A12", "Black", "SADD", None, "exact", "hotlist",
        evidence=tuple(imeis.compare((SAMSUNG, None), (SAMSUNG, None))),
    )  # fmt: skip
    dialog = PhoneMatchDialog(station_ctx, "recovery-id", Handset("P-1", (SAMSUNG,)), [held])
    qtbot.addWidget(dialog)
    [card] = dialog.cards
    assert "(city-wide hotlist)" in card.details_label.text()
    assert dialog.choose(held.id)
    assert not dialog.confirm_button.isEnabled()
    assert "tell the police station" in dialog.confirm_button.toolTip()
    assert not dialog.confirm_chosen()
