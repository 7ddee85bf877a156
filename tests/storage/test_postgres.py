"""The same models, migrations and services on a real PostgreSQL server.

CI starts one (.ci/start-postgres.sh) and sets CPLC_DESK_TEST_PG_URL; on a developer machine
without it these tests are skipped, but under CI a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from pg_server import drop_database
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.exc import DBAPIError

from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.desk.stats import store_stats
from cplc_desk.services.vehicles import verification
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage import migrate
from cplc_desk.storage.models import ChangeLog

PG_URL = os.environ.get("CPLC_DESK_TEST_PG_URL")


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must provide a PostgreSQL server (CPLC_DESK_TEST_PG_URL)")
        pytest.skip("no PostgreSQL server (set CPLC_DESK_TEST_PG_URL)")
    name = f"cplc_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            drop_database(conn, name)
        admin.dispose()


@pytest.fixture
def pg_desk(pg_url: str, tmp_path) -> Iterator[DeskContext]:
    ctx = open_desk(DeskPaths(tmp_path / "hq"), actor=Actor("analyst1"), url=pg_url)
    yield ctx
    ctx.close()


def test_migrations_run_up_down_and_up_on_postgresql(pg_desk: DeskContext) -> None:
    engine = pg_desk.store.engine
    assert engine.dialect.name == "postgresql"
    assert migrate.current_revision(engine) == migrate.head_revision()
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine, "head")
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_services_work_the_same_on_postgresql(pg_desk: DeskContext) -> None:
    setup.init_station(pg_desk, "SADD")
    complaint = register_complaint(
        pg_desk,
        ComplaintDraft(
            complainant=PersonDraft(name="Imran Khan", cnic="42201-7654321-3"),
            category="BRIBERY",
            police_station="SADD",
            narrative="Asked for money to register an FIR.",
        ),
    )
    register_vehicle_report(
        pg_desk,
        VehicleReportDraft(
            kind="snatched", vehicle_class="car", registration="BNL-123", police_station="SADD"
        ),
    )
    assert complaint.number.startswith("SADD-C-")
    assert complaint.created_at.tzinfo is not None
    stats = store_stats(pg_desk)
    assert (stats.complaints.total, stats.vehicle_reports.total) == (1, 1)
    with pg_desk.store.read() as s:
        assert len(s.scalars(select(ChangeLog)).all()) == 4  # person, complaint, event, vehicle
    report = check_store(pg_desk)
    assert report.ok, report.problems
    # A vehicle check, exact and one slip away (the identifiers bound as one JSON list).
    assert verification.verify(pg_desk, "bnl 123").result == "stolen"
    near = verification.verify(pg_desk, "BNL-128")
    assert (near.result, [r.registration for r in near.near or []]) == ("near", ["BNL-123"])
    assert verification.verify(pg_desk, "ZZZ-999").result == "none"


def test_audit_log_is_append_only_on_postgresql(pg_desk: DeskContext) -> None:
    setup.init_hq(pg_desk, "CPLC Central Reporting Cell")
    with pytest.raises(DBAPIError, match="append-only"), pg_desk.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'x'"))


def test_urdu_names_are_found_however_typed_on_postgresql(pg_desk: DeskContext) -> None:
    from cplc_desk.services.complaints import complaint_list

    setup.init_station(pg_desk, "SADD")
    number = register_complaint(
        pg_desk,
        ComplaintDraft(
            complainant=PersonDraft(name="عَلِيّ رضا"),
            category="THEFT",
            police_station="SADD",
            narrative="موبائل چوری ہوا",
        ),
    ).number

    def found(text: str) -> set[str]:
        query = complaint_list.ComplaintQuery(text=text)
        return {r.number for r in complaint_list.list_page(pg_desk, query).rows}

    assert found("علی") == {number}  # Urdu yeh, no diacritics: the folded full-text index
    assert found("موبائل") == {number}  # a word of the narrative
    assert found("کاشف") == set()


def test_phone_reports_on_postgresql(pg_desk: DeskContext) -> None:
    """The phone table, its look-ups (either IMEI, one digit off, bound as one JSON list), the
    list's filters and matching on PostgreSQL; migration 0010 down and up again there."""
    from cplc_desk.domain.records import PersonDraft
    from cplc_desk.services.phones import phone_list, phones
    from cplc_desk.services.phones.phone_list import PhoneQuery
    from tests.services.test_phones import OTHER, SAMSUNG, SECOND, draft

    setup.init_station(pg_desk, "CLIF")
    theft = phones.register_phone_report(pg_desk, draft(second=SECOND))
    phones.register_phone_report(
        pg_desk, draft("stolen", OTHER, owner=PersonDraft(name="Bilal"), police_station="FERO")
    )
    assert phones.verify_phone(pg_desk, SECOND).result == "stolen"
    slip = SAMSUNG[:5] + str((int(SAMSUNG[5]) + 1) % 10) + SAMSUNG[6:]
    near = phones.verify_phone(pg_desk, slip)
    assert (near.result, [r.number for r in near.near]) == ("near", [theft.number])
    found = phones.register_phone_report(
        pg_desk, draft("found", SECOND, second=slip, imei_altered=True, owner=PersonDraft())
    )
    [candidate] = phones.candidates_for(pg_desk, found.id)
    assert candidate.number == theft.number
    assert [e.kind for e in candidate.evidence] == ["exact", "one_digit"]
    by_district = phone_list.list_page(pg_desk, PhoneQuery(districts=("EAST",))).rows
    assert [r.police_station_code for r in by_district] == ["FERO"]
    assert [r.number for r in phone_list.list_page(pg_desk, PhoneQuery(text="bilal")).rows]
    phones.confirm_match(pg_desk, found.id, theft.id)
    assert phones.verify_phone(pg_desk, SAMSUNG).result == "recovered"
    report = check_store(pg_desk)
    assert report.ok, report.problems

    engine = pg_desk.store.engine
    migrate.downgrade(engine, "0009")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT to_regclass('phone_report')")).scalar() is None
    migrate.upgrade(engine, "head")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM phone_report")).scalar() == 0


