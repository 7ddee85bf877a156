"""Headquarters' workspace services on a real merged store: stations' state, the city-wide lists
filtered by station and district, cross-station matching, probable duplicates, and the conflict
queue (compare, resolve through the write path, recorded)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hq_city import City, build_city

from cplc_desk.domain.roles import Role
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints.complaint_list import ComplaintQuery
from cplc_desk.services.desk.context import Actor, PermissionDeniedError, ServiceError
from cplc_desk.services.hq import conflicts, sync_hq
from cplc_desk.services.vehicles import hq_vehicles, vehicle_list, vehicles
from cplc_desk.services.vehicles.vehicle_list import VehicleQuery
from cplc_desk.storage.models import Complaint, SyncConflict

# Clifton and Saddar are in South district; Ferozabad in East.
CODES = ("CLIF", "SADD", "FERO")


@pytest.fixture
def city(tmp_path: Path, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path, template_store, CODES)
    yield c
    c.close()


def as_role(city: City, role: Role) -> None:
    city.hq.actor = Actor("someone", role)


# ---------------------------------------------------------------------- city-wide lists


def test_city_wide_complaints_filter_by_station_and_district(city: City) -> None:
    city.complaint("CLIF", "Ayesha Siddiqui")
    city.complaint("SADD", "Muhammad Imran")
    city.complaint("FERO", "Farhan Qureshi")
    city.send(*CODES)
    everything = complaint_list.list_page(city.hq, ComplaintQuery())
    assert sorted(r.police_station_code for r in everything.rows) == ["CLIF", "FERO", "SADD"]
    south = complaint_list.list_page(city.hq, ComplaintQuery(districts=("SOUTH",)))
    assert sorted(r.complainant for r in south.rows) == ["Ayesha Siddiqui", "Muhammad Imran"]
    assert complaint_list.count(city.hq, ComplaintQuery(districts=("EAST",))) == 1
    one = complaint_list.list_page(city.hq, ComplaintQuery(stations=("SADD",)))
    assert [r.complainant for r in one.rows] == ["Muhammad Imran"]
    both = ComplaintQuery(stations=("CLIF",), districts=("EAST",))
    assert complaint_list.list_page(city.hq, both).rows == []


def test_district_filter_pages_through_many_complaints(city: City) -> None:
    for n in range(7):
        city.complaint("CLIF" if n % 2 else "SADD", f"Complainant {n}")
    city.complaint("FERO", "Elsewhere")
    city.send(*CODES)
    seen: list[str] = []
    after = None
    while True:
        page = complaint_list.list_page(
            city.hq, ComplaintQuery(districts=("SOUTH",)), after, limit=3
        )
        seen += [r.complainant for r in page.rows]
        if page.next is None:
            break
        after = page.next
    assert sorted(seen) == sorted(f"Complainant {n}" for n in range(7))


def test_city_wide_vehicles_filter_by_station_and_district(city: City) -> None:
    city.vehicle("CLIF", "stolen", registration="KNP-5586", owner="Ali Raza")
    city.vehicle("FERO", "snatched", registration="KMR-7730", owner="Sana Baloch")
    city.send("CLIF", "FERO")
    east = vehicle_list.list_page(city.hq, VehicleQuery(districts=("EAST",)))
    assert [r.police_station_code for r in east.rows] == ["FERO"]
    clif = vehicle_list.list_page(city.hq, VehicleQuery(stations=("CLIF",)))
    assert [r.registration for r in clif.rows] == ["KNP-5586"]
    assert vehicle_list.count(city.hq, VehicleQuery(districts=("SOUTH", "EAST"))) == 2


def test_station_list_uses_one_index_walk_per_station(city: City) -> None:
    con = sqlite3.connect(city.hq.paths.database)
    try:
        plan = " ".join(
            str(row)
            for row in con.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM vehicle_report WHERE police_station_code = 'X' "
                "ORDER BY created_at DESC, id DESC LIMIT 10"
            )
        )
    finally:
        con.close()
    assert "ix_vehicle_report_station_created" in plan
    assert "TEMP B-TREE" not in plan


# ---------------------------------------------------------------------- vehicles across stations


def test_recovery_at_one_station_matches_theft_at_another(city: City) -> None:
    theft = city.vehicle(
        "CLIF", "stolen", registration="KNP-5586", chassis="KA-1234567", owner="Ali Raza",
        cnic="42101-1234567-1",
    )  # fmt: skip
    # Saddar finds it with the chassis misread (O for 0) and no plate.
    recovery = city.vehicle("SADD", "recovered", chassis="KA-1234S67")
    city.send("CLIF", "SADD")
    found = hq_vehicles.cross_station_matches(city.hq)
    assert [(m.recovery.id, m.theft.id) for m in found] == [(recovery, theft)]
    assert (found[0].recovery.origin_desk, found[0].theft.origin_desk) == ("SADD", "CLIF")
    assert [e.kind for e in found[0].evidence] == ["lookalike"]
    # The same evidence the desk's own matching gives.
    desk = vehicles.find_matches(city.hq, recovery)
    assert desk[0].wanted.ref == theft and desk[0].score == found[0].score


def test_a_recovery_matching_its_own_station_is_left_to_that_desk(city: City) -> None:
    city.vehicle("CLIF", "stolen", registration="KNP-5586", owner="Ali Raza")
    city.vehicle("CLIF", "recovered", registration="KNP-5586")
    city.send("CLIF")
    assert hq_vehicles.cross_station_matches(city.hq) == []


def test_same_vehicle_reported_stolen_at_two_stations_is_a_probable_duplicate(
    city: City,
) -> None:
    first = city.vehicle("CLIF", "stolen", chassis="KA-1234567", owner="Ali Raza")
    second = city.vehicle("FERO", "snatched", chassis="KA1234567", registration="KNP-5586",
                          owner="Ali Raza")  # fmt: skip
    city.vehicle("SADD", "stolen", chassis="ZZ-9999999", owner="Someone Else")
    city.send(*CODES)
    pairs = hq_vehicles.probable_duplicates(city.hq)
    assert [(p.first.id, p.second.id) for p in pairs] == [(first, second)]
    assert pairs[0].other_station and not pairs[0].same_owner
    assert pairs[0].evidence[0].field == "chassis" and pairs[0].evidence[0].kind == "exact"


def test_same_owner_reporting_twice_at_one_station_is_a_probable_duplicate(city: City) -> None:
    first = city.vehicle("CLIF", "stolen", registration="KNP-5586", owner="Ali Raza",
                         cnic="42101-1234567-1")  # fmt: skip
    second = city.vehicle("CLIF", "stolen", registration="KNP-5586", owner="Ali Raza",
                          cnic="42101-1234567-1")  # fmt: skip
    city.vehicle("CLIF", "stolen", registration="BNL-123", owner="Ali Raza",
                 cnic="42101-1234567-1")  # another vehicle of his: not a duplicate  # fmt: skip
    city.send("CLIF")
    pairs = hq_vehicles.probable_duplicates(city.hq)
    assert [(p.first.id, p.second.id) for p in pairs] == [(first, second)]
    assert pairs[0].same_owner and not pairs[0].other_station


def test_city_checks_need_the_city_view(city: City) -> None:
    as_role(city, Role.VOLUNTEER)
    with pytest.raises(PermissionDeniedError):
        hq_vehicles.probable_duplicates(city.hq)
    with pytest.raises(PermissionDeniedError):
        hq_vehicles.cross_station_matches(city.hq)
    with pytest.raises(PermissionDeniedError):
        sync_hq.stations_overview(city.hq)


# ---------------------------------------------------------------------- stations


def test_overview_shows_key_states_and_the_overdue_setting(city: City, tmp_path: Path) -> None:
    city.send("CLIF")
    sync_hq.revoke_station(city.hq, "SADD")
    sync_hq.enroll_station(city.hq, "BOBA", tmp_path / "boba.cplcenroll")
    states = {s.code: s.key_status for s in sync_hq.stations_overview(city.hq)}
    assert states == {"CLIF": "active", "SADD": "revoked", "FERO": "pending", "BOBA": "pending"}
    # Re-enrolled after the revocation: pending until its new key's first bundle.
    sync_hq.enroll_station(city.hq, "SADD", tmp_path / "sadd-again.cplcenroll")
    states = {s.code: s.key_status for s in sync_hq.stations_overview(city.hq)}
    assert states["SADD"] == "pending"

    assert sync_hq.overdue_days(city.hq) == sync_hq.DEFAULT_OVERDUE_DAYS
    sync_hq.set_overdue_days(city.hq, 3)
    assert sync_hq.overdue_days(city.hq) == 3
    with pytest.raises(ServiceError):
        sync_hq.set_overdue_days(city.hq, 0)


def test_enroll_and_revoke_need_the_permission(city: City, tmp_path: Path) -> None:
    as_role(city, Role.HQ_ANALYST)
    with pytest.raises(PermissionDeniedError):
        sync_hq.enroll_station(city.hq, "BOBA", tmp_path / "x.cplcenroll")
    with pytest.raises(PermissionDeniedError):
        sync_hq.revoke_station(city.hq, "CLIF")
    assert not (tmp_path / "x.cplcenroll").exists()
    as_role(city, Role.HQ_ADMIN)
    sync_hq.revoke_station(city.hq, "CLIF")


# ---------------------------------------------------------------------- conflicts


@pytest.fixture
def conflicted(city: City) -> tuple[City, str]:
    complaint = city.complaint("CLIF", "Ayesha Siddiqui")
    city.send("CLIF")
    city.conflicting_edit("CLIF", complaint, "Handbag snatched, not a phone.")
    return city, complaint


def test_conflict_is_listed_and_compared_field_by_field(conflicted: tuple[City, str]) -> None:
    city, _ = conflicted
    queue = conflicts.list_conflicts(city.hq)
    assert len(queue) == 1
    item = queue[0]
    assert (item.station_code, item.held_version, item.incoming_version) == ("CLIF", 1, 2)
    assert item.winner == "incoming" and item.differing == ["narrative"]
    assert item.record_label.startswith("CLIF-")
    detail = conflicts.detail(city.hq, item.id)
    differing = [f for f in detail.fields if f.differs]
    assert [(f.field, f.held, f.incoming) for f in differing] == [
        (
            "narrative",
            "Mobile phone snatched near the CLIF market.",
            "Handbag snatched, not a phone.",
        )
    ]
    assert any(f.field == "status" and not f.differs for f in detail.fields)


def test_resolving_with_the_held_version_writes_it_through_the_write_path(
    conflicted: tuple[City, str],
) -> None:
    city, complaint = conflicted
    as_role(city, Role.HQ_ANALYST)
    item = conflicts.list_conflicts(city.hq)[0]
    conflicts.resolve(city.hq, item.id, conflicts.HELD)
    with city.hq.store.read() as s:
        row = s.get(Complaint, complaint)
        assert row is not None
        assert row.narrative == "Mobile phone snatched near the CLIF market."
        assert row.version == 3 and row.updated_by == "someone"
        c = s.get(SyncConflict, item.id)
        assert c is not None
        assert (c.resolved_by, c.resolution) == ("someone", "held")
        assert c.resolved_at is not None
    con = sqlite3.connect(city.hq.paths.database)
    try:
        logged = con.execute(
            "SELECT version FROM change_log WHERE record_id = ? ORDER BY seq", (complaint,)
        ).fetchall()
        audit = con.execute(
            "SELECT actor, details FROM audit_log WHERE action = 'conflict.resolved'"
        ).fetchall()
    finally:
        con.close()
    assert logged[-1] == (3,)
    assert [(a, json.loads(d)["kept"]) for a, d in audit] == [("someone", "held")]
    assert json.loads(audit[0][1])["fields_written"] == ["narrative"]
    assert conflicts.list_conflicts(city.hq) == []
    assert len(conflicts.list_conflicts(city.hq, include_resolved=True)) == 1
    with pytest.raises(ServiceError):
        conflicts.resolve(city.hq, item.id, conflicts.INCOMING)


def test_keeping_the_provisional_winner_changes_no_record(conflicted: tuple[City, str]) -> None:
    city, complaint = conflicted
    item = conflicts.list_conflicts(city.hq)[0]
    conflicts.resolve(city.hq, item.id, conflicts.INCOMING)
    with city.hq.store.read() as s:
        row = s.get(Complaint, complaint)
        assert row is not None and row.version == 2
        assert row.narrative == "Handbag snatched, not a phone."


def test_resolving_needs_the_permission(conflicted: tuple[City, str]) -> None:
    city, _ = conflicted
    item = conflicts.list_conflicts(city.hq)[0]
    as_role(city, Role.VOLUNTEER)
    with pytest.raises(PermissionDeniedError):
        conflicts.resolve(city.hq, item.id, conflicts.HELD)
    with pytest.raises(PermissionDeniedError):
        conflicts.list_conflicts(city.hq)


def test_near_index_finds_the_same_candidates_as_the_full_scan() -> None:
    """Headquarters' sweep files keys by their ends; it must find what the desk's scan finds."""
    import random

    from cplc_desk.domain.matching import VehicleKeys
    from cplc_desk.services.vehicles.match_sources import WantedVehicle
    from cplc_desk.services.vehicles.wanted import WantedIndex

    rng = random.Random(6)
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"

    def key(n: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    def slip(k: str) -> str:
        i = rng.randrange(len(k))
        how = rng.choice(("sub", "ins", "del"))
        if how == "sub":
            return k[:i] + rng.choice(alphabet) + k[i + 1 :]
        if how == "ins":
            return k[:i] + rng.choice(alphabet) + k[i:]
        return k[:i] + k[i + 1 :]

    items = [
        WantedVehicle(str(n), str(n), VehicleKeys(key(7), key(rng.randint(6, 12)), key(9)),
                      "local", "stolen", "CAR", "", "", None, None)
        for n in range(400)
    ]  # fmt: skip
    scan, near = WantedIndex(items), WantedIndex(items, near_index=True)
    for item in rng.sample(items, 150):
        query = VehicleKeys(
            slip(item.keys.registration or ""),
            slip(item.keys.chassis or ""),
            slip(slip(item.keys.engine or "")),  # two slips: found only through other fields
        )
        assert near.candidates(query) == scan.candidates(query)
        assert items.index(item) in near.candidates(query)
