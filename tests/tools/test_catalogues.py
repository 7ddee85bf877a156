"""The catalogue check that `make test` runs (tools/catalogues.py): it must catch an untranslated
string, a translation that lost a placeholder, and a catalogue left behind by the code."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "catalogues", REPO_ROOT / "tools" / "catalogues.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogues"] = module
    spec.loader.exec_module(module)
    return module


catalogues = _tool()

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>Demo</name>
    <message>
        <source>Saved {number}.</source>
        <translation>محفوظ ہو گئی۔</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
</context>
</TS>
"""


def test_untranslated_and_lost_placeholders_are_problems(tmp_path: Path) -> None:
    ts = tmp_path / "demo_ur.ts"
    ts.write_text(TS, encoding="utf-8")
    problems = catalogues.ts_problems(ts)
    assert len(problems) == 2
    assert any("'Cancel': not translated" in p for p in problems)
    assert any("placeholders differ" in p and "Saved {number}." in p for p in problems)


def test_placeholders_are_wrapped_in_isolates_once() -> None:
    wrapped = catalogues.wrap_isolates("رسید {number} مورخہ %1")
    assert wrapped == "رسید \u2068{number}\u2069 مورخہ \u2068%1\u2069"
    assert catalogues.wrap_isolates(wrapped) == wrapped
    assert catalogues.placeholders("{count:,} and %(prog)s and %s") == sorted(
        ["{count:,}", "%(prog)s", "%s"]
    )


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None,
    reason="Qt's lupdate is not installed",
)
def test_a_string_added_to_the_code_makes_the_catalogue_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy of the GUI with one new string, checked against the real catalogue.
    gui = tmp_path / "cplc_desk" / "gui"
    shutil.copytree(REPO_ROOT / "cplc_desk" / "gui", gui)
    (gui / "added.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        'QCoreApplication.translate("Added", "A sentence nobody translated yet.")\n',
        encoding="utf-8",
    )
    ts = tmp_path / "cplc_desk_ur.ts"
    shutil.copy(catalogues.ts_path("ur"), ts)
    monkeypatch.setattr(catalogues, "ROOT", tmp_path)
    monkeypatch.setattr(catalogues, "GUI", gui)
    catalogues.run_lupdate(ts)
    assert ts.read_bytes() != catalogues.ts_path("ur").read_bytes()
    assert any("A sentence nobody translated yet." in p for p in catalogues.ts_problems(ts))


def test_the_shipped_catalogues_are_complete() -> None:
    for lang in catalogues.LANGUAGES:
        for source, _qm in catalogues.compiled_targets(lang):
            assert catalogues.ts_problems(source) == []
        assert catalogues.po_problems(lang) == []
