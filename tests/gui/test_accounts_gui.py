"""Signing in at the window: the login dialog, a failed login, lock-out, the idle lock, another
person signing in at the lock screen, a volunteer kept from supervisor work, managing accounts."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.roles import Role
from cplc_desk.gui.accounts.accounts_page import AccountsPage, ChangePasswordDialog
from cplc_desk.gui.complaints.complaint_form import ComplaintFormDialog
from cplc_desk.gui.phones.phone_form import PhoneFormDialog
from cplc_desk.gui.shell import app as gui_app
from cplc_desk.gui.shell.lock_screen import IdleWatcher
from cplc_desk.gui.shell.login_dialog import LoginDialog
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.vehicles.vehicle_form import VehicleFormDialog
from cplc_desk.gui.widgets import dialogs
from cplc_desk.paths import DeskPaths
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.desk import drafts, setup
from cplc_desk.services.desk.context import Actor, DeskContext, PermissionDeniedError
from cplc_desk.services.station import sync_station
from cplc_desk.storage.models import AuditEntry

PASSWORD = "s3cret-pass"
VOLUNTEER_PASSWORD = "volunteer-1"


@pytest.fixture
def supervised(desk_ctx: DeskContext) -> DeskContext:
    """Clifton's desk, its supervisor sana signed in, and a volunteer ali."""
    setup.init_station(desk_ctx, "CLIF", admin=NewAccount("sana", PASSWORD))
    accounts.create_account(desk_ctx, "ali", "Ali Raza", Role.VOLUNTEER, VOLUNTEER_PASSWORD)
    return desk_ctx


