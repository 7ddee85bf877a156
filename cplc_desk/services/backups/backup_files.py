"""The files a backup is made of (see :mod:`cplc_desk.services.backups.backup`): their names,
a consistent private copy of the store, the sealed copy, pruning the rotated ones, and the desk's
key files a sealed backup carries and a restore puts back."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.services.backups import backup_seal
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage import audit, migrate
from cplc_desk.storage.db import sqlite_url
from cplc_desk.storage.kinds import KINDS
from cplc_desk.sync import keys
from cplc_desk.sync.files import fsync_dir, private_file_atomically

PREFIX = "cplc-backup-"
PLAIN_SUFFIX = ".sqlite3"
SEALED_SUFFIX = ".cplcbak"
# A station's store is tens of MB, headquarters' a few GB after a decade.
MAX_BACKUP_BYTES = 64 << 30


class BackupError(ServiceError):
    """A backup that cannot be trusted: damaged, unverifiable, or not a desk's store."""


@dataclass(frozen=True)
class BackupInfo:
    """What verifying a backup file found in it."""

    desk_kind: str
    desk_code: str
    site_id: str
    revision: str | None
    audit_entries: int
    # Live (not deleted) records of each registered kind, by its plural; counted by a restore only.
    records: dict[str, int] = field(default_factory=dict)

    @property
    def complaints(self) -> int:
        return self.records.get("complaints", 0)

    @property
    def vehicle_reports(self) -> int:
        return self.records.get("vehicle_reports", 0)


@dataclass
class BackupResult:
    path: Path
    size: int
    info: BackupInfo
    seconds: float
    copy: Path | None = None
    copy_error: str | None = None
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    kept_aside: Path | None  # None: a server's database that held no desk
    migrated_from: str | None
    keys_restored: tuple[str, ...] = ()  # key files this desk lacked, put back from the backup
    keys_kept: tuple[str, ...] = ()  # key files this desk holds that differ from the backup's
    keys_carried: tuple[str, ...] = ()  # every key file the backup held (none: plain or old)


# The desk's key files a sealed backup carries (only these names are ever written back).
KEY_FILES = (keys.HQ_SIGNING, keys.HQ_ENCRYPTION, keys.STATION_SIGNING, backup_seal.KEY_FILE)


def stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + f"{now.microsecond // 1000:03d}Z"


def online_copy(database: Path, target: Path) -> None:
    """A consistent copy of a live store (SQLite's backup API copies one snapshot even while
    others write), as one self-contained file (no write-ahead log beside it). ``target`` may be
    an empty file made beforehand (private, see :func:`create_private`): SQLite fills it and
    keeps its mode."""
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.commit()
        finally:
            dest.close()
    finally:
        source.close()
    with target.open("rb+") as fh:
        os.fsync(fh.fileno())


def verify_file(path: Path, shown_as: str | None = None) -> BackupInfo:
    """Open a backup (a private copy: it may be written to) and check it is a whole desk store
    with an untampered audit trail. Raises :class:`BackupError` saying what is wrong, naming the
    file as ``shown_as`` (the file the person chose, when ``path`` is a private copy of it)."""
    name = shown_as or path.name
    try:
        conn = sqlite3.connect(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                raise BackupError(
                    _("The backup is damaged ({detail}). Use another backup.").format(
                        detail=result[0]
                    )
                )
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"desk", "audit_log", "alembic_version"} <= tables:
                raise BackupError(_("This file is not a CPLC Desk backup."))
            revision_row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            desk = conn.execute("SELECT kind, code, site_id FROM desk").fetchone()
            entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("{name} is not a readable CPLC Desk backup ({reason}). Use another backup.").format(
                name=name, reason=exc
            )
        ) from None
    if desk is None:
        raise BackupError(_("The backup holds a desk that was never set up: nothing to restore."))
    revision = revision_row[0] if revision_row else None
    if revision is not None and revision not in migrate.known_revisions():
        raise BackupError(
            _(
                "The backup was made by a newer version of CPLC Desk (schema {rev}). Install "
                "that version to restore it."
            ).format(rev=revision)
        )
    engine = create_engine(sqlite_url(path))
    try:
        with Session(engine) as s:
            breaks = list(audit.verify_chain(s))
    finally:
        engine.dispose()
    refuse_broken_chain(
        breaks,
        _(
            "The backup's audit trail does not verify (desk {desk}, entry {seq}: {reason}). "
            "It may have been tampered with; use another backup."
        ),
    )
    return BackupInfo(str(desk[0]), str(desk[1]), str(desk[2]), revision, int(entries))


