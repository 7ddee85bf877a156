"""Station recovery: headquarters' snapshot of a station, and setting a new PC up from it."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING

from cplc_desk.cli import signin
from cplc_desk.cli.common import JSON, CliError, Subparsers, command, flag, option, out_option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext


def register(sub: Subparsers) -> None:
    command(
        sub,
        "export-station-snapshot",
        cmd_export_station_snapshot,
        _(
            "headquarters: write a station's records, encrypted to its new enrollment, to set "
            "a replacement PC up"
        ),
        option("--code", required=True),
        out_option("DIR"),
        flag(
            "--discard-held",
            _("drop bundles held for missing earlier ones (their records are lost)"),
        ),
        JSON,
    )


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


def cmd_export_station_snapshot(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.hq import station_snapshot

    r = station_snapshot.export_station_snapshot(
        ctx, args.code, args.out, discard_held=args.discard_held
    )
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(r.path),
                    "station": r.station,
                    "enrollment_id": r.enrollment_id,
                    "records": r.records,
                    "linked_records": r.linked,
                    "audit_entries": r.audit_entries,
                    "last_sequence": r.last_bundle.sequence,
                    "last_bundle_created_at": _iso(r.last_bundle.created_at),
                    "last_import_at": _iso(r.last_bundle.imported_at),
                    "revoked_keys": r.revoked_keys,
                    "discarded_held": r.discarded_held,
                    "hash_mismatches": r.hash_mismatches,
                }
            )
        )
        return 0
    print(_("Snapshot of {code} written: {path}").format(code=r.station, path=r.path))
    print(
        _("  {n} records ({detail}), {linked} linked records of other desks, {a} audit entries.")
        .format(
            n=sum(r.records.values()),
            detail=", ".join(f"{t} {n}" for t, n in r.records.items()) or "-",
            linked=r.linked,
            a=r.audit_entries,
        )
    )  # fmt: skip
    print(
        _(
            "  Headquarters last heard from {code} with bundle {seq} (made {made}, imported "
            "{imported}). Records made on the old PC after that bundle are NOT in the snapshot "
            "and are lost."
        ).format(
            code=r.station,
            seq=r.last_bundle.sequence,
            made=_day(r.last_bundle.created_at),
            imported=_day(r.last_bundle.imported_at),
        )
    )
    if r.revoked_keys:
        print(
            _("  Old key(s) revoked: {keys}; bundles signed with them are refused from now on.")
            .format(keys=", ".join(r.revoked_keys))
        )  # fmt: skip
    if r.discarded_held:
        print(
            _("  Held bundles dropped: {seqs}.").format(seqs=", ".join(map(str, r.discarded_held)))
        )
    print(
        _(
            "  Carry the snapshot and the new enrollment file to the new PC and run there: "
            "cplc-desk init-station --enrollment FILE --snapshot {name}. Only that enrollment "
            "file opens it; delete both files afterwards."
        ).format(name=r.path.name)
    )
    return 0


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def cmd_init_from_snapshot(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.station import station_recovery

    if args.enrollment is None:
        raise CliError(_("A snapshot opens only with its enrollment file: give --enrollment FILE."))
    r = station_recovery.restore_station(
        ctx,
        args.enrollment,
        args.snapshot,
        skip_numbers=args.skip_numbers,
        admin=signin.new_admin(args) if ctx.identity() is None else None,
    )
    print(
        _("This desk is {name} ({code}), enrolled with headquarters and restored from its snapshot.")
        .format(name=r.identity.name, code=r.identity.code)
    )  # fmt: skip
    print(
        _("  {n} records restored ({detail}), {linked} linked records, {a} audit entries.").format(
            n=sum(r.records.values()),
            detail=", ".join(f"{t} {n}" for t, n in r.records.items() if n) or "-",
            linked=r.linked,
            a=r.audit_entries,
        )
    )
    print(
        _(
            "  Headquarters had bundles up to {seq} (the last made {made}); the next bundle from "
            "this desk is {next}. Anything the old PC recorded after bundle {seq} is not here: "
            "enter it again from the paper register."
        ).format(
            seq=r.last_bundle.sequence,
            made=_day(r.last_bundle.created_at),
            next=r.last_bundle.sequence + 1,
        )
    )
    print(
        _("  Next numbers: {numbers}.").format(numbers=", ".join(r.next_numbers.values()))
        + " "
        + _(
            "If the old PC printed receipts after its last bundle, numbers may already be in "
            "citizens' hands; see docs/station-recovery.md."
        )
    )
    if r.hash_mismatches:
        print(
            _(
                "  Warning: {n} restored records do not reproduce headquarters' copy exactly; an "
                "edit to one of them will show as a conflict at headquarters."
            ).format(n=r.hash_mismatches)
        )
    return 0