@pytest.fixture
def window(qtbot, supervised: DeskContext) -> Iterator[MainWindow]:
    win = MainWindow(supervised)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def audited(ctx: DeskContext) -> list[tuple[str, str]]:
    with ctx.store.read() as s:
        return [(e.actor, e.action) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def test_the_window_opens_only_after_signing_in(
    qtbot, supervised: DeskContext, desk_paths: DeskPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.sign_out(supervised)
    supervised.close()
    seen: list[str] = []

    def person_at_the_keyboard(dialog: LoginDialog) -> int:
        dialog.username_edit.setText("ali")
        dialog.password_edit.setText("not-the-password")
        dialog.accept()
        seen.append(dialog.error_label.text())
        assert dialog.result() != dialog.DialogCode.Accepted
        dialog.password_edit.setText(VOLUNTEER_PASSWORD)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_modal", person_at_the_keyboard)
    window = gui_app.start_desk(desk_paths)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert seen == ["Wrong account name or password. Check both and try again."]
        assert window.ctx.actor == Actor("ali", Role.VOLUNTEER)
        assert "ali" in window.user_status.text()
        # A volunteer sees no supervisor actions.
        assert not window.accounts_action.isVisible()
        sync_page = window.pages["sync"]
        assert sync_page.export_button.isHidden()  # type: ignore[attr-defined]
        actions = audited(window.ctx)
        assert ("ali", AuditAction.LOGIN_FAILED) in actions
        assert actions[-1] == ("ali", AuditAction.LOGIN)
    finally:
        window.close()
        window.ctx.close()


def test_cancelling_the_login_exits_quietly(
    qapp, supervised: DeskContext, desk_paths: DeskPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    supervised.close()
    monkeypatch.setattr(dialogs, "run_modal", lambda dialog: dialog.DialogCode.Rejected)
    assert gui_app.start_desk(desk_paths) == 0


def test_five_wrong_passwords_lock_the_account_with_the_time_left(
    qtbot, supervised: DeskContext
) -> None:
    accounts.sign_out(supervised)
    dialog = LoginDialog(supervised)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("ali")
    for _ in range(5):
        dialog.password_edit.setText("wrong-password")
        dialog.accept()
    assert "locked after 5 wrong passwords" in dialog.error_label.text()
    assert "15 min" in dialog.error_label.text()
    dialog.password_edit.setText(VOLUNTEER_PASSWORD)
    dialog.accept()
    assert "locked" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not supervised.actor.signed_in


def test_idle_window_locks_and_takes_the_same_password(
    qtbot, window: MainWindow, supervised: DeskContext
) -> None:
    window.idle.set_interval(50)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert not window.menuBar().isEnabled()
    assert not window.lock_action.isEnabled()
    assert ("sana", AuditAction.SESSION_LOCKED) in audited(supervised)
    screen = window.lock_screen
    assert screen.username_edit.text() == "sana"

    screen.password_edit.setText("wrong-password")
    screen.try_unlock()
    assert window.is_locked()
    assert "Wrong account name or password" in screen.error_label.text()

    screen.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(screen.unlocked) as unlocked:
        screen.try_unlock()
    assert unlocked.args == [True]
    assert not window.is_locked()
    assert window.menuBar().isEnabled()
    assert supervised.actor == Actor("sana", Role.SUPERVISOR)


@pytest.mark.parametrize(
    ("form_class", "box", "typed"),
    [
        (ComplaintFormDialog, "name_edit", "Sana Baig"),
        (VehicleFormDialog, "registration_edit", "KNP-5586"),
        (PhoneFormDialog, "imei_edit", "356938035643809"),
    ],
)
def test_the_idle_lock_closes_a_form_and_keeps_what_was_typed(
    qtbot, window: MainWindow, supervised: DeskContext, form_class, box: str, typed: str
) -> None:
    form = form_class(supervised, window)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(getattr(form.form_fields, box), typed)
    window.idle.set_interval(50)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert not form.isVisible()  # nothing stays usable above the cover
    [kept] = drafts.drafts(supervised, form.drafts.kind)
    assert kept.data[box.removesuffix("_edit")] == typed


def test_typing_keeps_the_window_unlocked_once_the_watcher_has_started(qtbot) -> None:
    """The input filter goes on at the first tick (not on the window's start path); from then on
    every key postpones the lock, and the lock comes once the typing stops."""
    watcher = IdleWatcher(1500)
    fired: list[float] = []
    watcher.idle.connect(lambda: fired.append(time.monotonic()))
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    assert not watcher.watching
    watcher.restart()
    qtbot.waitUntil(lambda: watcher.watching, timeout=5000)
    typing_until = time.monotonic() + 3.0  # twice the idle limit
    while time.monotonic() < typing_until:
        QTest.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(100)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=10_000)
    assert fired[0] >= typing_until
    watcher.remove()
    assert not watcher.watching


def test_another_person_at_the_lock_screen_signs_the_first_out(
    qtbot, window: MainWindow, supervised: DeskContext
) -> None:
    assert window.accounts_action.isVisible()
    assert not window.pages["sync"].export_button.isHidden()  # type: ignore[attr-defined]
    window.lock()
    window.lock_screen.username_edit.setText("ali")
    window.lock_screen.password_edit.setText(VOLUNTEER_PASSWORD)
    window.lock_screen.try_unlock()

    assert not window.is_locked()
    assert supervised.actor == Actor("ali", Role.VOLUNTEER)
    assert not window.accounts_action.isVisible()
    assert window.pages["sync"].export_button.isHidden()  # type: ignore[attr-defined]
    # sana is signed out only once ali's password has been accepted.
    tail = audited(supervised)[-3:]
    assert tail == [
        ("sana", AuditAction.SESSION_LOCKED),
        ("ali", AuditAction.LOGIN),
        ("sana", AuditAction.LOGOUT),
    ]


def test_sign_out_covers_the_window_until_someone_signs_in(
    qtbot, window: MainWindow, supervised: DeskContext
) -> None:
    window.sign_out_action.trigger()
    assert window.is_locked()
    assert not supervised.actor.signed_in
    assert window.lock_screen.username_edit.text() == ""
    window.lock_screen.username_edit.setText("sana")
    window.lock_screen.password_edit.setText(PASSWORD)
    window.lock_screen.try_unlock()
    assert not window.is_locked()


def test_a_volunteer_is_refused_exports_by_the_service(
    supervised: DeskContext, tmp_path: Path
) -> None:
    accounts.sign_in(supervised, "ali", VOLUNTEER_PASSWORD)
    with pytest.raises(PermissionDeniedError, match="may not export sync bundles"):
        sync_station.export_bundle(supervised, tmp_path)


def test_accounts_page_adds_resets_and_keeps_the_last_supervisor(
    qtbot, supervised: DeskContext
) -> None:
    page = AccountsPage(supervised)
    qtbot.addWidget(page)
    assert [a.username for a in page.rows] == ["ali", "sana"]
    # A supervisor gives station roles only.
    roles = [page.role_combo.itemData(i) for i in range(page.role_combo.count())]
    assert roles == [Role.VOLUNTEER.value, Role.SUPERVISOR.value]

    page.username_edit.setText("Zara")
    page.password_edit.setText("zara-pass-1")
    page.add_button.click()
    assert page.done_label.text() == "Account zara added."
    assert [a.username for a in page.rows] == ["ali", "sana", "zara"]

    page.select("sana")
    page.disable_button.click()
    assert "last active account" in page.error_label.text()

    page.select("zara")
    page.new_password_edit.setText("zara-pass-2")
    page.reset_button.click()
    assert accounts.authenticate(supervised, "zara", "zara-pass-2").username == "zara"

    page.idle_spin.setValue(2)
    page.idle_button.click()
    assert accounts.idle_lock_minutes(supervised) == 2


def test_changing_my_password_stays_open_on_a_refusal_then_changes_it(
    qtbot, supervised: DeskContext
) -> None:
    dialog = ChangePasswordDialog(supervised)
    qtbot.addWidget(dialog)
    dialog.old_edit.setText(PASSWORD)
    dialog.new_edit.setText("n3w-password")
    dialog.again_edit.setText("other-password")
    dialog.accept()
    assert "differ" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted

    dialog.old_edit.setText("wrong-password")
    dialog.again_edit.setText("n3w-password")
    dialog.accept()
    assert dialog.error_label.text() and "differ" not in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted

    dialog.old_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    accounts.sign_out(supervised)
    accounts.sign_in(supervised, "sana", "n3w-password")
    assert supervised.actor.username == "sana"
