"""Writing files so that a crash or a yanked USB stick never leaves a half-written file under
its final name (write a temporary file beside it, flush it to the device, then rename), and so
that a file holding personal data or a secret is readable by the desk's user only from the
moment it exists (mode 0600 on POSIX, an owner-only access list on Windows), never for a moment
by every account on the PC.

Private is the default: nearly everything the desk writes (backups, bundles, receipts, audit
extracts, enrollment files, snapshots, hotlists) holds personal data or a secret, and a new
writer should have to decide to make a file readable by all (``mode=0o644``), not remember to
make it private.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial"
PRIVATE = 0o600


def restrict_to_owner(path: Path) -> None:
    """Make an existing file readable and writable by the desk's user only.

    POSIX: mode 0600. Windows: the inherited entries are removed from the file's access list and
    the user alone is granted full control (``icacls``). A file system that keeps no such thing
    (a FAT USB stick) or a failure is logged and otherwise ignored: the file is still written.
    The log names neither the file nor the user (either may carry a person's name).
    """
    if sys.platform == "win32":
        _restrict_on_windows(path)
        return
    try:
        os.chmod(path, PRIVATE)
    except OSError as exc:
        log.warning("could not restrict a %s file to its owner: errno %s", path.suffix, exc.errno)


def _restrict_on_windows(path: Path) -> None:
    user = os.environ.get("USERNAME") or getpass.getuser()
    try:
        done = subprocess.run(
            ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:F"],
            capture_output=True,
            timeout=60,
            check=False,
            # No console window flashing over the desk's (0 where there is no such flag).
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning(
            "could not restrict a %s file to its owner: %s", path.suffix, type(exc).__name__
        )
        return
    if done.returncode != 0:
        log.warning(
            "could not restrict a %s file to its owner: icacls exit %d",
            path.suffix,
            done.returncode,
        )


def _new_file(path: Path, mode: int) -> int:
    """A new empty file opened for writing. A leftover from a crash would keep its own mode if
    opened again, so it is removed first; on Windows a private file is restricted before the
    caller writes anything into it."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    if sys.platform == "win32" and not mode & 0o077:
        restrict_to_owner(path)
    return fd


def create_private(path: Path) -> None:
    """Create ``path`` empty and readable by the desk's user only, replacing a file already
    there: for a file something else fills in (SQLite, a copy, a cipher stream). Opening it
    again for writing (``"wb"``) keeps its mode and access list."""
    os.close(_new_file(path, PRIVATE))


def write_atomically(path: Path, data: bytes, *, mode: int = PRIVATE) -> None:
    """Write ``data`` to ``path`` whole or not at all, readable by the desk's user only unless
    ``mode`` says otherwise (0o644 for a public key)."""
    write_stream_atomically(path, (data,), mode=mode)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` reach the device too (POSIX); Windows has no directory
    handles."""
    with contextlib.suppress(OSError, AttributeError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def private_file_atomically(path: Path) -> Iterator[BinaryIO]:
    """A file to fill, readable by the desk's user only from its first byte, that takes the
    place of ``path`` whole once the block ends; an error in the block leaves ``path`` as it
    was and nothing behind. For content another library writes to a file object."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    try:
        create_private(partial)
        with partial.open("r+b") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    fsync_dir(path.parent)


def write_stream_atomically(path: Path, blocks: Iterable[bytes], *, mode: int = PRIVATE) -> None:
    """As :func:`write_atomically`, for content that arrives in blocks (never held whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + PARTIAL_SUFFIX)
    fd = _new_file(tmp, mode)
    try:
        try:
            for block in blocks:
                view = memoryview(block)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)
