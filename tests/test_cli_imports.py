"""Every verb imports only what it uses: building the command line's parser (all that --version
and --help need) loads neither the store, nor the sync library, nor Qt, nor the receipts, so
they answer in a fraction of a second (bench/cli_start.py measures it)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "sqlalchemy", "alembic", "PySide6", "reportlab", "cryptography", "rapidfuzz", "argon2",
    "pypdfium2", "cplc_desk.storage", "cplc_desk.sync.importer", "cplc_desk.gui",
    "cplc_desk.printing", "cplc_desk.services.desk.context",
)  # fmt: skip

PROBE = """
import json, sys
from cplc_desk.cli.main import build_parser
build_parser().format_help()
print(json.dumps(sorted(sys.modules)))
"""


def test_the_parser_loads_nothing_heavy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = json.loads(done.stdout)
    assert "cplc_desk.cli.desk" in loaded  # the probe built the whole parser
    assert [m for m in loaded if m.startswith(HEAVY)] == []


def test_version_answers_without_opening_a_desk(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cplc_desk", "--version"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.startswith("cplc-desk ")
