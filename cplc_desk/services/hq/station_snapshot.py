"""Headquarters' half of station recovery: the *station snapshot* written for a new PC.

After headquarters re-enrolls a station (a new enrollment file with a fresh secret), the
snapshot holds every record headquarters has that the station owns (with their versions), the
records those point at, the station's audit trail as merged, its receipt-number counters (worked
out from the numbers) and the last bundle it merged from it. It is signed by headquarters and
encrypted under a key derived from the pending enrollment's secret. Writing it revokes the
station's old keys and withdraws its other unused enrollments, so nothing signed on the old PC
is merged any more. The new PC's half is :mod:`cplc_desk.services.station.station_recovery`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from cplc_desk import __version__
from cplc_desk.domain.audit import GENESIS_HASH
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction, RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.hq.sync_hq import hq_keys, require_hq, revoke_keys
from cplc_desk.storage import migrate
from cplc_desk.storage.kinds import SYNC_MODELS, TABLE_ORDER
from cplc_desk.storage.models import (
    AuditEntry,
    SyncEnrollment,
    SyncInbox,
    SyncStation,
)
from cplc_desk.sync import keys, snapshot
from cplc_desk.sync.container import canonical
from cplc_desk.sync.export import COLUMNS, audit_line, image_hash
from cplc_desk.sync.files import write_atomically
from cplc_desk.sync.importer import ImportStatus

TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNC_MODELS}  # type: ignore[attr-defined]
# Links between synced records: (table, column) -> the table it points at. Read from the
# tables' foreign keys, so a kind registered in storage/kinds.py brings its links along (a phone
# report's owner and the report it was matched to, say).
LINKS: dict[tuple[str, str], str] = {
    (name, fk.parent.name): fk.column.table.name
    for name, table in TABLES.items()
    for fk in table.foreign_keys
    if fk.column.table.name in TABLES
}
NUMBERED = {
    "complaint": RecordKind.COMPLAINT,
    "vehicle_report": RecordKind.VEHICLE_REPORT,
    "phone_report": RecordKind.PHONE_REPORT,
}
OWN, LINKED = "own", "linked"


# ------------------------------------------------------------------ headquarters: the snapshot


@dataclass(frozen=True)
class LastBundle:
    sequence: int
    created_at: datetime | None
    imported_at: datetime | None


@dataclass(frozen=True)
class SnapshotResult:
    path: Path
    station: str
    enrollment_id: str
    records: dict[str, int]  # the station's own records per table
    linked: int  # other desks' records the station's records point at
    audit_entries: int
    last_bundle: LastBundle
    revoked_keys: list[str]
    discarded_held: list[int]
    hash_mismatches: int


def _image_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _image(table: str, row: dict[str, Any]) -> str:
    """The row as a station sends it: values in column order, ``sync_hash`` empty (a station
    never fills it), so its hash is the one headquarters stored when it merged the row."""
    values = [None if c == "sync_hash" else _image_value(row.get(c)) for c in COLUMNS[table]]
    return json.dumps(values, separators=(",", ":"), ensure_ascii=False)


def _rows(s: Session, table: str, where: Any) -> list[dict[str, Any]]:
    t = TABLES[table]
    return [dict(r) for r in s.connection().execute(select(t).where(where)).mappings()]


def _collect(s: Session, code: str) -> dict[str, dict[str, tuple[str, dict[str, Any]]]]:
    """The station's records, plus (transitively) the records they point at: table -> id ->
    (own|linked, row)."""
    found: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {t: {} for t in TABLE_ORDER}
    for table in TABLE_ORDER:
        for row in _rows(s, table, TABLES[table].c.origin_desk == code):
            found[table][row["id"]] = (OWN, row)
    while True:
        wanted: dict[str, set[str]] = {}
        for (table, column), target in LINKS.items():
            for _scope, row in found[table].values():
                ref = row.get(column)
                if ref is not None and ref not in found[target]:
                    wanted.setdefault(target, set()).add(ref)
        if not wanted:
            return found
        for target, ids in wanted.items():
            id_list = sorted(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                for row in _rows(s, target, TABLES[target].c.id.in_(chunk)):
                    found[target][row["id"]] = (LINKED, row)
            missing = ids - found[target].keys()
            if missing:  # a dangling link (cannot happen with foreign keys on): leave it out
                for rid in missing:
                    found[target][rid] = (LINKED, {})


def _numbers(
    found: dict[str, dict[str, tuple[str, dict[str, Any]]]], code: str
) -> list[dict[str, Any]]:
    """The highest number handed out per record kind and year, from the numbers themselves."""
    top: dict[tuple[str, int], int] = {}
    for table, kind in NUMBERED.items():
        for scope, row in found[table].values():
            parsed = RecordNumber.parse(str(row.get("number") or "")) if scope == OWN else None
            if parsed is not None and parsed.desk_code == code and parsed.kind is kind:
                key = (kind.value, parsed.year)
                top[key] = max(top.get(key, 0), parsed.sequence)
    return [{"kind": k, "year": y, "last": v} for (k, y), v in sorted(top.items())]


def _pending_enrollment(s: Session, code: str, now: datetime) -> SyncEnrollment:
    pending = s.scalar(
        select(SyncEnrollment)
        .where(
            SyncEnrollment.station_code == code,
            SyncEnrollment.used_at.is_(None),
            SyncEnrollment.expires_at > now,
        )
        .order_by(SyncEnrollment.issued_at.desc())
        .limit(1)
    )
    if pending is None:
        raise ServiceError(
            _(
                "Station {code} has no pending enrollment, so there is nothing to encrypt its "
                "snapshot for. First write a new enrollment file for the new PC, then export "
                "the snapshot; only that enrollment file opens it."
            ).format(code=code),
            code="no_pending_enrollment",
            station=code,
        )
    return pending


def export_station_snapshot(
    ctx: DeskContext, code: str, out: Path, *, discard_held: bool = False
) -> SnapshotResult:
    """Write station ``code``'s snapshot for its pending enrollment; revoke its old keys."""
    ctx.require(Permission.ENROLL_STATION)
    identity = require_hq(ctx)
    code = code.strip().upper()
    signing, _encryption = hq_keys(ctx)
    now = now_utc()
    with ctx.unit_of_work() as s:
        station = s.get(SyncStation, code)
        if station is None:
            raise ServiceError(
                _(
                    "Station {code} is not enrolled here, so headquarters holds nothing of it. "
                    "Set the new PC up with a plain enrollment file instead."
                ).format(code=code)
            )
        pending = _pending_enrollment(s, code, now)
        # The new PC links its change log afresh from the snapshot's records: its first bundle
        # starts a new chain here too.
        station.last_change_chain = None
        held = _held_bundles(s, station, discard_held=discard_held)
        found = _collect(s, code)
        audits = s.scalars(
            select(AuditEntry).where(AuditEntry.desk_code == code).order_by(AuditEntry.seq)
        ).all()
        records = _Records.of(found)
        audit_bytes = b"".join(canonical(audit_line(a)) + b"\n" for a in audits)
        last = LastBundle(
            station.last_sequence, station.last_bundle_created_at, station.last_import_at
        )
        manifest = _manifest(
            station, code, pending.id, identity.name, keys.key_id(signing.public_key()), now,
            found, records, audits,
        )  # fmt: skip
        inner = snapshot.build(
            manifest,
            {snapshot.RECORDS: b"".join(records.lines), snapshot.AUDIT: audit_bytes},
            signing,
        )
        sealed = snapshot.seal(
            inner, secret_b64=pending.secret, station=code, enrollment_id=pending.id
        )
        # Nothing signed on the old PC is merged from now on: its keys are revoked, and any
        # enrollment the new PC does not hold is withdrawn.
        revoked = revoke_keys(s, code, now, keep_enrollment=pending.id)
        for h in held:
            s.delete(h)
        ctx.audit(
            s,
            AuditAction.SNAPSHOT_EXPORTED,
            details={
                "station": code,
                "enrollment_id": pending.id,
                "records": records.counts,
                "linked_records": records.linked,
                "audit_entries": len(audits),
                "last_sequence": station.last_sequence,
                "revoked_keys": revoked,
                "discarded_held": [h.sequence for h in held],
            },
        )
        if out.suffix != snapshot.SUFFIX:
            out = out / f"snapshot-{code}-{now:%Y%m%d-%H%M%S}{snapshot.SUFFIX}"
        s.flush()
        # Written inside the transaction: if the file cannot be written, no key is revoked.
        _write_snapshot(out, sealed)
    return SnapshotResult(
        path=out,
        station=code,
        enrollment_id=pending.id,
        records=records.counts,
        linked=records.linked,
        audit_entries=len(audits),
        last_bundle=last,
        revoked_keys=revoked,
        discarded_held=[h.sequence for h in held],
        hash_mismatches=records.mismatches,
    )


