"""Station bundles at headquarters: importing them (one unit of work per bundle, the import log
and the audit entry for every attempt, the held bundles a new one lets through), verifying one
(the import rehearsed, then rolled back) and opening one for a check without CPLC Desk. The
checks and the merge themselves are the library's, in ``sync/importer.py``."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.hq.sync_hq import BUNDLE_SUFFIX, hq_keys, require_hq
from cplc_desk.storage import migrate, search
from cplc_desk.storage.models import SyncEnrollment, SyncImportLog, SyncStationKey
from cplc_desk.storage.types import utcnow
from cplc_desk.sync import bounded, importer, keys
from cplc_desk.sync import enrollment as enrollment_file
from cplc_desk.sync.chunked import Source, sha256_of
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.files import write_atomically, write_stream_atomically
from cplc_desk.sync.importer import (
    MAX_BUNDLE_BYTES,
    BundleOutcome,
    Decoded,
    HeldFile,
    ImportStatus,
)
from cplc_desk.sync.manifest import Manifest


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line, with folders (a USB stick) expanded to their bundles."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{BUNDLE_SUFFIX}") if p.is_file()))
        else:
            found.append(path)
    return found


class _Rehearsed(Exception):
    """Rolls back a rehearsed import once every check and the merge have run."""


Progress = Callable[[int, int, str], None]


class _Intake:
    """One import run at headquarters: its keys loaded once, then one unit of work per bundle,
    each attempt logged and audited."""

    def __init__(self, ctx: DeskContext) -> None:
        ctx.require(Permission.IMPORT_BUNDLE)
        require_hq(ctx)
        self.ctx = ctx
        _, self.hq_key = hq_keys(ctx)  # refused at once when missing, not once per file
        self.known_schemas = migrate.known_revisions()

    def decode(self, fh: Source, file_hash: str | None = None) -> Decoded:
        """Decrypt and check a bundle (nothing is written)."""
        return importer.decode(
            fh, hq_key=self.hq_key, known_schemas=self.known_schemas, file_hash=file_hash
        )

    def import_path(self, path: Path) -> list[BundleOutcome]:
        """One file's outcome, then the held bundles it completed the chain for."""
        try:
            with bounded.open_input(path, MAX_BUNDLE_BYTES) as fh:
                outcome = self.import_source(str(path), fh, fh.size)
        except SyncError as exc:  # not a regular file, too large, unreadable
            return [self.refuse_unread(str(path), exc)]
        return [outcome, *outcome.released]

    def import_source(
        self, name: str, fh: Source, size: int, *, rehearse: bool = False
    ) -> BundleOutcome:
        """Import the bundle read from ``fh`` (``size`` bytes, seekable). ``rehearse``: run
        every check and the whole merge, then roll it all back (nothing is written or logged),
        so the outcome says exactly what an import would do."""
        outcome = BundleOutcome(file=name)
        try:
            if size > MAX_BUNDLE_BYTES:
                raise importer.too_large_file()
            outcome.file_hash = sha256_of(fh)
            with self.ctx.store.read() as s:
                if importer.recognise(s, outcome):
                    return outcome
            decoded = self.decode(fh, outcome.file_hash)
            outcome.manifest = decoded.manifest
            outcome.station, outcome.sequence = decoded.manifest.station, decoded.manifest.sequence
            self._apply(HeldFile(fh, size), decoded, outcome, rehearse=rehearse)
        except SyncError as exc:
            outcome.refuse(exc)
            if not rehearse:
                self._log_refusal(outcome)
            return outcome
        if outcome.status == ImportStatus.ACCEPTED and outcome.station and not rehearse:
            outcome.released = self.release_held(outcome.station)
        return outcome

    def release_held(self, station: str) -> list[BundleOutcome]:
        """Apply held bundles of a station whose predecessor has now arrived, in order; the
        outcomes end with the first one refused, if any."""
        applied: list[BundleOutcome] = []
        while True:
            with self.ctx.store.read() as s:
                nxt = importer.next_held(s, station)
                if nxt is None or nxt.content is None:
                    return applied
                data, sequence, file_hash = nxt.content, nxt.sequence, nxt.file_hash
            outcome = BundleOutcome(file=f"held:{station}#{sequence}", file_hash=file_hash)
            applied.append(outcome)
            try:
                source = io.BytesIO(data)
                decoded = self.decode(source, file_hash)
                outcome.station, outcome.sequence = station, decoded.manifest.sequence
                self._apply(HeldFile(source, len(data)), decoded, outcome, from_held=True)
            except SyncError as exc:
                self._log_refusal(outcome.refuse(exc))
                return applied

    def _apply(
        self,
        held_file: HeldFile,
        d: Decoded,
        outcome: BundleOutcome,
        *,
        from_held: bool = False,
        rehearse: bool = False,
    ) -> None:
        """One bundle, one transaction: applied and logged together, or not at all."""
        try:
            with self.ctx.unit_of_work() as s:
                if importer.apply(s, d, held_file, outcome, from_held=from_held):
                    self._log(s, outcome)
                if rehearse:
                    raise _Rehearsed
        except _Rehearsed:
            return  # everything checked and merged, then rolled back
        # The store refused a row (bulk writes on SQLite raise the driver's own error): the
        # transaction is rolled back; say so instead of stopping the whole import run.
        except (IntegrityError, sqlite3.IntegrityError) as exc:
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
            raise importer.store_conflict(d.manifest, detail) from None

    def _log(self, s: Session, o: BundleOutcome) -> None:
        """The import log's row and the audit entry for one attempt, in the caller's unit of
        work."""
        s.add(
            SyncImportLog(
                at=utcnow(),
                actor=self.ctx.actor.username,
                file_name=o.file[-255:],
                file_hash=o.file_hash,
                station_code=o.station,
                sequence=o.sequence,
                outcome=o.status.value,
                code=o.code,
                message=o.message,
            )
        )
        self.ctx.audit(
            s,
            AuditAction.BUNDLE_IMPORTED,
            details={"file": o.file[-120:], "station": o.station, "sequence": o.sequence,
                     "outcome": o.status.value, "code": o.code, "counts": o.counts},
        )  # fmt: skip

    def refuse_unread(self, name: str, exc: SyncError) -> BundleOutcome:
        """A file refused before it could be read (too large, unreadable), logged like the
        rest."""
        outcome = BundleOutcome(file=name).refuse(exc)
        self._log_refusal(outcome)
        return outcome

    def _log_refusal(self, o: BundleOutcome) -> None:
        with self.ctx.unit_of_work() as s:
            self._log(s, o)


