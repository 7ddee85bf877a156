"""Counts of the store's records by kind, status and police station (every kind registered in
``storage/kinds.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.kinds import KINDS, KindSpec
from cplc_desk.storage.models import AuditEntry, ChangeLog


@dataclass(frozen=True)
class KindCounts:
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_station: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoreStats:
    kinds: dict[str, KindCounts]  # by each registered kind's plural (storage/kinds.py)
    change_log_entries: int
    audit_entries: int

    @property
    def complaints(self) -> KindCounts:
        return self.kinds["complaints"]

    @property
    def vehicle_reports(self) -> KindCounts:
        return self.kinds["vehicle_reports"]

    def as_dict(self) -> dict[str, object]:
        def kind(k: KindCounts) -> dict[str, object]:
            out: dict[str, object] = {
                "total": k.total,
                "by_status": k.by_status,
                "by_station": k.by_station,
            }
            if k.by_kind:
                out["by_kind"] = k.by_kind
            return out

        return {
            **{name: kind(counts) for name, counts in self.kinds.items()},
            "change_log_entries": self.change_log_entries,
            "audit_entries": self.audit_entries,
        }


def _grouped(s: Session, column: Any, model: Any) -> dict[str, int]:
    rows = s.execute(
        select(column, func.count())
        .select_from(model)
        .where(model.deleted_at.is_(None))
        .group_by(column)
        .order_by(column)
    )
    return {str(key): int(n) for key, n in rows}


def _counts(s: Session, spec: KindSpec) -> KindCounts:
    model: Any = spec.model
    by_status = _grouped(s, model.status, model)
    # A kind's own breakdown (a vehicle report's kind: stolen, snatched, ...), where it has one.
    by_kind = _grouped(s, getattr(model, spec.breakdown), model) if spec.breakdown else {}
    return KindCounts(
        total=sum(by_status.values()),
        by_status=by_status,
        by_station=_grouped(s, model.police_station_code, model),
        by_kind=by_kind,
    )


def store_stats(ctx: DeskContext) -> StoreStats:
    """Live (not tombstoned) records only, for every registered kind."""
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        kinds = {spec.plural: _counts(s, spec) for spec in KINDS}
        changes = s.scalar(select(func.count()).select_from(ChangeLog)) or 0
        audits = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return StoreStats(kinds, int(changes), int(audits))
