"""Merging a station's changes into headquarters' store.

Rules (see docs/bundle-format.md): an unknown record is inserted; the same version with the same
image is unchanged; a change whose base hash is the image headquarters holds replaces it; any
other change does not descend from what headquarters holds and is kept as a conflict with a
deterministic provisional winner (higher version, then higher image hash), never dropped.
Each record row carries the hash of the image merged last (``sync_hash``), so deciding needs one
look-up per record, and rows are written in bulk as whole-row images.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.storage.bulk import BulkWriter
from cplc_desk.storage.kinds import SELF_REFERENCES
from cplc_desk.storage.models import SyncConflict
from cplc_desk.sync.changes import TABLES, Change, Layout, layouts_for, parse_batch

CHUNK = 5000
# Columns pointing at a row of the same table: a theft report and the recovery matched to it
# point at each other, so whichever is written first would name a row not there yet. They are
# written empty and filled in once every row of the bundle is in (the whole merge is one
# transaction), so neither the order of rows nor the batch they fall in trips the foreign key.
_SELF_AT = {t: [c.name for c in TABLES[t].columns].index(col) for t, col in SELF_REFERENCES.items()}


@dataclass
class MergeCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _batches(
    lines: Iterable[bytes], station: str, layouts: dict[str, Layout]
) -> Iterator[list[Change]]:
    it = iter(lines)
    while raws := list(islice(it, CHUNK)):
        yield parse_batch(raws, station, layouts)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while a bundle's rows are read and written. They
    are hundreds of thousands of new lists that live until their batch is written, so it would
    run over and over (some 7% of a large import) and find nothing: JSON values and the rows
    made of them form no cycles, and reference counting frees them as it always does."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _held(writers: dict[str, BulkWriter], batch: list[Change]) -> dict[str, tuple[int, str | None]]:
    """(version, sync_hash) of the records of this batch that headquarters already holds."""
    by_table: dict[str, dict[str, None]] = {}
    for c in batch:
        by_table.setdefault(c.table, {})[c.record_id] = None
    held: dict[str, tuple[int, str | None]] = {}
    for name, ids in by_table.items():
        held.update(writers[name].held(list(ids)))
    return held


def apply_changes(
    s: Session,
    lines: Iterable[bytes],
    *,
    station: str,
    sequence: int,
    columns: dict[str, list[str]],
    now: datetime,
) -> MergeCounts:
    counts = MergeCounts()
    with _collector_paused():
        layouts = layouts_for(columns)
        writers = {name: BulkWriter(s.connection(), table) for name, table in TABLES.items()}
        links: dict[str, dict[str, list[Any]]] = {}  # rows whose self-references are still empty
        for batch in _batches(lines, station, layouts):
            held = _held(writers, batch)
            # Records first seen in this batch are inserted with their newest image, the rest
            # updated; tables are written in bundle order (parents first).
            inserts: dict[str, dict[str, Change]] = {}
            updates: dict[str, dict[str, Change]] = {}
            for c in batch:
                current = held.get(c.record_id)
                if current is None:
                    inserts.setdefault(c.table, {})[c.record_id] = c
                    counts.new += 1
                elif current == (c.version, c.hash):
                    counts.unchanged += 1
                    continue
                elif c.base_hash is not None and c.base_hash == current[1]:
                    _stage(c, inserts, updates)
                    counts.updated += 1
                else:
                    counts.conflicts += 1
                    incoming_wins = (c.version, c.hash) > (current[0], current[1] or "")
                    _record_conflict(s, c, layouts[c.table], current, station, sequence, now,
                                     incoming_wins)  # fmt: skip
                    if not incoming_wins:
                        continue
                    _stage(c, inserts, updates)
                held[c.record_id] = (c.version, c.hash)
            for name in TABLES:
                if name in inserts:
                    writers[name].insert([_unlinked(c, links) for c in inserts[name].values()])
                if name in updates:
                    writers[name].update([_unlinked(c, links) for c in updates[name].values()])
        for name, rows in links.items():
            writers[name].update(list(rows.values()))
    return counts


def _unlinked(c: Change, links: dict[str, dict[str, list[Any]]]) -> list[Any]:
    """The row to write now: its self-reference left empty, the whole row kept for the end."""
    at = _SELF_AT.get(c.table)
    if at is None:
        return c.row
    pending = links.setdefault(c.table, {})
    pending.pop(c.record_id, None)  # a newer image of the record replaces an earlier one
    if c.row[at] is None:
        return c.row
    pending[c.record_id] = c.row
    row = list(c.row)
    row[at] = None
    return row


def _stage(
    c: Change, inserts: dict[str, dict[str, Change]], updates: dict[str, dict[str, Change]]
) -> None:
    if c.record_id in inserts.get(c.table, {}):
        inserts[c.table][c.record_id] = c  # created earlier in this batch: insert the newest
    else:
        updates.setdefault(c.table, {})[c.record_id] = c


def _as_object(values: dict[str, Any]) -> str:
    return json.dumps(
        {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in values.items()
         if k != "sync_hash"},
        sort_keys=True,
        ensure_ascii=False,
    )  # fmt: skip


def _record_conflict(
    s: Session,
    c: Change,
    layout: Layout,
    current: tuple[int, str | None],
    station: str,
    sequence: int,
    now: datetime,
    incoming_wins: bool,
) -> None:
    table = TABLES[c.table]
    held_row = (
        s.connection().execute(select(table).where(table.c.id == c.record_id)).mappings().first()
    )
    incoming = dict(zip(layout.station_columns, json.loads(c.image.decode("utf-8")), strict=True))
    s.add(
        SyncConflict(
            table_name=c.table,
            record_id=c.record_id,
            station_code=station,
            bundle_sequence=sequence,
            held_version=current[0],
            held_hash=current[1] or "",
            held_image=_as_object(dict(held_row or {})),
            incoming_version=c.version,
            incoming_hash=c.hash,
            incoming_image=_as_object(incoming),
            winner="incoming" if incoming_wins else "held",
            detected_at=now,
        )
    )
