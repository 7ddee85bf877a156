"""The one family of refusals: every error a person reads derives from :class:`DeskError`.

A refusal carries a stable ``code`` (for scripts, tests and the edges' own advice), the
``params`` that fill its sentence, and the sentence itself (``message``, translated).

Who words it: a service writes its own sentence when it raises. The libraries below the
services (``sync/``) do not compose sentences at all: they raise with a code, a wording key
(``say``) and parameters, and the sentence is made when an edge reads ``message``, from the
wording the services own (``services/wording/``), installed here with :func:`use_wording`.
What to *do* about a refusal in a particular place (a command to run, a button to press)
belongs to that edge: ``cli/advice.py`` appends the command line's advice by code, and the
window its own. So the window and the command line each catch one type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Wording = Callable[[str, Mapping[str, Any]], str | None]
_wordings: list[Wording] = []


def use_wording(wording: Wording) -> None:
    """Make ``wording`` (key, params -> sentence, or None when it has no such key) one of the
    sources of sentences for refusals raised without one."""
    if wording not in _wordings:
        _wordings.append(wording)


def sentence(key: str, params: Mapping[str, Any]) -> str:
    """The sentence for a wording key, from the installed wording; the key and its parameters
    as they are when no wording knows it (a library used on its own)."""
    for wording in _wordings:
        text = wording(key, params)
        if text is not None:
            return text
    details = ", ".join(f"{k}={v}" for k, v in params.items())
    return f"{key} ({details})" if details else key


class DeskError(Exception):
    """A refusal the person must read: what is wrong (and, at the edge, what to do)."""

    default_code = "refused"

    def __init__(
        self, message: str = "", *, code: str | None = None, say: str | None = None, **params: Any
    ) -> None:
        super().__init__(message or say or code or self.default_code)
        self._message = message
        self.code = code or self.default_code
        self.say = say or self.code
        self.params = params

    @property
    def message(self) -> str:
        return self._message or sentence(self.say, self.params)

    def __str__(self) -> str:
        return self.message
