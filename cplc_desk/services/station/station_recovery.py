"""Putting a station back in business on a new PC after its PC was stolen or died: the new
PC's half (headquarters writes the snapshot in :mod:`cplc_desk.services.hq.station_snapshot`).

``init-station --enrollment FILE --snapshot FILE`` sets a *new, empty* data folder up from both
files in one transaction: the records, their change-log entries (so later edits descend from
what headquarters holds, and nothing restored is sent again), the audit trail (the new desk
continues the station's chain, which headquarters checks), numbering above every restored
number, and the outbox's last bundle (so the next bundle continues the station's chain instead
of forking it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain.audit import GENESIS_HASH, entry_hash
from cplc_desk.domain.clock import local_year, now_utc
from cplc_desk.domain.enums import AuditAction, DeskKind, RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber, uuid7
from cplc_desk.domain.roles import Permission
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext, DeskIdentity, ServiceError
from cplc_desk.services.hq.station_snapshot import LINKED, NUMBERED, OWN, LastBundle
from cplc_desk.services.station.snapshot_rows import (
    insert_records,
    log_own_records,
    note_last_bundle,
    when,
)
from cplc_desk.services.station.sync_station import ENROLLMENT_META
from cplc_desk.storage import migrate, search
from cplc_desk.storage.kinds import TABLE_ORDER
from cplc_desk.storage.models import (
    AuditEntry,
    ChangeLog,
    Desk,
    NumberSequence,
    StoreMeta,
)
from cplc_desk.sync import bounded, chunked, keys, snapshot
from cplc_desk.sync import enrollment as enrollment_file
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.export import COLUMNS, image_hash

RECOVERED_META = "recovered_from_snapshot"


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


def _read_snapshot(fh: chunked.Source, enr: enrollment_file.Enrollment) -> snapshot.OpenedSnapshot:
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

    known = migrate.known_revisions()
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
    reading = enrollment_path
    try:
        enr = enrollment_file.read(
            bounded.read_small(enrollment_path, enrollment_file.MAX_FILE), now_utc()
        )
        reading = snapshot_path
        with bounded.open_input(snapshot_path, snapshot.MAX_SNAPSHOT) as fh:
            opened = _read_snapshot(fh, enr)
            code = enr.station_code
            plan = _plan(opened, code)
    except SyncError as exc:
        raise ServiceError(bounded.named(reading, exc.message)) from None
    station = reference.station(ctx, code, language=i18n.ENGLISH)  # stored and sent in English
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
        insert_records(conn, plan.rows)
        logged = log_own_records(s, plan.rows, now)
        change_to = s.scalar(select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1)) or 0
        next_numbers = _restore_numbers(s, code, m.get("numbers", []), skip_numbers, now)
        last_seq = int(last.get("sequence") or 0)
        if last_seq:
            note_last_bundle(s, code, last, change_to=change_to, audit_to=audit_to,
                              record_count=logged, now=now)  # fmt: skip
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
        _audit_restored(ctx, s, enr, plan, name=name, records=records, linked=linked,
                        last_seq=last_seq, skip_numbers=skip_numbers,
                        signing_key_id=signing_key_id)  # fmt: skip
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
            last_seq, when(last.get("created_at")), when(last.get("imported_at"))
        ),
        snapshot_created_at=when(m.get("created_at")) or now,
        next_numbers=next_numbers,
        hash_mismatches=plan.mismatches,
    )


def _audit_restored(
    ctx: DeskContext,
    s: Session,
    enr: enrollment_file.Enrollment,
    plan: _Plan,
    *,
    name: str,
    records: dict[str, int],
    linked: int,
    last_seq: int,
    skip_numbers: int,
    signing_key_id: str,
) -> None:
    ctx.audit(
        s,
        AuditAction.DESK_INITIALISED,
        record_table="desk",
        details={"kind": DeskKind.STATION.value, "code": enr.station_code, "name": name},
    )
    ctx.audit(
        s,
        AuditAction.SNAPSHOT_RESTORED,
        details={
            "enrollment_id": enr.enrollment_id,
            "hq": enr.hq_name,
            "snapshot_created_at": plan.manifest.get("created_at"),
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
