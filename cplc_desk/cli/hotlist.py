"""The hotlist: headquarters writes it, a station imports it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli.common import JSON, Subparsers, command, option, out_option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext


def register(sub: Subparsers) -> None:
    from cplc_desk.services.vehicles import hotlist_policy

    days = hotlist_policy.DEFAULT_VALID_DAYS
    command(
        sub,
        "export-hotlist",
        cmd_export_hotlist,
        _("headquarters: write the signed list of every open stolen/snatched vehicle and handset"),
        out_option("DIR"),
        option(
            "--valid-days",
            type=int,
            default=days,
            metavar="N",
            help=_("days a station may use it (default {n})").format(n=days),
        ),
        JSON,
    )
    command(
        sub,
        "import-hotlist",
        cmd_import_hotlist,
        _("station: check and take in headquarters' newest hotlist"),
        option("file", type=Path),
        JSON,
    )


def cmd_export_hotlist(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.vehicles import hotlist

    result = hotlist.export_hotlist(ctx, args.out, args.valid_days)
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(result.path),
                    "sequence": result.sequence,
                    "entries": result.entries,
                    "phones": result.phones,
                    "issued_at": result.issued_at.isoformat(),
                    "expires_at": result.expires_at.isoformat(),
                }
            )
        )
    else:
        print(
            _(
                "Hotlist {seq} written: {path} ({n} vehicles and {phones} handsets reported "
                "stolen or snatched, valid until {date}). Copy it to every station; there: "
                "cplc-desk import-hotlist FILE"
            ).format(
                seq=result.sequence,
                path=result.path,
                n=result.entries,
                phones=result.phones,
                date=result.expires_at.date().isoformat(),
            )
        )
    return 0


def cmd_import_hotlist(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.vehicles import hotlist

    result = hotlist.import_hotlist(ctx, args.file)
    if args.json:
        print(
            json.dumps(
                {
                    "sequence": result.sequence,
                    "entries": result.entries,
                    "phones": result.phones,
                    "issued_at": result.issued_at.isoformat(),
                    "expires_at": result.expires_at.isoformat(),
                    "replaced": result.replaced,
                }
            )
        )
    else:
        print(
            _(
                "Hotlist {seq} imported: {n} vehicles and {phones} handsets reported stolen or "
                "snatched city-wide, issued {issued}, valid until {expires}."
            ).format(
                seq=result.sequence,
                n=result.entries,
                phones=result.phones,
                issued=result.issued_at.date().isoformat(),
                expires=result.expires_at.date().isoformat(),
            )
        )
    return 0
