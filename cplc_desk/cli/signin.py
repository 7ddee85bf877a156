"""Who runs a command: every command that touches records runs as a named account.

The account name comes from ``--user`` or ``CPLC_DESK_USER``; the password from
``CPLC_DESK_PASSWORD``, else a file (``--password-file`` or ``CPLC_DESK_PASSWORD_FILE``, for
scripts), else a prompt that does not echo. Without a terminal and without either, the command
refuses rather than wait for a password nobody can type.

``init-station`` / ``init-hq`` / ``init-admin`` create the desk's first administrator from the same
sources (``--admin`` defaults to ``CPLC_DESK_USER``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli.common import CliError, Subparsers, command, option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.accounts.accounts import NewAccount
    from cplc_desk.services.desk.context import DeskContext

ENV_USER = "CPLC_DESK_USER"
ENV_PASSWORD = "CPLC_DESK_PASSWORD"
ENV_PASSWORD_FILE = "CPLC_DESK_PASSWORD_FILE"

# What a command needs (set as ``account`` on its parser's defaults):
NO_ACCOUNT = "none"  # reference lists and store checks: no personal data
SETUP = "setup"  # signs in only once the desk is set up and has accounts
SIGNED_IN = "signed-in"  # the default


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=_("the account to run the command as (default: ${env})").format(env=ENV_USER),
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help=_(
            "read the password from the first line of FILE (or ${env}; or ${pw}); "
            "otherwise it is asked for"
        ).format(env=ENV_PASSWORD_FILE, pw=ENV_PASSWORD),
    )


def register(sub: Subparsers) -> None:
    command(
        sub,
        "init-admin",
        cmd_init_admin,
        _("create the first administrator of a desk set up before accounts existed"),
        option("--admin", metavar="USERNAME", help=_("default: ${env}").format(env=ENV_USER)),
        option("--display-name", default=""),
        account=SETUP,
    )


def _password(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(ENV_PASSWORD)
    if value:
        return value
    file = getattr(args, "password_file", None) or os.environ.get(ENV_PASSWORD_FILE)
    if file:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CliError(
                _("Cannot read the password file {path}: {reason}").format(
                    path=file, reason=exc.strerror
                )
            ) from None
        if not lines or not lines[0]:
            raise CliError(_("The password file {path} is empty.").format(path=file))
        return lines[0]
    if not sys.stdin.isatty():
        raise CliError(
            _(
                "No password given and no terminal to ask on. Set {env} or {env_file}, or give "
                "--password-file FILE."
            ).format(env=ENV_PASSWORD, env_file=ENV_PASSWORD_FILE)
        )
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(_("Same password again: ")) != first:
            raise CliError(_("The two passwords differ. Nothing was changed."))
    except EOFError:
        raise CliError(_("No password given.")) from None
    return first


def _username(args: argparse.Namespace, given: str | None = None) -> str:
    name = given or getattr(args, "user", None) or os.environ.get(ENV_USER)
    if name:
        return str(name)
    if sys.stdin.isatty():
        try:
            return input(_("Account name: ")).strip()
        except EOFError:
            pass
    raise CliError(
        _("Say which account runs this: --user NAME, or set {env}.").format(env=ENV_USER)
    )


def sign_in(ctx: DeskContext, args: argparse.Namespace) -> None:
    """Sign the command's account in, or raise CliError (the failure is already audited)."""
    from cplc_desk.services.accounts import accounts

    mode = getattr(args, "account", SIGNED_IN)
    if mode == NO_ACCOUNT:
        return
    if ctx.identity() is None and mode == SETUP:
        return
    ctx.require_identity()
    if not accounts.has_accounts(ctx):
        if mode == SETUP:
            return
        raise CliError(
            _(
                "This desk has no accounts yet. Create its administrator first: "
                "cplc-desk init-admin --admin NAME"
            )
        )
    username = _username(args)
    password = _password(args, _("Password for {name}: ").format(name=username))
    accounts.sign_in(ctx, username, password)


def account_name(args: argparse.Namespace) -> str:
    return _username(args)


def account_password(args: argparse.Namespace, username: str) -> str:
    return _password(args, _("Password for {name}: ").format(name=username))


def new_admin(args: argparse.Namespace) -> NewAccount:
    """The first administrator's name and password, for setting a desk up."""
    from cplc_desk.services.accounts import accounts
    from cplc_desk.services.accounts.accounts import NewAccount

    username = _username(args, getattr(args, "admin", None))
    password = _password(args, _("New password for {name}: ").format(name=username), confirm=True)
    accounts.clean_username(username)
    accounts.check_password(password)
    return NewAccount(username, password, getattr(args, "display_name", "") or "")


def cmd_init_admin(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    ctx.require_identity()
    if accounts.has_accounts(ctx):
        raise CliError(
            _(
                "This desk already has accounts. A supervisor or administrator adds more in the "
                "window's Accounts page."
            )
        )
    actor = accounts.create_first_admin(ctx, new_admin(args))
    print(_("Account {name} created; it manages this desk's accounts.").format(name=actor.username))
    return 0
