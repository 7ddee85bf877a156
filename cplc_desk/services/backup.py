"""Backups of the desk's store and restoring one.

A backup is a consistent copy made with SQLite's online backup API (other connections may keep
writing), written to a temporary file, verified (integrity check, audit chain, desk identity)
and only then renamed to its final name, so a file under a backup's name is always a good one.
The desk keeps the newest ``keep`` backups in its backups folder (files named
``cplc-backup-*.sqlite3``; the ``before-upgrade-*`` and ``before-restore-*`` copies beside them
are never pruned) and, if a second folder (a USB stick) is set, a sealed (encrypted) copy there:
see :mod:`cplc_desk.services.backup_seal`.

Every plain copy of the store this module writes (the temporary copy, the backups folder's files,
a plain ``--out`` file, the unsealed copy a restore checks) is created readable by the desk's user
only before any data goes into it (:func:`cplc_desk.sync.files.create_private`), and a
temporary one is removed on every path out. A plain copy written where the person chooses needs
``plain_backup`` (a supervisor's) and is audited as ``backup.plain_written``.

Restoring keeps the current store aside under ``backups/before-restore-*.sqlite3`` (renamed,
never deleted), refuses another desk's backup unless asked, refuses a damaged or unverifiable
one before touching anything, and migrates a backup made by an older version.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services import backup_seal
from cplc_desk.services.context import (
    DeskContext,
    PermissionDeniedError,
    ServiceError,
    open_desk,
)
from cplc_desk.storage import audit, migrate
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.db import sqlite_url
from cplc_desk.storage.models import StoreMeta
from cplc_desk.storage.types import utcnow
from cplc_desk.sync import bounded, keys
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.files import create_private, fsync_dir

log = logging.getLogger(__name__)

PREFIX = "cplc-backup-"
PLAIN_SUFFIX = ".sqlite3"
SEALED_SUFFIX = ".cplcbak"
DEFAULT_KEEP = 14
# A station's store is tens of MB, headquarters' a few GB after a decade.
MAX_BACKUP_BYTES = 64 << 30
DAY = timedelta(days=1)
_KEEP_KEY = "backup.keep"
_FOLDER_KEY = "backup.second_folder"
_LAST_KEY = "backup.last_at"


class BackupError(ServiceError):
    """A backup that cannot be trusted: damaged, unverifiable, or not a desk's store."""


@dataclass(frozen=True)
class BackupSettings:
    keep: int = DEFAULT_KEEP
    second_folder: Path | None = None


@dataclass(frozen=True)
class BackupInfo:
    """What verifying a backup file found in it."""

    desk_kind: str
    desk_code: str
    site_id: str
    revision: str | None
    audit_entries: int
    complaints: int = 0  # live (not deleted) records, counted by a restore only
    vehicle_reports: int = 0


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
    kept_aside: Path
    migrated_from: str | None
    keys_restored: tuple[str, ...] = ()  # key files this desk lacked, put back from the backup
    keys_kept: tuple[str, ...] = ()  # key files this desk holds that differ from the backup's
    keys_carried: tuple[str, ...] = ()  # every key file the backup held (none: plain or old)


# The desk's key files a sealed backup carries (only these names are ever written back).
KEY_FILES = (keys.HQ_SIGNING, keys.HQ_ENCRYPTION, keys.STATION_SIGNING, backup_seal.KEY_FILE)


# ------------------------------------------------------------------ settings


def load_settings(ctx: DeskContext) -> BackupSettings:
    with ctx.store.read() as s:
        keep = store_meta.get_int(s, _KEEP_KEY, DEFAULT_KEEP, 1, 10_000)
        folder = store_meta.get(s, _FOLDER_KEY) or None
    return BackupSettings(keep=keep, second_folder=Path(folder) if folder else None)


def save_settings(ctx: DeskContext, settings: BackupSettings) -> None:
    ctx.require(Permission.BACKUP)
    if settings.keep < 1:
        raise ServiceError(_("Keep at least one backup."))
    with ctx.unit_of_work() as s:
        store_meta.put(s, _KEEP_KEY, str(settings.keep))
        store_meta.put(s, _FOLDER_KEY, str(settings.second_folder or ""))


def last_backup_at(ctx: DeskContext) -> datetime | None:
    with ctx.store.read() as s:
        row = s.get(StoreMeta, _LAST_KEY)
    return datetime.fromisoformat(row.value) if row else None


