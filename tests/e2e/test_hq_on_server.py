"""Headquarters' day through the real command, on a SQLite file and on a PostgreSQL server:
set up, enroll a station, the station's bundle imported, vehicle and phone checks, the audit
chain checked; on the server a second workstation joins and sees the same records, and the
server's password is never written to the desk's configuration."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_server import throwaway_database
from sqlalchemy import make_url

from cplc_desk.domain import imei
from cplc_desk.services.desk.server import public_url

Cli = Callable[..., Any]
PLATE = "KHM-4421"
IMEI = "490154203237518"
PASSPHRASE = "a long passphrase 42"
VEHICLES = (
    "reference,kind,vehicle_class,registration,chassis,engine,make,model,colour,model_year,"
    "owner_name,owner_cnic,incident_date,police_station\n"
    f"V-1,stolen,bike,{PLATE},KA-1234567,JL1P5551234,Honda,CD 70,Red,2019,Ali Raza,"
    "42101-1234567-1,02/03/2024,CLIF\n"
)
PHONES = (
    "reference,kind,imei,make,model,owner_name,owner_cnic,police_station\n"
    f"P-1,snatched,{IMEI},Samsung,A52,Ayesha Siddiqui,42101-7654321-1,CLIF\n"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for a SQLite headquarters; the URL (with its password) of a server's database."""
    if request.param == "sqlite":
        yield None
    else:
        with throwaway_database() as url:
            yield url


def _ok(cli: Cli, *args: str, data_dir: Path, env: dict[str, str | None] | None = None) -> Any:
    run = cli(*args, data_dir=data_dir, env=env)
    assert run.returncode == 0, f"{args}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    return run


def _assert_no_password(data_dir: Path, url: str) -> None:
    password = make_url(url).password
    written = (data_dir / "store.json").read_text(encoding="utf-8")
    assert password and f":{password}@" not in written
    assert make_url(json.loads(written)["url"]).password is None
    assert make_url(json.loads(written)["url"]).database == make_url(url).database


def test_headquarters_day_on_sqlite_and_on_a_server(
    cli: Cli, tmp_path: Path, store: str | None
) -> None:
    hq, station = tmp_path / "hq", tmp_path / "station"
    no_db_password: dict[str, str | None] = {"CPLC_DESK_DB_PASSWORD": None, "PGPASSFILE": None}
    if store is None:
        _ok(cli, "init-hq", "--name", "CPLC Central", data_dir=hq)
    else:
        # The URL given with its password works for the run; the password is not kept.
        _ok(cli, "init-hq", "--name", "CPLC Central", "--db-url", store, data_dir=hq)
        _assert_no_password(hq, store)
        assert not (hq / "cplc_desk.sqlite3").exists()
    # From now on the password comes from the environment, as a workstation's would.
    db_env = {"CPLC_DESK_DB_PASSWORD": make_url(store).password} if store else {}

    enrollment = tmp_path / "CLIF.cplcenroll"
    _ok(cli, "enroll-station", "--code", "CLIF", "--out", str(enrollment), data_dir=hq, env=db_env)
    _ok(cli, "init-station", "--enrollment", str(enrollment), data_dir=station)
    for register, body in (("vehicles", VEHICLES), ("phones", PHONES)):
        csv = tmp_path / f"{register}.csv"
        csv.write_text(body, encoding="utf-8")
        _ok(cli, "import", register, str(csv), data_dir=station)
    bundle = tmp_path / "CLIF-1.cplcbundle"
    _ok(cli, "export-bundle", "--out", str(bundle), data_dir=station)

    imported = _ok(cli, "import-bundle", "--json", str(bundle), data_dir=hq, env=db_env)
    assert [o["status"] for o in json.loads(imported.stdout)] == ["accepted"]
    again = _ok(cli, "import-bundle", "--json", str(bundle), data_dir=hq, env=db_env)
    assert [o["status"] for o in json.loads(again.stdout)] == ["already_imported"]

    vehicle = cli("verify-vehicle", PLATE, data_dir=hq, env=db_env)
    assert vehicle.returncode == 3 and "CLIF-V-" in vehicle.stdout, vehicle.stderr
    phone = cli("verify-phone", IMEI, data_dir=hq, env=db_env)
    assert phone.returncode == 3 and "CLIF-P-" in phone.stdout, phone.stderr
    unknown = "35209900176148" + imei.check_digit("35209900176148")
    assert cli("verify-phone", unknown, data_dir=hq, env=db_env).returncode == 0
    assert "audit trail" in _ok(cli, "check", data_dir=hq, env=db_env).stdout
    stats = json.loads(_ok(cli, "stats", "--json", data_dir=hq, env=db_env).stdout)
    assert (stats["vehicle_reports"]["total"], stats["phone_reports"]["total"]) == (1, 1)

    if store is None:
        return
    # Without the password the server refuses, and the command says what to do.
    refused = cli("stats", data_dir=hq, env=no_db_password)
    assert refused.returncode == 1 and "password file" in refused.stderr

    # A second workstation: the password in a libpq password file, the keys from a sealed export.
    sealed = tmp_path / "hq.cplckeys"
    keys_env = {**db_env, "CPLC_DESK_KEYS_PASSPHRASE": PASSPHRASE}
    _ok(cli, "export-hq-keys", "--out", str(sealed), data_dir=hq, env=keys_env)
    assert b"PRIVATE KEY" not in sealed.read_bytes()
    u = make_url(store)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{u.host}:{u.port or 5432}:{u.database}:{u.username}:{u.password}\n")
    pgpass.chmod(0o600)
    second = tmp_path / "hq-2"
    bare = public_url(u)
    pass_env = {**no_db_password, "PGPASSFILE": str(pgpass)}
    wrong = cli(
        "join-hq", "--db-url", bare, "--keys", str(sealed), data_dir=second,
        env={**pass_env, "CPLC_DESK_KEYS_PASSPHRASE": "not the passphrase"},
    )  # fmt: skip
    assert wrong.returncode == 1 and "passphrase does not open" in wrong.stderr
    assert not (second / "store.json").exists()
    joined = _ok(
        cli, "join-hq", "--db-url", bare, "--keys", str(sealed), data_dir=second,
        env={**pass_env, "CPLC_DESK_KEYS_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert "CPLC Central" in joined.stdout
    _assert_no_password(second, store)
    for name in ("hq-signing.pem", "hq-encryption.pem"):
        assert (second / "keys" / name).read_bytes() == (hq / "keys" / name).read_bytes()
    seen_stats = json.loads(_ok(cli, "stats", "--json", data_dir=second, env=pass_env).stdout)
    for kind in ("complaints", "vehicle_reports", "phone_reports"):
        assert seen_stats[kind] == stats[kind]
    assert seen_stats["audit_entries"] > stats["audit_entries"]  # one trail: the joins are in it
    seen = cli("verify-vehicle", PLATE, data_dir=second, env=pass_env)
    assert seen.returncode == 3 and "CLIF-V-" in seen.stdout
    # The second workstation enrolls with the same keys; the first sees its audit entries.
    again_out = tmp_path / "CLIF-2.cplcenroll"
    _ok(cli, "enroll-station", "--code", "CLIF", "--out", str(again_out), data_dir=second,
        env=pass_env)  # fmt: skip
    assert "audit trail" in _ok(cli, "check", data_dir=hq, env=db_env).stdout
    # A second init-hq on the same server is refused: it would start another headquarters.
    twice = cli("init-hq", "--name", "Other", "--db-url", bare, data_dir=tmp_path / "hq-3",
                env=pass_env)  # fmt: skip
    assert twice.returncode == 1 and "join-hq" in twice.stderr