def import_bundles(
    ctx: DeskContext, paths: Iterable[Path], progress: Progress | None = None
) -> list[BundleOutcome]:
    """Import every bundle in ``paths`` (folders are searched), in order, each in its own unit
    of work; a refused one is reported and the rest go on."""
    intake = _Intake(ctx)
    files = bundle_files(paths)
    outcomes: list[BundleOutcome] = []
    for index, path in enumerate(files):
        if progress is not None:
            progress(index, len(files), path.name)
        outcomes += intake.import_path(path)
    if any(o.status == ImportStatus.ACCEPTED for o in outcomes):
        # Make merged complaints findable by words now, outside the bundles' transactions so a
        # merge never waits on the full-text index.
        with ctx.unit_of_work() as s:
            search.catch_up(s)
    if progress is not None:
        progress(len(files), len(files), "")
    return outcomes


class BundleKeyState(StrEnum):
    """Whose key signed a bundle, as the import would decide it."""

    BOUND = "bound"  # the station's key, bound at headquarters
    NEW_ENROLLED = "new_enrolled"  # proven by a pending enrollment: bound on first import
    REVOKED = "revoked"
    OTHER_STATION = "other_station"
    UNKNOWN = "unknown"


def _key_state(ctx: DeskContext, m: Manifest) -> BundleKeyState:
    """Whose key signed the bundle, decided as the import decides it (sync/station_trust.py)."""
    with ctx.store.read() as s:
        key = s.get(SyncStationKey, m.key_id)
        enrollment = s.get(SyncEnrollment, m.enrollment_id)
    if key is not None:
        if key.revoked_at:
            return BundleKeyState.REVOKED
        return (
            BundleKeyState.BOUND if key.station_code == m.station else BundleKeyState.OTHER_STATION
        )
    if (
        enrollment is not None
        and enrollment.station_code == m.station
        and enrollment_file.proof_ok(
            enrollment.secret,
            m.station,
            m.enrollment_id,
            keys.unb64(m.public_key),
            m.enrollment_proof,
        )
    ):
        # As the importer decides: an enrollment binds one key; used without one, withdrawn.
        if enrollment.used_at is None:
            return BundleKeyState.NEW_ENROLLED
        if enrollment.key_id is None:
            return BundleKeyState.REVOKED
    return BundleKeyState.UNKNOWN


