"""Appending to and verifying the hash-chained audit trail."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from cplc_desk.domain.audit import GENESIS_HASH, canonical_json, entry_hash
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import uuid7
from cplc_desk.storage.models import AuditEntry
from cplc_desk.storage.types import utcnow

_QUEUE = "cplc_audit_queue"  # entries appended in this unit of work, not yet chained


class About(TypedDict, total=False):
    """What an entry is about besides who did what: the record concerned, and the details."""

    record_table: str | None
    record_id: str | None
    details: Mapping[str, Any] | None


def append(
    session: Session, *, desk_code: str, actor: str, action: str, **about: Unpack[About]
) -> AuditEntry:
    """Queue one entry in the caller's unit of work; it joins the trail when that commits.

    The entry (its id, time, desk, actor, action and details) is made now; its place in the
    chain is not: :func:`chain_queued`, run by the store just before the unit of work commits
    and under the trail's own lock (storage/db.py), links the queued entries, in the order they
    were appended, to each desk's newest entry. So the lock that keeps the trail one chain is
    held for the last moment of a transaction only, and a rollback leaves no entry behind. The
    entry returned has its ``entry_id`` (its hashes are filled in at the commit).
    """
    entry = AuditEntry(
        entry_id=uuid7(),
        at=utcnow(),
        desk_code=desk_code,
        actor=actor,
        action=action,
        record_table=about.get("record_table"),
        record_id=about.get("record_id"),
        details=canonical_json(dict(about.get("details") or {})),
    )
    session.info.setdefault(_QUEUE, []).append(entry)
    return entry


def has_queued(session: Session) -> bool:
    """Whether entries appended in this unit of work still wait for its commit."""
    return bool(session.info.get(_QUEUE))


def chain_queued(session: Session) -> int:
    """Chain the queued entries to the trail and add them to the session, in the order they were
    appended; how many. Only while no other transaction can chain (the store's audit lock, or
    SQLite's write lock): each desk's newest entry read here stays the newest until the commit.
    """
    entries: list[AuditEntry] = session.info.pop(_QUEUE, [])
    last: dict[str, str] = {}
    with session.no_autoflush:
        for entry in entries:
            prev = last.get(entry.desk_code)
            if prev is None:
                # Once per desk per commit: a CSV batch of many entries neither queries nor
                # flushes for each.
                prev = (
                    session.scalar(
                        select(AuditEntry.entry_hash)
                        .where(AuditEntry.desk_code == entry.desk_code)
                        .order_by(AuditEntry.seq.desc())
                        .limit(1)
                    )
                    or GENESIS_HASH
                )
            entry.prev_hash = prev
            entry.entry_hash = last[entry.desk_code] = _hash_of(entry, prev)
    session.add_all(entries)
    return len(entries)


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
    """One place where the trail does not fit: the entry (or the gap) and why."""

    desk_code: str
    seq: int
    reason: str
    entry_id: str = ""
    action: str = ""
    actor: str = ""
    at: str = ""

    def describe(self) -> str:
        if not self.entry_id:
            return _("entry {seq}: {reason}").format(seq=self.seq, reason=self.reason)
        return _("entry {seq} ({action} by {actor} at {at}, id {entry_id}): {reason}").format(
            seq=self.seq,
            action=self.action,
            actor=self.actor,
            at=self.at,
            entry_id=self.entry_id,
            reason=self.reason,
        )


# What the walk reads of each entry: plain rows, not ORM objects (an identity-mapped object per
# entry cost several times the hashing itself; bench/check.py).
_WALKED = (
    AuditEntry.seq, AuditEntry.entry_id, AuditEntry.at, AuditEntry.desk_code, AuditEntry.actor,
    AuditEntry.action, AuditEntry.record_table, AuditEntry.record_id, AuditEntry.details,
    AuditEntry.prev_hash, AuditEntry.entry_hash,
)  # fmt: skip


def _break(entry: Any, reason: str) -> ChainBreak:
    return ChainBreak(
        entry.desk_code,
        entry.seq,
        reason,
        entry.entry_id,
        entry.action,
        entry.actor,
        entry.at.isoformat(timespec="seconds"),
    )


def verify_chain(session: Session) -> Iterator[ChainBreak]:
    """Walk every desk's chain in order and yield each entry that does not fit.

    Three independent signs, so each kind of tampering is named where it happened:

    - an entry whose own hash does not match its fields was **changed** (that entry is named);
    - a missing sequence number means an entry was **removed** (sequence numbers come from
      SQLite's AUTOINCREMENT and are never reused, and no insert of an entry is ever rolled back
      on its own); the ``sqlite_sequence`` high-water mark also catches the newest entries removed;
    - an entry whose ``prev_hash`` is not its predecessor's hash follows a removed entry, or a
      changed one whose hash was recomputed to hide the change.
    """
    last: dict[str, str] = {}
    last_seq = 0
    # PostgreSQL sequences skip numbers on any rolled-back insert: gaps mean nothing there.
    gaps_matter = session.get_bind().dialect.name == "sqlite"
    # Core rows, unpacked by position: the walk is as close to a raw sqlite3 loop as the
    # hashing allows (bench/check.py holds it to at most 2x).
    rows = session.connection().execute(
        select(*_WALKED).order_by(AuditEntry.seq).execution_options(yield_per=10_000)
    )
    for entry in rows:
        seq, entry_id, at, desk, actor, action, table, record, details, prev, stored = entry
        if gaps_matter and seq > last_seq + 1:
            for missing in range(last_seq + 1, min(seq, last_seq + 11)):
                yield ChainBreak("?", missing, _("this entry was removed"))
        last_seq = seq
        expected_prev = last.get(desk, GENESIS_HASH)
        recomputed = entry_hash(
            prev_hash=prev, entry_id=entry_id, at=at, desk_code=desk, actor=actor,
            action=action, record_table=table, record_id=record, details=details,
        )  # fmt: skip
        if recomputed != stored:
            yield _break(entry, _("this entry was changed after it was written"))
        elif prev != expected_prev:
            yield _break(
                entry,
                _(
                    "the entry before it in this desk's trail was removed, or changed and "
                    "its hash recomputed"
                ),
            )
        if not _json_object(details):
            yield _break(entry, _("details are not valid JSON"))
        last[desk] = stored
    high = _high_water(session)
    if high is not None and high > last_seq:
        for missing in range(last_seq + 1, min(high, last_seq + 10) + 1):
            yield ChainBreak("?", missing, _("this entry (one of the newest) was removed"))


def _json_object(text: str) -> bool:
    """Whether ``text`` is a JSON object (the app writes every entry's details as one)."""
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def _high_water(session: Session) -> int | None:
    """The largest sequence number SQLite ever handed out for the trail (None elsewhere)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    value = session.scalar(
        text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": AuditEntry.__tablename__}
    )
    return int(value) if value is not None else None
