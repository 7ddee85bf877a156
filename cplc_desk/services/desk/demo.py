"""The demo desk: a station filled with a few thousand realistic sample records, so a newcomer
sees a working desk at once (``cplc-desk --demo``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction, ComplaintStatus
from cplc_desk.domain.records import (
    ComplaintDraft,
    VehicleReportDraft,
    validate_complaint,
    validate_vehicle_report,
)
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.complaints.complaints import add_complaint, status_event
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.records import Origin
from cplc_desk.services.vehicles.vehicles import insert_vehicle_report
from cplc_desk.storage.models import Complaint

DEMO_STATION = "CLIF"
# Sample data only, in a folder deleted on exit; the window shows the password on its lock screen.
DEMO_USER = "demo"
DEMO_PASSWORD = "demo-desk"
BATCH = 500

# How far along its workflow a complaint of a given age usually is.
_PATHS = (
    (ComplaintStatus.REFERRED,),
    (ComplaintStatus.REFERRED, ComplaintStatus.FIR_LODGED),
    (ComplaintStatus.REFERRED, ComplaintStatus.FIR_LODGED, ComplaintStatus.UNDER_FOLLOW_UP),
    (ComplaintStatus.REFERRED, ComplaintStatus.ACTION_TAKEN, ComplaintStatus.RESOLVED),
    (ComplaintStatus.REFERRED, ComplaintStatus.ACTION_TAKEN, ComplaintStatus.RESOLVED,
     ComplaintStatus.CLOSED),
    (ComplaintStatus.WITHDRAWN,),
    (ComplaintStatus.NOT_IN_REMIT,),
)  # fmt: skip
_NOTES = {
    ComplaintStatus.REFERRED: "Referred to the SHO; duty officer informed by phone.",
    ComplaintStatus.FIR_LODGED: "FIR lodged after CPLC follow-up.",
    ComplaintStatus.ACTION_TAKEN: "Station reports action taken; complainant informed.",
    ComplaintStatus.UNDER_FOLLOW_UP: "Investigation officer asked for an update next week.",
    ComplaintStatus.RESOLVED: "Complainant confirms the matter is resolved.",
    ComplaintStatus.CLOSED: "Closed after confirmation call.",
    ComplaintStatus.WITHDRAWN: "Complainant withdrew the complaint.",
    ComplaintStatus.NOT_IN_REMIT: "Civil dispute: advised to approach the court.",
}

Progress = Callable[[int, int], None]


def populate(
    ctx: DeskContext,
    complaints: int = 2500,
    vehicles: int = 1500,
    progress: Progress | None = None,
    seed: int = 1102,
) -> None:
    """Set the desk up as a sample station (if it is not set up) and fill it."""
    if ctx.identity() is None:
        # The throwaway desk's supervisor, signed in: the demo never runs without an account.
        admin = NewAccount(DEMO_USER, DEMO_PASSWORD, "Demo supervisor")
        setup.init_station(ctx, DEMO_STATION, admin=admin)
    identity = ctx.require_identity()
    stations = [SampleStation(s.code, s.name) for s in reference.stations(ctx)]
    maker = SampleMaker(stations, home=identity.code, seed=seed)
    now = now_utc()
    items: list[tuple[datetime, ComplaintDraft | VehicleReportDraft]] = []
    for _ in range(complaints):
        draft = maker.complaint(now)
        items.append((_registered_at(maker, draft.incident_at, now), draft))
    for _ in range(vehicles):
        vdraft = maker.vehicle(now)
        items.append((_registered_at(maker, vdraft.incident_at, now), vdraft))
    items.sort(key=lambda item: item[0])  # receipt numbers follow registration time
    total = len(items)
    for start in range(0, total, BATCH):
        with ctx.unit_of_work() as s:
            for at, item in items[start : start + BATCH]:
                if isinstance(item, ComplaintDraft):
                    clean = validate_complaint(item, now)
                    _advance(s, maker, add_complaint(ctx, s, clean, Origin(at=at)), at, now)
                else:
                    insert_vehicle_report(ctx, s, validate_vehicle_report(item, now), Origin(at=at))
            if start == 0:
                ctx.audit(s, AuditAction.DEMO_GENERATED, details={"records": total})
        if progress is not None:
            progress(min(start + BATCH, total), total)


def _registered_at(maker: SampleMaker, incident: datetime | None, now: datetime) -> datetime:
    assert incident is not None
    return min(incident + timedelta(hours=maker.rng.randint(1, 60)), now - timedelta(minutes=5))


def _advance(
    s: Session, maker: SampleMaker, complaint: Complaint, at: datetime, now: datetime
) -> None:
    age_days = (now - at).days
    steps = min(len(_PATHS) - 1, age_days // 20)
    if steps == 0 or maker.rng.random() < 0.15:
        return
    path = maker.rng.choice(_PATHS[: steps + 1])
    when = at
    previous = ComplaintStatus(complaint.status)
    for status in path:
        when = min(when + timedelta(days=maker.rng.randint(1, 12)), now - timedelta(minutes=1))
        s.add(status_event(complaint.id, previous, status, _NOTES[status], when, created_at=when))
        previous = status
    complaint.status = previous.value
    if previous in (ComplaintStatus.FIR_LODGED, ComplaintStatus.UNDER_FOLLOW_UP,
                    ComplaintStatus.REFERRED):  # fmt: skip
        complaint.next_follow_up_on = (when + timedelta(days=maker.rng.randint(3, 30))).date()