def _manifest(
    station: SyncStation,
    code: str,
    enrollment_id: str,
    hq_name: str,
    hq_key_id: str,
    now: datetime,
    found: dict[str, dict[str, tuple[str, dict[str, Any]]]],
    records: _Records,
    audits: Sequence[AuditEntry],
) -> dict[str, Any]:
    """The snapshot's manifest: what it holds and where the station's numbers and bundles stand."""
    return {
        "format": snapshot.SNAPSHOT_FORMAT,
        "kind": snapshot.KIND,
        "station": {"code": code, "name": station.name, "district": station.district_code},
        "enrollment_id": enrollment_id,
        "hq": {
            "name": hq_name,
            "key_id": hq_key_id,
        },
        "created_at": now.isoformat(),
        "app_version": __version__,
        "schema": migrate.head_revision(),
        "last_bundle": {
            "sequence": station.last_sequence,
            "manifest_hash": station.last_manifest_hash,
            "created_at": _image_value(station.last_bundle_created_at),
            "imported_at": _image_value(station.last_import_at),
        },
        "numbers": _numbers(found, code),
        "columns": COLUMNS,
        "records": records.counts,
        "linked_records": records.linked,
        "audit": {
            "count": len(audits),
            "last_hash": audits[-1].entry_hash if audits else GENESIS_HASH,
        },
    }


