"""``move-hq`` through the real command: a SQLite headquarters holding a station's merged bundle
(complaints, vehicles, phones) is moved to an empty database on a real server; the checks give
the same answers there, the SQLite file is not changed by a byte, and the refusals hold."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pg_server import throwaway_database
from sqlalchemy import make_url
from test_hq_on_server import IMEI, PHONES, PLATE, VEHICLES, _ok

from cplc_desk.domain import imei

Cli = Callable[..., Any]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


def _answers(cli: Cli, hq: Path, env: dict[str, str | None]) -> list[tuple[int, str]]:
    unknown = "35209900176148" + imei.check_digit("35209900176148")
    runs = [
        cli("verify-vehicle", PLATE, data_dir=hq, env=env),
        cli("verify-phone", IMEI, data_dir=hq, env=env),
        cli("verify-phone", unknown, data_dir=hq, env=env),
    ]
    return [(r.returncode, r.stdout) for r in runs]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_move_hq_to_a_server(cli: Cli, tmp_path: Path) -> None:
    hq, station = tmp_path / "hq", tmp_path / "station"
    _ok(cli, "init-hq", "--name", "CPLC Central", data_dir=hq)
    enrollment = tmp_path / "CLIF.cplcenroll"
    _ok(cli, "enroll-station", "--code", "CLIF", "--out", str(enrollment), data_dir=hq)
    _ok(cli, "init-station", "--enrollment", str(enrollment), data_dir=station)
    _ok(cli, "import-csv", "complaints", str(FIXTURES / "complaints_good.csv"), data_dir=station)
    for register, body in (("vehicles", VEHICLES), ("phones", PHONES)):
        csv = tmp_path / f"{register}.csv"
        csv.write_text(body, encoding="utf-8")
        _ok(cli, "import", register, str(csv), data_dir=station)
    bundle = tmp_path / "CLIF-1.cplcbundle"
    _ok(cli, "export-bundle", "--out", str(bundle), data_dir=station)
    imported = _ok(cli, "import-bundle", "--json", str(bundle), data_dir=hq)
    assert [o["status"] for o in json.loads(imported.stdout)] == ["accepted"]

    before = _answers(cli, hq, {})
    assert before[0][0] == 3 and "CLIF-V-" in before[0][1]
    assert before[1][0] == 3 and before[2][0] == 0
    stats_before = json.loads(_ok(cli, "stats", "--json", data_dir=hq).stdout)
    assert stats_before["complaints"]["total"] > 0
    sqlite_file = hq / "cplc_desk.sqlite3"
    file_before = _digest(sqlite_file)

    with throwaway_database() as url:
        db_env = {"CPLC_DESK_DB_PASSWORD": make_url(url).password}
        bare = make_url(url).set(password=None).render_as_string(hide_password=False)
        # A station desk is refused, and so is a wrong password (and nothing is switched).
        at_station = cli("move-hq", "--to", bare, data_dir=station, env=db_env)
        assert at_station.returncode == 1 and "station desk" in at_station.stderr
        wrong = cli("move-hq", "--to", bare, data_dir=hq, env={**db_env,
                    "CPLC_DESK_PASSWORD": "not the password"})  # fmt: skip
        assert wrong.returncode == 1 and not (hq / "store.json").exists()
        file_before = _digest(sqlite_file)  # the refused attempt is recorded in the file

        moved = _ok(cli, "move-hq", "--to", bare, data_dir=hq, env=db_env)
        assert "store.json" in moved.stdout
        assert _digest(sqlite_file) == file_before
        written = json.loads((hq / "store.json").read_text(encoding="utf-8"))
        assert make_url(written["url"]).password is None

        assert _answers(cli, hq, db_env) == before
        assert "audit trail" in _ok(cli, "check", data_dir=hq, env=db_env).stdout
        stats_after = json.loads(_ok(cli, "stats", "--json", data_dir=hq, env=db_env).stdout)
        for kind in ("complaints", "vehicle_reports", "phone_reports"):
            assert stats_after[kind] == stats_before[kind]
        assert _digest(sqlite_file) == file_before

        # Already on a server: refused. Another data folder onto this (now full) database too.
        again = cli("move-hq", "--to", bare, data_dir=hq, env=db_env)
        assert again.returncode == 1 and "already works on a server" in again.stderr
        other = tmp_path / "hq-other"
        _ok(cli, "init-hq", "--name", "Other HQ", data_dir=other)
        full = cli("move-hq", "--to", bare, data_dir=other, env=db_env)
        assert full.returncode == 1 and "not empty" in full.stderr
        assert not (other / "store.json").exists()

        # The way back: without store.json the desk works on its file again, as it was.
        (hq / "store.json").unlink()
        assert _answers(cli, hq, {}) == before
