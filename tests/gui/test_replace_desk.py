"""The first-run dialog's third choice: a replacement PC brought back from a sealed backup (with
the recovery code written on paper) or from headquarters' snapshot, through the real services on
real stores, and the refusals shown in the dialog, which stays open with nothing written."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QRadioButton

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import DeskKind
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.gui.shell import app as gui_app
from cplc_desk.gui.shell.login_dialog import LoginDialog
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog
from cplc_desk.gui.widgets import dialogs
from cplc_desk.paths import DeskPaths
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.backups import backup, backup_seal
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.desk.stats import store_stats
from cplc_desk.services.hq import bundle_import, station_snapshot, sync_hq
from cplc_desk.services.station import sync_station
from tests.gui.conftest import ShownMessage

PASSWORD = "old-desk-pass-1"
RESTORE_TIMEOUT_MS = 60_000


def _register(ctx: DeskContext, station: str, names: list[str]) -> None:
    for hours, name in enumerate(names, start=1):
        register_complaint(
            ctx,
            ComplaintDraft(
                complainant=PersonDraft(name=name, cnic="42101-1234567-1"),
                category="THEFT",
                police_station=station,
                incident_at=now_utc() - timedelta(hours=hours),
                narrative="Motorcycle taken from outside a bakery.",
            ),
        )


@pytest.fixture
def sealed_backup(tmp_path: Path) -> tuple[Path, str]:
    """The old Clifton PC's sealed backup on a USB stick, and its recovery code."""
    old = open_desk(DeskPaths(tmp_path / "old-pc"))
    try:
        setup.init_station(old, "CLIF", admin=NewAccount("sana", PASSWORD, "Sana Javed"))
        _register(old, "CLIF", ["Ayesha Siddiqui", "Imran Ali"])
        result = backup.write_backup(old, tmp_path / "stick" / "clif.cplcbak")
        return result.path, backup.recovery_code(old)
    finally:
        old.close()


