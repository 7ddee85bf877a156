"""A complaint's receipt: the data it shows, recorded as printed once it went out (later prints
are copies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import mask_cnic
from cplc_desk.services.complaints.complaints import _load
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.receipt_log import printed_before, record_receipt
from cplc_desk.storage.models import ComplaintCategory, Person, PoliceStation

TABLE = "complaint"


@dataclass(frozen=True)
class ReceiptData:
    """Everything a receipt shows; personal data already masked."""

    number: str
    registered_at: datetime
    desk_name: str
    desk_code: str
    complainant: str
    cnic_masked: str
    category: str
    police_station: str
    summary: str
    status: str
    fir_number: str | None
    copy: bool
    printed_at: datetime
    # The Urdu names of the reference data (the receipt prints both languages).
    desk_name_ur: str = ""
    category_ur: str = ""
    police_station_ur: str = ""
    record_id: str = ""  # the complaint's id, for recording the print


def prepare_receipt(ctx: DeskContext, complaint_id: str) -> ReceiptData:
    """The data for a receipt, not yet recorded (``copy`` when one went out before). Record it
    with :func:`record_printed` once it was sent to the printer or written to a file."""
    ctx.require(Permission.PRINT)
    identity = ctx.require_identity()
    with ctx.store.read() as s:
        c = _load(s, complaint_id)
        person = s.get(Person, c.complainant_id)
        category = s.get(ComplaintCategory, c.category_code)
        station = s.get(PoliceStation, c.police_station_code)
        desk_station = s.get(PoliceStation, identity.code)
        assert person is not None
        narrative = " ".join(c.narrative.split())
        return ReceiptData(
            number=c.number,
            registered_at=c.created_at,
            desk_name=identity.name,
            desk_code=identity.code,
            complainant=person.name,
            cnic_masked=mask_cnic(person.cnic) if person.cnic else "",
            category=category.name if category else c.category_code,
            police_station=station.name if station else c.police_station_code,
            summary=narrative if len(narrative) <= 240 else narrative[:237].rstrip() + "...",
            status=c.status,
            fir_number=c.fir_number,
            copy=printed_before(s, TABLE, c.id),
            printed_at=now_utc(),
            desk_name_ur=desk_station.name_ur if desk_station else "",
            category_ur=category.name_ur if category else "",
            police_station_ur=station.name_ur if station else "",
            record_id=c.id,
        )


def record_printed(ctx: DeskContext, data: ReceiptData, layout: str) -> bool:
    """Record that this receipt was sent to the printer or written to a file (see
    :mod:`cplc_desk.services.desk.receipt_log`); True when it was a reprint."""
    return record_receipt(ctx, TABLE, data.record_id, data.number, layout)


def issue_receipt(ctx: DeskContext, complaint_id: str, layout: str = "a5") -> ReceiptData:
    """The data for a receipt that goes straight out, recorded as printed at once."""
    data = prepare_receipt(ctx, complaint_id)
    record_printed(ctx, data, layout)
    return data
