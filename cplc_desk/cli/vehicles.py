"""Vehicle verification."""

from __future__ import annotations

import argparse
import json

from cplc_desk.cli.common import Subparsers
from cplc_desk.domain.i18n import _
from cplc_desk.services import vehicles
from cplc_desk.services.context import DeskContext


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "verify-vehicle",
        help=_("is this vehicle reported? exit 0 no record, 3 open theft report, 4 recovered"),
    )
    p.add_argument("identifier", help=_("registration, chassis or engine number"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify_vehicle)


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
