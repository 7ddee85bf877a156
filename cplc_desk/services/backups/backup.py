"""Backups of the desk's store and restoring one.

A backup is a consistent copy made with SQLite's online backup API (other connections may keep
writing), written to a temporary file, verified (integrity check, audit chain, desk identity)
and only then renamed to its final name, so a file under a backup's name is always a good one.
The desk keeps the newest ``keep`` backups in its backups folder (files named
``cplc-backup-*.sqlite3``; the ``before-upgrade-*`` and ``before-restore-*`` copies beside them
are never pruned) and, if a second folder (a USB stick) is set, a sealed (encrypted) copy there:
see :mod:`cplc_desk.services.backups.backup_seal`.

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
from datetime import datetime, timedelta
from pathlib import Path

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.backups import backup_seal, server_backup
from cplc_desk.services.backups.backup_files import (
    MAX_BACKUP_BYTES,
    PLAIN_SUFFIX,
    PREFIX,
    SEALED_SUFFIX,
    BackupError,
    BackupInfo,
    BackupResult,
    RestoreResult,
    audit_restored,
    local_key_or_refuse,
    move_private,
    online_copy,
    prune,
    put_back_keys,
    seal_to,
    sealed_name,
    stamp,
    take_back_keys,
    verify_file,
    with_record_counts,
)
from cplc_desk.services.backups.backup_settings import (
    BackupSettings,
    last_backup_at,
    load_settings,
    note_backup_written,
    recovery_code,
    save_settings,
)
from cplc_desk.services.desk.context import (
    DeskContext,
    DeskIdentity,
    PermissionDeniedError,
    ServiceError,
    open_desk,
)
from cplc_desk.storage.types import utcnow
from cplc_desk.sync import bounded
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.files import create_private, fsync_dir

__all__ = [
    "PLAIN_SUFFIX",
    "PREFIX",
    "SEALED_SUFFIX",
    "BackupError",
    "BackupInfo",
    "BackupResult",
    "BackupSettings",
    "RestoreResult",
    "backup_if_due",
    "last_backup_at",
    "list_backups",
    "load_settings",
    "recovery_code",
    "restore",
    "save_settings",
    "verify_file",
    "write_backup",
]

log = logging.getLogger(__name__)

DAY = timedelta(days=1)


# ------------------------------------------------------------------ writing


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
        return _write_server_backup(ctx, out, sealed=sealed, reason=reason)
    started = time.perf_counter()
    now = utcnow()
    ctx.paths.backups.mkdir(parents=True, exist_ok=True)
    name = f"{PREFIX}{identity.code}-{stamp(now)}{PLAIN_SUFFIX}"
    work = ctx.paths.backups / f".{name}.{uuid.uuid4().hex[:8]}.partial"
    try:
        create_private(work)
        online_copy(ctx.paths.database, work)
        info = verify_file(work)
        if out is None:
            result = _rotate_in(ctx, work, name, now, info)
        else:
            target = seal_to(ctx, work, out, now) if sealed else move_private(work, out)
            result = BackupResult(path=target, size=0, info=info, seconds=0.0)
    finally:
        work.unlink(missing_ok=True)
    result.size = result.path.stat().st_size
    _audit_written(ctx, result, reason=reason, plain_out=plain_out, now=now)
    log.info(
        "%s written: %s (%d bytes, %s)",
        "plain backup" if plain_out else "backup",
        result.path.name,
        result.size,
        reason,
    )
    result.seconds = time.perf_counter() - started
    return result


def _rotate_in(
    ctx: DeskContext, work: Path, name: str, now: datetime, info: BackupInfo
) -> BackupResult:
    """Put the verified copy ``work`` into the backups folder as ``name``, prune the rotated
    ones, and seal a copy into the second folder if one is set. The result's size and seconds
    are filled in by the caller."""
    settings = load_settings(ctx)
    target = ctx.paths.backups / name
    os.replace(work, target)
    fsync_dir(target.parent)
    result = BackupResult(path=target, size=0, info=info, seconds=0.0)
    result.removed = prune(ctx.paths.backups, settings.keep, PLAIN_SUFFIX)
    if settings.second_folder is not None:
        try:
            result.copy = seal_to(ctx, target, settings.second_folder / sealed_name(name), now)
            result.removed += prune(settings.second_folder, settings.keep, SEALED_SUFFIX)
        except OSError as exc:
            # A missing stick must not cost the local backup: say so and go on.
            result.copy_error = _copy_failed(settings, exc)
    return result


def _copy_failed(settings: BackupSettings, exc: OSError) -> str:
    return _("The copy to {folder} failed: {reason}").format(
        folder=settings.second_folder, reason=exc.strerror or exc
    )


def _audit_written(
    ctx: DeskContext, result: BackupResult, *, reason: str, plain_out: bool, now: datetime
) -> None:
    target, size, info, copy = result.path, result.size, result.info, result.copy
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
                    "copy_failed": result.copy_error is not None,
                    "audit_entries": info.audit_entries,
                },
            )
        note_backup_written(s, now)


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


def list_backups(ctx: DeskContext) -> list[Path]:
    return sorted(ctx.paths.backups.glob(f"{PREFIX}*{PLAIN_SUFFIX}"), reverse=True)


def backup_if_due(ctx: DeskContext, max_age: timedelta = DAY) -> BackupResult | None:
    """The daily backup: written if the last one is older than ``max_age`` (or there is none)."""
    if ctx.identity() is None:
        return None
    last = last_backup_at(ctx)
    if last is not None and utcnow() - last < max_age:
        return None
    return write_backup(ctx, reason="daily")


# ------------------------------------------------------------------ restoring


def restore(
    ctx: DeskContext,
    file: Path,
    *,
    other_desk: bool = False,
    key_code: str | None = None,
    replace: bool = False,
) -> RestoreResult:
    """Replace the store with a verified backup; the current store is kept aside.

    Into a desk not set up yet (a replacement PC) anyone may restore: there is nothing to
    protect there, and a sealed backup opens only with the desk's key.
    """
    if ctx.identity() is not None:
        ctx.require(Permission.RESTORE)
    try:
        # A regular file of a sane size (not a folder, a pipe or a device that never ends);
        # what is read from it below is streamed, never held whole.
        with bounded.open_input(file, MAX_BACKUP_BYTES):
            pass
    except SyncError as exc:
        raise ServiceError(exc.message) from None
    if not ctx.store.is_sqlite:
        return server_backup.restore(ctx, file, key_code=key_code, replace=replace)
    current = ctx.identity()
    work = ctx.paths.data_dir / f".restore-{uuid.uuid4().hex[:8]}.partial"
    carried: dict[str, bytes] = {}
    restored: tuple[str, ...] = ()
    try:
        create_private(work)  # the unsealed copy is the whole store in the clear
        carried = _unsealed_copy(ctx, file, work, key_code)
        info = with_record_counts(work, verify_file(work, shown_as=file.name))
        _check_desk(info, current, other_desk)
        # The keys go in before the store: a desk whose restored store is in place is set up,
        # and one left without its keys (a crash here) could not sign or open anything.
        restored, kept = put_back_keys(ctx, carried)
        aside = _swap_in(ctx, work)
    except BaseException:
        take_back_keys(ctx, restored)
        raise
    finally:
        work.unlink(missing_ok=True)
    _reopen(ctx, aside, restored)
    other_desk = current is not None and info.desk_code != current.code
    audit_restored(ctx, file, info, restored, kept, other_desk=other_desk, kept_aside=aside.name)
    log.info("backup restored: %s (current store kept as %s)", file.name, aside.name)
    return RestoreResult(info, aside, info.revision, restored, kept, tuple(sorted(carried)))


def _unsealed_copy(
    ctx: DeskContext, file: Path, work: Path, key_code: str | None
) -> dict[str, bytes]:
    """Copy the backup ``file`` into the private file ``work``, unsealed if it is sealed;
    return the key files a sealed backup carried."""
    carried: dict[str, bytes] = {}
    try:
        if backup_seal.is_sealed(file):
            key = (
                backup_seal.decode_recovery_code(key_code) if key_code else local_key_or_refuse(ctx)
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
    return carried


def _check_desk(info: BackupInfo, current: DeskIdentity | None, other_desk: bool) -> None:
    """Refuse another desk's backup unless ``other_desk``."""
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


