"""The three sealed file kinds keep their exact bytes: files written by the writers as they were
before the one sealed-file module (kept here, verbatim in substance) still open, and the
writers of today produce the same bytes from the same randomness."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cplc_desk.services.backups import backup_seal
from cplc_desk.sync import envelope, keys, snapshot

_U32 = struct.Struct(">I")
CHUNK = 1 << 20
SECRET = base64.b64encode(b"s" * 32).decode()
BACKUP_KEY = b"k" * 32


# ------------------------------------------------------------------ the old writers


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _old_chunks(aead: ChaCha20Poly1305, aad: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    it = iter(chunks)
    current = next(it, b"")
    counter = 0
    for following in it:
        sealed = aead.encrypt(_nonce(counter, False), current, aad)
        yield _U32.pack(len(sealed)) + sealed
        current, counter = following, counter + 1
    sealed = aead.encrypt(_nonce(counter, True), current, aad)
    yield _U32.pack(len(sealed)) + sealed


def _pieces(data: bytes) -> list[bytes]:
    return [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)]


def old_envelope(plain: bytes, recipient: X25519PublicKey, station: str, sequence: int) -> bytes:
    content_key = os.urandom(32)
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
    wrapped = suite.encrypt(content_key, recipient, info=b"cplc-desk/envelope/v1")
    header = json.dumps(
        {
            "format": 1,
            "kind": "delta",
            "station": station,
            "sequence": sequence,
            "recipient": keys.key_id(recipient),
            "wrapped_key": keys.b64(wrapped),
            "chunk_size": CHUNK,
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    aad = hashlib.sha256(header).digest()
    body = _old_chunks(ChaCha20Poly1305(content_key), aad, _pieces(plain))
    return b"CPLCENV1" + _U32.pack(len(header)) + header + b"".join(body)


def old_snapshot(inner: bytes, salt: bytes, station: str, enrollment_id: str) -> bytes:
    fields = {
        "format": 1,
        "kind": "station-snapshot",
        "station": station,
        "enrollment_id": enrollment_id,
        "salt": keys.b64(salt),
        "chunk_size": CHUNK,
    }
    header = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    info = b"|".join([b"cplc-desk/snapshot-key/v1", station.encode(), enrollment_id.encode()])
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(
        base64.b64decode(SECRET)
    )
    body = _old_chunks(ChaCha20Poly1305(key), hashlib.sha256(header).digest(), _pieces(inner))
    return b"CPLCSNP1" + _U32.pack(len(header)) + header + b"".join(body)


def old_backup(plain: bytes, carried: dict[str, bytes] | None) -> bytes:
    kid = hashlib.sha256(b"cplc-desk/backup-key/" + BACKUP_KEY).hexdigest()[:16]
    fields: dict[str, object] = {
        "format": 1,
        "desk_code": "CLIF-1",
        "site_id": "CLIF",
        "key_id": kid,
        "created_at": "2026-11-24T10:00:00",
    }
    head: list[bytes] = []
    if carried:
        fields.update(format=2, keys=sorted(carried))
        blob = {n: base64.b64encode(d).decode("ascii") for n, d in carried.items()}
        head.append(json.dumps(blob, sort_keys=True).encode("ascii"))
    header = json.dumps(fields, sort_keys=True).encode("utf-8")
    aad = hashlib.sha256(header).digest()
    body = _old_chunks(ChaCha20Poly1305(BACKUP_KEY), aad, [*head, *_pieces(plain)])
    return b"CPLCBAK1" + _U32.pack(len(header)) + header + b"".join(body)


# ------------------------------------------------------------------ they still open

PLAIN = os.urandom(CHUNK * 2 + 333)


@pytest.mark.parametrize("plain", [b"", b"small", PLAIN])
def test_old_envelope_still_opens(plain: bytes) -> None:
    hq = keys.new_encryption_key()
    data = old_envelope(plain, hq.public_key(), "CLIF", 7)
    assert data[:12] == b"CPLCENV1" + _U32.pack(data.find(b"}") - 11)
    fh = io.BytesIO(data)
    header = envelope.read_header(fh)
    assert (header.kind, header.station, header.sequence) == ("delta", "CLIF", 7)
    assert envelope.open_body_bytes(fh, header, hq, 1 << 30) == plain


@pytest.mark.parametrize("plain", [b"", PLAIN])
def test_old_snapshot_still_opens_and_new_writes_the_same(
    plain: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    salt = b"\x07" * 16
    data = old_snapshot(plain, salt, "CLIF", "enr-1")
    fh = io.BytesIO(data)
    header = snapshot.read_header(fh)
    assert (header.station, header.enrollment_id, header.salt) == ("CLIF", "enr-1", salt)
    assert snapshot.open_body(fh, header, SECRET).read() == plain
    monkeypatch.setattr(os, "urandom", lambda n: salt[:n])
    assert snapshot.seal(plain, secret_b64=SECRET, station="CLIF", enrollment_id="enr-1") == data


@pytest.mark.parametrize("carried", [None, {"backup.key": b"abc", "hq.key": b"\x00\x01"}])
def test_old_backup_still_opens_and_new_writes_the_same(
    carried: dict[str, bytes] | None, tmp_path: Path
) -> None:
    data = old_backup(PLAIN, carried)
    (tmp_path / "old.sealed").write_bytes(data)
    out = io.BytesIO()
    header, keys_back = backup_seal.open_file(tmp_path / "old.sealed", out, BACKUP_KEY)
    assert out.getvalue() == PLAIN and keys_back == (carried or {})
    assert (header.desk_code, header.site_id) == ("CLIF-1", "CLIF")
    assert header.keys == tuple(sorted(carried or {}))
    (tmp_path / "plain.db").write_bytes(PLAIN)
    again = io.BytesIO()
    backup_seal.seal_file(
        tmp_path / "plain.db",
        again,
        BACKUP_KEY,
        desk_code="CLIF-1",
        site_id="CLIF",
        created_at="2026-11-24T10:00:00",
        keys=carried,
    )
    assert again.getvalue() == data
