"""The signed content inside the envelope: a ZIP held in memory with a fixed set of members.

``manifest.json`` describes the bundle and lists the SHA-256 and size of every other member;
``manifest.sig`` is the station's Ed25519 signature over the exact bytes of ``manifest.json``,
whose ``domain`` field ("cplc-desk/bundle/v1") keeps the signature from being reused for
anything else. Reading never extracts to disk, accepts only the expected member names, and caps
member count, sizes, line length and compression ratio before decompressing anything.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cplc_desk.domain.i18n import _
from cplc_desk.sync.errors import SyncError

BUNDLE_DOMAIN = "cplc-desk/bundle/v1"
BUNDLE_FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.tsv"
AUDIT = "audit.jsonl"
DATA_MEMBERS = (CHANGES, AUDIT)
MAX_MANIFEST = 1 << 20
MAX_MEMBER = 4 << 30
MAX_RATIO = 200
MAX_LINE = 4 << 20
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # member times are not content; keeps output reproducible
# What reading a ZIP member can raise besides SyncError: a broken deflate stream (zlib.error),
# a stream that stops early (EOFError), a CRC or size mismatch (BadZipFile).
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def build(
    manifest: dict[str, Any],
    members: dict[str, bytes],
    key: Ed25519PrivateKey,
    *,
    domain: str = BUNDLE_DOMAIN,
) -> bytes:
    """Sign the manifest (after adding its domain tag and member hashes) and pack everything
    into a ZIP. Station snapshots use the same layout under their own domain tag."""
    manifest = dict(manifest)
    manifest["domain"] = domain
    manifest["members"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in members.items()
    }
    manifest_bytes = canonical(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data, method in (
            (MANIFEST, manifest_bytes, zipfile.ZIP_STORED),
            (SIGNATURE, key.sign(manifest_bytes), zipfile.ZIP_STORED),
            *((n, d, zipfile.ZIP_DEFLATED) for n, d in members.items()),
        ):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = method
            zf.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


@dataclass
class OpenedBundle:
    """A bundle whose structure was checked; the signature is checked by :meth:`verify`."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    zip: zipfile.ZipFile

    @property
    def manifest_hash(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    def verify(self, public_key: Ed25519PublicKey) -> None:
        try:
            public_key.verify(self.signature, self.manifest_bytes)
        except InvalidSignature:
            raise SyncError(
                "bad_signature",
                _(
                    "The bundle's signature does not match the station's key: it was changed "
                    "after the station signed it, or signed by someone else. Do not import it; "
                    "ask the station to write the bundle again."
                ),
            ) from None

    def check_members(self) -> None:
        """Every data member's SHA-256 and size match the signed manifest."""
        for name in DATA_MEMBERS:
            try:
                expected = dict(self.manifest["members"][name])
            except (KeyError, TypeError, ValueError):
                raise _damaged(_("the manifest does not list {name}").format(name=name)) from None
            digest = hashlib.sha256()
            size = 0
            with _reading(name), self.zip.open(name) as fh:
                while block := fh.read(1 << 20):
                    digest.update(block)
                    size += len(block)
            declared = self.zip.getinfo(name).file_size  # the archive's own word, too
            if (
                digest.hexdigest() != expected.get("sha256")
                or size != expected.get("size")
                or size != declared
            ):
                raise SyncError(
                    "damaged",
                    _(
                        "The bundle's {member} does not match its signed manifest: it was "
                        "changed after the station signed it. Do not import it; call the station."
                    ).format(member=name),
                )

    def raw_lines(self, name: str) -> Iterator[bytes]:
        """A member's non-empty lines (without the newline), streamed in large blocks."""
        with _reading(name), self.zip.open(name) as fh:
            tail = b""
            while block := fh.read(4 << 20):
                parts = (tail + block).split(b"\n")
                tail = parts.pop()
                # A finished line can be longer than the cap too: it may span two blocks.
                if len(tail) > MAX_LINE or any(len(p) > MAX_LINE for p in parts):
                    raise _damaged(_("a line is far too long"))
                yield from (p for p in parts if p)
            if tail:
                yield tail

    def lines(self, name: str) -> Iterator[dict[str, Any]]:
        """Parsed JSON lines of a member, streamed (never the whole member in memory)."""
        for number, raw in enumerate(self.raw_lines(name), start=1):
            try:
                item = json.loads(raw)
            except (ValueError, RecursionError):
                item = None
            if not isinstance(item, dict):
                raise _damaged(_("line {n} of {member} is not valid").format(n=number, member=name))
            yield item


def _damaged(reason: str) -> SyncError:
    return SyncError(
        "damaged",
        _(
            "The bundle's content is not a valid CPLC Desk bundle ({reason}). It was not "
            "imported. Ask the station to write the bundle again; if the new copy is refused "
            "too, call the station."
        ).format(reason=reason),
    )


@contextmanager
def _reading(name: str) -> Iterator[None]:
    """Turn the ZIP reader's own errors for member ``name`` into a refusal."""
    try:
        yield
    except _READ_ERRORS:
        raise _damaged(_("{name} cannot be read").format(name=name)) from None


def open_container(data: bytes) -> OpenedBundle:
    """Check the ZIP's structure against the caps, then read the manifest and signature."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _damaged("not an archive") from None
    names = [i.filename for i in infos]
    expected = {MANIFEST, SIGNATURE, *DATA_MEMBERS}
    if len(names) != len(set(names)) or set(names) != expected:
        unexpected = sorted(set(names) - expected) or sorted(expected - set(names))
        raise _damaged(
            _("unexpected or missing parts: {names}").format(names=", ".join(unexpected))
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise _damaged("encrypted member")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged("unsupported compression")
        limit = MAX_MANIFEST if info.filename in (MANIFEST, SIGNATURE) else MAX_MEMBER
        if info.file_size > limit:
            raise SyncError(
                "too_large",
                _(
                    "A part of the bundle ({name}) is larger than allowed, so it was not opened. "
                    "Do not import it; call the station."
                ).format(name=info.filename),
            )
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1024:
            raise _damaged(_("a part expands suspiciously (a 'zip bomb')"))
    try:
        manifest_bytes = zf.read(MANIFEST)
        signature = zf.read(SIGNATURE)
        manifest = json.loads(manifest_bytes)
    except (*_READ_ERRORS, RecursionError):
        raise _damaged("unreadable manifest") from None
    if (
        len(manifest_bytes) != zf.getinfo(MANIFEST).file_size
        or len(signature) != zf.getinfo(SIGNATURE).file_size
    ):  # the reader trusts a size that lies short or long: refuse it outright
        raise _damaged("unreadable manifest")
    if not isinstance(manifest, dict) or manifest.get("domain") != BUNDLE_DOMAIN:
        raise _damaged("not a station bundle manifest")
    if len(signature) != 64:
        raise _damaged("bad signature block")
    return OpenedBundle(manifest, manifest_bytes, signature, zf)
