"""Refusals of a bundle, hotlist, snapshot or enrollment file: what is wrong, with a stable code."""

from __future__ import annotations

from typing import Any

from cplc_desk.domain.errors import DeskError


class SyncError(DeskError):
    """A bundle, hotlist, snapshot or enrollment file was refused. ``code`` is stable for scripts
    and tests; the edges add their own advice by it."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message, code=code, **params)
