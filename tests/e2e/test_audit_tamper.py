"""Tampering with the audit trail behind the app's back, as an attacker with the store file
would: drop the append-only triggers with sqlite3, then change or delete an entry.
``cplc-desk check`` (the real command) must name exactly the entry, and headquarters must
refuse a bundle whose trail was altered and name an altered imported entry in its own check."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sync_desks import CSV, cli, copy_desk, export, import_bundles, init_hq, ok, station

from cplc_desk.paths import DB_FILENAME


def _attack(desk: Path, *statements: str) -> None:
    conn = sqlite3.connect(desk / DB_FILENAME)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _entry(desk: Path, where: str) -> tuple[int, str, str, str]:
    conn = sqlite3.connect(desk / DB_FILENAME)
    try:
        row = conn.execute(
            f"SELECT seq, desk_code, action, entry_id FROM audit_log WHERE {where} "
            "ORDER BY seq LIMIT 1"
        ).fetchone()
        return int(row[0]), str(row[1]), str(row[2]), str(row[3])
    finally:
        conn.close()


def _check(desk: Path) -> tuple[int, list[dict[str, Any]], str]:
    run = cli("check", "--json", data_dir=desk)
    return run.returncode, json.loads(run.stdout)["audit_breaks"], run.stderr


def test_check_names_the_changed_and_the_removed_entry(tmp_path: Path) -> None:
    desk = tmp_path / "clif"
    ok("init-station", "--code", "CLIF", data_dir=desk)
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=desk)
    assert _check(desk)[0] == 0

    changed = copy_desk(desk, tmp_path / "changed")
    seq, code, action, entry_id = _entry(changed, "action = 'record.created'")
    _attack(changed, f"UPDATE audit_log SET actor = 'nobody' WHERE seq = {seq}")
    rc, breaks, stderr = _check(changed)
    assert rc == 1
    assert [(b["seq"], b["desk_code"], b["action"], b["entry_id"]) for b in breaks] == [
        (seq, code, action, entry_id)
    ]
    assert "changed after it was written" in breaks[0]["reason"]
    assert f"entry {seq} " in stderr and "CLIF" in stderr and action in stderr

    removed = copy_desk(desk, tmp_path / "removed")
    seq, code, action, _ = _entry(removed, "action = 'record.created'")
    _attack(removed, f"DELETE FROM audit_log WHERE seq = {seq}")
    rc, breaks, stderr = _check(removed)
    assert rc == 1
    assert breaks[0]["seq"] == seq and "removed" in breaks[0]["reason"]
    # ... and the next entry of the chain no longer follows its predecessor.
    assert breaks[1]["seq"] == seq + 1 and breaks[1]["desk_code"] == "CLIF"
    assert len(breaks) == 2
    assert f"entry {seq}: this entry was removed" in stderr

    newest = copy_desk(desk, tmp_path / "newest")
    last, *_ = _entry(newest, "seq = (SELECT max(seq) FROM audit_log)")
    _attack(newest, f"DELETE FROM audit_log WHERE seq = {last}")
    rc, breaks, _ = _check(newest)
    assert rc == 1 and [b["seq"] for b in breaks] == [last]


def test_headquarters_refuses_an_altered_trail_and_checks_what_it_imported(
    tmp_path: Path,
) -> None:
    hq = init_hq(tmp_path / "hq")
    clif = station(hq, "CLIF", tmp_path / "clif")
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=clif)

    # The station's trail altered before its bundle was written: headquarters refuses it.
    altered = copy_desk(clif, tmp_path / "clif-altered")
    seq, *_ = _entry(altered, "action = 'record.created'")
    _attack(altered, f"UPDATE audit_log SET details = '{{}}' WHERE seq = {seq}")
    bad = export(altered, tmp_path / "stick-bad")
    hq_bad = copy_desk(hq, tmp_path / "hq-bad")
    code, outcomes = import_bundles(hq_bad, Path(bad["path"]))
    assert code == 1 and outcomes[0]["code"] == "audit_broken"
    assert "Nothing was merged" in outcomes[0]["message"]

    # The honest bundle goes in; then someone changes an imported entry at headquarters.
    good = export(clif, tmp_path / "stick")
    code, outcomes = import_bundles(hq, Path(good["path"]))
    assert code == 0, outcomes
    assert cli("check", data_dir=hq).returncode == 0
    seq, _code, action, entry_id = _entry(hq, "desk_code = 'CLIF' AND action = 'record.created'")
    _attack(hq, f"UPDATE audit_log SET record_id = NULL WHERE seq = {seq}")
    rc, breaks, stderr = _check(hq)
    assert rc == 1
    assert [(b["seq"], b["desk_code"], b["action"], b["entry_id"]) for b in breaks] == [
        (seq, "CLIF", action, entry_id)
    ]
    assert "Audit trail of desk CLIF" in stderr
