"""What every command module shares."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cplc_desk.domain.errors import DeskError

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction


class CliError(DeskError):
    """A refusal printed as one line on stderr; the command exits 1."""
