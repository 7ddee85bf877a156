"""Checking a vehicle before it is bought or released: "is this vehicle reported?".

The identifier a person types is looked up as a registration, chassis and engine number at once
(a chassis number typed where an engine number belongs still counts), in this desk's reports and
in the hotlist headquarters sends. A one-character slip must not pass as "No record": when
nothing matches exactly, the identifiers one slip away (one character inserted, left out,
changed, two neighbours swapped, look-alike characters such as O and 0 exchanged) are looked up
too, and any report found that way is named with what differs. Every check is audited.

Results and exit codes (``cplc-desk verify-vehicle``): ``none`` 0, nothing exact or near;
``stolen`` 3, an open theft report; ``recovered`` 4, reported and since recovered; ``near`` 5,
no exact record but a near one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from cplc_desk.domain.enums import RECOVERY_KINDS, THEFT_KINDS, AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.matching import how_near, near_keys
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.reference import station_names
from cplc_desk.services.vehicles.match_sources import LOOKUP_LIMIT, SourceState, WantedVehicle
from cplc_desk.services.vehicles.wanted import _describe, sources
from cplc_desk.storage.many import any_of, by_index
from cplc_desk.storage.models import VehicleReport

EXIT_CODES = {"none": 0, "stolen": 3, "recovered": 4, "near": 5}
IDENTIFIER_FIELDS = ("registration", "chassis", "engine")


@dataclass(frozen=True)
class VehicleSummary:
    number: str
    kind: str
    status: str
    vehicle_class: str
    registration: str | None
    chassis: str | None
    engine: str | None
    description: str
    police_station: str
    incident_at: datetime | None
    fir_number: str | None
    fir_date: date | None
    source: str
    # For a near record: its field that is one slip from what was typed, and how it differs
    # (``one_off`` or ``lookalike``, see :func:`cplc_desk.domain.matching.how_near`).
    near_field: str | None = None
    near_kind: str | None = None

    def keys(self) -> dict[str, str]:
        return {
            name: normalize_identifier(value)
            for name in IDENTIFIER_FIELDS
            if (value := getattr(self, name))
        }


@dataclass(frozen=True)
class Verification:
    identifier: str
    key: str
    result: str  # none | stolen | recovered | near
    reports: list[VehicleSummary]  # exact records
    hotlist_as_of: datetime | None
    hotlist: SourceState | None = None
    near: list[VehicleSummary] | None = None  # records one slip away (looked for when no exact)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.result]


def verify(ctx: DeskContext, identifier: str) -> Verification:
    """Is this vehicle reported? Exact records first; when there are none, near ones. Recorded
    in the audit trail (who checked which identifier, and what the answer was)."""
    ctx.require(Permission.VERIFY_VEHICLE)
    key = normalize_identifier(identifier)
    if len(key) < 3:
        raise ServiceError(
            _("Type a registration, chassis or engine number (at least 3 letters or digits).")
        )
    with ctx.store.one_read():  # every look-up below in one read (one round trip less each)
        reports = _look_up(ctx, {key})
        near: list[VehicleSummary] = []
        if not reports:
            near = _near(key, _look_up(ctx, near_keys(key)))
        states = [st for st in (src.state(ctx) for src in sources()) if st is not None]
    open_theft = any(r.kind in THEFT_KINDS and r.status == "open" for r in reports)
    recovered = any(
        r.kind in RECOVERY_KINDS or r.status in ("recovered", "matched") for r in reports
    )
    result = "stolen" if open_theft else "recovered" if recovered else "near" if near else "none"
    hotlist = max(states, key=lambda st: st.issued_at, default=None)
    with ctx.audit_unit() as s:  # not queued behind another workstation's import
        ctx.audit(
            s,
            AuditAction.VEHICLE_VERIFIED,
            details={
                "identifier": key,
                "result": result,
                "reports": len(reports),
                "near": [r.number for r in near],
            },
        )
    return Verification(
        identifier, key, result, reports, hotlist.issued_at if hotlist else None, hotlist, near
    )


def _look_up(ctx: DeskContext, keys: Collection[str]) -> list[VehicleSummary]:
    """Reports (here, newest first, then the hotlist's) with one of ``keys`` in any field."""
    with ctx.store.read() as s:
        by_index(s)
        rows = s.scalars(
            select(VehicleReport)
            .where(
                any_of(
                    (
                        VehicleReport.registration_key,
                        VehicleReport.chassis_key,
                        VehicleReport.engine_key,
                    ),
                    keys,
                ),
                VehicleReport.deleted_at.is_(None),
            )
            # No ORDER BY: with one, SQLite walks the reports newest first instead of
            # looking the identifiers up. The few found are put in order here.
            .limit(LOOKUP_LIMIT * 4)
        )
        newest = sorted(rows, key=lambda r: r.created_at, reverse=True)[:LOOKUP_LIMIT]
        # Station names only for what was found: a miss is looked up twice (exact, then near).
        names = station_names(s) if newest else {}
        reports = [_local(r, names) for r in newest]
    for source in sources():
        reports += [_from_source(w) for w in source.lookup(ctx, keys)]
    return reports


def _near(typed: str, found: Iterable[VehicleSummary]) -> list[VehicleSummary]:
    """Each record found among the near identifiers, with the field that is near and how."""
    out = []
    for r in found:
        for name, value in r.keys().items():
            kind = how_near(typed, value)
            if kind is not None:
                out.append(replace(r, near_field=name, near_kind=kind))
                break
    return out


def _local(r: VehicleReport, names: dict[str, str]) -> VehicleSummary:
    return VehicleSummary(
        r.number,
        r.kind,
        r.status,
        r.vehicle_class,
        r.registration,
        r.chassis,
        r.engine,
        _describe(r),
        names.get(r.police_station_code, r.police_station_code),
        r.incident_at,
        r.fir_number,
        r.fir_date,
        "local",
    )


def _from_source(w: WantedVehicle) -> VehicleSummary:
    shown = w.written or w.keys
    return VehicleSummary(
        w.number,
        w.kind,
        "open",
        w.vehicle_class,
        shown.registration,
        shown.chassis,
        shown.engine,
        w.description,
        w.police_station,
        w.incident_at,
        w.fir_number,
        w.fir_date,
        w.source,
    )


def _summary_dict(r: VehicleSummary) -> dict[str, Any]:
    shown = ("number", "kind", "status", "vehicle_class", "registration", "chassis", "engine",
             "description", "police_station", "fir_number", "source")  # fmt: skip
    out = {k: getattr(r, k) for k in shown}
    out["incident_at"] = r.incident_at.isoformat() if r.incident_at else None
    out["fir_date"] = r.fir_date.isoformat() if r.fir_date else None
    if r.near_field is not None:
        out["near_field"], out["differs"] = r.near_field, r.near_kind
    return out


def verification_dict(v: Verification) -> dict[str, Any]:
    return {
        "identifier": v.identifier,
        "normalized": v.key,
        "result": v.result,
        "exit_code": v.exit_code,
        "hotlist_as_of": v.hotlist_as_of.isoformat() if v.hotlist_as_of else None,
        "hotlist": source_state_dict(v.hotlist),
        "reports": [_summary_dict(r) for r in v.reports],
        "near": [_summary_dict(r) for r in v.near or []],
    }


def source_state_dict(state: SourceState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "sequence": state.sequence,
        "issued_at": state.issued_at.isoformat(),
        "expires_at": state.expires_at.isoformat(),
        "entries": state.entries,
        "expired": state.expired,
    }


def what_differs(r: VehicleSummary, typed: str) -> str:
    """In words, how a near record's identifier differs from what was typed."""
    field = {
        "registration": _("registration"),
        "chassis": _("chassis number"),
        "engine": _("engine number"),
    }.get(r.near_field or "", r.near_field or "")
    value = getattr(r, r.near_field or "", None) or ""
    if r.near_kind == "lookalike":
        return _(
            "its {field} {value} is {typed} with look-alike characters exchanged (O and 0, I "
            "and 1, S and 5, B and 8...)"
        ).format(field=field, value=value, typed=typed)
    return _(
        "its {field} {value} is one character away from {typed} (one added, left out, changed "
        "or two swapped)"
    ).format(field=field, value=value, typed=typed)
