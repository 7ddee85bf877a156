"""A station's PC is stolen: headquarters re-enrolls it and writes a snapshot, a new PC is set
up from both files, and the station carries on, all through the real ``cplc-desk`` command.

The old PC sends two bundles, then makes a third that never reaches headquarters before the
snapshot; that bundle, arriving later, must be refused. The new PC's numbers continue above the
old ones, its first bundle continues the station's chain, and headquarters' counts add up.
A new PC given the enrollment file without the snapshot is refused (it would fork the
station's history). Headquarters keeps its store in a SQLite file and on a PostgreSQL server
(tests/e2e/hq_store.py): the snapshot is written from either.
"""

from __future__ import annotations

from pathlib import Path

from hq_store import HqStore
from sync_desks import (
    cli,
    edit_narrative,
    enroll,
    export,
    import_bundles,
    join,
    ok,
    query,
    register,
    stats,
)

from cplc_desk.paths import DeskPaths

RECORD_TABLES = ("person", "complaint", "complaint_event", "vehicle_report")


def _rows(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: query(data_dir, f"SELECT * FROM {t} ORDER BY id") for t in RECORD_TABLES}


def _nothing_saved(data_dir: Path) -> None:
    assert query(data_dir, "SELECT count(*) FROM desk") == [(0,)]
    assert query(data_dir, "SELECT count(*) FROM complaint") == [(0,)]
    assert query(data_dir, "SELECT count(*) FROM audit_log") == [(0,)]
    assert not (DeskPaths(data_dir).keys / "station-signing.pem").exists()


def _numbers(data_dir: Path) -> list[str]:
    return [
        n
        for (n,) in query(
            data_dir, "SELECT number FROM complaint UNION ALL SELECT number FROM vehicle_report"
        )
    ]


