"""What every command module shares: the error a command refuses with, and the few lines that
set a sub-command up (its parser, its options in order, its handler and the account it needs)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cplc_desk.domain.errors import DeskError

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction

Handler = Callable[["DeskContext", argparse.Namespace], int]


class CliError(DeskError):
    """A refusal printed as one line on stderr; the command exits 1."""


@dataclass(frozen=True)
class Option:
    """One ``add_argument`` call, written down to be made when the parser is built."""

    names: tuple[str, ...]
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OneOf:
    """Options of which at most one may be given (a mutually exclusive group)."""

    options: tuple[Option, ...]


def option(*names: str, **settings: Any) -> Option:
    return Option(names, settings)


def one_of(*options: Option) -> OneOf:
    return OneOf(options)


def flag(name: str, help: str | None = None) -> Option:
    """An option that is given or not (``store_true``)."""
    return option(name, action="store_true", help=help)


def out_option(metavar: str) -> Option:
    """The ``--out`` a command must be given: the file or folder it writes."""
    return option("--out", required=True, type=Path, metavar=metavar)


JSON = flag("--json")  # the result as JSON, for scripts


def command(
    sub: Subparsers,
    name: str,
    handler: Handler,
    help: str,
    *options: Option | OneOf,
    account: str | None = None,
    aliases: Sequence[str] = (),
) -> argparse.ArgumentParser:
    """Add the sub-command ``name``: its options in the order ``--help`` lists them, the
    function that runs it, and the account it needs (see :mod:`cplc_desk.cli.signin`; None: a
    signed-in one). The parser is returned for options some commands share (``--db-url``)."""
    parser = sub.add_parser(name, aliases=list(aliases), help=help)
    for given in options:
        if isinstance(given, OneOf):
            group = parser.add_mutually_exclusive_group()
            for one in given.options:
                group.add_argument(*one.names, **one.settings)
        else:
            parser.add_argument(*given.names, **given.settings)
    parser.set_defaults(handler=handler)
    if account is not None:
        parser.set_defaults(account=account)
    return parser
