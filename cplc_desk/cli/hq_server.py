"""Headquarters on a PostgreSQL server: ``init-hq --db-url``, ``join-hq`` and ``export-hq-keys``.

The server's URL is written to the data dir's ``store.json`` without its password (see
services/desk/server.py); every later command and the window open the desk on it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli import signin
from cplc_desk.cli.common import CliError, Option, Subparsers, command, flag, option, out_option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.desk.context import DeskContext

ENV_KEYS_PASSPHRASE = "CPLC_DESK_KEYS_PASSPHRASE"


def db_url_option() -> Option:
    """``--db-url``: the commands that may set headquarters up on a server take it."""
    return option(
        "--db-url",
        metavar="URL",
        help=_(
            "headquarters' store on a PostgreSQL server: postgresql+psycopg://USER@HOST[:PORT]/DB "
            "(the password comes from the password file, ${env} or a prompt; it is never written "
            "to the desk's configuration)"
        ).format(env="CPLC_DESK_DB_PASSWORD"),
    )


def register(sub: Subparsers) -> None:
    command(
        sub,
        "join-hq",
        cmd_join_hq,
        _("work on a headquarters already set up on a PostgreSQL server from this computer"),
        db_url_option(),
        option(
            "--keys",
            type=Path,
            metavar="FILE",
            help=_("headquarters' keys, sealed by export-hq-keys at a workstation that has them"),
        ),
    )
    command(
        sub,
        "export-hq-keys",
        cmd_export_hq_keys,
        _("seal headquarters' keys with a passphrase, for join-hq at another workstation"),
        out_option("FILE"),
    )
    # Signs in itself, without writing to the file it moves (see cmd_move_hq).
    command(
        sub,
        "move-hq",
        cmd_move_hq,
        _(
            "copy this SQLite headquarters to an empty database on a PostgreSQL server, check "
            "the copy, and work on the server from then on (the file is kept as the way back)"
        ),
        option("--to", required=True, metavar="URL", help="postgresql+psycopg://USER@HOST/DB"),
        account=signin.NO_ACCOUNT,
    )
    command(
        sub,
        "set-read-url",
        cmd_set_read_url,
        _(
            "name the read-only copy of headquarters' server (a standby) that this "
            "workstation's lists and statistics read from; writes still go to the server"
        ),
        option(
            "url",
            nargs="?",
            metavar="URL",
            help=_(
                "postgresql+psycopg://USER@STANDBY[:PORT]/DB (the password as for the server: the "
                "password file, ${env} or a prompt; never written)"
            ).format(env="CPLC_DESK_DB_PASSWORD"),
        ),
        flag("--clear", _("forget the read replica: read from the server")),
    )


def _ask_db_password(server: str) -> str:
    return getpass.getpass(_("Password for the server {server}: ").format(server=server))


def store_url(paths: DeskPaths, given: str | None) -> str | None:
    """The URL to open the desk with: the one given (checked: this data dir may work on it),
    the configured server's (the password asked for on a terminal if needed), or None."""
    from cplc_desk.services.desk import server

    ask = _ask_db_password if sys.stdin.isatty() else None
    if given:
        url = server.parse_url(given)
        server.refuse_if_sqlite_desk(paths)
        server.refuse_other_server(paths, url)
    else:
        configured = server.read_config(paths)
        if configured is None or ask is None:
            return None  # open_desk reads the configuration itself
        url = configured
    return server.with_password(url, ask).render_as_string(hide_password=False)


def read_store_url(paths: DeskPaths) -> str | None:
    """The read replica's URL with its password (asked for on a terminal if needed), or None
    (open_desk then reads the configuration itself)."""
    from cplc_desk.services.desk import server

    if not sys.stdin.isatty() or server.read_config(paths) is None:
        return None
    replica = server.read_replica(paths)
    if replica is None:
        return None
    return server.with_password(replica, _ask_db_password).render_as_string(hide_password=False)


def remember(ctx: DeskContext, given: str) -> None:
    from cplc_desk.services.desk import server

    path = server.write_config(ctx.paths, server.parse_url(given))
    print(
        _("This data folder now works on the server {server} ({path}).").format(
            server=server.describe(server.parse_url(given)), path=path
        )
    )


