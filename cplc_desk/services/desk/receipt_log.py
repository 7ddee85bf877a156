"""Which receipts went out: a receipt counts as printed once it was sent to the printer or
written to a file, never when it was only made ready or shown. The first is recorded as
printed, every later one as reprinted, and a reprint carries COPY on the paper.

A receipt is made ready first (its data, with ``copy`` saying whether one went out before), then
shown or sent; only a receipt that was sent is recorded with :func:`record_receipt`. A print
that failed or was cancelled leaves no trace, so the citizen's first real receipt is never
marked COPY.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.models import AuditEntry

_RECEIPT_ACTIONS = (AuditAction.RECEIPT_PRINTED.value, AuditAction.RECEIPT_REPRINTED.value)


def printed_before(s: Session, table: str, record_id: str) -> bool:
    """Whether a receipt of this record went out before."""
    return bool(
        s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.record_table == table,
                AuditEntry.record_id == record_id,
                AuditEntry.action.in_(_RECEIPT_ACTIONS),
            )
        )
    )


def record_receipt(ctx: DeskContext, table: str, record_id: str, number: str, layout: str) -> bool:
    """Record that a receipt of this record was sent to a printer or written to a file; True
    when it was a reprint."""
    ctx.require(Permission.PRINT)
    with ctx.unit_of_work() as s:
        copy = printed_before(s, table, record_id)
        ctx.audit(
            s,
            AuditAction.RECEIPT_REPRINTED if copy else AuditAction.RECEIPT_PRINTED,
            record_table=table,
            record_id=record_id,
            details={"number": number, "layout": layout},
        )
    return copy
