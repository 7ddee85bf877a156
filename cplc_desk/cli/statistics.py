"""Crime statistics from the command line (docs/statistics.md): a month's figures printed, as
JSON, or written as CSV, XLSX or PDF; a month published at headquarters."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cplc_desk.cli.common import Subparsers, command, flag, one_of, option
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.domain.statistics import StatisticsReport
    from cplc_desk.services.desk.context import DeskContext


def register(sub: Subparsers) -> None:
    command(
        sub,
        "statistics",
        cmd_statistics,
        _("a month's crime figures (at headquarters city-wide, at a station its own)"),
        option("--month", required=True, metavar="YYYY-MM", help=_("the month, e.g. 2026-10")),
        option("--to", metavar="YYYY-MM", help=_("the last month of a range (included)")),
        one_of(
            option("--station", metavar="CODE", help=_("one police station (its code)")),
            option("--district", metavar="NAME", help=_("one district (its name)")),
        ),
        flag("--json", _("print the report as one JSON object")),
        option("--csv", type=Path, metavar="FILE", help=_("write the report as CSV")),
        option("--xlsx", type=Path, metavar="FILE", help=_("write the report as an Excel file")),
        option("--pdf", type=Path, metavar="FILE", help=_("write the report as PDF")),
        flag(
            "--publish",
            _("keep these figures as published (headquarters); later views show what changed"),
        ),
        flag(
            "--public",
            _("for the public: hide station figures below 3 for kidnapping and extortion"),
        ),
    )


def cmd_statistics(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.domain.statistics import Month, StatisticsRequest
    from cplc_desk.services.statistics import export, publication, report

    request = StatisticsRequest(
        Month.parse(args.month),
        Month.parse(args.to) if args.to else None,
        args.station,
        args.district,
        args.public,
    )
    result = report.compute(ctx, request)
    replica = ctx.store.replica
    if replica is not None and replica.warning:  # read from the server instead: say why
        print(replica.warning, file=sys.stderr)
    if args.publish:
        done = publication.publish(ctx, result)
        print(_("Published {month} ({scope}).").format(month=done.month, scope=done.scope))
    for fmt in ("csv", "xlsx", "pdf"):
        target = getattr(args, fmt)
        if target is not None:
            export.export(ctx, result, target, fmt)
            print(_("Written to {path}.").format(path=target))
    if args.json:
        print(json.dumps(export.to_json(result), ensure_ascii=False, indent=2))
    elif not any(getattr(args, f) for f in ("csv", "xlsx", "pdf")) and not args.publish:
        _print(result)
    return 0


def _print(report: StatisticsReport) -> None:
    req = report.request
    print(_("{scope}, {month}").format(scope=report.scope_label, month=req.month))
    print("\t".join(["category", "count", "prev", "last_year", "ytd", "prev_ytd", "change"]))
    for r in report.rows:
        if not (r.count or r.previous_month or r.same_month_last_year or r.year_to_date):
            continue
        c = r.vs_last_year
        pct = "" if c.percent is None else f" ({c.percent:+.1f}%)"
        cells = [r.category, r.count, r.previous_month, r.same_month_last_year, r.year_to_date]
        cells += [r.previous_year_to_date, f"{c.absolute:+d}{pct}"]
        print("\t".join(str(v) for v in cells))
    for note in report.footnotes:
        print("* " + note)
