"""The vehicle desk's verbs: register a vehicle report, find theft reports a recovered vehicle
may belong to, confirm a match, verify a vehicle ("is this one stolen?"), and issue the owner's
receipt. Finding and viewing reports is in :mod:`cplc_desk.services.vehicles.vehicle_list`.

Candidates come from :mod:`cplc_desk.services.vehicles.wanted` (this desk's open thefts and the hotlist).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain.enums import (
    AuditAction,
    RecordKind,
)
from cplc_desk.domain.i18n import N_, _
from cplc_desk.domain.matching import Looks, VehicleKeys
from cplc_desk.domain.records import (
    CleanVehicleReport,
    VehicleReportDraft,
    validate_vehicle_report,
)
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.services.desk.context import DeskContext, DeskIdentity, ServiceError
from cplc_desk.services.desk.receipts import (
    ReportReceiptData,
    issued,
    prepare,
    report_receipt_fields,
)
from cplc_desk.services.desk.receipts import (
    record_printed as record_printed,  # a print is recorded here too
)
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
from cplc_desk.services.desk.report_links import link_recovery
from cplc_desk.services.vehicles.wanted import (
    MatchCandidate,
    _describe,
    rank,
    wanted_index,
)
from cplc_desk.storage.models import (
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
    link_recovery(
        ctx,
        VehicleReport,
        recovery_id,
        theft_id,
        action=AuditAction.VEHICLE_MATCHED,
        missing=_("One of the two vehicle reports does not exist."),
        not_matchable=_("Only a recovered or found vehicle can be matched to a theft."),
    )


# ------------------------------------------------------------------ the owner's receipt


@dataclass(frozen=True)
class VehicleReceiptData(ReportReceiptData):
    """What the owner's receipt shows (the same printing code as complaint receipts):
    ``category`` what was reported, e.g. "Motorcycle stolen"; ``summary`` the vehicle and its
    identifiers."""

    kind: str = "vehicle_report"


TABLE = "vehicle_report"
_KIND_WORDS = {
    "stolen": N_("stolen"), "snatched": N_("snatched"), "recovered": N_("recovered"),
    "found_abandoned": N_("found abandoned"),
}  # fmt: skip


def _receipt(s: Session, identity: DeskIdentity, r: VehicleReport) -> VehicleReceiptData:
    vclass = s.get(VehicleClassRef, r.vehicle_class)

    def described(language: str) -> tuple[str, str]:
        """(what was reported, the vehicle and its identifiers) in ``language``."""
        tr = functools.partial(i18n.in_language, language)
        identifiers = [
            tr(N_("registration {value}")).format(value=r.registration) if r.registration else "",
            tr(N_("chassis {value}")).format(value=r.chassis) if r.chassis else "",
            tr(N_("engine {value}")).format(value=r.engine) if r.engine else "",
        ]
        vclass_name = local_name(vclass, r.vehicle_class, language)
        kind = tr(_KIND_WORDS[r.kind]) if r.kind in _KIND_WORDS else r.kind
        return f"{vclass_name} {kind}", " · ".join(x for x in [_describe(r), *identifiers] if x)

    category, summary = described(i18n.ENGLISH)
    category_ur, summary_ur = described(i18n.URDU)
    return VehicleReceiptData(
        **report_receipt_fields(s, identity, r),
        category=category,
        summary=summary,
        category_ur=category_ur,
        summary_ur=summary_ur,
    )


def prepare_receipt(ctx: DeskContext, report_id: str) -> VehicleReceiptData:
    """The owner's receipt data, not yet recorded (``copy`` when one went out before). Record
    it with :func:`record_printed` once it was sent to the printer or written to a file."""
    missing = _("This vehicle report does not exist.")
    return prepare(ctx, VehicleReport, report_id, missing, _receipt)


def issue_receipt(ctx: DeskContext, report_id: str, layout: str = "a5") -> VehicleReceiptData:
    """The owner's receipt data for a receipt that goes straight out, recorded as printed."""
    return issued(ctx, prepare_receipt(ctx, report_id), layout)


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
