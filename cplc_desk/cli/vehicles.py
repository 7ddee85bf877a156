"""Vehicle verification."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cplc_desk.cli.common import JSON, Subparsers, command, option
from cplc_desk.domain.clock import shown_day
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext
    from cplc_desk.services.vehicles import verification


def register(sub: Subparsers) -> None:
    command(
        sub,
        "verify-vehicle",
        cmd_verify_vehicle,
        _(
            "is this vehicle reported? exit 0 no record, 3 open theft report, 4 recovered, "
            "5 a near record only (one character off)"
        ),
        option("identifier", help=_("registration, chassis or engine number")),
        JSON,
    )


def cmd_verify_vehicle(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.vehicles import verification

    result = verification.verify(ctx, args.identifier)
    if args.json:
        print(json.dumps(verification.verification_dict(result), ensure_ascii=False, indent=2))
        return result.exit_code
    headline = {
        "none": _("No record: {key} is not reported stolen, snatched or recovered here."),
        "stolen": _("REPORTED STOLEN/SNATCHED: {key} has an open theft report."),
        "recovered": _("Recovered: {key} was reported and has been recovered."),
        "near": _(
            "NEAR RECORD ONLY: {key} itself is not reported, but a vehicle one slip away is. "
            "Compare the documents with the vehicle's plate, chassis and engine numbers "
            "character by character before going on."
        ),
    }[result.result]
    print(headline.format(key=result.key))
    for r in result.reports:
        print(_line(r))
    for r in result.near or []:
        print(_line(r))
        print("    " + verification.what_differs(r, result.key))
    h = result.hotlist
    if h is None:
        print(_("No hotlist received yet: only this desk's own reports were checked."))
    else:
        print(
            _(
                "Hotlist consulted: number {seq}, issued {issued}, valid until {expires} "
                "({n} open thefts city-wide)."
            ).format(
                seq=h.sequence,
                issued=h.issued_at.isoformat(timespec="minutes"),
                expires=h.expires_at.isoformat(timespec="minutes"),
                n=h.entries,
            )
        )
        if h.expired:
            print(
                _(
                    "WARNING: this hotlist EXPIRED on {date}. Thefts reported at other stations "
                    "since {issued} are not known here. Import a new hotlist from headquarters."
                ).format(
                    date=h.expires_at.date().isoformat(), issued=h.issued_at.date().isoformat()
                ),
                file=sys.stderr,
            )
    return result.exit_code


def _line(r: verification.VehicleSummary) -> str:
    when = shown_day(r.incident_at, "?")  # the day in Pakistan
    fir = f", FIR {r.fir_number}" if r.fir_number else ""
    return (
        f"  {r.number} {r.kind} ({r.status}) {r.description} - {r.police_station}, {when}{fir} "
        f"[{r.source}]"
    )
