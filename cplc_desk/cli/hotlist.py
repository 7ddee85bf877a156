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
    from cplc_desk.services.vehicles.hotlist import ExportedHotlist, ImportedHotlist


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


def _facts(result: ExportedHotlist | ImportedHotlist) -> dict[str, object]:
    """What both commands' JSON says of the hotlist: its number, what it holds, its dates."""
    return {
        "sequence": result.sequence,
        "entries": result.entries,
        "phones": result.phones,
        "issued_at": result.issued_at.isoformat(),
        "expires_at": result.expires_at.isoformat(),
    }


def _counts(result: ExportedHotlist | ImportedHotlist) -> dict[str, object]:
    """The blanks both commands' message fills alike: the hotlist's number and what it holds."""
    return {"seq": result.sequence, "n": result.entries, "phones": result.phones}


def cmd_export_hotlist(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.vehicles import hotlist

    result = hotlist.export_hotlist(ctx, args.out, args.valid_days)
    if args.json:
        print(json.dumps({"path": str(result.path), **_facts(result)}))
    else:
        print(
            _(
                "Hotlist {seq} written: {path} ({n} vehicles and {phones} handsets reported "
                "stolen or snatched, valid until {date}). Copy it to every station; there: "
                "cplc-desk import-hotlist FILE"
            ).format(path=result.path, date=result.expires_at.date().isoformat(), **_counts(result))
        )
    return 0


def cmd_import_hotlist(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.vehicles import hotlist

    result = hotlist.import_hotlist(ctx, args.file)
    if args.json:
        print(json.dumps({**_facts(result), "replaced": result.replaced}))
    else:
        print(
            _(
                "Hotlist {seq} imported: {n} vehicles and {phones} handsets reported stolen or "
                "snatched city-wide, issued {issued}, valid until {expires}."
            ).format(
                issued=result.issued_at.date().isoformat(),
                expires=result.expires_at.date().isoformat(),
                **_counts(result),
            )
        )
    return 0
