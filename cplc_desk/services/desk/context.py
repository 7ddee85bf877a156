"""Opening a desk: its files, its store (migrated and with current reference data) and who is
working at it."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Unpack

from sqlalchemy import URL, select
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import AuditAction, DeskKind
from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import (
    HQ_ROLES,
    ROLE_PERMISSIONS,
    STATION_ROLES,
    Permission,
    Role,
    permission_label,
    role_label,
)
from cplc_desk.paths import DeskPaths
from cplc_desk.storage import audit, migrate, reference_data
from cplc_desk.storage.db import Store
from cplc_desk.storage.models import Desk

log = logging.getLogger(__name__)


class ServiceError(DeskError):
    """A refusal the person must read: says what is wrong and what to do."""


class DeskNotSetUpError(ServiceError):
    default_code = "not_set_up"


class PermissionDeniedError(ServiceError):
    """The signed-in account's role does not allow this action."""

    default_code = "permission_denied"


@dataclass(frozen=True)
class Actor:
    """Who is working: a signed-in account (``role`` set, see services/accounts).

    ``role`` None is for internal/system use only (tests calling services directly, the demo
    filler, reference loading): it may do everything, so no path a person uses runs with it; the
    window and the command line always sign in. :meth:`nobody` (before sign-in, after sign-out)
    may do nothing.
    """

    username: str
    role: Role | None = None
    anonymous: bool = False

    def permits(self, permission: Permission) -> bool:
        if self.anonymous:
            return False
        return self.role is None or permission in ROLE_PERMISSIONS[self.role]

    @property
    def signed_in(self) -> bool:
        return not self.anonymous and self.role is not None

    @classmethod
    def nobody(cls) -> Actor:
        return cls(username="-", role=None, anonymous=True)

    @classmethod
    def from_os(cls) -> Actor:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "desk"
        return cls(username=name[:64] or "desk")


@dataclass(frozen=True)
class DeskIdentity:
    kind: DeskKind
    code: str
    name: str
    district_code: str | None
    site_id: str

    @property
    def is_station(self) -> bool:
        return self.kind is DeskKind.STATION


@dataclass
class DeskContext:
    """An open desk. Services take it as their first argument."""

    paths: DeskPaths
    store: Store
    actor: Actor
    migration: migrate.MigrationResult | None = None
    _identity: DeskIdentity | None = field(default=None, repr=False)

    def identity(self) -> DeskIdentity | None:
        if self._identity is None:
            # Read through the table: the window asks this while it opens, and a first ORM
            # query would configure every mapper on the start path (bench/startup.py).
            t = Desk.__table__.c
            with self.store.read() as s:
                desk = s.execute(select(t.kind, t.code, t.name, t.district_code, t.site_id)).first()
                if desk is not None:
                    self._identity = DeskIdentity(
                        DeskKind(desk.kind), desk.code, desk.name, desk.district_code, desk.site_id
                    )
        return self._identity

    def require_identity(self) -> DeskIdentity:
        identity = self.identity()
        if identity is None:
            raise DeskNotSetUpError(
                _(
                    "This desk is not set up yet. Set it up first, as a police station's desk "
                    "or as headquarters."
                )
            )
        return identity

    def stamp_code(self) -> str:
        """The desk code that stamps a write, or "-" before the desk is set up."""
        identity = self.identity()
        return identity.code if identity else "-"

    def require(self, permission: Permission) -> None:
        """Refuse (PermissionDeniedError) unless the actor's role allows ``permission``."""
        if not self.actor.permits(permission):
            self._refuse_wrong_desk(permission)
            self._record_refusal(permission)
            role = self.actor.role
            if self.actor.anonymous:
                raise PermissionDeniedError(
                    _("Sign in first: only a signed-in account may {what}.").format(
                        what=permission_label(permission)
                    )
                )
            raise PermissionDeniedError(
                _("{user} ({role}) may not {what}. Ask a supervisor or administrator.").format(
                    user=self.actor.username,
                    role=role_label(role) if role else "-",
                    what=permission_label(permission),
                )
            )

    def _record_refusal(self, permission: Permission) -> None:
        """A signed-in person refused by their role: recorded (who tried what), in a unit of
        work of its own. Services check permissions before their unit of work begins: inside
        one it could not be written (the refusal rolls that one back, and a second would wait
        on its lock), so there the person is only told."""
        identity = self.identity()
        if identity is None or not self.actor.signed_in or self.store.writing_depth():
            return
        try:
            with self.audit_unit() as s:
                self.audit(
                    s, AuditAction.PERMISSION_DENIED, details={"permission": permission.value}
                )
        except Exception:  # the refusal must reach the person even if this cannot be written
            log.warning("could not record a refused %s", permission.value)

    def _refuse_wrong_desk(self, permission: Permission) -> None:
        """No role of this kind of desk may do it: say where it is done, not who may."""
        identity = self.identity()
        if identity is None:
            return
        roles = STATION_ROLES if identity.is_station else HQ_ROLES
        if any(permission in ROLE_PERMISSIONS[r] for r in roles):
            return
        if identity.is_station:
            raise PermissionDeniedError(_("This is a station desk; only headquarters can do this."))
        raise PermissionDeniedError(
            _("This is headquarters; this is done at a station desk, by its own accounts.")
        )

    def forget_identity(self) -> None:
        self._identity = None

    def move_to(self, other: DeskContext) -> None:
        """Work from now on in ``other``'s store (a desk just set up or joined on a server), as
        ``other``'s actor; this context's own store is closed."""
        self.store.dispose()
        self.store, self.migration = other.store, other.migration
        self.actor = other.actor
        self.forget_identity()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction stamped with this desk and actor."""
        identity = self.require_identity()
        with self.store.write(actor=self.actor.username, desk_code=identity.code) as session:
            yield session

    @contextmanager
    def audit_unit(self) -> Iterator[Session]:
        """A unit of work that only records in the audit trail (a check, a look-up, a record
        viewed): on a server it does not queue behind another workstation's writes (an
        import), only for the trail's own lock as it commits. Writing anything else in it is a
        programming error (:class:`~cplc_desk.storage.db.AuditOnlyWriteError`)."""
        identity = self.require_identity()
        with self.store.write(
            actor=self.actor.username, desk_code=identity.code, exclusive=False
        ) as session:
            yield session

    def audit(self, session: Session, action: str, **about: Unpack[audit.About]) -> None:
        """Record an action in the audit trail, inside the caller's unit of work."""
        audit.append(
            session,
            desk_code=session.info.get("desk_code") or self.require_identity().code,
            actor=self.actor.username,
            action=action,
            **about,
        )

    def close(self) -> None:
        self.store.dispose()


