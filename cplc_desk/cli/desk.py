"""Setting a desk up, reference lists, legacy imports, receipts, statistics and checks."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cplc_desk.cli import hq_server, signin
from cplc_desk.cli.common import (
    JSON,
    CliError,
    Option,
    Subparsers,
    command,
    flag,
    option,
    out_option,
)
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.accounts.accounts import NewAccount
    from cplc_desk.services.desk.context import DeskContext


def register(sub: Subparsers) -> None:
    _register_setup(sub)
    _register_records(sub)


def _register_setup(sub: Subparsers) -> None:
    """Setting the desk up, and the stations' codes it is set up with."""
    command(
        sub,
        "init-station",
        cmd_init_station,
        _("set this desk up as a police-station desk"),
        option("--code", help=_("the station's code (see: cplc-desk stations)")),
        option("--name", help=_("the desk's name (default: the station's name)")),
        option(
            "--enrollment",
            type=Path,
            metavar="FILE",
            help=_("set up (or enroll an already-working desk) from headquarters' enrollment file"),
        ),
        option(
            "--snapshot",
            type=Path,
            metavar="FILE",
            help=_("with --enrollment: restore a replaced station PC from headquarters' snapshot"),
        ),
        option(
            "--skip-numbers",
            type=int,
            default=0,
            metavar="N",
            help=_("with --snapshot: leave N receipt numbers unused (printed on the old PC)"),
        ),
        *_admin_options(_("the station's supervisor")),
        account=signin.SETUP,
    )
    command(
        sub,
        "init-hq",
        cmd_init_hq,
        _("set this desk up as headquarters (creates its keys)"),
        option("--name", required=True),
        flag(
            "--new-keys",
            _("replace headquarters' lost keys with new ones (every station enrolls again)"),
        ),
        hq_server.db_url_option(),
        *_admin_options(_("headquarters' administrator")),
        account=signin.SETUP,
    )
    command(
        sub,
        "stations",
        cmd_stations,
        _("list police stations and their codes"),
        JSON,
        account=signin.NO_ACCOUNT,
    )


def _register_records(sub: Subparsers) -> None:
    """Legacy registers in, receipts out, and the store's counts and checks."""
    # Only the registers' names: the import itself loads when the command runs.
    from cplc_desk.services.imports.csv_columns import KINDS as REGISTERS

    command(
        sub,
        "import",
        cmd_import_register,
        _("import a legacy register kept in an Excel workbook (.xlsx) or a CSV file"),
        option("register", choices=sorted(REGISTERS), help=_("which register")),
        option("file", type=Path),
        option(
            "--sheet", help=_("the workbook's sheet that holds the register (if it has several)")
        ),
        flag("--json", _("print the report as JSON")),
        aliases=["import-csv"],  # its first name: scripts written for it keep working
    )
    command(
        sub,
        "print-receipt",
        cmd_print_receipt,
        _("write a complaint's, vehicle's or phone's receipt as a PDF"),
        option("number", help=_("the receipt number: CLIF-C-..., CLIF-V-... or CLIF-P-...")),
        out_option("FILE.pdf"),
        option(
            "--format",
            choices=("a5", "80mm"),
            default="a5",
            help=_("a5: laser printer (default); 80mm: thermal receipt roll"),
        ),
    )
    command(sub, "stats", cmd_stats, _("count records by kind, status and station"), JSON)
    # No account: a technician checks a desk whose people may have forgotten their passwords;
    # the report holds counts and integrity problems, never personal data.
    command(
        sub,
        "check",
        cmd_check,
        _("check that the store is whole and untampered"),
        JSON,
        account=signin.NO_ACCOUNT,
    )


def _admin_options(who: str) -> tuple[Option, Option]:
    """The first account's options of a command that sets a desk up."""
    admin = option(
        "--admin",
        metavar="USERNAME",
        help=_(
            "the first account, {who} (default: ${env}); its password is asked for, or read "
            "from ${pw} or the password file"
        ).format(who=who, env=signin.ENV_USER, pw=signin.ENV_PASSWORD),
    )
    return admin, option("--display-name", default="", help=_("the first account's full name"))


def _new_admin(ctx: DeskContext, args: argparse.Namespace) -> NewAccount | None:
    """The first administrator when this run sets the desk up (None for an existing desk)."""
    return signin.new_admin(args) if ctx.identity() is None else None