def click_radio(qtbot, radio: QRadioButton) -> None:
    """On its label: a radio button takes clicks only on its circle and text, not on the empty
    width a layout gives it."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _dialog(qtbot, ctx: DeskContext) -> DeskSetupDialog:
    dlg = DeskSetupDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


@pytest.fixture
def dialog(qtbot, desk_ctx: DeskContext) -> Iterator[DeskSetupDialog]:
    dlg = _dialog(qtbot, desk_ctx)
    click_radio(qtbot, dlg.replace_radio)
    yield dlg
    dlg.close()


def _click_ok_and_wait(qtbot, dlg: DeskSetupDialog) -> None:
    with qtbot.waitSignal(dlg.replace._task.finished, timeout=RESTORE_TIMEOUT_MS):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        assert dlg.replace.is_busy()
        # Nothing may change or close the dialog while the worker restores.
        assert not dlg.replace_radio.isEnabled() and not dlg.ok_button.isEnabled()
        dlg.reject()
        assert dlg.isVisible()


def test_the_third_choice_asks_for_files_not_for_a_new_account_from_a_backup(
    qtbot, dialog: DeskSetupDialog, sealed_backup: tuple[Path, str], tmp_path: Path
) -> None:
    replace = dialog.replace
    assert dialog.is_replacing() and replace.from_snapshot()
    assert dialog.ok_button.text() == "Restore desk"
    assert dialog.admin_fields.isVisible()  # the snapshot's desk gets a new supervisor
    assert replace.skip_spin.value() == 0

    click_radio(qtbot, replace.backup_radio)
    assert not dialog.admin_fields.isVisible()  # the backup brings its accounts
    assert not replace.code_edit.isVisible()
    assert not dialog.ok_button.isEnabled()

    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(b"not sealed")
    replace.backup_edit.setText(str(plain))
    assert not replace.code_edit.isVisible()
    assert dialog.ok_button.isEnabled()

    path, _code = sealed_backup
    replace.backup_edit.setText(str(path))
    assert replace.code_edit.isVisible()  # sealed: the code written on paper is needed
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(replace.code_edit, "ABCD")
    assert dialog.ok_button.isEnabled()

    click_radio(qtbot, dialog.station_radio)
    assert dialog.ok_button.text() == "Set up desk"
    assert dialog.admin_fields.isVisible()


def test_the_file_buttons_fill_the_fields(
    qtbot,
    dialog: DeskSetupDialog,
    sealed_backup: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _code = sealed_backup
    asked: list[str] = []

    def choose(parent, title: str, name_filter: str, start=None):  # type: ignore[no-untyped-def]
        asked.append(name_filter)
        return path

    monkeypatch.setattr(dialogs, "choose_file", choose)
    click_radio(qtbot, dialog.replace.backup_radio)
    qtbot.mouseClick(dialog.replace.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.replace.backup_edit.text() == str(path)
    assert "*.cplcbak" in asked[0]
    assert dialog.replace.code_edit.isVisible()


def test_a_sealed_backup_is_restored_with_the_recovery_code_and_a_wrong_one_is_refused(
    qtbot,
    dialog: DeskSetupDialog,
    desk_ctx: DeskContext,
    sealed_backup: tuple[Path, str],
    shown_messages: list[ShownMessage],
) -> None:
    path, code = sealed_backup
    replace = dialog.replace
    click_radio(qtbot, replace.backup_radio)
    replace.backup_edit.setText(str(path))
    before = sorted(
        p.relative_to(desk_ctx.paths.data_dir) for p in desk_ctx.paths.data_dir.rglob("*")
    )

    # A well-formed code of another key: refused, the dialog stays open, nothing written.
    qtbot.keyClicks(replace.code_edit, backup_seal.recovery_code(os.urandom(32)))
    _click_ok_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisible()
    assert "key" in dialog.error_label.text().lower()
    assert desk_ctx.identity() is None
    after = sorted(
        p.relative_to(desk_ctx.paths.data_dir) for p in desk_ctx.paths.data_dir.rglob("*")
    )
    assert [p for p in after if "-wal" not in p.name and "-shm" not in p.name] == [
        p for p in before if "-wal" not in p.name and "-shm" not in p.name
    ]
    assert not (desk_ctx.paths.keys / "station-signing.pem").exists()
    assert shown_messages == []
    assert replace.code_edit.isEnabled()  # the person can correct the code

    replace.code_edit.setText(code)
    assert not dialog.error_label.isVisible()  # a change clears the old refusal
    _click_ok_and_wait(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    identity = desk_ctx.identity()
    assert identity is not None
    assert (identity.kind, identity.code, identity.name) == (DeskKind.STATION, "CLIF", "Clifton")
    assert dialog.identity == identity
    # The desk's keys came back with it, and its accounts: nobody is signed in yet.
    # (this station was never enrolled, so its backup key is the only one it had)
    assert (desk_ctx.paths.keys / backup_seal.KEY_FILE).exists()
    assert not desk_ctx.actor.signed_in
    assert accounts.has_accounts(desk_ctx)
    [message] = shown_messages
    assert message.kind == "information"
    assert "The backup of Clifton (CLIF) was restored: 2 complaints and 0 vehicle reports" in (
        message.text
    )
    assert "Keys put back from the backup: the backup key." in message.text
    assert "call headquarters before sending a bundle" in message.text  # a station's backup
    assert "sign in with your account from the old PC" in message.text


def test_after_a_backup_restore_the_old_account_signs_in(
    qtbot,
    desk_paths: DeskPaths,
    sealed_backup: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the start-up steps of the window: restore, then the sign-in dialog."""
    path, code = sealed_backup
    seen: list[str] = []

    def person(dialog: QDialog) -> int:
        seen.append(type(dialog).__name__)
        if isinstance(dialog, DeskSetupDialog):
            dialog.replace_radio.setChecked(True)
            dialog.replace.backup_radio.setChecked(True)
            dialog.replace.backup_edit.setText(str(path))
            dialog.replace.code_edit.setText(code)
            dialog.accept()
            qtbot.waitUntil(lambda: not dialog.replace.is_busy(), timeout=RESTORE_TIMEOUT_MS)
        else:
            assert isinstance(dialog, LoginDialog)
            dialog.username_edit.setText("sana")
            dialog.password_edit.setText(PASSWORD)
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_modal", person)
    window = gui_app.start_desk(desk_paths)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert seen == ["DeskSetupDialog", "LoginDialog"]
        assert window.ctx.actor == Actor("sana", Role.SUPERVISOR)
        assert store_stats(window.ctx).complaints.total == 2
    finally:
        window.close()
        window.ctx.close()


