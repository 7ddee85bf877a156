"""Accounts at this desk: signing in and out, lock-out after repeated failures, the idle lock's
setting, and managing accounts (create, disable, reset a password, change a role).

Accounts are local to the desk: they are never written to sync bundles. Passwords are kept only
as Argon2id hashes and never appear in the audit trail or the logs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction, DeskKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import (
    HQ_ROLES,
    ROLE_PERMISSIONS,
    STATION_ROLES,
    Permission,
    Role,
    role_label,
)
from cplc_desk.services.accounts.signin import (
    LOCK_MINUTES,
    MAX_FAILURES,
    AccountLockedError,
    LoginFailedError,
    authenticate,
    check_without_writing,
    hash_password,
    lock_session,
    locked_message,
    sign_in,
    sign_out,
    verify_password,
)
from cplc_desk.services.desk.context import Actor, DeskContext, ServiceError
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.models import Account

__all__ = [
    "LOCK_MINUTES",
    "MAX_FAILURES",
    "AccountInfo",
    "AccountLockedError",
    "LoginFailedError",
    "NewAccount",
    "authenticate",
    "check_without_writing",
    "lock_session",
    "locked_message",
    "sign_in",
    "sign_out",
]

MIN_PASSWORD_LENGTH = 8
IDLE_LOCK_META = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


@dataclass(frozen=True)
class AccountInfo:
    username: str
    display_name: str
    role: Role
    disabled: bool
    locked_until: datetime | None
    created_at: datetime
    created_by: str
    changed_at: datetime
    changed_by: str

    @property
    def locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > now_utc()


@dataclass(frozen=True)
class NewAccount:
    """The first administrator given at set-up (see services/setup)."""

    username: str
    password: str
    display_name: str = ""


# ------------------------------------------------------------------ checks


def clean_username(username: str) -> str:
    name = username.strip().lower()
    if not name or len(name) > 64 or not all(ch.isalnum() or ch in "._-" for ch in name):
        raise ServiceError(
            _(
                "'{name}' cannot be an account name. Use 1 to 64 letters, digits, dots, "
                "hyphens or underscores, for example ayesha.khan."
            ).format(name=username.strip()[:64])
        )
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ServiceError(
            _("A password needs at least {n} characters. Choose a longer one.").format(
                n=MIN_PASSWORD_LENGTH
            )
        )


def _desk_roles(ctx: DeskContext) -> tuple[Role, ...]:
    identity = ctx.require_identity()
    return STATION_ROLES if identity.kind is DeskKind.STATION else HQ_ROLES


def admin_role(kind: DeskKind) -> Role:
    """The role of a desk's first account."""
    return Role.SUPERVISOR if kind is DeskKind.STATION else Role.HQ_ADMIN


def manageable_roles(ctx: DeskContext) -> tuple[Role, ...]:
    """Roles the signed-in account may give: a supervisor station roles, an HQ admin HQ roles."""
    roles = _desk_roles(ctx)
    actor_role = ctx.actor.role
    if actor_role is None:
        return roles
    own = STATION_ROLES if actor_role in STATION_ROLES else HQ_ROLES
    return tuple(r for r in roles if r in own)


def _is_admin_capable(role: str) -> bool:
    return Permission.MANAGE_ACCOUNTS in ROLE_PERMISSIONS[Role(role)]


# ------------------------------------------------------------------ first administrator


def has_accounts(ctx: DeskContext) -> bool:
    with ctx.store.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Account)))


def add_first_admin(ctx: DeskContext, s: Session, kind: DeskKind, admin: NewAccount) -> Actor:
    """Inside the caller's set-up transaction: the desk's first account, an administrator.

    Signs it in (``ctx.actor``) so the set-up is recorded in its name.
    """
    if s.scalar(select(func.count()).select_from(Account)):
        raise ServiceError(
            _("This desk already has accounts. Sign in as its supervisor or administrator.")
        )
    username = clean_username(admin.username)
    check_password(admin.password)
    role = admin_role(kind)
    now = now_utc()
    s.add(
        Account(
            username=username,
            display_name=(admin.display_name.strip() or username)[:120],
            role=role.value,
            password_hash=hash_password(admin.password),
            failed_attempts=0,
            disabled=False,
            created_at=now,
            created_by=username,
            changed_at=now,
            changed_by=username,
        )
    )
    ctx.actor = Actor(username, role)
    s.info["actor"] = username
    return ctx.actor


