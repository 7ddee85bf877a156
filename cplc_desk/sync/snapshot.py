"""Station snapshots: everything headquarters holds of one station, to set a replacement PC up.

A snapshot holds personal data, so it never travels in plain text. Headquarters signs it with
its Ed25519 key and encrypts it under a key derived (HKDF-SHA256) from the secret of the
station's pending enrollment: only whoever holds that enrollment file can open it, and the
enrollment file names the headquarters key that must have signed it.

Layout (the one sealed-file format of :mod:`cplc_desk.sync.sealed`)::

    b"CPLCSNP1" | len | header JSON | (len | chunk)*

The header (canonical JSON) names the station, the enrollment and a random salt; the body is
an in-memory ZIP cut into 1 MiB chunks sealed with ChaCha20-Poly1305 (nonce = chunk counter plus
a "last chunk" flag, associated data = SHA-256 of the header), as in bundle envelopes. The ZIP
holds exactly ``manifest.json`` (canonical JSON, domain ``cplc-desk/station-snapshot/v1``),
``manifest.sig`` (headquarters' signature over it), ``records.tsv`` and ``audit.jsonl``, whose
hashes and sizes the manifest lists. See docs/bundle-format.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cplc_desk.sync import chunked, container, sealed
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import b64, unb64

MAGIC = b"CPLCSNP1"
SNAPSHOT_FORMAT = 1
SNAPSHOT_DOMAIN = "cplc-desk/station-snapshot/v1"
KIND = "station-snapshot"
HKDF_INFO = b"cplc-desk/snapshot-key/v1"
SUFFIX = ".cplcsnapshot"
CHUNK = sealed.CHUNK
MAX_HEADER = sealed.MAX_HEADER
MAX_SNAPSHOT = 4 << 30
MAX_MANIFEST = 1 << 20
MAX_RATIO = 200
MANIFEST = container.MANIFEST
SIGNATURE = container.SIGNATURE
RECORDS = "records.tsv"
AUDIT = "audit.jsonl"
DATA_MEMBERS = (RECORDS, AUDIT)
_READ_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
    chunked.ChunkProblem,
)  # fmt: skip


def derive_key(secret_b64: str, salt: bytes, station: str, enrollment_id: str) -> bytes:
    """The snapshot's content key: HKDF-SHA256 over the enrollment secret, bound to the station
    and the enrollment."""
    info = b"|".join([HKDF_INFO, station.encode(), enrollment_id.encode()])
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(
        unb64(secret_b64)
    )


# ------------------------------------------------------------------ writing


def build(manifest: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey) -> bytes:
    """Sign the manifest (after adding member hashes) and pack everything into a ZIP."""
    return container.build(manifest, members, key, domain=SNAPSHOT_DOMAIN)


def seal(inner: bytes, *, secret_b64: str, station: str, enrollment_id: str) -> bytes:
    salt = os.urandom(16)
    header = canonical(
        {
            "format": SNAPSHOT_FORMAT,
            "kind": KIND,
            "station": station,
            "enrollment_id": enrollment_id,
            "salt": b64(salt),
            "chunk_size": CHUNK,
        }
    )
    aead = ChaCha20Poly1305(derive_key(secret_b64, salt, station, enrollment_id))
    return sealed.seal_bytes(PROFILE, header, aead, inner)


# ------------------------------------------------------------------ refusals


def damaged(reason: str, **params: Any) -> SyncError:
    """The snapshot is damaged or was changed, for ``reason`` (a wording key, or the reader's
    own word for what it met)."""
    return SyncError("damaged", "snapshot.damaged", reason=reason, **params)


_cut_short = sealed.refusal("truncated", "snapshot.truncated")


_not_a_snapshot = sealed.refusal("not_a_snapshot", "not_a_snapshot", "suffix")


def _wrong_kind(_start: bytes) -> SyncError:
    return _not_a_snapshot(SUFFIX)


def _chunk_refusal(problem: chunked.ChunkProblem) -> SyncError:
    if problem.kind == chunked.ChunkProblem.TRUNCATED:
        return _cut_short("chunk" if problem.what == "chunk" else "chunk length")
    if problem.kind == chunked.ChunkProblem.TOO_LARGE:
        return damaged("snapshot_too_large")
    return damaged(sealed.damage_reason(problem) or "seal_mismatch")


PROFILE = sealed.Profile(MAGIC, _wrong_kind, _cut_short, damaged, _chunk_refusal)


# ------------------------------------------------------------------ reading


@dataclass(frozen=True)
class SnapshotHeader:
    station: str
    enrollment_id: str
    salt: bytes
    raw: bytes


def _parse_header(fields: Any, raw: bytes) -> SnapshotHeader:
    header = SnapshotHeader(
        station=str(fields["station"]),
        enrollment_id=str(fields["enrollment_id"]),
        salt=unb64(str(fields["salt"])),
        raw=raw,
    )
    snapshot_format = int(fields["format"])
    kind = fields["kind"]
    if snapshot_format > SNAPSHOT_FORMAT:
        raise SyncError("format_too_new", "snapshot.format_too_new")
    if kind != KIND:
        raise damaged("not_a_station_snapshot")
    return header


def read_header(fh: chunked.Source) -> SnapshotHeader:
    """The header, unauthenticated until :func:`open_body` succeeds."""
    return sealed.read_header(fh, PROFILE, _parse_header)


def open_body(fh: chunked.Source, header: SnapshotHeader, secret_b64: str) -> chunked.ChunkView:
    """Authenticate the rest of the file chunk by chunk (any changed, missing or extra byte
    fails here) and return the plain content as a view decrypted as it is read."""
    try:
        key = derive_key(secret_b64, header.salt, header.station, header.enrollment_id)
    except (ValueError, TypeError):
        raise damaged("key_block_unreadable") from None
    return sealed.open_view(fh, PROFILE, header.raw, ChaCha20Poly1305(key), MAX_SNAPSHOT)


@dataclass
class OpenedSnapshot:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    zip: zipfile.ZipFile

    def _blocks(self, name: str) -> Iterator[bytes]:
        try:
            with self.zip.open(name) as fh:
                while block := fh.read(1 << 20):
                    yield block
        except _READ_ERRORS:
            raise damaged("member_unreadable", name=name) from None

    def check_member(self, name: str) -> None:
        """A data member's hash and size match the signed manifest (read in blocks)."""
        try:
            expected = dict(self.manifest["members"][name])
        except (KeyError, TypeError, ValueError):
            raise damaged("member_unreadable", name=name) from None
        digest, size = hashlib.sha256(), 0
        for block in self._blocks(name):
            digest.update(block)
            size += len(block)
        if digest.hexdigest() != expected.get("sha256") or size != expected.get("size"):
            raise damaged("member_mismatch", name=name)

    def lines(self, name: str) -> Iterator[bytes]:
        """A member's non-empty lines, after the whole member was checked against the manifest
        (so nothing unsigned is ever parsed), streamed."""
        self.check_member(name)
        tail = b""
        for block in self._blocks(name):
            parts = (tail + block).split(b"\n")
            tail = parts.pop()
            if len(tail) > container.MAX_LINE:
                raise damaged("line_too_long")
            yield from (p for p in parts if p)
        if tail:
            yield tail


