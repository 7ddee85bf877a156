"""How the desk keeps its backups (how many, and the second folder for the sealed copies),
when the last one was written, and the backup key as a code to keep on paper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.backups import backup_seal
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.models import StoreMeta

DEFAULT_KEEP = 14
_KEEP_KEY = "backup.keep"
_FOLDER_KEY = "backup.second_folder"
_LAST_KEY = "backup.last_at"


@dataclass(frozen=True)
class BackupSettings:
    keep: int = DEFAULT_KEEP
    second_folder: Path | None = None


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


def note_backup_written(s: Session, now: datetime) -> None:
    """Remember, in the unit of work that audits it, when the last backup was written."""
    store_meta.put(s, _LAST_KEY, now.isoformat())
