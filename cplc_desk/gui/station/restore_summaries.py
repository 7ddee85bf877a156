"""What the person reads after replacing a desk: the summary of a restore from headquarters'
snapshot or from a backup file (:mod:`cplc_desk.gui.station.replace_desk` runs the restore)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.services.backups import backup
from cplc_desk.services.desk.context import DeskIdentity
from cplc_desk.services.station import station_recovery

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class BackupRestored:
    """What the worker hands back after a backup restore: the service's result and the desk."""

    result: backup.RestoreResult
    identity: DeskIdentity | None
    sealed: bool


# What a restore brings back: the store's tables and the desk's key files.
_TABLES = {
    "person": QT_TRANSLATE_NOOP("ReplaceDesk", "persons"),
    "complaint": QT_TRANSLATE_NOOP("ReplaceDesk", "complaints"),
    "complaint_event": QT_TRANSLATE_NOOP("ReplaceDesk", "complaint timeline entries"),
    "vehicle_report": QT_TRANSLATE_NOOP("ReplaceDesk", "vehicle reports"),
}
_KEYS = {
    "hq-signing.pem": QT_TRANSLATE_NOOP("ReplaceDesk", "headquarters' signing key"),
    "hq-encryption.pem": QT_TRANSLATE_NOOP("ReplaceDesk", "headquarters' encryption key"),
    "station-signing.pem": QT_TRANSLATE_NOOP("ReplaceDesk", "the station's signing key"),
    "backup.key": QT_TRANSLATE_NOOP("ReplaceDesk", "the backup key"),
}


_table_name = partial(names.named, "ReplaceDesk", _TABLES)
_key_name = partial(names.named, "ReplaceDesk", _KEYS)


def snapshot_summary(r: station_recovery.RestoreResult, username: str) -> str:
    """What to tell the person after a restore from headquarters' snapshot (as the CLI does)."""
    detail = ", ".join(
        f"{format_count(n)} {_table_name(t)}" for t, n in r.records.items() if n
    ) or translate("ReplaceDesk", "none")
    lines = [
        translate(
            "ReplaceDesk",
            "This desk is {name} ({code}) again, restored from headquarters' snapshot.",
        ).format(name=r.identity.name, code=r.identity.code),
        translate("ReplaceDesk", "{n} records restored ({detail}), {audit} audit entries.").format(
            n=format_count(sum(r.records.values())),
            detail=detail,
            audit=format_count(r.audit_entries),
        ),
        translate(
            "ReplaceDesk",
            "Headquarters had this desk's bundles up to number {seq} (the last made {made}). "
            "Anything the old PC recorded after that is not here: enter it again from the paper "
            "register. The next bundle is number {next}.",
        ).format(
            seq=format_count(r.last_bundle.sequence),
            made=format_datetime(r.last_bundle.created_at),
            next=format_count(r.last_bundle.sequence + 1),
        ),
        translate("ReplaceDesk", "Receipt numbers continue from {numbers}.").format(
            numbers=", ".join(
                f"{number} ({_table_name(kind)})" for kind, number in r.next_numbers.items()
            )
        ),
    ]
    if r.hash_mismatches:
        lines.append(
            translate(
                "ReplaceDesk",
                "Warning: {n} restored records do not match headquarters' copy exactly; an edit "
                "to one of them will show as a conflict at headquarters.",
            ).format(n=format_count(r.hash_mismatches))
        )
    lines.append(
        translate(
            "ReplaceDesk",
            "You are signed in as {user}, this desk's supervisor. Delete both files from the "
            "USB stick now.",
        ).format(user=username)
    )
    return "\n\n".join(lines)


def backup_summary(done: BackupRestored) -> str:
    """What to tell the person after a backup restore: which desk, the keys, signing in."""
    info = done.result.info
    name = done.identity.name if done.identity is not None else info.desk_code
    lines = [
        translate(
            "ReplaceDesk",
            "The backup of {name} ({code}) was restored: {complaints} complaints and "
            "{vehicles} vehicle reports; its {audit} audit entries were checked.",
        ).format(
            name=name,
            code=info.desk_code,
            complaints=format_count(info.complaints),
            vehicles=format_count(info.vehicle_reports),
            audit=format_count(info.audit_entries),
        )
    ]
    if done.result.keys_restored:
        lines.append(
            translate("ReplaceDesk", "Keys put back from the backup: {keys}.").format(
                keys=", ".join(_key_name(k) for k in done.result.keys_restored)
            )
        )
    elif not done.sealed:
        lines.append(
            translate(
                "ReplaceDesk", "The backup was not sealed, so it held none of the desk's keys."
            )
        )
    elif not done.result.keys_carried:
        lines.append(
            translate(
                "ReplaceDesk",
                "This backup was made before backups carried the desk's keys, so none came "
                "back with it. Headquarters must enroll this desk again before it sends bundles.",
            )
        )
    if info.desk_kind == "station":
        lines.append(
            translate(
                "ReplaceDesk",
                "If headquarters has received bundles from this station made after this backup, "
                "it will refuse the next ones: call headquarters before sending a bundle. A "
                "station whose PC was lost is best brought back from headquarters' snapshot.",
            )
        )
    if done.result.keys_kept:
        lines.append(
            translate(
                "ReplaceDesk",
                "This PC's own keys were kept where they differ from the backup's: {keys}.",
            ).format(keys=", ".join(_key_name(k) for k in done.result.keys_kept))
        )
    lines.append(
        translate(
            "ReplaceDesk",
            "Anything recorded after the backup was made is not here: enter it again from the "
            "paper register. Now sign in with your account from the old PC.",
        )
    )
    return "\n\n".join(lines)
