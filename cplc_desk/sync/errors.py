"""Refusals of a bundle, hotlist, snapshot or enrollment file: what is wrong, with a stable code.

The library words none of them: each carries its ``code`` (stable for scripts, tests and the
edges' advice), a wording key ``say`` (which of the code's sentences; the code itself when it
has one) and the parameters the sentence names. The sentences are the services' (see
``services/wording/``); the edges read them from ``message``.
"""

from __future__ import annotations

from typing import Any

from cplc_desk.domain.errors import DeskError


class SyncError(DeskError):
    """A bundle, hotlist, snapshot or enrollment file was refused."""

    def __init__(self, code: str, say: str | None = None, **params: Any) -> None:
        super().__init__(code=code, say=say, **params)
