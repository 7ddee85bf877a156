"""Hostile files handed to the real commands: each command's own peak memory (``wait4``) and
time, beside the same command importing a genuine bundle in the same run.

    python -m bench.hostile              # junk sealed bundle of 1 GiB
    python -m bench.hostile --gib 2      # up to the 2 GiB cap
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cplc_desk.paths import DeskPaths
from cplc_desk.sync import envelope, keys

GiB = 1 << 30
ENV = {"CPLC_DESK_USER": "bench", "CPLC_DESK_PASSWORD": "bench-password-1", "CPLC_DESK_LANG": "en"}


def run(data_dir: Path, *args: object) -> tuple[int, float, float, str]:
    """Exit code, peak MB, seconds and the last line of output of one command."""
    cmd = [sys.executable, "-m", "cplc_desk", "--data-dir", str(data_dir), *map(str, args)]
    start = time.monotonic()
    child = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env=dict(os.environ, **ENV),
    )  # fmt: skip
    out = child.stdout.read().decode() if child.stdout else ""
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    return child.returncode, usage.ru_maxrss / 1024, time.monotonic() - start, last


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile")
    parser.add_argument("--gib", type=float, default=1.0)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-hostile-"))
    try:
        hq, clif, stick = root / "hq", root / "clif", root / "stick"
        stick.mkdir()
        assert run(hq, "init-hq", "--name", "Bench HQ")[0] == 0
        assert run(hq, "enroll-station", "--code", "CLIF", "--out", root / "e.cplcenroll")[0] == 0
        assert run(clif, "init-station", "--enrollment", root / "e.cplcenroll")[0] == 0
        assert run(clif, "export-bundle", "--out", stick)[0] == 0
        (genuine,) = stick.glob("*.cplcbundle")
        code, peak, seconds, _ = run(hq, "import-bundle", genuine)
        print(f"baseline: a genuine bundle imported: exit {code}, peak {peak:.0f} MB, "
              f"{seconds:.2f} s")  # fmt: skip
        fifo = root / "pipe.cplcbundle"
        os.mkfifo(fifo)
        huge, zeros, junk = (
            root / "huge.cplcbundle",
            root / "zeros.cplcbundle",
            root / "junk.cplcbundle",
        )
        with huge.open("wb") as fh:
            fh.truncate(3 * GiB)
        with zeros.open("wb") as fh:
            fh.truncate(int(args.gib * GiB))
        recipient = keys.load_x25519(DeskPaths(hq).keys / keys.HQ_ENCRYPTION).public_key()
        block = os.urandom(envelope.CHUNK)
        with junk.open("wb") as fh:
            pieces = (block for _ in range(int(args.gib * GiB) // envelope.CHUNK))
            for part in envelope.seal_chunks(pieces, recipient, kind="delta", station="CLIF",
                                             sequence=1):  # fmt: skip
                fh.write(part)
        cases = {"/dev/zero": Path("/dev/zero"), "named pipe": fifo, "sparse 3 GiB": huge,
                 f"zeros {args.gib:g} GiB": zeros, f"sealed junk {args.gib:g} GiB": junk}  # fmt: skip
        for verb in ("import-bundle", "verify-bundle"):
            for label, path in cases.items():
                code, peak, seconds, last = run(hq, verb, path)
                print(f"{verb} {label}: exit {code}, peak {peak:.0f} MB, {seconds:.2f} s: "
                      f"{last[:90]}")  # fmt: skip
        for label, path in list(cases.items())[:4]:
            code, peak, seconds, last = run(clif, "import-hotlist", path)
            print(f"import-hotlist {label}: exit {code}, peak {peak:.0f} MB, {seconds:.2f} s")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
