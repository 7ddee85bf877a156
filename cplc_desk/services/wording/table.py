"""How a sentence is kept: a function of the refusal's parameters, translated when it is read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Say = Callable[[Mapping[str, Any]], str]


def reason(params: Mapping[str, Any], reasons: Mapping[str, Say], field: str = "reason") -> str:
    """The reason a damaged file gives: worded when it is a known key, else the reader's own
    word for what it met (a part's name, "not an archive"), as it is."""
    value = str(params.get(field, ""))
    say = reasons.get(value)
    return say(params) if say is not None else value
