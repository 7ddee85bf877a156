"""Two workstations of one headquarters on a PostgreSQL server, each a real `cplc-desk`
process, importing at the same moment: the same bundle is merged exactly once (the other finds
it already imported), two stations' bundles are both merged, neither waits forever, and the one
audit chain still verifies."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pg_server import throwaway_database
from sqlalchemy import make_url

from cplc_desk.services.desk.server import public_url

Cli = Callable[..., Any]
PASSPHRASE = "a long passphrase 42"
VEHICLES = 400  # enough rows that the two imports overlap on the server
HEADER = (
    "reference,kind,vehicle_class,registration,chassis,engine,make,model,colour,model_year,"
    "owner_name,owner_cnic,incident_date,police_station\n"
)


def _ok(cli: Cli, *args: str, data_dir: Path, env: dict[str, str | None] | None = None) -> Any:
    run = cli(*args, data_dir=data_dir, env=env)
    assert run.returncode == 0, f"{args}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    return run


def _vehicles_csv(path: Path, station: str, prefix: str) -> None:
    rows = [
        f"V-{i},stolen,bike,{prefix}-{i:04d},{prefix}C{i:07d},{prefix}E{i:07d},Honda,CD 70,"
        f"Red,2019,Ali Raza,42101-1234567-1,02/03/2024,{station}\n"
        for i in range(VEHICLES)
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")


def _station_bundle(cli: Cli, tmp: Path, hq: Path, env: dict[str, str | None], code: str) -> Path:
    enrollment = tmp / f"{code}.cplcenroll"
    _ok(cli, "enroll-station", "--code", code, "--out", str(enrollment), data_dir=hq, env=env)
    station = tmp / f"station-{code}"
    _ok(cli, "init-station", "--enrollment", str(enrollment), data_dir=station)
    csv = tmp / f"{code}.csv"
    _vehicles_csv(csv, code, code[:3])
    _ok(cli, "import", "vehicles", str(csv), data_dir=station)
    out = tmp / f"{code}-out"
    _ok(cli, "export-bundle", "--out", str(out), data_dir=station)
    (bundle,) = out.glob("*.cplcbundle")
    return bundle


def _two_workstations(cli: Cli, tmp: Path, url: str) -> tuple[Path, Path, dict[str, str | None]]:
    first, second = tmp / "hq-importer", tmp / "hq-helpline"
    _ok(cli, "init-hq", "--name", "CPLC Central", "--db-url", url, data_dir=first)
    env: dict[str, str | None] = {"CPLC_DESK_DB_PASSWORD": make_url(url).password}
    keys = tmp / "hq.cplckeys"
    keys_env = {**env, "CPLC_DESK_KEYS_PASSPHRASE": PASSPHRASE}
    _ok(cli, "export-hq-keys", "--out", str(keys), data_dir=first, env=keys_env)
    _ok(cli, "join-hq", "--db-url", public_url(make_url(url)), "--keys", str(keys),
        data_dir=second, env=keys_env)  # fmt: skip
    return first, second, env


def _at_once(started: Cli, env: dict[str, str | None], *runs: tuple[Path, Path]) -> list[Any]:
    """Start every `import-bundle` before waiting for any; each must finish well within two
    minutes (a deadlock would hang) and without a traceback."""
    procs: list[subprocess.Popen[str]] = [
        started("import-bundle", "--json", str(bundle), data_dir=desk, env=env)
        for desk, bundle in runs
    ]
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, err
        assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err}"
        outcomes.extend(json.loads(out))
    return outcomes


def _stats(cli: Cli, desk: Path, env: dict[str, str | None]) -> Any:
    return json.loads(_ok(cli, "stats", "--json", data_dir=desk, env=env).stdout)


def test_the_same_bundle_imported_at_two_workstations_at_once_is_merged_once(
    cli: Cli, cli_started: Cli, tmp_path: Path
) -> None:
    with throwaway_database() as url:
        first, second, env = _two_workstations(cli, tmp_path, url)
        bundle = _station_bundle(cli, tmp_path, first, env, "CLIF")
        copy = tmp_path / "copy-on-the-second-usb-stick.cplcbundle"
        copy.write_bytes(bundle.read_bytes())

        outcomes = _at_once(cli_started, env, (first, bundle), (second, copy))

        assert sorted(o["status"] for o in outcomes) == ["accepted", "already_imported"]
        stats = _stats(cli, second, env)
        assert stats["vehicle_reports"]["total"] == VEHICLES
        assert "audit trail" in _ok(cli, "check", data_dir=first, env=env).stdout
        # Both attempts are in the one trail, by the workstation that made each.
        again = _ok(cli, "import-bundle", "--json", str(bundle), data_dir=first, env=env)
        assert [o["status"] for o in json.loads(again.stdout)] == ["already_imported"]


def test_two_stations_bundles_imported_at_two_workstations_at_once_are_both_merged(
    cli: Cli, cli_started: Cli, tmp_path: Path
) -> None:
    with throwaway_database() as url:
        first, second, env = _two_workstations(cli, tmp_path, url)
        clifton = _station_bundle(cli, tmp_path, first, env, "CLIF")
        ferozabad = _station_bundle(cli, tmp_path, first, env, "FERO")

        outcomes = _at_once(cli_started, env, (first, clifton), (second, ferozabad))

        assert [o["status"] for o in outcomes] == ["accepted", "accepted"]
        assert sorted(o["station"] for o in outcomes) == ["CLIF", "FERO"]
        assert _stats(cli, first, env)["vehicle_reports"]["total"] == 2 * VEHICLES
        assert "audit trail" in _ok(cli, "check", data_dir=second, env=env).stdout
