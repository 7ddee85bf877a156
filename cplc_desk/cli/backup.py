"""Backups: writing one, restoring one, the backup settings and the key for sealed copies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli import hq_server, signin
from cplc_desk.cli.common import CliError, Subparsers, command, flag, option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext


def register(sub: Subparsers) -> None:
    command(
        sub,
        "backup",
        cmd_backup,
        _("write a verified backup (to the backups folder, or sealed to --out FILE)"),
        option(
            "--out",
            type=Path,
            metavar="FILE",
            help=_("write the backup here, sealed (encrypted) unless --plain is given"),
        ),
        flag(
            "--plain",
            _(
                "with --out: write a plain (unencrypted) store file instead, readable only by "
                "this computer account (supervisors and headquarters administrators only)"
            ),
        ),
        option("--keep", type=int, metavar="N", help=_("from now on keep the newest N backups")),
        option(
            "--second-folder",
            metavar="DIR",
            help=_("from now on also put a sealed copy in DIR (a USB stick); '' turns it off"),
        ),
        flag(
            "--show-key",
            _("print the key that opens the sealed copies; keep it on paper, not on the stick"),
        ),
    )
    command(
        sub,
        "restore",
        cmd_restore,
        _("replace this desk's store with a backup"),
        option("file", type=Path),
        flag(
            "--other-desk",
            _("allow a backup made by another desk (another station or install)"),
        ),
        option("--key", metavar="CODE", help=_("the backup key, for a sealed backup")),
        flag(
            "--replace",
            _(
                "headquarters on a server: replace the database's headquarters with the backup "
                "(it is dumped to the backups folder first)"
            ),
        ),
        hq_server.db_url_option(),
        account=signin.SETUP,
    )


def cmd_backup(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.backups import backup

    if args.show_key:
        print(backup.recovery_code(ctx))
        return 0
    if args.keep is not None or args.second_folder is not None:
        current = backup.load_settings(ctx)
        folder = current.second_folder
        if args.second_folder is not None:
            folder = Path(args.second_folder).expanduser().resolve() if args.second_folder else None
        backup.save_settings(
            ctx,
            backup.BackupSettings(
                keep=args.keep if args.keep is not None else current.keep, second_folder=folder
            ),
        )
    if args.plain and args.out is None:
        raise CliError(_("--plain goes with --out FILE."))
    result = backup.write_backup(ctx, args.out, sealed=not args.plain)
    print(
        _("Backup written: {path} ({size} bytes, {entries} audit entries verified).").format(
            path=result.path, size=result.size, entries=result.info.audit_entries
        )
    )
    if args.plain:
        print(
            _(
                "It is not encrypted: it holds every CNIC, phone number and password hash. "
                "Keep it on this PC and delete it when done."
            ),
            file=sys.stderr,
        )
    if result.copy is not None:
        print(_("Sealed copy: {path}").format(path=result.copy))
    if result.copy_error is not None:
        print(result.copy_error)
    for removed in result.removed:
        print(_("Removed old backup {name}").format(name=removed.name))
    return 0


def cmd_restore(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.backups import backup

    result = backup.restore(
        ctx, args.file, other_desk=args.other_desk, key_code=args.key, replace=args.replace
    )
    if args.db_url and not ctx.store.is_sqlite:
        hq_server.remember(ctx, args.db_url)
    if result.kept_aside is None:
        print(
            _(
                "Restored the backup of desk {code} onto the server ({entries} audit entries "
                "verified)."
            ).format(code=result.info.desk_code, entries=result.info.audit_entries)
        )
    else:
        print(
            _(
                "Restored the backup of desk {code} ({complaints} complaints, {vehicles} "
                "vehicle reports). The previous store is kept as {aside}."
            ).format(
                code=result.info.desk_code,
                complaints=result.info.complaints,
                vehicles=result.info.vehicle_reports,
                aside=result.kept_aside,
            )
        )
    if ctx.migration is not None and ctx.migration.backup is not None:
        print(_("The restored store was upgraded to this version's schema."))
    if result.keys_restored:
        print(
            _("This desk's keys were put back from the backup: {names}.").format(
                names=", ".join(result.keys_restored)
            )
        )
    if result.keys_kept:
        print(
            _(
                "This desk already holds other keys than the backup's ({names}); they were "
                "kept. If this desk was enrolled again since the backup, that is right."
            ).format(names=", ".join(result.keys_kept)),
            file=sys.stderr,
        )
    return 0
