"""Starting the desk's window: the application object, translations, layout direction, opening the
desk, first-run setup, signing in, the demo desk, and the main window.

:func:`run_gui` only strings together steps that tests call one by one, without ``app.exec()``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from cplc_desk import __version__
from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell import gc_guard, language, qtfix
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.widgets import dialogs
from cplc_desk.paths import APP_AUTHOR, APP_NAME, DeskPaths, resource_path
from cplc_desk.services.accounts import accounts
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the existing one, if any: tests and embedders make their own)."""
    qtfix.install()
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(list(argv if argv is not None else sys.argv))
    )
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "cplc-desk.svg"))))
    language.install_fonts()
    gc_guard.install()
    return app


def open_context(paths: DeskPaths) -> DeskContext | None:
    """The open desk, or None after telling the person why it could not be opened. A server
    that wants a password this PC does not have asks for it; one out of reach is offered
    again (gui/shell/server_password.py)."""
    from cplc_desk.gui.shell.server_password import next_attempt

    url: str | None = None
    while True:
        try:
            ctx = open_desk(paths, url=url)
        except DeskError as exc:
            url = next_attempt(paths, exc, url)
            if url is None:
                return None
            continue
        ctx.actor = Actor.nobody()  # until someone signs in
        return ctx


def ensure_set_up(ctx: DeskContext) -> bool:
    """True if the desk is set up, asking the person on the first run."""
    if ctx.identity() is not None:
        return True
    from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog

    accepted = dialogs.run_once(DeskSetupDialog(ctx)) == QDialog.DialogCode.Accepted
    return accepted and ctx.identity() is not None


def ensure_signed_in(ctx: DeskContext) -> bool:
    """True once an account is signed in: the person set the desk up just now, or signs in (a
    desk set up before accounts existed first gets its administrator). The window then speaks
    the account's language."""
    if not ctx.actor.signed_in:
        from cplc_desk.gui.shell.login_dialog import FirstAdminDialog, LoginDialog

        if not accounts.has_accounts(ctx):
            dialog: QDialog = FirstAdminDialog(ctx)
        else:
            dialog = LoginDialog(ctx)
        accepted = dialogs.run_once(dialog) == QDialog.DialogCode.Accepted
        picked = getattr(dialog, "picked_language", None)
        if not (accepted and ctx.actor.signed_in):
            return False
        if picked:
            # Picked on the sign-in screen: from now on this person's language.
            with contextlib.suppress(DeskError):
                accounts.set_own_language(ctx, picked)
    follow_account_language(ctx)
    return True


def follow_account_language(ctx: DeskContext) -> str:
    """Switch to the signed-in account's language; an account that never chose one stays in
    the language showing now (the PC's, or the one last used here)."""
    chosen = accounts.own_language(ctx) or language.active_language()
    if chosen != language.active_language():
        language.apply_language(chosen)
    language.remember(chosen)
    return chosen


def start_desk(paths: DeskPaths, demo: bool = False) -> MainWindow | int:
    """Everything before the event loop. Returns the main window (not yet shown), or the exit
    code when there is no window to show: 1 if the desk could not be opened or filled, 0 if the
    person cancelled the first-run setup. The window's ``ctx`` is the caller's to close."""
    ctx = open_context(paths)
    if ctx is None:
        return 1
    try:
        from cplc_desk.gui.shell.demo_progress import populate_demo

        if demo and not populate_demo(ctx):
            ctx.close()
            return 1
        if not ensure_set_up(ctx) or not ensure_signed_in(ctx):
            ctx.close()
            return 0
        return MainWindow(ctx, demo=demo, auto_backup=True)
    except BaseException:
        ctx.close()
        raise


def run_gui(paths: DeskPaths, demo: bool) -> int:
    app = create_application()
    language.apply_language(language.start_language(), app)
    started = start_desk(paths, demo)
    if isinstance(started, int):
        return started
    started.show()
    try:
        return app.exec()
    finally:
        with contextlib.suppress(DeskError):
            accounts.sign_out(started.ctx)  # audited: the shift at this desk ended
        started.ctx.close()
