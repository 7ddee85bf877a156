"""Hostile files handed to the real ``cplc-desk`` commands: ``/dev/zero``, a named pipe, a
sparse multi-GB file and a validly sealed huge junk bundle. Each is refused in one line that
names the file, with exit 1, no traceback, within a time limit (a hang fails the test) and with
the command's peak memory (its own high-water mark, from ``wait4``) under 300 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from cli_account import CLI_ENV
from e2e.sync_desks import REPO_ROOT, enroll, in_parallel, init_hq, join
from sync import craft

from cplc_desk.sync import envelope

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="named pipes, /dev/zero and wait4 are POSIX"
)

PEAK_LIMIT_MB = 300
GiB = 1 << 30


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float


# The command runs under a small wrapper process that reports the command's own high-water
# mark. Measured straight from this test process, the figure would include the pages of the
# (large) pytest process it was forked from before exec.
_WRAPPER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL)
_pid, status, usage = os.wait4(child.pid, 0)
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as fh:
    fh.write(f"{code} {usage.ru_maxrss}")
sys.exit(code)
"""


def measured(*args: str | Path, data_dir: Path, timeout: float = 90) -> Measured:
    """The real command in a child process, with its own peak resident memory (``wait4``)."""
    cmd = [sys.executable, "-m", "cplc_desk", "--data-dir", str(data_dir), *map(str, args)]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **CLI_ENV)
    env.pop("CPLC_DESK_PASSWORD_FILE", None)
    report = data_dir.parent / "measured.txt"
    report.unlink(missing_ok=True)
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _WRAPPER, str(report), *cmd],
            capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args} did not finish within {timeout} s (a hang)")
    code, maxrss = report.read_text().split()
    assert int(code) == proc.returncode
    return Measured(
        proc.returncode,
        proc.stdout,
        proc.stderr,
        int(maxrss) / 1024,  # KiB on Linux
        time.monotonic() - start,
    )


def refused(run: Measured, names: str) -> None:
    """Exit 1, one line naming the file, nothing like a traceback, memory bounded."""
    text = (run.stdout + run.stderr).strip()
    assert run.returncode == 1, text
    assert "Traceback" not in text and "Error:" not in text.replace("Error: ", ""), text
    assert names in text, text
    assert run.peak_mb < PEAK_LIMIT_MB, (run.peak_mb, text)


@dataclass
class Desks:
    root: Path
    hq: Path
    station: Path
    enrollment: Path


@pytest.fixture(scope="module")
def desks(tmp_path_factory: pytest.TempPathFactory) -> Desks:
    root = tmp_path_factory.mktemp("hostile")
    hq = init_hq(root / "hq")
    first, second = in_parallel(
        partial(enroll, hq, "CLIF", root / "a"), partial(enroll, hq, "SADD", root / "b")
    )
    station = join(first, "CLIF", root / "clif")
    return Desks(root, hq, station, second)


@pytest.fixture(scope="module")
def hostile(desks: Desks) -> Iterator[dict[str, Path]]:
    """The hostile inputs, made once: sparse files cost no disk."""
    folder = desks.root / "stick"
    folder.mkdir()
    fifo = folder / "pipe.cplcbundle"
    os.mkfifo(fifo)
    huge = folder / "huge.cplcbundle"  # larger than any bundle: refused by its size
    with huge.open("wb") as fh:
        fh.truncate(3 * GiB)
    zeros = folder / "zeros.cplcbundle"  # under the cap: read through, then refused
    with zeros.open("wb") as fh:
        fh.truncate(GiB + 12345)
    junk = folder / "junk.cplcbundle"
    # 1 GiB of junk sealed to headquarters' real public key: anyone holding an enrollment file
    # can make one. Every chunk authenticates; what is inside is not a bundle.
    block = os.urandom(envelope.CHUNK)
    pieces = (block for _ in range(GiB // envelope.CHUNK))
    with junk.open("wb") as fh:
        recipient = craft.hq_private(desks.hq).public_key()
        for piece in envelope.seal_chunks(
            pieces, recipient, kind="delta", station="CLIF", sequence=1
        ):
            fh.write(piece)
    yield {"dev_zero": Path("/dev/zero"), "fifo": fifo, "huge": huge, "zeros": zeros,
           "junk": junk}  # fmt: skip


@pytest.mark.parametrize("verb", ["import-bundle", "verify-bundle", "open-bundle"])
@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "huge", "zeros", "junk"])
def test_bundle_readers_refuse_hostile_files(
    desks: Desks, hostile: dict[str, Path], verb: str, kind: str
) -> None:
    path = hostile[kind]
    extra = ["--out", str(desks.root / "opened")] if verb == "open-bundle" else []
    run = measured(verb, path, *extra, data_dir=desks.hq)
    refused(run, str(path) if kind in ("dev_zero", "fifo") else path.name)
    if verb == "open-bundle":
        assert not (desks.root / "opened").exists() or not any((desks.root / "opened").iterdir())


@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "huge", "zeros"])
def test_hotlist_import_refuses_hostile_files(
    desks: Desks, hostile: dict[str, Path], kind: str
) -> None:
    path = hostile[kind]
    run = measured("import-hotlist", path, data_dir=desks.station)
    refused(run, str(path) if kind in ("dev_zero", "fifo") else path.name)


@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "huge"])
def test_enrollment_and_snapshot_refuse_hostile_files(
    desks: Desks, hostile: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    path = hostile[kind]
    run = measured("init-station", "--enrollment", path, data_dir=tmp_path / "new")
    refused(run, str(path) if kind != "huge" else path.name)
    run = measured(
        "init-station", "--enrollment", desks.enrollment, "--snapshot", path,
        data_dir=tmp_path / "new2",
    )  # fmt: skip
    refused(run, str(path) if kind != "huge" else path.name)


@pytest.mark.parametrize("kind", ["dev_zero", "fifo"])
def test_restore_refuses_hostile_files(desks: Desks, hostile: dict[str, Path], kind: str) -> None:
    path = hostile[kind]
    run = measured("restore", path, data_dir=desks.station)
    refused(run, str(path))
