"""Sealing a backup file for a second folder (a USB stick): never personal data in plain text.

Layout (the one sealed-file format of :mod:`cplc_desk.sync.sealed`)::

    b"CPLCBAK1" | len | header JSON | (len | chunk)*

The header names the desk and the key (its id, never the key). From header format 2 on, the
header also lists the desk's key files carried (``"keys"``: names only) and the first sealed
chunk holds them (JSON, name -> base64 content): a desk restored from the stick on a new machine
gets its signing keys back along with its records, so headquarters' stations need not be
enrolled again after headquarters' PC dies. Format 1 files (no keys) still open. The rest of
the body is the backup cut into chunks of at most 1 MiB, each sealed with ChaCha20-Poly1305 under the desk's backup key; the
nonce is the chunk counter plus a "last chunk" flag and every chunk's associated data is the
SHA-256 of the header, so a flipped byte, a changed header, reordered, dropped or truncated
chunks all fail to open.

The key is 32 random bytes in the desk's ``keys/backup.key``. The same key, written as a
recovery code (:func:`recovery_code`), lets a replacement machine open the stick's backups when
the desk's own machine is lost: the supervisor keeps it on paper, away from the stick.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _
from cplc_desk.sync import chunked, sealed
from cplc_desk.sync.keys import write_private

MAGIC = b"CPLCBAK1"
CHUNK = sealed.CHUNK
MAX_HEADER = sealed.MAX_HEADER
KEY_FILE = "backup.key"
MAX_KEYS = 64 * 1024  # the key files together are a few hundred bytes


class SealError(DeskError):
    """The sealed file cannot be opened: wrong key, damaged or truncated."""

    default_code = "seal_refused"


@dataclass(frozen=True)
class SealHeader:
    desk_code: str
    site_id: str
    key_id: str
    created_at: str
    raw: bytes
    keys: tuple[str, ...] = ()  # the names of the key files carried in the first chunk


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"cplc-desk/backup-key/" + key).hexdigest()[:16]


def load_or_create_key(keys_dir: Path) -> bytes:
    """The desk's backup key, created (readable by the desk's user only) on first use."""
    path = keys_dir / KEY_FILE
    if path.exists():
        return decode_recovery_code(path.read_text(encoding="ascii"))
    key = secrets.token_bytes(32)
    try:
        write_private(path, (recovery_code(key) + "\n").encode("ascii"))
    except FileExistsError:  # another process made it first: that one is the desk's key
        return decode_recovery_code(path.read_text(encoding="ascii"))
    return key


def recovery_code(key: bytes) -> str:
    """The key as groups of base32 letters, easy to copy by hand."""
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


# Base32 has no 0, 1 or 8: a code copied from paper with those meant O, I and B.
_LOOK_ALIKES = str.maketrans("018", "OIB")


def decode_recovery_code(code: str) -> bytes:
    text = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_LOOK_ALIKES)
    try:
        key = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        raise SealError(_("The backup key is not valid: check each group of letters.")) from None
    if len(key) != 32:
        raise SealError(_("The backup key is not valid: check each group of letters."))
    return key


def is_sealed(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def seal_file(
    source: Path,
    target: BinaryIO,
    key: bytes,
    *,
    desk_code: str,
    site_id: str,
    created_at: str,
    keys: Mapping[str, bytes] | None = None,
) -> None:
    """Seal the file at ``source`` into ``target``, with the desk's ``keys`` files if given."""
    fields: dict[str, object] = {
        "format": 1,
        "desk_code": desk_code,
        "site_id": site_id,
        "key_id": key_id(key),
        "created_at": created_at,
    }
    head: list[bytes] = []
    if keys:
        fields.update(format=2, keys=sorted(keys))
        blob = {name: base64.b64encode(data).decode("ascii") for name, data in keys.items()}
        head.append(json.dumps(blob, sort_keys=True).encode("ascii"))
    header = json.dumps(fields, sort_keys=True).encode("utf-8")
    with source.open("rb") as fh:
        body = chain(head, iter(lambda: fh.read(CHUNK), b""))
        for piece in sealed.seal(PROFILE, header, ChaCha20Poly1305(key), body):
            target.write(piece)


# ------------------------------------------------------------------ refusals


def _cut_short(_what: str = "") -> SealError:
    return SealError(_("The backup file is cut short (copied incompletely?)."))


def _damaged(_reason: str = "") -> SealError:
    return SealError(_("The backup file is damaged."))


def _not_sealed(_start: bytes) -> SealError:
    return SealError(_("This is not a sealed CPLC Desk backup."))


def _chunk_refusal(problem: chunked.ChunkProblem) -> SealError:
    if problem.kind == chunked.ChunkProblem.TRUNCATED:
        return _cut_short()
    if problem.kind == chunked.ChunkProblem.TOO_LONG:
        return _damaged()
    if problem.kind == chunked.ChunkProblem.TRAILING:
        return SealError(_("The backup file is damaged (data after its end)."))
    return SealError(_("The backup file is damaged (it does not authenticate)."))


PROFILE = sealed.Profile(MAGIC, _not_sealed, _cut_short, _damaged, _chunk_refusal)


# ------------------------------------------------------------------ reading


def _parse_header(fields: Any, raw: bytes) -> SealHeader:
    if fields.get("format") not in (1, 2):
        raise SealError(
            _(
                "This backup was made by a newer version of CPLC Desk. Install that version "
                "to restore it."
            )
        )
    carried = fields.get("keys", []) if fields.get("format") == 2 else []
    if not isinstance(carried, list) or not all(isinstance(n, str) for n in carried):
        raise TypeError
    return SealHeader(
        str(fields["desk_code"]),
        str(fields["site_id"]),
        str(fields["key_id"]),
        str(fields["created_at"]),
        raw,
        tuple(carried),
    )


def read_header(fh: BinaryIO) -> SealHeader:
    # Unauthenticated: any JSON at all, nested as deep as it likes or with huge numbers.
    return sealed.read_header(fh, PROFILE, _parse_header)


def open_file(source: Path, target: BinaryIO, key: bytes) -> tuple[SealHeader, dict[str, bytes]]:
    """Write the plain backup to ``target`` and return the header and the key files carried
    (none before format 2); SealError if anything does not authenticate."""
    with source.open("rb") as fh:
        header = read_header(fh)
        if header.key_id != key_id(key):
            raise SealError(
                _(
                    "This backup was sealed with another key (desk {code}). Give that desk's "
                    "backup key."
                ).format(code=header.desk_code),
                code="backup_key_needed",
            )
        carried: dict[str, bytes] = {}
        chunks = sealed.open_stream(fh, PROFILE, header.raw, ChaCha20Poly1305(key))
        if header.keys:
            carried = _key_files(next(chunks, b""), header.keys)
        for plain in chunks:
            target.write(plain)
        return header, carried


def _key_files(blob: bytes, names: tuple[str, ...]) -> dict[str, bytes]:
    # Authenticated already: a mismatch here is a bug or a forged file made with the key itself.
    try:
        if len(blob) > MAX_KEYS:
            raise ValueError
        fields = json.loads(blob)
        if sorted(fields) != sorted(names):
            raise ValueError
        return {str(n): base64.b64decode(fields[n], validate=True) for n in names}
    except (ValueError, TypeError, RecursionError):
        raise SealError(_("The backup file is damaged (its key section).")) from None