def refuse_broken_chain(breaks: list[audit.ChainBreak], message: str) -> None:
    """Refuse with ``message`` (naming the desk, entry and reason of the first break) when an
    audit trail has ``breaks``."""
    if breaks:
        first = breaks[0]
        raise BackupError(message.format(desk=first.desk_code, seq=first.seq, reason=first.reason))


def audit_restored(
    ctx: DeskContext,
    file: Path,
    info: BackupInfo,
    restored: tuple[str, ...],
    kept: tuple[str, ...],
    **where: object,
) -> None:
    """Record in the audit trail that the backup ``file`` was restored: the desk and schema it
    held, where the store it replaced went (``where``), and the key files it put back and
    those it kept."""
    with ctx.unit_of_work() as s:
        ctx.audit(
            s,
            AuditAction.BACKUP_RESTORED,
            details={
                "file": file.name,
                "desk": info.desk_code,
                **where,
                "schema_from": info.revision,
                "keys_restored": list(restored),
                "keys_kept": list(kept),
            },
        )


def with_record_counts(path: Path, info: BackupInfo) -> BackupInfo:
    """``info`` with the live records counted: for telling the person what a restore brought
    back (not done for every backup written, where nobody reads them)."""
    conn = sqlite3.connect(path)
    try:
        records = {
            k.plural: int(
                conn.execute(f"SELECT count(*) FROM {k.table} WHERE deleted_at IS NULL").fetchone()[
                    0
                ]
            )
            for k in KINDS
        }
    finally:
        conn.close()
    return replace(info, records=records)


def move_private(work: Path, out: Path) -> Path:
    """Put the verified private copy ``work`` at ``out``: renamed when it can be (the same
    disk), else copied into a file made private before the first byte goes in (never
    ``shutil.move``, whose copy is readable by all until its mode is copied at the end)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(work, out)
    except OSError:  # another disk (a USB stick)
        with work.open("rb") as src, private_file_atomically(out) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    fsync_dir(out.parent)
    return out


def sealed_name(plain_name: str) -> str:
    return plain_name.removesuffix(PLAIN_SUFFIX) + SEALED_SUFFIX


def seal_to(ctx: DeskContext, plain: Path, target: Path, now: datetime) -> Path:
    identity = ctx.require_identity()
    key = backup_seal.load_or_create_key(ctx.paths.keys)
    # Sealed, yet private too: it carries the desk's keys, if only under the cipher.
    with private_file_atomically(target) as fh:
        backup_seal.seal_file(
            plain,
            fh,
            key,
            desk_code=identity.code,
            site_id=identity.site_id,
            created_at=now.isoformat(),
            keys=key_files(ctx),
        )
    return target


def key_files(ctx: DeskContext) -> dict[str, bytes]:
    return {
        name: (ctx.paths.keys / name).read_bytes()
        for name in KEY_FILES
        if (ctx.paths.keys / name).is_file()
    }


def prune(folder: Path, keep: int, suffix: str) -> list[Path]:
    """Remove all but the newest ``keep`` of this desk's rotated backups; nothing else (the
    copies made before an upgrade or a restore are kept for good)."""
    ours = sorted(
        (p for p in folder.glob(f"{PREFIX}*{suffix}") if p.is_file()),
        key=lambda p: p.name.rsplit("-", 1)[-1],  # the time stamp, whatever the desk code
    )
    doomed = ours[: max(0, len(ours) - keep)]
    for p in doomed:
        p.unlink(missing_ok=True)
    return doomed


def put_back_keys(
    ctx: DeskContext, carried: dict[str, bytes]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Write the backup's key files this desk lacks (a replacement PC); a key the desk holds is
    never overwritten, even when it differs (the desk may have been enrolled again since)."""
    restored: list[str] = []
    kept: list[str] = []
    for name in KEY_FILES:
        if name not in carried:
            continue
        path = ctx.paths.keys / name
        if path.exists():
            if path.read_bytes() != carried[name]:
                kept.append(name)
            continue
        keys.write_private(path, carried[name])
        restored.append(name)
    if restored:
        fsync_dir(ctx.paths.keys)
    return tuple(restored), tuple(kept)


def take_back_keys(ctx: DeskContext, names: tuple[str, ...]) -> None:
    """The restore failed after putting keys back: remove exactly those (the desk had none)."""
    for name in names:
        (ctx.paths.keys / name).unlink(missing_ok=True)


def local_key_or_refuse(ctx: DeskContext) -> bytes:
    if not (ctx.paths.keys / backup_seal.KEY_FILE).exists():
        raise BackupError(
            _(
                "This backup is sealed and this desk has no backup key. Give the key written "
                "down when the backups were set up."
            ),
            code="backup_key_needed",
        )
    return backup_seal.load_or_create_key(ctx.paths.keys)
