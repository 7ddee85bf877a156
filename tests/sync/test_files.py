"""The file-writing helpers: private by default, private before the first byte, a leftover's
mode never inherited, and on Windows an owner-only access list through icacls (run without a
shell; a failure logged without the file's name or the user's)."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cplc_desk.sync import files

POSIX_MODES = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_written_files_are_private_unless_asked(tmp_path: Path) -> None:
    private = tmp_path / "a" / "receipt.pdf"
    files.write_atomically(private, b"%PDF")
    assert private.read_bytes() == b"%PDF" and _mode(private) == 0o600
    public = tmp_path / "station.pem"
    files.write_atomically(public, b"PUBLIC KEY", mode=0o644)
    assert _mode(public) == 0o644
    assert not list(tmp_path.rglob("*.partial"))


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_a_leftover_partial_file_does_not_lend_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    leftover = tmp_path / "export.csv.partial"
    leftover.write_bytes(b"half of an earlier try")
    leftover.chmod(0o666)
    files.write_atomically(target, b"whole")
    assert _mode(target) == 0o600 and target.read_bytes() == b"whole"
    assert not leftover.exists()

    leftover.write_bytes(b"x")
    leftover.chmod(0o644)
    files.create_private(leftover)
    assert _mode(leftover) == 0o600 and leftover.read_bytes() == b""


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError):
        files.write_atomically(tmp_path / "bundle.cplcbundle", b"data")
    assert list(tmp_path.iterdir()) == []


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_restrict_to_owner_on_posix(tmp_path: Path) -> None:
    path = tmp_path / "old.log"
    path.write_text("x")
    path.chmod(0o644)
    files.restrict_to_owner(path)
    assert _mode(path) == 0o600


def test_restrict_to_owner_on_windows_runs_icacls_without_a_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[tuple[list[str], dict[str, Any]]] = []

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        calls.append((args, kwargs))
        return subprocess.CompletedProcess(args, 5, b"", b"Access is denied.")

    monkeypatch.setattr(files.subprocess, "run", run)
    monkeypatch.setenv("USERNAME", "Bilal Ahmed")
    path = tmp_path / "Receipt-CLIF-C-2026-00001.pdf"
    with caplog.at_level(logging.WARNING, logger="cplc_desk.sync.files"):
        files._restrict_on_windows(path)
    ((args, kwargs),) = calls
    assert args == ["icacls", str(path), "/inheritance:r", "/grant:r", "Bilal Ahmed:F"]
    assert not kwargs.get("shell") and kwargs.get("check") is False
    (record,) = caplog.records
    assert "icacls exit 5" in record.getMessage()
    assert "Bilal" not in record.getMessage() and "CLIF" not in record.getMessage()


def test_restrict_to_owner_on_windows_survives_a_missing_icacls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        raise FileNotFoundError(2, "No such file", "icacls")

    monkeypatch.setattr(files.subprocess, "run", run)
    with caplog.at_level(logging.WARNING, logger="cplc_desk.sync.files"):
        files._restrict_on_windows(tmp_path / "a.sqlite3")
    assert "FileNotFoundError" in caplog.records[0].getMessage()
