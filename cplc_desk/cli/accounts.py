"""Managing a desk's accounts from the command line (supervisors at a station, headquarters
administrators at headquarters), for scripts and for a desk whose window cannot be reached.

The new password of an account comes from ``CPLC_DESK_NEW_PASSWORD``, a file
(``--new-password-file``), or a prompt asked twice; never from the command line itself, where
other users of the PC could read it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli.common import JSON, CliError, Option, Subparsers, command, option
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Role, role_label

if TYPE_CHECKING:
    from cplc_desk.services.accounts.accounts import AccountInfo
    from cplc_desk.services.desk.context import DeskContext

ENV_NEW_PASSWORD = "CPLC_DESK_NEW_PASSWORD"


def register(sub: Subparsers) -> None:
    p = sub.add_parser("accounts", help=_("list and manage this desk's accounts"))
    actions = p.add_subparsers(dest="accounts_action", metavar="ACTION", required=True)
    roles = [r.value for r in Role]
    username, new_password = option("username"), _new_password_option()
    command(actions, "list", cmd_list, _("every account with its role and state"), JSON)
    command(
        actions,
        "add",
        cmd_add,
        _("create an account"),
        username,
        option("--role", required=True, choices=roles),
        option("--display-name", default=""),
        new_password,
    )
    command(actions, "disable", cmd_disable, _("stop an account from signing in"), username)
    command(actions, "enable", cmd_enable, _("let a disabled account sign in again"), username)
    command(
        actions,
        "reset-password",
        cmd_reset_password,
        _("set a new password (also lifts a lock-out)"),
        username,
        new_password,
    )
    command(
        actions,
        "set-role",
        cmd_set_role,
        _("change an account's role"),
        username,
        option("role", choices=roles),
    )


def _new_password_option() -> Option:
    return option(
        "--new-password-file",
        type=Path,
        metavar="FILE",
        help=_("read the new password from the first line of FILE (or ${env})").format(
            env=ENV_NEW_PASSWORD
        ),
    )


def _new_password(args: argparse.Namespace, username: str) -> str:
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value:
        return value
    if args.new_password_file is not None:
        try:
            lines = args.new_password_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CliError(
                _("Cannot read the password file {path}: {reason}").format(
                    path=args.new_password_file, reason=exc.strerror
                )
            ) from None
        if not lines or not lines[0]:
            raise CliError(
                _("The password file {path} is empty.").format(path=args.new_password_file)
            )
        return str(lines[0])
    if not sys.stdin.isatty():
        raise CliError(
            _(
                "No new password given and no terminal to ask on. Set {env} or give "
                "--new-password-file FILE."
            ).format(env=ENV_NEW_PASSWORD)
        )
    try:
        first = getpass.getpass(_("New password for {name}: ").format(name=username))
        if getpass.getpass(_("Same password again: ")) != first:
            raise CliError(_("The two passwords differ. Nothing was changed."))
    except EOFError:
        raise CliError(_("No password given.")) from None
    return first


def _state(info: AccountInfo) -> str:
    if info.disabled:
        return _("disabled")
    if info.locked:
        return _("locked")
    return _("active")


def cmd_list(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    rows = accounts.list_accounts(ctx)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "username": r.username,
                        "display_name": r.display_name,
                        "role": r.role.value,
                        "disabled": r.disabled,
                        "locked": r.locked,
                        "created_by": r.created_by,
                        "changed_by": r.changed_by,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for r in rows:
        print(f"{r.username:24} {role_label(r.role):28} {_state(r):9} {r.display_name}")
    return 0


def cmd_add(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    info = accounts.create_account(
        ctx, args.username, args.display_name, args.role, _new_password(args, args.username)
    )
    print(
        _("Account {name} created ({role}).").format(name=info.username, role=role_label(info.role))
    )
    return 0


def cmd_disable(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    info = accounts.set_disabled(ctx, args.username, True)
    print(_("Account {name} disabled: it can no longer sign in.").format(name=info.username))
    return 0


def cmd_enable(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    info = accounts.set_disabled(ctx, args.username, False)
    print(_("Account {name} enabled.").format(name=info.username))
    return 0


def cmd_reset_password(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    info = accounts.reset_password(ctx, args.username, _new_password(args, args.username))
    print(_("New password set for {name}.").format(name=info.username))
    return 0


def cmd_set_role(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import accounts

    info = accounts.change_role(ctx, args.username, args.role)
    print(
        _("Account {name} is now: {role}.").format(name=info.username, role=role_label(info.role))
    )
    return 0
