"""`cplc-desk backup` and `cplc-desk restore` through the real command: a round trip, a sealed
file that holds no plain CNIC, another desk refused, a damaged file refused, a plain file for
supervisors only (private, audited as such)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


def _complaints(desk: Path) -> int:
    conn = sqlite3.connect(desk / "cplc_desk.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM complaint").fetchone()[0])
    finally:
        conn.close()


def test_backup_restore_round_trip(tmp_path: Path, cli) -> None:
    desk = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=desk).returncode == 0
    imported = cli("import-csv", "complaints", str(FIXTURES / "complaints_good.csv"), data_dir=desk)
    assert imported.returncode == 0, imported.stderr
    before = _complaints(desk)
    assert before > 0

    sealed = tmp_path / "usb" / "clifton.cplcbak"
    made = cli("backup", "--out", str(sealed), data_dir=desk)
    assert made.returncode == 0, made.stderr
    assert sealed.read_bytes().startswith(b"CPLCBAK1")
    plain = cli("backup", data_dir=desk)
    assert plain.returncode == 0, plain.stderr
    assert len(list((desk / "backups").glob("cplc-backup-CLIF-*.sqlite3"))) == 1

    # More work after the backup, then restore: the store goes back to the backup.
    again = cli(
        "import-csv", "complaints", str(FIXTURES / "complaints_semicolon.csv"), data_dir=desk
    )
    assert _complaints(desk) > before, again.stderr
    restored = cli("restore", str(sealed), data_dir=desk)
    assert restored.returncode == 0, restored.stderr
    assert _complaints(desk) == before
    assert len(list((desk / "backups").glob("before-restore-*.sqlite3"))) == 1
    check = cli("check", data_dir=desk)
    assert check.returncode == 0, check.stdout + check.stderr

    # On a new machine the sealed file needs the key written on paper.
    key = cli("backup", "--show-key", data_dir=desk).stdout.strip()
    fresh = tmp_path / "fresh"
    refused = cli("restore", str(sealed), data_dir=fresh)
    assert refused.returncode == 1 and "--key" in refused.stderr
    ok = cli("restore", str(sealed), "--key", key, data_dir=fresh)
    assert ok.returncode == 0, ok.stderr
    assert _complaints(fresh) == before


def test_restore_refuses_another_desk_and_damaged_files(tmp_path: Path, cli) -> None:
    clifton, airport = tmp_path / "clifton", tmp_path / "airport"
    assert cli("init-station", "--code", "CLIF", data_dir=clifton).returncode == 0
    assert cli("init-station", "--code", "AIRP", data_dir=airport).returncode == 0
    theirs = tmp_path / "airport.sqlite3"
    assert cli("backup", "--out", str(theirs), "--plain", data_dir=airport).returncode == 0

    refused = cli("restore", str(theirs), data_dir=clifton)
    assert refused.returncode == 1
    assert "belongs to desk AIRP" in refused.stderr and "--other-desk" in refused.stderr

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(theirs.read_bytes()[:5000])
    bad = cli("restore", str(damaged), "--other-desk", data_dir=clifton)
    assert bad.returncode == 1, bad.stderr
    assert "damaged.sqlite3 is not a readable CPLC Desk backup" in bad.stderr
    assert not list((clifton / "backups").glob("before-restore-*"))

    moved = cli("restore", str(theirs), "--other-desk", data_dir=clifton)
    assert moved.returncode == 0, moved.stderr
    conn = sqlite3.connect(clifton / "cplc_desk.sqlite3")
    assert conn.execute("SELECT code FROM desk").fetchone()[0] == "AIRP"
    conn.close()


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask, inherited by the commands: a private file is the desk's doing."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _audit(desk: Path, action: str) -> list[tuple[str, dict[str, object]]]:
    conn = sqlite3.connect(desk / "cplc_desk.sqlite3")
    try:
        rows = conn.execute(
            "SELECT actor, details FROM audit_log WHERE action = ? ORDER BY seq", (action,)
        ).fetchall()
    finally:
        conn.close()
    return [(actor, json.loads(details)) for actor, details in rows]


def test_a_volunteer_is_refused_a_plain_backup(tmp_path: Path, cli) -> None:
    desk = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=desk).returncode == 0
    added = cli(
        "accounts", "add", "ali", "--role", "volunteer",
        data_dir=desk, env={"CPLC_DESK_NEW_PASSWORD": "ali-pass-123"},
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    as_ali = {"CPLC_DESK_USER": "ali", "CPLC_DESK_PASSWORD": "ali-pass-123"}

    plain = tmp_path / "out" / "clifton.sqlite3"
    refused = cli("backup", "--out", str(plain), "--plain", data_dir=desk, env=as_ali)
    assert refused.returncode == 1
    assert refused.stderr == (
        "cplc-desk: Only a supervisor may write a plain (unencrypted) backup. Leave out "
        "--plain: the sealed backup (the default) is the one to make.\n"
    )
    assert refused.stdout == "" and not plain.exists()
    assert [(a, d["permission"]) for a, d in _audit(desk, "permission.denied")] == [
        ("ali", "plain_backup")
    ]
    assert _audit(desk, "backup.plain_written") == []

    sealed = cli("backup", "--out", str(tmp_path / "out" / "c.cplcbak"), data_dir=desk, env=as_ali)
    assert sealed.returncode == 0, sealed.stderr


@pytest.mark.usefixtures("open_umask")
def test_a_supervisors_plain_backup_is_private_and_audited(tmp_path: Path, cli) -> None:
    desk = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=desk).returncode == 0
    plain = tmp_path / "out" / "clifton.sqlite3"
    made = cli("backup", "--out", str(plain), "--plain", data_dir=desk)
    assert made.returncode == 0, made.stderr
    assert "It is not encrypted" in made.stderr
    ((actor, details),) = _audit(desk, "backup.plain_written")
    assert actor == "admin" and details["file"] == "clifton.sqlite3"
    assert details["folder"] == str(plain.parent) and details["size"] == plain.stat().st_size
    assert _audit(desk, "backup.written") == []
    if sys.platform != "win32":
        assert stat.S_IMODE(plain.stat().st_mode) == 0o600
        assert stat.S_IMODE((desk / "logs" / "cplc-desk.log").stat().st_mode) == 0o600
