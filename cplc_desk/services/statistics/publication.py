"""Publishing a month: a frozen copy of its figures, so that a later view of the month can say
what late bundles changed since it was published."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.statistics import (
    Publication,
    PublishedChange,
    StatisticsError,
    StatisticsReport,
    StatisticsRequest,
)
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.models import StatisticsPublication
from cplc_desk.storage.types import utcnow


def publish(ctx: DeskContext, report: StatisticsReport) -> Publication:
    """Keep the report's figures as published (headquarters only), audited."""
    ctx.require(Permission.CITY_VIEW)
    identity = ctx.require_identity()
    if identity.is_station:
        raise StatisticsError(_("Only headquarters publishes the city's figures."))
    req = report.request
    counts = {r.category: r.count for r in report.rows}
    now = utcnow()
    with ctx.unit_of_work() as s:
        s.add(
            StatisticsPublication(
                month=str(req.month),
                to_month=str(req.last),
                scope=req.scope_key(),
                published_at=now,
                published_by=ctx.actor.username,
                figures=json.dumps(counts, sort_keys=True, separators=(",", ":")),
            )
        )
        ctx.audit(
            s,
            AuditAction.STATISTICS_PUBLISHED,
            details={"month": str(req.month), "to_month": str(req.last), "scope": req.scope_key()},
        )
    return Publication(
        str(req.month), str(req.last), req.scope_key(), now, ctx.actor.username, counts
    )


def published(ctx: DeskContext, request: StatisticsRequest) -> Publication | None:
    """The latest copy published for these months and scope, if any (figures as published)."""
    with ctx.store.read() as s:
        row = s.scalars(
            select(StatisticsPublication)
            .where(
                StatisticsPublication.month == str(request.month),
                StatisticsPublication.to_month == str(request.last),
                StatisticsPublication.scope == request.scope_key(),
            )
            .order_by(StatisticsPublication.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return Publication(
            row.month,
            row.to_month,
            row.scope,
            row.published_at,
            row.published_by,
            {str(k): int(v) for k, v in json.loads(row.figures).items()},
        )


def with_changes(report: StatisticsReport, publication: Publication) -> StatisticsReport:
    """The report carrying its published copy and every figure that changed since."""
    now = {r.category: r.count for r in report.rows}
    changes = tuple(
        PublishedChange(code, publication.counts.get(code, 0), now.get(code, 0))
        for code in sorted(set(now) | set(publication.counts))
        if publication.counts.get(code, 0) != now.get(code, 0)
    )
    # No account name: the footnotes go into the PDF handed to the press.
    note = _("Published on {when}; {n} figure(s) changed since.").format(
        when=publication.published_at.strftime("%Y-%m-%d %H:%M UTC"), n=len(changes)
    )
    return dataclasses.replace(
        report,
        publication=dataclasses.replace(publication, changes=changes),
        footnotes=(*report.footnotes, note),
    )
