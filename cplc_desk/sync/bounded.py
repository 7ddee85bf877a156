"""Opening a file that arrived from outside (a USB stick, an e-mail) so that reading it can
neither hang nor exhaust memory, whatever it is.

:func:`open_input` refuses anything that is not a regular file before reading a byte (a FIFO
would block the reader for ever, ``/dev/zero`` never ends, a folder is not a file), refuses a
file larger than the reader's cap from its size, and hands back a :class:`BoundedFile` that
stops at the cap while reading too, in case the file grows after it was measured. Every refusal
is a :class:`SyncError` naming the file, in one line.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from cplc_desk.sync import chunked
from cplc_desk.sync.errors import SyncError

BLOCK = 1 << 20


class BoundedFile:
    """A read-only, seekable file that refuses to be read past ``cap`` bytes."""

    def __init__(self, fd: int, path: Path, cap: int, size: int) -> None:
        self._fh = os.fdopen(fd, "rb", buffering=0)
        self.path = path
        self.cap = cap
        self.size = size  # as measured when opened

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            # To the end, a block at a time: asking the OS for cap + 1 bytes at once would have
            # Python set aside that much memory first (zipfile reads its end record this way).
            return b"".join(iter(lambda: self.read(BLOCK), b""))
        try:
            data = self._fh.read(max(n, 0)) or b""
        except OSError as exc:  # the stick was pulled out while reading, a bad sector...
            raise unreadable(self.path, exc) from None
        if self._fh.tell() > self.cap:
            raise too_large(self.path)
        return data

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def seekable(self) -> bool:
        return True  # zipfile asks, to read a workbook's parts

    def close(self) -> None:
        self._fh.close()

    def blocks(self, start: int = 0) -> Iterator[bytes]:
        """The file from ``start`` to its end, in blocks of at most 1 MiB."""
        self.seek(start)
        while block := self.read(BLOCK):
            yield block

    def sha256(self) -> str:
        """The whole file's SHA-256, read in blocks; leaves the position at the start."""
        return chunked.sha256_of(self)

    def read_all(self) -> bytes:
        """The whole file, for readers whose cap is small enough to hold it."""
        self.seek(0)
        return b"".join(self.blocks())


def too_large(path: Path) -> SyncError:
    return SyncError("too_large", "file.too_large", name=path.name)


@contextlib.contextmanager
def open_input(path: Path, cap: int) -> Iterator[BoundedFile]:
    """``path`` opened for bounded reading; :class:`SyncError` when it is not a regular file
    of at most ``cap`` bytes or cannot be opened."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SyncError("missing", "file.missing", name=str(path)) from None
    except IsADirectoryError:
        raise not_a_file(path) from None
    except OSError as exc:
        raise unreadable(path, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_a_file(path)
        if info.st_size > cap:
            raise too_large(path)
        opened = BoundedFile(fd, path, cap, info.st_size)
    except BaseException:
        os.close(fd)
        raise
    try:
        yield opened
    finally:
        opened.close()


def not_a_file(path: Path) -> SyncError:
    return SyncError("not_a_file", "file.not_a_file", name=str(path))


def unreadable(path: Path, exc: OSError) -> SyncError:
    return SyncError(
        "unreadable", "file.unreadable", name=str(path), detail=str(exc.strerror or exc)
    )


def named(path: Path, message: str) -> str:
    """A refusal that names the file it is about (once)."""
    return message if path.name in message else f"{path.name}: {message}"


def read_small(path: Path, cap: int) -> bytes:
    """The whole of a file whose cap is small (an enrollment file, a key): checked as
    :func:`open_input` checks, then read."""
    with open_input(path, cap) as fh:
        return fh.read_all()