def open_signed(plain: bytes | chunked.ChunkView, hq_key: Ed25519PublicKey) -> OpenedSnapshot:
    """Check the ZIP's structure and caps, then headquarters' signature over the manifest."""
    zf, infos = container.open_zip(plain, damaged)
    names = [i.filename for i in infos]
    expected = {MANIFEST, SIGNATURE, *DATA_MEMBERS}
    if len(names) != len(set(names)) or set(names) != expected:
        raise damaged("parts_missing")
    for info in infos:
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise damaged("part_unsupported")
        limit = MAX_MANIFEST if info.filename in (MANIFEST, SIGNATURE) else MAX_SNAPSHOT
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1024:
            raise damaged("part_too_large")
    try:
        manifest_bytes = zf.read(MANIFEST)
        signature = zf.read(SIGNATURE)
        hq_key.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise SyncError("bad_signature", "snapshot.bad_signature") from None
    except (*_READ_ERRORS, RecursionError):
        raise damaged("unreadable manifest") from None
    try:
        manifest = json.loads(manifest_bytes)
    except (ValueError, RecursionError):
        raise damaged("unreadable manifest") from None
    if not isinstance(manifest, dict) or manifest.get("domain") != SNAPSHOT_DOMAIN:
        raise damaged("not_a_snapshot_manifest")
    return OpenedSnapshot(manifest, manifest_bytes, zf)
