"""Byte-level changes to a real file, shared by the fuzz tests of the file readers.

:func:`mutated` draws one change: a flipped bit or byte, the file cut short, bytes inserted,
deleted or appended, a stretch of the file copied over another place or repeated, and, for the
framed formats (``magic | u32 len | header | (u32 len | chunk)*``: station snapshots, sealed
backups), a length field set to another value or whole frames duplicated, dropped, swapped or
taken from another file of the same kind. :func:`frames` finds the frames.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

from hypothesis import assume
from hypothesis import strategies as st

U32 = struct.Struct(">I")
Span = tuple[int, int]


def frames(raw: bytes, magic: bytes) -> list[Span]:
    """``(start, end)`` of each ``u32 len | bytes`` frame after ``magic``, the header's first."""
    spans: list[Span] = []
    at = len(magic)
    while at + U32.size <= len(raw):
        (length,) = U32.unpack_from(raw, at)
        spans.append((at, at + U32.size + length))
        at += U32.size + length
    assert at == len(raw), "not a framed file"
    return spans


def _lengths(true: int) -> st.SearchStrategy[int]:
    near = [v for v in (0, 1, true - 1, true + 1, true * 2, 2**31, 2**32 - 1) if 0 <= v < 2**32]
    return st.sampled_from(near) | st.integers(0, 2**32 - 1)


def mutated(
    data: st.DataObject, raw: bytes, *, spans: Sequence[Span] = (), other: bytes = b""
) -> bytes:
    """``raw`` changed in one way, never left as it was. ``spans``: the file's frames (see
    :func:`frames`); ``other``: another file of the same kind, whose frames may be spliced in."""
    kinds = ["flip", "flip", "truncate", "insert", "delete", "append", "splice", "repeat"]
    if spans:
        kinds += ["length", "length", "duplicate", "drop", "swap"]
    if spans and other:
        kinds.append("foreign")
    how = data.draw(st.sampled_from(kinds))
    size = len(raw)
    if how == "flip":
        at = data.draw(st.integers(0, size - 1))
        mask = data.draw(st.sampled_from([1 << b for b in range(8)]) | st.integers(1, 255))
        changed = raw[:at] + bytes([raw[at] ^ mask]) + raw[at + 1 :]
    elif how == "truncate":
        changed = raw[: data.draw(st.integers(0, size - 1))]
    elif how == "insert":
        at = data.draw(st.integers(0, size))
        changed = raw[:at] + data.draw(st.binary(min_size=1, max_size=64)) + raw[at:]
    elif how == "delete":
        at = data.draw(st.integers(0, size - 1))
        changed = raw[:at] + raw[at + data.draw(st.integers(1, 64)) :]
    elif how == "append":
        extra = data.draw(st.binary(min_size=1, max_size=64) | st.just(raw[-40:]) | st.just(raw))
        changed = raw + extra
    elif how == "splice":  # a stretch of the file written over another place
        start = data.draw(st.integers(0, size - 1))
        piece = raw[start : start + data.draw(st.integers(1, 256))]
        at = data.draw(st.integers(0, size - 1))
        changed = raw[:at] + piece + raw[at + len(piece) :]
    elif how == "repeat":  # a stretch of the file doubled where it is
        start = data.draw(st.integers(0, size - 1))
        end = min(start + data.draw(st.integers(1, 256)), size)
        changed = raw[:end] + raw[start:end] + raw[end:]
    else:
        changed = _framed(data, raw, how, spans, other)
    assume(changed != raw)
    return changed


def _framed(
    data: st.DataObject, raw: bytes, how: str, spans: Sequence[Span], other: bytes
) -> bytes:
    i = data.draw(st.integers(0, len(spans) - 1))
    start, end = spans[i]
    if how == "length":
        value = data.draw(_lengths(end - start - U32.size))
        return raw[:start] + U32.pack(value) + raw[start + U32.size :]
    if how == "duplicate":
        return raw[:end] + raw[start:end] + raw[end:]
    if how == "drop":
        return raw[:start] + raw[end:]
    if how == "swap":
        j = data.draw(st.integers(0, len(spans) - 1))
        assume(i != j)
        (a, b), (c, d) = sorted([spans[i], spans[j]])
        return raw[:a] + raw[c:d] + raw[b:c] + raw[a:b] + raw[d:]
    # "foreign": the frame at the same place in another file of the same kind
    theirs = frames(other, raw[: spans[0][0]])
    assume(i < len(theirs))
    a, b = theirs[i]
    return raw[:start] + other[a:b] + raw[end:]
