"""Putting a station back in business on a new PC after its PC was stolen or died.

Headquarters re-enrolls the station (a new enrollment file with a fresh secret), then writes a
*station snapshot*: every record it holds that the station owns (with their versions), the
records those point at, the station's audit trail as merged, its receipt-number counters
(worked out from the numbers) and the last bundle it merged from it. The snapshot is signed by
headquarters and encrypted under a key derived from the pending enrollment's secret. Writing it
revokes the station's old keys and withdraws its other unused enrollments, so nothing signed on
the old PC is merged any more.

At the new PC, ``init-station --enrollment FILE --snapshot FILE`` sets a *new, empty* data folder
up from both files in one transaction: the records, their change-log entries (so later edits
descend from what headquarters holds, and nothing restored is sent again), the audit trail (the
new desk continues the station's chain, which headquarters checks), numbering above every
restored number, and the outbox's last bundle (so the next bundle continues the station's
chain instead of forking it).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from cplc_desk import __version__
from cplc_desk.domain.audit import GENESIS_HASH, entry_hash
from cplc_desk.domain.clock import local_year, now_utc
from cplc_desk.domain.enums import AuditAction, DeskKind, RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber, uuid7
from cplc_desk.domain.roles import Permission
from cplc_desk.services import accounts, reference
from cplc_desk.services.accounts import NewAccount
from cplc_desk.services.context import DeskContext, DeskIdentity, ServiceError
from cplc_desk.services.sync_hq import hq_keys
from cplc_desk.services.sync_station import ENROLLMENT_META
from cplc_desk.storage import migrate, search
from cplc_desk.storage.bulk import BulkWriter
from cplc_desk.storage.models import (
    SYNC_MODELS,
    AuditEntry,
    ChangeLog,
    Desk,
    NumberSequence,
    StoreMeta,
    SyncEnrollment,
    SyncInbox,
    SyncOutbox,
    SyncStation,
    SyncStationKey,
)
from cplc_desk.sync import enrollment as enrollment_file
from cplc_desk.sync import keys, snapshot
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.export import COLUMNS, TABLE_ORDER, audit_line, file_name, image_hash
from cplc_desk.sync.files import write_atomically

TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNC_MODELS}  # type: ignore[attr-defined]
# Links between synced records: (table, column) -> the table it points at.
LINKS: dict[tuple[str, str], str] = {
    ("complaint", "complainant_id"): "person",
    ("complaint_event", "complaint_id"): "complaint",
    ("vehicle_report", "owner_id"): "person",
    ("vehicle_report", "complaint_id"): "complaint",
    ("vehicle_report", "matched_report_id"): "vehicle_report",
}
NUMBERED = {"complaint": RecordKind.COMPLAINT, "vehicle_report": RecordKind.VEHICLE_REPORT}
OWN, LINKED = "own", "linked"
RECOVERED_META = "recovered_from_snapshot"


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
                "snapshot for. First write a new enrollment file for the new PC "
                "(cplc-desk enroll-station --code {code} --out FILE), then export the snapshot; "
                "only that enrollment file opens it."
            ).format(code=code)
        )
    return pending


def export_station_snapshot(
    ctx: DeskContext, code: str, out: Path, *, discard_held: bool = False
) -> SnapshotResult:
    """Write station ``code``'s snapshot for its pending enrollment; revoke its old keys."""
    ctx.require(Permission.ENROLL_STATION)
    identity = ctx.require_identity()
    if identity.is_station:
        raise ServiceError(_("This is a station desk; only headquarters can do this."))
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
        held = list(
            s.scalars(
                select(SyncInbox).where(SyncInbox.station_code == code, SyncInbox.status == "held")
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
        found = _collect(s, code)
        audits = s.scalars(
            select(AuditEntry).where(AuditEntry.desk_code == code).order_by(AuditEntry.seq)
        ).all()
        lines: list[bytes] = []
        counts: dict[str, int] = {}
        linked = mismatches = 0
        for table in TABLE_ORDER:
            for rid, (scope, row) in found[table].items():
                if not row:
                    continue
                image = _image(table, row)
                digest = image_hash(image)
                if scope == OWN:
                    counts[table] = counts.get(table, 0) + 1
                    mismatches += digest != row.get("sync_hash")
                else:
                    linked += 1
                fields = (table, rid, str(row["version"]), scope, digest, image)
                lines.append("\t".join(fields).encode("utf-8") + b"\n")
        audit_bytes = b"".join(canonical(audit_line(a)) + b"\n" for a in audits)
        last = LastBundle(
            station.last_sequence, station.last_bundle_created_at, station.last_import_at
        )
        manifest = {
            "format": snapshot.SNAPSHOT_FORMAT,
            "kind": snapshot.KIND,
            "station": {"code": code, "name": station.name, "district": station.district_code},
            "enrollment_id": pending.id,
            "hq": {
                "name": identity.name,
                "key_id": keys.key_id(signing.public_key()),
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
            "records": counts,
            "linked_records": linked,
            "audit": {
                "count": len(audits),
                "last_hash": audits[-1].entry_hash if audits else GENESIS_HASH,
            },
        }
        inner = snapshot.build(
            manifest, {snapshot.RECORDS: b"".join(lines), snapshot.AUDIT: audit_bytes}, signing
        )
        sealed = snapshot.seal(
            inner, secret_b64=pending.secret, station=code, enrollment_id=pending.id
        )
        # Nothing signed on the old PC is merged from now on: its keys are revoked, and any
        # enrollment the new PC does not hold is withdrawn (read by the importer as such).
        revoked = []
        for key in s.scalars(
            select(SyncStationKey).where(
                SyncStationKey.station_code == code, SyncStationKey.revoked_at.is_(None)
            )
        ):
            key.revoked_at = now
            revoked.append(key.key_id)
        for other in s.scalars(
            select(SyncEnrollment).where(
                SyncEnrollment.station_code == code,
                SyncEnrollment.used_at.is_(None),
                SyncEnrollment.id != pending.id,
            )
        ):
            other.used_at = other.expires_at = now
        for h in held:
            s.delete(h)
        ctx.audit(
            s,
            AuditAction.SNAPSHOT_EXPORTED,
            details={
                "station": code,
                "enrollment_id": pending.id,
                "records": counts,
                "linked_records": linked,
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
        try:
            write_atomically(out, sealed, mode=0o600)
        except OSError as exc:
            raise ServiceError(
                _("Cannot write the snapshot {path}: {reason}. Nothing was changed.").format(
                    path=out, reason=exc.strerror
                )
            ) from None
    return SnapshotResult(
        path=out,
        station=code,
        enrollment_id=pending.id,
        records=counts,
        linked=linked,
        audit_entries=len(audits),
        last_bundle=last,
        revoked_keys=revoked,
        discarded_held=[h.sequence for h in held],
        hash_mismatches=mismatches,
    )


# ------------------------------------------------------------------ the new PC: restoring


@dataclass
class _Plan:
    """A snapshot read and checked in full, before anything is written."""

    manifest: dict[str, Any]
    rows: dict[str, list[tuple[str, list[Any], dict[str, Any]]]] = field(default_factory=dict)
    audit: list[dict[str, Any]] = field(default_factory=list)
    mismatches: int = 0


@dataclass(frozen=True)
class RestoreResult:
    identity: DeskIdentity
    records: dict[str, int]
    linked: int
    audit_entries: int
    last_bundle: LastBundle
    snapshot_created_at: datetime
    next_numbers: dict[str, str]
    hash_mismatches: int


def _read_snapshot(data: bytes, enr: enrollment_file.Enrollment) -> snapshot.OpenedSnapshot:
    fh = io.BytesIO(data)
    header = snapshot.read_header(fh)
    if (header.station, header.enrollment_id) != (enr.station_code, enr.enrollment_id):
        raise SyncError(
            "wrong_enrollment",
            _(
                "This snapshot was made for another enrollment file (station {station}, "
                "enrollment {sid}; the enrollment file given is for {code}, enrollment {eid}). "
                "Nothing was restored. Use the enrollment file headquarters wrote just before "
                "this snapshot, or ask headquarters for a new snapshot."
            ).format(
                station=header.station,
                sid=header.enrollment_id[:13],
                code=enr.station_code,
                eid=enr.enrollment_id[:13],
            ),
        )
    plain = snapshot.open_body(fh, header, enr.secret)
    opened = snapshot.open_signed(plain, keys.ed25519_public(keys.unb64(enr.hq_signing_key)))
    m = opened.manifest
    try:
        signed_for = (str(m["station"]["code"]), str(m["enrollment_id"]))
    except (KeyError, TypeError):
        raise snapshot.damaged("manifest") from None
    if signed_for != (enr.station_code, enr.enrollment_id):
        raise snapshot.damaged(_("its label does not match its signed content"))
    return opened


def _plan(opened: snapshot.OpenedSnapshot, code: str) -> _Plan:
    """Parse and check every line (images against their hashes, the audit chain)."""
    m = opened.manifest
    from alembic.script import ScriptDirectory

    known = migrate.known_revisions(ScriptDirectory.from_config(migrate.alembic_config()))
    if int(m.get("format", 0)) > snapshot.SNAPSHOT_FORMAT or m.get("schema") not in known:
        raise SyncError(
            "schema_too_new",
            _(
                "This snapshot comes from a newer version of CPLC Desk at headquarters. Install "
                "that version here, then restore it again."
            ),
        )
    try:
        columns: dict[str, list[str]] = dict(m["columns"])
        last = m["last_bundle"]
        if int(last["sequence"]) < 0 or (
            int(last["sequence"]) and len(str(last["manifest_hash"])) != 64
        ):
            raise ValueError("last bundle")
        for item in m["numbers"]:
            int(item["year"]), int(item["last"]), RecordKind(item["kind"])
    except (KeyError, TypeError, ValueError):
        raise snapshot.damaged("manifest") from None
    plan = _Plan(m, rows={t: [] for t in TABLE_ORDER})
    same = {t: columns.get(t) == COLUMNS[t] for t in TABLE_ORDER}
    for number, raw in enumerate(opened.lines(snapshot.RECORDS), start=1):
        try:
            table, rid, version, scope, digest, image = raw.decode("utf-8").split("\t")
            values = json.loads(image)
            named = dict(zip(columns[table], values, strict=True))
            if (
                table not in plan.rows
                or scope not in (OWN, LINKED)
                or named["id"] != rid
                or named["version"] != int(version)
                or image_hash(image) != digest
                or (scope == OWN) != (named["origin_desk"] == code)
            ):
                raise ValueError("line does not hold together")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise snapshot.damaged(_("record line {n}").format(n=number)) from None
        if same[table] and named.get("sync_hash") is None:
            row = values  # the image is exactly what this desk would send
        else:  # another version's columns: what this desk sends may differ from the image
            row = [None if c == "sync_hash" else named.get(c) for c in COLUMNS[table]]
            ours = json.dumps(row, separators=(",", ":"), ensure_ascii=False)
            plan.mismatches += scope == OWN and image_hash(ours) != digest
            named = dict(zip(COLUMNS[table], row, strict=True))
        plan.rows[table].append((scope, row, named))
    prev = GENESIS_HASH
    for number, raw in enumerate(opened.lines(snapshot.AUDIT), start=1):
        try:
            line = json.loads(raw)
            at = datetime.fromisoformat(line["at"])
            fields = {
                k: line[k]
                for k in ("entry_id", "desk_code", "actor", "action", "record_table",
                          "record_id", "details")
            }  # fmt: skip
            recomputed = entry_hash(prev_hash=prev, at=at, **fields)
            if (
                fields["desk_code"] != code
                or line["prev_hash"] != prev
                or recomputed != line["entry_hash"]
            ):
                raise ValueError("chain")
        except (ValueError, KeyError, TypeError):
            raise snapshot.damaged(_("audit line {n}").format(n=number)) from None
        plan.audit.append({**fields, "at": at, "prev_hash": prev, "entry_hash": recomputed})
        prev = recomputed
    return plan


def _when(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) else None


def restore_station(
    ctx: DeskContext,
    enrollment_path: Path,
    snapshot_path: Path,
    *,
    skip_numbers: int = 0,
    admin: NewAccount | None = None,
) -> RestoreResult:
    """Set a new, empty desk up as the station of the enrollment, from headquarters' snapshot.

    Accounts are local to a desk and not in the snapshot: ``admin`` becomes the new desk's
    supervisor (as at any first set-up). Without it the caller must hold RESTORE.
    """
    if admin is None:
        ctx.require(Permission.RESTORE)
    if skip_numbers < 0:
        raise ServiceError(_("--skip-numbers must be 0 or more."))
    existing = ctx.identity()
    if existing is not None:
        raise ServiceError(
            _(
                "This desk is already set up as {name} ({code}). A snapshot is restored only "
                "into a new, empty data folder, so that no record or audit entry of this desk "
                "is mixed in. Nothing was changed. Use another data folder (--data-dir)."
            ).format(name=existing.name, code=existing.code)
        )
    try:
        enr = enrollment_file.read(enrollment_path.read_bytes(), now_utc())
        if snapshot_path.stat().st_size > snapshot.MAX_SNAPSHOT:
            raise SyncError("too_large", _("The file is larger than any snapshot can be."))
        opened = _read_snapshot(snapshot_path.read_bytes(), enr)
        code = enr.station_code
        plan = _plan(opened, code)
    except OSError as exc:
        raise ServiceError(
            _("Cannot read {path}: {reason}").format(
                path=exc.filename or snapshot_path, reason=exc.strerror
            )
        ) from None
    except SyncError as exc:
        raise ServiceError(exc.message) from None
    station = reference.station(ctx, code)
    if station is None:
        raise ServiceError(
            _("The enrollment file is for station {code}, which this desk does not know.").format(
                code=code
            )
        )
    key_path = ctx.paths.keys / keys.STATION_SIGNING
    if key_path.exists():  # a key left in an unused folder: keep it aside, never overwrite it
        key_path.rename(key_path.with_name(f"station-signing.{now_utc():%Y%m%dT%H%M%S}.old.pem"))
    signing = keys.new_signing_key()
    keys.save_private(signing, key_path)
    try:
        result = _restore(ctx, enr, plan, signing_key_id=keys.key_id(signing.public_key()),
                          name=station.name, district=station.district_code,
                          skip_numbers=skip_numbers, admin=admin)  # fmt: skip
    except BaseException:
        key_path.unlink(missing_ok=True)  # nothing was saved: no key either
        ctx.forget_identity()
        raise
    ctx.forget_identity()
    return result


def _restore(
    ctx: DeskContext,
    enr: enrollment_file.Enrollment,
    plan: _Plan,
    *,
    signing_key_id: str,
    name: str,
    district: str | None,
    skip_numbers: int,
    admin: NewAccount | None,
) -> RestoreResult:
    code = enr.station_code
    m = plan.manifest
    now = now_utc()
    last = m["last_bundle"]
    with ctx.store.write(actor=ctx.actor.username, desk_code=code) as s:
        if admin is not None:  # signed in from here on: the restore is recorded in its name
            accounts.add_first_admin(ctx, s, DeskKind.STATION, admin)
        s.add(
            Desk(
                id=1,
                kind=DeskKind.STATION.value,
                code=code,
                name=name[:120],
                district_code=district,
                site_id=uuid7(),
                created_at=now,
            )
        )
        s.flush()
        conn = s.connection()
        # The station's audit trail as headquarters holds it comes first, so this desk's own
        # entries continue the same chain (headquarters refuses a bundle whose trail does not).
        if plan.audit:
            conn.execute(insert(AuditEntry), plan.audit)
        audit_to = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) or 0
        # Records are written as they are, not through the change-log hooks: their versions
        # and stamps are the station's. Links between vehicle reports are set afterwards (a
        # recovery and its theft report point at each other).
        for table in TABLE_ORDER:
            rows = [list(row) for _scope, row, _named in plan.rows[table]]
            links = []
            if table == "vehicle_report":
                id_at = COLUMNS[table].index("id")
                matched_at = COLUMNS[table].index("matched_report_id")
                for row in rows:
                    if row[matched_at] is not None:
                        links.append({"b_id": row[id_at], "m": row[matched_at]})
                        row[matched_at] = None
            BulkWriter(conn, TABLES[table]).insert(rows)
            if links:
                t = TABLES[table]
                conn.execute(
                    update(t)
                    .where(t.c.id == bindparam("b_id"))
                    .values(matched_report_id=bindparam("m")),
                    links,
                )
        # The change log gets the station's own records, so an edit here names the version
        # headquarters holds as its base. The outbox's last bundle covers them: not sent again.
        log_rows = [
            {
                "table_name": table,
                "record_id": named["id"],
                "op": "delete" if named.get("deleted_at") else ("insert" if named["version"] == 1 else "update"),
                "version": named["version"],
                "changed_at": _when(named.get("updated_at")) or now,
                "row_image": json.dumps(named, sort_keys=True, ensure_ascii=False),
            }
            for table in TABLE_ORDER
            for scope, _row, named in plan.rows[table]
            if scope == OWN
        ]  # fmt: skip
        if log_rows:
            conn.execute(insert(ChangeLog), log_rows)
        change_to = s.scalar(select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1)) or 0
        next_numbers = _restore_numbers(s, code, m.get("numbers", []), skip_numbers, now)
        last_seq = int(last.get("sequence") or 0)
        if last_seq:
            created = _when(last.get("created_at")) or now
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
                    record_count=len(log_rows),
                    content=b"",  # made on the replaced PC: this desk cannot write it again
                    written_at=now,
                )
            )
        stored = {**enr.payload(), "station_key_id": signing_key_id}
        s.add(StoreMeta(key=ENROLLMENT_META, value=json.dumps(stored)))
        recovered = {
            "snapshot_created_at": m.get("created_at"),
            "enrollment_id": enr.enrollment_id,
            "last_sequence": last_seq,
            "restored_at": now.isoformat(),
        }
        s.add(StoreMeta(key=RECOVERED_META, value=json.dumps(recovered)))
        s.flush()
        records = {t: sum(1 for r in plan.rows[t] if r[0] == OWN) for t in TABLE_ORDER}
        linked = sum(1 for t in TABLE_ORDER for r in plan.rows[t] if r[0] == LINKED)
        ctx.audit(
            s,
            AuditAction.DESK_INITIALISED,
            record_table="desk",
            details={"kind": DeskKind.STATION.value, "code": code, "name": name},
        )
        ctx.audit(
            s,
            AuditAction.SNAPSHOT_RESTORED,
            details={
                "enrollment_id": enr.enrollment_id,
                "hq": enr.hq_name,
                "snapshot_created_at": m.get("created_at"),
                "records": records,
                "linked_records": linked,
                "audit_entries": len(plan.audit),
                "last_sequence": last_seq,
                "skip_numbers": skip_numbers,
            },
        )
        ctx.audit(
            s,
            AuditAction.DESK_ENROLLED,
            details={
                "enrollment_id": enr.enrollment_id,
                "hq": enr.hq_name,
                "station_key_id": signing_key_id,
            },
        )
        if admin is not None:
            accounts.record_created(ctx, s, ctx.actor.username, ctx.actor.role)
        search.catch_up(s)
    identity = DeskIdentity(DeskKind.STATION, code, name[:120], district, "")
    return RestoreResult(
        identity=identity,
        records=records,
        linked=linked,
        audit_entries=len(plan.audit),
        last_bundle=LastBundle(
            last_seq, _when(last.get("created_at")), _when(last.get("imported_at"))
        ),
        snapshot_created_at=_when(m.get("created_at")) or now,
        next_numbers=next_numbers,
        hash_mismatches=plan.mismatches,
    )


def _restore_numbers(
    s: Session, code: str, numbers: Iterable[dict[str, Any]], skip: int, now: datetime
) -> dict[str, str]:
    """Counters above every restored number (plus ``skip``, for receipts the old PC printed
    after its last bundle); returns the next number of each kind this year."""
    last: dict[tuple[str, int], int] = {}
    for item in numbers:
        key = (str(item["kind"]), int(item["year"]))
        last[key] = max(last.get(key, 0), int(item["last"]))
    year = local_year(now)
    for kind in NUMBERED.values():
        if skip or (kind.value, year) in last:
            last.setdefault((kind.value, year), 0)
    for (kind_value, y), value in last.items():
        s.add(NumberSequence(desk_code=code, kind=kind_value, year=y, last_value=value + skip))
    return {
        kind.value: str(RecordNumber(code, kind, year, last.get((kind.value, year), 0) + skip + 1))
        for kind in NUMBERED.values()
    }
