"""Naming the read replica a headquarters workstation's lists and statistics read from
(``cplc-desk set-read-url``; docs/postgresql.md). The URL goes to the data folder's
``store.json`` without its password; the reads themselves are storage/replica.py's."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import URL, create_engine, text
from sqlalchemy.exc import DBAPIError

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk import server
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.replica import CONNECT_TIMEOUT_S, READ_ONLY


def set_read_url(
    ctx: DeskContext, given: str | None, ask: Callable[[str], str] | None = None
) -> URL | None:
    """Name the read replica (checked: it answers, read-only, and holds this headquarters), or
    with ``given`` None forget it. Returns the URL written (no password), audited either way.
    Takes effect when the desk is next opened."""
    ctx.require(Permission.MANAGE_KEYS)
    identity = ctx.require_identity()
    primary = server.read_config(ctx.paths)
    if primary is None or ctx.store.is_sqlite:
        raise server.ServiceError(
            _(
                "This desk keeps its records in its own file, so it has no read replica. A "
                "read replica is for workstations of headquarters on a PostgreSQL server."
            ),
            code="not_on_server",
        )
    url = None
    if given is not None:
        url = server.parse_url(given)
        if server.public_url(url) == server.public_url(primary):
            raise server.ServiceError(
                _(
                    "{server} is the primary server itself. Give the address of its read-only "
                    "copy (the standby server), or --clear."
                ).format(server=server.describe(url)),
                code="bad_server_url",
            )
        _check(server.with_password(url, ask), identity.code, identity.site_id)
    server.write_read_replica(ctx.paths, server.without_password(url) if url else None)
    with ctx.unit_of_work() as s:
        ctx.audit(
            s,
            AuditAction.READ_REPLICA_SET,
            details={"replica": server.describe(url) if url else None},
        )
    return server.without_password(url) if url else None


def _check(url: URL, code: str, site_id: str) -> None:
    """The replica answers, read-only, and holds this same headquarters."""
    engine = create_engine(
        url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "options": READ_ONLY}
    )
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT code, site_id FROM desk")).first()
    except DBAPIError as exc:
        if "desk" in str(exc.orig) and "does not exist" in str(exc.orig):
            row = None
        else:
            raise server.server_error(url, exc) from None
    finally:
        engine.dispose()
    if row is None or (row[0], row[1]) != (code, site_id):
        raise server.ServiceError(
            _(
                "The database {server} does not hold this headquarters ({code}), so it is not "
                "its read replica. Nothing was changed. Give the standby server of the primary "
                "this desk works on."
            ).format(server=server.describe(url), code=code),
            code="not_a_replica",
        )
