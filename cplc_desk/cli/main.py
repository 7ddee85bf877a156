"""The ``cplc-desk`` command. With no subcommand it opens the desk's window.

Commands run as a signed-in account (see :mod:`cplc_desk.cli.signin`).

Exit codes: 0 success; 1 refused or failed (one-line reason on stderr); 2 wrong usage;
import (import-csv) exits 1 when some rows were not imported (the good rows are kept).

Each area's commands live in their own module with a ``register(sub)`` function; add a new
module to ``COMMAND_MODULES``. Those modules import the services inside each command's function,
never at the top: building the parser (``--version``, ``--help``) must not load the store, the
sync library or Qt (``tests/test_cli_imports.py`` holds it).
"""

from __future__ import annotations

import argparse
import gc
import io
import logging
import logging.handlers
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk import __version__
from cplc_desk.cli import (
    accounts,
    advice,
    audit,
    backup,
    desk,
    hotlist,
    hq_server,
    recovery,
    signin,
    statistics,
    sync,
    verify,
)
from cplc_desk.cli.common import CliError
from cplc_desk.domain import i18n
from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _
from cplc_desk.paths import ENV_DATA_DIR, DeskPaths
from cplc_desk.sync.files import create_private, restrict_to_owner

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext

log = logging.getLogger("cplc_desk")

COMMAND_MODULES = (
    desk,
    hq_server,
    sync,
    verify,
    hotlist,
    recovery,
    backup,
    audit,
    signin,
    accounts,
    statistics,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cplc-desk",
        description=_(
            "CPLC Desk: complaints and vehicle reports at CPLC station desks and headquarters. "
            "Without a command, opens the desk's window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"cplc-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("folder holding this desk's data (default: the user data folder, or ${env})").format(
            env=ENV_DATA_DIR
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("use a throwaway station filled with sample records (deleted on exit)"),
    )
    signin.add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


# ------------------------------------------------------------------ plumbing


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The desk's log, readable by the desk's user only: each file (the first, and each one a
    rollover starts) is made private before the first line goes in, and one an older version
    left readable by all is made private when opened."""

    def _open(self) -> io.TextIOWrapper:
        path = Path(self.baseFilename)
        if not path.exists():
            create_private(path)
        elif sys.platform != "win32":
            restrict_to_owner(path)  # a chmod: cheap (on Windows it would start icacls)
        return super()._open()


def _setup_logging(paths: DeskPaths) -> None:
    # Log files never receive personal data: services log record numbers and counts only.
    # They are private all the same: record numbers and who worked when are the desk's business.
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = PrivateLogHandler(
        paths.logs / "cplc-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("cplc_desk")
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def _open(paths: DeskPaths, db_url: str | None = None) -> DeskContext:
    # The store and the services are imported only by a command that opens the desk: --version
    # and --help start in a fraction of the time (see bench/cli_start.py).
    from cplc_desk.services.desk.context import Actor, open_desk

    # Nobody until the command's account signs in (see cli/signin).
    return open_desk(
        paths,
        actor=Actor.nobody(),
        url=hq_server.store_url(paths, db_url),
        read_url=None if db_url else hq_server.read_store_url(paths),
    )


def _demo_desk(tmp: Path) -> DeskContext:
    from cplc_desk.services.desk import demo

    ctx = _open(DeskPaths(tmp))
    demo.populate(ctx)  # signs the demo desk's supervisor in
    return ctx


def set_language() -> None:
    """Speak ``CPLC_DESK_LANG``, else the locale's language (English or Urdu); argparse's own
    words (usage, errors) come from the same catalogue."""
    i18n.set_language(i18n.language_from_environment(), isolates=False)
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    set_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[DeskContext, argparse.Namespace], int] | None = getattr(
        args, "handler", None
    )
    demo_dir = Path(tempfile.mkdtemp(prefix="cplc-desk-demo-")) if args.demo else None
    try:
        paths = DeskPaths(demo_dir) if demo_dir else DeskPaths.resolve(args.data_dir)
        try:
            paths.ensure()
        except OSError as exc:
            raise CliError(
                _("Cannot use the data folder {path}: {reason}").format(
                    path=paths.data_dir, reason=exc.strerror
                )
            ) from None
        _setup_logging(paths)
        if handler is None:
            # Starting the window allocates a great many objects that live as long as the
            # process (Qt's wrappers, the store's mappers) and next to no garbage: the cycle
            # collector would walk them again and again for nothing (about a tenth of the
            # window's start, bench/startup.py). The window then runs collections on its own
            # thread (gui/shell/gc_guard.py).
            gc.disable()
            from cplc_desk.gui.shell.app import run_gui

            return int(run_gui(paths, demo=bool(demo_dir)))
        ctx = (
            _demo_desk(paths.data_dir) if demo_dir else _open(paths, getattr(args, "db_url", None))
        )
        try:
            if not ctx.actor.signed_in:
                signin.sign_in(ctx, args)
            return handler(ctx, args)
        finally:
            ctx.close()
    except DeskError as exc:
        print(f"cplc-desk: {advice.sentence(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except KeyboardInterrupt:
        print("cplc-desk: " + _("interrupted; every batch already saved is kept."), file=sys.stderr)
        return 130
    finally:
        for h in logging.getLogger("cplc_desk").handlers[:]:
            h.close()
            logging.getLogger("cplc_desk").removeHandler(h)
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