def test_stolen_station_pc_is_replaced_from_a_snapshot(tmp_path: Path, hq_store: HqStore) -> None:
    hq = hq_store.init_hq(tmp_path / "hq")
    first_enrollment = enroll(hq, "CLIF", tmp_path)
    old = join(first_enrollment, "CLIF", tmp_path / "old-pc")

    # The old PC works for a while; headquarters merges two bundles.
    register(old, complaints=4, vehicles=3, seed=31)
    b1 = export(old, tmp_path / "stick")
    (number,) = query(old, "SELECT number FROM complaint ORDER BY number LIMIT 1")[0]
    edit_narrative(old, number, "Followed up with the SHO; FIR lodged.")
    register(old, complaints=1, vehicles=1, seed=32)
    b2 = export(old, tmp_path / "stick")
    code, outcomes = import_bundles(hq, Path(b1["path"]), Path(b2["path"]))
    assert code == 0 and [o["status"] for o in outcomes] == ["accepted", "accepted"]
    # ... then makes a third bundle that never reaches headquarters before the PC is stolen.
    register(old, complaints=2, vehicles=0, seed=33)
    lost = export(old, tmp_path / "lost")

    # No snapshot without a pending enrollment: it would have nobody to be encrypted for.
    refused = cli("export-station-snapshot", "--code", "CLIF", "--out", tmp_path, data_dir=hq)
    assert refused.returncode == 1
    assert "no pending enrollment" in refused.stderr
    assert "enroll-station --code CLIF" in refused.stderr

    new_enrollment = tmp_path / "clif-new.cplcenroll"
    ok("enroll-station", "--code", "CLIF", "--out", new_enrollment, data_dir=hq)
    snap_dir = tmp_path / "snap"
    snap = ok(
        "export-station-snapshot", "--code", "CLIF", "--out", snap_dir, "--json", data_dir=hq
    ).json()
    assert snap["last_sequence"] == 2
    assert snap["hash_mismatches"] == 0
    assert len(snap["revoked_keys"]) == 1
    assert snap["records"]["complaint"] == 5
    assert snap["records"]["vehicle_report"] == 4
    snapshot = Path(snap["path"])
    assert snapshot.parent == snap_dir and snapshot.suffix == ".cplcsnapshot"
    # Personal data never in plain text on the stick.
    (cnic,) = query(hq, "SELECT cnic FROM person WHERE cnic IS NOT NULL LIMIT 1")[0]
    (name,) = query(hq, "SELECT name FROM person LIMIT 1")[0]
    raw = snapshot.read_bytes()
    assert cnic.encode() not in raw and name.encode() not in raw

    # A tampered snapshot and the wrong enrollment file are refused, nothing saved.
    tampered = tmp_path / "tampered.cplcsnapshot"
    changed = bytearray(raw)
    changed[len(changed) // 2] ^= 0x01
    tampered.write_bytes(bytes(changed))
    bad_dir = tmp_path / "bad-pc"
    run = cli(
        "init-station", "--enrollment", new_enrollment, "--snapshot", tampered, data_dir=bad_dir
    )
    assert run.returncode == 1 and "damaged or was changed" in run.stderr, run.stderr
    _nothing_saved(bad_dir)
    run = cli(
        "init-station", "--enrollment", first_enrollment, "--snapshot", snapshot, data_dir=bad_dir
    )
    assert run.returncode == 1 and "another enrollment file" in run.stderr, run.stderr
    _nothing_saved(bad_dir)

    # The enrollment file alone would start the station again at bundle 1 (a fork headquarters
    # refuses, numbering from 1): refused up front, pointing at the snapshot, nothing saved.
    run = cli("init-station", "--enrollment", new_enrollment, data_dir=bad_dir)
    assert run.returncode == 1 and "already holds 2 bundles from CLIF" in run.stderr, run.stderr
    assert "--snapshot" in run.stderr
    _nothing_saved(bad_dir)

    # The new PC, from the new enrollment and the snapshot.
    new = tmp_path / "new-pc"
    run = ok("init-station", "--enrollment", new_enrollment, "--snapshot", snapshot, data_dir=new)
    assert "(CLIF)" in run.stdout
    assert "bundles up to 2" in run.stdout and "next bundle from this desk is 3" in run.stdout
    ok("check", data_dir=new)
    for table in RECORD_TABLES:  # the same records, at the same versions
        sql = f"SELECT id, version, origin_desk, updated_at FROM {table} ORDER BY id"
        assert query(new, sql) == query(hq, sql), table
    status = ok("sync-status", "--json", data_dir=new).json()
    assert status["pending_changes"] == 0  # restored records are not sent again
    assert status["last_sequence"] == 2
    said = ok("sync-status", data_dir=new).stdout
    assert "{" not in said and "Waiting to be sent: 0 changes" in said
    assert "Last bundle: number 2" in said
    hq_stats = stats(hq)

    # It carries on: new records numbered above every old number, and an edit.
    old_numbers = set(_numbers(hq))
    register(new, complaints=2, vehicles=1, seed=34)
    edit_narrative(new, number, "Case resolved at the CPLC office.")
    new_numbers = set(_numbers(new)) - old_numbers
    assert len(new_numbers) == 3
    for made in new_numbers:
        kind, seq = made.split("-")[1], int(made.split("-")[3])
        assert seq > max(int(n.split("-")[3]) for n in old_numbers if n.split("-")[1] == kind)
    sent = export(new, tmp_path / "stick2")
    assert sent["sequence"] == 3

    code, outcomes = import_bundles(hq, Path(sent["path"]))
    assert code == 0, outcomes
    (o,) = outcomes
    assert o["status"] == "accepted", o
    assert o["counts"]["conflicts"] == 0 and o["counts"]["unchanged"] == 0
    assert o["counts"]["updated"] == 1
    assert o["counts"]["new"] + o["counts"]["updated"] == sent["records"]
    after = stats(hq)
    assert after["complaints"]["total"] == hq_stats["complaints"]["total"] + 2
    assert after["vehicle_reports"]["total"] == hq_stats["vehicle_reports"]["total"] + 1
    assert set(_numbers(hq)) == set(_numbers(new))

    # The stolen PC's bundle, arriving late, is refused and nothing from it merged.
    rows = _rows(hq)
    code, outcomes = import_bundles(hq, Path(lost["path"]))
    assert code == 1
    assert outcomes[0]["status"] == "refused" and outcomes[0]["code"] == "revoked_key"
    assert _rows(hq) == rows
    ok("check", data_dir=hq)
    ok("check", data_dir=new)