def _reopen(ctx: DeskContext, aside: Path, restored: tuple[str, ...]) -> None:
    """Open the restored store; if it cannot be opened, put the store kept ``aside`` back."""
    try:
        reopened = open_desk(ctx.paths, actor=ctx.actor)
    except Exception:
        # The backup verified but cannot be opened (its upgrade failed): put the store back.
        failed = aside.with_name(aside.name.replace("before-restore-", "failed-restore-"))
        os.replace(ctx.paths.database, failed)
        os.replace(aside, ctx.paths.database)
        take_back_keys(ctx, restored)
        ctx.store = open_desk(ctx.paths, actor=ctx.actor).store
        ctx.forget_identity()
        raise
    ctx.store, ctx.migration = reopened.store, reopened.migration
    ctx.forget_identity()


def _swap_in(ctx: DeskContext, verified: Path) -> Path:
    database = ctx.paths.database
    aside = ctx.paths.backups / f"before-restore-{stamp(utcnow())}{PLAIN_SUFFIX}"
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


# ------------------------------------------------------------------ on a PostgreSQL server


def _write_server_backup(
    ctx: DeskContext, out: Path | None, *, sealed: bool, reason: str
) -> BackupResult:
    """Headquarters on a server: ``pg_dump``, sealed with headquarters' keys
    (:mod:`cplc_desk.services.backups.server_backup`)."""
    if not sealed:
        raise ServiceError(
            _(
                "A server backup is always sealed: it carries headquarters' keys. Leave out "
                "--plain (the server's administrator can run pg_dump for a plain copy)."
            ),
            code="server_backup",
        )
    started = time.perf_counter()
    now = utcnow()
    path, info = server_backup.write(ctx, out, now)
    result = BackupResult(path=path, size=path.stat().st_size, info=info, seconds=0.0)
    if out is None:  # rotated in the backups folder, and copied to the second folder if set
        settings = load_settings(ctx)
        result.removed = prune(ctx.paths.backups, settings.keep, SEALED_SUFFIX)
        if settings.second_folder is not None:
            try:
                result.copy = server_backup.copy_to(settings.second_folder, path)
                result.removed += prune(settings.second_folder, settings.keep, SEALED_SUFFIX)
            except OSError as exc:
                result.copy_error = _copy_failed(settings, exc)
    _audit_written(ctx, result, reason=reason, plain_out=False, now=now)
    log.info("server backup written: %s (%d bytes, %s)", path.name, result.size, reason)
    result.seconds = time.perf_counter() - started
    return result
