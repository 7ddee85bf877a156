"""A PostgreSQL headquarters backed up with ``cplc-desk backup`` (pg_dump, sealed with its keys)
and restored with ``cplc-desk restore`` (pg_restore) into a fresh database at a new workstation,
through the real command: the same records, the keys back, and a verifying audit chain."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pg_server import throwaway_database
from sqlalchemy import make_url
from test_hq_on_server import PHONES, PLATE, VEHICLES

from cplc_desk.services.backups import backup_seal
from cplc_desk.services.desk.server import public_url
from cplc_desk.sync import keys

Cli = Callable[..., Any]


def _ok(cli: Cli, *args: str, data_dir: Path, env: dict[str, str | None]) -> Any:
    run = cli(*args, data_dir=data_dir, env=env)
    assert run.returncode == 0, f"{args}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    return run


def _headquarters_with_records(cli: Cli, tmp_path: Path, url: str) -> dict[str, str | None]:
    hq, station = tmp_path / "hq", tmp_path / "station"
    env: dict[str, str | None] = {"CPLC_DESK_DB_PASSWORD": make_url(url).password}
    _ok(cli, "init-hq", "--name", "CPLC Central", "--db-url", url, data_dir=hq, env={})
    enrollment = tmp_path / "CLIF.cplcenroll"
    _ok(cli, "enroll-station", "--code", "CLIF", "--out", str(enrollment), data_dir=hq, env=env)
    _ok(cli, "init-station", "--enrollment", str(enrollment), data_dir=station, env={})
    for register, body in (("vehicles", VEHICLES), ("phones", PHONES)):
        csv = tmp_path / f"{register}.csv"
        csv.write_text(body, encoding="utf-8")
        _ok(cli, "import", register, str(csv), data_dir=station, env={})
    bundle = tmp_path / "CLIF-1.cplcbundle"
    _ok(cli, "export-bundle", "--out", str(bundle), data_dir=station, env={})
    _ok(cli, "import-bundle", str(bundle), data_dir=hq, env=env)
    return env


def test_server_backup_restores_into_a_fresh_database(cli: Cli, tmp_path: Path) -> None:
    with throwaway_database() as first, throwaway_database() as second:
        env = _headquarters_with_records(cli, tmp_path, first)
        hq = tmp_path / "hq"
        stats = json.loads(_ok(cli, "stats", "--json", data_dir=hq, env=env).stdout)
        usb = tmp_path / "usb"  # the second folder gets the sealed file too, as on SQLite
        made = _ok(cli, "backup", "--second-folder", str(usb), data_dir=hq, env=env)
        assert "audit entries verified" in made.stdout
        (written,) = (hq / "backups").glob("cplc-backup-*.cplcbak")
        assert backup_seal.is_sealed(written)
        (copy,) = usb.glob("cplc-backup-*.cplcbak")
        assert f"Sealed copy: {copy}" in made.stdout
        assert copy.read_bytes() == written.read_bytes() and copy.stat().st_mode & 0o077 == 0
        assert b"PGDMP" not in written.read_bytes()  # the dump is sealed, not beside in clear

        # A new workstation, its keys lost with the old PC: the backup key's recovery code
        # opens the file, and headquarters' keys come back from it.
        code = _ok(cli, "backup", "--show-key", data_dir=hq, env=env).stdout.strip()
        fresh = tmp_path / "fresh"
        bare = public_url(make_url(second))
        env2: dict[str, str | None] = {"CPLC_DESK_DB_PASSWORD": make_url(second).password}
        restored = _ok(
            cli,
            "restore",
            str(written),
            "--key",
            code,
            "--db-url",
            bare,
            data_dir=fresh,
            env=env2,
        )
        assert "onto the server" in restored.stdout
        for name in (keys.HQ_SIGNING, keys.HQ_ENCRYPTION):
            assert (fresh / "keys" / name).read_bytes() == (hq / "keys" / name).read_bytes()
        assert json.loads((fresh / "store.json").read_text())["url"] == bare

        again = json.loads(_ok(cli, "stats", "--json", data_dir=fresh, env=env2).stdout)
        for kind in ("vehicle_reports", "phone_reports"):
            assert again[kind] == stats[kind]
        hit = cli("verify-vehicle", PLATE, data_dir=fresh, env=env2)
        assert hit.returncode == 3 and "CLIF-V-" in hit.stdout  # the stolen bike, found
        assert "audit trail" in _ok(cli, "check", data_dir=fresh, env=env2).stdout

        # The database now holds headquarters: a second restore is refused without --replace,
        # and with it the current database is dumped aside first.
        refused = cli("restore", str(written), "--key", code, data_dir=fresh, env=env2)
        assert refused.returncode != 0 and "--replace" in refused.stdout + refused.stderr
        _ok(cli, "restore", str(written), "--key", code, "--replace", data_dir=fresh, env=env2)
        assert list((fresh / "backups").glob("before-restore-*.pgdump"))
        assert "audit trail" in _ok(cli, "check", data_dir=fresh, env=env2).stdout


def test_server_backup_without_client_tools_says_what_to_install(cli: Cli, tmp_path: Path) -> None:
    with throwaway_database() as url:
        env = _headquarters_with_records(cli, tmp_path, url)
        env["PATH"] = str(tmp_path / "no-tools")  # pg_dump cannot be found
        refused = cli("backup", data_dir=tmp_path / "hq", env=env)
        assert refused.returncode != 0
        assert "PostgreSQL client tools" in refused.stdout + refused.stderr
        assert not list((tmp_path / "hq" / "backups").glob("cplc-backup-*"))
