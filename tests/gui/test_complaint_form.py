"""The complaint form on a real Clifton desk: typed key by key, checked as boxes are left and on
Save, repeat complainants found, drafts surviving a crash, and the receipt after saving."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from cplc_desk.domain.clock import PKT
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.gui.complaints.complaint_form import ComplaintFormDialog
from cplc_desk.gui.widgets import dialogs, receipt_buttons, receipt_preview, receipt_printing
from cplc_desk.gui.widgets.field_parts import parse_date_text, parse_time_text
from cplc_desk.services.complaints import complaint_list, complaints
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import drafts
from cplc_desk.services.desk.context import DeskContext


@dataclass
class Printed:
    pdf: bytes
    title: str


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[Printed]:
    """Receipts sent to the printer; a real print dialog or file chooser would wait forever."""
    sent: list[Printed] = []

    def print_pdf(parent, pdf_bytes: bytes, title: str) -> str:  # type: ignore[no-untyped-def]
        sent.append(Printed(pdf_bytes, title))
        return receipt_printing.PRINTED

    def refuse(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("unexpected file chooser")

    monkeypatch.setattr(receipt_printing, "print_pdf", print_pdf)
    monkeypatch.setattr(receipt_printing, "save_pdf_path", refuse)
    # The preview, as a volunteer who presses Print in it (shown, it would wait for a click).
    monkeypatch.setattr(receipt_preview, "run", lambda dialog: dialog.print_receipt())
    return sent


def open_form(qtbot, ctx: DeskContext) -> ComplaintFormDialog:
    # Not given to qtbot to close: closing a form with unsaved text asks first, and qtbot closes
    # its widgets before a test's patches are undone. The tests close their forms themselves.
    dialog = ComplaintFormDialog(ctx)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def form(
    qtbot, station_ctx: DeskContext, printed: list[Printed], monkeypatch: pytest.MonkeyPatch
) -> Iterator[ComplaintFormDialog]:
    dialog = open_form(qtbot, station_ctx)
    yield dialog
    # Closing a form with unsaved text asks first; at the end of a test the answer is yes.
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    dialog.close()


def save_and_wait(qtbot, form: ComplaintFormDialog, save) -> str:  # type: ignore[no-untyped-def]
    """Save (by click or keys) and wait for ``registered``; returns the new complaint's id.

    Polled rather than waited with waitSignal: see cplc_desk.gui.widgets.operations on why the
    complaint dialogs keep Python signal traffic low under PySide6 6.12.
    """
    ids: list[str] = []
    form.registered.connect(ids.append)
    save()
    qtbot.waitUntil(lambda: len(ids) == 1, timeout=10_000)
    return ids[0]


def receipt_done(qtbot, form: ComplaintFormDialog, click: QWidget) -> None:
    before = len(form.receipt_panel.receipts)
    qtbot.mouseClick(click, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(form.receipt_panel.receipts) == before + 1 and not form.receipt_panel.is_busy(),
        timeout=10_000,
    )


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Click into the box (focus) and type, key by key."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    assert widget.hasFocus()
    qtbot.keyClicks(widget, text)


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Type part of a name into a searchable combo, then pick the first suggestion."""
    type_into(qtbot, combo, text)
    popup = combo.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    activate(qtbot, combo.window())  # the offscreen platform leaves the closed popup active


