"""Headquarters' side of sync: its keys, enrolling and revoking stations, importing, verifying
and opening bundles."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import uuid7
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext, DeskIdentity, ServiceError
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.models import (
    AuditEntry,
    SyncEnrollment,
    SyncInbox,
    SyncStation,
    SyncStationKey,
)
from cplc_desk.sync import enrollment as enrollment_file
from cplc_desk.sync import keys
from cplc_desk.sync.files import write_atomically
from cplc_desk.sync.importer import ImportStatus

ENROLLMENT_DAYS = 30
BUNDLE_SUFFIX = ".cplcbundle"
OVERDUE_DAYS_KEY = "stations.overdue_days"
DEFAULT_OVERDUE_DAYS = 7
MIN_OVERDUE_DAYS = 1
MAX_OVERDUE_DAYS = 365


def require_hq(ctx: DeskContext) -> DeskIdentity:
    identity = ctx.require_identity()
    if identity.is_station:
        raise ServiceError(_("This is a station desk; only headquarters can do this."))
    return identity


def ensure_hq_keys(ctx: DeskContext, *, new_keys: bool = False) -> bool:
    """Create headquarters' signing and encryption keys if they do not exist. True if created.

    A desk that made keys before (its trail says so) gets new ones only when ``new_keys`` is
    asked for: every enrolled station trusts the old ones, and a restore from the sealed backup
    puts them back instead."""
    require_hq(ctx)
    sign_path = ctx.paths.keys / keys.HQ_SIGNING
    enc_path = ctx.paths.keys / keys.HQ_ENCRYPTION
    if sign_path.exists() and enc_path.exists():
        return False
    ctx.require(Permission.MANAGE_KEYS)
    if sign_path.exists() != enc_path.exists():
        raise ServiceError(
            _(
                "One of headquarters' two keys is missing in {dir}. Restore it from the backup."
            ).format(dir=ctx.paths.keys)
        )
    with ctx.store.read() as s:
        made_before = s.scalar(
            select(AuditEntry.at)
            .where(AuditEntry.action == AuditAction.HQ_KEYS_CREATED.value)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        )
    if made_before is not None and not new_keys:
        raise ServiceError(
            _(
                "Headquarters' keys are missing from {dir}, but this desk made keys on {date} "
                "and every enrolled station trusts them. Nothing was changed. Put them back "
                "from the sealed backup on the USB stick (keys missing here are restored). Only "
                "if they are lost for good, make new keys, then enroll every station again."
            ).format(dir=ctx.paths.keys, date=made_before.date().isoformat()),
            code="hq_keys_lost",
        )
    signing, encryption = keys.new_signing_key(), keys.new_encryption_key()
    keys.save_private(signing, sign_path)
    keys.save_private(encryption, enc_path)
    with ctx.unit_of_work() as s:
        ctx.audit(
            s,
            AuditAction.HQ_KEYS_CREATED,
            details={
                "signing_key": keys.key_id(signing.public_key()),
                "encryption_key": keys.key_id(encryption.public_key()),
            },
        )
    return True


def hq_keys(ctx: DeskContext) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
    try:
        return (
            keys.load_ed25519(ctx.paths.keys / keys.HQ_SIGNING),
            keys.load_x25519(ctx.paths.keys / keys.HQ_ENCRYPTION),
        )
    except (OSError, ValueError):
        if not ctx.store.is_sqlite:  # a workstation of a server: another one has them
            raise ServiceError(
                _(
                    "This workstation has no copy of headquarters' keys in {dir}. Bring them "
                    "sealed from a workstation that has them; new keys would lock out every "
                    "enrolled station."
                ).format(dir=ctx.paths.keys),
                code="hq_keys_elsewhere",
            ) from None
        raise ServiceError(
            _(
                "Headquarters' keys are missing or damaged in {dir}. Restore them from the "
                "backup; new keys would lock out every enrolled station."
            ).format(dir=ctx.paths.keys)
        ) from None


def enroll_station(ctx: DeskContext, code: str, out: Path) -> Path:
    """Write the enrollment file a station is set up from (a first enrollment, or again for a
    new computer or after a revocation)."""
    identity = require_hq(ctx)
    ctx.require(Permission.ENROLL_STATION)
    station = reference.station(ctx, code, language=i18n.ENGLISH)  # stored and sent in English
    if station is None:
        raise ServiceError(
            _(
                "There is no police station with the code {code}. Check the code in the list "
                "of police stations."
            ).format(code=code.strip().upper()),
            code="unknown_police_station",
        )
    signing, encryption = hq_keys(ctx)
    now = now_utc()
    with ctx.store.read() as s:
        # The highest bundle headquarters has from the station, merged or held behind a gap.
        known = s.get(SyncStation, station.code)
        held = s.scalar(
            select(func.max(SyncInbox.sequence)).where(SyncInbox.station_code == station.code)
        )
        last_sequence = max(known.last_sequence if known is not None else 0, held or 0)
    enrollment = enrollment_file.Enrollment(
        enrollment_id=uuid7(),
        station_code=station.code,
        station_name=station.name,
        district_code=station.district_code,
        hq_name=identity.name,
        hq_signing_key=keys.b64(keys.raw_public(signing.public_key())),
        hq_encryption_key=keys.b64(keys.raw_public(encryption.public_key())),
        secret=base64.b64encode(os.urandom(32)).decode(),
        issued_at=now,
        expires_at=now + timedelta(days=ENROLLMENT_DAYS),
        last_sequence=last_sequence,
    )
    if out.is_dir():
        out = out / f"enroll-{station.code}-{now:%Y%m%d}.cplcenroll"
    with ctx.unit_of_work() as s:
        if s.get(SyncStation, station.code) is None:
            s.add(
                SyncStation(
                    code=station.code,
                    name=station.name,
                    district_code=station.district_code,
                    enrolled_at=now,
                    last_sequence=0,
                )
            )
            s.flush()
        s.add(
            SyncEnrollment(
                id=enrollment.enrollment_id,
                station_code=station.code,
                secret=enrollment.secret,
                issued_at=now,
                expires_at=enrollment.expires_at,
            )
        )
        ctx.audit(
            s,
            AuditAction.STATION_ENROLLED,
            details={"station": station.code, "enrollment_id": enrollment.enrollment_id},
        )
        s.flush()
        # Written inside the transaction: if the file cannot be written, no enrollment is kept.
        try:
            write_atomically(out, enrollment_file.write(enrollment, signing), mode=0o600)
        except OSError as exc:
            raise ServiceError(
                _("Cannot write the enrollment file {path}: {reason}").format(
                    path=out, reason=exc.strerror
                )
            ) from None
    return out


def revoke_station(ctx: DeskContext, code: str) -> int:
    """Revoke every active key of a station; its bundles are refused until it is re-enrolled."""
    require_hq(ctx)
    ctx.require(Permission.ENROLL_STATION)
    code = code.strip().upper()
    with ctx.unit_of_work() as s:
        if s.get(SyncStation, code) is None:
            raise ServiceError(_("Station {code} is not enrolled here.").format(code=code))
        revoked = revoke_keys(s, code, now_utc())
        ctx.audit(s, AuditAction.STATION_REVOKED, details={"station": code, "keys": revoked})
    return len(revoked)


def revoke_keys(
    s: Session, code: str, now: datetime, *, keep_enrollment: str | None = None
) -> list[str]:
    """Revoke the station's active keys (their bundles are refused from now on) and withdraw
    its unused enrollments but ``keep_enrollment``, so nobody can bind a key with them (the
    importer reads "used, but by no key" as withdrawn). Returns the revoked key ids."""
    revoked = []
    for key in s.scalars(
        select(SyncStationKey).where(
            SyncStationKey.station_code == code, SyncStationKey.revoked_at.is_(None)
        )
    ):
        key.revoked_at = now
        revoked.append(key.key_id)
    for enrollment in s.scalars(
        select(SyncEnrollment).where(
            SyncEnrollment.station_code == code,
            SyncEnrollment.used_at.is_(None),
            SyncEnrollment.id != (keep_enrollment or ""),
        )
    ):
        enrollment.used_at = enrollment.expires_at = now
    return revoked


def discard_held(ctx: DeskContext, code: str, sequence: int) -> None:
    """Remove a bundle kept waiting for earlier ones: the way out when the kept copy is the
    forked one and the station's genuine bundle of that number is refused because of it."""
    require_hq(ctx)
    ctx.require(Permission.IMPORT_BUNDLE)
    code = code.strip().upper()
    with ctx.unit_of_work() as s:
        held = s.scalar(
            select(SyncInbox).where(
                SyncInbox.station_code == code,
                SyncInbox.sequence == sequence,
                SyncInbox.status == ImportStatus.HELD.value,
            )
        )
        if held is None:
            raise ServiceError(
                _(
                    "Headquarters keeps no waiting bundle {seq} from {code}; nothing was removed."
                ).format(seq=sequence, code=code),
                code="no_held_bundle",
            )
        ctx.audit(
            s,
            AuditAction.HELD_BUNDLE_DISCARDED,
            details={"station": code, "sequence": sequence, "file_hash": held.file_hash,
                     "received_at": held.received_at.isoformat()},
        )  # fmt: skip
        s.delete(held)


