"""The one sealed-file format behind bundles, station snapshots and sealed backups.

Layout (all lengths big-endian u32)::

    magic (8 bytes) | len | header JSON | (len | sealed chunk)*

The magic names the kind of file. The header is JSON of at most ``max_header`` bytes, read
before anything is authenticated, so it is parsed as hostile. The body is the plain content cut
into chunks of at most ``chunk_size`` bytes, each sealed with ChaCha20-Poly1305 (see
:mod:`cplc_desk.sync.chunked`: nonce = chunk counter plus a "last chunk" flag) with the SHA-256
of the exact header bytes as associated data: a changed header, a flipped byte, reordered or
dropped chunks, a file cut short or with anything appended all fail to open.

A :class:`Profile` is what differs between the kinds: the magic, the caps, and the wording of
each refusal (a bundle, a snapshot and a backup each speak to a different person). What the
header holds, and where the content key comes from, stays with each kind's own module.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cplc_desk.domain.errors import DeskError
from cplc_desk.sync import chunked
from cplc_desk.sync.errors import SyncError

CHUNK = 1 << 20
MAX_HEADER = 64 * 1024
U32 = chunked.U32
# An unauthenticated header can hold anything JSON allows: 1e999 (OverflowError in int()),
# deep nesting (RecursionError), a list or a number instead of an object.
HEADER_ERRORS = (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError)

T = TypeVar("T")
Problem = chunked.ChunkProblem


@dataclass(frozen=True)
class Profile:
    """One kind of sealed file: its magic, its caps and how it words each refusal."""

    magic: bytes
    wrong_kind: Callable[[bytes], DeskError]  # given what stands where the magic should
    truncated: Callable[[str], DeskError]  # given the part that is cut ("header", ...)
    damaged: Callable[[str], DeskError]  # given the reason (a wording key)
    chunk_refusal: Callable[[Problem], DeskError]
    chunk_size: int = CHUNK
    max_header: int = MAX_HEADER


def refusal(code: str, say: str, field: str = "what") -> Callable[[str], SyncError]:
    """A refusal of a sync file with one blank: the sentence ``say`` (worded by the services)
    with ``field`` set to the value given."""

    def build(value: str) -> SyncError:
        return SyncError(code, say, **{field: value})

    return build


def header_digest(raw: bytes) -> bytes:
    """The associated data of every chunk: the SHA-256 of the header's exact bytes."""
    return hashlib.sha256(raw).digest()


# ------------------------------------------------------------------ writing


def seal(
    profile: Profile, header: bytes, aead: ChaCha20Poly1305, pieces: Iterable[bytes]
) -> Iterator[bytes]:
    """The sealed file, piece by piece: the framed header, then every plain piece (each exactly
    ``chunk_size`` bytes but the last) sealed. At least one (empty) chunk."""
    yield profile.magic + U32.pack(len(header)) + header
    yield from chunked.seal(aead, header_digest(header), pieces)


def seal_bytes(profile: Profile, header: bytes, aead: ChaCha20Poly1305, plain: bytes) -> bytes:
    """The whole sealed file of ``plain`` held in memory."""
    return b"".join(seal(profile, header, aead, chunked.pieces(plain, profile.chunk_size)))


# ------------------------------------------------------------------ reading


def read_exact(fh: chunked.Source, n: int, what: str, profile: Profile) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise profile.truncated(what)
    return data


def read_header(fh: chunked.Source, profile: Profile, parse: Callable[[Any, bytes], T]) -> T:
    """The header, unauthenticated until the body opens: ``parse(fields, raw)`` turns the JSON
    into the kind's header and may refuse it; anything it trips over reads as damage."""
    start = fh.read(len(profile.magic))
    if start != profile.magic:
        raise profile.wrong_kind(start)
    (length,) = U32.unpack(read_exact(fh, 4, "header length", profile))
    if length > profile.max_header:
        raise profile.damaged("header_too_long")
    raw = read_exact(fh, length, "header", profile)
    try:
        return parse(json.loads(raw), raw)
    except HEADER_ERRORS:
        raise profile.damaged("header_unreadable") from None


def open_view(
    fh: chunked.Source, profile: Profile, raw: bytes, aead: ChaCha20Poly1305, max_plain: int
) -> chunked.ChunkView:
    """Authenticate the rest of the file chunk by chunk, keeping none of it, and return the
    plain content as a seekable view decrypted as it is read; the profile's refusal on any
    damage, a wrong key or more than ``max_plain`` bytes."""
    aad = header_digest(raw)
    try:
        index = chunked.index_chunks(fh, aead, aad, profile.chunk_size, max_plain)
    except Problem as problem:
        raise profile.chunk_refusal(problem) from None
    return chunked.ChunkView(fh, aead, aad, index)


def read_view(view: chunked.ChunkView, profile: Profile) -> bytes:
    """The whole plain content of an opened view (for small files and tests)."""
    try:
        return view.read()
    except Problem as problem:
        raise profile.chunk_refusal(problem) from None


def open_stream(
    fh: chunked.Source, profile: Profile, raw: bytes, aead: ChaCha20Poly1305
) -> Iterator[bytes]:
    """The plain chunks in order, streamed; the profile's refusal as soon as anything is wrong
    (the caller must not keep what it received before then)."""
    try:
        yield from chunked.open_chunks(fh, aead, header_digest(raw), profile.chunk_size)
    except Problem as problem:
        raise profile.chunk_refusal(problem) from None


def damage_reason(problem: Problem) -> str | None:
    """The reason (a wording key) a damaged body gives, shared by bundles and snapshots (None
    when the kind words it itself)."""
    if problem.kind == Problem.TOO_LONG:
        return "part_too_long"
    if problem.kind == Problem.TRAILING:
        return "trailing_data"
    return None
