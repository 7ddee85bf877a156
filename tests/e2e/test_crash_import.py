"""Killing headquarters' importer (SIGKILL) at random moments never leaves half a bundle.

A station's bundle of 30,000 records is imported by the real command in a subprocess, killed
after a random delay spread over the import's measured duration, and the store is then checked:
`cplc-desk check` passes, and either the whole bundle is there (with its inbox row) or nothing
of it is. Importing again then completes.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_account import CLI_ADMIN, CLI_ENV

from bench.fixtures import fill_complaints
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import sync_hq
from cplc_desk.services.station import sync_station

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

COMPLAINTS = 10_000
RECORDS = 2 * COMPLAINTS  # each complaint brings its complainant


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("crash-import")
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("analyst"))
    setup.init_hq(hq, "CPLC HQ", admin=CLI_ADMIN)
    enrollment = sync_hq.enroll_station(hq, "CLIF", root / "clif.cplcenroll")
    hq.close()
    station = open_desk(DeskPaths(root / "clif"), actor=Actor("volunteer"))
    sync_station.enroll_from_file(station, enrollment)
    fill_complaints(station, COMPLAINTS)
    result = sync_station.export_bundle(station, root / "stick")
    station.close()
    assert result.path is not None
    return root / "hq", result.path


def _import_cmd(hq: Path, bundle: Path) -> list[str]:
    return [sys.executable, "-m", "cplc_desk", "--data-dir", str(hq), "import-bundle", str(bundle)]


def _counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        records = con.execute(
            "SELECT (SELECT count(*) FROM complaint) + (SELECT count(*) FROM person)"
        ).fetchone()[0]
        accepted = con.execute(
            "SELECT count(*) FROM sync_inbox WHERE status = 'accepted'"
        ).fetchone()[0]
        audits = con.execute("SELECT count(*) FROM audit_log WHERE desk_code = 'CLIF'").fetchone()[
            0
        ]
        return records, accepted, audits
    finally:
        con.close()


def test_a_killed_import_leaves_all_or_nothing(big_bundle, tmp_path: Path, cli) -> None:
    hq_template, bundle = big_bundle
    env = dict(os.environ, **CLI_ENV)
    # Calibrate: how long does a whole import take here?
    calibration = tmp_path / "calibration"
    shutil.copytree(hq_template, calibration)
    start = time.perf_counter()
    subprocess.run(_import_cmd(calibration, bundle), check=True, capture_output=True, env=env)
    duration = time.perf_counter() - start
    full_records, _, full_audits = _counts(calibration / "cplc_desk.sqlite3")
    assert full_records == RECORDS

    rng = random.Random(20261124)
    outcomes = {"none": 0, "all": 0}
    for attempt in range(8):
        hq = tmp_path / f"hq-{attempt}"
        shutil.copytree(hq_template, hq)
        proc = subprocess.Popen(
            _import_cmd(hq, bundle), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        try:
            proc.wait(timeout=rng.uniform(0.05, duration * 1.1))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        check = cli("check", data_dir=hq)
        assert check.returncode == 0, check.stderr
        records, accepted, audits = _counts(hq / "cplc_desk.sqlite3")
        assert (records, accepted, audits) in ((0, 0, 0), (RECORDS, 1, full_audits))
        outcomes["all" if records else "none"] += 1
        again = cli("import-bundle", str(bundle), "--json", data_dir=hq)
        assert again.returncode == 0, again.stderr
        assert _counts(hq / "cplc_desk.sqlite3") == (RECORDS, 1, full_audits)
    # The kills must actually have landed mid-import some of the time.
    assert outcomes["none"] >= 3, outcomes
