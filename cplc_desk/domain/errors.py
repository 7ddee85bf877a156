"""The one family of refusals: every error a person reads derives from :class:`DeskError`.

A refusal carries a stable ``code`` (for scripts, tests and the edges' own advice), the
``params`` that fill its sentence, and the sentence itself (``message``, already translated).
The sentence says what is wrong; what to *do* about it in a particular place (a command to run,
a button to press) belongs to that edge: ``cli/advice.py`` appends the command line's advice by
code, and the window its own. So the window and the command line each catch one type.
"""

from __future__ import annotations

from typing import Any


class DeskError(Exception):
    """A refusal the person must read: what is wrong (and, at the edge, what to do)."""

    default_code = "refused"

    def __init__(self, message: str = "", *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.params = params

    def __str__(self) -> str:
        return self.message
