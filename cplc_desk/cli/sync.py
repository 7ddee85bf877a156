"""Sync bundles: enrollment, export at a station, import and inspection at headquarters."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli import advice
from cplc_desk.cli.common import JSON, CliError, Subparsers, command, option, out_option
from cplc_desk.domain.clock import now_utc, shown
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext
    from cplc_desk.services.hq import sync_hq
    from cplc_desk.services.station import sync_station
    from cplc_desk.services.vehicles import hotlist


def register(sub: Subparsers) -> None:
    code, a_file = option("--code", required=True), option("file", type=Path)
    command(
        sub,
        "enroll-station",
        cmd_enroll_station,
        _("headquarters: write a station's enrollment file"),
        code,
        out_option("FILE"),
    )
    command(
        sub,
        "revoke-station",
        cmd_revoke_station,
        _("headquarters: refuse a station's current key"),
        code,
    )
    command(
        sub,
        "export-bundle",
        cmd_export_bundle,
        _("station: write the next sync bundle"),
        out_option("DIR"),
        option(
            "--again",
            nargs="?",
            const=-1,
            type=int,
            metavar="SEQ",
            help=_("write an earlier bundle again, identical (default: the last one)"),
        ),
        JSON,
    )
    command(
        sub,
        "import-bundle",
        cmd_import_bundle,
        _("headquarters: verify and merge bundles"),
        option("paths", nargs="+", type=Path, metavar="FILE|DIR"),
        JSON,
    )
    command(
        sub,
        "verify-bundle",
        cmd_verify_bundle,
        _("headquarters: check a bundle without merging"),
        a_file,
        JSON,
    )
    command(
        sub,
        "open-bundle",
        cmd_open_bundle,
        _("headquarters: write a bundle's decrypted, still-signed content"),
        a_file,
        out_option("DIR"),
    )
    command(
        sub,
        "discard-held",
        cmd_discard_held,
        _("headquarters: remove a bundle kept waiting for earlier ones (a forked copy)"),
        option("--station", required=True, metavar="CODE"),
        option("--sequence", required=True, type=int, metavar="N"),
    )
    command(
        sub,
        "sync-status",
        cmd_sync_status,
        _("what is waiting to be sent, or each station's state"),
        JSON,
    )


def cmd_enroll_station(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import sync_hq

    path = sync_hq.enroll_station(ctx, args.code, args.out)
    print(
        _(
            "Enrollment file written: {path}. Carry it to the station and run there: "
            "cplc-desk init-station --enrollment FILE. It holds a secret: delete it afterwards."
        ).format(path=path)
    )
    return 0


def cmd_revoke_station(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import sync_hq

    n = sync_hq.revoke_station(ctx, args.code)
    print(_("{n} key(s) of {code} revoked.").format(n=n, code=args.code.upper()))
    return 0


def cmd_export_bundle(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.station import sync_station

    if args.again is not None:
        result = sync_station.rewrite_bundle(ctx, args.out, None if args.again < 0 else args.again)
    else:
        result = sync_station.export_bundle(ctx, args.out)
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(result.path) if result.path else None,
                    "sequence": result.sequence,
                    "records": result.records,
                    "nothing_new": result.nothing_new,
                    "message": result.message,
                }
            )
        )
    else:
        print(result.message)
    return 0


def cmd_import_bundle(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import bundle_import
    from cplc_desk.sync.importer import ImportStatus

    outcomes = bundle_import.import_bundles(ctx, args.paths)
    if not outcomes:
        raise CliError(_("No bundles found in the files or folders given."))
    if args.json:
        said = [
            {**o.as_dict(), "message": advice.advise(o.code, o.params, o.message)} for o in outcomes
        ]
        print(json.dumps(said, indent=2, ensure_ascii=False))
    else:
        for o in outcomes:
            label = f"{o.station or '?'} #{o.sequence}" if o.sequence else Path(o.file).name
            print(f"{label}: {o.status.upper()}: {advice.advise(o.code, o.params, o.message)}")
    refused = [o for o in outcomes if o.status == ImportStatus.REFUSED]
    if refused:
        print(
            _("{n} of {total} bundles were refused; nothing from them was merged.").format(
                n=len(refused), total=len(outcomes)
            ),
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_verify_bundle(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import bundle_import

    v = bundle_import.verify_bundle(ctx, args.file)
    if args.json:
        print(
            json.dumps(
                {**v.__dict__, "created_at": v.created_at.isoformat() if v.created_at else None}
            )
        )
    elif v.ok:
        print(v.message)
        if v.station:
            print(
                _(
                    "station {code}, bundle {seq}, {n} changes, {a} audit entries, made {when}"
                ).format(
                    code=v.station,
                    seq=v.sequence,
                    n=v.records,
                    a=v.audit_entries,
                    when=v.created_at.isoformat() if v.created_at else "?",
                )
            )
    if not v.ok:
        raise CliError(advice.advise(v.code, v.params, v.message))
    return 0


def cmd_open_bundle(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import bundle_import

    opened = bundle_import.open_bundle(ctx, args.file, args.out)
    for path in opened.paths:
        print(path)
    if not opened.key_bound:
        print(
            _(
                "Warning: this bundle's key is not bound to the station at headquarters yet, so "
                "the key file comes from the bundle itself. A signature check then shows the "
                "bundle is intact, not who made it. Import the bundle first, or confirm the key "
                "id with the station."
            ),
            file=sys.stderr,
        )
    return 0


def cmd_discard_held(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import sync_hq

    sync_hq.discard_held(ctx, args.station, args.sequence)
    print(
        _(
            "Bundle {seq} from {code}, which was waiting, was removed. Import the right bundle "
            "{seq} from the station's stick."
        ).format(seq=args.sequence, code=args.station.strip().upper())
    )
    return 0


def cmd_sync_status(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import sync_hq
    from cplc_desk.services.station import sync_station
    from cplc_desk.services.vehicles import hotlist

    identity = ctx.require_identity()
    if identity.is_station:
        st = sync_station.status(ctx)
        if args.json:
            print(json.dumps({**st.__dict__, "last_export_at": _iso(st.last_export_at),
                              "hotlist": hotlist.status_dict(ctx)}, ensure_ascii=False))  # fmt: skip
        else:
            _print_station_status(st, hotlist.held(ctx))
        return 0
    rows = sync_hq.stations_overview(ctx)
    if args.json:
        data = [
            {
                **row.__dict__,
                "last_bundle_created_at": _iso(row.last_bundle_created_at),
                "last_import_at": _iso(row.last_import_at),
            }
            for row in rows
        ]
        print(json.dumps(data, ensure_ascii=False))
    else:
        _print_stations(rows)
    return 0


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _print_station_status(
    st: sync_station.StationSyncStatus, held: hotlist.HeldHotlist | None
) -> None:
    if st.enrolled:
        print(_("Enrolled with headquarters: {name}.").format(name=st.hq_name))
    else:
        print(_("Not enrolled with a headquarters yet: nothing can be sent."))
    print(
        _("Waiting to be sent: {changes} changes and {audit} audit entries.").format(
            changes=f"{st.pending_changes:,}", audit=f"{st.pending_audit_entries:,}"
        )
    )
    if st.last_sequence:
        print(
            _("Last bundle: number {seq}, written {when} ({file}).").format(
                seq=st.last_sequence, when=shown(st.last_export_at), file=st.last_file or "-"
            )
        )
    else:
        print(_("No bundle written yet."))
    if held is None:
        print(_("No hotlist received yet: checks use this desk's own reports only."))
        return
    line = _(
        "Hotlist: number {seq} from {hq}, issued {issued}, valid until {expires} ({n} "
        "vehicles and {phones} handsets reported stolen or snatched)."
    ).format(
        seq=held.sequence, hq=held.hq_name, issued=shown(held.issued_at),
        expires=shown(held.expires_at), n=f"{held.entries:,}", phones=f"{held.phones:,}",
    )  # fmt: skip
    print(line)
    if held.expired(now_utc()):
        print(_("WARNING: this hotlist has EXPIRED. Import a new one from headquarters."))


def _print_stations(rows: list[sync_hq.StationSummary]) -> None:
    if not rows:
        print(_("No station is enrolled yet."))
        return
    header = (_("Station"), _("Last bundle"), _("Made"), _("Imported"), _("Waiting"),
              _("Missing"), _("Key"))  # fmt: skip
    table = [
        (
            f"{row.code} {row.name}",
            str(row.last_sequence or "-"),
            shown(row.last_bundle_created_at),
            shown(row.last_import_at),
            ", ".join(map(str, row.held)) or "-",
            ", ".join(map(str, row.missing)) or "-",
            str(row.key_status),
        )
        for row in rows
    ]
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    for row in [header, *table]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
