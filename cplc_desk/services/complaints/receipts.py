"""A complaint's receipt: the data it shows, recorded as printed (later prints are copies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import mask_cnic
from cplc_desk.services.complaints.complaints import _load
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.models import AuditEntry, ComplaintCategory, Person, PoliceStation


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


def issue_receipt(ctx: DeskContext, complaint_id: str, layout: str = "a5") -> ReceiptData:
    """The data for a receipt, recorded as printed (a second print is marked as a copy)."""
    ctx.require(Permission.PRINT)
    identity = ctx.require_identity()
    with ctx.unit_of_work() as s:
        c = _load(s, complaint_id)
        person = s.get(Person, c.complainant_id)
        category = s.get(ComplaintCategory, c.category_code)
        station = s.get(PoliceStation, c.police_station_code)
        desk_station = s.get(PoliceStation, identity.code)
        assert person is not None
        printed_before = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                and_(
                    AuditEntry.record_table == "complaint",
                    AuditEntry.record_id == c.id,
                    AuditEntry.action.in_(
                        [AuditAction.RECEIPT_PRINTED.value, AuditAction.RECEIPT_REPRINTED.value]
                    ),
                )
            )
        )
        copy = bool(printed_before)
        now = now_utc()
        ctx.audit(
            s,
            AuditAction.RECEIPT_REPRINTED if copy else AuditAction.RECEIPT_PRINTED,
            record_table="complaint",
            record_id=c.id,
            details={"number": c.number, "layout": layout},
        )
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
            copy=copy,
            printed_at=now,
            desk_name_ur=desk_station.name_ur if desk_station else "",
            category_ur=category.name_ur if category else "",
            police_station_ur=station.name_ur if station else "",
        )
