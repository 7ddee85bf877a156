"""Is it reported? A vehicle (``verify-vehicle``) or a handset by its IMEI (``verify-phone``,
docs/phones.md): the reports found here and in headquarters' hotlist, and how old that list is."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

from cplc_desk.cli.common import JSON, Subparsers, command, option
from cplc_desk.domain.clock import shown_day
from cplc_desk.domain.i18n import _

if TYPE_CHECKING:
    from cplc_desk.services.desk.context import DeskContext
    from cplc_desk.services.phones.phones import PhoneSummary
    from cplc_desk.services.vehicles import verification
    from cplc_desk.services.vehicles.match_sources import SourceState


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
    command(
        sub,
        "verify-phone",
        cmd_verify_phone,
        _(
            "is this handset reported? exit 0 no record, 3 open theft report, 4 recovered, "
            "5 a near record only (one digit off), 1 not an IMEI"
        ),
        option("imei", help=_("the handset's IMEI (dial *#06#), 14 to 16 digits")),
        JSON,
    )


def _say_hotlist(h: SourceState | None, none: str, consulted: str, expired: str) -> None:
    """Which hotlist the check consulted (``consulted``), with a warning on stderr when it has
    expired (``expired``); ``none`` (if not empty) when no hotlist was received."""
    if h is None:
        if none:
            print(none)
        return
    print(
        consulted.format(
            seq=h.sequence,
            issued=h.issued_at.isoformat(timespec="minutes"),
            expires=h.expires_at.isoformat(timespec="minutes"),
            n=h.entries,
        )
    )
    if h.expired:
        print(
            expired.format(
                date=h.expires_at.date().isoformat(), issued=h.issued_at.date().isoformat()
            ),
            file=sys.stderr,
        )


# ------------------------------------------------------------------ vehicles


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
        print(_vehicle_line(r))
    for r in result.near or []:
        print(_vehicle_line(r))
        print("    " + verification.what_differs(r, result.key))
    _say_hotlist(
        result.hotlist,
        _("No hotlist received yet: only this desk's own reports were checked."),
        _(
            "Hotlist consulted: number {seq}, issued {issued}, valid until {expires} "
            "({n} open thefts city-wide)."
        ),
        _(
            "WARNING: this hotlist EXPIRED on {date}. Thefts reported at other stations "
            "since {issued} are not known here. Import a new hotlist from headquarters."
        ),
    )
    return result.exit_code


def _vehicle_line(r: verification.VehicleSummary) -> str:
    when = shown_day(r.incident_at, "?")  # the day in Pakistan
    fir = f", FIR {r.fir_number}" if r.fir_number else ""
    return (
        f"  {r.number} {r.kind} ({r.status}) {r.description} - {r.police_station}, {when}{fir} "
        f"[{r.source}]"
    )


# ------------------------------------------------------------------ handsets


def cmd_verify_phone(ctx: DeskContext, args: argparse.Namespace) -> int:
    from cplc_desk.services.phones import phones

    check = phones.verify_phone(ctx, args.imei)
    if args.json:
        data = {
            "imei": check.imei, "valid": check.valid, "result": check.result,
            "exit_code": check.exit_code,
            "reports": [_plain(r) for r in check.reports], "near": [_plain(r) for r in check.near],
            "hotlist": _hotlist(check.hotlist),
        }  # fmt: skip
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return check.exit_code
    headline = {
        "none": _("No record: IMEI {imei} is not reported stolen, snatched or recovered here."),
        "stolen": _("REPORTED STOLEN/SNATCHED: IMEI {imei} has an open theft report. Do not buy "
                    "it: call CPLC (1102)."),
        "recovered": _("Recovered: IMEI {imei} was reported and has been recovered."),
        "near": _(
            "NEAR RECORD ONLY: IMEI {imei} itself is not reported, but a handset one digit "
            "away is. Read the IMEI again from the phone (*#06#) and compare it digit by digit "
            "before going on."
        ),
    }[check.result]  # fmt: skip
    print(headline.format(imei=check.imei))
    if not check.valid:
        print(_("  {imei} does not add up as an IMEI: one of its digits is probably mistyped.")
              .format(imei=check.imei))  # fmt: skip
    for r in [*check.reports, *check.near]:
        print(_phone_line(r, check.hotlist))
    identity = ctx.identity()
    _say_hotlist(
        check.hotlist,
        _("No hotlist received yet: only this desk's own phone reports were checked.")
        if identity is not None and identity.is_station
        else "",
        _(
            "Hotlist consulted: number {seq}, issued {issued}, valid until {expires} ({n} "
            "handsets reported stolen or snatched city-wide)."
        ),
        _(
            "WARNING: this hotlist EXPIRED on {date}. Handsets reported at other stations "
            "since {issued} are not known here. Import a new hotlist from headquarters."
        ),
    )
    return check.exit_code


def _hotlist(h: SourceState | None) -> dict[str, object] | None:
    if h is None:
        return None
    return {"sequence": h.sequence, "issued_at": h.issued_at.isoformat(),
            "expires_at": h.expires_at.isoformat(), "phones": h.entries, "expired": h.expired}  # fmt: skip


def _plain(r: PhoneSummary) -> dict[str, object]:
    data = asdict(r)
    data.pop("id")
    data["incident_at"] = r.incident_at.isoformat() if r.incident_at else None
    return data


def _phone_line(r: PhoneSummary, hotlist: SourceState | None) -> str:
    handset = " ".join(part for part in (r.make, r.model, r.colour) if part) or "?"
    imeis = r.imei + (f" / {r.imei2}" if r.imei2 else "")
    altered = _(" (IMEI suspected altered)") if r.imei_altered else ""
    source = ""
    if r.source == "hotlist" and hotlist is not None:
        source = _(" [headquarters' hotlist of {date}: reported at another station]").format(
            date=hotlist.issued_at.date().isoformat()
        )
    return (
        f"  {r.number} {r.kind} ({r.status}) {handset}, IMEI {imeis}{altered} - "
        f"{r.police_station}, {shown_day(r.incident_at, '?')}{source}"
    )
