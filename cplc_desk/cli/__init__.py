"""The ``cplc-desk`` command line."""

from cplc_desk.cli.common import CliError
from cplc_desk.cli.main import build_parser, main

__all__ = ["CliError", "build_parser", "main"]
