"""Accounts: the first administrator, signing in, lock-out, managing accounts, roles enforced."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.roles import Role
from cplc_desk.domain.validation import FieldError
from cplc_desk.paths import DeskPaths
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import (
    AccountLockedError,
    LoginFailedError,
    NewAccount,
)
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, PermissionDeniedError, ServiceError
from cplc_desk.services.station import sync_station
from cplc_desk.storage.models import Account, AuditEntry

PASSWORD = "s3cret-pass"


@pytest.fixture
def supervised(ctx: DeskContext) -> DeskContext:
    """A station desk set up with its supervisor signed in."""
    setup.init_station(ctx, "CLIF", admin=NewAccount("sana", PASSWORD, "Sana Javed"))
    return ctx


def audit_rows(ctx: DeskContext) -> list[tuple[str, str, dict[str, object]]]:
    with ctx.store.read() as s:
        return [
            (e.actor, e.action, json.loads(e.details) if e.details else {})
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]


def test_set_up_creates_a_signed_in_supervisor(supervised: DeskContext) -> None:
    assert supervised.actor == Actor("sana", Role.SUPERVISOR)
    rows = audit_rows(supervised)
    assert [(a, act) for a, act, _ in rows] == [
        ("sana", AuditAction.DESK_INITIALISED),
        ("sana", AuditAction.ACCOUNT_CREATED),
    ]
    with supervised.store.read() as s:
        account = s.scalars(select(Account)).one()
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash


def test_headquarters_first_account_is_an_hq_admin(ctx: DeskContext) -> None:
    setup.init_hq(ctx, "CPLC Central", admin=NewAccount("Head.Admin", PASSWORD))
    assert ctx.actor == Actor("head.admin", Role.HQ_ADMIN)


def test_a_short_password_sets_nothing_up(ctx: DeskContext) -> None:
    with pytest.raises(ServiceError, match="at least 8"):
        setup.init_station(ctx, "CLIF", admin=NewAccount("sana", "short"))
    assert ctx.identity() is None


def test_sign_in_and_out_are_audited_without_the_password(supervised: DeskContext) -> None:
    accounts.sign_out(supervised)
    assert not supervised.actor.signed_in
    with pytest.raises(LoginFailedError, match="Wrong account name or password"):
        accounts.sign_in(supervised, "sana", "wrong-password")
    with pytest.raises(LoginFailedError, match="Wrong account name or password"):
        accounts.sign_in(supervised, "nobody", PASSWORD)
    assert accounts.sign_in(supervised, " SANA ", PASSWORD) == Actor("sana", Role.SUPERVISOR)

    rows = audit_rows(supervised)[2:]
    assert [(a, act) for a, act, _ in rows] == [
        ("sana", AuditAction.LOGOUT),
        ("sana", AuditAction.LOGIN_FAILED),
        ("-", AuditAction.LOGIN_FAILED),  # an unknown name is not recorded
        ("sana", AuditAction.LOGIN),
    ]
    with supervised.store.read() as s:
        raw = " ".join(e.details or "" for e in s.scalars(select(AuditEntry)))
    assert PASSWORD not in raw and "wrong-password" not in raw


def test_five_failures_lock_the_account_for_fifteen_minutes(supervised: DeskContext) -> None:
    for _ in range(4):
        with pytest.raises(LoginFailedError):
            accounts.authenticate(supervised, "sana", "wrong-password")
    with pytest.raises(AccountLockedError) as locked:
        accounts.authenticate(supervised, "sana", "wrong-password")
    assert "15 min" in str(locked.value)
    # Even the right password is refused while locked.
    with pytest.raises(AccountLockedError, match="locked after 5 wrong passwords"):
        accounts.authenticate(supervised, "sana", PASSWORD)
    actions = [act for _, act, _ in audit_rows(supervised)]
    assert actions.count(AuditAction.ACCOUNT_LOCKED) == 1
    assert actions.count(AuditAction.LOGIN_FAILED) == 6

    # When the time is up, the right password works again.
    with supervised.store.write(actor="test", desk_code="CLIF") as s:
        account = s.scalars(select(Account)).one()
        assert account.locked_until is not None
        account.locked_until -= timedelta(minutes=15, seconds=1)
    assert accounts.authenticate(supervised, "sana", PASSWORD).username == "sana"


def test_a_volunteer_is_refused_supervisor_actions(supervised: DeskContext, tmp_path: Path) -> None:
    accounts.create_account(supervised, "ali", "Ali Raza", Role.VOLUNTEER, PASSWORD)
    accounts.sign_in(supervised, "ali", PASSWORD)
    assert supervised.actor == Actor("ali", Role.VOLUNTEER)
    with pytest.raises(PermissionDeniedError, match="may not export sync bundles"):
        sync_station.export_bundle(supervised, tmp_path / "stick")
    with pytest.raises(PermissionDeniedError):
        accounts.create_account(supervised, "zara", "", Role.VOLUNTEER, PASSWORD)
    assert not (tmp_path / "stick").exists()


def test_nobody_signed_in_may_do_nothing(supervised: DeskContext, tmp_path: Path) -> None:
    accounts.sign_out(supervised)
    with pytest.raises(PermissionDeniedError, match="Sign in first"):
        sync_station.export_bundle(supervised, tmp_path)


def test_a_supervisor_manages_station_roles_only(supervised: DeskContext) -> None:
    with pytest.raises(ServiceError, match="cannot be managed here"):
        accounts.create_account(supervised, "hq", "", Role.HQ_ADMIN, PASSWORD)
    with pytest.raises(ServiceError, match="already an account"):
        accounts.create_account(supervised, "SANA", "", Role.VOLUNTEER, PASSWORD)
    accounts.create_account(supervised, "ali", "", Role.VOLUNTEER, PASSWORD)
    accounts.change_role(supervised, "ali", Role.SUPERVISOR)
    accounts.set_disabled(supervised, "ali", True)
    info = {a.username: a for a in accounts.list_accounts(supervised)}
    assert info["ali"].role is Role.SUPERVISOR and info["ali"].disabled
    with pytest.raises(LoginFailedError, match="disabled"):
        accounts.authenticate(supervised, "ali", PASSWORD)


def test_the_last_administrator_cannot_be_removed(supervised: DeskContext) -> None:
    with pytest.raises(ServiceError, match="last active account"):
        accounts.set_disabled(supervised, "sana", True)
    with pytest.raises(ServiceError, match="last active account"):
        accounts.change_role(supervised, "sana", Role.VOLUNTEER)
    accounts.create_account(supervised, "ali", "", Role.SUPERVISOR, PASSWORD)
    accounts.change_role(supervised, "sana", Role.VOLUNTEER)
    # Changing one's own role takes effect at once.
    assert supervised.actor == Actor("sana", Role.VOLUNTEER)


def test_reset_password_lifts_a_lock_and_own_password_change(supervised: DeskContext) -> None:
    accounts.create_account(supervised, "ali", "", Role.VOLUNTEER, PASSWORD)
    for _ in range(5):
        with pytest.raises(ServiceError):
            accounts.authenticate(supervised, "ali", "wrong-password")
    accounts.reset_password(supervised, "ali", "new-password-1")
    accounts.sign_in(supervised, "ali", "new-password-1")
    with pytest.raises(ServiceError, match="current password is wrong"):
        accounts.change_own_password(supervised, "nope-nope", "another-pass")
    accounts.change_own_password(supervised, "new-password-1", "another-pass")
    assert accounts.authenticate(supervised, "ali", "another-pass").username == "ali"


def test_idle_lock_setting(supervised: DeskContext) -> None:
    assert accounts.idle_lock_minutes(supervised) == accounts.DEFAULT_IDLE_MINUTES
    accounts.set_idle_lock_minutes(supervised, 2)
    assert accounts.idle_lock_minutes(supervised) == 2
    with pytest.raises(ServiceError):
        accounts.set_idle_lock_minutes(supervised, 0)


def test_a_desk_set_up_before_accounts_gets_its_first_administrator(
    station: DeskContext,
) -> None:
    assert not accounts.has_accounts(station)
    actor = accounts.create_first_admin(station, NewAccount("sana", PASSWORD))
    assert actor.role is Role.SUPERVISOR
    with pytest.raises(ServiceError, match="already has accounts"):
        accounts.create_first_admin(station, NewAccount("other", PASSWORD))


def test_accounts_are_not_in_bundles(desk_paths: DeskPaths) -> None:
    from cplc_desk.storage.kinds import SYNC_MODELS

    assert Account not in SYNC_MODELS


def test_only_a_supervisor_reopens_a_closed_complaint(supervised: DeskContext) -> None:
    from cplc_desk.domain.records import ComplaintDraft, PersonDraft
    from cplc_desk.services.complaints import complaints
    from cplc_desk.services.complaints.complaints import register_complaint

    draft = ComplaintDraft(
        complainant=PersonDraft(name="Sana Javed", cnic="4210112345672"),
        category="MOBILE_SNATCHING",
        police_station="CLIF",
        narrative="Phone snatched at a bus stop.",
    )
    number = register_complaint(supervised, draft).number
    cid = complaints.find_by_number(supervised, number).id
    accounts.create_account(supervised, "ali", "", Role.VOLUNTEER, PASSWORD)
    accounts.sign_in(supervised, "ali", PASSWORD)
    for status in ("referred", "action_taken", "resolved", "closed"):
        complaints.change_status(supervised, cid, status, note="done")
    # Closed is finished: the volunteer is not offered a way back, and the service refuses.
    assert complaints.get(supervised, cid).allowed_statuses == ()
    with pytest.raises(PermissionDeniedError, match="may not correct closed records"):
        complaints.change_status(supervised, cid, "under_follow_up", note="police reopened it")
    # Decided from the complaint's status before the change begins: recorded, nothing changed.
    assert audit_rows(supervised)[-1] == (
        "ali", AuditAction.PERMISSION_DENIED, {"permission": "correct_closed"},
    )  # fmt: skip
    assert complaints.get(supervised, cid).status == "closed"
    accounts.sign_in(supervised, "sana", PASSWORD)
    detail = complaints.get(supervised, cid)
    assert detail.allowed_statuses == ("under_follow_up",)
    with pytest.raises(FieldError, match="short note"):
        complaints.change_status(supervised, cid, "under_follow_up", note=" ")
    reopened = complaints.change_status(supervised, cid, "under_follow_up", note="police reopened")
    assert reopened.status == "under_follow_up"
