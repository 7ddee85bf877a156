"""The sync library words nothing: it reports by code, wording key and parameters, and every key
it raises is worded by the services (``services/wording/``), in sentences that fill."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from cplc_desk.domain.errors import DeskError, sentence
from cplc_desk.services.wording import TABLES, files, wording
from cplc_desk.sync.errors import SyncError

SYNC = Path(__file__).resolve().parents[2] / "cplc_desk" / "sync"
WORDED = {key for table in TABLES for key in table}
KEY = re.compile(r"^[a-z_.]+$")


def _calls(name: str) -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(SYNC.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called == name:
                    yield f"{path.name}:{node.lineno}", node


def _constant(node: ast.Call, index: int) -> str | None:
    if len(node.args) > index and isinstance(node.args[index], ast.Constant):
        value = node.args[index].value
        return value if isinstance(value, str) else None
    return None


def test_the_library_composes_no_sentence() -> None:
    translated = [where for name in ("_", "N_", "ngettext") for where, _call in _calls(name)]
    assert translated == []


def test_every_refusal_the_library_raises_is_worded() -> None:
    keys = []
    for where, call in _calls("SyncError"):
        if any(isinstance(arg, ast.Name | ast.JoinedStr) for arg in call.args[:2]):
            continue  # a builder passing on its caller's key: its callers are scanned below
        key = _constant(call, 1) or _constant(call, 0)
        assert key is not None, f"{where}: a refusal's code must be written out"
        keys.append((where, key))
    for where, call in _calls("_refusal"):  # the hotlist's refusals, "hotlist.<code>"
        keys.append((where, f"hotlist.{_constant(call, 0)}"))
    for where, call in _calls("_revoked"):
        keys.append((where, _constant(call, 0) or "?"))
    for where, call in _calls("refusal"):
        keys.append((where, _constant(call, 1) or "?"))
    assert len(keys) > 40  # the scan sees the library's refusals
    assert [(where, key) for where, key in keys if key not in WORDED] == []


def test_every_damage_reason_the_library_names_is_worded() -> None:
    reasons = [
        (where, _constant(call, 0))
        for name in ("_damaged", "damaged")
        for where, call in _calls(name)
    ]
    named = [(where, key) for where, key in reasons if key and KEY.match(key)]
    assert len(named) > 20
    assert [(where, key) for where, key in named if key not in files.REASONS] == []


class _Anything(Mapping[str, Any]):
    """Every parameter a sentence may name, as a marker."""

    def __getitem__(self, key: str) -> str:
        return f"<{key}>"

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@pytest.mark.parametrize("key", sorted(WORDED))
def test_every_sentence_fills(key: str) -> None:
    said = wording(key, _Anything())
    assert said and "{" not in said and "}" not in said


def test_a_refusal_reads_in_the_services_words() -> None:
    exc = SyncError("damaged", "bundle.content_invalid", reason="line_invalid", n=7, member="x")
    assert exc.code == "damaged" and str(exc) == exc.message
    assert "(line 7 of x is not valid)" in exc.message
    # A reason the reader met as it is (not a wording key) is named as it is.
    raw = SyncError("damaged", "bundle.content_invalid", reason="not an archive")
    assert "(not an archive)" in raw.message


def test_an_unworded_key_still_says_what_it_knows() -> None:
    assert sentence("no.such_key", {"station": "CLIF"}) == "no.such_key (station=CLIF)"
    # A service's own sentence is its own.
    assert DeskError("Said here.", code="x").message == "Said here."
