"""Backups of a headquarters on a PostgreSQL server: ``pg_dump`` and ``pg_restore``.

A backup is ``pg_dump --format=custom`` of the store into a private temporary file, read back
with ``pg_restore --list``, then sealed with the desk's backup key together with headquarters'
key files (the same sealed format as a SQLite desk's sealed backups:
:mod:`cplc_desk.services.backups.backup_seal`), and the sealed file opened again before it gets
its final name. A restore unseals it, puts back the key files this workstation lacks, and runs
``pg_restore --clean --if-exists --single-transaction`` into the configured database, which must
hold no desk yet unless ``replace`` is given (then the database is first dumped to
``backups/before-restore-*.pgdump``); the audit chain is verified afterwards.

The server's password goes to the tools only as ``PGPASSWORD`` in the child's environment, never
on a command line or in a log; without one, libpq reads its password file itself.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, make_url, select

from cplc_desk.domain.i18n import _
from cplc_desk.services.backups import backup_seal
from cplc_desk.services.backups.backup_files import (
    PREFIX,
    SEALED_SUFFIX,
    BackupError,
    BackupInfo,
    RestoreResult,
    audit_restored,
    local_key_or_refuse,
    put_back_keys,
    refuse_broken_chain,
    seal_to,
    stamp,
    take_back_keys,
)
from cplc_desk.services.desk.context import DeskContext, open_desk
from cplc_desk.storage import audit
from cplc_desk.storage.models import AuditEntry
from cplc_desk.storage.types import utcnow
from cplc_desk.sync.files import create_private, fsync_dir

log = logging.getLogger(__name__)

DUMP_MAGIC = b"PGDMP"
DUMP_SUFFIX = ".pgdump"
TOOL_TIMEOUT_S = 6 * 3600  # a decade of headquarters is a few GB


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _(
                "{tool} was not found. Install the PostgreSQL client tools (the same major "
                "version as the server, or newer) and put their bin folder on PATH."
            ).format(tool=name),
            code="pg_tools_missing",
        )
    return found


def _environment(ctx: DeskContext) -> tuple[dict[str, str], str]:
    """The child's environment (the connection, the password as PGPASSWORD) and the database."""
    url = make_url(ctx.store.url)
    env = dict(os.environ)
    for var, value in (
        ("PGHOST", url.host),
        ("PGPORT", str(url.port) if url.port else None),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGCONNECT_TIMEOUT", "10"),
    ):
        if value:
            env[var] = value
    return env, str(url.database)


def _run(ctx: DeskContext, args: list[str]) -> str:
    env, _database = _environment(ctx)
    try:
        done = subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(
            _("{tool} could not be run: {reason}").format(tool=Path(args[0]).name, reason=exc)
        ) from None
    if done.returncode != 0:
        detail = (done.stderr or "").strip().splitlines()
        raise BackupError(
            _(
                "{tool} failed: {detail}. If it names a version mismatch, install client "
                "tools at least as new as the server."
            ).format(tool=Path(args[0]).name, detail=detail[-1] if detail else done.returncode)
        )
    return done.stdout


def _dump(ctx: DeskContext, target: Path) -> None:
    """``pg_dump`` the store into the private file ``target`` and read it back."""
    _env, database = _environment(ctx)
    _run(ctx, [_tool("pg_dump"), "--format=custom", f"--file={target}", database])
    _check_dump(ctx, target)


def _check_dump(ctx: DeskContext, path: Path) -> None:
    listing = _run(ctx, [_tool("pg_restore"), "--list", str(path)])
    if "TABLE DATA public audit_log" not in listing or "TABLE DATA public desk" not in listing:
        raise BackupError(_("This file is not a CPLC Desk backup."))


def live_info(ctx: DeskContext) -> BackupInfo:
    """The desk, schema and audit entries of the store on the server, its chain verified."""
    identity = ctx.require_identity()
    with ctx.store.read() as s:
        breaks = list(audit.verify_chain(s))
        entries = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    refuse_broken_chain(
        breaks,
        _(
            "The audit trail does not verify (desk {desk}, entry {seq}: {reason}). "
            "Run check and resolve it before trusting this store."
        ),
    )
    revision = ctx.migration.to_revision if ctx.migration is not None else None
    return BackupInfo(identity.kind.value, identity.code, identity.site_id, revision, int(entries))


