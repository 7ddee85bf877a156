"""Recording recoveries, matching them to theft reports, and verifying vehicles."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import PersonDraft, VehicleReportDraft
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import AuditEntry, VehicleReport


def _report(ctx: DeskContext, kind: str, reg: str = "", chassis: str = "", engine: str = "") -> str:
    return register_vehicle_report(
        ctx,
        VehicleReportDraft(
            kind=kind, vehicle_class="motorcycle", registration=reg, chassis=chassis,
            engine=engine, make="Honda", model="CD 70", colour="Red", police_station="CLIF",
            owner=PersonDraft(name="Ali Raza", cnic="42101-1234567-1") if kind != "recovered" else PersonDraft(),
        ),
    ).id  # fmt: skip


@pytest.fixture
def thefts(station: DeskContext) -> dict[str, str]:
    return {
        "honda": _report(station, "stolen", "KNP-5586", "KA-1234567", "JL1P50123"),
        "yamaha": _report(station, "snatched", "KMR-7730", "AH-7654321", "E4123456"),
        "other": _report(station, "stolen", "BNL-123", "NZE-5550001", "1NZ9990001"),
    }


def test_a_recovery_finds_its_theft_report_by_exact_chassis(station, thefts) -> None:
    recovery = _report(station, "recovered", "KXX-9999", "KA1234567")  # plate was changed
    [best, *_] = vehicles.find_matches(station, recovery)
    assert best.wanted.ref == thefts["honda"]
    assert {(e.field, e.kind) for e in best.evidence} == {("chassis", "exact")}


def test_a_recovery_with_a_mistyped_chassis_finds_it_by_near_match(station, thefts) -> None:
    recovery = _report(station, "recovered", chassis="AH-765432I")  # 1 typed as I
    candidates = vehicles.find_matches(station, recovery)
    assert [c.wanted.ref for c in candidates][:1] == [thefts["yamaha"]]
    assert candidates[0].evidence[0].kind == "lookalike"


def test_chassis_typed_into_the_engine_field_still_matches(station, thefts) -> None:
    recovery = _report(station, "recovered", engine="NZE-5550001")
    assert vehicles.find_matches(station, recovery)[0].wanted.ref == thefts["other"]


def test_confirming_a_match_closes_the_theft_report_and_is_audited(station, thefts) -> None:
    recovery = _report(station, "recovered", chassis="KA-1234567")
    vehicles.confirm_match(station, recovery, thefts["honda"])
    with station.store.read() as s:
        theft = s.get(VehicleReport, thefts["honda"])
        found = s.get(VehicleReport, recovery)
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.VEHICLE_MATCHED)
        ).one()
    assert (theft.status, theft.matched_report_id) == ("recovered", recovery)
    assert (found.status, found.matched_report_id) == ("matched", thefts["honda"])
    assert entry.actor == "volunteer1"
    assert vehicles.find_matches(station, _report(station, "recovered", chassis="KA1234567")) == []
    with pytest.raises(ServiceError, match="already closed"):
        vehicles.confirm_match(station, recovery, thefts["honda"])


def test_verification_results_and_audit(station, thefts) -> None:
    stolen = vehicles.verify(station, "knp 5586")
    assert (stolen.result, stolen.exit_code, stolen.key) == ("stolen", 3, "KNP5586")
    assert stolen.reports[0].fir_number is None and stolen.reports[0].police_station == "Clifton"
    assert vehicles.verify(station, "ZZZ-1").result == "none"
    recovery = _report(station, "recovered", chassis="AH7654321")
    vehicles.confirm_match(station, recovery, thefts["yamaha"])
    recovered = vehicles.verify(station, "E4123456")
    assert (recovered.result, recovered.exit_code) == ("recovered", 4)
    with station.store.read() as s:
        checks = [
            json.loads(d)
            for d in s.scalars(
                select(AuditEntry.details).where(AuditEntry.action == AuditAction.VEHICLE_VERIFIED)
            )
        ]
    assert [c["identifier"] for c in checks] == ["KNP5586", "ZZZ1", "E4123456"]
    with pytest.raises(ServiceError, match="at least 3"):
        vehicles.verify(station, "-")
