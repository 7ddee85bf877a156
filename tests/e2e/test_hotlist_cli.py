"""The hotlist through the real command: headquarters writes it, a station that knows nothing of
a theft answers ``verify-vehicle`` from it (exit 3), and every refusal (expired, older, the same,
tampered, another headquarters' key) leaves the station's hotlist as it was.

Clifton imports its old register (one open theft is KNP-5586, a car stolen at Sea View) and
sends it to headquarters; Saddar never heard of that car. Headquarters keeps its store in a
SQLite file and on a PostgreSQL server (tests/e2e/hq_store.py); the refusals at the station,
which do not involve headquarters' store, run with the first only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hq_store import HqStore
from sync_desks import (
    CSV,
    cli,
    copy_desk,
    enroll,
    export,
    import_bundles,
    in_parallel,
    init_hq,
    ok,
    query,
)
from sync_desks import join as join_desk

from cplc_desk.domain.clock import now_utc
from cplc_desk.paths import DeskPaths
from cplc_desk.sync import hotlist as hotlist_file
from cplc_desk.sync import keys

STOLEN_CAR = "KNP 5586"
STATION_SIDE = pytest.mark.sqlite_hq


@dataclass
class Hotlists:
    hq: Path
    saddar: Path  # holds hotlist 2
    files: dict[int, Path]
    root: Path


def sync_status(desk: Path) -> dict[str, Any]:
    return ok("sync-status", "--json", data_dir=desk).json()  # type: ignore[no-any-return]


def export_hotlist(hq: Path, out: Path, *flags: str) -> dict[str, Any]:
    return ok("export-hotlist", "--out", out, "--json", *flags, data_dir=hq).json()  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def hotlists(tmp_path_factory: pytest.TempPathFactory, hq_store: HqStore) -> Hotlists:
    root = tmp_path_factory.mktemp("hotlist-cli")
    hq = hq_store.init_hq(root / "hq")
    enrollments = in_parallel(*(partial(enroll, hq, code, root) for code in ("CLIF", "SADD")))
    clifton, saddar = root / "clif", root / "sadd"
    in_parallel(
        partial(join_desk, enrollments[0], "CLIF", clifton),
        partial(join_desk, enrollments[1], "SADD", saddar),
    )
    ok("import-csv", "vehicles", CSV / "vehicles_good.csv", data_dir=clifton)
    bundle = export(clifton, root / "stick")
    code, outcomes = import_bundles(hq, Path(bundle["path"]))
    assert code == 0, outcomes

    stick = root / "stick"
    first = export_hotlist(hq, stick)
    second = export_hotlist(hq, stick, "--valid-days", "30")
    assert (first["sequence"], second["sequence"]) == (1, 2)
    open_thefts = query(
        hq,
        "SELECT count(*) FROM vehicle_report WHERE kind IN ('stolen', 'snatched') "
        "AND status = 'open' AND deleted_at IS NULL",
    )[0][0]
    assert second["entries"] == open_thefts > 0
    assert Path(second["path"]).name == "hotlist-000002.cplchot"

    before = cli("verify-vehicle", STOLEN_CAR, data_dir=saddar)
    assert before.returncode == 0, before.stderr  # Saddar knows nothing of the theft
    ok("import-hotlist", second["path"], data_dir=saddar)
    return Hotlists(hq, saddar, {1: Path(first["path"]), 2: Path(second["path"])}, root)


def assert_holds_second(desk: Path) -> None:
    held = sync_status(desk)["hotlist"]
    assert held["sequence"] == 2 and not held["expired"]
    verified = cli("verify-vehicle", STOLEN_CAR, data_dir=desk)
    assert verified.returncode == 3, verified.stderr


def test_station_answers_from_the_hotlist(hotlists: Hotlists) -> None:
    run = cli("verify-vehicle", STOLEN_CAR, "--json", data_dir=hotlists.saddar)
    assert run.returncode == 3, run.stderr
    answer = run.json()
    assert answer["result"] == "stolen"
    (found,) = answer["reports"]
    assert found["source"] == "hotlist"
    assert found["registration"] == "KNP-5586"
    assert found["police_station"].startswith("Clifton") and found["fir_number"] == "101/2024"
    assert found["fir_date"] == "2024-03-16" and found["incident_at"].startswith("2024-03-1")
    assert found["description"] == "White Toyota Corolla 2020"
    assert answer["hotlist"]["sequence"] == 2 and answer["hotlist"]["expired"] is False

    text = cli("verify-vehicle", STOLEN_CAR, data_dir=hotlists.saddar)
    assert "REPORTED STOLEN" in text.stdout and "[hotlist]" in text.stdout
    assert "number 2" in text.stdout

    status = sync_status(hotlists.saddar)["hotlist"]
    assert status["sequence"] == 2 and status["entries"] > 0
    audit = query(
        hotlists.saddar, "SELECT details FROM audit_log WHERE action = 'hotlist.imported'"
    )
    assert json.loads(audit[0][0])["sequence"] == 2
    exported = query(
        hotlists.hq, "SELECT count(*) FROM audit_log WHERE action = 'hotlist.exported'"
    )
    assert exported == [(2,)]


def test_the_file_carries_no_personal_data(hotlists: Hotlists) -> None:
    data = hotlists.files[2].read_bytes()
    hq_key = keys.load_ed25519(DeskPaths(hotlists.hq).keys / keys.HQ_SIGNING)
    header, body = hotlist_file.read_header(data, keys.raw_public(hq_key.public_key()))
    text = json.dumps(hotlist_file.entries(header, body), default=str)
    for personal in ("42101-7654321-3", "4210176543213", "0333", "Adnan", "House 45-B"):
        assert personal not in text
    assert "KNP-5586" in text


@STATION_SIDE
def test_an_older_or_the_same_hotlist_is_refused(hotlists: Hotlists, tmp_path: Path) -> None:
    desk = copy_desk(hotlists.saddar, tmp_path / "sadd")
    older = cli("import-hotlist", hotlists.files[1], data_dir=desk)
    assert older.returncode == 1
    assert "older than the one this desk holds (number 2)" in older.stderr
    assert "newest hotlist file" in older.stderr
    same = cli("import-hotlist", hotlists.files[2], data_dir=desk)
    assert same.returncode == 1 and "already holds hotlist number 2" in same.stderr
    assert_holds_second(desk)


def test_a_tampered_hotlist_is_refused_and_the_held_one_stays(
    hotlists: Hotlists, tmp_path: Path
) -> None:
    desk = copy_desk(hotlists.saddar, tmp_path / "sadd")
    third = Path(export_hotlist(hotlists.hq, tmp_path / "stick")["path"])
    data = bytearray(third.read_bytes())
    data[-30] ^= 0x01  # one bit of the compressed list
    tampered = tmp_path / "hotlist-000003.cplchot"
    tampered.write_bytes(bytes(data))
    run = cli("import-hotlist", tampered, data_dir=desk)
    assert run.returncode == 1
    assert "changed after headquarters signed it" in run.stderr
    assert "the hotlist this desk holds is unchanged" in run.stderr
    assert_holds_second(desk)
    # The untouched file is taken.
    ok("import-hotlist", third, data_dir=desk)
    assert sync_status(desk)["hotlist"]["sequence"] == 3


@STATION_SIDE
def test_an_expired_hotlist_is_refused(hotlists: Hotlists, tmp_path: Path) -> None:
    """Signed with headquarters' real key, but its time is up (as if it lay in a drawer)."""
    desk = copy_desk(hotlists.saddar, tmp_path / "sadd")
    hq_key = keys.load_ed25519(DeskPaths(hotlists.hq).keys / keys.HQ_SIGNING)
    issued = now_utc() - timedelta(days=20)
    header = hotlist_file.HotlistHeader(
        sequence=9,
        issued_at=issued,
        expires_at=issued + timedelta(days=14),
        hq_name="CPLC Central",
        key_id=keys.key_id(hq_key.public_key()),
        entries=0,
    )
    stale = tmp_path / hotlist_file.file_name(9)
    stale.write_bytes(hotlist_file.write(header, [], hq_key))
    run = cli("import-hotlist", stale, data_dir=desk)
    assert run.returncode == 1
    assert "expired on" in run.stderr and "Ask headquarters for a new hotlist" in run.stderr
    assert_holds_second(desk)