def _held_bundles(s: Session, station: SyncStation, *, discard_held: bool) -> list[SyncInbox]:
    """The station's bundles held for a missing one; refused unless they are to be discarded."""
    code = station.code
    held = list(
        s.scalars(
            select(SyncInbox).where(
                SyncInbox.station_code == code, SyncInbox.status == ImportStatus.HELD.value
            )
        )
    )
    if held and not discard_held:
        raise ServiceError(
            _(
                "Headquarters holds bundles {held} of {code}, waiting for bundles "
                "{first} to {last}. If you can find the missing bundles, import them first. "
                "Otherwise run this again with --discard-held: the held bundles are then "
                "dropped and their records are lost to the new PC. Nothing was written."
            ).format(
                held=", ".join(str(h.sequence) for h in held),
                code=code,
                first=station.last_sequence + 1,
                last=min(h.sequence for h in held) - 1,
            )
        )
    return held


@dataclass
class _Records:
    """The snapshot's record lines, with the station's own records counted by table, the
    linked ones counted, and how many own records' stored hashes differ from their image."""

    lines: list[bytes] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    linked: int = 0
    mismatches: int = 0

    @classmethod
    def of(cls, found: dict[str, dict[str, tuple[str, dict[str, Any]]]]) -> _Records:
        records = cls()
        for table in TABLE_ORDER:
            for rid, (scope, row) in found[table].items():
                if not row:
                    continue
                image = _image(table, row)
                digest = image_hash(image)
                if scope == OWN:
                    records.counts[table] = records.counts.get(table, 0) + 1
                    records.mismatches += digest != row.get("sync_hash")
                else:
                    records.linked += 1
                fields = (table, rid, str(row["version"]), scope, digest, image)
                records.lines.append("\t".join(fields).encode("utf-8") + b"\n")
        return records


def _write_snapshot(out: Path, sealed: bytes) -> None:
    try:
        write_atomically(out, sealed, mode=0o600)
    except OSError as exc:
        raise ServiceError(
            _("Cannot write the snapshot {path}: {reason}. Nothing was changed.").format(
                path=out, reason=exc.strerror
            )
        ) from None
