"""How a sentence is kept: a function of the refusal's parameters, translated when it is read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from string import Formatter
from typing import Any

from cplc_desk.domain.i18n import _

Say = Callable[[Mapping[str, Any]], str]


def said(message: str, **fills: str | Say) -> Say:
    """The sentence ``message`` (marked ``N_`` where a table writes it), translated when it is
    read. Each blank is filled from the refusal's parameter of the same name, or of the name
    ``fills`` gives the blank, or by the function ``fills`` gives it (a worded reason)."""
    blanks = [name for _text, name, _spec, _conv in Formatter().parse(message) if name]

    def say(params: Mapping[str, Any]) -> str:
        values = {}
        for blank in blanks:
            fill = fills.get(blank, blank)
            values[blank] = fill(params) if callable(fill) else params[fill]
        return _(message).format(**values) if blanks else _(message)

    return say


def reason(params: Mapping[str, Any], reasons: Mapping[str, Say], field: str = "reason") -> str:
    """The reason a damaged file gives: worded when it is a known key, else the reader's own
    word for what it met (a part's name, "not an archive"), as it is."""
    value = str(params.get(field, ""))
    say = reasons.get(value)
    return say(params) if say is not None else value
