"""Command-line advice lives in the command line: the libraries and services say what is wrong
(with a code and its parameters), and ``cli/advice.py`` adds the command to type by that code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cplc_desk.cli import advice
from cplc_desk.domain.errors import DeskError
from cplc_desk.services.desk.context import ServiceError
from cplc_desk.sync.errors import SyncError

PACKAGE = Path(__file__).resolve().parent.parent / "cplc_desk"
# What each code's refusal carries (the raising code in sync/ and services/ passes these).
PARAMS = {
    "station": "CLIF",
    "sequence": 3,
    "file": "registers.xlsx",
    "sheets": ["2025"],
    "register": "vehicles",
}


def _sentences(folder: Path) -> list[tuple[str, str]]:
    """Every string literal in the folder's code that is not a docstring."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
            ):
                found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node.value))
    return found


@pytest.mark.parametrize("layer", ["sync", "services", "storage", "domain", "printing"])
def test_no_command_line_advice_below_the_edges(layer: str) -> None:
    offenders = [where for where, text in _sentences(PACKAGE / layer) if "cplc-desk " in text]
    assert offenders == []


@pytest.mark.parametrize("code", sorted(advice.ADVICE))
def test_every_code_has_a_command(code: str) -> None:
    said = advice.advise(code, PARAMS, "What is wrong.")
    assert said.startswith("What is wrong. ") and "cplc-desk " in said


def test_the_command_is_filled_from_the_refusal() -> None:
    exc = SyncError("forked_held", station="CLIF", sequence=3, date="2026-12-01")
    said = advice.sentence(exc)
    # The services' sentence first (what is wrong), then the command line's own advice.
    assert said.startswith("Headquarters is keeping another bundle 3 from CLIF, received on 2026")
    assert said.endswith(" Command: cplc-desk discard-held --station CLIF --sequence 3")


def test_a_refusal_without_advice_or_its_parameters_is_said_as_it_is() -> None:
    assert advice.sentence(ServiceError("Nothing to add.")) == "Nothing to add."
    # The code names a command, but the parameters it needs are missing: no half a command.
    assert advice.sentence(DeskError("Odd.", code="forked_held")) == "Odd."
