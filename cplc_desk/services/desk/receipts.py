"""What every receipt shows, whatever the record it is for: its number, the desk that issued it,
the person it was issued to (the CNIC masked), the police station, the status and the FIR, and
whether one went out before (then the paper says COPY). Each kind adds what it says about itself
(``services/complaints/receipts.py``, ``services/vehicles/vehicles.py``,
``services/phones/receipts.py``); all are printed by ``printing/receipt.py``.

A receipt is made ready first, then recorded as printed once it was sent to the printer or
written to a file (:mod:`cplc_desk.services.desk.receipt_log` says why).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import mask_cnic
from cplc_desk.services.desk.context import DeskContext, DeskIdentity
from cplc_desk.services.desk.receipt_log import printed_before, record_receipt
from cplc_desk.services.desk.records import live
from cplc_desk.storage.models import Person, PoliceStation


@dataclass(frozen=True)
class ReceiptData:
    """Everything a complaint's receipt shows, and what every other receipt shows too; personal
    data already masked."""

    number: str
    registered_at: datetime
    desk_name: str
    desk_code: str
    complainant: str  # the person it was issued to; for a report the owner (none when found)
    cnic_masked: str
    category: str  # for a report: what was reported, e.g. "Motorcycle stolen"
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
    record_id: str = ""  # the record's id, for recording the print
    kind: str = "complaint"  # the record's table: which receipt wording it gets


@dataclass(frozen=True)
class ReportReceiptData(ReceiptData):
    """What the owner's receipt of a vehicle or phone report adds."""

    summary_ur: str = ""
    report_kind: str = ""  # stolen, snatched, recovered, found...: its "what happens next"
    # A recovery: the theft report it was matched to; a theft: the recovery that closed it.
    matched_number: str = ""


Data = TypeVar("Data", bound=ReceiptData)


def prepare(
    ctx: DeskContext,
    model: type[Any],
    record_id: str,
    missing: str,
    build: Callable[[Session, DeskIdentity, Any], Data],
) -> Data:
    """A receipt's data, not yet recorded: ``build`` makes it from the live record (refused
    with ``missing`` when there is none)."""
    ctx.require(Permission.PRINT)
    identity = ctx.require_identity()
    with ctx.store.read() as s:
        return build(s, identity, live(s, model, record_id, missing))


def receipt_fields(
    s: Session, identity: DeskIdentity, record: Any, person: Person | None
) -> dict[str, Any]:
    """The fields of :class:`ReceiptData` that every kind fills alike, from the record (a
    complaint or a report) and the person the receipt is issued to."""
    station = s.get(PoliceStation, record.police_station_code)
    desk_station = s.get(PoliceStation, identity.code)
    return {
        "number": record.number,
        "registered_at": record.created_at,
        "desk_name": identity.name,
        "desk_code": identity.code,
        "complainant": person.name if person else "",
        "cnic_masked": mask_cnic(person.cnic) if person and person.cnic else "",
        "police_station": station.name if station else record.police_station_code,
        "status": record.status,
        "fir_number": record.fir_number,
        "copy": printed_before(s, record.__tablename__, record.id),
        "printed_at": now_utc(),
        "desk_name_ur": desk_station.name_ur if desk_station else "",
        "police_station_ur": station.name_ur if station else "",
        "record_id": record.id,
        "kind": record.__tablename__,
    }


def report_receipt_fields(s: Session, identity: DeskIdentity, report: Any) -> dict[str, Any]:
    """:func:`receipt_fields` of a vehicle or phone report, issued to its owner, with what
    :class:`ReportReceiptData` adds but the summary."""
    owner = s.get(Person, report.owner_id) if report.owner_id else None
    model = type(report)
    matched = s.get(model, report.matched_report_id) if report.matched_report_id else None
    return {
        **receipt_fields(s, identity, report, owner),
        "report_kind": report.kind,
        "matched_number": matched.number if matched else "",
    }


def record_printed(ctx: DeskContext, data: ReceiptData, layout: str = "a5") -> bool:
    """Record that this receipt was sent to the printer or written to a file (see
    :mod:`cplc_desk.services.desk.receipt_log`); True when it was a reprint."""
    return record_receipt(ctx, data.kind, data.record_id, data.number, layout)


def issued(ctx: DeskContext, data: Data, layout: str = "a5") -> Data:
    """``data`` for a receipt that goes straight out, recorded as printed at once."""
    record_printed(ctx, data, layout)
    return data