def cmd_init_station(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk import setup
    from cplc_desk.services.station import sync_station

    if args.snapshot is not None:
        from cplc_desk.cli.recovery import cmd_init_from_snapshot

        return cmd_init_from_snapshot(ctx, args)
    if args.enrollment is not None:
        identity = sync_station.enroll_from_file(ctx, args.enrollment, admin=_new_admin(ctx, args))
        print(
            _("This desk is {name} ({code}), enrolled with headquarters.").format(
                name=identity.name, code=identity.code
            )
        )
        return 0
    if not args.code:
        raise CliError(_("Give --code CODE, or --enrollment FILE from headquarters."))
    identity = setup.init_station(ctx, args.code, args.name, admin=_new_admin(ctx, args))
    print(_("This desk is now {name} ({code}).").format(name=identity.name, code=identity.code))
    return 0


def cmd_init_hq(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk import setup

    if args.db_url:
        return hq_server.cmd_init_hq_on_server(ctx, args)
    identity = setup.init_hq(ctx, args.name, admin=_new_admin(ctx, args), new_keys=args.new_keys)
    print(_("This desk is now headquarters: {name}.").format(name=identity.name))
    return 0


def cmd_stations(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk import reference

    rows = reference.stations(ctx)
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r.code:6} {r.name:32} {r.district_name:10} {r.zone_name}")
    return 0


def cmd_import_register(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.imports import csv_import

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    report = csv_import.import_register(
        ctx, args.register, args.file, sheet=args.sheet, progress=progress
    )
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            _(
                "{file}: {rows} rows, {imported} imported, {present} already present, {bad} not imported."
            ).format(
                file=_in_sheet(report),
                rows=report.rows,
                imported=report.imported,
                present=report.already_present,
                bad=report.not_imported,
            )
        )
        where = (
            _("  line {line}: {reasons}") if report.sheet is None else _("  row {line}: {reasons}")
        )
        for bad in report.bad_rows:
            print(where.format(line=bad.line, reasons="; ".join(bad.reasons)))
        if report.ignored_columns:
            print(_("  columns ignored: {cols}").format(cols=report.ignored_text()))
    if report.not_imported:
        print(
            _(
                "{n} rows were not imported; the other rows were saved. Fix those rows and import the file again."
            ).format(n=report.not_imported),
            file=sys.stderr,
        )
        return 1
    return 0


def _in_sheet(report: object) -> str:
    file, sheet = getattr(report, "file", ""), getattr(report, "sheet", None)
    return file if sheet is None else _("{file}, sheet '{sheet}'").format(file=file, sheet=sheet)


def cmd_print_receipt(ctx: DeskContext, args: argparse.Namespace) -> int:
    # Imported here so other commands do not pay for loading ReportLab.
    from cplc_desk.domain.enums import RecordKind
    from cplc_desk.domain.ids import RecordNumber
    from cplc_desk.printing.receipt import render_receipt
    from cplc_desk.services.complaints import complaints, receipts
    from cplc_desk.services.phones import phones
    from cplc_desk.services.phones import receipts as phone_receipts
    from cplc_desk.services.vehicles import vehicles
    from cplc_desk.sync.files import write_atomically

    out: Path = args.out
    if out.is_dir():
        raise CliError(_("{path} is a folder; give a file name ending in .pdf").format(path=out))
    parsed = RecordNumber.parse(args.number)
    if parsed is None:
        raise CliError(
            _(
                "{number} is not a receipt number. They look like CLIF-C-2026-00042 (a "
                "complaint), CLIF-V-2026-00042 (a vehicle report) or CLIF-P-2026-00042 (a phone "
                "report): copy it from the receipt or the record."
            ).format(number=args.number)
        )
    # Recorded in the audit trail as printed once the file is written (a file that could not
    # be written is no receipt); a second and later one is marked COPY.
    receipt: Any
    record: Callable[[], object]
    if parsed.kind is RecordKind.VEHICLE_REPORT:
        report_id = vehicles.find_id_by_number(ctx, str(parsed))
        receipt = vehicles.prepare_receipt(ctx, report_id)
        record = functools.partial(vehicles.record_printed, ctx, receipt, args.format)
    elif parsed.kind is RecordKind.PHONE_REPORT:
        report_id = phones.find_id_by_number(ctx, str(parsed))
        receipt = phone_receipts.prepare_receipt(ctx, report_id)
        record = functools.partial(phone_receipts.record_printed, ctx, receipt, args.format)
    else:
        complaint = complaints.find_by_number(ctx, str(parsed))
        receipt = receipts.prepare_receipt(ctx, complaint.id)
        record = functools.partial(receipts.record_printed, ctx, receipt, args.format)
    try:
        write_atomically(out, render_receipt(receipt, args.format))
    except OSError as exc:
        raise CliError(
            _("Cannot write {path}: {reason}").format(path=out, reason=exc.strerror or exc)
        ) from None
    record()
    if receipt.copy:
        message = _("Receipt {number} (a copy: printed before) written to {path}")
    else:
        message = _("Receipt {number} written to {path}")
    print(message.format(number=receipt.number, path=out))
    return 0


def cmd_stats(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk.stats import store_stats

    stats = store_stats(ctx).as_dict()
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
        return 0
    from cplc_desk.storage.kinds import KINDS

    for kind in (spec.plural for spec in KINDS):
        block = stats[kind]
        assert isinstance(block, dict)
        print(f"{kind}: {block['total']}")
        for group in ("by_kind", "by_status", "by_station"):
            if block.get(group):
                print(f"  {group}: " + ", ".join(f"{k}={v}" for k, v in block[group].items()))
    return 0


def cmd_check(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.desk.check import check_store

    report = check_store(ctx)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "checks": report.checks,
                    "problems": report.problems,
                    "audit_breaks": [asdict(b) for b in report.audit_breaks],
                    "record_breaks": [asdict(b) for b in report.record_breaks],
                }
            )
        )
    elif report.ok:
        print(_("Store is healthy ({checks}).").format(checks=", ".join(report.checks)))
    if not report.ok:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        raise CliError(_("The store failed {n} checks.").format(n=len(report.problems)))
    return 0