def create_first_admin(ctx: DeskContext, admin: NewAccount) -> Actor:
    """For a desk set up before accounts existed: its first administrator, signed in."""
    identity = ctx.require_identity()
    with ctx.store.write(actor=admin.username[:64], desk_code=identity.code) as s:
        actor = add_first_admin(ctx, s, identity.kind, admin)
        record_created(ctx, s, actor.username, actor.role)
    return actor


def record_created(ctx: DeskContext, s: Session, username: str, role: Role | None) -> None:
    ctx.audit(
        s,
        AuditAction.ACCOUNT_CREATED,
        record_table="account",
        details={"username": username, "role": role.value if role else None},
    )


def list_accounts(ctx: DeskContext) -> list[AccountInfo]:
    ctx.require(Permission.MANAGE_ACCOUNTS)
    with ctx.store.read() as s:
        return [_info(a) for a in s.scalars(select(Account).order_by(Account.username))]


def _info(a: Account) -> AccountInfo:
    """The account's columns of the same names as AccountInfo's fields (never its secrets)."""
    columns = {f.name: getattr(a, f.name) for f in fields(AccountInfo) if f.name != "role"}
    return AccountInfo(**columns, role=Role(a.role))


def _check_role(ctx: DeskContext, role: Role | str) -> Role:
    try:
        role = Role(role)
    except ValueError:
        raise ServiceError(_("Unknown role {role}.").format(role=role)) from None
    allowed = manageable_roles(ctx)
    if role not in allowed:
        raise ServiceError(
            _("{role} accounts cannot be managed here. Choose one of: {roles}.").format(
                role=role_label(role), roles=", ".join(role_label(r) for r in allowed)
            )
        )
    return role


def create_account(
    ctx: DeskContext, username: str, display_name: str, role: Role | str, password: str
) -> AccountInfo:
    ctx.require(Permission.MANAGE_ACCOUNTS)
    name = clean_username(username)
    role = _check_role(ctx, role)
    check_password(password)
    with ctx.unit_of_work() as s:
        if s.scalar(select(Account).where(Account.username == name)) is not None:
            raise ServiceError(
                _("There is already an account named {name}. Choose another name.").format(
                    name=name
                )
            )
        now = now_utc()
        account = Account(
            username=name,
            display_name=(display_name.strip() or name)[:120],
            role=role.value,
            password_hash=hash_password(password),
            failed_attempts=0,
            disabled=False,
            created_at=now,
            created_by=ctx.actor.username,
            changed_at=now,
            changed_by=ctx.actor.username,
        )
        s.add(account)
        s.flush()
        record_created(ctx, s, name, role)
        return _info(account)


def _managed(ctx: DeskContext, s: Session, username: str) -> Account:
    account = s.scalar(select(Account).where(Account.username == username.strip().lower()))
    if account is None:
        raise ServiceError(_("There is no account named {name}.").format(name=username.strip()))
    _check_role(ctx, account.role)
    return account


def _keep_an_admin(s: Session, account: Account) -> None:
    others = s.scalar(
        select(func.count())
        .select_from(Account)
        .where(Account.id != account.id)
        .where(Account.disabled.is_(False))
        .where(Account.role.in_([r.value for r in Role if _is_admin_capable(r.value)]))
    )
    if not others:
        raise ServiceError(
            _(
                "{name} is the last active account that can manage accounts. Create or enable "
                "another supervisor or administrator first."
            ).format(name=account.username)
        )


def _changed(ctx: DeskContext, s: Session, account: Account, change: str, **extra: str) -> None:
    account.changed_at = now_utc()
    account.changed_by = ctx.actor.username
    ctx.audit(
        s,
        AuditAction.ACCOUNT_CHANGED,
        record_table="account",
        details={"username": account.username, "change": change, **extra},
    )


