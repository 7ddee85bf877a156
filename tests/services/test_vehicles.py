"""Recording recoveries, matching them to theft reports, and verifying vehicles."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import PersonDraft, VehicleReportDraft
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.vehicles import vehicles, verification
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
    stolen = verification.verify(station, "knp 5586")
    assert (stolen.result, stolen.exit_code, stolen.key) == ("stolen", 3, "KNP5586")
    assert stolen.reports[0].fir_number is None and stolen.reports[0].police_station == "Clifton"
    assert verification.verify(station, "ZZZ-1").result == "none"
    recovery = _report(station, "recovered", chassis="AH7654321")
    vehicles.confirm_match(station, recovery, thefts["yamaha"])
    recovered = verification.verify(station, "E4123456")
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
        verification.verify(station, "-")


@pytest.mark.parametrize(
    ("typed", "field", "kind"),
    [
        ("KNP5583", "registration", "one_off"),  # the last digit mistyped
        ("KNP586", "registration", "one_off"),  # a digit left out
        ("KPN5586", "registration", "one_off"),  # two neighbours swapped
        ("KNP-S586", "registration", "lookalike"),  # S for 5
        ("AH-7654312", "chassis", "one_off"),  # a chassis number one slip off
        ("E4I23456", "engine", "lookalike"),  # I for 1, in the engine number
    ],
)
def test_a_slip_is_a_near_record_not_no_record(station, thefts, typed, field, kind) -> None:
    answer = verification.verify(station, typed)
    assert (answer.result, answer.exit_code, answer.reports) == ("near", 5, [])
    [near] = answer.near or []
    assert (near.near_field, near.near_kind, near.status) == (field, kind, "open")
    said = verification.what_differs(near, answer.key)
    assert answer.key in said and getattr(near, field) in said
    with station.store.read() as s:
        checked = json.loads(
            s.scalars(
                select(AuditEntry.details)
                .where(AuditEntry.action == AuditAction.VEHICLE_VERIFIED)
                .order_by(AuditEntry.seq.desc())
            ).first()
            or "{}"
        )
    assert checked["result"] == "near" and checked["near"] == [near.number]


def test_an_exact_record_is_not_hidden_by_near_ones(station, thefts) -> None:
    _report(station, "stolen", "KNP-5587")  # a near neighbour of the honda's plate
    answer = verification.verify(station, "KNP5586")
    assert answer.result == "stolen" and [r.registration for r in answer.reports] == ["KNP-5586"]
    assert answer.near == []  # near records are looked for only when nothing is exact


def test_short_keys_get_look_alikes_only_and_nothing_far_is_near(station, thefts) -> None:
    # Within one slip of nothing reported: still a clean "No record".
    assert verification.verify(station, "KZU9743").result == "none"
    # A 4-character key: one-character variants would name half the city, so only look-alikes.
    assert verification.verify(station, "BNL1").result == "none"
    assert verification.verify(station, "8NL123").result == "near"  # B read as 8