@dataclass(frozen=True)
class Verification:
    ok: bool
    station: str | None
    sequence: int | None
    records: int
    audit_entries: int
    created_at: datetime | None
    key_id: str | None
    key_status: BundleKeyState | str  # "-" when the bundle could not be read
    message: str
    would: ImportStatus = ImportStatus.REFUSED  # what an import would do
    code: str | None = None  # the refusal's code
    params: dict[str, Any] = field(default_factory=dict)  # and what its sentence names


def verify_bundle(ctx: DeskContext, path: Path) -> Verification:
    """Check a bundle (decrypt, structure, signature, key, members) without merging anything."""
    intake = _Intake(ctx)
    try:
        with bounded.open_input(path, MAX_BUNDLE_BYTES) as fh:
            # Every check the import runs, and the merge itself, rolled back afterwards.
            would = intake.import_source(str(path), fh, fh.size, rehearse=True)
            if would.status == ImportStatus.REFUSED:
                return Verification(
                    False, would.station, would.sequence, 0, 0, None, None, "-",
                    bounded.named(path, would.message), code=would.code, params=would.params,
                )  # fmt: skip
            # Decoded already, unless recognised by its hash as imported before.
            m = would.manifest or intake.decode(fh).manifest
    except SyncError as exc:
        return Verification(
            False, None, None, 0, 0, None, None, "-", bounded.named(path, exc.message),
            code=exc.code, params=exc.params,
        )  # fmt: skip
    key_status = _key_state(ctx, m)
    intact = _("The bundle is intact and signed by {code}'s key ({status}).").format(
        code=m.station, status=key_status
    )
    if would.status == ImportStatus.HELD:
        then = would.message
    elif would.status == ImportStatus.ALREADY_IMPORTED:
        then = _("It was imported before; importing it again changes nothing.")
    else:
        counts = {k: would.counts.get(k, 0) for k in ("new", "updated", "unchanged", "conflicts")}
        then = _(
            "Importing it would merge {new} new, {updated} updated, {unchanged} unchanged, "
            "{conflicts} conflicts."
        ).format(**counts)
    return Verification(
        True,
        m.station,
        m.sequence,
        m.change_count,
        m.audit_count,
        m.created_at,
        m.key_id,
        key_status,
        f"{intact} {then}",
        would=would.status,
        code=None,
    )


@dataclass(frozen=True)
class OpenedFiles:
    paths: list[Path]
    key_bound: bool  # False: the key file comes from the bundle itself, not from our registry


def open_bundle(ctx: DeskContext, path: Path, out_dir: Path) -> OpenedFiles:
    """Write the decrypted, still-signed content of a bundle, plus the station's public key, so
    someone without CPLC Desk can check the signature with OpenSSL.

    The key comes from headquarters' registry when it is bound to the station. Before the first
    import it can only come from the bundle, and then a passing check proves the bundle intact,
    not who made it: the file name says so (``-UNBOUND``).
    """
    intake = _Intake(ctx)
    written = []
    try:
        with bounded.open_input(path, MAX_BUNDLE_BYTES) as fh:
            decoded = intake.decode(fh)
            m = decoded.manifest
            with ctx.store.read() as s:
                bound = s.get(SyncStationKey, m.key_id)
            raw_key = keys.unb64(bound.public_key if bound is not None else m.public_key)
            out_dir.mkdir(parents=True, exist_ok=True)
            for name in decoded.opened.zip.namelist():
                target = out_dir / name  # names were checked against a fixed list
                write_stream_atomically(target, decoded.opened.member_blocks(name), mode=0o600)
                written.append(target)
    except SyncError as exc:
        raise ServiceError(bounded.named(path, exc.message), code=exc.code, **exc.params) from None
    except OSError as exc:
        raise ServiceError(
            _("Cannot write to {folder}: {reason}.").format(folder=out_dir, reason=exc.strerror)
        ) from None
    bound_here = bound is not None and bound.station_code == m.station
    suffix = "" if bound_here else "-UNBOUND"
    key_file = out_dir / f"station-{m.station}-{m.key_id}{suffix}.pem"
    write_atomically(key_file, keys.public_pem(keys.ed25519_public(raw_key)))
    written.append(key_file)
    with ctx.unit_of_work() as s:
        ctx.audit(
            s,
            AuditAction.BUNDLE_OPENED,
            details={"station": m.station, "sequence": m.sequence, "out": str(out_dir)},
        )
    return OpenedFiles(written, bound_here)
