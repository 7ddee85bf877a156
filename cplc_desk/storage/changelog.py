"""Automatic bookkeeping for synced records, wired into the ORM flush.

When a write unit of work flushes, every new or changed :class:`SyncMixin` record gets its id,
owner, times, actor and version filled in or bumped, and one ``change_log`` row with the full row
image. Doing this in the flush (not in each service) means no code path can change a record
without it reaching the change log, and so the sync bundles. Hard deletes are refused: records
are tombstoned by setting ``deleted_at``.

For the same reason every change to an existing record is audited here, field by field with the
value before and after (``record.updated``, or ``record.deleted`` for a tombstone): a service
cannot forget it. CNICs and phones appear masked with a keyed pseudonym
(:mod:`cplc_desk.storage.pseudonym`), never in full.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from cplc_desk.domain.audit import GENESIS_HASH, change_hash
from cplc_desk.domain.enums import AuditAction, ChangeOp
from cplc_desk.domain.ids import uuid7
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.storage import audit, pseudonym
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
    return image_values(
        (attr.key, getattr(obj, attr.key)) for attr in inspect(obj).mapper.column_attrs
    )


def image_values(items: Iterable[tuple[Any, Any]]) -> dict[str, Any]:
    """Column values (as the ORM or a Core select gives them) as a row image."""
    image: dict[str, Any] = {}
    for key, value in items:
        if isinstance(value, datetime):
            # Always UTC in images, whatever zone the value was given in (a form's PKT time):
            # every desk then writes the same text for the same instant.
            value = (value.astimezone(UTC) if value.tzinfo else value).isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        image[key] = value
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
        _audit_edit(session, obj, op or ChangeOp.UPDATE)


# Stamps and search keys derived from other fields: not something a person changed.
_NOT_AUDITED = frozenset(
    {
        "version",
        "updated_at",
        "updated_by",
        "sync_hash",
        "name_key",
        "fir_key",
        "registration_key",
        "chassis_key",
        "engine_key",
    }
)
_MASKS = {"cnic": mask_cnic, "mobile": mask_phone}
_LONGEST = 300  # characters of a long text kept in the trail


def _shown(session: Session, key: str, value: Any) -> Any:
    if value is None:
        return None
    if key in _MASKS:
        return {"masked": _MASKS[key](str(value)), "ref": pseudonym.pseudonym(session, str(value))}
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) > _LONGEST:
        return value[:_LONGEST] + "…"
    return value


def field_changes(session: Session, obj: SyncMixin) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for each column a person changed in this flush."""
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _NOT_AUDITED:
            continue
        history = state.attrs[attr.key].history
        if not history.added and not history.deleted:
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before == after:
            continue
        changes[attr.key] = [_shown(session, attr.key, before), _shown(session, attr.key, after)]
    return changes


def _audit_edit(session: Session, obj: SyncMixin, op: ChangeOp) -> None:
    changes = field_changes(session, obj)
    if not changes:
        return
    details: dict[str, Any] = {"changes": changes}
    number = getattr(obj, "number", None)
    if number:
        details["number"] = number
    audit.append(
        session,
        desk_code=session.info["desk_code"],
        actor=session.info["actor"],
        action=(
            AuditAction.RECORD_DELETED if op is ChangeOp.DELETE else AuditAction.RECORD_UPDATED
        ),
        record_table=type(obj).__tablename__,  # type: ignore[attr-defined]
        record_id=obj.id,
        details=details,
    )


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
            "row_image": image_text(row_image(obj)),
        }
        for obj, op in pending
    ]
    session.connection().execute(insert(ChangeLog), link(session, rows))


def link(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (change-log rows about to be inserted, in this order) with their chain links:
    rows are numbered in the order given, so each links to the one before."""
    prev = last_link(session)
    for row in rows:
        prev = row["chain_hash"] = change_hash(
            prev, row["table_name"], row["record_id"], row["op"], row["version"], row["row_image"]
        )
    return rows


def image_text(image: dict[str, Any]) -> str:
    """A row image as the change log keeps it (and as ``check`` recomputes it)."""
    return json.dumps(image, sort_keys=True, ensure_ascii=False)


def last_link(session: Session) -> str:
    """The newest change-log row's chain link (the genesis link for an empty log)."""
    link = session.scalar(select(ChangeLog.chain_hash).order_by(ChangeLog.seq.desc()).limit(1))
    return link or GENESIS_HASH
