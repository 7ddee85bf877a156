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

import struct
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

U32 = struct.Struct(">I")
TAG = 16  # Poly1305 tag bytes added to every chunk


class ChunkProblem(Exception):
    """What is wrong with the chunks; ``what`` names the part for "truncated"."""

    TRUNCATED = "truncated"  # the file ends inside a length or a chunk
    TOO_LONG = "too_long"  # a length larger than any chunk can be
    UNAUTHENTIC = "unauthentic"  # a chunk does not open: changed, reordered or wrong key
    TRAILING = "trailing"  # data after the last chunk

    def __init__(self, kind: str, what: str = "") -> None:
        super().__init__(kind, what)
        self.kind = kind
        self.what = what


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


def _read_exact(fh: BinaryIO, n: int, what: str) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise ChunkProblem(ChunkProblem.TRUNCATED, what)
    return data


def open_chunks(
    fh: BinaryIO, aead: ChaCha20Poly1305, aad: bytes, chunk_size: int
) -> Iterator[bytes]:
    """The plain chunks, in order; :class:`ChunkProblem` as soon as anything is wrong (the
    caller must not use what it received before then)."""
    counter = 0
    while True:
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
