"""Setting a desk up, record numbers, the audit trail and the store check."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction, DeskKind, RecordKind
from cplc_desk.domain.ids import RecordNumber, uuid7, uuid7_time_ms
from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import DeskContext, DeskNotSetUpError, ServiceError
from cplc_desk.services.desk.records import next_number
from cplc_desk.services.desk.stats import store_stats
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import AuditEntry


def _complaint(station: str = "CLIF") -> ComplaintDraft:
    return ComplaintDraft(
        complainant=PersonDraft(name="Sana Javed", cnic="4210112345672", mobile="03331234567"),
        category="MOBILE_SNATCHING",
        police_station=station,
        narrative="Phone snatched at a bus stop.",
    )


def test_station_set_up_from_the_reference_list(ctx: DeskContext) -> None:
    identity = setup.init_station(ctx, "clif")
    assert identity.kind is DeskKind.STATION
    assert (identity.code, identity.name, identity.district_code) == ("CLIF", "Clifton", "SOUTH")


def test_unknown_station_code_is_refused_with_a_hint(ctx: DeskContext) -> None:
    with pytest.raises(ServiceError, match="list of police stations") as refused:
        setup.init_station(ctx, "NOPE")
    assert refused.value.code == "unknown_police_station"  # the command line adds its command
    assert ctx.identity() is None


def test_a_desk_is_set_up_only_once(station: DeskContext) -> None:
    with pytest.raises(ServiceError, match="already set up as Clifton"):
        setup.init_hq(station, "CPLC Central Reporting Cell")
    assert station.require_identity().code == "CLIF"


def test_records_need_a_set_up_desk(ctx: DeskContext) -> None:
    with pytest.raises(DeskNotSetUpError, match="not set up yet") as refused:
        register_complaint(ctx, _complaint())
    assert refused.value.code == "not_set_up"  # the command line adds its commands by this code


def test_numbers_carry_the_station_code_and_never_repeat(station: DeskContext) -> None:
    numbers = [register_complaint(station, _complaint()).number for _ in range(5)]
    assert len(set(numbers)) == 5
    parsed = [RecordNumber.parse(n) for n in numbers]
    assert all(p is not None and p.desk_code == "CLIF" for p in parsed)
    assert [p.sequence for p in parsed if p] == [1, 2, 3, 4, 5]
    vehicle = register_vehicle_report(
        station,
        VehicleReportDraft(
            kind="stolen", vehicle_class="motorcycle", registration="KNP-5586",
            police_station="CLIF",
        ),
    )  # fmt: skip
    assert vehicle.number.startswith("CLIF-V-")


def test_two_stations_never_produce_the_same_number(tmp_path, template_store) -> None:
    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.desk.context import open_desk

    numbers = set()
    for code in ("CLIF", "SADD"):
        ctx = open_desk(DeskPaths(tmp_path / code))
        setup.init_station(ctx, code)
        numbers |= {register_complaint(ctx, _complaint()).number for _ in range(3)}
        ctx.close()
    assert len(numbers) == 6


def test_numbering_restarts_each_pakistan_year(station: DeskContext) -> None:
    # 31 Dec 2026 20:00 UTC is already 1 Jan 2027 01:00 in Karachi.
    with station.unit_of_work() as s:
        late = next_number(
            s, "CLIF", RecordKind.COMPLAINT, datetime(2026, 12, 31, 18, 0, tzinfo=UTC)
        )
        new_year = next_number(
            s, "CLIF", RecordKind.COMPLAINT, datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
        )
    assert late == "CLIF-C-2026-00001"
    assert new_year == "CLIF-C-2027-00001"


def test_uuid7_ids_are_time_ordered_and_unique() -> None:
    ids = [uuid7() for _ in range(5000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(i[14] == "7" for i in ids)
    assert abs(uuid7_time_ms(ids[0]) - datetime.now(UTC).timestamp() * 1000) < 5000


def test_creations_are_audited_and_the_check_passes(station: DeskContext) -> None:
    register_complaint(station, _complaint())
    with station.store.read() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
        details = s.scalars(select(AuditEntry.details)).all()
    assert actions == [AuditAction.DESK_INITIALISED, AuditAction.RECORD_CREATED]
    assert not any("4210112345672" in d or "42101-1234567-2" in d for d in details)
    report = check_store(station)
    assert report.ok, report.problems


def test_check_finds_an_audit_entry_edited_behind_the_apps_back(station: DeskContext) -> None:
    register_complaint(station, _complaint())
    register_complaint(station, _complaint())
    con = sqlite3.connect(station.paths.database)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2")
    con.commit()
    con.close()
    report = check_store(station)
    assert not report.ok
    assert any("entry 2" in p and "changed" in p for p in report.problems)


def test_check_finds_a_removed_audit_entry(station: DeskContext) -> None:
    register_complaint(station, _complaint())
    register_complaint(station, _complaint())
    con = sqlite3.connect(station.paths.database)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE seq = 2")
    con.commit()
    con.close()
    report = check_store(station)
    assert any("entry 3" in p and "removed" in p for p in report.problems)


def test_check_finds_a_record_changed_without_the_change_log(station: DeskContext) -> None:
    registered = register_complaint(station, _complaint())
    con = sqlite3.connect(station.paths.database)
    con.execute("UPDATE complaint SET version = 7 WHERE id = ?", (registered.id,))
    con.commit()
    con.close()
    report = check_store(station)
    assert any("complaint records have changes missing" in p for p in report.problems)


def test_stats_count_live_records_by_status_and_station(station: DeskContext) -> None:
    register_complaint(station, _complaint("CLIF"))
    register_complaint(station, _complaint("SADD"))
    stats = store_stats(station)
    assert stats.complaints.total == 2
    assert stats.complaints.by_station == {"CLIF": 1, "SADD": 1}
    assert stats.complaints.by_status == {"registered": 2}
    assert stats.vehicle_reports.total == 0