def set_disabled(ctx: DeskContext, username: str, disabled: bool) -> AccountInfo:
    ctx.require(Permission.MANAGE_ACCOUNTS)
    with ctx.unit_of_work() as s:
        account = _managed(ctx, s, username)
        if disabled and _is_admin_capable(account.role):
            _keep_an_admin(s, account)
        account.disabled = disabled
        _changed(ctx, s, account, "disabled" if disabled else "enabled")
        return _info(account)


def reset_password(ctx: DeskContext, username: str, new_password: str) -> AccountInfo:
    """A new password set by a manager; also lifts a lock-out."""
    ctx.require(Permission.MANAGE_ACCOUNTS)
    check_password(new_password)
    with ctx.unit_of_work() as s:
        account = _managed(ctx, s, username)
        account.password_hash = hash_password(new_password)
        account.failed_attempts = 0
        account.locked_until = None
        _changed(ctx, s, account, "password_reset")
        return _info(account)


def change_role(ctx: DeskContext, username: str, role: Role | str) -> AccountInfo:
    ctx.require(Permission.MANAGE_ACCOUNTS)
    new_role = _check_role(ctx, role)
    with ctx.unit_of_work() as s:
        account = _managed(ctx, s, username)
        if _is_admin_capable(account.role) and not _is_admin_capable(new_role.value):
            _keep_an_admin(s, account)
        old = account.role
        account.role = new_role.value
        _changed(ctx, s, account, "role", old=old, new=new_role.value)
        info = _info(account)
    if ctx.actor.username == info.username:
        ctx.actor = Actor(info.username, info.role)
    return info


def change_own_password(ctx: DeskContext, old_password: str, new_password: str) -> None:
    if not ctx.actor.signed_in:
        raise ServiceError(_("Sign in first to change your password."))
    check_password(new_password)
    with ctx.unit_of_work() as s:
        account = s.scalar(select(Account).where(Account.username == ctx.actor.username))
        if account is None or not verify_password(account.password_hash, old_password):
            raise ServiceError(_("The current password is wrong. Nothing was changed."))
        account.password_hash = hash_password(new_password)
        _changed(ctx, s, account, "own_password")


# ------------------------------------------------------------------ language


def own_language(ctx: DeskContext) -> str | None:
    """The language the signed-in account works in (``en``, ``ur``), or None if it has not
    chosen one (the window then follows the PC's locale)."""
    if not ctx.actor.signed_in:
        return None
    with ctx.store.read() as s:
        value = s.scalar(select(Account.language).where(Account.username == ctx.actor.username))
    return value if value in i18n.LANGUAGES else None


def set_own_language(ctx: DeskContext, language: str) -> None:
    """Remember the language the signed-in account works in (audited like other account
    changes). Unchanged values write nothing."""
    if language not in i18n.LANGUAGES:
        raise ServiceError(
            _("Unknown language {code}: use one of {codes}.").format(
                code=language, codes=", ".join(i18n.LANGUAGES)
            )
        )
    if not ctx.actor.signed_in:
        raise ServiceError(_("Sign in first to choose your language."))
    with ctx.unit_of_work() as s:
        account = s.scalar(select(Account).where(Account.username == ctx.actor.username))
        if account is None or account.language == language:
            return
        account.language = language
        _changed(ctx, s, account, "language", language=language)


# ------------------------------------------------------------------ idle lock setting


def idle_lock_minutes(ctx: DeskContext) -> int:
    """Minutes without input after which the window locks (a setting of this desk)."""
    with ctx.store.read() as s:
        return store_meta.get_int(
            s, IDLE_LOCK_META, DEFAULT_IDLE_MINUTES, MIN_IDLE_MINUTES, MAX_IDLE_MINUTES
        )


def set_idle_lock_minutes(ctx: DeskContext, minutes: int) -> int:
    ctx.require(Permission.MANAGE_ACCOUNTS)
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise ServiceError(
            _("The idle lock must be between {lo} and {hi} minutes.").format(
                lo=MIN_IDLE_MINUTES, hi=MAX_IDLE_MINUTES
            )
        )
    with ctx.unit_of_work() as s:
        store_meta.put(s, IDLE_LOCK_META, str(minutes))
        ctx.audit(s, AuditAction.ACCOUNT_CHANGED, details={"idle_lock_minutes": minutes})
    return minutes