def test_checks_look_identifiers_up_in_their_indexes_on_postgresql(pg_desk: DeskContext) -> None:
    """A check asks the registration, chassis and engine columns at once (a phone's two IMEIs),
    each for a list of identifiers (some 1,600 one slip away). Written as ``IN (subquery)``
    under that OR, PostgreSQL tested every report against the lists (a check took 110 ms at
    300,000 reports: docs/postgresql.md). Each look-up is planned (EXPLAIN) just before it
    runs, in the look-up's own transaction with its settings: every one goes through the
    columns' indexes, even on tables this small, where the planner would otherwise rather read
    them whole (and test each row against every value)."""
    import re

    from sqlalchemy import event

    from cplc_desk.services.phones import phones
    from tests.services.test_phones import SAMSUNG, draft

    setup.init_station(pg_desk, "SADD")
    register_vehicle_report(
        pg_desk,
        VehicleReportDraft(
            kind="stolen", vehicle_class="car", registration="BNL-123", police_station="SADD"
        ),
    )
    phones.register_phone_report(pg_desk, draft())
    engine = pg_desk.store.engine
    tables = re.compile(r"FROM (vehicle_report|hotlist_entry|phone_report|hotlist_phone)\b")
    plans: list[str] = []

    def plan(conn, _cursor, statement: str, params, *_: object) -> None:  # type: ignore[no-untyped-def]
        if tables.search(statement) and not statement.startswith("EXPLAIN"):
            rows = conn.exec_driver_sql("EXPLAIN " + statement, params).scalars()
            plans.append("\n".join(rows))

    event.listen(engine, "before_cursor_execute", plan)
    try:
        assert verification.verify(pg_desk, "BNL-128").result == "near"  # exact, then near
        assert verification.verify(pg_desk, "bnl 123").result == "stolen"
        assert phones.verify_phone(pg_desk, SAMSUNG).result == "stolen"
    finally:
        event.remove(engine, "before_cursor_execute", plan)
    assert len(plans) >= 5
    # Each asks its identifier columns' indexes (not, say, the report numbers' index in order,
    # testing every entry against the lists).
    asked = re.compile(r"Index Cond: \(\((registration_key|chassis_key|engine_key|imei2?)\)")
    for text_of_plan in plans:
        assert "Seq Scan" not in text_of_plan, text_of_plan
        assert asked.search(text_of_plan), text_of_plan


def test_a_transaction_reads_by_index_once_and_again_after_a_rollback_on_postgresql(
    pg_desk: DeskContext,
) -> None:
    from sqlalchemy import event

    from cplc_desk.storage.many import by_index

    store = pg_desk.store
    sent: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, params: object, *_: object) -> None:
        if "set_config(" in statement and "enable_seqscan" in str(params):
            sent.append(statement)

    def setting(s: object) -> str:
        return str(s.execute(text("SHOW enable_seqscan")).scalar())  # type: ignore[attr-defined]

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        with store.one_read():
            with store.read() as s:
                by_index(s)
                by_index(s)  # the same transaction: nothing more to send
                assert setting(s) == "off"
            with store.read() as s:
                assert setting(s) == "off"  # the block's later reads too
            with pytest.raises(DBAPIError), store.read() as s:
                s.execute(text("SELECT * FROM no_such_table"))
            with store.read() as s:
                assert setting(s) == "on"  # the rollback took it
                by_index(s)
                assert setting(s) == "off"
        with store.read() as s:
            assert setting(s) == "on"  # a transaction of its own: as the server has it
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert len(sent) == 2


def test_statistics_count_by_pakistan_month_on_postgresql(pg_desk: DeskContext) -> None:
    """The month, hour and weekday are worked out in SQL: the same answers on PostgreSQL."""
    from datetime import UTC, datetime, timedelta

    from cplc_desk.domain.statistics import Month, StatisticsRequest
    from cplc_desk.services.statistics import report

    setup.init_station(pg_desk, "CLIF")
    for minute in (59, 60):  # 23:59 on 31 October in Karachi, then 00:00 on 1 November
        when = datetime(2026, 10, 31, 18, 0, tzinfo=UTC) + timedelta(minutes=minute)
        register_vehicle_report(
            pg_desk,
            VehicleReportDraft(
                kind="snatched", vehicle_class="MOTORCYCLE", registration=f"KHI-{minute}",
                police_station="CLIF", incident_at=when,
            ),
        )  # fmt: skip
    rep = report.compute(pg_desk, StatisticsRequest(Month(2026, 10)))
    assert rep.row("two_wheeler.snatched").count == 1  # type: ignore[union-attr]
    assert rep.row("two_wheeler.snatched").year_to_date == 1  # type: ignore[union-attr]
    # Saturday 31 October 2026, 23:59 in Karachi: weekday 5 (Monday = 0), hour 23.
    assert rep.hour_day.cells[5][23] == 1
    november = report.compute(pg_desk, StatisticsRequest(Month(2026, 11)))
    assert november.hour_day.cells[6][0] == 1  # Sunday 00:00