def open_desk(
    paths: DeskPaths,
    *,
    actor: Actor | None = None,
    url: str | None = None,
    read_url: str | None = None,
) -> DeskContext:
    """Open (creating if needed) the desk's store, migrate it and load reference data.

    The store is the data dir's SQLite file, or the PostgreSQL server its ``store.json`` names
    (services/desk/server.py), or ``url`` when given. ``read_url`` (else the read replica
    ``store.json`` names, when it names the server) is where lists and statistics read.

    Raises :class:`migrate.StoreError` for a store this version cannot open.
    """
    from sqlalchemy.exc import DBAPIError

    from cplc_desk.services.desk import server

    paths.ensure()
    if url is None:
        configured = server.read_config(paths)
        if configured is not None:
            url = server.with_password(configured).render_as_string(hide_password=False)
            if read_url is None and (replica := server.read_replica(paths)) is not None:
                read_url = server.with_password(replica).render_as_string(hide_password=False)
    store = Store(url, read_url=read_url) if url else Store.for_file(paths.database)
    try:
        with migrate.one_at_a_time(store.engine):
            result = migrate.prepare(
                store.engine, None if url else paths.database, None if url else paths.backups
            )
        reference_data.load_if_changed(store)
    except DBAPIError as exc:
        store.dispose()
        raise server.server_error(url or "", exc) from None
    except Exception:
        store.dispose()
        raise
    return DeskContext(paths=paths, store=store, actor=actor or Actor.from_os(), migration=result)


@contextmanager
def moving_to_server(
    ctx: DeskContext, server_url: str, password: str, actor: Actor
) -> Iterator[tuple[DeskContext, URL]]:
    """The desk on the PostgreSQL server ``server_url`` (``password``, when given, for this run
    only, never written), opened from ``ctx``'s data folder as ``actor``, and the server's
    address; refused when the data folder holds a desk of its own or names another server.

    The block sets headquarters up there or joins it. When it ends well, ``ctx`` works on the
    server from then on (:meth:`DeskContext.move_to`); else the server's store is closed."""
    from cplc_desk.services.desk import server

    url = server.parse_url(server_url)
    if password:
        url = url.set(password=password)
    server.refuse_if_sqlite_desk(ctx.paths)
    server.refuse_other_server(ctx.paths, url)
    on_server = open_desk(
        ctx.paths,
        actor=actor,
        url=server.with_password(url).render_as_string(hide_password=False),
    )
    try:
        yield on_server, url
    except Exception:
        on_server.close()
        raise
    ctx.move_to(on_server)