def write(ctx: DeskContext, out: Path | None, now: datetime) -> tuple[Path, BackupInfo]:
    """Dump, seal with headquarters' keys, open the sealed file again; return where it went."""
    identity = ctx.require_identity()
    ctx.paths.backups.mkdir(parents=True, exist_ok=True)
    target = out or ctx.paths.backups / f"{PREFIX}{identity.code}-{stamp(now)}{SEALED_SUFFIX}"
    work = ctx.paths.backups / f".{target.name}.{uuid.uuid4().hex[:8]}.partial"
    try:
        create_private(work)
        _dump(ctx, work)
        info = live_info(ctx)
        seal_to(ctx, work, target, now)
    finally:
        work.unlink(missing_ok=True)
    try:
        key = backup_seal.load_or_create_key(ctx.paths.keys)
        with open(os.devnull, "wb") as sink:
            backup_seal.open_file(target, sink, key)
    except backup_seal.SealError as exc:
        target.unlink(missing_ok=True)
        raise BackupError(str(exc)) from None
    return target, info


def copy_to(folder: Path, sealed: Path) -> Path:
    """A copy of the sealed backup ``sealed`` in the second folder (a USB stick), as a SQLite
    desk's backup gets one: written under a temporary name, flushed, then renamed. It is sealed
    already, so it is copied as it is (private all the same: it carries the keys, if only under
    the cipher)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / sealed.name
    partial = target.with_name(target.name + ".partial")
    try:
        create_private(partial)
        with sealed.open("rb") as src, partial.open("r+b") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    fsync_dir(folder)
    return target


def is_dump(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(DUMP_MAGIC)) == DUMP_MAGIC


def unseal(ctx: DeskContext, file: Path, work: Path, key_code: str | None) -> dict[str, bytes]:
    """The backup ``file`` (sealed, or a plain pg_dump file) copied into the private ``work``."""
    try:
        if backup_seal.is_sealed(file):
            key = (
                backup_seal.decode_recovery_code(key_code) if key_code else local_key_or_refuse(ctx)
            )
            with work.open("r+b") as fh:
                return backup_seal.open_file(file, fh, key)[1]
        with file.open("rb") as src, work.open("r+b") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        return {}
    except backup_seal.SealError as exc:
        raise BackupError(str(exc)) from None


def restore_dump(ctx: DeskContext, work: Path, *, replace: bool) -> Path | None:
    """``pg_restore`` the verified dump ``work`` into the desk's database; the store is reopened
    and its chain verified. Returns the dump of what the database held before, if anything."""
    if not is_dump(work):
        raise BackupError(
            _(
                "This backup is a station's or a SQLite desk's store, not a server backup. "
                "Restore it on a desk that keeps its store in a file."
            )
        )
    _check_dump(ctx, work)
    aside: Path | None = None
    if ctx.identity() is not None:
        if not replace:
            raise BackupError(
                _(
                    "The server's database already holds headquarters. Nothing was changed. "
                    "To replace it with the backup (it is dumped to the backups folder "
                    "first), add --replace."
                ),
                code="server_not_empty",
            )
        ctx.paths.backups.mkdir(parents=True, exist_ok=True)
        aside = ctx.paths.backups / f"before-restore-{stamp(utcnow())}{DUMP_SUFFIX}"
        create_private(aside)
        _dump(ctx, aside)
    _env, database = _environment(ctx)
    ctx.store.dispose()
    _run(
        ctx,
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database}",
            str(work),
        ],
    )
    reopened = open_desk(ctx.paths, actor=ctx.actor, url=ctx.store.url)
    ctx.store, ctx.migration = reopened.store, reopened.migration
    ctx.forget_identity()
    live_info(ctx)
    log.info("server backup restored into %s", database)
    return aside


def restore(ctx: DeskContext, file: Path, *, key_code: str | None, replace: bool) -> RestoreResult:
    """Restore the backup ``file`` into the desk's database (see the module's notes)."""
    work = ctx.paths.data_dir / f".restore-{uuid.uuid4().hex[:8]}.partial"
    restored: tuple[str, ...] = ()
    try:
        create_private(work)
        carried = unseal(ctx, file, work, key_code)
        restored, kept = put_back_keys(ctx, carried)
        aside = restore_dump(ctx, work, replace=replace)
    except BaseException:
        take_back_keys(ctx, restored)
        raise
    finally:
        work.unlink(missing_ok=True)
    info = live_info(ctx)
    kept_aside = aside.name if aside else None
    audit_restored(ctx, file, info, restored, kept, server=True, kept_aside=kept_aside)
    log.info("server backup restored: %s", file.name)
    return RestoreResult(info, aside, info.revision, restored, kept, tuple(sorted(carried)))
