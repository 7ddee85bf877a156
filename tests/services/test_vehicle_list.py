"""The vehicle reports list against a real store: keyset paging, each kind of search (identifier,
report number, owner CNIC, mobile and name), the audit of person searches, filters, one report."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from cplc_desk.domain.clock import now_utc, to_local
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import PersonDraft, VehicleReportDraft, validate_vehicle_report
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.records import Origin
from cplc_desk.services.vehicles import vehicle_list as vl
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import insert_vehicle_report, register_vehicle_report
from cplc_desk.storage.models import AuditEntry


def _report(
    ctx: DeskContext,
    kind: str = "stolen",
    reg: str = "",
    chassis: str = "",
    engine: str = "",
    owner: PersonDraft | None = None,
    vclass: str = "MOTORCYCLE",
    station: str = "CLIF",
) -> str:
    draft = VehicleReportDraft(
        kind=kind, vehicle_class=vclass, registration=reg, chassis=chassis, engine=engine,
        make="Honda", model="CD 70", colour="Red", model_year="2019", police_station=station,
        owner=owner or PersonDraft(),
    )  # fmt: skip
    return register_vehicle_report(ctx, draft).id


@pytest.fixture
def desk(station: DeskContext) -> dict[str, str]:
    return {
        "honda": _report(
            station, "stolen", "KNP-5586", "KA-1234567", "JL1P50123",
            PersonDraft(name="Ali Raza", cnic="42101-1111111-1", mobile="0300-1111111"),
        ),
        "yamaha": _report(
            station, "snatched", "KMR-7730", "AH-7654321", "E4123456",
            PersonDraft(name="Alina Shah", cnic="42201-2222222-2", mobile="0333-2222222"),
            station="BOBA",
        ),
        "corolla": _report(
            station, "stolen", "BNL-123", "NZE-5550001", "1NZ9990001",
            PersonDraft(name="Sana Javed"), vclass="CAR",
        ),
        "found": _report(station, "recovered", chassis="YB-0000001"),
    }  # fmt: skip


def every_row(
    ctx: DeskContext, query: vl.VehicleQuery, limit: int = vl.PAGE
) -> list[vl.VehicleRow]:
    rows: list[vl.VehicleRow] = []
    cursor = None
    while True:
        page = vl.list_page(ctx, query, after=cursor, limit=limit)
        rows += page.rows
        if page.next is None:
            return rows
        cursor = page.next


def ids(ctx: DeskContext, **query: object) -> set[str]:
    return {r.id for r in every_row(ctx, vl.VehicleQuery(**query))}  # type: ignore[arg-type]


def person_searches(ctx: DeskContext) -> list[dict[str, object]]:
    with ctx.store.read() as s:
        return [
            json.loads(d)
            for d in s.scalars(
                select(AuditEntry.details)
                .where(AuditEntry.action == AuditAction.SEARCHED_PERSON)
                .order_by(AuditEntry.seq)
            )
        ]


def test_pages_cover_every_report_once_newest_first(station: DeskContext) -> None:
    now = now_utc()
    # Several reports registered in the same instant: the id breaks the tie, so none is lost
    # or repeated at a page boundary.
    with station.unit_of_work() as s:
        for n in range(23):
            draft = VehicleReportDraft(
                kind="stolen", vehicle_class="CAR", registration=f"ABC-{100 + n}",
                police_station="CLIF",
            )  # fmt: skip
            at = now - timedelta(hours=n // 4)
            insert_vehicle_report(station, s, validate_vehicle_report(draft, now), Origin(at=at))
    seen = every_row(station, vl.VehicleQuery(), limit=5)
    assert len(seen) == len({r.id for r in seen}) == 23 == vl.count(station, vl.VehicleQuery())
    keys = [(r.created_at, r.id) for r in seen]
    assert keys == sorted(keys, reverse=True)
    first = vl.list_page(station, vl.VehicleQuery(), limit=23)
    assert first.next is None and len(first.rows) == 23
    assert vl.list_page(station, vl.VehicleQuery(), limit=22).next is not None


def test_rows_carry_what_the_list_shows_with_the_cnic_masked(station, desk) -> None:
    [row] = vl.list_page(station, vl.VehicleQuery(text="KNP-5586")).rows
    assert row.id == desk["honda"]
    assert (row.kind, row.vehicle_class, row.status) == ("stolen", "MOTORCYCLE", "open")
    assert (row.registration, row.chassis, row.engine) == ("KNP-5586", "KA-1234567", "JL1P50123")
    assert row.description == "Red Honda CD 70 2019"
    assert (row.owner_name, row.owner_cnic_masked) == ("Ali Raza", "42101-*****11-1")
    assert row.police_station_code == "CLIF"
    assert row.number.startswith("CLIF-V-")
    [found] = vl.list_page(station, vl.VehicleQuery(text="YB0000001")).rows
    assert (found.owner_name, found.owner_cnic_masked) == ("", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("knp 5586", {"honda"}),  # registration, any spacing and case
        ("ka1234567", {"honda"}),  # chassis
        ("E4-123456", {"yamaha"}),  # engine
        ("NZE5550001", {"corolla"}),
        ("KNP-558", set()),  # identifiers match exactly, not by part
        ("42101-1111111-1", {"honda"}),  # owner CNIC
        ("4220122222222", {"yamaha"}),
        ("+92 333 2222222", {"yamaha"}),  # owner mobile
        ("0300-1111111", {"honda"}),
        ("ali", {"honda", "yamaha"}),  # owner name prefix: Ali Raza, Alina Shah
        ("ALI R", {"honda"}),
        ("sana", {"corolla"}),
        ("javed", set()),  # a prefix of the name, not any word in it
        ("Nobody", set()),
    ],
)
def test_each_kind_of_search(station, desk, text: str, expected: set[str]) -> None:
    assert ids(station, text=text) == {desk[k] for k in expected}
    assert vl.count(station, vl.VehicleQuery(text=text)) == len(expected)


def test_a_report_number_finds_that_report(station, desk) -> None:
    number = vl.get(station, desk["corolla"]).number
    assert ids(station, text=number.lower()) == {desk["corolla"]}


def test_the_search_box_is_read_as_everything_it_could_be() -> None:
    assert vl.read_search("") == vl.VehicleSearch()
    assert vl.read_search("42101-1111111-1") == vl.VehicleSearch(
        identifier="4210111111111", cnic="42101-1111111-1"
    )
    assert vl.read_search("0300 1111111").mobile == "0300-1111111"
    both = vl.read_search("Ali Raza")
    assert (both.identifier, both.name_prefix, both.cnic) == ("ALIRAZA", "ali raza", "")
    assert vl.read_search("KNP-5586").name_prefix == "knp 5586"
    assert vl.read_search("5586").name_prefix == ""  # digits alone start no name


def test_person_searches_are_audited_once_with_the_value_masked(station, desk) -> None:
    every_row(station, vl.VehicleQuery(text="42101-1111111-1"), limit=1)
    vl.list_page(station, vl.VehicleQuery(text="0333-2222222"))
    vl.list_page(station, vl.VehicleQuery(text="KNP-5586"))  # not a person: not audited
    vl.list_page(station, vl.VehicleQuery(text="Ali"))  # a name: not audited (as complaints)
    searches = person_searches(station)
    # Each carries a keyed pseudonym of the full value (docs/audit.md), never the value.
    assert all(len(entry.pop("ref")) == 20 for entry in searches)
    assert searches == [
        {"by": "cnic", "value": "42101-*****11-1", "found": 1, "purpose": "vehicle list"},
        {"by": "mobile", "value": "0333-***2222", "found": 1, "purpose": "vehicle list"},
    ]


def test_filters(station, desk) -> None:
    assert ids(station, kinds=("stolen",)) == {desk["honda"], desk["corolla"]}
    assert ids(station, kinds=("stolen", "snatched")) == {
        desk[k] for k in ("honda", "yamaha", "corolla")
    }
    assert ids(station, classes=("CAR",)) == {desk["corolla"]}
    assert ids(station, stations=("BOBA",)) == {desk["yamaha"]}
    assert ids(station, text="ali", stations=("CLIF",)) == {desk["honda"]}
    recovery = _report(station, "recovered", chassis="KA1234567")
    vehicles.confirm_match(station, recovery, desk["honda"])
    assert ids(station, statuses=("recovered",)) == {desk["honda"]}
    assert ids(station, statuses=("matched",)) == {recovery}
    assert ids(station, statuses=("open",), kinds=("recovered",)) == {desk["found"]}
    today = to_local(now_utc()).date()
    assert len(ids(station, registered_from=today, registered_to=today)) == 5
    assert ids(station, registered_to=today - timedelta(days=1)) == set()
    assert ids(station, registered_from=today + timedelta(days=1)) == set()


def test_one_report_in_full(station, desk) -> None:
    recovery = _report(station, "recovered", chassis="KA1234567")
    vehicles.confirm_match(station, recovery, desk["honda"])
    theft = vl.get(station, desk["honda"])
    assert (theft.owner_name, theft.owner_cnic, theft.owner_mobile) == (
        "Ali Raza", "42101-1111111-1", "0300-1111111",
    )  # fmt: skip
    assert (theft.status, theft.matched_report_id) == ("recovered", recovery)
    assert theft.matched_number == vl.get(station, recovery).number
    with pytest.raises(ServiceError):
        vl.get(station, "no-such-report")


@pytest.mark.parametrize("dense", [2, 10_000])
def test_many_or_few_matches_list_the_same_reports(station, desk, monkeypatch, dense) -> None:
    # Many matches are found by walking the reports newest first, few through the filters'
    # indexes: both must page through the same reports in the same order.
    for n in range(9):
        _report(station, "stolen", f"KHI-{n:04d}", owner=PersonDraft(name=f"Ali {n}"))
    everything = every_row(station, vl.VehicleQuery(), limit=50)
    monkeypatch.setattr(vl.VEHICLES, "dense", dense)
    for query, wanted in (
        (vl.VehicleQuery(kinds=("stolen",)), lambda r: r.kind == "stolen"),
        (
            vl.VehicleQuery(text="ali", statuses=("open",)),
            lambda r: r.owner_name.startswith("Ali") and r.status == "open",
        ),
        (vl.VehicleQuery(text="KHI-0003"), lambda r: r.registration == "KHI-0003"),
        (
            vl.VehicleQuery(stations=("CLIF",), classes=("MOTORCYCLE",)),
            lambda r: r.police_station_code == "CLIF" and r.vehicle_class == "MOTORCYCLE",
        ),
    ):
        expected = [r.id for r in everything if wanted(r)]
        assert [r.id for r in every_row(station, query, limit=4)] == expected != []