class StationKeyState(StrEnum):
    """Where a station's signing key stands at headquarters (see :func:`stations_overview`)."""

    ACTIVE = "active"
    REVOKED = "revoked"
    PENDING = "pending"
    AWAITING_FIRST_BUNDLE = "awaiting_first_bundle"


@dataclass(frozen=True)
class StationSummary:
    code: str
    name: str
    district_code: str | None
    last_sequence: int
    last_bundle_created_at: datetime | None
    last_import_at: datetime | None
    held: list[int]
    missing: list[int]
    clock_skew_seconds: int | None
    key_status: StationKeyState


def overdue_days(ctx: DeskContext) -> int:
    """Days without a bundle after which a station counts as overdue (kept in the store, so every
    analyst at headquarters sees the same stations standing out)."""
    with ctx.store.read() as s:
        return store_meta.get_int(
            s, OVERDUE_DAYS_KEY, DEFAULT_OVERDUE_DAYS, MIN_OVERDUE_DAYS, MAX_OVERDUE_DAYS
        )


def set_overdue_days(ctx: DeskContext, days: int) -> int:
    """Change when a station counts as overdue; returns the value kept."""
    require_hq(ctx)
    ctx.require(Permission.CITY_VIEW)
    if not MIN_OVERDUE_DAYS <= days <= MAX_OVERDUE_DAYS:
        raise ServiceError(
            _(
                "A station can be overdue after {low} to {high} days; {days} is outside that."
            ).format(low=MIN_OVERDUE_DAYS, high=MAX_OVERDUE_DAYS, days=days)
        )
    with ctx.unit_of_work() as s:
        store_meta.put(s, OVERDUE_DAYS_KEY, str(days))
    return days


