"""The ``cplc-desk`` command. With no subcommand it opens the desk's window.

Exit codes: 0 success; 1 refused or failed (one-line reason on stderr); 2 wrong usage;
import-csv exits 1 when some rows were not imported (the good rows are kept).
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cplc_desk import __version__
from cplc_desk.domain.i18n import _
from cplc_desk.paths import ENV_DATA_DIR, DeskPaths
from cplc_desk.services import csv_import, reference, setup, sync_hq, sync_station, vehicles
from cplc_desk.services.check import check_store
from cplc_desk.services.context import DeskContext, ServiceError, open_desk
from cplc_desk.services.stats import store_stats
from cplc_desk.storage.migrate import StoreError

log = logging.getLogger("cplc_desk")


class CliError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cplc-desk",
        description=_(
            "CPLC Desk: complaints and vehicle reports at CPLC station desks and headquarters. "
            "Without a command, opens the desk's window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"cplc-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("folder holding this desk's data (default: the user data folder, or ${env})").format(
            env=ENV_DATA_DIR
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("use a throwaway station filled with sample records (deleted on exit)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init-station", help=_("set this desk up as a police-station desk"))
    p.add_argument("--code", help=_("the station's code (see: cplc-desk stations)"))
    p.add_argument("--name", help=_("the desk's name (default: the station's name)"))
    p.add_argument(
        "--enrollment",
        type=Path,
        metavar="FILE",
        help=_("set up (or enroll an already-working desk) from headquarters' enrollment file"),
    )
    p.set_defaults(handler=cmd_init_station)

    p = sub.add_parser("init-hq", help=_("set this desk up as headquarters (creates its keys)"))
    p.add_argument("--name", required=True)
    p.set_defaults(handler=cmd_init_hq)

    p = sub.add_parser("enroll-station", help=_("headquarters: write a station's enrollment file"))
    p.add_argument("--code", required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_enroll_station)

    p = sub.add_parser("revoke-station", help=_("headquarters: refuse a station's current key"))
    p.add_argument("--code", required=True)
    p.set_defaults(handler=cmd_revoke_station)

    p = sub.add_parser("export-bundle", help=_("station: write the next sync bundle"))
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    p.add_argument(
        "--again",
        nargs="?",
        const=-1,
        type=int,
        metavar="SEQ",
        help=_("write an earlier bundle again, identical (default: the last one)"),
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_bundle)

    p = sub.add_parser("import-bundle", help=_("headquarters: verify and merge bundles"))
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE|DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_bundle)

    p = sub.add_parser("verify-bundle", help=_("headquarters: check a bundle without merging"))
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify_bundle)

    p = sub.add_parser(
        "open-bundle", help=_("headquarters: write a bundle's decrypted, still-signed content")
    )
    p.add_argument("file", type=Path)
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    p.set_defaults(handler=cmd_open_bundle)

    p = sub.add_parser(
        "verify-vehicle",
        help=_("is this vehicle reported? exit 0 no record, 3 open theft report, 4 recovered"),
    )
    p.add_argument("identifier", help=_("registration, chassis or engine number"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify_vehicle)

    p = sub.add_parser("sync-status", help=_("what is waiting to be sent, or each station's state"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync_status)

    p = sub.add_parser("stations", help=_("list police stations and their codes"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stations)

    p = sub.add_parser("import-csv", help=_("import a legacy register kept in a spreadsheet"))
    p.add_argument("register", choices=sorted(csv_import.KINDS), help=_("which register"))
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    p.set_defaults(handler=cmd_import_csv)

    p = sub.add_parser(
        "print-receipt", help=_("write a complaint's or vehicle report's receipt as a PDF to print")
    )
    p.add_argument("number", help=_("the complaint's receipt number, e.g. CLIF-C-2026-00042"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--format",
        choices=("a5", "80mm"),
        default="a5",
        help=_("a5: laser printer (default); 80mm: thermal receipt roll"),
    )
    p.set_defaults(handler=cmd_print_receipt)

    p = sub.add_parser("stats", help=_("count records by kind, status and station"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("check", help=_("check that the store is whole and untampered"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)
    return parser


# ------------------------------------------------------------------ commands


def cmd_init_station(ctx: DeskContext, args: argparse.Namespace) -> int:
    if args.enrollment is not None:
        identity = sync_station.enroll_from_file(ctx, args.enrollment)
        print(
            _("This desk is {name} ({code}), enrolled with headquarters.").format(
                name=identity.name, code=identity.code
            )
        )
        return 0
    if not args.code:
        raise CliError(_("Give --code CODE, or --enrollment FILE from headquarters."))
    identity = setup.init_station(ctx, args.code, args.name)
    print(_("This desk is now {name} ({code}).").format(name=identity.name, code=identity.code))
    return 0


def cmd_enroll_station(ctx: DeskContext, args: argparse.Namespace) -> int:
    path = sync_hq.enroll_station(ctx, args.code, args.out)
    print(
        _(
            "Enrollment file written: {path}. Carry it to the station and run there: "
            "cplc-desk init-station --enrollment FILE. It holds a secret: delete it afterwards."
        ).format(path=path)
    )
    return 0


def cmd_revoke_station(ctx: DeskContext, args: argparse.Namespace) -> int:
    n = sync_hq.revoke_station(ctx, args.code)
    print(_("{n} key(s) of {code} revoked.").format(n=n, code=args.code.upper()))
    return 0


def cmd_export_bundle(ctx: DeskContext, args: argparse.Namespace) -> int:
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
    outcomes = sync_hq.import_bundles(ctx, args.paths)
    if not outcomes:
        raise CliError(_("No bundles found in the files or folders given."))
    if args.json:
        print(json.dumps([o.as_dict() for o in outcomes], indent=2, ensure_ascii=False))
    else:
        for o in outcomes:
            label = f"{o.station or '?'} #{o.sequence}" if o.sequence else Path(o.file).name
            print(f"{label}: {o.status.upper()}: {o.message}")
    refused = [o for o in outcomes if o.status == "refused"]
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
    v = sync_hq.verify_bundle(ctx, args.file)
    if args.json:
        print(
            json.dumps(
                {**v.__dict__, "created_at": v.created_at.isoformat() if v.created_at else None}
            )
        )
    else:
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
        raise CliError(v.message)
    return 0


def cmd_open_bundle(ctx: DeskContext, args: argparse.Namespace) -> int:
    opened = sync_hq.open_bundle(ctx, args.file, args.out)
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


def cmd_verify_vehicle(ctx: DeskContext, args: argparse.Namespace) -> int:
    result = vehicles.verify(ctx, args.identifier)
    if args.json:
        print(json.dumps(vehicles.verification_dict(result), ensure_ascii=False, indent=2))
        return result.exit_code
    headline = {
        "none": _("No record: {key} is not reported stolen, snatched or recovered here."),
        "stolen": _("REPORTED STOLEN/SNATCHED: {key} has an open theft report."),
        "recovered": _("Recovered: {key} was reported and has been recovered."),
    }[result.result]
    print(headline.format(key=result.key))
    for r in result.reports:
        when = r.incident_at.date().isoformat() if r.incident_at else "?"
        fir = f", FIR {r.fir_number}" if r.fir_number else ""
        print(
            f"  {r.number} {r.kind} ({r.status}) {r.description} - {r.police_station}, {when}{fir} [{r.source}]"
        )
    print(
        _("Hotlist consulted: {when}.").format(
            when=result.hotlist_as_of.isoformat() if result.hotlist_as_of else _("none yet")
        )
    )
    return result.exit_code


def cmd_sync_status(ctx: DeskContext, args: argparse.Namespace) -> int:
    identity = ctx.require_identity()
    if identity.is_station:
        st = sync_station.status(ctx)
        data: object = {
            **st.__dict__,
            "last_export_at": st.last_export_at.isoformat() if st.last_export_at else None,
        }
    else:
        data = [
            {
                **row.__dict__,
                "last_bundle_created_at": row.last_bundle_created_at.isoformat()
                if row.last_bundle_created_at
                else None,
                "last_import_at": row.last_import_at.isoformat() if row.last_import_at else None,
            }
            for row in sync_hq.stations_overview(ctx)
        ]
    print(json.dumps(data, indent=None if args.json else 2, ensure_ascii=False))
    return 0


def cmd_init_hq(ctx: DeskContext, args: argparse.Namespace) -> int:
    identity = setup.init_hq(ctx, args.name)
    print(_("This desk is now headquarters: {name}.").format(name=identity.name))
    return 0


def cmd_stations(ctx: DeskContext, args: argparse.Namespace) -> int:
    rows = reference.stations(ctx)
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r.code:6} {r.name:32} {r.district_name:10} {r.zone_name}")
    return 0


def cmd_import_csv(ctx: DeskContext, args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    report = csv_import.import_csv(ctx, args.register, args.file, progress=progress)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            _(
                "{file}: {rows} rows, {imported} imported, {present} already present, {bad} not imported."
            ).format(
                file=report.file,
                rows=report.rows,
                imported=report.imported,
                present=report.already_present,
                bad=len(report.bad_rows),
            )
        )
        for bad in report.bad_rows:
            print(
                _("  line {line}: {reasons}").format(line=bad.line, reasons="; ".join(bad.reasons))
            )
        if report.ignored_columns:
            print(_("  columns ignored: {cols}").format(cols=", ".join(report.ignored_columns)))
    if report.bad_rows:
        print(
            _(
                "{n} rows were not imported; the other rows were saved. Fix those rows and import the file again."
            ).format(n=len(report.bad_rows)),
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_stats(ctx: DeskContext, args: argparse.Namespace) -> int:
    stats = store_stats(ctx).as_dict()
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
        return 0
    for kind in ("complaints", "vehicle_reports"):
        block = stats[kind]
        assert isinstance(block, dict)
        print(f"{kind}: {block['total']}")
        for group in ("by_kind", "by_status", "by_station"):
            if block.get(group):
                print(f"  {group}: " + ", ".join(f"{k}={v}" for k, v in block[group].items()))
    return 0


def cmd_print_receipt(ctx: DeskContext, args: argparse.Namespace) -> int:
    # Imported here so other commands do not pay for loading ReportLab.
    from cplc_desk.domain.enums import RecordKind
    from cplc_desk.domain.ids import RecordNumber
    from cplc_desk.printing.receipt import render_receipt
    from cplc_desk.services import complaints, receipts
    from cplc_desk.sync.files import write_atomically

    out: Path = args.out
    if out.is_dir():
        raise CliError(_("{path} is a folder; give a file name ending in .pdf").format(path=out))
    parsed = RecordNumber.parse(args.number)
    # Recorded in the audit trail as printed; a second and later print is marked COPY.
    receipt: Any
    if parsed is not None and parsed.kind is RecordKind.VEHICLE_REPORT:
        report_id = vehicles.find_id_by_number(ctx, str(parsed))
        receipt = vehicles.issue_receipt(ctx, report_id)
    else:
        complaint = complaints.find_by_number(ctx, args.number)
        receipt = receipts.issue_receipt(ctx, complaint.id, layout=args.format)
    try:
        write_atomically(out, render_receipt(receipt, args.format))
    except OSError as exc:
        raise CliError(
            _("Cannot write {path}: {reason}").format(path=out, reason=exc.strerror or exc)
        ) from None
    if receipt.copy:
        message = _("Receipt {number} (a copy: printed before) written to {path}")
    else:
        message = _("Receipt {number} written to {path}")
    print(message.format(number=receipt.number, path=out))
    return 0


def cmd_check(ctx: DeskContext, args: argparse.Namespace) -> int:
    report = check_store(ctx)
    if args.json:
        print(json.dumps({"ok": report.ok, "checks": report.checks, "problems": report.problems}))
    elif report.ok:
        print(_("Store is healthy ({checks}).").format(checks=", ".join(report.checks)))
    if not report.ok:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        raise CliError(_("The store failed {n} checks.").format(n=len(report.problems)))
    return 0


# ------------------------------------------------------------------ plumbing


def _setup_logging(paths: DeskPaths) -> None:
    # Log files never receive personal data: services log record numbers and counts only.
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.logs / "cplc-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("cplc_desk")
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def _open(paths: DeskPaths) -> DeskContext:
    try:
        return open_desk(paths)
    except (StoreError, ServiceError) as exc:
        raise CliError(str(exc)) from None


def _demo_desk(tmp: Path) -> DeskContext:
    from cplc_desk.services import demo

    ctx = _open(DeskPaths(tmp))
    demo.populate(ctx)
    return ctx


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[DeskContext, argparse.Namespace], int] | None = getattr(
        args, "handler", None
    )
    demo_dir = Path(tempfile.mkdtemp(prefix="cplc-desk-demo-")) if args.demo else None
    try:
        paths = DeskPaths(demo_dir) if demo_dir else DeskPaths.resolve(args.data_dir)
        try:
            paths.ensure()
        except OSError as exc:
            raise CliError(
                _("Cannot use the data folder {path}: {reason}").format(
                    path=paths.data_dir, reason=exc.strerror
                )
            ) from None
        _setup_logging(paths)
        if handler is None:
            from cplc_desk.gui.app import run_gui

            return int(run_gui(paths, demo=bool(demo_dir)))
        ctx = _demo_desk(paths.data_dir) if demo_dir else _open(paths)
        try:
            return handler(ctx, args)
        except (ServiceError, StoreError) as exc:
            raise CliError(str(exc)) from None
        finally:
            ctx.close()
    except CliError as exc:
        print(f"cplc-desk: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except KeyboardInterrupt:
        print("cplc-desk: " + _("interrupted; every batch already saved is kept."), file=sys.stderr)
        return 130
    finally:
        for h in logging.getLogger("cplc_desk").handlers[:]:
            h.close()
            logging.getLogger("cplc_desk").removeHandler(h)
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
