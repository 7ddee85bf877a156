"""Signing in and out at this desk, lock-out after repeated failures, and the Argon2id hashes
passwords are kept as (see :mod:`cplc_desk.services.accounts.accounts`)."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Role
from cplc_desk.services.desk.context import Actor, DeskContext, ServiceError
from cplc_desk.storage import audit
from cplc_desk.storage.models import Account

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MAX_FAILURES = 5
LOCK_MINUTES = 15

_dummy_hash: list[str] = []


@functools.cache
def _hasher() -> PasswordHasher:
    """Argon2's hasher, loaded on the first password: the window imports this module at
    start and shows itself before anyone types one."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def _dummy() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong
    password. Made on first use, not at import (the window imports this module at start)."""
    if not _dummy_hash:
        _dummy_hash.append(_hasher().hash("not a password of anyone"))
    return _dummy_hash[0]


class LoginFailedError(ServiceError):
    """Wrong name or password (which of the two is not said), or a disabled account."""


class AccountLockedError(ServiceError):
    """Too many failures: the account is locked until ``until``."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _audit_as(
    ctx: DeskContext, s: Session, actor: str, action: str, details: dict[str, object]
) -> None:
    audit.append(
        s,
        desk_code=ctx.require_identity().code,
        actor=actor[:64] or "-",
        action=action,
        record_table="account",
        details=details,
    )


def _time_left(until: datetime) -> str:
    minutes = max(1, int((until - now_utc()).total_seconds() + 59) // 60)
    return _("{n} min").format(n=minutes)


def locked_message(until: datetime) -> str:
    return _(
        "This account is locked after {n} wrong passwords. Try again in {left}, or ask a "
        "supervisor or administrator to reset the password."
    ).format(n=MAX_FAILURES, left=_time_left(until))


def authenticate(ctx: DeskContext, username: str, password: str) -> Actor:
    """The account for this name and password, or LoginFailedError / AccountLockedError.

    Every attempt is audited (LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED); the password never is.
    """
    identity = ctx.require_identity()
    typed = username.strip().lower()[:64]
    failure: ServiceError | None = None
    actor: Actor | None = None
    with ctx.store.write(actor=typed or "-", desk_code=identity.code) as s:
        account = s.scalar(select(Account).where(Account.username == typed)) if typed else None
        now = now_utc()
        if account is None:
            verify_password(_dummy(), password)
            # Not the typed name: it may be a password typed into the wrong box.
            _audit_as(ctx, s, "-", AuditAction.LOGIN_FAILED, {"reason": "unknown"})
            failure = LoginFailedError(_wrong())
        elif account.locked_until is not None and account.locked_until > now:
            _audit_as(ctx, s, typed, AuditAction.LOGIN_FAILED, {"reason": "locked"})
            failure = AccountLockedError(locked_message(account.locked_until), account.locked_until)
        elif not verify_password(account.password_hash, password):
            account.failed_attempts += 1
            _audit_as(
                ctx,
                s,
                typed,
                AuditAction.LOGIN_FAILED,
                {"reason": "password", "attempt": account.failed_attempts},
            )
            if account.failed_attempts >= MAX_FAILURES:
                until = now + timedelta(minutes=LOCK_MINUTES)
                account.locked_until = until
                account.failed_attempts = 0
                _audit_as(ctx, s, typed, AuditAction.ACCOUNT_LOCKED, {"minutes": LOCK_MINUTES})
                failure = AccountLockedError(locked_message(until), until)
            else:
                failure = LoginFailedError(_wrong())
        elif account.disabled:
            _audit_as(ctx, s, typed, AuditAction.LOGIN_FAILED, {"reason": "disabled"})
            failure = LoginFailedError(
                _("The account {name} is disabled. Ask a supervisor or administrator.").format(
                    name=account.username
                )
            )
        else:
            account.failed_attempts = 0
            account.locked_until = None
            if _hasher().check_needs_rehash(account.password_hash):
                account.password_hash = _hasher().hash(password)
            actor = Actor(account.username, Role(account.role))
            _audit_as(ctx, s, account.username, AuditAction.LOGIN, {"role": account.role})
    # The failure is raised after the commit so the counter and the audit entry are kept.
    if failure is not None:
        raise failure
    assert actor is not None
    return actor


def _wrong() -> str:
    return _("Wrong account name or password. Check both and try again.")


def verify_password(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def sign_in(ctx: DeskContext, username: str, password: str) -> Actor:
    """Authenticate and make the account the desk's actor. Someone else already signed in is
    signed out first (audited LOGOUT)."""
    actor = authenticate(ctx, username, password)
    previous = ctx.actor
    if previous.signed_in and previous.username != actor.username:
        sign_out(ctx)
    ctx.actor = actor
    return actor


def sign_out(ctx: DeskContext) -> None:
    if ctx.actor.signed_in:
        identity = ctx.require_identity()
        with ctx.store.write(actor=ctx.actor.username, desk_code=identity.code) as s:
            ctx.audit(s, AuditAction.LOGOUT, record_table="account")
    ctx.actor = Actor.nobody()


def lock_session(ctx: DeskContext, reason: str = "idle") -> None:
    """The window was locked (idle or by hand); the account stays signed in behind the lock."""
    if ctx.actor.signed_in:
        with ctx.unit_of_work() as s:
            ctx.audit(s, AuditAction.SESSION_LOCKED, details={"reason": reason})


def check_without_writing(ctx: DeskContext, username: str, password: str) -> Actor | None:
    """The account if this name and password sign in now, else None; nothing is written (for
    a command that must leave the store as it is: move-hq). A None goes through
    :func:`sign_in`, which counts and records the failure."""
    typed = username.strip().lower()[:64]
    with ctx.store.read() as s:
        account = s.scalar(select(Account).where(Account.username == typed)) if typed else None
        if account is None or account.disabled:
            return None
        if account.locked_until is not None and account.locked_until > now_utc():
            return None
        if not verify_password(account.password_hash, password):
            return None
        return Actor(account.username, Role(account.role))
