"""Appending to and verifying the hash-chained audit trail."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.audit import GENESIS_HASH, canonical_json, entry_hash
from cplc_desk.domain.ids import uuid7
from cplc_desk.storage.models import AuditEntry
from cplc_desk.storage.types import utcnow


def append(
    session: Session,
    *,
    desk_code: str,
    actor: str,
    action: str,
    record_table: str | None = None,
    record_id: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry, chained to the newest entry of the same desk.

    Call inside a write unit of work: the write lock it holds keeps two appends from chaining to
    the same predecessor.
    """
    # The newest hash is remembered per unit of work, so appending many entries in one
    # transaction (a CSV batch) neither queries nor flushes for each.
    last_hashes: dict[str, str] = session.info.setdefault("audit_last_hash", {})
    prev = last_hashes.get(desk_code)
    if prev is None:
        with session.no_autoflush:
            prev = session.scalar(
                select(AuditEntry.entry_hash)
                .where(AuditEntry.desk_code == desk_code)
                .order_by(AuditEntry.seq.desc())
                .limit(1)
            )
    entry = AuditEntry(
        entry_id=uuid7(),
        at=utcnow(),
        desk_code=desk_code,
        actor=actor,
        action=action,
        record_table=record_table,
        record_id=record_id,
        details=canonical_json(dict(details or {})),
        prev_hash=prev or GENESIS_HASH,
    )
    entry.entry_hash = _hash_of(entry, entry.prev_hash)
    session.add(entry)
    last_hashes[desk_code] = entry.entry_hash
    return entry


def _hash_of(entry: AuditEntry, prev_hash: str) -> str:
    return entry_hash(
        prev_hash=prev_hash,
        entry_id=entry.entry_id,
        at=entry.at,
        desk_code=entry.desk_code,
        actor=entry.actor,
        action=entry.action,
        record_table=entry.record_table,
        record_id=entry.record_id,
        details=entry.details,
    )


@dataclass(frozen=True)
class ChainBreak:
    desk_code: str
    seq: int
    reason: str


def verify_chain(session: Session) -> Iterator[ChainBreak]:
    """Walk every desk's chain in order and yield each entry that does not fit."""
    last: dict[str, str] = {}
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for entry in rows:
        expected_prev = last.get(entry.desk_code, GENESIS_HASH)
        if entry.prev_hash != expected_prev:
            yield ChainBreak(entry.desk_code, entry.seq, "an earlier entry was removed or changed")
        elif _hash_of(entry, entry.prev_hash) != entry.entry_hash:
            yield ChainBreak(
                entry.desk_code, entry.seq, "this entry was changed after it was written"
            )
        try:
            json.loads(entry.details)
        except ValueError:
            yield ChainBreak(entry.desk_code, entry.seq, "details are not valid JSON")
        last[entry.desk_code] = entry.entry_hash
        session.expunge(entry)
