"""A station desk's side of sync: enrollment from headquarters' file, exporting bundles."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction, DeskKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import DeskContext, DeskIdentity, ServiceError
from cplc_desk.storage import audit, migrate, record_seal
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.models import AuditEntry, ChangeLog, StoreMeta, SyncOutbox
from cplc_desk.sync import bounded, keys
from cplc_desk.sync import enrollment as enrollment_file
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.export import (
    SYNC_BOOKKEEPING,
    BuiltBundle,
    StationKeys,
    build_next,
    outbox_row,
)
from cplc_desk.sync.files import write_atomically

ENROLLMENT_META = "enrollment"

log = logging.getLogger(__name__)


def enroll_from_file(
    ctx: DeskContext, path: Path, *, admin: NewAccount | None = None
) -> DeskIdentity:
    """Set this desk up (or an already-working station desk) from headquarters' enrollment file.

    Setting up creates ``admin`` as the desk's supervisor; enrolling a working desk needs a
    signed-in account that may export bundles.
    """
    if ctx.identity() is not None:
        ctx.require(Permission.EXPORT_BUNDLE)
    try:
        data = bounded.read_small(path, enrollment_file.MAX_FILE)
        enrollment = enrollment_file.read(data, now_utc())
    except SyncError as exc:
        raise ServiceError(exc.message) from None
    if reference.station(ctx, enrollment.station_code) is None:
        raise ServiceError(
            _("The enrollment file is for station {code}, which this desk does not know.").format(
                code=enrollment.station_code
            )
        )
    _refuse_a_fork(ctx, enrollment)
    identity = ctx.identity()
    if identity is None:
        identity = setup.init_station(
            ctx, enrollment.station_code, enrollment.station_name, admin=admin
        )
    elif identity.kind is not DeskKind.STATION or identity.code != enrollment.station_code:
        raise ServiceError(
            _(
                "This enrollment file is for {code}, but this desk is {name} ({own}). Nothing was "
                "changed. Use the file at the right desk, or another data folder."
            ).format(code=enrollment.station_code, name=identity.name, own=identity.code)
        )
    key_path = ctx.paths.keys / keys.STATION_SIGNING
    if key_path.exists():  # re-enrollment: keep the old key aside, never overwrite a key
        key_path.rename(key_path.with_name(f"station-signing.{now_utc():%Y%m%dT%H%M%S}.old.pem"))
    signing = keys.new_signing_key()
    keys.save_private(signing, key_path)
    stored = {**enrollment.payload(), "station_key_id": keys.key_id(signing.public_key())}
    with ctx.unit_of_work() as s:
        store_meta.put(s, ENROLLMENT_META, json.dumps(stored))
        ctx.audit(
            s,
            AuditAction.DESK_ENROLLED,
            details={
                "enrollment_id": enrollment.enrollment_id,
                "hq": enrollment.hq_name,
                "station_key_id": stored["station_key_id"],
            },
        )
    return identity


def _refuse_a_fork(ctx: DeskContext, enrollment: enrollment_file.Enrollment) -> None:
    """Refuse an enrollment that would fork the station's history: headquarters holds bundles
    from the station up to a number this desk never wrote (a new PC, or a store restored from a
    backup older than what headquarters holds). A working desk is never behind headquarters."""
    written = _last_exported(ctx)
    if written >= enrollment.last_sequence:
        return
    code = enrollment.station_code
    if ctx.identity() is None:
        message = _(
            "Headquarters already holds {n} bundles from {code}: the station's records are on "
            "its old PC and at headquarters, and a new PC must continue them, not start again. "
            "Nothing was changed. Ask headquarters for the station's snapshot and set this PC "
            "up from both files, the enrollment file and the snapshot."
        )
    else:
        message = _(
            "Headquarters already holds {n} bundles from {code}, but this desk has written "
            "only {written}: its store is behind headquarters' (set up again, or restored from "
            "an older backup), and its bundles would be refused. Nothing was changed. Call "
            "headquarters: the station continues on a new data folder set up from its "
            "snapshot; records made here since are not in it, so keep this folder until they "
            "are typed in again."
        )
    raise ServiceError(
        message.format(n=enrollment.last_sequence, code=code, written=written),
        code="behind_headquarters",
        station=code,
    )


def _last_exported(ctx: DeskContext) -> int:
    """The last bundle this desk wrote (0: none, as on a new PC)."""
    if ctx.identity() is None:
        return 0
    with ctx.store.read() as s:
        return int(s.scalar(select(func.max(SyncOutbox.sequence))) or 0)


def stored_enrollment(ctx: DeskContext) -> dict[str, Any] | None:
    """The enrollment this station desk took (headquarters' keys and name, the secret), or
    None if it is not enrolled."""
    with ctx.store.read() as s:
        meta = s.get(StoreMeta, ENROLLMENT_META)
    return json.loads(meta.value) if meta is not None else None


def required_enrollment(ctx: DeskContext, refusal: str) -> dict[str, Any]:
    """:func:`stored_enrollment`, or a refusal (``not_enrolled``) saying ``refusal``: what this
    desk cannot do without it, and how to enroll."""
    info = stored_enrollment(ctx)
    if info is None:
        raise ServiceError(refusal, code="not_enrolled")
    return info


def _station_keys(ctx: DeskContext) -> StationKeys:
    info = required_enrollment(
        ctx,
        _(
            "This desk is not enrolled with headquarters yet, so it cannot export bundles. "
            "Ask headquarters for an enrollment file and enroll this desk with it."
        ),
    )
    key_path = ctx.paths.keys / keys.STATION_SIGNING
    try:
        signing = keys.load_ed25519(key_path)
    except (OSError, ValueError):
        raise ServiceError(
            _(
                "The station's signing key ({path}) is missing or damaged. Ask headquarters for "
                "a new enrollment file and enroll this desk again."
            ).format(path=key_path)
        ) from None
    return StationKeys(
        signing_key=signing,
        enrollment_id=info["enrollment_id"],
        enrollment_secret=info["secret"],
        hq_encryption_key=keys.x25519_public(keys.unb64(info["hq"]["encryption_key"])),
    )


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    sequence: int
    records: int
    audit_entries: int
    nothing_new: bool
    message: str

    @classmethod
    def written(cls, path: Path, bundle: BuiltBundle | SyncOutbox, message: str) -> ExportResult:
        """A bundle (made now, or recorded before) written to ``path``."""
        entries = bundle.audit_to - bundle.audit_from + 1
        return cls(path, bundle.sequence, bundle.record_count, entries, False, message)


class _Outbox:
    """This station's bundles on their way out: each is recorded in the desk first (a sequence
    number is never handed out twice), then written to the stick; one written late is written
    again before anything newer."""

    def __init__(self, ctx: DeskContext) -> None:
        ctx.require(Permission.EXPORT_BUNDLE)
        self.ctx = ctx
        self.identity = ctx.require_identity()

    def export(self, out_dir: Path) -> ExportResult:
        """Write the next bundle to ``out_dir``; says so (and writes nothing) if nothing
        changed."""
        if not self.identity.is_station:
            raise ServiceError(_("Only a station desk exports bundles."))
        station_keys = _station_keys(self.ctx)
        self._refuse_a_broken_trail()
        built, last = self._record_next(station_keys)
        if built is None:
            if last is not None and last.written_at is None:
                self._write_unwritten(out_dir, last.sequence)
                return self.rewrite(out_dir, last.sequence)
            sequence = last.sequence if last else 0
            when = last.created_at.date().isoformat() if last else "-"
            return ExportResult(
                None, sequence, 0, 0, True,
                _("Nothing changed since bundle {seq} ({when}). No bundle was written.").format(
                    seq=sequence, when=when
                ),
            )  # fmt: skip
        self._write_unwritten(out_dir, built.sequence)
        path = self._write(out_dir, built.file_name, built.content, built.sequence)
        return ExportResult.written(
            path,
            built,
            _("Bundle {seq} written: {path} ({n} changes).").format(
                seq=built.sequence, path=path, n=built.record_count
            ),
        )

    def _record_next(
        self, station_keys: StationKeys
    ) -> tuple[BuiltBundle | None, SyncOutbox | None]:
        """Build the next bundle and record it in the outbox, audited, in one unit of work; or
        None and the last bundle recorded when nothing changed since."""
        with self.ctx.unit_of_work() as s:
            built = build_next(
                s,
                station=self.identity.code,
                site_id=self.identity.site_id,
                keys=station_keys,
                schema=migrate.head_revision(),
                now=now_utc(),
            )
            if built is None:
                last = s.scalar(select(SyncOutbox).order_by(SyncOutbox.sequence.desc()).limit(1))
                return None, last
            # Recorded before the file is written: a bundle whose file did not get written can
            # be written again (rewrite_bundle).
            s.add(outbox_row(built, now_utc()))
            self.ctx.audit(
                s,
                AuditAction.BUNDLE_EXPORTED,
                details={"sequence": built.sequence, "records": built.record_count,
                         "file": built.file_name},
            )  # fmt: skip
        return built, None

    def _refuse_a_broken_trail(self) -> None:
        """Refuse to send a trail or records changed outside the app: headquarters would merge
        what nobody here wrote, or refuse the bundle without the desk knowing why."""
        with self.ctx.store.read() as s:
            first = next(iter(audit.verify_chain(s)), None)
            problem = first.describe() if first is not None else None
            if problem is None:
                sealed = record_seal.verify(s, self.identity.code)
                problem = sealed.breaks[0].describe() if sealed.breaks else None
        if problem is None:
            return
        log.warning("export refused: the store failed its integrity check")
        raise ServiceError(
            _(
                "No bundle was written: this desk's records or audit trail were changed outside "
                "CPLC Desk ({problem}). Nothing was sent. Call headquarters before sending "
                "anything more. The way back is the last good backup or a new start from "
                "headquarters' station snapshot."
            ).format(problem=problem),
            code="store_tampered",
        )

    def _write_unwritten(self, out_dir: Path, before: int) -> None:
        """Write earlier bundles whose file never got written (the desk was cut off between
        saving a bundle and writing it): headquarters would otherwise hold every later one,
        waiting."""
        with self.ctx.store.read() as s:
            rows = s.scalars(
                select(SyncOutbox)
                .where(SyncOutbox.written_at.is_(None), SyncOutbox.sequence < before)
                .order_by(SyncOutbox.sequence)
            ).all()
        for row in rows:
            self._write(out_dir, row.file_name, row.content, row.sequence)

    def _write(self, out_dir: Path, name: str, content: bytes, sequence: int) -> Path:
        path = out_dir / name
        try:
            write_atomically(path, content)
        except OSError as exc:
            raise ServiceError(
                _(
                    "Bundle {seq} is saved in this desk but could not be written to {dir}: "
                    "{reason}. Check the USB stick, then write the bundle again."
                ).format(seq=sequence, dir=out_dir, reason=exc.strerror),
                code="bundle_unwritten",
                sequence=sequence,
            ) from None
        with self.ctx.unit_of_work() as s:
            row = s.get(SyncOutbox, sequence)
            if row is not None and row.written_at is None:
                row.written_at = now_utc()
        return path

    def rewrite(self, out_dir: Path, sequence: int | None = None) -> ExportResult:
        """Write an earlier bundle again, byte for byte (a lost or broken stick)."""
        with self.ctx.store.read() as s:
            query = select(SyncOutbox).order_by(SyncOutbox.sequence.desc()).limit(1)
            if sequence is not None:
                query = select(SyncOutbox).where(SyncOutbox.sequence == sequence)
            row = s.scalar(query)
        if row is None:
            raise ServiceError(
                _("There is no bundle {seq} to write again.").format(seq=sequence or "")
                if sequence
                else _("No bundle was exported from this desk yet.")
            )
        if not row.content:  # the last bundle of the PC this desk replaced (station snapshot)
            raise ServiceError(
                _(
                    "Bundle {seq} was made on the PC this desk replaced; headquarters already "
                    "has it, and it cannot be written again here."
                ).format(seq=row.sequence)
            )
        path = self._write(out_dir, row.file_name, row.content, row.sequence)
        with self.ctx.unit_of_work() as s:
            self.ctx.audit(s, AuditAction.BUNDLE_REWRITTEN, details={"sequence": row.sequence})
        message = _("Bundle {seq} written again: {path}").format(seq=row.sequence, path=path)
        return ExportResult.written(path, row, message)


def export_bundle(ctx: DeskContext, out_dir: Path) -> ExportResult:
    """Write the next bundle to ``out_dir``; says so (and writes nothing) if nothing changed."""
    return _Outbox(ctx).export(out_dir)


def rewrite_bundle(ctx: DeskContext, out_dir: Path, sequence: int | None = None) -> ExportResult:
    """Write an earlier bundle again, byte for byte (a lost or broken stick)."""
    return _Outbox(ctx).rewrite(out_dir, sequence)


@dataclass(frozen=True)
class StationSyncStatus:
    enrolled: bool
    hq_name: str | None
    pending_changes: int
    pending_audit_entries: int
    last_sequence: int
    last_export_at: datetime | None
    last_file: str | None


def status(ctx: DeskContext) -> StationSyncStatus:
    with ctx.store.read() as s:
        meta = s.get(StoreMeta, ENROLLMENT_META)
        last = s.scalar(select(SyncOutbox).order_by(SyncOutbox.sequence.desc()).limit(1))
        after = last.change_to if last else 0
        pending = s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.seq > after))
        pending_audit = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.seq > (last.audit_to if last else 0),
                AuditEntry.action.not_in(SYNC_BOOKKEEPING),
            )
        )
    hq_name = json.loads(meta.value)["hq"]["name"] if meta else None
    return StationSyncStatus(
        enrolled=meta is not None,
        hq_name=hq_name,
        pending_changes=int(pending or 0),
        pending_audit_entries=int(pending_audit or 0),
        last_sequence=last.sequence if last else 0,
        last_export_at=last.created_at if last else None,
        last_file=last.file_name if last else None,
    )