def tab_out(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert not widget.hasFocus()


def fill_valid(qtbot, form: ComplaintFormDialog, cnic: str = "42101-1234567-1") -> None:
    type_into(qtbot, form.entry.name_edit, "Ayesha Siddiqui")
    type_into(qtbot, form.entry.relative_edit, "Tariq Siddiqui")
    type_into(qtbot, form.entry.cnic_edit, cnic)
    type_into(qtbot, form.entry.mobile_edit, "0300 1234567")
    type_into(qtbot, form.entry.address_edit, "House 12, Block 5, Clifton")
    choose(qtbot, form.entry.category_combo, "phone snat")
    type_into(qtbot, form.entry.time_edit, "0:05")
    type_into(qtbot, form.entry.place_edit, "Khayaban-e-Ittehad signal")
    type_into(
        qtbot, form.entry.narrative_edit, "Two men on a motorcycle took her phone at the signal."
    )


def test_a_complaint_typed_key_by_key_is_checked_saved_and_its_receipt_printed(
    qtbot, form: ComplaintFormDialog, station_ctx: DeskContext, printed: list[Printed]
) -> None:
    cnic_box = form.entry.boxes["complainant_cnic"]
    assert form.entry.station_combo.code() == "CLIF"  # this desk's station by default

    type_into(qtbot, form.entry.name_edit, "Ayesha Siddiqui")
    tab_out(qtbot, form.entry.name_edit)
    assert form.entry.relative_edit.hasFocus()  # Tab goes down the form
    type_into(qtbot, form.entry.cnic_edit, "12345")
    assert not cnic_box.error_label.isVisible()  # not while typing
    tab_out(qtbot, form.entry.cnic_edit)
    assert cnic_box.error_label.isVisible()
    assert "A CNIC has 13 digits" in cnic_box.error()
    assert "You typed 5 digits" in cnic_box.error()

    form.entry.cnic_edit.clear()
    type_into(qtbot, form.entry.cnic_edit, "4210112345671")
    assert not cnic_box.error_label.isVisible()  # cleared as soon as it is right
    tab_out(qtbot, form.entry.cnic_edit)
    assert not cnic_box.error_label.isVisible()

    type_into(qtbot, form.entry.relative_edit, "Tariq Siddiqui")
    type_into(qtbot, form.entry.mobile_edit, "0300 1234567")
    type_into(qtbot, form.entry.address_edit, "House 12, Block 5, Clifton")
    choose(qtbot, form.entry.category_combo, "phone snat")
    # Today (the default date) just after midnight: never in the future, whenever tests run.
    type_into(qtbot, form.entry.time_edit, "12:05 am")
    type_into(qtbot, form.entry.place_edit, "Khayaban-e-Ittehad signal")
    type_into(qtbot, form.entry.fir_edit, "FIR 123/2026")
    type_into(
        qtbot, form.entry.narrative_edit, "Two men on a motorcycle took her phone at the signal."
    )

    complaint_id = save_and_wait(
        qtbot,
        form,
        lambda: qtbot.keyClick(
            form.entry.narrative_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        ),
    )

    detail = complaints.get(station_ctx, complaint_id)
    assert form.number_label.text() == detail.number
    assert detail.number.startswith("CLIF-C-")
    assert (detail.complainant, detail.relative_name) == ("Ayesha Siddiqui", "Tariq Siddiqui")
    assert (detail.cnic, detail.mobile) == ("42101-1234567-1", "0300-1234567")
    assert (detail.category_code, detail.police_station_code) == ("MOBILE_SNATCHING", "CLIF")
    assert detail.fir_number == "FIR 123/2026"
    assert detail.incident_at is not None
    assert detail.incident_at.astimezone(PKT).time() == time(0, 5)
    assert drafts.drafts(station_ctx, "complaint") == []  # saved: no draft left over

    # The confirmation: Enter-free, the Print button has the focus.
    assert form.stack.currentIndex() == 1
    assert form.receipt_panel.print_button.hasFocus()
    receipt_done(qtbot, form, form.receipt_panel.print_button)
    assert len(printed) == 1
    assert printed[0].pdf.startswith(b"%PDF")
    assert detail.number in printed[0].title
    assert "sent to the printer" in form.receipt_panel.status_label.text()


def test_save_shows_every_problem_and_puts_the_cursor_in_the_first(
    qtbot, form: ComplaintFormDialog, station_ctx: DeskContext
) -> None:
    type_into(qtbot, form.entry.mobile_edit, "0312 12345")
    type_into(qtbot, form.entry.category_combo, "no such kind")
    assert not form.entry.category_combo.completer().popup().isVisible()  # nothing matches
    type_into(qtbot, form.entry.time_edit, "25:99")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.entry.boxes["complainant_name"].error() == "This must be filled in."
    assert "A mobile number has 11 digits" in form.entry.boxes["complainant_mobile"].error()
    assert form.entry.boxes["category"].error() == "Choose a kind of complaint from the list."
    assert form.entry.boxes["incident_at"].error() == "Write the time like 21:30 or 9:30 pm."
    assert form.entry.boxes["narrative"].error() == "This must be filled in."
    assert not form.entry.boxes["complainant_cnic"].error()  # optional, left empty
    assert form.entry.name_edit.hasFocus()
    assert form.banner.isVisible()
    assert form.stack.currentIndex() == 0

    type_into(qtbot, form.entry.name_edit, "Muhammad Imran")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.entry.mobile_edit.hasFocus()  # now the first one left to fix
    assert not form.entry.boxes["complainant_name"].error()
    assert complaint_list.count(station_ctx, complaint_list.ComplaintQuery()) == 0


def test_a_future_incident_and_an_unknown_station_are_refused_in_words(
    qtbot, form: ComplaintFormDialog
) -> None:
    form.entry.station_combo.setEditText("")
    type_into(qtbot, form.entry.station_combo, "Atlantis")
    tab_out(qtbot, form.entry.station_combo)
    assert form.entry.boxes["police_station"].error() == "Choose a police station from the list."
    form.entry.station_combo.setEditText("")
    choose(qtbot, form.entry.station_combo, "boat b")  # any case, any part of the name
    assert form.entry.station_combo.code() == "BOBA"
    type_into(qtbot, form.entry.fir_date_edit, "31/02/2026")
    tab_out(qtbot, form.entry.fir_date_edit)
    assert "day/month/year" in form.entry.boxes["fir_number"].error()


def test_enter_moves_to_the_next_box(qtbot, form: ComplaintFormDialog) -> None:
    type_into(qtbot, form.entry.name_edit, "Sana Baloch")
    qtbot.keyClick(form.entry.name_edit, Qt.Key.Key_Return)
    assert form.entry.relative_edit.hasFocus()
    assert form.stack.currentIndex() == 0  # Enter does not save


def test_earlier_complaints_of_the_same_cnic_are_shown_before_saving(
    qtbot, station_ctx: DeskContext, printed: list[Printed]
) -> None:
    earlier = register_complaint(
        station_ctx,
        ComplaintDraft(
            complainant=PersonDraft(name="Ayesha Siddiqui", cnic="42101-1234567-1"),
            category="THEFT",
            police_station="CLIF",
            narrative="Handbag taken from a rickshaw.",
        ),
    )
    form = open_form(qtbot, station_ctx)
    assert not form.earlier_panel.isVisible()

    type_into(qtbot, form.entry.cnic_edit, "42101-1234567-1")
    qtbot.waitUntil(lambda: form.earlier_checks == 1, timeout=10_000)
    assert form.earlier_panel.isVisible()
    text = form.earlier_panel.text()
    assert text.startswith("This CNIC appears in 1 earlier complaint:")
    assert earlier.number in text
    assert "Ayesha Siddiqui" in text and "Registered" in text
    assert "You can still save" in text

    # A number nobody used before: the note goes away.
    form.entry.cnic_edit.clear()
    type_into(qtbot, form.entry.cnic_edit, "42101-7654321-1")
    qtbot.waitUntil(lambda: form.earlier_checks == 2, timeout=10_000)
    assert not form.earlier_panel.isVisible()

    # The volunteer may still register the complaint of someone who came before.
    form.entry.cnic_edit.clear()
    fill_valid(qtbot, form)
    save_and_wait(
        qtbot, form, lambda: qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    )
    assert form.earlier_panel.rows and form.earlier_panel.rows[0].id == earlier.id
    form.close()


def test_a_draft_survives_a_crash_and_is_offered_to_the_next_form(
    qtbot, station_ctx: DeskContext, printed: list[Printed], monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = open_form(qtbot, station_ctx)
    type_into(qtbot, crashed.entry.name_edit, "Farhan Qureshi")
    type_into(qtbot, crashed.entry.cnic_edit, "42301-3333333-3")
    choose(qtbot, crashed.entry.category_combo, "theft")
    type_into(qtbot, crashed.entry.narrative_edit, "Motorcycle parts stolen at Do Talwar.")
    # About a second after the last key the draft is written.
    qtbot.waitUntil(lambda: crashed.drafts_saved >= 1 and not crashed.is_busy(), timeout=10_000)
    assert drafts.drafts(station_ctx, "complaint")[0].data["name"] == "Farhan Qureshi"
    # The window goes away without Save or Cancel, as in a power cut.
    crashed.hide()
    crashed.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(crashed)

    asked: list[str] = []

    def answer_yes(parent, title: str, question: str) -> bool:  # type: ignore[no-untyped-def]
        asked.append(question)
        return True

    monkeypatch.setattr(dialogs, "confirm", answer_yes)
    form = open_form(qtbot, station_ctx)
    assert len(asked) == 1 and "Farhan Qureshi" in asked[0]
    assert form.entry.name_edit.text() == "Farhan Qureshi"
    assert form.entry.cnic_edit.text() == "42301-3333333-3"
    assert form.entry.category_combo.code() == "THEFT"
    assert form.entry.narrative_edit.toPlainText() == "Motorcycle parts stolen at Do Talwar."
    assert form.entry.station_combo.code() == "CLIF"

    save_and_wait(
        qtbot, form, lambda: qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    )
    assert drafts.drafts(station_ctx, "complaint") == []
    form.close()


def test_a_declined_draft_is_thrown_away(
    qtbot, station_ctx: DeskContext, printed: list[Printed], monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts.save_draft(station_ctx, "old-draft", "complaint", {"name": "Imtiaz Ahmed"})
    monkeypatch.setattr(dialogs, "confirm", lambda *args: False)
    form = open_form(qtbot, station_ctx)
    assert form.entry.name_edit.text() == ""
    assert drafts.drafts(station_ctx, "complaint") == []
    form.close()


def test_cancel_after_typing_asks_first_and_no_keeps_the_form(
    qtbot, form: ComplaintFormDialog, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [False, True]
    questions: list[str] = []

    def confirm(parent, title: str, question: str) -> bool:  # type: ignore[no-untyped-def]
        questions.append(question)
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    type_into(qtbot, form.entry.name_edit, "Sana Baloch")
    qtbot.waitUntil(lambda: form.drafts_saved == 1 and not form.is_busy(), timeout=10_000)
    qtbot.keyClick(form.entry.name_edit, Qt.Key.Key_Escape)
    assert form.isVisible() and len(questions) == 1

    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert drafts.drafts(station_ctx, "complaint") == []  # thrown away, as asked


def test_the_receipt_can_be_saved_as_pdf_and_a_second_one_is_a_copy(
    qtbot,
    form: ComplaintFormDialog,
    station_ctx: DeskContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    printed: list[Printed],
) -> None:
    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(receipt_printing, "save_pdf_path", lambda *args: target)
    fill_valid(qtbot, form)
    save_and_wait(
        qtbot, form, lambda: qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    )

    form.receipt_panel.paper_combo.setCurrentIndex(form.receipt_panel.paper_combo.findData("80mm"))
    receipt_done(qtbot, form, form.receipt_panel.save_button)
    assert target.read_bytes().startswith(b"%PDF")
    if sys.platform != "win32":  # the citizen's name and complaint: the desk's account only
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert form.receipt_panel.receipts[0].copy is False
    assert str(target) in form.receipt_panel.status_label.text()

    receipt_done(qtbot, form, form.receipt_panel.print_button)
    assert form.receipt_panel.receipts[1].copy is True
    assert "COPY" in form.receipt_panel.status_label.text()
    assert len(printed) == 1

    # The next citizen: an empty form again, with the defaults.
    qtbot.mouseClick(form.another_button, Qt.MouseButton.LeftButton)
    assert form.stack.currentIndex() == 0
    assert form.entry.name_edit.text() == "" and form.entry.station_combo.code() == "CLIF"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("21:30", time(21, 30)),
        ("9:05", time(9, 5)),
        ("9.30 pm", time(21, 30)),
        ("12 am", time(0, 0)),
        ("12:15 PM", time(12, 15)),
        ("7 p.m.", time(19, 0)),
    ],
)
def test_times_are_read_as_people_write_them(text: str, expected: time | None) -> None:
    assert parse_time_text(text) == expected


@pytest.mark.parametrize("text", ["9", "24:00", "13 pm", "noon", "9:7"])
def test_unclear_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="21:30"):
        parse_time_text(text)


def test_dates_are_read_day_first() -> None:
    assert parse_date_text("05/10/2026") == date(2026, 10, 5)
    assert parse_date_text("5-10-26") == date(2026, 10, 5)
    assert parse_date_text("2026-10-05") == date(2026, 10, 5)
    assert parse_date_text(" ") is None
    with pytest.raises(ValueError, match="day/month/year"):
        parse_date_text("10/31/2026")


def test_tab_goes_through_the_form_top_to_bottom(qtbot, form: ComplaintFormDialog) -> None:
    expected = [
        form.entry.name_edit,
        form.entry.relative_edit,
        form.entry.cnic_edit,
        form.entry.mobile_edit,
        form.entry.address_edit,
        form.entry.category_combo,
        form.entry.date_edit,
        form.entry.time_edit,
        form.entry.place_edit,
        form.entry.station_combo,
        form.entry.fir_edit,
        form.entry.fir_date_edit,
        form.entry.narrative_edit,
        form.save_button,
        form.cancel_button,
    ]
    assert form.entry.name_edit.hasFocus()  # where the volunteer starts typing
    seen = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected


def test_a_build_without_receipts_says_so_and_records_no_print(
    qtbot,
    form: ComplaintFormDialog,
    station_ctx: DeskContext,
    monkeypatch: pytest.MonkeyPatch,
    printed: list[Printed],
) -> None:
    monkeypatch.setattr(receipt_buttons, "load_renderer", lambda: None)
    fill_valid(qtbot, form)
    save_and_wait(qtbot, form, form.save)
    qtbot.mouseClick(form.receipt_panel.print_button, Qt.MouseButton.LeftButton)
    assert "cannot make receipts yet" in form.receipt_panel.status_label.text()
    assert printed == [] and form.receipt_panel.receipts == []
    assert not form.is_busy()


def test_the_red_banner_goes_once_the_boxes_are_put_right(
    qtbot, form: ComplaintFormDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_into(qtbot, form.entry.name_edit, "Ayesha Siddiqui")
    assert form.save() is False  # the narrative, category... are missing
    assert "correct the boxes marked in red" in form.banner.text()
    fill_valid(qtbot, form)
    qtbot.keyClick(form.entry.narrative_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.entry.any_problem_shown(), timeout=5_000)
    assert form.banner.text() == "" and form.banner.isHidden()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)  # throw the typing away
    form.close()