def recovery_code(ctx: DeskContext) -> str:
    """The desk's backup key as a code to keep on paper (needed to open the USB copies on
    another machine)."""
    ctx.require(Permission.RESTORE)
    key = backup_seal.load_or_create_key(ctx.paths.keys)
    # Whoever holds the code and a stick holds the desk: who read it is part of the trail.
    with ctx.unit_of_work() as s:
        ctx.audit(s, AuditAction.BACKUP_KEY_SHOWN, details={"key_id": backup_seal.key_id(key)})
    return backup_seal.recovery_code(key)


# ------------------------------------------------------------------ writing


def _stamp(now: datetime) -> str:
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
    if breaks:
        first = breaks[0]
        raise BackupError(
            _(
                "The backup's audit trail does not verify (desk {desk}, entry {seq}: {reason}). "
                "It may have been tampered with; use another backup."
            ).format(desk=first.desk_code, seq=first.seq, reason=first.reason)
        )
    return BackupInfo(str(desk[0]), str(desk[1]), str(desk[2]), revision, int(entries))


def _with_record_counts(path: Path, info: BackupInfo) -> BackupInfo:
    """``info`` with the live records counted: for telling the person what a restore brought
    back (not done for every backup written, where nobody reads them)."""
    conn = sqlite3.connect(path)
    try:
        complaints, vehicles = (
            int(conn.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0])
            for t in ("complaint", "vehicle_report")
        )
    finally:
        conn.close()
    return replace(info, complaints=complaints, vehicle_reports=vehicles)


AUTOMATIC_REASONS = frozenset({"daily", "close"})


def write_backup(
    ctx: DeskContext, out: Path | None = None, *, sealed: bool = True, reason: str = "manual"
) -> BackupResult:
    """Write a verified backup: into the backups folder (rotated, plus a sealed copy in the
    second folder if set), or to ``out`` (sealed unless ``sealed`` is False).

    The automatic backups (``reason`` "daily" or "close") are the desk's, not a person's: they
    run whoever is signed in, or nobody (a locked window being closed), and are audited so.
    """
    if reason not in AUTOMATIC_REASONS:
        ctx.require(Permission.BACKUP)
    plain_out = out is not None and not sealed
    if plain_out:
        _require_plain(ctx)
    identity = ctx.require_identity()
    if not ctx.store.is_sqlite:
        raise ServiceError(_("Backups of a PostgreSQL store are made with the server's tools."))
    started = time.perf_counter()
    now = utcnow()
    settings = load_settings(ctx)
    ctx.paths.backups.mkdir(parents=True, exist_ok=True)
    name = f"{PREFIX}{identity.code}-{_stamp(now)}{PLAIN_SUFFIX}"
    work = ctx.paths.backups / f".{name}.{uuid.uuid4().hex[:8]}.partial"
    copy: Path | None = None
    copy_error: str | None = None
    removed: list[Path] = []
    try:
        create_private(work)
        online_copy(ctx.paths.database, work)
        info = verify_file(work)
        if out is None:
            target = ctx.paths.backups / name
            os.replace(work, target)
            fsync_dir(target.parent)
            removed = prune(ctx.paths.backups, settings.keep, PLAIN_SUFFIX)
            if settings.second_folder is not None:
                try:
                    copy = _seal_to(ctx, target, settings.second_folder / _sealed_name(name), now)
                    removed += prune(settings.second_folder, settings.keep, SEALED_SUFFIX)
                except OSError as exc:
                    # A missing stick must not cost the local backup: say so and go on.
                    copy_error = _("The copy to {folder} failed: {reason}").format(
                        folder=settings.second_folder, reason=exc.strerror or exc
                    )
        elif sealed:
            target = _seal_to(ctx, work, out, now)
        else:
            target = _move_private(work, out)
    finally:
        work.unlink(missing_ok=True)
    size = target.stat().st_size
    with ctx.unit_of_work() as s:
        if plain_out:
            # Where the store went in the clear (the name and folder, never what it holds).
            ctx.audit(
                s,
                AuditAction.PLAIN_BACKUP_WRITTEN,
                details={
                    "file": target.name,
                    "folder": str(target.parent),
                    "size": size,
                    "reason": reason,
                    "audit_entries": info.audit_entries,
                },
            )
        else:
            ctx.audit(
                s,
                AuditAction.BACKUP_WRITTEN,
                details={
                    "file": target.name,
                    "size": size,
                    "reason": reason,
                    "sealed": target.suffix == SEALED_SUFFIX,
                    "copy": copy.name if copy else None,
                    "copy_failed": copy_error is not None,
                    "audit_entries": info.audit_entries,
                },
            )
        store_meta.put(s, _LAST_KEY, now.isoformat())
    log.info(
        "%s written: %s (%d bytes, %s)",
        "plain backup" if plain_out else "backup",
        target.name,
        size,
        reason,
    )
    return BackupResult(
        path=target,
        size=size,
        info=info,
        seconds=time.perf_counter() - started,
        copy=copy,
        copy_error=copy_error,
        removed=removed,
    )


