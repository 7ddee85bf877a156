"""Merging a station's changes into headquarters' store.

Rules (see docs/bundle-format.md): an unknown record is inserted; the same version with the same
content is unchanged; a change whose base hash is the image headquarters holds replaces it; any
other change does not descend from what headquarters holds and is kept as a conflict with a
deterministic provisional winner (higher version, then higher image hash), never dropped.
Rows are written with bulk statements: a change is applied as a whole-row image.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from cplc_desk.domain.i18n import _
from cplc_desk.storage.models import SYNC_MODELS, RecordSyncState, SyncConflict
from cplc_desk.storage.types import UTCDateTime
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.export import image_hash

TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNC_MODELS}  # type: ignore[attr-defined]
CHUNK = 2000


@dataclass
class MergeCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    by_table: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }


def _converters(table: Table) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for column in table.columns:
        if isinstance(column.type, UTCDateTime):
            out.append((column.name, datetime.fromisoformat))
        elif column.type.python_type is date:
            out.append((column.name, date.fromisoformat))
        else:
            out.append((column.name, None))
    return out


_CONVERT = {name: _converters(t) for name, t in TABLES.items()}


def row_values(table_name: str, image: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, convert in _CONVERT[table_name]:
        value = image.get(name)
        values[name] = convert(value) if convert is not None and value is not None else value
    return values


@dataclass
class _Change:
    table: str
    record_id: str
    version: int
    base_hash: str | None
    image_text: str
    hash: str
    origin: str


def _parse(line: dict[str, Any], station: str) -> _Change:
    try:
        table = str(line["t"])
        if table not in TABLES:
            raise ValueError(table)
        text = str(line["img"])
        image = json.loads(text)
        change = _Change(
            table=table,
            record_id=str(line["id"]),
            version=int(line["v"]),
            base_hash=line.get("bh"),
            image_text=text,
            hash=image_hash(text),
            origin=str(image["origin_desk"]),
        )
        if image.get("id") != change.record_id or int(image.get("version")) != change.version:
            raise ValueError("image does not match its change")
    except (KeyError, ValueError, TypeError):
        raise SyncError("damaged", _("The bundle holds a change that is not valid.")) from None
    if change.origin != station:
        raise SyncError(
            "foreign_record",
            _(
                "The bundle from {station} carries a record owned by {other}. A station may only "
                "send its own records; the bundle was refused."
            ).format(station=station, other=change.origin),
        )
    return change


def _chunks(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def apply_changes(
    s: Session, lines: Iterable[dict[str, Any]], *, station: str, sequence: int, now: datetime
) -> MergeCounts:
    counts = MergeCounts()
    conn = s.connection()
    state_table: Table = RecordSyncState.__table__  # type: ignore[assignment]
    for raw_batch in _chunks(lines, CHUNK):
        batch = [_parse(line, station) for line in raw_batch]
        ids = list({c.record_id for c in batch})
        held: dict[str, tuple[int, str]] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            held.update(
                {
                    rid: (v, h)
                    for rid, v, h in conn.execute(
                        select(
                            state_table.c.record_id, state_table.c.version, state_table.c.image_hash
                        ).where(state_table.c.record_id.in_(part))
                    )
                }
            )
        inserts: dict[str, dict[str, dict[str, Any]]] = {}
        updates: dict[str, dict[str, dict[str, Any]]] = {}
        new_states: dict[str, dict[str, Any]] = {}
        changed_states: dict[str, dict[str, Any]] = {}
        for c in batch:
            counts.by_table[c.table] = counts.by_table.get(c.table, 0) + 1
            current = held.get(c.record_id)
            state = {
                "record_id": c.record_id,
                "table_name": c.table,
                "origin_desk": c.origin,
                "version": c.version,
                "image_hash": c.hash,
            }
            if current is None:
                values = row_values(c.table, json.loads(c.image_text))
                inserts.setdefault(c.table, {})[c.record_id] = values
                new_states[c.record_id] = state
                counts.new += 1
            elif current == (c.version, c.hash):
                counts.unchanged += 1
                continue
            elif c.base_hash is not None and c.base_hash == current[1]:
                _stage_update(c, inserts, updates)
                target = new_states if c.record_id in new_states else changed_states
                target[c.record_id] = state
                counts.updated += 1
            else:
                counts.conflicts += 1
                incoming_wins = (c.version, c.hash) > current
                _record_conflict(s, c, current, station, sequence, now, incoming_wins)
                if not incoming_wins:
                    continue
                _stage_update(c, inserts, updates)
                target = new_states if c.record_id in new_states else changed_states
                target[c.record_id] = state
            held[c.record_id] = (c.version, c.hash)
        for table_name, by_id in inserts.items():
            conn.execute(insert(TABLES[table_name]), list(by_id.values()))
        for table_name, by_id in updates.items():
            table = TABLES[table_name]
            params = [{**row, "b_id": rid} for rid, row in by_id.items()]
            stmt = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({c.name: bindparam(c.name) for c in table.columns})
            )
            conn.execute(stmt, params)
        if new_states:
            conn.execute(insert(state_table), list(new_states.values()))
        if changed_states:
            conn.execute(
                update(state_table)
                .where(state_table.c.record_id == bindparam("b_id"))
                .values(version=bindparam("version"), image_hash=bindparam("image_hash")),
                [{**st, "b_id": rid} for rid, st in changed_states.items()],
            )
    return counts


def _stage_update(
    c: _Change,
    inserts: dict[str, dict[str, dict[str, Any]]],
    updates: dict[str, dict[str, dict[str, Any]]],
) -> None:
    values = row_values(c.table, json.loads(c.image_text))
    pending = inserts.get(c.table, {})
    if c.record_id in pending:  # created earlier in this same batch: insert the newest image
        pending[c.record_id] = values
    else:
        updates.setdefault(c.table, {})[c.record_id] = values


def _record_conflict(
    s: Session,
    c: _Change,
    current: tuple[int, str],
    station: str,
    sequence: int,
    now: datetime,
    incoming_wins: bool,
) -> None:
    table = TABLES[c.table]
    held_row = (
        s.connection().execute(select(table).where(table.c.id == c.record_id)).mappings().first()
    )
    held_image = json.dumps(
        {
            k: (v.isoformat() if isinstance(v, date | datetime) else v)
            for k, v in (held_row or {}).items()
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    s.add(
        SyncConflict(
            table_name=c.table,
            record_id=c.record_id,
            station_code=station,
            bundle_sequence=sequence,
            held_version=current[0],
            held_hash=current[1],
            held_image=held_image,
            incoming_version=c.version,
            incoming_hash=c.hash,
            incoming_image=c.image_text,
            winner="incoming" if incoming_wins else "held",
            detected_at=now,
        )
    )
