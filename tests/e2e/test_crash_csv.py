"""Killing ``cplc-desk import-csv`` part-way (a power cut, a closed laptop) keeps whole batches.

The real command runs in a subprocess on a large register; the test watches the SQLite file
read-only until enough batches are committed, then SIGKILLs the process. The store must then
check out healthy, hold only whole batches, and a second import must finish the job without
duplicating anything.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_account import CLI_ENV

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DB_FILENAME
from cplc_desk.services.imports.csv_columns import COMPLAINT_COLUMNS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

REPO_ROOT = Path(__file__).resolve().parents[2]
BATCH = 500  # import_csv's default batch size, which the command uses
DISTINCT_ROWS = 12_000
REPEAT_EVERY = 300  # every 300th row is written a second time further on
STATIONS = [
    SampleStation("CLIF", "Clifton"),
    SampleStation("BOBA", "Boat Basin"),
    SampleStation("DARA", "Darakhshan"),
    SampleStation("GIZR", "Gizri"),
]
Cli = Callable[..., Any]


@pytest.fixture(scope="module")
def big_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    maker = SampleMaker(STATIONS, "CLIF", seed=1989)
    now = now_utc()
    rows: list[list[str]] = []
    for i in range(DISTINCT_ROWS):
        d = maker.complaint(now)
        p = d.complainant
        assert d.incident_at is not None
        rows.append(
            [
                f"REG-{i + 1:05d}", p.name, p.relative_name, p.cnic, p.mobile, p.address,
                d.category, d.police_station, d.incident_at.strftime("%d/%m/%Y"),
                d.incident_at.strftime("%H:%M"), d.incident_place, d.fir_number,
                d.fir_date.strftime("%d/%m/%Y") if d.fir_date else "", d.narrative,
            ]
        )  # fmt: skip
    written: list[list[str]] = []
    for i, row in enumerate(rows):
        written.append(row)
        if i % REPEAT_EVERY == REPEAT_EVERY - 1:
            written.append(rows[i - REPEAT_EVERY // 2])
    path = tmp_path_factory.mktemp("register") / "big_register.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(COMPLAINT_COLUMNS)
        out.writerows(written)
    return path


def committed(db: Path) -> int:
    """Complaints committed so far, read without disturbing the writer."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    except sqlite3.OperationalError:
        return 0
    try:
        return int(con.execute("SELECT count(*) FROM complaint").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        con.close()


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def csv_batches(db: Path) -> list[int]:
    """The rows each audited CSV batch says it imported, in order."""
    rows = query(db, "SELECT details FROM audit_log WHERE action = 'csv.imported' ORDER BY seq")
    return [json.loads(d)["imported"] for (d,) in rows]


def start_import(data: Path, register: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "cplc_desk", "--data-dir", str(data)]
    return subprocess.Popen(
        [*cmd, "import-csv", "complaints", str(register)],
        cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONIOENCODING="utf-8", **CLI_ENV),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_once_committed(proc: subprocess.Popen[bytes], db: Path, at_least: int) -> None:
    deadline = time.monotonic() + 60
    try:
        while committed(db) < at_least:
            assert proc.poll() is None, "the import ended before it could be interrupted"
            assert time.monotonic() < deadline, "no batch was committed in time"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("moment", [0.0, 0.4, 0.75], ids=["first-batch", "40pc", "75pc"])
def test_killed_import_keeps_whole_batches_and_resumes(
    cli: Cli, tmp_path: Path, big_register: Path, moment: float
) -> None:
    data = tmp_path / "desk"
    db = data / DB_FILENAME
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    at_least = max(1, int(DISTINCT_ROWS * moment))

    kill_once_committed(start_import(data, big_register), db, at_least)

    check = cli("check", data_dir=data)
    assert check.returncode == 0, check.stderr
    saved = committed(db)
    assert at_least <= saved < DISTINCT_ROWS
    assert saved % BATCH == 0, f"{saved} complaints: a batch was saved in part"
    # One audit entry per committed batch, each for a full batch, and one per record.
    assert csv_batches(db) == [BATCH] * (saved // BATCH)
    created = query(db, "SELECT count(*) FROM audit_log WHERE action = 'record.created'")
    assert created == [(saved,)]
    # Nothing from the interrupted batch survives, not even its people.
    assert query(db, "SELECT count(*) FROM person") == [(saved,)]

    again = cli("import-csv", "complaints", str(big_register), data_dir=data)

    assert again.returncode == 0, again.stderr
    duplicates = DISTINCT_ROWS // REPEAT_EVERY
    assert f"{DISTINCT_ROWS + duplicates} rows" in again.stdout
    assert f"{DISTINCT_ROWS - saved} imported" in again.stdout
    assert f"{saved + duplicates} already present" in again.stdout
    assert query(
        db, "SELECT count(*), count(DISTINCT number), count(DISTINCT legacy_key) FROM complaint"
    ) == [(DISTINCT_ROWS, DISTINCT_ROWS, DISTINCT_ROWS)]
    assert sum(csv_batches(db)) == DISTINCT_ROWS
    final = cli("check", data_dir=data)
    assert final.returncode == 0, final.stderr
