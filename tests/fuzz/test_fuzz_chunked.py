"""Property tests for the chunked seal and :class:`chunked.ChunkView`, which the snapshot reader
(and zipfile inside it) reads at random.

A random payload is sealed in chunks of a drawn size behind a header; after
:func:`index_chunks`, any sequence of seeks, reads and ``readinto`` calls on the view gives
exactly the payload's slices. A file changed after it was indexed (see :mod:`mutations`) never
gives other bytes: every read returns the payload's slice or raises ChunkProblem, and reading
the changed part always raises. Indexing a damaged file raises ChunkProblem, nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st
from mutations import frames, mutated

from cplc_desk.sync import chunked
from cplc_desk.sync.chunked import ChunkProblem

AEAD = ChaCha20Poly1305(hashlib.sha256(b"fuzz chunked key").digest())
AAD = hashlib.sha256(b"the format's header").digest()
OTHER_AAD = hashlib.sha256(b"another file's header").digest()
HEADER = b"HEADER:8"  # the format's own bytes before the chunks
CHUNK_SIZES = [1, 3, 16, 64, 100, 1000]


def sealed(payload: bytes, chunk_size: int, aad: bytes = AAD) -> bytes:
    return HEADER + b"".join(chunked.seal(AEAD, aad, chunked.pieces(payload, chunk_size)))


def indexed(data: bytes, chunk_size: int) -> tuple[io.BytesIO, chunked.ChunkIndex]:
    fh = io.BytesIO(data)
    fh.seek(len(HEADER))
    return fh, chunked.index_chunks(fh, AEAD, AAD, chunk_size, 1 << 20)


@st.composite
def payloads(draw: st.DrawFn) -> tuple[bytes, int]:
    chunk_size = draw(st.sampled_from(CHUNK_SIZES))
    size = draw(st.integers(0, 3000) | st.sampled_from([0, chunk_size, chunk_size * 3]))
    return random.Random(draw(st.integers(0, 2**16))).randbytes(size), chunk_size


operations = st.lists(
    st.one_of(
        st.tuples(st.just("seek"), st.integers(-3100, 3100),
                  st.sampled_from([io.SEEK_SET, io.SEEK_CUR, io.SEEK_END])),
        st.tuples(st.just("read"), st.none() | st.integers(-1, 1200), st.just(0)),
        st.tuples(st.just("readinto"), st.integers(0, 1200), st.just(0)),
    ),
    max_size=25,
)  # fmt: skip


def apply(view: chunked.ChunkView, payload: bytes, op: tuple[str, int | None, int]) -> None:
    """One operation on the view, checked against the payload."""
    kind, n, whence = op
    pos = view.tell()
    if kind == "seek":
        assert n is not None
        base = {io.SEEK_SET: 0, io.SEEK_CUR: pos, io.SEEK_END: len(payload)}[whence]
        if base + n < 0:
            with pytest.raises(ValueError):
                view.seek(n, whence)
            assert view.tell() == pos
        else:
            assert view.seek(n, whence) == base + n == view.tell()
    elif kind == "read":
        want = payload[pos:] if n is None or n < 0 else payload[pos : pos + n]
        assert view.read(n) == want  # all of it: zipfile counts on full reads
        assert view.tell() == pos + len(want)
    else:
        assert n is not None
        buffer = bytearray(n)
        got = view.readinto(buffer)
        assert buffer[:got] == payload[pos : pos + got]
        assert got > 0 or n == 0 or pos >= len(payload)
        assert view.tell() == pos + got


@fuzz(80)
@given(made=payloads(), ops=operations)
def test_the_view_reads_exactly_the_payload(
    made: tuple[bytes, int], ops: list[tuple[str, int | None, int]]
) -> None:
    payload, chunk_size = made
    fh, index = indexed(sealed(payload, chunk_size), chunk_size)
    assert index.total == len(payload)
    assert fh.tell() == len(HEADER)  # indexing leaves the file where it found it
    view = chunked.ChunkView(fh, AEAD, AAD, index)
    for op in ops:
        apply(view, payload, op)
    view.seek(0)
    assert io.BufferedReader(view, buffer_size=7).read() == payload


@fuzz(60)
@given(made=payloads(), data=st.data())
def test_a_file_changed_after_indexing_never_gives_other_bytes(
    made: tuple[bytes, int], data: st.DataObject
) -> None:
    payload, chunk_size = made
    raw = sealed(payload, chunk_size)
    fh, index = indexed(raw, chunk_size)
    view = chunked.ChunkView(fh, AEAD, AAD, index)
    for op in data.draw(operations):  # some chunk may be held from before the change
        apply(view, payload, op)
    other = sealed(random.Random(1).randbytes(len(payload)), chunk_size, OTHER_AAD)
    changed = mutated(data, raw, spans=frames(raw, HEADER), other=other)
    fh.seek(0)
    fh.write(changed)
    fh.truncate()
    for op in data.draw(operations):
        with contextlib.suppress(ChunkProblem):
            apply(view, payload, op)
    region_changed = changed[len(HEADER) : len(raw)] != raw[len(HEADER) :]
    fresh = chunked.ChunkView(fh, AEAD, AAD, index)
    if region_changed and payload:  # (an empty payload has no bytes to read at all)
        with pytest.raises(ChunkProblem):
            fresh.read()
    else:
        assert fresh.read() == payload
    # Indexed again from scratch: refused unless the chunks are exactly as sealed.
    fh.seek(len(HEADER))
    try:
        again = chunked.index_chunks(fh, AEAD, AAD, chunk_size, 1 << 20)
    except ChunkProblem:
        return
    assert changed[len(HEADER) :] == raw[len(HEADER) :]
    assert chunked.ChunkView(fh, AEAD, AAD, again).read() == payload


def test_indexing_refuses_what_the_format_does_not_write() -> None:
    def problem(data: bytes, chunk_size: int = 4, most: int = 100) -> str:
        fh = io.BytesIO(data)
        fh.seek(len(HEADER))
        with pytest.raises(ChunkProblem) as raised:
            chunked.index_chunks(fh, AEAD, AAD, chunk_size, most)
        return raised.value.kind

    def framed(*chunks: bytes) -> bytes:
        return HEADER + b"".join(chunked.seal(AEAD, AAD, chunks))

    assert problem(framed(b"ab", b"cdef")) == ChunkProblem.SHORT  # a short chunk before the last
    assert problem(framed(b"abcd", b"", b"ef")) == ChunkProblem.SHORT
    assert problem(sealed(bytes(101), 4)) == ChunkProblem.TOO_LARGE
    assert problem(sealed(bytes(8), 4), chunk_size=2) == ChunkProblem.TOO_LONG
    assert problem(sealed(bytes(8), 4, OTHER_AAD)) == ChunkProblem.UNAUTHENTIC
    assert problem(sealed(bytes(8), 4) + b"\0") == ChunkProblem.TRAILING
    assert problem(sealed(bytes(8), 4)[:-1]) == ChunkProblem.TRUNCATED
    assert problem(HEADER) == ChunkProblem.TRUNCATED
    # An empty payload is one empty last chunk, and reads as nothing.
    fh, index = indexed(sealed(b"", 4), 4)
    assert index.sizes == (0,) and chunked.ChunkView(fh, AEAD, AAD, index).read() == b""