def _require_plain(ctx: DeskContext) -> None:
    """A plain copy leaving the backups folder is a supervisor's (headquarters: an
    administrator's) decision; anyone else is pointed at the sealed one. The refusal is audited
    (``permission.denied``) like any other."""
    try:
        ctx.require(Permission.PLAIN_BACKUP)
    except PermissionDeniedError:
        if not ctx.actor.signed_in:
            raise
        identity = ctx.identity()
        if identity is not None and not identity.is_station:
            message = _(
                "Only an administrator may write a plain (unencrypted) backup. Leave out "
                "--plain: the sealed backup (the default) is the one to make."
            )
        else:
            message = _(
                "Only a supervisor may write a plain (unencrypted) backup. Leave out --plain: "
                "the sealed backup (the default) is the one to make."
            )
        raise PermissionDeniedError(message) from None


def _move_private(work: Path, out: Path) -> Path:
    """Put the verified private copy ``work`` at ``out``: renamed when it can be (the same
    disk), else copied into a file made private before the first byte goes in (never
    ``shutil.move``, whose copy is readable by all until its mode is copied at the end)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        try:
            os.replace(work, partial)
        except OSError:  # another disk (a USB stick)
            create_private(partial)
            with work.open("rb") as src, partial.open("r+b") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    fsync_dir(out.parent)
    return out


def _sealed_name(plain_name: str) -> str:
    return plain_name.removesuffix(PLAIN_SUFFIX) + SEALED_SUFFIX


def _seal_to(ctx: DeskContext, plain: Path, target: Path, now: datetime) -> Path:
    identity = ctx.require_identity()
    key = backup_seal.load_or_create_key(ctx.paths.keys)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        # Sealed, yet private too: it carries the desk's keys, if only under the cipher.
        create_private(partial)
        with partial.open("r+b") as fh:
            backup_seal.seal_file(
                plain,
                fh,
                key,
                desk_code=identity.code,
                site_id=identity.site_id,
                created_at=now.isoformat(),
                keys=_key_files(ctx),
            )
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    fsync_dir(target.parent)
    return target


def _key_files(ctx: DeskContext) -> dict[str, bytes]:
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


def list_backups(ctx: DeskContext) -> list[Path]:
    return sorted(ctx.paths.backups.glob(f"{PREFIX}*{PLAIN_SUFFIX}"), reverse=True)


def backup_if_due(ctx: DeskContext, max_age: timedelta = DAY) -> BackupResult | None:
    """The daily backup: written if the last one is older than ``max_age`` (or there is none)."""
    if ctx.identity() is None or not ctx.store.is_sqlite:
        return None
    last = last_backup_at(ctx)
    if last is not None and utcnow() - last < max_age:
        return None
    return write_backup(ctx, reason="daily")


# ------------------------------------------------------------------ restoring


def restore(
    ctx: DeskContext, file: Path, *, other_desk: bool = False, key_code: str | None = None
) -> RestoreResult:
    """Replace the store with a verified backup; the current store is kept aside.

    Into a desk not set up yet (a replacement PC) anyone may restore: there is nothing to
    protect there, and a sealed backup opens only with the desk's key.
    """
    if ctx.identity() is not None:
        ctx.require(Permission.RESTORE)
    if not ctx.store.is_sqlite:
        raise ServiceError(_("A PostgreSQL store is restored with the server's tools."))
    try:
        # A regular file of a sane size (not a folder, a pipe or a device that never ends);
        # what is read from it below is streamed, never held whole.
        with bounded.open_input(file, MAX_BACKUP_BYTES):
            pass
    except SyncError as exc:
        raise ServiceError(exc.message) from None
    current = ctx.identity()
    work = ctx.paths.data_dir / f".restore-{uuid.uuid4().hex[:8]}.partial"
    carried: dict[str, bytes] = {}
    restored: tuple[str, ...] = ()
    try:
        try:
            create_private(work)  # the unsealed copy is the whole store in the clear
            if backup_seal.is_sealed(file):
                key = (
                    backup_seal.decode_recovery_code(key_code)
                    if key_code
                    else _local_key_or_refuse(ctx)
                )
                with work.open("r+b") as fh:
                    _header, carried = backup_seal.open_file(file, fh, key)
            else:
                with file.open("rb") as src, work.open("r+b") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        except backup_seal.SealError as exc:
            raise BackupError(str(exc)) from None
        except OSError as exc:
            raise BackupError(
                _("Cannot read {name}: {reason}. Check the USB stick and try again.").format(
                    name=file.name, reason=exc.strerror or exc
                )
            ) from None
        info = _with_record_counts(work, verify_file(work, shown_as=file.name))
        if (
            current is not None
            and (info.desk_code, info.site_id) != (current.code, current.site_id)
            and not other_desk
        ):
            raise BackupError(
                _(
                    "This backup belongs to desk {theirs}, not to this desk ({ours}). Nothing "
                    "was changed. To restore it here anyway, add --other-desk."
                ).format(
                    theirs=f"{info.desk_code}/{info.site_id[:8]}",
                    ours=f"{current.code}/{current.site_id[:8]}",
                )
            )
        # The keys go in before the store: a desk whose restored store is in place is set up,
        # and one left without its keys (a crash here) could not sign or open anything.
        restored, kept = _put_back_keys(ctx, carried)
        aside = _swap_in(ctx, work)
    except BaseException:
        _take_back_keys(ctx, restored)
        raise
    finally:
        work.unlink(missing_ok=True)
    try:
        reopened = open_desk(ctx.paths, actor=ctx.actor)
    except Exception:
        # The backup verified but cannot be opened (its upgrade failed): put the store back.
        failed = aside.with_name(aside.name.replace("before-restore-", "failed-restore-"))
        os.replace(ctx.paths.database, failed)
        os.replace(aside, ctx.paths.database)
        _take_back_keys(ctx, restored)
        ctx.store = open_desk(ctx.paths, actor=ctx.actor).store
        ctx.forget_identity()
        raise
    ctx.store, ctx.migration = reopened.store, reopened.migration
    ctx.forget_identity()
    with ctx.unit_of_work() as s:
        ctx.audit(
            s,
            AuditAction.BACKUP_RESTORED,
            details={
                "file": file.name,
                "desk": info.desk_code,
                "other_desk": current is not None and info.desk_code != current.code,
                "kept_aside": aside.name,
                "schema_from": info.revision,
                "keys_restored": list(restored),
                "keys_kept": list(kept),
            },
        )
    log.info("backup restored: %s (current store kept as %s)", file.name, aside.name)
    return RestoreResult(info, aside, info.revision, restored, kept, tuple(sorted(carried)))


def _put_back_keys(
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


def _take_back_keys(ctx: DeskContext, names: tuple[str, ...]) -> None:
    """The restore failed after putting keys back: remove exactly those (the desk had none)."""
    for name in names:
        (ctx.paths.keys / name).unlink(missing_ok=True)


def _local_key_or_refuse(ctx: DeskContext) -> bytes:
    if not (ctx.paths.keys / backup_seal.KEY_FILE).exists():
        raise BackupError(
            _(
                "This backup is sealed and this desk has no backup key. Give the key written "
                "down when the backups were set up: cplc-desk restore FILE --key CODE."
            )
        )
    return backup_seal.load_or_create_key(ctx.paths.keys)


def _swap_in(ctx: DeskContext, verified: Path) -> Path:
    database = ctx.paths.database
    aside = ctx.paths.backups / f"before-restore-{_stamp(utcnow())}{PLAIN_SUFFIX}"
    ctx.paths.backups.mkdir(parents=True, exist_ok=True)
    ctx.store.dispose()
    if database.exists():
        # Fold the write-ahead log into the file so what is kept aside is whole on its own.
        conn = sqlite3.connect(database)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        os.replace(database, aside)
        for suffix in ("-wal", "-shm"):
            extra = database.with_name(database.name + suffix)
            if extra.exists():
                os.replace(extra, aside.with_name(aside.name + suffix))
    os.replace(verified, database)
    fsync_dir(database.parent)
    return aside
