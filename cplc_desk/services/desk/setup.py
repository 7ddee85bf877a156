"""Setting a desk up: a police-station desk or headquarters, with its first administrator
account (a station's supervisor, headquarters' administrator) created in the same transaction.

``admin`` may be left out only by internal callers (tests, the demo filler): the window and the
command line always give one.
"""

from __future__ import annotations

from cplc_desk.domain import i18n
from cplc_desk.domain.enums import AuditAction, DeskKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import HQ_CODE, uuid7
from cplc_desk.services.accounts.accounts import NewAccount, add_first_admin, record_created
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext, DeskIdentity, ServiceError
from cplc_desk.storage.models import Desk
from cplc_desk.storage.types import utcnow


def refuse_if_set_up(ctx: DeskContext, message: str = "") -> None:
    """Refuse to set up a desk that already is one. ``message`` (with ``{name}`` and ``{code}``
    of the desk found) says so in the caller's words; by default, for a data folder."""
    existing = ctx.identity()
    if existing is not None:
        message = message or _(
            "This desk is already set up as {name} ({code}). Nothing was changed. "
            "To set up another desk, use another data folder (--data-dir)."
        )
        raise ServiceError(message.format(name=existing.name, code=existing.code))


def init_station(
    ctx: DeskContext, code: str, name: str | None = None, *, admin: NewAccount | None = None
) -> DeskIdentity:
    refuse_if_set_up(ctx)
    station = reference.station(ctx, code, language=i18n.ENGLISH)  # stored and sent in English
    if station is None:
        raise ServiceError(
            _(
                "There is no police station with the code {code}. Check the code in the list "
                "of police stations."
            ).format(code=code.strip().upper() or "''"),
            code="unknown_police_station",
        )
    return _create(
        ctx, DeskKind.STATION, station.code, name or station.name, station.district_code, admin
    )


def init_hq(
    ctx: DeskContext, name: str, *, admin: NewAccount | None = None, new_keys: bool = False
) -> DeskIdentity:
    """Set the desk up as headquarters and create its signing and encryption keys.

    On a headquarters desk that has no keys yet, only the keys are created (new ones in place
    of lost ones only with ``new_keys``: see :func:`sync_hq.ensure_hq_keys`).
    """
    from cplc_desk.services.hq import sync_hq

    existing = ctx.identity()
    if (
        existing is not None
        and existing.kind is DeskKind.HEADQUARTERS
        and sync_hq.ensure_hq_keys(ctx, new_keys=new_keys)
    ):
        return existing
    refuse_if_set_up(ctx)
    name = " ".join(name.split())
    if not name:
        raise ServiceError(_("Give headquarters a name, for example --name 'CPLC Central'."))
    identity = _create(ctx, DeskKind.HEADQUARTERS, HQ_CODE, name, None, admin)
    sync_hq.ensure_hq_keys(ctx)
    return identity


def init_hq_on_server(
    ctx: DeskContext,
    server_url: str,
    name: str,
    *,
    password: str = "",
    admin: NewAccount | None = None,
) -> DeskIdentity:
    """Set headquarters up on an empty PostgreSQL database and switch ``ctx`` (opened on the
    data folder's own file, nothing set up there) to it; the data folder's configuration then
    names the server, without its password (services/desk/server.py)."""
    from cplc_desk.services.desk import server
    from cplc_desk.services.desk.context import moving_to_server

    with moving_to_server(ctx, server_url, password, ctx.actor) as (on_server, url):
        existing = on_server.identity()
        if existing is not None:
            raise ServiceError(
                _(
                    "The server already holds a desk, {name} ({code}). Nothing was changed. "
                    "To work on it from this computer, join it instead."
                ).format(name=existing.name, code=existing.code),
                code="server_set_up",
            )
        identity = init_hq(on_server, name, admin=admin)
        server.write_config(ctx.paths, url)
    return identity


def _create(
    ctx: DeskContext,
    kind: DeskKind,
    code: str,
    name: str,
    district: str | None,
    admin: NewAccount | None,
) -> DeskIdentity:
    desk = Desk(
        id=1,
        kind=kind.value,
        code=code,
        name=name[:120],
        district_code=district,
        site_id=uuid7(),
        created_at=utcnow(),
    )
    with ctx.store.write(actor=ctx.actor.username, desk_code=code) as s:
        if admin is not None:
            add_first_admin(ctx, s, kind, admin)
        s.add(desk)
        s.flush()
        ctx.audit(
            s,
            AuditAction.DESK_INITIALISED,
            record_table="desk",
            details={"kind": kind.value, "code": code, "name": name},
        )
        if admin is not None:
            record_created(ctx, s, ctx.actor.username, ctx.actor.role)
    ctx.forget_identity()
    return ctx.require_identity()