def cmd_init_hq_on_server(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk import setup

    setup.refuse_if_set_up(
        ctx,
        _(
            "The server already holds a desk, {name} ({code}). Nothing was changed. To work "
            "on it from this computer, use: cplc-desk join-hq --db-url URL"
        ),
    )
    identity = setup.init_hq(ctx, args.name, admin=signin.new_admin(args))
    remember(ctx, args.db_url)
    print(_("This desk is now headquarters: {name}.").format(name=identity.name))
    return 0


def cmd_join_hq(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk import join, server

    if not args.db_url:
        raise CliError(_("Give the server: --db-url postgresql+psycopg://USER@HOST[:PORT]/DB"))
    passphrase = _passphrase(confirm=False) if args.keys is not None else ""
    url = server.parse_url(args.db_url)
    joined = join.join(ctx, url, args.keys, passphrase)
    if joined.keys_written:
        print(_("Headquarters' keys are now in {dir}.").format(dir=ctx.paths.keys))
    print(
        _("This data folder now works on the server {server} ({path}).").format(
            server=server.describe(url), path=server.config_path(ctx.paths)
        )
    )
    print(_("This computer now works on headquarters: {name}.").format(name=joined.identity.name))
    if not joined.has_keys:
        print(
            _(
                "This computer has no copy of headquarters' keys: it cannot enroll stations or "
                "open bundles. At a workstation that has them run export-hq-keys, then here "
                "join-hq again with --keys FILE."
            ),
            file=sys.stderr,
        )
    return 0


def cmd_export_hq_keys(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import key_export

    out = key_export.export_keys(ctx, args.out, _passphrase(confirm=True))
    print(
        _(
            "Headquarters' keys sealed in {path}. Carry it to the other workstation and keep "
            "the passphrase apart from it."
        ).format(path=out)
    )
    return 0


def cmd_move_hq(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts
    from cplc_desk.services.desk import move, server

    url = server.parse_url(args.to)
    username = signin.account_name(args)
    password = signin.account_password(args, username)
    # Checked without a write, so the file stays as it was; a wrong password goes through
    # the usual sign-in, which counts and records it.
    ctx.actor = accounts.check_without_writing(ctx, username, password) or accounts.sign_in(
        ctx, username, password
    )
    report = move.move_to_server(ctx, server.with_password(url, _ask_db_password_if_tty()))
    print(
        _(
            "Headquarters now works on the server {server}: {rows} rows in {tables} tables "
            "copied and checked in {seconds:.1f} s. The file {path} is kept unchanged: to go "
            "back to it, delete {config}."
        ).format(
            server=report.server,
            rows=report.rows,
            tables=report.tables,
            seconds=report.seconds,
            path=ctx.paths.database,
            config=server.config_path(ctx.paths),
        )
    )
    return 0


def cmd_set_read_url(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk import read_replica, server

    if bool(args.url) == bool(args.clear):
        raise CliError(
            _(
                "Give the read replica's URL (postgresql+psycopg://USER@STANDBY/DB), or --clear "
                "to read from the server again."
            )
        )
    url = read_replica.set_read_url(ctx, args.url, _ask_db_password_if_tty())
    if url is None:
        print(_("Lists and statistics at this workstation now read from the server itself."))
    else:
        print(
            _(
                "Lists and statistics at this workstation now read from the read replica "
                "{replica} (from the next start); every change still goes to the server. If "
                "the replica cannot be reached they read from the server, with a warning."
            ).format(replica=server.describe(url))
        )
    return 0


def _ask_db_password_if_tty() -> Callable[[str], str] | None:
    return _ask_db_password if sys.stdin.isatty() else None


def _passphrase(*, confirm: bool) -> str:
    given = os.environ.get(ENV_KEYS_PASSPHRASE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise CliError(
            _("Give the keys' passphrase in {env}, or run this at a terminal.").format(
                env=ENV_KEYS_PASSPHRASE
            )
        )
    first = getpass.getpass(_("Passphrase for headquarters' keys: "))
    if confirm and getpass.getpass(_("The same passphrase again: ")) != first:
        raise CliError(_("The two passphrases differ. Nothing was written."))
    return first
