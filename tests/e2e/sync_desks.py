"""Desks for the sync end-to-end tests: real data dirs, driven through the real ``cplc-desk``
command in subprocesses (records can also be added in process, with the desk closed again
before the next command runs)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cli_account import CLI_ENV
from hq_store import server_dump, server_rows, server_url

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import Complaint

REPO_ROOT = Path(__file__).resolve().parents[2]
CSV = REPO_ROOT / "tests" / "fixtures" / "csv"
# Expected in HQ's store after a refused import: its log row and HQ's own audit entry.
LOG_TABLES = ("sync_import_log", "audit_log")
T = TypeVar("T")
# In-process desk work (migrations check, alembic's module-level context) runs one at a time.
_IN_PROCESS = threading.Lock()


def in_parallel(*steps: Callable[[], T]) -> list[T]:
    """Run independent desks' steps side by side (each command is mostly interpreter
    start-up); results in the order given, the first failure raised."""
    with ThreadPoolExecutor(max_workers=len(steps)) as pool:
        futures = [pool.submit(step) for step in steps]
        return [f.result() for f in futures]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        assert self.stdout.strip(), f"no output (exit {self.returncode}): {self.stderr}"
        return json.loads(self.stdout)


def cli(
    *args: str | Path,
    data_dir: Path | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> Run:
    """The real command in a subprocess (as ``tests/conftest.py``'s ``run_cli``); ``env`` adds
    to or overrides the environment (another account, say)."""
    cmd = [sys.executable, "-m", "cplc_desk"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
        **CLI_ENV,
        **(env or {}),
    }
    proc = subprocess.run(
        [*cmd, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=REPO_ROOT,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def ok(*args: str | Path, data_dir: Path) -> Run:
    run = cli(*args, data_dir=data_dir)
    assert run.returncode == 0, f"{args}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    return run


# ------------------------------------------------------------------ setting desks up


def init_hq(data_dir: Path, name: str = "CPLC Central") -> Path:
    ok("init-hq", "--name", name, data_dir=data_dir)
    return data_dir


def enroll(hq: Path, code: str, out_dir: Path) -> Path:
    out = out_dir / f"enroll-{code}.cplcenroll"
    ok("enroll-station", "--code", code, "--out", out, data_dir=hq)
    return out


def station(hq: Path, code: str, data_dir: Path) -> Path:
    """A station desk set up from ``hq``'s enrollment file, as a volunteer would."""
    return join(enroll(hq, code, data_dir.parent), code, data_dir)


def join(enrollment: Path, code: str, data_dir: Path) -> Path:
    run = ok("init-station", "--enrollment", enrollment, data_dir=data_dir)
    assert f"({code})" in run.stdout
    return data_dir


def export(data_dir: Path, out: Path, *flags: str) -> dict[str, Any]:
    return ok("export-bundle", "--out", out, "--json", *flags, data_dir=data_dir).json()  # type: ignore[no-any-return]


def import_bundles(hq: Path, *paths: Path) -> tuple[int, list[dict[str, Any]]]:
    run = cli("import-bundle", "--json", *paths, data_dir=hq)
    assert run.returncode in (0, 1), f"exit {run.returncode}: {run.stderr}"
    outcomes = run.json()
    assert run.returncode == int(any(o["status"] == "refused" for o in outcomes)), run.stderr
    return run.returncode, outcomes


def stats(data_dir: Path) -> dict[str, Any]:
    return ok("stats", "--json", data_dir=data_dir).json()  # type: ignore[no-any-return]


def record_counts(stats_json: dict[str, Any]) -> dict[str, Counter[str]]:
    """Complaint and vehicle counts, flattened so that several desks' counts add up."""
    out: dict[str, Counter[str]] = {}
    for kind in ("complaints", "vehicle_reports"):
        block = stats_json[kind]
        counts: Counter[str] = Counter({"total": block["total"]})
        for group in ("by_status", "by_station", "by_kind"):
            counts.update({f"{group}:{k}": v for k, v in block.get(group, {}).items()})
        out[kind] = counts
    return out


# ------------------------------------------------------------------ records, in process


def register(data_dir: Path, *, complaints: int, vehicles: int, seed: int) -> list[str]:
    """Register sample records through the services; returns the complaints' ids."""
    with _IN_PROCESS:
        return _register(data_dir, complaints=complaints, vehicles=vehicles, seed=seed)


def _register(data_dir: Path, *, complaints: int, vehicles: int, seed: int) -> list[str]:
    ctx = open_desk(DeskPaths(data_dir), actor=Actor("volunteer1"))
    try:
        home = ctx.require_identity().code
        stations = [SampleStation(s.code, s.name) for s in reference.stations(ctx)]
        maker = SampleMaker(stations, home=home, seed=seed)
        now = now_utc()
        ids = [register_complaint(ctx, maker.complaint(now)).id for _ in range(complaints)]
        for _ in range(vehicles):
            register_vehicle_report(ctx, maker.vehicle(now))
        return ids
    finally:
        ctx.close()


def edit_narrative(data_dir: Path, number: str, text: str) -> str:
    """Change a complaint's narrative through a unit of work; returns its id."""
    with _IN_PROCESS:
        ctx = open_desk(DeskPaths(data_dir), actor=Actor("volunteer2"))
        try:
            with ctx.unit_of_work() as s:
                complaint = s.query(Complaint).filter_by(number=number).one()
                complaint.narrative = text
                return complaint.id
        finally:
            ctx.close()


# ------------------------------------------------------------------ looking at a store


def query(data_dir: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (``?`` placeholders) from the desk's store: its file, or its database on
    the server (values as the file holds them: hq_store.py)."""
    url = server_url(data_dir)
    if url is not None:
        return server_rows(url, sql, params)
    conn = sqlite3.connect(DeskPaths(data_dir).database)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def dump(data_dir: Path, *, exclude: tuple[str, ...] = LOG_TABLES) -> dict[str, list[Any]]:
    """Every row of every table (SQLite's own bookkeeping tables aside), in a stable order."""
    url = server_url(data_dir)
    if url is not None:
        return server_dump(url, exclude)
    conn = sqlite3.connect(DeskPaths(data_dir).database)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            if name not in exclude
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def import_log(data_dir: Path) -> list[tuple[str, str | None, str | None]]:
    return query(data_dir, "SELECT outcome, code, station_code FROM sync_import_log ORDER BY id")  # type: ignore[return-value]


def copy_desk(src: Path, dst: Path) -> Path:
    """A copy of a closed desk's data dir (its store, keys and all), as a backup would be. A
    headquarters on a server is copied with its database by ``HqStore.copy``."""
    assert server_url(src) is None, "copy a server's headquarters with hq_store.copy"
    shutil.copytree(src, dst)
    return dst
