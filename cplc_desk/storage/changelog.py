"""Automatic bookkeeping for synced records, wired into the ORM flush.

When a write unit of work flushes, every new or changed :class:`SyncMixin` record gets its id,
owner, times, actor and version filled in or bumped, and one ``change_log`` row with the full row
image. Doing this in the flush (not in each service) means no code path can change a record
without it reaching the change log, and so the sync bundles. Hard deletes are refused: records
are tombstoned by setting ``deleted_at``.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from cplc_desk.domain.enums import ChangeOp
from cplc_desk.domain.ids import uuid7
from cplc_desk.storage.models import ChangeLog, SyncMixin
from cplc_desk.storage.types import utcnow

_PENDING = "cplc_pending_changes"
APPLYING_REMOTE = "cplc_applying_remote"  # set by the bundle importer: records keep their stamps


class HardDeleteRefused(RuntimeError):
    pass


def attach(session: Session, *, actor: str, desk_code: str) -> None:
    session.info["actor"] = actor
    session.info["desk_code"] = desk_code


def row_image(obj: SyncMixin) -> dict[str, Any]:
    """The record's columns as JSON-ready values (dates as ISO text)."""
    image: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        value = getattr(obj, attr.key)
        if isinstance(value, datetime):
            # Always UTC in images, whatever zone the value was given in (a form's PKT time):
            # every desk then writes the same text for the same instant.
            value = (value.astimezone(UTC) if value.tzinfo else value).isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        image[attr.key] = value
    return image


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: UOWTransaction, _instances: Any) -> None:
    if "desk_code" not in session.info or session.info.get(APPLYING_REMOTE):
        return
    actor: str = session.info["actor"]
    now = utcnow()
    pending: list[tuple[SyncMixin, ChangeOp]] = session.info.setdefault(_PENDING, [])
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise HardDeleteRefused(
                f"{type(obj).__name__} rows are never deleted; set deleted_at (a tombstone)"
            )
    for obj in session.new:
        if not isinstance(obj, SyncMixin):
            continue
        obj.id = obj.id or uuid7()
        obj.origin_desk = obj.origin_desk or session.info["desk_code"]
        obj.created_at = obj.created_at or now
        obj.created_by = obj.created_by or actor
        obj.updated_at = obj.created_at
        obj.updated_by = obj.created_by
        obj.version = 1
        pending.append((obj, ChangeOp.INSERT))
    for obj in session.dirty:
        if not isinstance(obj, SyncMixin) or not session.is_modified(obj):
            continue
        tombstone_added = inspect(obj).attrs.deleted_at.history.added
        op = ChangeOp.DELETE if tombstone_added and tombstone_added[0] is not None else None
        obj.version = (obj.version or 0) + 1
        obj.updated_at = now
        obj.updated_by = actor
        if obj.deleted_at is not None and obj.deleted_by is None:
            obj.deleted_by = actor
        pending.append((obj, op or ChangeOp.UPDATE))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending: list[tuple[SyncMixin, ChangeOp]] = session.info.pop(_PENDING, [])
    if not pending:
        return
    rows = [
        {
            "table_name": type(obj).__tablename__,  # type: ignore[attr-defined]
            "record_id": obj.id,
            "op": op.value,
            "version": obj.version,
            "changed_at": obj.updated_at,
            "row_image": json.dumps(row_image(obj), sort_keys=True, ensure_ascii=False),
        }
        for obj, op in pending
    ]
    session.connection().execute(insert(ChangeLog), rows)
