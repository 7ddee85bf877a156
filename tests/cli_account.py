"""The account the command-line tests run as (imported by conftest and e2e helpers).

``init-station`` / ``init-hq`` run through :func:`conftest.run_cli` create it as the desk's first
administrator (a station's supervisor, headquarters' administrator); later commands sign in with
it from the environment. A desk set up through the services gets it from :func:`add_cli_admin`
(the ``cli_account`` fixture).
"""

from __future__ import annotations

from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.desk.context import DeskContext

CLI_USER = "admin"
CLI_PASSWORD = "test-password-1"
CLI_ENV = {"CPLC_DESK_USER": CLI_USER, "CPLC_DESK_PASSWORD": CLI_PASSWORD}
CLI_ADMIN = NewAccount(CLI_USER, CLI_PASSWORD, "Test administrator")


def add_cli_admin(ctx: DeskContext) -> None:
    """Give a desk set up through the services (no accounts yet) the CLI's account, leaving
    ``ctx.actor`` as it was."""
    actor = ctx.actor
    try:
        accounts.create_first_admin(ctx, CLI_ADMIN)
    finally:
        ctx.actor = actor
