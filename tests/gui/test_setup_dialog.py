"""The first-run dialog: choosing a station or headquarters, its first administrator, and
refusals shown inline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from cplc_desk.domain.enums import DeskKind
from cplc_desk.domain.roles import Role
from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, ServiceError

PASSWORD = "first-pass-1"


def fill_admin(qtbot, dlg: DeskSetupDialog, again: str = PASSWORD) -> None:
    qtbot.keyClicks(dlg.admin_fields.username_edit, "sana")
    qtbot.keyClicks(dlg.admin_fields.password_edit, PASSWORD)
    qtbot.keyClicks(dlg.admin_fields.confirm_edit, again)


@pytest.fixture
def dialog(qtbot, desk_ctx: DeskContext) -> Iterator[DeskSetupDialog]:
    """The dialog with its first administrator already typed in."""
    dlg = DeskSetupDialog(desk_ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    fill_admin(qtbot, dlg)
    yield dlg
    dlg.close()


def test_the_first_account_is_needed_and_signed_in_as_supervisor(
    qtbot, desk_ctx: DeskContext
) -> None:
    dlg = DeskSetupDialog(desk_ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.picker.filter_edit, "clif")
    click_row(qtbot, dlg, 0)
    assert not dlg.ok_button.isEnabled()  # no account yet

    fill_admin(qtbot, dlg, again="different-1")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "two passwords differ" in dlg.error_label.text()
    assert desk_ctx.identity() is None

    dlg.admin_fields.confirm_edit.setText(PASSWORD)
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert desk_ctx.actor == Actor("sana", Role.SUPERVISOR)
    dlg.close()


def click_row(qtbot, dlg: DeskSetupDialog, row: int) -> None:
    view = dlg.picker.view
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_ok_is_disabled_until_a_station_is_chosen(qtbot, dialog: DeskSetupDialog) -> None:
    assert dialog.is_station()
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.picker.filter_edit, "south")  # many stations match: none chosen yet
    assert dialog.picker.visible_count() > 1
    assert not dialog.ok_button.isEnabled()

    click_row(qtbot, dialog, 0)
    assert dialog.ok_button.isEnabled()

    dialog.picker.filter_edit.clear()
    qtbot.keyClicks(dialog.picker.filter_edit, "no such station")
    assert dialog.picker.visible_count() == 0
    assert dialog.picker.selected_station() is None
    assert not dialog.ok_button.isEnabled()


def test_typing_part_of_a_name_finds_the_station_and_ok_sets_it_up(
    qtbot, dialog: DeskSetupDialog, desk_ctx: DeskContext
) -> None:
    qtbot.keyClicks(dialog.picker.filter_edit, "clif")
    assert dialog.picker.visible_count() == 1
    click_row(qtbot, dialog, 0)
    station = dialog.picker.selected_station()
    assert station is not None and (station.code, station.name) == ("CLIF", "Clifton")
    assert dialog.desk_name_edit.placeholderText() == "Clifton"

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    identity = desk_ctx.identity()
    assert identity is not None
    assert (identity.kind, identity.code, identity.name) == (DeskKind.STATION, "CLIF", "Clifton")
    assert dialog.identity == identity


def test_the_filter_matches_codes_and_a_desk_name_can_be_given(
    qtbot, dialog: DeskSetupDialog, desk_ctx: DeskContext
) -> None:
    qtbot.keyClicks(dialog.picker.filter_edit, "BOBA")
    click_row(qtbot, dialog, 0)
    qtbot.keyClicks(dialog.desk_name_edit, "CPLC desk, Boat Basin")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    identity = desk_ctx.identity()
    assert identity is not None
    assert (identity.code, identity.name) == ("BOBA", "CPLC desk, Boat Basin")


def test_headquarters_needs_a_name(qtbot, dialog: DeskSetupDialog, desk_ctx: DeskContext) -> None:
    qtbot.mouseClick(
        dialog.hq_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.hq_radio.height() // 2)
    )
    assert not dialog.is_station()
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.hq_name_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.hq_name_edit, "CPLC Central")
    assert dialog.ok_button.isEnabled()

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    identity = desk_ctx.identity()
    assert identity is not None
    assert identity.kind is DeskKind.HEADQUARTERS
    assert identity.name == "CPLC Central"


def test_a_refusal_is_shown_in_the_dialog_which_stays_open(
    qtbot, dialog: DeskSetupDialog, desk_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(ctx, code, name=None, admin=None):  # type: ignore[no-untyped-def]
        raise ServiceError("That station already has a desk. Ask headquarters.")

    monkeypatch.setattr(setup, "init_station", refuse)
    qtbot.keyClicks(dialog.picker.filter_edit, "clif")
    click_row(qtbot, dialog, 0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "That station already has a desk. Ask headquarters."
    assert desk_ctx.identity() is None

    # Changing the choice clears the old refusal.
    qtbot.mouseClick(
        dialog.hq_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.hq_radio.height() // 2)
    )
    assert not dialog.error_label.isVisible()


def test_the_real_service_refusal_reaches_the_person(qtbot, station_ctx: DeskContext) -> None:
    dialog = DeskSetupDialog(station_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_admin(qtbot, dialog)
    dialog.hq_radio.setChecked(True)
    qtbot.keyClicks(dialog.hq_name_edit, "CPLC Central")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "already set up as Clifton (CLIF)" in dialog.error_label.text()
    identity = station_ctx.identity()
    assert identity is not None and identity.kind is DeskKind.STATION
    dialog.close()
