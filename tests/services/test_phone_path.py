"""A phone report's whole path on real SQLite files: registered at a station desk, in its change
log, carried in a signed and encrypted bundle, merged at headquarters (and a conflict there),
found in headquarters' city-wide list, carried to a rebuilt station in headquarters' snapshot,
and kept by a backup and its restore."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hq_city import City, build_city
from sqlalchemy import select
from sqlalchemy.orm import Session
from sync import craft  # tests/sync/craft.py

from cplc_desk.domain.records import PersonDraft
from cplc_desk.paths import DB_FILENAME, DeskPaths
from cplc_desk.services.backups import backup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import bundle_import, conflicts, station_snapshot, sync_hq
from cplc_desk.services.phones import phone_list, phones
from cplc_desk.services.phones.phone_list import PhoneQuery
from cplc_desk.services.station import station_recovery, sync_station
from cplc_desk.storage.models import ChangeLog, Person, PhoneReport
from cplc_desk.sync import container
from tests.services.test_phones import OTHER, SAMSUNG, SECOND, UNKNOWN, draft

AYESHA_CNIC = "42101-1234567-1"


class Phones:
    """A city (headquarters, Clifton, Saddar) and the phone reports registered in it."""

    def __init__(self, city: City) -> None:
        self.city = city
        clif, sadd = city.stations["CLIF"], city.stations["SADD"]
        # Clifton: a dual-SIM handset snatched; another stolen, recovered there and matched.
        self.theft = phones.register_phone_report(clif, draft(second=SECOND))
        self.other = phones.register_phone_report(
            clif, draft("stolen", OTHER, owner=PersonDraft(name="Bilal Hussain"),
                        police_station="FERO")
        )  # fmt: skip
        self.back = phones.register_phone_report(
            clif, draft("recovered", OTHER, owner=PersonDraft())
        )
        phones.confirm_match(clif, self.back.id, self.other.id)
        # Saddar: a handset found with its SIMs swapped (its first IMEI is the report's second).
        self.found = phones.register_phone_report(
            sadd, draft("found", SECOND, owner=PersonDraft(), police_station="SADD")
        )


@pytest.fixture
def city(tmp_path: Path, template_store: Path) -> Iterator[City]:
    made = build_city(tmp_path / "city", template_store, ("CLIF", "SADD"))
    yield made
    made.close()


def _logged(ctx_db: Path, record_id: str) -> list[tuple[str, int, dict[str, object]]]:
    con = sqlite3.connect(ctx_db)
    try:
        rows = con.execute(
            "SELECT op, version, row_image FROM change_log WHERE record_id = ? ORDER BY seq",
            (record_id,),
        ).fetchall()
    finally:
        con.close()
    return [(op, version, json.loads(image)) for op, version, image in rows]


def test_registered_logged_bundled_merged_and_listed_city_wide(city: City) -> None:
    p = Phones(city)
    clif, hq = city.stations["CLIF"], city.hq

    # The change log holds every version of each report, the owner before the report.
    [(op, version, image)] = _logged(clif.paths.database, p.theft.id)
    assert (op, version, image["imei"], image["imei2"]) == ("insert", 1, SAMSUNG, SECOND)
    owner = _logged(clif.paths.database, str(image["owner_id"]))
    assert owner[0][2]["cnic"] == AYESHA_CNIC
    assert [(op, v, i["status"]) for op, v, i in _logged(clif.paths.database, p.other.id)] == [
        ("insert", 1, "open"),
        ("update", 2, "recovered"),
    ]

    # The bundle: nothing of the handset or its owner readable on the stick; signed content
    # that carries every version of each report.
    stick = city.stick()
    result = sync_station.export_bundle(clif, stick)
    assert result.path is not None
    sealed = result.path.read_bytes()
    for secret in (SAMSUNG, SECOND, AYESHA_CNIC, "Ayesha", "Samsung"):
        assert secret.encode() not in sealed
    parts = craft.take_apart(sealed, craft.hq_private(hq.paths.data_dir))
    lines = [ln.split(b"\t") for ln in parts.members[container.CHANGES].splitlines() if ln]
    versions = [(cols[2].decode(), int(cols[4])) for cols in lines if cols[1] == b"phone_report"]
    assert sorted(versions) == sorted(
        [(p.theft.id, 1), (p.other.id, 1), (p.other.id, 2), (p.back.id, 1), (p.back.id, 2)]
    )
    assert "phone_report" in parts.manifest["columns"]

    [outcome] = bundle_import.import_bundles(hq, [stick])
    assert outcome.status == "accepted", outcome.message
    assert {k: outcome.counts[k] for k in ("new", "updated", "conflicts")} == {
        "new": 5, "updated": 2, "conflicts": 0,
    }  # fmt: skip
    city.send("SADD")

    with clif.store.read() as s:
        at_station = {r.id: (r.version, r.status, r.matched_report_id) for r in s.scalars(
            select(PhoneReport))}  # fmt: skip
    with hq.store.read() as s:
        at_hq = {r.id: (r.version, r.status, r.matched_report_id) for r in s.scalars(
            select(PhoneReport).where(PhoneReport.origin_desk == "CLIF"))}  # fmt: skip
        owner_row = s.scalar(select(Person).where(Person.cnic == AYESHA_CNIC))
        assert owner_row is not None and owner_row.origin_desk == "CLIF"
    assert at_hq == at_station  # the match both ways, as the station made it
    assert check_store(hq).ok

    # Headquarters checks the whole city, and offers Clifton's report for Saddar's handset.
    check = phones.verify_phone(hq, SECOND)
    assert (check.result, [r.number for r in check.reports]) == (
        "stolen", [p.found.number, p.theft.number],
    )  # fmt: skip
    [candidate] = phones.candidates_for(hq, p.found.id)
    assert (candidate.number, candidate.police_station) == (p.theft.number, "CLIF")
    assert [(e.field, e.other_field) for e in candidate.evidence] == [("imei", "imei2")]

    # The city-wide list, by station and by district.
    def listed(**query: object) -> list[str]:
        return [r.number for r in phone_list.list_page(hq, PhoneQuery(**query)).rows]  # type: ignore[arg-type]

    assert listed() == [p.found.number, p.back.number, p.other.number, p.theft.number]
    assert listed(stations=("SADD",)) == [p.found.number]
    assert listed(stations=("CLIF", "SADD")) == [p.found.number, p.back.number, p.theft.number]
    assert listed(districts=("EAST",)) == [p.other.number]  # Ferozabad is in District East
    assert listed(districts=("SOUTH",), kinds=("snatched",)) == [p.theft.number]
    assert phone_list.count(hq, PhoneQuery(districts=("SOUTH",))) == 3
    assert listed(text=SECOND, stations=("CLIF",)) == [p.theft.number]


def test_the_same_report_changed_at_headquarters_and_at_the_station(city: City) -> None:
    p = Phones(city)
    city.send("CLIF")

    def recolour(colour: str) -> Callable[[Session], None]:
        def edit(s: Session) -> None:
            row = s.get(PhoneReport, p.theft.id)
            assert row is not None
            row.colour = colour

        return edit

    # An edit that does not descend from the version headquarters holds: a conflict, the
    # station's version shown until a person chooses.
    city.forked_edit("CLIF", p.theft.id, recolour("Blue"))
    [item] = conflicts.list_conflicts(city.hq)
    assert (item.table_name, item.record_label, item.differing) == (
        "phone_report", p.theft.number, ["colour"],
    )  # fmt: skip
    detail = conflicts.detail(city.hq, item.id)
    assert [(f.field, f.held, f.incoming) for f in detail.fields if f.differs] == [
        ("colour", "Black", "Blue")
    ]
    # Headquarters keeps its own version: written there as an edit (version 3).
    conflicts.resolve(city.hq, item.id, conflicts.HELD)
    with city.hq.store.read() as s:
        row = s.get(PhoneReport, p.theft.id)
        assert row is not None and (row.colour, row.version) == ("Black", 3)
    assert phones.verify_phone(city.hq, SAMSUNG).reports[0].colour == "Black"
    assert conflicts.list_conflicts(city.hq) == []
    assert check_store(city.hq).ok


def test_a_station_rebuilt_from_headquarters_keeps_its_phone_reports(
    city: City, tmp_path: Path, template_store: Path
) -> None:
    p = Phones(city)
    city.send("CLIF", "SADD")
    hq = city.hq
    enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "clif-new.cplcenroll")
    snap = station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path / "snap")
    assert snap.records == {"person": 2, "phone_report": 3}
    assert (snap.linked, snap.hash_mismatches) == (0, 0)

    paths = DeskPaths(tmp_path / "new-pc")
    paths.ensure()
    (paths.data_dir / DB_FILENAME).write_bytes(template_store.read_bytes())
    new = open_desk(paths, actor=Actor("new-volunteer"))
    try:
        restored = station_recovery.restore_station(new, enrollment, snap.path, skip_numbers=5)
        assert restored.records["phone_report"] == 3
        assert restored.next_numbers["phone_report"].endswith("-00009")  # 3 used, 5 skipped
        assert check_store(new).problems == []  # foreign keys: owners and matches in place
        with new.store.read() as s:
            back = s.get(PhoneReport, p.back.id)
            other = s.get(PhoneReport, p.other.id)
            theft = s.get(PhoneReport, p.theft.id)
            assert back is not None and other is not None and theft is not None
            assert (back.matched_report_id, other.matched_report_id) == (p.other.id, p.back.id)
            owner = s.get(Person, theft.owner_id)
            assert owner is not None and owner.cnic == AYESHA_CNIC
        assert phones.verify_phone(new, SAMSUNG).result == "stolen"
        assert phone_list.get(new, p.theft.id).owner_cnic == AYESHA_CNIC
        # The new PC goes on: its next report and bundle merge at headquarters as new.
        later = phones.register_phone_report(new, draft("stolen", UNKNOWN))
        assert later.number.endswith("-00009")
        [outcome] = bundle_import.import_bundles(
            hq,
            [sync_station.export_bundle(new, tmp_path / "n").path],  # type: ignore[list-item]
        )
        assert outcome.status == "accepted", outcome.message
        assert outcome.counts["new"] == 2 and outcome.counts["conflicts"] == 0  # owner + report
    finally:
        new.close()


def test_backup_and_restore_keep_phone_reports(city: City) -> None:
    p = Phones(city)
    clif = city.stations["CLIF"]
    written = backup.write_backup(clif)
    phones.register_phone_report(clif, draft("stolen", UNKNOWN))  # after the backup
    restored = backup.restore(clif, written.path)
    assert restored.info.records["phone_reports"] == 3
    with clif.store.read() as s:
        assert len(s.scalars(select(PhoneReport)).all()) == 3
        logged = s.scalars(select(ChangeLog.version).where(ChangeLog.record_id == p.other.id)).all()
    assert list(logged) == [1, 2]
    assert phones.verify_phone(clif, SAMSUNG).result == "stolen"
    assert phones.verify_phone(clif, UNKNOWN).result == "none"
    assert check_store(clif).ok
    # The restored store carries on to headquarters as if nothing happened.
    city.send("CLIF")
    assert phones.verify_phone(city.hq, OTHER).result == "recovered"
