"""The vehicle desk's verbs: register a vehicle report, find theft reports a recovered vehicle
may belong to, confirm a match, verify a vehicle ("is this one stolen?"), and issue the owner's
receipt. Finding and viewing reports is in :mod:`cplc_desk.services.vehicles.vehicle_list`.

Candidates come from :mod:`cplc_desk.services.vehicles.wanted` (this desk's open thefts and the hotlist).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import (
    AuditAction,
    RecordKind,
    VehicleReportStatus,
)
from cplc_desk.domain.i18n import N_, _
from cplc_desk.domain.matching import Looks, VehicleKeys
from cplc_desk.domain.records import (
    CleanVehicleReport,
    VehicleReportDraft,
    validate_vehicle_report,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import mask_cnic, normalize_identifier
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.receipt_log import printed_before, record_receipt
from cplc_desk.services.desk.records import (
    AT_THE_DESK,
    Origin,
    Registered,
    add_record,
    check_reference,
    register,
    report_columns,
)
from cplc_desk.services.desk.reference import local_name
from cplc_desk.services.vehicles.match_sources import THEFT_KINDS
from cplc_desk.services.vehicles.wanted import (
    RECOVERY_KINDS,
    MatchCandidate,
    _describe,
    rank,
    wanted_index,
)
from cplc_desk.storage.models import (
    Person,
    PoliceStation,
    VehicleClassRef,
    VehicleReport,
)


def find_matches(ctx: DeskContext, report_id: str) -> list[MatchCandidate]:
    """Theft reports a recovered or found vehicle may belong to."""
    ctx.require(Permission.VERIFY_VEHICLE)
    with ctx.store.read() as s:
        report = s.get(VehicleReport, report_id)
        if report is None:
            raise ServiceError(_("This vehicle report does not exist."))
        keys = VehicleKeys(report.registration_key, report.chassis_key, report.engine_key)
        looks = Looks(report.make or "", report.model or "", report.colour or "")
    return rank(wanted_index(ctx), keys, exclude=report_id, looks=looks)


def candidates_for(
    ctx: DeskContext, registration: str, chassis: str, engine: str, looks: Looks
) -> list[MatchCandidate]:
    """The theft reports a recovered or found vehicle being typed in may belong to, before it is
    saved (the form shows them while the volunteer types). Nothing is written or audited: no
    person's data is looked up, only open thefts' identifiers."""
    ctx.require(Permission.VERIFY_VEHICLE)
    keys = VehicleKeys(
        normalize_identifier(registration) or None,
        normalize_identifier(chassis) or None,
        normalize_identifier(engine) or None,
    )
    if not any(keys.get(name) for name in ("registration", "chassis", "engine")):
        return []
    return rank(wanted_index(ctx), keys, looks=looks)


def confirm_match(ctx: DeskContext, recovery_id: str, theft_id: str) -> None:
    """A person confirmed: link the two reports and close the theft report as recovered."""
    ctx.require(Permission.VERIFY_VEHICLE)
    with ctx.unit_of_work() as s:
        recovery = s.get(VehicleReport, recovery_id)
        theft = s.get(VehicleReport, theft_id)
        if recovery is None or theft is None:
            raise ServiceError(_("One of the two vehicle reports does not exist."))
        if recovery.kind not in RECOVERY_KINDS or theft.kind not in THEFT_KINDS:
            raise ServiceError(_("Only a recovered or found vehicle can be matched to a theft."))
        if theft.status != VehicleReportStatus.OPEN.value:
            raise ServiceError(
                _("Report {number} is already closed as {status}.").format(
                    number=theft.number, status=theft.status
                )
            )
        identity = ctx.require_identity()
        recovery.status = VehicleReportStatus.MATCHED.value
        recovery.matched_report_id = theft.id
        if theft.origin_desk == identity.code:
            # A desk changes only its own records; another station's report is closed there
            # (headquarters' cross-station matching carries the link).
            theft.status = VehicleReportStatus.RECOVERED.value
            theft.matched_report_id = recovery.id
        ctx.audit(
            s,
            AuditAction.VEHICLE_MATCHED,
            record_table="vehicle_report",
            record_id=theft.id,
            details={"theft": theft.number, "recovery": recovery.number},
        )


# ------------------------------------------------------------------ the owner's receipt


@dataclass(frozen=True)
class VehicleReceiptData:
    """What the owner's receipt shows (the same printing code as complaint receipts)."""

    number: str
    registered_at: datetime
    desk_name: str
    desk_code: str
    complainant: str  # the owner; empty for a found vehicle
    cnic_masked: str
    category: str  # what was reported, e.g. "Motorcycle stolen"
    police_station: str
    summary: str  # the vehicle and its identifiers
    status: str
    fir_number: str | None
    copy: bool
    printed_at: datetime
    kind: str = "vehicle_report"
    # The same in Urdu (the receipt prints both languages).
    desk_name_ur: str = ""
    category_ur: str = ""
    police_station_ur: str = ""
    summary_ur: str = ""
    report_kind: str = ""  # stolen | snatched | recovered | found_abandoned: its "what next"
    matched_number: str = ""  # for a recovery: the theft report it was matched to
    record_id: str = ""  # the report's id, for recording the print


