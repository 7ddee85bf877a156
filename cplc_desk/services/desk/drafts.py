"""Forms in progress, kept in the store as the volunteer types and offered back after a crash
or power cut (in the store, not a loose file, so personal data in them has its protection)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.models import FormDraft


@dataclass(frozen=True)
class Draft:
    key: str
    kind: str
    updated_at: datetime
    data: dict[str, Any]


def save_draft(ctx: DeskContext, key: str, kind: str, data: dict[str, Any]) -> None:
    """Keep a form in progress (called as the volunteer types); committed at once."""
    ctx.require(Permission.REGISTER)
    payload = json.dumps(data, ensure_ascii=False, default=str)
    with ctx.store.write(actor=ctx.actor.username, desk_code=ctx.stamp_code()) as s:
        row = s.get(FormDraft, key)
        if row is None:
            s.add(FormDraft(key=key, kind=kind, actor=ctx.actor.username, data=payload,
                            updated_at=now_utc()))  # fmt: skip
        else:
            row.data, row.updated_at, row.actor = payload, now_utc(), ctx.actor.username


def drafts(ctx: DeskContext, kind: str) -> list[Draft]:
    ctx.require(Permission.REGISTER)
    with ctx.store.read() as s:
        rows = s.scalars(
            select(FormDraft).where(FormDraft.kind == kind).order_by(FormDraft.updated_at.desc())
        )
        return [Draft(r.key, r.kind, r.updated_at, json.loads(r.data)) for r in rows]


def discard_draft(ctx: DeskContext, key: str) -> None:
    ctx.require(Permission.REGISTER)
    with ctx.store.write(actor=ctx.actor.username, desk_code=ctx.stamp_code()) as s:
        row = s.get(FormDraft, key)
        if row is not None:
            s.delete(row)
