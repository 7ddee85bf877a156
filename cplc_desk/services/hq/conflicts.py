"""Headquarters' conflict queue: edits from a station that did not descend from the version
headquarters held (see :mod:`cplc_desk.sync.merge`), compared field by field and resolved by a
person choosing one version.

The merge already shows a provisional winner in the record table. Resolving records who chose
which version and when (in the conflict row and the audit trail); when the chosen version is not
the one the table shows, its fields are written to the record through an ordinary unit of work,
so the version is bumped and the change log and audit trail see the change like any other edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, inspect, select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage.changelog import row_image
from cplc_desk.storage.kinds import SYNC_MODELS
from cplc_desk.storage.models import SyncConflict, SyncMixin

HELD = "held"
INCOMING = "incoming"
MODELS: dict[str, type[SyncMixin]] = {m.__tablename__: m for m in SYNC_MODELS}  # type: ignore[attr-defined]
# Bookkeeping every version has of its own: never compared as a difference, never copied over.
BOOKKEEPING = frozenset(
    {"id", "origin_desk", "created_at", "created_by", "updated_at", "updated_by", "version",
     "sync_hash"}
)  # fmt: skip


@dataclass(frozen=True)
class ConflictSummary:
    id: int
    table_name: str
    record_id: str
    record_label: str  # the record's number (or a person's name) from the incoming version
    station_code: str
    bundle_sequence: int
    held_version: int
    incoming_version: int
    winner: str  # held | incoming: what the record table shows now
    detected_at: datetime
    differing: list[str]  # the fields the two versions disagree on
    resolved_at: datetime | None
    resolved_by: str | None
    resolution: str | None


@dataclass(frozen=True)
class FieldDifference:
    field: str
    held: Any
    incoming: Any
    differs: bool


@dataclass(frozen=True)
class ConflictDetail:
    summary: ConflictSummary
    fields: list[FieldDifference]  # every field, data fields first, bookkeeping after
    held_updated: tuple[str | None, str | None]  # (updated_by, updated_at) of each version
    incoming_updated: tuple[str | None, str | None]


def _image(text: str) -> dict[str, Any]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def _label(table: str, incoming: dict[str, Any], held: dict[str, Any]) -> str:
    for key in ("number", "name"):
        value = incoming.get(key) or held.get(key)
        if value:
            return str(value)
    return table


def _differing(held: dict[str, Any], incoming: dict[str, Any]) -> list[str]:
    names = sorted((held.keys() | incoming.keys()) - BOOKKEEPING)
    return [n for n in names if held.get(n) != incoming.get(n)]


def _summary(c: SyncConflict) -> ConflictSummary:
    held, incoming = _image(c.held_image), _image(c.incoming_image)
    return ConflictSummary(
        id=c.id,
        table_name=c.table_name,
        record_id=c.record_id,
        record_label=_label(c.table_name, incoming, held),
        station_code=c.station_code,
        bundle_sequence=c.bundle_sequence,
        held_version=c.held_version,
        incoming_version=c.incoming_version,
        winner=c.winner,
        detected_at=c.detected_at,
        differing=_differing(held, incoming),
        resolved_at=c.resolved_at,
        resolved_by=c.resolved_by,
        resolution=c.resolution,
    )


def list_conflicts(ctx: DeskContext, *, include_resolved: bool = False) -> list[ConflictSummary]:
    """The queue: open conflicts oldest first (resolved ones after them when asked for)."""
    ctx.require(Permission.RESOLVE_CONFLICT)
    with ctx.store.read() as s:
        stmt = select(SyncConflict)
        if not include_resolved:
            stmt = stmt.where(SyncConflict.resolved_at.is_(None))
        stmt = stmt.order_by(SyncConflict.resolved_at.is_not(None), SyncConflict.id)
        return [_summary(c) for c in s.scalars(stmt)]


def open_count(ctx: DeskContext) -> int:
    with ctx.store.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(SyncConflict)
                .where(SyncConflict.resolved_at.is_(None))
            )
            or 0
        )


def detail(ctx: DeskContext, conflict_id: int) -> ConflictDetail:
    """Both versions side by side, field by field, the differing fields marked."""
    ctx.require(Permission.RESOLVE_CONFLICT)
    with ctx.store.read() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise ServiceError(_("There is no conflict number {n}.").format(n=conflict_id))
        summary = _summary(c)
        held, incoming = _image(c.held_image), _image(c.incoming_image)
    names = sorted((held.keys() | incoming.keys()) - BOOKKEEPING)
    data = [FieldDifference(n, held.get(n), incoming.get(n), n in summary.differing) for n in names]
    return ConflictDetail(
        summary,
        data,
        (held.get("updated_by"), held.get("updated_at")),
        (incoming.get("updated_by"), incoming.get("updated_at")),
    )


def _python_value(obj: SyncMixin, name: str, value: Any) -> Any:
    """An image's JSON value as the column's Python type (dates and times from ISO text)."""
    if value is None:
        return None
    column = inspect(type(obj)).columns[name]
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = None
    if python_type is datetime and isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def resolve(ctx: DeskContext, conflict_id: int, choice: str) -> ConflictSummary:
    """Resolve a conflict by keeping the ``choice`` version ("held" or "incoming")."""
    ctx.require(Permission.RESOLVE_CONFLICT)
    if choice not in (HELD, INCOMING):
        raise ServiceError(
            _("Choose which version to keep: {held} or {incoming}.").format(
                held=HELD, incoming=INCOMING
            )
        )
    with ctx.unit_of_work() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise ServiceError(_("There is no conflict number {n}.").format(n=conflict_id))
        if c.resolved_at is not None:
            raise ServiceError(
                _("This conflict was already resolved by {who}. Refresh the queue.").format(
                    who=c.resolved_by
                )
            )
        model = MODELS.get(c.table_name)
        record = s.get(model, c.record_id) if model is not None else None
        if record is None:
            raise ServiceError(_("The record of this conflict is not in this store."))
        chosen = _image(c.held_image if choice == HELD else c.incoming_image)
        current = row_image(record)
        changed: list[str] = []
        for name, value in chosen.items():
            if name in BOOKKEEPING or name not in current or current[name] == value:
                continue
            setattr(record, name, _python_value(record, name, value))
            changed.append(name)
        now = now_utc()
        c.resolved_at = now
        c.resolved_by = ctx.actor.username
        c.resolution = choice
        ctx.audit(
            s,
            AuditAction.CONFLICT_RESOLVED,
            record_table=c.table_name,
            record_id=c.record_id,
            details={
                "conflict": c.id,
                "station": c.station_code,
                "bundle": c.bundle_sequence,
                "kept": choice,
                "kept_version": c.held_version if choice == HELD else c.incoming_version,
                # Field names only: values may be personal data.
                "fields_written": sorted(changed),
            },
        )
        s.flush()
        summary = _summary(c)
    return summary
