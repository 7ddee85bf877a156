"""Whose bundle is this? A station's signing key, trusted when it is bound to the station or
proven by one of its enrollments; and the station's audit trail, which must continue the trail
headquarters holds. Pure checks over a session: the caller owns the transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cplc_desk.domain.audit import GENESIS_HASH, entry_hash
from cplc_desk.storage.models import AuditEntry, SyncEnrollment, SyncStationKey
from cplc_desk.sync import container
from cplc_desk.sync.enrollment import proof_ok
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import unb64
from cplc_desk.sync.manifest import Manifest

AUDIT_FIELDS = ("entry_id", "desk_code", "actor", "action", "record_table", "record_id", "details")


def authorise(s: Session, m: Manifest) -> SyncEnrollment | None:
    """Refuse unless the key is the station's: bound to it, or proven by an enrollment of
    it. Returns that enrollment when the key still has to be bound (see :func:`bind`)."""
    key = s.get(SyncStationKey, m.key_id)
    if key is not None:
        if key.station_code != m.station:
            raise SyncError("wrong_station", claimed=m.station, owner=key.station_code)
        if key.revoked_at is not None:
            raise _revoked("bundle.key_revoked", m.station, key.revoked_at)
        return None
    enrollment = s.get(SyncEnrollment, m.enrollment_id)
    unknown = SyncError("unknown_key", station=m.station)
    if enrollment is None or enrollment.station_code != m.station:
        raise unknown
    if not proof_ok(
        enrollment.secret, m.station, m.enrollment_id, unb64(m.public_key), m.enrollment_proof
    ):
        raise unknown
    if enrollment.used_at is not None and enrollment.key_id is None:
        # Withdrawn by revoke-station before any key was bound with it.
        raise _revoked("bundle.enrollment_withdrawn", m.station, enrollment.used_at)
    if enrollment.used_at is not None and enrollment.key_id != m.key_id:
        raise unknown  # an enrollment binds one key only
    return enrollment


def _revoked(say: str, code: str, when: datetime) -> SyncError:
    return SyncError("revoked_key", say, station=code, date=when.date().isoformat())


def bind(s: Session, m: Manifest, enrollment: SyncEnrollment, now: datetime) -> None:
    """Bind a newly enrolled key when its first bundle is applied, not when it is held: the
    station's earlier bundles, still signed with its earlier key, may arrive later and must
    still be accepted."""
    # A key from a newer enrollment replaces the station's earlier keys (a new PC).
    for old in s.scalars(
        select(SyncStationKey).where(
            SyncStationKey.station_code == m.station, SyncStationKey.revoked_at.is_(None)
        )
    ):
        old_enrollment = s.get(SyncEnrollment, old.enrollment_id)
        if old_enrollment is not None and old_enrollment.issued_at < enrollment.issued_at:
            old.revoked_at = now
    s.add(
        SyncStationKey(
            key_id=m.key_id,
            station_code=m.station,
            public_key=m.public_key,
            enrollment_id=m.enrollment_id,
            bound_at=now,
        )
    )
    enrollment.used_at, enrollment.key_id = now, m.key_id


def apply_audit(s: Session, opened: container.OpenedBundle, station: str) -> int:
    """Append the station's audit entries, each re-hashed and chained to the trail held here."""
    last = s.scalar(
        select(AuditEntry.entry_hash)
        .where(AuditEntry.desk_code == station)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )
    prev = last or GENESIS_HASH
    rows = []
    for line in opened.lines(container.AUDIT):
        fields, at, recomputed = _audit_row(line)
        if fields["desk_code"] != station or line["prev_hash"] != prev:
            raise SyncError("audit_broken", "bundle.audit_discontinued", station=station)
        if recomputed != line["entry_hash"]:
            raise SyncError(
                "audit_broken",
                "bundle.audit_entry_changed",
                station=station,
                entry=fields["entry_id"],
            )
        rows.append({**fields, "at": at, "prev_hash": prev, "entry_hash": recomputed})
        prev = recomputed
    if rows:
        s.connection().execute(insert(AuditEntry), rows)
    return len(rows)


def _audit_row(line: dict[str, object]) -> tuple[dict[str, object], datetime, str]:
    try:
        at = datetime.fromisoformat(str(line["at"]))
        fields = {k: line[k] for k in AUDIT_FIELDS}
        texts = [fields[k] for k in ("entry_id", "desk_code", "actor", "action", "details")]
        optional = [fields["record_table"], fields["record_id"]]
        # Checked here, not left to the store: a wrong type would stop the import with a
        # traceback (or be stored, and break the trail's later reading).
        if (
            at.tzinfo is None
            or not all(isinstance(v, str) for v in [*texts, line["prev_hash"], line["entry_hash"]])
            or not all(v is None or isinstance(v, str) for v in optional)
        ):
            raise ValueError("an audit entry field of the wrong type")
        recomputed = entry_hash(prev_hash=line["prev_hash"], at=at, **fields)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        raise SyncError("damaged", "bundle.audit_invalid") from None
    return fields, at, recomputed
