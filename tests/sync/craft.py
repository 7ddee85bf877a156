"""Building bundles from parts, so that a test states exactly what it tampers with.

A real bundle is taken apart with headquarters' private key (:func:`take_apart`), one part is
changed, and the rest is put back together with the sync code's own :func:`container.build` and
:func:`envelope.seal` (:func:`rebuild`), or, for archives the sync code would never write, with
:func:`zip_of` and :func:`seal_zip`. Keys are read from real desks' data dirs.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from cplc_desk.paths import DeskPaths
from cplc_desk.sync import container, envelope, keys
from cplc_desk.sync.enrollment import proof

FIXED_TIME = (2020, 1, 1, 0, 0, 0)

# ------------------------------------------------------------------ keys of real desks


def hq_private(data_dir: Path) -> X25519PrivateKey:
    return keys.load_x25519(DeskPaths(data_dir).keys / keys.HQ_ENCRYPTION)


def station_key(data_dir: Path) -> Ed25519PrivateKey:
    return keys.load_ed25519(DeskPaths(data_dir).keys / keys.STATION_SIGNING)


# ------------------------------------------------------------------ taking a bundle apart


@dataclass
class Parts:
    """A bundle's content: the manifest as signed, its signature and every other member."""

    kind: str
    station: str
    sequence: int
    manifest: dict[str, Any]
    signature: bytes
    members: dict[str, bytes] = field(default_factory=dict)

    def manifest_bytes(self) -> bytes:
        return container.canonical(self.manifest)


def unseal(bundle: bytes, hq: X25519PrivateKey) -> tuple[envelope.EnvelopeHeader, bytes]:
    fh = io.BytesIO(bundle)
    header = envelope.read_header(fh)
    return header, envelope.open_body_bytes(fh, header, hq, 1 << 31)


def take_apart(bundle: bytes, hq: X25519PrivateKey) -> Parts:
    header, plain = unseal(bundle, hq)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        members = {
            name: zf.read(name)
            for name in zf.namelist()
            if name not in (container.MANIFEST, container.SIGNATURE)
        }
        manifest = json.loads(zf.read(container.MANIFEST))
        signature = zf.read(container.SIGNATURE)
    return Parts(header.kind, header.station, header.sequence, manifest, signature, members)


# ------------------------------------------------------------------ putting one together


def sign_with(manifest: dict[str, Any], key: Ed25519PrivateKey, *, secret: str | None) -> None:
    """Make ``manifest`` name ``key`` as its signing key (and prove it, given the secret)."""
    raw = keys.raw_public(key.public_key())
    manifest["key_id"] = keys.key_id(raw)
    manifest["public_key"] = keys.b64(raw)
    if secret is not None:
        manifest["enrollment_proof"] = proof(
            secret, manifest["station"], manifest["enrollment_id"], raw
        )


def seal_zip(
    zip_bytes: bytes,
    hq: X25519PublicKey,
    *,
    station: str,
    sequence: int,
    kind: str = "delta",
) -> bytes:
    return envelope.seal(zip_bytes, hq, kind=kind, station=station, sequence=sequence)


def rebuild(
    parts: Parts,
    key: Ed25519PrivateKey,
    hq: X25519PublicKey,
    *,
    station: str | None = None,
    sequence: int | None = None,
) -> bytes:
    """Sign ``parts.manifest`` with ``key`` (members' hashes recomputed) and seal it to ``hq``.

    The envelope's label (station, sequence) follows the manifest unless given.
    """
    manifest = {k: v for k, v in parts.manifest.items() if k not in ("domain", "members")}
    inner = container.build(manifest, parts.members, key)
    return seal_zip(
        inner,
        hq,
        station=station or str(manifest.get("station")),
        sequence=sequence if sequence is not None else int(manifest.get("sequence", 1)),
        kind=parts.kind,
    )


Entry = tuple[str, bytes] | tuple[str, bytes, int]


def zip_of(entries: Iterable[Entry]) -> bytes:
    """A ZIP holding exactly ``entries`` (name, data[, method]): no name or size checks."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of some tests
        with zipfile.ZipFile(buffer, "w") as zf:
            for entry in entries:
                name, data = entry[0], entry[1]
                method = entry[2] if len(entry) == 3 else zipfile.ZIP_DEFLATED  # type: ignore[misc]
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.compress_type = method
                zf.writestr(info, data)
    return buffer.getvalue()


def entries_of(parts: Parts) -> list[Entry]:
    """The parts as ZIP entries, the way the sync code lays them out (manifest as signed)."""
    return [
        (container.MANIFEST, parts.manifest_bytes(), zipfile.ZIP_STORED),
        (container.SIGNATURE, parts.signature, zipfile.ZIP_STORED),
        *((name, data, zipfile.ZIP_DEFLATED) for name, data in parts.members.items()),
    ]


def signed_entries(
    manifest: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey
) -> list[Entry]:
    """Entries of a correctly signed bundle (as :func:`container.build` makes it)."""
    inner = container.build(
        {k: v for k, v in manifest.items() if k not in ("domain", "members")}, members, key
    )
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        return [(i.filename, zf.read(i.filename), i.compress_type) for i in zf.infolist()]


# ------------------------------------------------------------------ damage


def flip(data: bytes, position: int, mask: int = 0xFF) -> bytes:
    out = bytearray(data)
    out[position] ^= mask
    return bytes(out)


def body_offset(bundle: bytes) -> int:
    """Where the first chunk's length field starts (just after the header)."""
    length = int.from_bytes(bundle[len(envelope.MAGIC) : len(envelope.MAGIC) + 4], "big")
    return len(envelope.MAGIC) + 4 + length
