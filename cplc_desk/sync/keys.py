"""Keys: Ed25519 for signatures, X25519 for encryption to headquarters.

Private keys live as PKCS#8 PEM files in the desk's ``keys/`` folder, readable only by their
owner (mode 0600; on Windows the folder sits in the user's profile). Public keys travel as raw
bytes in base64; a key id is the first 16 hex digits of the SHA-256 of the raw public key.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

PrivateKey = Ed25519PrivateKey | X25519PrivateKey
PublicKey = Ed25519PublicKey | X25519PublicKey

HQ_SIGNING = "hq-signing.pem"
HQ_ENCRYPTION = "hq-encryption.pem"
STATION_SIGNING = "station-signing.pem"


def raw_public(key: PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_id(key: PublicKey | bytes) -> str:
    raw = key if isinstance(key, bytes) else raw_public(key)
    return hashlib.sha256(raw).hexdigest()[:16]


def ed25519_public(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def x25519_public(raw: bytes) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(raw)


def public_pem(key: PublicKey) -> bytes:
    """SubjectPublicKeyInfo PEM, the form ``openssl pkeyutl -pubin`` reads."""
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def save_private(key: PrivateKey, path: Path) -> None:
    """Write a private key readable only by its owner, atomically, never over an existing key."""
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    write_private(path, pem)


def write_private(path: Path, data: bytes) -> None:
    """Write a secret file readable only by its owner, atomically (a crash leaves the old state
    or the whole file), never over an existing one (FileExistsError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not every file system keeps modes
        os.chmod(path.parent, 0o700)
    if path.exists():
        raise FileExistsError(path)
    tmp = path.with_name(path.name + ".partial")
    # A leftover from a crash keeps its own mode if opened again: start from a new file.
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def load_ed25519(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path.name} is not an Ed25519 key")
    return key


def load_x25519(path: Path) -> X25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, X25519PrivateKey):
        raise ValueError(f"{path.name} is not an X25519 key")
    return key


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def new_encryption_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()