def stations_overview(ctx: DeskContext) -> list[StationSummary]:
    """Every enrolled station: its last bundle, the bundles held for a gap and the sequence
    numbers missing before them, its clock and the state of its key.

    ``key_status``: active (a key is bound and not revoked), revoked (every key revoked and no
    enrollment pending), pending (an enrollment file was written and no key has used it yet:
    a new station, or one re-enrolled after a revocation).
    """
    require_hq(ctx)
    ctx.require(Permission.CITY_VIEW)
    now = now_utc()
    out: list[StationSummary] = []
    with ctx.store.read() as s:
        pending_codes = set(
            s.scalars(
                select(SyncEnrollment.station_code).where(
                    SyncEnrollment.used_at.is_(None), SyncEnrollment.expires_at > now
                )
            )
        )
        # Used without binding a key: withdrawn by a revocation (as the importer reads it).
        withdrawn_codes = set(
            s.scalars(
                select(SyncEnrollment.station_code).where(
                    SyncEnrollment.used_at.is_not(None), SyncEnrollment.key_id.is_(None)
                )
            )
        )
        for st in s.scalars(select(SyncStation).order_by(SyncStation.code)):
            held = sorted(
                s.scalars(
                    select(SyncInbox.sequence).where(
                        SyncInbox.station_code == st.code,
                        SyncInbox.status == ImportStatus.HELD.value,
                    )
                )
            )
            missing = [
                n for n in range(st.last_sequence + 1, max(held, default=0)) if n not in held
            ]
            keys_ = s.scalars(
                select(SyncStationKey).where(SyncStationKey.station_code == st.code)
            ).all()
            if any(k.revoked_at is None for k in keys_):
                key_status = StationKeyState.ACTIVE
            elif st.code in pending_codes:
                key_status = StationKeyState.PENDING
            elif keys_ or st.code in withdrawn_codes:
                key_status = StationKeyState.REVOKED
            else:
                key_status = (
                    StationKeyState.AWAITING_FIRST_BUNDLE
                )  # its enrollment file expired unused
            out.append(
                StationSummary(
                    st.code,
                    st.name,
                    st.district_code,
                    st.last_sequence,
                    st.last_bundle_created_at,
                    st.last_import_at,
                    held,
                    missing,
                    st.clock_skew_seconds,
                    key_status,
                )
            )
    return out
