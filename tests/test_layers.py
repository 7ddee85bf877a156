"""Everything but cplc_desk.gui runs without Qt (import-linter checks imports statically in CI;
this runs the code paths in a fresh interpreter)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import cplc_desk

SCRIPT = """
import importlib, pkgutil, sys
import cplc_desk
for mod in pkgutil.walk_packages(cplc_desk.__path__, "cplc_desk."):
    if mod.name.startswith("cplc_desk.gui") or mod.name == "cplc_desk.__main__":
        continue
    importlib.import_module(mod.name)
from cplc_desk.cli import main
code = main(["--demo", "stats", "--json"])
assert code == 0, code
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("QT-MODULES:", loaded)
"""


def test_every_non_gui_module_imports_and_runs_without_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "QT-MODULES: []" in proc.stdout


def test_there_are_non_gui_modules_to_check() -> None:
    names = [m.name for m in pkgutil.walk_packages(cplc_desk.__path__, "cplc_desk.")]
    assert sum(not n.startswith("cplc_desk.gui") for n in names) > 15
