"""The encrypted envelope around a bundle: readable only with headquarters' private key.

Layout (the one sealed-file format of :mod:`cplc_desk.sync.sealed`)::

    b"CPLCENV1" | len | header JSON | (len | chunk)*

The header names the station, sequence and recipient key and carries the bundle's 32-byte
content key wrapped with HPKE (RFC 9180: X25519, HKDF-SHA256, ChaCha20-Poly1305). The body is
the plaintext cut into chunks of at most 1 MiB, each sealed with ChaCha20-Poly1305 under the
content key; the nonce is the chunk counter plus a "last chunk" flag (the STREAM construction),
and every chunk's associated data is the SHA-256 of the header. So a flipped byte anywhere, a
changed header, reordered or dropped chunks, and a truncated file all fail to open, and the
reader never holds more than one chunk of ciphertext beside the plaintext.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cplc_desk.sync import chunked, sealed
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import b64, key_id, unb64

MAGIC = b"CPLCENV1"
ENVELOPE_FORMAT = 1
CHUNK = sealed.CHUNK
MAX_HEADER = sealed.MAX_HEADER
HPKE_INFO = b"cplc-desk/envelope/v1"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


@dataclass(frozen=True)
class EnvelopeHeader:
    format: int
    kind: str
    station: str
    sequence: int
    recipient: str
    raw: bytes

    @property
    def digest(self) -> bytes:
        return sealed.header_digest(self.raw)


def seal(
    plaintext: bytes, recipient: X25519PublicKey, *, kind: str, station: str, sequence: int
) -> bytes:
    return b"".join(
        seal_chunks(
            chunked.pieces(plaintext, CHUNK),
            recipient,
            kind=kind,
            station=station,
            sequence=sequence,
        )
    )


def seal_chunks(
    pieces: Iterable[bytes],
    recipient: X25519PublicKey,
    *,
    kind: str,
    station: str,
    sequence: int,
) -> Iterator[bytes]:
    """The sealed file, piece by piece, from plain ``pieces`` of exactly ``CHUNK`` bytes (the
    last may be shorter)."""
    content_key = os.urandom(32)
    header = json.dumps(
        {
            "format": ENVELOPE_FORMAT,
            "kind": kind,
            "station": station,
            "sequence": sequence,
            "recipient": key_id(recipient),
            "wrapped_key": b64(_SUITE.encrypt(content_key, recipient, info=HPKE_INFO)),
            "chunk_size": CHUNK,
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    yield from sealed.seal(PROFILE, header, ChaCha20Poly1305(content_key), pieces)


# ------------------------------------------------------------------ refusals


_truncated = sealed.refusal("truncated", "bundle.truncated")
_damaged = sealed.refusal("damaged", "bundle.damaged")


def _wrong_kind(start: bytes) -> SyncError:
    if start and MAGIC.startswith(start):  # cut inside the first bytes
        return _truncated("start")
    return SyncError("not_a_bundle")


def chunk_error(problem: chunked.ChunkProblem) -> SyncError:
    if problem.kind == chunked.ChunkProblem.TRUNCATED:
        if problem.what == "length":
            return SyncError("truncated", "bundle.truncated_length")
        return _truncated(problem.what)
    if problem.kind == chunked.ChunkProblem.TOO_LARGE:
        return SyncError("too_large", "bundle.too_large")
    reason = sealed.damage_reason(problem)
    if reason is not None:
        return _damaged(reason)
    return SyncError("damaged", "bundle.seal_mismatch")


PROFILE = sealed.Profile(MAGIC, _wrong_kind, _truncated, _damaged, chunk_error)


# ------------------------------------------------------------------ reading


def _parse_header(fields: Any, raw: bytes) -> EnvelopeHeader:
    header = EnvelopeHeader(
        format=int(fields["format"]),
        kind=str(fields["kind"]),
        station=str(fields["station"]),
        sequence=int(fields["sequence"]),
        recipient=str(fields["recipient"]),
        raw=raw,
    )
    if header.format > ENVELOPE_FORMAT:
        raise SyncError("format_too_new", "bundle.envelope_too_new", n=header.format)
    return header


def read_header(fh: chunked.Source) -> EnvelopeHeader:
    """The header, unauthenticated until :func:`open_body` succeeds."""
    return sealed.read_header(fh, PROFILE, _parse_header)


def open_body(
    fh: chunked.Source, header: EnvelopeHeader, private_key: X25519PrivateKey, max_plain: int
) -> chunked.ChunkView:
    """Authenticate the rest of the file chunk by chunk, keeping none of it, and return the
    plain content as a seekable view decrypted as it is read; raises :class:`SyncError` on any
    damage, a wrong key or more than ``max_plain`` bytes."""
    ours = header.recipient == key_id(private_key.public_key())
    fields = json.loads(header.raw)
    try:
        content_key = _SUITE.decrypt(unb64(fields["wrapped_key"]), private_key, info=HPKE_INFO)
    except (InvalidTag, ValueError, KeyError, TypeError, AttributeError):  # e.g. a number
        if not ours:
            raise SyncError("wrong_recipient", kid=header.recipient) from None
        raise _damaged("key_block_unreadable") from None
    if not ours:  # our key opens it, so the recipient named in the header was changed
        raise _damaged("header_changed")
    return sealed.open_view(fh, PROFILE, header.raw, ChaCha20Poly1305(content_key), max_plain)


def open_body_bytes(
    fh: chunked.Source, header: EnvelopeHeader, private_key: X25519PrivateKey, max_plain: int
) -> bytes:
    """The whole plain content (for small bundles and tests)."""
    return sealed.read_view(open_body(fh, header, private_key, max_plain), PROFILE)
