"""Chunked authenticated encryption, shared by sync bundles, station snapshots and sealed backups.

After each format's own header the file is ``( u32 length | sealed chunk )*``: ChaCha20-Poly1305
over chunks of at most ``chunk_size`` plain bytes. A chunk's nonce is its 11-byte big-endian
counter followed by 1 for the last chunk and 0 for every other, and the additional data is the
SHA-256 of the format's header. So a changed byte, a dropped, repeated or reordered chunk, a file
cut short at a chunk boundary, or anything appended is caught, and the header cannot be swapped.
Lengths are unsigned 32-bit big-endian. Each format turns a :class:`ChunkProblem` into its own
message.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

U32 = struct.Struct(">I")


class Source(Protocol):
    """A seekable binary file: a file opened for bounded reading, or bytes in memory."""

    def read(self, n: int = -1, /) -> bytes: ...
    def seek(self, offset: int, whence: int = 0, /) -> int: ...
    def tell(self) -> int: ...


TAG = 16  # Poly1305 tag bytes added to every chunk


class ChunkProblem(Exception):
    """What is wrong with the chunks; ``what`` names the part for "truncated"."""

    TRUNCATED = "truncated"  # the file ends inside a length or a chunk
    TOO_LONG = "too_long"  # a length larger than any chunk can be
    UNAUTHENTIC = "unauthentic"  # a chunk does not open: changed, reordered or wrong key
    TRAILING = "trailing"  # data after the last chunk
    TOO_LARGE = "too_large"  # more plain bytes than the reader accepts
    SHORT = "short"  # a chunk before the last one is not full

    def __init__(self, kind: str, what: str = "") -> None:
        super().__init__(kind, what)
        self.kind = kind
        self.what = what


def sha256_of(fh: Source) -> str:
    """The whole file's SHA-256, read in blocks of 1 MiB; leaves the position at the start."""
    fh.seek(0)
    digest = hashlib.sha256()
    while block := fh.read(1 << 20):
        digest.update(block)
    fh.seek(0)
    return digest.hexdigest()


def nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def pieces(data: bytes, chunk_size: int) -> Iterator[bytes]:
    """``data`` in chunks (none for empty data: :func:`seal` then writes one empty chunk)."""
    for start in range(0, len(data), chunk_size):
        yield data[start : start + chunk_size]


def seal(aead: ChaCha20Poly1305, aad: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Each chunk framed and sealed, the last one marked; at least one (empty) chunk."""
    it = iter(chunks)
    current = next(it, b"")
    counter = 0
    for following in it:
        sealed = aead.encrypt(nonce(counter, False), current, aad)
        yield U32.pack(len(sealed)) + sealed
        current, counter = following, counter + 1
    sealed = aead.encrypt(nonce(counter, True), current, aad)
    yield U32.pack(len(sealed)) + sealed


def _read_exact(fh: Source, n: int, what: str) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise ChunkProblem(ChunkProblem.TRUNCATED, what)
    return data


def open_chunks(
    fh: Source,
    aead: ChaCha20Poly1305,
    aad: bytes,
    chunk_size: int,
    *,
    offsets: list[int] | None = None,
) -> Iterator[bytes]:
    """The plain chunks, in order; :class:`ChunkProblem` as soon as anything is wrong (the
    caller must not use what it received before then). ``offsets`` collects where each chunk
    starts."""
    counter = 0
    while True:
        if offsets is not None:
            offsets.append(fh.tell())
        (length,) = U32.unpack(_read_exact(fh, 4, "length"))
        if length > chunk_size + TAG:
            raise ChunkProblem(ChunkProblem.TOO_LONG)
        sealed = _read_exact(fh, length, "chunk")
        for last in (False, True):
            try:
                plain = aead.decrypt(nonce(counter, last), sealed, aad)
            except InvalidTag:
                continue
            break
        else:
            raise ChunkProblem(ChunkProblem.UNAUTHENTIC)
        yield plain
        counter += 1
        if last:
            if fh.read(1):
                raise ChunkProblem(ChunkProblem.TRAILING)
            return


@dataclass(frozen=True)
class ChunkIndex:
    """Where each sealed chunk starts in the file and how many plain bytes it holds."""

    offsets: tuple[int, ...]
    sizes: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.sizes)


def index_chunks(
    fh: Source, aead: ChaCha20Poly1305, aad: bytes, chunk_size: int, max_plain: int
) -> ChunkIndex:
    """Authenticate every chunk from the current position to the end, keeping none of the
    plain text: the file's layout for :class:`ChunkView`. Raises :class:`ChunkProblem`."""
    offsets: list[int] = []
    sizes: list[int] = []
    total = 0
    position = fh.tell()
    for plain in open_chunks(fh, aead, aad, chunk_size, offsets=offsets):
        # Only the last chunk may be short: a file of millions of tiny chunks would make the
        # index itself large.
        if sizes and sizes[-1] != chunk_size:
            raise ChunkProblem(ChunkProblem.SHORT)
        total += len(plain)
        sizes.append(len(plain))
        if total > max_plain:
            raise ChunkProblem(ChunkProblem.TOO_LARGE)
    fh.seek(position)
    return ChunkIndex(tuple(offsets), tuple(sizes))


class ChunkView(io.RawIOBase):
    """The plain text of an indexed sealed body as a seekable file, decrypted a chunk at a time
    when read (one chunk held), so a ZIP inside can be read without holding it all. Each chunk
    is authenticated again when it is read: a file changed after indexing fails, it is never
    believed."""

    def __init__(self, fh: Source, aead: ChaCha20Poly1305, aad: bytes, index: ChunkIndex) -> None:
        super().__init__()
        self._fh, self._aead, self._aad, self._index = fh, aead, aad, index
        self._starts: list[int] = []
        start = 0
        for size in index.sizes:
            self._starts.append(start)
            start += size
        self._size = start
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def _chunk(self, n: int) -> bytes:
        if self._cached is not None and self._cached[0] == n:
            return self._cached[1]
        self._fh.seek(self._index.offsets[n])
        (length,) = U32.unpack(_read_exact(self._fh, 4, "length"))
        if length != self._index.sizes[n] + TAG:  # the file changed since it was indexed
            raise ChunkProblem(ChunkProblem.UNAUTHENTIC)
        sealed = _read_exact(self._fh, length, "chunk")
        last = n == len(self._index.sizes) - 1
        try:
            plain = self._aead.decrypt(nonce(n, last), sealed, self._aad)
        except InvalidTag:
            raise ChunkProblem(ChunkProblem.UNAUTHENTIC) from None
        self._cached = (n, plain)
        return plain

    def read(self, size: int | None = -1) -> bytes:
        """Exactly ``size`` bytes unless the end comes first (readers such as zipfile count on
        it; a raw read would stop at each chunk's end)."""
        if size is None or size < 0:
            size = max(self._size - self._pos, 0)
        out = bytearray()
        while len(out) < size and self._pos < self._size:
            piece = self._piece(size - len(out))
            out += piece
            self._pos += len(piece)
        return bytes(out)

    def _piece(self, most: int) -> bytes:
        n = _chunk_at(self._starts, self._pos)
        inside = self._pos - self._starts[n]
        return self._chunk(n)[inside : inside + most]

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos >= self._size or not len(buffer):
            return 0
        piece = self._piece(len(buffer))
        buffer[: len(piece)] = piece
        self._pos += len(piece)
        return len(piece)


def _chunk_at(starts: list[int], position: int) -> int:
    return bisect.bisect_right(starts, position) - 1