@pytest.fixture
def hq_files(tmp_path: Path) -> tuple[Path, Path]:
    """Headquarters' new enrollment file for Clifton and its snapshot, after Clifton sent three
    complaints in a bundle."""
    hq = open_desk(DeskPaths(tmp_path / "hq"))
    clifton = open_desk(DeskPaths(tmp_path / "clifton-old"))
    try:
        setup.init_hq(hq, "CPLC HQ", admin=NewAccount("head", PASSWORD, "Head"))
        enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "enroll-1.cplcenroll")
        sync_station.enroll_from_file(
            clifton, enrollment, admin=NewAccount("sana", PASSWORD, "Sana")
        )
        _register(clifton, "CLIF", ["Ayesha Siddiqui", "Imran Ali", "Farhan Qureshi"])
        bundle = sync_station.export_bundle(clifton, tmp_path / "stick").path
        assert bundle is not None
        [outcome] = bundle_import.import_bundles(hq, [bundle])
        assert outcome.status == "accepted", outcome.message
        new_enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "clif-new.cplcenroll")
        snap = station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path / "for-new-pc")
        return new_enrollment, snap.path
    finally:
        clifton.close()
        hq.close()


def test_a_station_comes_back_from_headquarters_snapshot_with_its_new_supervisor(
    qtbot,
    dialog: DeskSetupDialog,
    desk_ctx: DeskContext,
    hq_files: tuple[Path, Path],
    shown_messages: list[ShownMessage],
) -> None:
    enrollment, snapshot = hq_files
    replace = dialog.replace
    # The files swapped: refused with the service's message, nothing set up.
    replace.enrollment_edit.setText(str(snapshot))
    replace.snapshot_edit.setText(str(enrollment))
    qtbot.keyClicks(dialog.admin_fields.username_edit, "nadia")
    qtbot.keyClicks(dialog.admin_fields.password_edit, "new-pc-pass-1")
    qtbot.keyClicks(dialog.admin_fields.confirm_edit, "new-pc-pass-1")
    _click_ok_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "not a valid enrollment file" in dialog.error_label.text()
    assert desk_ctx.identity() is None
    assert not desk_ctx.actor.signed_in

    replace.enrollment_edit.setText(str(enrollment))
    replace.snapshot_edit.setText(str(snapshot))
    replace.skip_spin.setValue(5)
    _click_ok_and_wait(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()

    identity = desk_ctx.identity()
    assert identity is not None
    assert (identity.kind, identity.code, identity.name) == (DeskKind.STATION, "CLIF", "Clifton")
    assert dialog.identity == identity
    assert desk_ctx.actor == Actor("nadia", Role.SUPERVISOR)
    assert store_stats(desk_ctx).complaints.total == 3
    [message] = shown_messages
    assert message.kind == "information"
    assert "This desk is Clifton (CLIF) again" in message.text
    assert "3 complaints" in message.text
    assert "up to number 1" in message.text and "The next bundle is number 2" in message.text
    assert "-00009 (complaints)" in message.text  # 3 used, 5 left unused: the next is the 9th
    assert "signed in as nadia" in message.text
    # Signed in already: the window opens without asking again.
    assert gui_app.ensure_signed_in(desk_ctx)


def test_a_snapshot_needs_the_new_supervisor(
    qtbot, dialog: DeskSetupDialog, desk_ctx: DeskContext, hq_files: tuple[Path, Path]
) -> None:
    enrollment, snapshot = hq_files
    dialog.replace.enrollment_edit.setText(str(enrollment))
    dialog.replace.snapshot_edit.setText(str(snapshot))
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.admin_fields.username_edit, "nadia")
    qtbot.keyClicks(dialog.admin_fields.password_edit, "new-pc-pass-1")
    qtbot.keyClicks(dialog.admin_fields.confirm_edit, "other-pass-1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.replace.is_busy()
    assert "two passwords differ" in dialog.error_label.text()
    assert desk_ctx.identity() is None


def test_a_file_that_is_not_a_backup_is_refused_in_the_dialog(
    qtbot, dialog: DeskSetupDialog, desk_ctx: DeskContext, tmp_path: Path
) -> None:
    photo = tmp_path / "stick" / "holiday.sqlite3"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo copied under the wrong name" * 100)
    click_radio(qtbot, dialog.replace.backup_radio)
    dialog.replace.backup_edit.setText(f'"{photo}"')  # pasted from Explorer, with its quotes
    assert not dialog.replace.code_edit.isVisible()
    _click_ok_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    # named as the person chose it, not as the service's private working copy
    assert "holiday.sqlite3 is not a readable CPLC Desk backup" in dialog.error_label.text()
    assert desk_ctx.identity() is None
    assert not list(desk_ctx.paths.backups.glob("before-restore-*"))
