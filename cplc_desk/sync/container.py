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
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cplc_desk.sync import chunked
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
# A chunk of the sealed file around the ZIP that no longer authenticates (ChunkProblem) is
# damage too.
_READ_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
    chunked.ChunkProblem,
)  # fmt: skip


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
            raise SyncError("bad_signature", "bundle.bad_signature") from None

    def check_members(self) -> None:
        """Every data member's SHA-256 and size match the signed manifest."""
        for name in DATA_MEMBERS:
            try:
                expected = dict(self.manifest["members"][name])
            except (KeyError, TypeError, ValueError):
                raise _damaged("member_unlisted", name=name) from None
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
                raise SyncError("damaged", "bundle.member_changed", member=name)

    def member_blocks(self, name: str) -> Iterator[bytes]:
        """A member's bytes in blocks of at most 1 MiB (the manifest and signature too)."""
        with _reading(name), self.zip.open(name) as fh:
            while block := fh.read(1 << 20):
                yield block

    def raw_lines(self, name: str) -> Iterator[bytes]:
        """A member's non-empty lines (without the newline), streamed in large blocks."""
        with _reading(name), self.zip.open(name) as fh:
            tail = b""
            while block := fh.read(4 << 20):
                parts = (tail + block).split(b"\n")
                tail = parts.pop()
                # A finished line can be longer than the cap too: it may span two blocks.
                if len(tail) > MAX_LINE or any(len(p) > MAX_LINE for p in parts):
                    raise _damaged("line_too_long")
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
                raise _damaged("line_invalid", n=number, member=name)
            yield item


def _damaged(reason: str, **params: Any) -> SyncError:
    """The bundle's content is not valid, for ``reason`` (a wording key, or the reader's own
    word for what it met)."""
    return SyncError("damaged", "bundle.content_invalid", reason=reason, **params)


@contextmanager
def _reading(name: str) -> Iterator[None]:
    """Turn the ZIP reader's own errors for member ``name`` into a refusal."""
    try:
        yield
    except _READ_ERRORS:
        raise _damaged("member_unreadable", name=name) from None


MAX_DIRECTORY = 64 * 1024  # a ZIP's central directory: a few hundred bytes per member
MAX_MEMBERS = 16  # four are expected: a few more are named in the refusal, not counted
_END = struct.Struct("<4s4H2LH")  # the end-of-central-directory record, 22 bytes
_END_SIGNATURE = b"PK\x05\x06"


def check_directory(fh: IO[bytes] | chunked.ChunkView, *, max_entries: int) -> None:
    """Refuse a ZIP whose central directory claims more members or bytes than ``max_entries``
    allow, before :mod:`zipfile` reads it: it would hold the whole directory (up to the whole
    file) and an object per member in memory. Finds the end record as zipfile does."""
    fh.seek(0, io.SEEK_END)
    size = fh.tell()
    if size < _END.size:
        raise zipfile.BadZipFile("too short")
    fh.seek(size - _END.size)
    end = fh.read(_END.size)
    if not (end[:4] == _END_SIGNATURE and end[-2:] == b"\0\0"):
        start = max(size - (1 << 16) - _END.size, 0)
        fh.seek(start)
        tail = fh.read(size - start)
        found = tail.rfind(_END_SIGNATURE)
        if found < 0 or len(tail) - found < _END.size:
            raise zipfile.BadZipFile("no end record")
        end = tail[found : found + _END.size]
    _sig, _disk, _cd_disk, _here, entries, directory_size, offset, _comment = _END.unpack(end)
    if (
        entries > max_entries
        or directory_size > MAX_DIRECTORY
        or 0xFFFF in (_disk, _cd_disk, _here, entries)
        or 0xFFFFFFFF in (directory_size, offset)  # ZIP64: never written for our files
    ):
        raise _damaged("too_many_parts")
    fh.seek(0)


def open_zip(
    data: bytes | IO[bytes] | chunked.ChunkView, damaged: Callable[[str], SyncError]
) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The ZIP in ``data`` (or a seekable file holding it) and its members, once its directory
    is within the caps; refused in the words of ``damaged`` (bundles' or snapshots')."""
    fh = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        try:
            check_directory(fh, max_entries=MAX_MEMBERS)
        except SyncError:  # said again in the caller's words
            raise damaged("too_many_parts") from None
        zf = zipfile.ZipFile(cast(IO[bytes], fh))
        return zf, zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError,
            chunked.ChunkProblem):  # fmt: skip
        raise damaged("not an archive") from None


def open_container(data: bytes | IO[bytes] | chunked.ChunkView) -> OpenedBundle:
    """Check the ZIP's structure against the caps, then read the manifest and signature.
    ``data`` is the ZIP or a seekable file holding it (read member by member, never whole)."""
    zf, infos = open_zip(data, _damaged)
    names = [i.filename for i in infos]
    expected = {MANIFEST, SIGNATURE, *DATA_MEMBERS}
    if len(names) != len(set(names)) or set(names) != expected:
        unexpected = sorted(set(names) - expected) or sorted(expected - set(names))
        raise _damaged("parts_unexpected", names=", ".join(unexpected))
    for info in infos:
        if info.flag_bits & 0x1:
            raise _damaged("encrypted member")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged("unsupported compression")
        limit = MAX_MANIFEST if info.filename in (MANIFEST, SIGNATURE) else MAX_MEMBER
        if info.file_size > limit:
            raise SyncError("too_large", "bundle.part_too_large", name=info.filename)
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1024:
            raise _damaged("zip_bomb")
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