TABLE = "vehicle_report"
_KIND_WORDS = {
    "stolen": N_("stolen"), "snatched": N_("snatched"), "recovered": N_("recovered"),
    "found_abandoned": N_("found abandoned"),
}  # fmt: skip


def prepare_receipt(ctx: DeskContext, report_id: str) -> VehicleReceiptData:
    """The owner's receipt data, not yet recorded (``copy`` when one went out before). Record
    it with :func:`record_printed` once it was sent to the printer or written to a file."""
    ctx.require(Permission.PRINT)
    identity = ctx.require_identity()
    with ctx.store.read() as s:
        r = s.get(VehicleReport, report_id)
        if r is None or r.deleted_at is not None:
            raise ServiceError(_("This vehicle report does not exist."))
        owner = s.get(Person, r.owner_id) if r.owner_id else None
        vclass = s.get(VehicleClassRef, r.vehicle_class)
        station = s.get(PoliceStation, r.police_station_code)
        desk_station = s.get(PoliceStation, identity.code)
        matched = s.get(VehicleReport, r.matched_report_id) if r.matched_report_id else None

        def described(language: str) -> tuple[str, str]:
            """(what was reported, the vehicle and its identifiers) in ``language``."""
            tr = functools.partial(i18n.in_language, language)
            identifiers = [
                tr(N_("registration {value}")).format(value=r.registration)
                if r.registration
                else "",
                tr(N_("chassis {value}")).format(value=r.chassis) if r.chassis else "",
                tr(N_("engine {value}")).format(value=r.engine) if r.engine else "",
            ]
            vclass_name = local_name(vclass, r.vehicle_class, language)
            kind = tr(_KIND_WORDS[r.kind]) if r.kind in _KIND_WORDS else r.kind
            return f"{vclass_name} {kind}", " · ".join(x for x in [_describe(r), *identifiers] if x)

        category, summary = described(i18n.ENGLISH)
        category_ur, summary_ur = described(i18n.URDU)
        return VehicleReceiptData(
            number=r.number,
            registered_at=r.created_at,
            desk_name=identity.name,
            desk_code=identity.code,
            complainant=owner.name if owner else "",
            cnic_masked=mask_cnic(owner.cnic) if owner and owner.cnic else "",
            category=category,
            police_station=station.name if station else r.police_station_code,
            summary=summary,
            status=r.status,
            fir_number=r.fir_number,
            copy=printed_before(s, TABLE, r.id),
            printed_at=now_utc(),
            desk_name_ur=desk_station.name_ur if desk_station else "",
            category_ur=category_ur,
            police_station_ur=station.name_ur if station else "",
            summary_ur=summary_ur,
            report_kind=r.kind,
            matched_number=matched.number if matched else "",
            record_id=r.id,
        )


def record_printed(ctx: DeskContext, data: VehicleReceiptData, layout: str = "a5") -> bool:
    """Record that this receipt was sent to the printer or written to a file; True when it was
    a reprint."""
    return record_receipt(ctx, TABLE, data.record_id, data.number, layout)


def issue_receipt(ctx: DeskContext, report_id: str, layout: str = "a5") -> VehicleReceiptData:
    """The owner's receipt data for a receipt that goes straight out, recorded as printed."""
    data = prepare_receipt(ctx, report_id)
    record_printed(ctx, data, layout)
    return data


def find_id_by_number(ctx: DeskContext, number: str) -> str:
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        found = s.scalar(select(VehicleReport.id).where(VehicleReport.number == number))
    if found is None:
        raise ServiceError(
            _("No vehicle report has the number {number}. Check it on the receipt.").format(
                number=number
            )
        )
    return found


def insert_vehicle_report(
    ctx: DeskContext,
    s: Session,
    clean: CleanVehicleReport,
    origin: Origin = AT_THE_DESK,
) -> Registered:
    check_reference(
        s,
        VehicleClassRef,
        clean.vehicle_class.value,
        "vehicle_class",
        _("Choose a kind of vehicle from the list."),
    )
    report = VehicleReport(
        **report_columns(s, RecordKind.VEHICLE_REPORT, clean, origin),
        kind=clean.kind.value,
        vehicle_class=clean.vehicle_class.value,
        registration=clean.registration.display if clean.registration else None,
        registration_key=clean.registration.normalized if clean.registration else None,
        chassis=clean.chassis.display if clean.chassis else None,
        chassis_key=clean.chassis.normalized if clean.chassis else None,
        engine=clean.engine.display if clean.engine else None,
        engine_key=clean.engine.normalized if clean.engine else None,
        model_year=clean.model_year,
    )
    return add_record(ctx, s, report, origin)


def register_vehicle_report(ctx: DeskContext, draft: VehicleReportDraft) -> Registered:
    return register(ctx, draft, validate_vehicle_report, insert_vehicle_report)
