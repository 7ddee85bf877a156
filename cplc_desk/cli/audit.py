"""Reading the audit trail from the command line, and writing extracts as CSV or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli.common import CliError, Subparsers, command, one_of, option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext


def register(sub: Subparsers) -> None:
    command(
        sub,
        "audit",
        cmd_audit,
        _("read the audit trail (filtered), or export an extract"),
        option("--actor", default="", help=_("only what this person did")),
        option(
            "--action", default="", help=_("only this action (e.g. record.updated, or just record)")
        ),
        option(
            "--record",
            default="",
            help=_("only entries about this record (its number or id), or about a CNIC or phone"),
        ),
        option("--desk", default="", help=_("only entries of this desk code")),
        option("--since", help=_("from this date (2026-11-24) or time (2026-11-24T14:30)")),
        option("--until", help=_("up to this date (inclusive) or time (exclusive)")),
        option("--limit", type=int, default=50, help=_("entries to print (default 50)")),
        one_of(
            option("--csv", type=Path, metavar="FILE", help=_("write the extract as CSV")),
            option("--pdf", type=Path, metavar="FILE", help=_("write the extract as PDF")),
        ),
    )


def cmd_audit(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.accounts import audit_view

    flt = audit_view.AuditFilter(
        actor=args.actor,
        action=args.action,
        record=args.record,
        desk=args.desk,
        since=audit_view.parse_when(args.since) if args.since else None,
        until=audit_view.parse_when(args.until, end=True) if args.until else None,
    )
    target = args.csv or args.pdf
    if target is not None:
        n = audit_view.export(ctx, flt, target, "csv" if args.csv else "pdf")
        print(_("{n} audit entries written to {path}.").format(n=n, path=target))
        return 0
    if args.limit < 1:
        raise CliError(_("--limit must be at least 1."))
    rows = audit_view.page(ctx, flt, limit=args.limit)
    for r in rows:
        print("\t".join(r.as_cells()))
    if not rows:
        print(_("No audit entries match."))
    return 0
