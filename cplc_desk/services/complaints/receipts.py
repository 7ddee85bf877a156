"""A complaint's receipt: the data it shows, recorded as printed once it went out (later prints
are copies). What every receipt shows is in :mod:`cplc_desk.services.desk.receipts`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from cplc_desk.domain.i18n import _
from cplc_desk.services.desk import receipts as shared
from cplc_desk.services.desk.context import DeskContext, DeskIdentity
from cplc_desk.storage.models import Complaint, ComplaintCategory, Person

ReceiptData = shared.ReceiptData
record_printed = shared.record_printed  # a print is recorded through this module too
TABLE = "complaint"


def _receipt(s: Session, identity: DeskIdentity, c: Complaint) -> shared.ReceiptData:
    person = s.get(Person, c.complainant_id)
    category = s.get(ComplaintCategory, c.category_code)
    assert person is not None
    narrative = " ".join(c.narrative.split())
    return shared.ReceiptData(
        **shared.receipt_fields(s, identity, c, person),
        category=category.name if category else c.category_code,
        summary=narrative if len(narrative) <= 240 else narrative[:237].rstrip() + "...",
        category_ur=category.name_ur if category else "",
    )


def prepare_receipt(ctx: DeskContext, complaint_id: str) -> shared.ReceiptData:
    """The data for a receipt, not yet recorded (``copy`` when one went out before). Record it
    with :func:`record_printed` once it was sent to the printer or written to a file."""
    missing = _("This complaint does not exist (or was removed).")
    return shared.prepare(ctx, Complaint, complaint_id, missing, _receipt)


def issue_receipt(ctx: DeskContext, complaint_id: str, layout: str = "a5") -> shared.ReceiptData:
    """The data for a receipt that goes straight out, recorded as printed at once."""
    return shared.issued(ctx, prepare_receipt(ctx, complaint_id), layout)
