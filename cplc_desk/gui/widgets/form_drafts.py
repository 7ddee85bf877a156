"""A form's draft: what is typed, kept in the store about a second after each pause (so a power
cut loses at most that second) and offered back to the next form of its kind.

One ``FormDrafts`` per open form. The form says how to read what is typed (``read``) and
whether anything is (``has_content``) and whether it is still typing one (``active``); it calls ``schedule`` after each edit, ``offer`` once
built, ``save_now`` when it must not wait (the window is closing), ``discard_now`` when what was
typed is thrown away, and ``claim_new`` for the next record. A draft being edited in an open
form is not offered to a second one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.services.desk import drafts
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.drafts import Draft

DRAFT_DELAY_MS = 1000

# Drafts being edited in an open form right now, by key.
_in_use: set[str] = set()


class FormDrafts(QObject):
    def __init__(
        self,
        ctx: DeskContext,
        kind: str,
        jobs: OperationRunner,
        read: Callable[[], dict[str, Any]],
        has_content: Callable[[], bool],
        failed: Callable[[BaseException], None],
        active: Callable[[], bool],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.key = ""
        # Counted rather than signalled: see widgets.operations on PySide 6.12's emit().
        self.saved = 0
        self._jobs = jobs
        self._read = read
        self._has_content = has_content
        self._failed = failed
        self._active = active  # False while the record is being saved, and once it is
        self._holder: dict[str, str] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.claim_new()
        parent.destroyed.connect(lambda *_a, holder=self._holder: _in_use.discard(holder["key"]))

    def claim(self, key: str) -> None:
        _in_use.discard(self.key)
        self.key = key
        self._holder["key"] = key
        _in_use.add(key)

    def claim_new(self) -> None:
        """A new key: the next record typed in this form is a draft of its own."""
        self.claim(uuid.uuid4().hex)

    def release(self) -> None:
        """The form closes: its draft may be offered to another (if it is still kept)."""
        self.timer.stop()
        _in_use.discard(self.key)

    def waiting(self) -> Draft | None:
        """The newest draft of this kind no open form is editing."""
        found = [d for d in drafts.drafts(self.ctx, self.kind) if d.key not in _in_use]
        return found[0] if found else None

    def take(self, draft: Draft) -> dict[str, Any]:
        """Continue ``draft`` in this form: its values, to fill the boxes with."""
        self.claim(draft.key)
        return draft.data

    def throw_away(self, draft: Draft) -> None:
        drafts.discard_draft(self.ctx, draft.key)

    def schedule(self) -> None:
        """Something was typed: keep it once typing pauses."""
        if self._active():
            self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        if not self._active():
            return
        ctx, key, kind = self.ctx, self.key, self.kind
        if not self._has_content():
            self.discard_now()
            return
        data = self._read()
        self._jobs.submit(
            lambda: drafts.save_draft(ctx, key, kind, data),
            lambda _result: self._on_saved(),
            self._failed,
            key="draft",
        )

    def discard_now(self) -> None:
        """What was typed is thrown away (or saved as a record): no draft of it stays."""
        self.timer.stop()
        ctx, key = self.ctx, self.key
        self._jobs.submit(
            lambda: drafts.discard_draft(ctx, key), lambda _r: None, self._failed, key="draft"
        )

    def discard_in(self, key: str) -> Callable[[], None]:
        """For a job that saves the record: discard the draft ``key`` on its worker thread."""
        ctx = self.ctx
        return lambda: drafts.discard_draft(ctx, key)

    def _on_saved(self) -> None:
        self.saved += 1
