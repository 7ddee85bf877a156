"""Handsets in the hotlist through the real command: Clifton imports its register of phones and
sends it to headquarters; headquarters writes the hotlist; Saddar, which never heard of those
handsets, imports it and ``verify-phone`` answers REPORTED STOLEN (exit 3), from headquarters'
hotlist, with its date; ``sync-status`` counts the handsets held. Headquarters on a SQLite file
and on a PostgreSQL server (tests/e2e/hq_store.py)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from hq_store import HqStore
from sync_desks import cli, enroll, export, import_bundles, in_parallel, ok
from sync_desks import join as join_desk

SAMSUNG = "490154203237518"
SECOND = "356938035643809"


def test_a_station_checks_a_handset_reported_at_another_station(
    tmp_path: Path, hq_store: HqStore
) -> None:
    hq = hq_store.init_hq(tmp_path / "hq")
    enrollments = in_parallel(*(partial(enroll, hq, code, tmp_path) for code in ("CLIF", "SADD")))
    clifton, saddar = tmp_path / "clif", tmp_path / "sadd"
    in_parallel(
        partial(join_desk, enrollments[0], "CLIF", clifton),
        partial(join_desk, enrollments[1], "SADD", saddar),
    )
    register = tmp_path / "phones.csv"
    register.write_text(
        "reference,kind,imei,imei2,make,model,owner_name,owner_cnic,owner_mobile,police_station\n"
        f"P-1,snatched,{SAMSUNG},{SECOND},Samsung,A52,Ayesha Siddiqui,42101-1234567-1,"
        "0300-7654321,CLIF\n",
        encoding="utf-8",
    )
    ok("import", "phones", register, data_dir=clifton)
    code, outcomes = import_bundles(hq, Path(export(clifton, tmp_path / "stick")["path"]))
    assert code == 0, outcomes

    before = cli("verify-phone", SECOND, data_dir=saddar)
    assert before.returncode == 0, before.stderr  # Saddar knows nothing of the handset
    assert "No hotlist received yet" in before.stdout

    written = ok("export-hotlist", "--out", tmp_path / "stick", "--json", data_dir=hq).json()
    assert (written["entries"], written["phones"]) == (0, 1)
    hotlist = Path(written["path"])
    assert b"Ayesha" not in hotlist.read_bytes() and b"42101" not in hotlist.read_bytes()

    imported = ok("import-hotlist", hotlist, data_dir=saddar)
    assert "0 vehicles and 1 handsets reported stolen or snatched city-wide" in imported.stdout
    held = ok("sync-status", "--json", data_dir=saddar).json()["hotlist"]
    assert (held["sequence"], held["entries"], held["phones"]) == (1, 0, 1)

    stolen = cli("verify-phone", SECOND, data_dir=saddar)
    assert stolen.returncode == 3, stolen.stderr
    day = written["issued_at"][:10]
    assert "REPORTED STOLEN/SNATCHED" in stolen.stdout and "CLIF-P-" in stolen.stdout
    assert f"[headquarters' hotlist of {day}: reported at another station]" in stolen.stdout
    assert "Hotlist consulted: number 1" in stolen.stdout
    assert "42101" not in stolen.stdout and "Ayesha" not in stolen.stdout

    answer = json.loads(cli("verify-phone", SAMSUNG, "--json", data_dir=saddar).stdout)
    (report,) = answer["reports"]
    assert (answer["result"], report["source"], report["imei2"]) == ("stolen", "hotlist", SECOND)
    assert answer["hotlist"]["sequence"] == 1 and answer["hotlist"]["issued_at"][:10] == day
    assert answer["hotlist"]["phones"] == 1 and answer["hotlist"]["expired"] is False

    slip = SAMSUNG[:4] + str((int(SAMSUNG[4]) + 1) % 10) + SAMSUNG[5:]
    near = cli("verify-phone", slip, "--json", data_dir=saddar)
    assert near.returncode == 5, near.stderr
    assert json.loads(near.stdout)["near"][0]["source"] == "hotlist"
