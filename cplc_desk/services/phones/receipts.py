"""The owner's receipt for a phone report: the data it shows, recorded as printed once it went
out (later prints are copies), as for vehicle reports (docs/receipts.md).

Personal data is masked as everywhere else: the CNIC as ``42101-*****67-1``, the SIM number as
``0300-***4567`` (the network and the last four digits: enough for the owner to recognise it);
the owner's mobile number and address are never printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain import imei as imeis
from cplc_desk.domain.i18n import N_, _
from cplc_desk.domain.validation import mask_phone
from cplc_desk.services.desk import receipts as shared
from cplc_desk.services.desk.context import DeskContext, DeskIdentity
from cplc_desk.services.phones.phone_list import describe
from cplc_desk.storage.models import PhoneReport

record_printed = shared.record_printed  # a print is recorded through this module too
TABLE = "phone_report"
_REPORTED = {
    "stolen": N_("Phone stolen"),
    "snatched": N_("Phone snatched"),
    "recovered": N_("Phone recovered"),
    "found": N_("Phone found"),
}


@dataclass(frozen=True)
class PhoneReceiptData(shared.ReportReceiptData):
    """What the owner's receipt shows (the printing code of complaint and vehicle receipts);
    personal data already masked. ``summary`` is the handset: colour, make and model."""

    kind: str = TABLE
    imeis: tuple[str, ...] = ()  # grouped for reading aloud (domain.imei.grouped)
    imei_altered: bool = False
    sim_masked: str = ""
    incident_at: datetime | None = None
    incident_place: str = ""


def _receipt(s: Session, identity: DeskIdentity, r: PhoneReport) -> PhoneReceiptData:
    reported = _REPORTED.get(r.kind, r.kind)
    return PhoneReceiptData(
        **shared.report_receipt_fields(s, identity, r),
        category=i18n.in_language(i18n.ENGLISH, reported),
        summary=describe(r.make, r.model, r.colour),
        category_ur=i18n.in_language(i18n.URDU, reported),
        imeis=tuple(imeis.grouped(n) for n in (r.imei, r.imei2) if n),
        imei_altered=r.imei_altered,
        sim_masked=mask_phone(r.sim_number) if r.sim_number else "",
        incident_at=r.incident_at,
        incident_place=r.incident_place or "",
    )


def prepare_receipt(ctx: DeskContext, report_id: str) -> PhoneReceiptData:
    """The owner's receipt data, not yet recorded (``copy`` when one went out before). Record
    it with :func:`record_printed` once it was sent to the printer or written to a file."""
    return shared.prepare(
        ctx, PhoneReport, report_id, _("This phone report does not exist."), _receipt
    )


def issue_receipt(ctx: DeskContext, report_id: str, layout: str = "a5") -> PhoneReceiptData:
    """The owner's receipt data for a receipt that goes straight out, recorded as printed."""
    return shared.issued(ctx, prepare_receipt(ctx, report_id), layout)
