"""The owner's receipt for a phone report: the data it shows, recorded as printed once it went
out (later prints are copies), as for vehicle reports (docs/receipts.md).

Personal data is masked as everywhere else: the CNIC as ``42101-*****67-1``, the SIM number as
``0300-***4567`` (the network and the last four digits: enough for the owner to recognise it);
the owner's mobile number and address are never printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cplc_desk.domain import i18n
from cplc_desk.domain import imei as imeis
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.i18n import N_, _
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.receipt_log import printed_before, record_receipt
from cplc_desk.services.phones.phone_list import describe
from cplc_desk.storage.models import Person, PhoneReport, PoliceStation

TABLE = "phone_report"
_REPORTED = {
    "stolen": N_("Phone stolen"),
    "snatched": N_("Phone snatched"),
    "recovered": N_("Phone recovered"),
    "found": N_("Phone found"),
}


@dataclass(frozen=True)
class PhoneReceiptData:
    """What the owner's receipt shows (the printing code of complaint and vehicle receipts);
    personal data already masked."""

    number: str
    registered_at: datetime
    desk_name: str
    desk_code: str
    complainant: str  # the owner; may be empty for a found handset
    cnic_masked: str
    category: str  # what was reported, e.g. "Phone snatched"
    police_station: str
    summary: str  # the handset: colour, make and model
    status: str
    fir_number: str | None
    copy: bool
    printed_at: datetime
    kind: str = "phone_report"
    # The same in Urdu (the receipt prints both languages).
    desk_name_ur: str = ""
    category_ur: str = ""
    police_station_ur: str = ""
    summary_ur: str = ""
    report_kind: str = ""  # stolen | snatched | recovered | found: its "what happens next"
    # A recovery: the theft report it was matched to; a theft: the recovery that closed it.
    matched_number: str = ""
    imeis: tuple[str, ...] = ()  # grouped for reading aloud (domain.imei.grouped)
    imei_altered: bool = False
    sim_masked: str = ""
    incident_at: datetime | None = None
    incident_place: str = ""
    record_id: str = ""  # the report's id, for recording the print


def prepare_receipt(ctx: DeskContext, report_id: str) -> PhoneReceiptData:
    """The owner's receipt data, not yet recorded (``copy`` when one went out before). Record
    it with :func:`record_printed` once it was sent to the printer or written to a file."""
    ctx.require(Permission.PRINT)
    identity = ctx.require_identity()
    with ctx.store.read() as s:
        r = s.get(PhoneReport, report_id)
        if r is None or r.deleted_at is not None:
            raise ServiceError(_("This phone report does not exist."))
        owner = s.get(Person, r.owner_id) if r.owner_id else None
        station = s.get(PoliceStation, r.police_station_code)
        desk_station = s.get(PoliceStation, identity.code)
        matched = s.get(PhoneReport, r.matched_report_id) if r.matched_report_id else None
        reported = _REPORTED.get(r.kind, r.kind)
        return PhoneReceiptData(
            number=r.number,
            registered_at=r.created_at,
            desk_name=identity.name,
            desk_code=identity.code,
            complainant=owner.name if owner else "",
            cnic_masked=mask_cnic(owner.cnic) if owner and owner.cnic else "",
            category=i18n.in_language(i18n.ENGLISH, reported),
            police_station=station.name if station else r.police_station_code,
            summary=describe(r.make, r.model, r.colour),
            status=r.status,
            fir_number=r.fir_number,
            copy=printed_before(s, TABLE, r.id),
            printed_at=now_utc(),
            desk_name_ur=desk_station.name_ur if desk_station else "",
            category_ur=i18n.in_language(i18n.URDU, reported),
            police_station_ur=station.name_ur if station else "",
            report_kind=r.kind,
            matched_number=matched.number if matched else "",
            imeis=tuple(imeis.grouped(n) for n in (r.imei, r.imei2) if n),
            imei_altered=r.imei_altered,
            sim_masked=mask_phone(r.sim_number) if r.sim_number else "",
            incident_at=r.incident_at,
            incident_place=r.incident_place or "",
            record_id=r.id,
        )


def record_printed(ctx: DeskContext, data: PhoneReceiptData, layout: str = "a5") -> bool:
    """Record that this receipt was sent to the printer or written to a file (see
    :mod:`cplc_desk.services.desk.receipt_log`); True when it was a reprint."""
    return record_receipt(ctx, TABLE, data.record_id, data.number, layout)


def issue_receipt(ctx: DeskContext, report_id: str, layout: str = "a5") -> PhoneReceiptData:
    """The owner's receipt data for a receipt that goes straight out, recorded as printed."""
    data = prepare_receipt(ctx, report_id)
    record_printed(ctx, data, layout)
    return data
