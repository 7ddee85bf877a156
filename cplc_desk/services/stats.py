"""Counts of the store's records by kind, status and police station."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from cplc_desk.domain.roles import Permission
from cplc_desk.services.context import DeskContext
from cplc_desk.storage.models import AuditEntry, ChangeLog, Complaint, VehicleReport


@dataclass(frozen=True)
class KindCounts:
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    by_station: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoreStats:
    complaints: KindCounts
    vehicle_reports: KindCounts
    change_log_entries: int
    audit_entries: int

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
            "complaints": kind(self.complaints),
            "vehicle_reports": kind(self.vehicle_reports),
            "change_log_entries": self.change_log_entries,
            "audit_entries": self.audit_entries,
        }


def _grouped(s, column, model) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = s.execute(
        select(column, func.count())
        .select_from(model)
        .where(model.deleted_at.is_(None))
        .group_by(column)
        .order_by(column)
    )
    return {str(key): int(n) for key, n in rows}


def store_stats(ctx: DeskContext) -> StoreStats:
    """Live (not tombstoned) records only."""
    ctx.require(Permission.SEARCH)
    with ctx.store.read() as s:
        complaints = KindCounts(
            total=sum(_grouped(s, Complaint.status, Complaint).values()),
            by_status=_grouped(s, Complaint.status, Complaint),
            by_station=_grouped(s, Complaint.police_station_code, Complaint),
        )
        vehicles = KindCounts(
            total=sum(_grouped(s, VehicleReport.status, VehicleReport).values()),
            by_status=_grouped(s, VehicleReport.status, VehicleReport),
            by_station=_grouped(s, VehicleReport.police_station_code, VehicleReport),
            by_kind=_grouped(s, VehicleReport.kind, VehicleReport),
        )
        changes = s.scalar(select(func.count()).select_from(ChangeLog)) or 0
        audits = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return StoreStats(complaints, vehicles, int(changes), int(audits))
