"""Tampering with the audit trail behind the app's back, as an attacker with the store file
would: drop the append-only triggers with sqlite3, then change or delete an entry.
``cplc-desk check`` (the real command) must name exactly the entry, and headquarters must
refuse a bundle whose trail was altered and name an altered imported entry in its own check
(headquarters on a SQLite file and on a PostgreSQL server: tests/e2e/hq_store.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hq_store import HqStore, connected, server_url
from sync_desks import (
    CSV,
    cli,
    copy_desk,
    export,
    import_bundles,
    init_hq,
    ok,
    query,
    station,
)  # fmt: skip

from cplc_desk.domain.audit import change_hash
from cplc_desk.domain.folding import fold
from cplc_desk.paths import DB_FILENAME, DeskPaths
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.station import sync_station


def _attack(desk: Path, *statements: str) -> None:
    url = server_url(desk)
    if url is not None:  # headquarters on a server: its owner may drop the trigger too
        with connected(url) as server:
            server.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
            for sql in statements:
                server.exec_driver_sql(sql)
            server.commit()
        return
    conn = sqlite3.connect(desk / DB_FILENAME)
    conn.create_function("cplc_fold", 1, fold)  # the search index's triggers call it
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _entry(desk: Path, where: str) -> tuple[int, str, str, str]:
    row = query(
        desk,
        f"SELECT seq, desk_code, action, entry_id FROM audit_log WHERE {where} "
        "ORDER BY seq LIMIT 1",
    )[0]
    return int(row[0]), str(row[1]), str(row[2]), str(row[3])


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


def _export_unchecked(desk: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A bundle written without the station's own integrity check (as a desk running an older
    or altered CPLC Desk would): what headquarters must still catch."""
    monkeypatch.setattr(sync_station._Outbox, "_refuse_a_broken_trail", lambda self: None)
    ctx = open_desk(DeskPaths(desk), actor=Actor("admin"))
    try:
        result = sync_station.export_bundle(ctx, out)
    finally:
        ctx.close()
    assert result.path is not None
    return {"path": str(result.path)}


def test_headquarters_refuses_an_altered_trail_and_checks_what_it_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hq_store: HqStore
) -> None:
    hq = hq_store.init_hq(tmp_path / "hq")
    clif = station(hq, "CLIF", tmp_path / "clif")
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=clif)

    # The station's trail altered before its bundle was written: the station refuses to send
    # it, naming the entry; written all the same (the check skipped), headquarters refuses it.
    altered = copy_desk(clif, tmp_path / "clif-altered")
    seq, *_ = _entry(altered, "action = 'record.created'")
    _attack(altered, f"UPDATE audit_log SET details = '{{}}' WHERE seq = {seq}")
    run = cli("export-bundle", "--out", tmp_path / "stick-bad", data_dir=altered)
    assert run.returncode == 1
    assert f"entry {seq} " in run.stderr and "Call headquarters" in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "stick-bad").exists()
    bad = _export_unchecked(altered, tmp_path / "stick-bad", monkeypatch)
    hq_bad = hq_store.copy(hq, tmp_path / "hq-bad")
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


def _records(desk: Path) -> tuple[int, list[dict[str, Any]], str]:
    run = cli("check", "--json", data_dir=desk)
    return run.returncode, json.loads(run.stdout)["record_breaks"], run.stderr


def test_a_record_changed_outside_the_app_is_found_and_not_sent(tmp_path: Path) -> None:
    """``UPDATE complaint SET narrative = ...`` in the SQLite file: ``check`` names the record
    and the field, and the station refuses to export until it is dealt with."""
    hq = init_hq(tmp_path / "hq")
    clif = station(hq, "CLIF", tmp_path / "clif")
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=clif)
    assert _records(clif)[0] == 0

    changed = copy_desk(clif, tmp_path / "changed")
    (number,) = query(changed, "SELECT number FROM complaint ORDER BY number LIMIT 1")[0]
    _attack(
        changed, f"UPDATE complaint SET narrative = 'nothing happened' WHERE number = '{number}'"
    )
    rc, breaks, stderr = _records(changed)
    assert rc == 1
    assert [(b["table"], b["label"]) for b in breaks] == [("complaint", number)]
    assert "narrative" in breaks[0]["reason"] and "outside CPLC Desk" in breaks[0]["reason"]
    assert number in stderr
    run = cli("export-bundle", "--out", tmp_path / "stick", data_dir=changed)
    assert run.returncode == 1 and number in run.stderr and "narrative" in run.stderr
    assert not (tmp_path / "stick").exists()

    removed = copy_desk(clif, tmp_path / "removed")
    (seq,) = query(removed, "SELECT min(seq) FROM change_log")[0]
    _attack(removed, f"DELETE FROM change_log WHERE seq = {seq + 1}")
    rc, breaks, _ = _records(removed)
    assert rc == 1
    assert breaks[0]["label"] == str(seq + 1) and "removed" in breaks[0]["reason"]

    edited_log = copy_desk(clif, tmp_path / "edited-log")
    _attack(edited_log, f"UPDATE change_log SET op = 'update' WHERE seq = {seq}")
    rc, breaks, _ = _records(edited_log)
    assert rc == 1 and f"row {seq} " in breaks[0]["reason"]


def test_headquarters_sees_a_rewritten_change_log(tmp_path: Path, hq_store: HqStore) -> None:
    """Someone who knows the scheme changes a record already sent and rewrites every link after
    it: the station's own check cannot tell, but its next bundle no longer continues the chain
    headquarters holds, and headquarters refuses it."""
    hq = hq_store.init_hq(tmp_path / "hq")
    clif = station(hq, "CLIF", tmp_path / "clif")
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=clif)
    code, _ = import_bundles(hq, Path(export(clif, tmp_path / "stick1")["path"]))
    assert code == 0
    (number,) = query(clif, "SELECT number FROM complaint ORDER BY number LIMIT 1")[0]
    conn = sqlite3.connect(clif / DB_FILENAME)
    conn.create_function("cplc_fold", 1, fold)
    try:
        (rid,) = conn.execute("SELECT id FROM complaint WHERE number = ?", (number,)).fetchone()
        conn.execute("UPDATE complaint SET narrative = 'rewritten' WHERE id = ?", (rid,))
        (image,) = conn.execute(
            "SELECT row_image FROM change_log WHERE record_id = ? ORDER BY seq DESC", (rid,)
        ).fetchone()
        forged = json.loads(image)
        forged["narrative"] = "rewritten"
        conn.execute(
            "UPDATE change_log SET row_image = ? WHERE record_id = ?",
            (json.dumps(forged, sort_keys=True, ensure_ascii=False), rid),
        )
        prev = "0" * 64
        rows = conn.execute(
            "SELECT seq, table_name, record_id, op, version, row_image FROM change_log ORDER BY seq"
        ).fetchall()
        for seq, table, record_id, op, version, text in rows:
            prev = change_hash(prev, table, record_id, op, version, text)
            conn.execute("UPDATE change_log SET chain_hash = ? WHERE seq = ?", (prev, seq))
        conn.commit()
    finally:
        conn.close()
    assert _records(clif)[0] == 0  # consistent: nothing on the PC can tell
    ok("import-csv", "vehicles", CSV / "vehicles_good.csv", data_dir=clif)
    code, outcomes = import_bundles(hq, Path(export(clif, tmp_path / "stick2")["path"]))
    assert code == 1 and outcomes[0]["code"] == "change_log_rewritten", outcomes
    assert "Call the station" in outcomes[0]["message"]
