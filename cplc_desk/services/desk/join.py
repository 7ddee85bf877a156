"""A further workstation of a headquarters already set up on a PostgreSQL server: ``join-hq`` on
the command line and *Join* in the window's first-run dialog, one service.

:func:`join` works on a desk already open on the server with an account of headquarters signed
in (the command line opens it and signs in itself): it checks the server holds headquarters,
puts headquarters' keys from a sealed key file (``export-hq-keys``) into this workstation's
``keys/`` folder if one is given, and writes the data folder's ``store.json`` (no password).
Nothing is set up on the server. :func:`join_on_server` starts from the data folder's own
context (the window's first run): it opens the server, signs the existing account in, joins, and
switches the context to the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

from cplc_desk.domain.i18n import _
from cplc_desk.services.desk import server
from cplc_desk.services.desk.context import (
    Actor,
    DeskContext,
    DeskIdentity,
    ServiceError,
    moving_to_server,
)


@dataclass(frozen=True)
class Joined:
    identity: DeskIdentity  # headquarters, as the server holds it
    keys_written: tuple[str, ...]  # the key files the sealed file put in keys/
    has_keys: bool  # this workstation can enroll stations and open bundles


def join(ctx: DeskContext, url: URL, keys_file: Path | None = None, passphrase: str = "") -> Joined:
    """Join headquarters on the server ``ctx`` is open on (see the module's notes)."""
    from cplc_desk.services.hq import key_export
    from cplc_desk.sync import keys

    identity = _headquarters(ctx, url)
    written = key_export.import_keys(ctx, keys_file, passphrase) if keys_file else ()
    server.write_config(ctx.paths, url)
    return Joined(identity, written, (ctx.paths.keys / keys.HQ_SIGNING).exists())


def join_on_server(
    ctx: DeskContext,
    server_url: str,
    *,
    username: str,
    password: str,
    server_password: str = "",
    keys_file: Path | None = None,
    passphrase: str = "",
) -> Joined:
    """From a data folder with nothing set up: join headquarters on ``server_url`` signed in as
    its existing account ``username``; ``ctx`` then works on the server, that account signed in.
    The server's password is used for this run only, never written."""
    from cplc_desk.services.accounts import accounts

    with moving_to_server(ctx, server_url, server_password, Actor.nobody()) as (on_server, url):
        _headquarters(on_server, url)
        accounts.sign_in(on_server, username, password)
        joined = join(on_server, url, keys_file, passphrase)
    return joined


def _headquarters(ctx: DeskContext, url: URL) -> DeskIdentity:
    identity = ctx.identity()
    if identity is None:
        raise ServiceError(
            _(
                "The server {server} holds no headquarters yet. Nothing was changed. Set "
                "headquarters up there first (without joining), then join it from the other "
                "computers."
            ).format(server=server.describe(url)),
            code="server_empty",
        )
    if identity.is_station:
        raise ServiceError(
            _(
                "The server {server} holds a police station's desk ({code}), not headquarters. "
                "Nothing was changed. Check the server's address."
            ).format(server=server.describe(url), code=identity.code),
            code="not_headquarters",
        )
    return identity
