"""Every file the desk writes that holds personal data or a secret is readable by the desk's user
only (mode 0600), through the real command: enrollment files, receipts, audit extracts, sync
bundles and what opening one writes, hotlists, backups and the log files. The commands run with
the usual umask (022), so a private mode is the desk's doing, not the test machine's."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_desks import CSV, enroll, export, import_bundles, init_hq, join, ok

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_files_holding_personal_data_or_secrets_are_private(tmp_path: Path) -> None:
    hq = init_hq(tmp_path / "hq")
    enrollment = enroll(hq, "CLIF", tmp_path)
    clifton = join(enrollment, "CLIF", tmp_path / "clif")
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=clifton)
    ok("import-csv", "vehicles", CSV / "vehicles_good.csv", data_dir=clifton)

    out = tmp_path / "out"
    receipt = out / "receipt.pdf"
    ok("print-receipt", "CLIF-C-2026-00001", "--out", receipt, data_dir=clifton)
    extract_csv, extract_pdf = out / "audit.csv", out / "audit.pdf"
    ok("audit", "--csv", extract_csv, data_dir=clifton)
    ok("audit", "--pdf", extract_pdf, data_dir=clifton)
    backup = out / "clifton.cplcbak"
    ok("backup", "--out", backup, data_dir=clifton)
    ok("backup", data_dir=clifton)
    (rotated,) = (clifton / "backups").glob("cplc-backup-CLIF-*.sqlite3")
    bundle = Path(export(clifton, tmp_path / "stick")["path"])

    assert import_bundles(hq, bundle)[0] == 0
    opened = tmp_path / "opened"
    ok("open-bundle", bundle, "--out", opened, data_dir=hq)
    hotlist = Path(ok("export-hotlist", "--out", out, "--json", data_dir=hq).json()["path"])

    written = [
        enrollment,
        receipt,
        extract_csv,
        extract_pdf,
        backup,
        rotated,
        bundle,
        hotlist,
        *(p for p in opened.iterdir() if p.suffix != ".pem"),  # a public key may be public
        *(clifton / "logs").iterdir(),
        *(hq / "logs").iterdir(),
    ]
    assert len(list(opened.glob("*.pem"))) == 1 and len(list(opened.iterdir())) > 2
    assert (clifton / "logs" / "cplc-desk.log") in written
    modes = {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in written}
    assert modes == dict.fromkeys(modes, oct(0o600))
    assert not list(tmp_path.rglob("*.partial"))
    # The store itself, its journal and its pre-upgrade copies sit in a folder only the desk's
    # account may open.
    assert (oct(_mode(clifton)), oct(_mode(hq))) == (oct(0o700), oct(0o700))


@pytest.mark.usefixtures("open_umask")
def test_a_log_file_an_older_version_left_readable_is_made_private(tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    log = desk / "logs" / "cplc-desk.log"
    log.parent.mkdir(parents=True)
    log.write_text("an older version's line\n", encoding="utf-8")
    log.chmod(0o644)
    ok("init-station", "--code", "CLIF", data_dir=desk)
    assert _mode(log) == 0o600
    assert log.read_text(encoding="utf-8").startswith("an older version's line\n")
