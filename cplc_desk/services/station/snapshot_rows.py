"""Writing a station snapshot's records into the new PC's empty store (see
:mod:`cplc_desk.services.station.station_recovery`): the rows as they are, the change log of the
station's own records, and the last bundle headquarters imported as this desk's outbox."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from cplc_desk.services.hq.station_snapshot import OWN, TABLES
from cplc_desk.storage import changelog
from cplc_desk.storage.bulk import BulkWriter
from cplc_desk.storage.kinds import SELF_REFERENCES, TABLE_ORDER
from cplc_desk.storage.models import ChangeLog, SyncOutbox
from cplc_desk.sync.export import COLUMNS, file_name

# Each table's rows as read from the snapshot: (scope, row in column order, row by name).
SnapshotRows = dict[str, list[tuple[str, list[Any], dict[str, Any]]]]


def when(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) else None


def insert_records(conn: Connection, found: SnapshotRows) -> None:
    """Records are written as they are, not through the change-log hooks: their versions and
    stamps are the station's. Links between reports of one kind (storage/kinds.py's
    ``self_references``: a recovery and its theft report point at each other) are set
    afterwards, as headquarters' merge does."""
    for table in TABLE_ORDER:
        rows = [list(row) for _scope, row, _named in found[table]]
        links = []
        column = SELF_REFERENCES.get(table)
        if column is not None:
            id_at = COLUMNS[table].index("id")
            matched_at = COLUMNS[table].index(column)
            for row in rows:
                if row[matched_at] is not None:
                    links.append({"b_id": row[id_at], "m": row[matched_at]})
                    row[matched_at] = None
        BulkWriter(conn, TABLES[table]).insert(rows)
        if links and column is not None:
            t = TABLES[table]
            conn.execute(
                update(t).where(t.c.id == bindparam("b_id")).values({column: bindparam("m")}),
                links,
            )


def log_own_records(s: Session, found: SnapshotRows, now: datetime) -> int:
    """The change log gets the station's own records, so an edit here names the version
    headquarters holds as its base. The outbox's last bundle covers them: not sent again.
    Returns how many were logged."""
    log_rows = [
        {
            "table_name": table,
            "record_id": named["id"],
            "op": "delete" if named.get("deleted_at") else ("insert" if named["version"] == 1 else "update"),
            "version": named["version"],
            "changed_at": when(named.get("updated_at")) or now,
            "row_image": json.dumps(named, sort_keys=True, ensure_ascii=False),
        }
        for table in TABLE_ORDER
        for scope, _row, named in found[table]
        if scope == OWN
    ]  # fmt: skip
    if log_rows:
        s.connection().execute(insert(ChangeLog), changelog.link(s, log_rows))
    return len(log_rows)


def note_last_bundle(
    s: Session,
    code: str,
    last: dict[str, Any],
    *,
    change_to: int,
    audit_to: int,
    record_count: int,
    now: datetime,
) -> None:
    """The last bundle headquarters imported from the replaced PC, as this desk's outbox."""
    last_seq = int(last.get("sequence") or 0)
    created = when(last.get("created_at")) or now
    s.add(
        SyncOutbox(
            sequence=last_seq,
            manifest_hash=str(last["manifest_hash"]),
            file_name=file_name(code, last_seq, created),
            created_at=created,
            change_from=1,
            change_to=change_to,
            audit_from=1,
            audit_to=audit_to,
            record_count=record_count,
            content=b"",  # made on the replaced PC: this desk cannot write it again
            written_at=now,
        )
    )