@STATION_SIDE
def test_another_headquarters_hotlist_is_refused(hotlists: Hotlists, tmp_path: Path) -> None:
    other_hq = init_hq(tmp_path / "other-hq", "Some Other HQ")
    foreign = Path(export_hotlist(other_hq, tmp_path / "stick")["path"])
    desk = copy_desk(hotlists.saddar, tmp_path / "sadd")
    run = cli("import-hotlist", foreign, data_dir=desk)
    assert run.returncode == 1 and "different headquarters key" in run.stderr
    assert_holds_second(desk)


@STATION_SIDE
def test_wrong_desk_and_wrong_file(hotlists: Hotlists, tmp_path: Path) -> None:
    at_hq = cli("import-hotlist", hotlists.files[2], data_dir=hotlists.hq)
    assert at_hq.returncode == 1 and "imported at a station desk" in at_hq.stderr
    at_station = cli("export-hotlist", "--out", tmp_path, data_dir=hotlists.saddar)
    assert at_station.returncode == 1 and "only headquarters" in at_station.stderr
    not_a_hotlist = tmp_path / "notes.cplchot"
    not_a_hotlist.write_text("hello")
    run = cli("import-hotlist", not_a_hotlist, data_dir=hotlists.saddar)
    assert run.returncode == 1 and "not a CPLC Desk hotlist file" in run.stderr
    too_long = cli("export-hotlist", "--out", tmp_path, "--valid-days", "365", data_dir=hotlists.hq)
    assert too_long.returncode == 1 and "1 to 90 days" in too_long.stderr
