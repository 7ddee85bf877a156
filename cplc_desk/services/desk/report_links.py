"""Thefts and recoveries, alike for vehicle reports and phone reports: which reports are still
open, how headquarters' city-wide checks name a report, and a recovered or found thing linked
to the theft report it belongs to once a person confirmed the match (``confirm_match`` in
``services/vehicles/vehicles.py`` and ``services/phones/phones.py``)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement

from cplc_desk.domain.enums import RECOVERY_KINDS, THEFT_KINDS, AuditAction, ReportStatus
from cplc_desk.domain.i18n import _
from cplc_desk.services.desk.context import DeskContext, ServiceError


def open_of(model: Any, kinds: Collection[str]) -> tuple[ColumnElement[bool], ...]:
    """The conditions for live reports of ``model`` whose kind is one of ``kinds`` and that are
    still open (a theft not yet recovered, a recovery not yet matched)."""
    return (
        model.kind.in_(kinds),
        model.status == ReportStatus.OPEN.value,
        model.deleted_at.is_(None),
    )


@dataclass(frozen=True)
class CityRef:
    """Which report it is, as headquarters' city-wide checks name one (never its owner): each
    kind's reference adds what identifies the thing, then ``created_at``."""

    id: str
    number: str
    kind: str
    status: str
    origin_desk: str
    police_station_code: str


def city_ref_columns(model: Any) -> tuple[Any, ...]:
    """The columns of ``model`` that fill :class:`CityRef`'s fields, in order."""
    return (
        model.id,
        model.number,
        model.kind,
        model.status,
        model.origin_desk,
        model.police_station_code,
    )


def link_recovery(
    ctx: DeskContext,
    model: type[Any],
    recovery_id: str,
    theft_id: str,
    *,
    action: AuditAction,
    missing: str,
    not_matchable: str,
) -> None:
    """Link the recovery to the theft report and close the theft report as recovered, in one
    unit of work, audited with ``action`` on the theft report. Refused with ``missing`` when
    either report does not exist, with ``not_matchable`` when the two are not a recovery and a
    theft, and when the theft report is closed already."""
    with ctx.unit_of_work() as s:
        recovery, theft = s.get(model, recovery_id), s.get(model, theft_id)
        if recovery is None or theft is None:
            raise ServiceError(missing)
        if recovery.kind not in RECOVERY_KINDS or theft.kind not in THEFT_KINDS:
            raise ServiceError(not_matchable)
        if theft.status != ReportStatus.OPEN.value:
            raise ServiceError(
                _("Report {number} is already closed as {status}.").format(
                    number=theft.number, status=theft.status
                )
            )
        identity = ctx.require_identity()
        recovery.status = ReportStatus.MATCHED.value
        recovery.matched_report_id = theft.id
        if theft.origin_desk == identity.code:
            # A desk changes only its own records; another station's report is closed there
            # (headquarters' cross-station matching carries the link).
            theft.status = ReportStatus.RECOVERED.value
            theft.matched_report_id = recovery.id
        ctx.audit(
            s,
            action,
            record_table=model.__tablename__,
            record_id=theft.id,
            details={"theft": theft.number, "recovery": recovery.number},
        )
