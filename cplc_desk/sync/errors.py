"""Refusals a person at headquarters or a station desk reads: what is wrong and what to do."""

from __future__ import annotations


class SyncError(Exception):
    """A bundle, hotlist or enrollment file was refused. ``code`` is stable for scripts/tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
