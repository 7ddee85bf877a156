"""Headquarters' private keys carried to a further workstation of the same server, sealed with a
passphrase.

``export`` writes the two key files (signing and encryption) into one file: a JSON header
(format, scrypt's parameters and salt, the keys' ids) and the keys encrypted with AES-256-GCM
under a key derived from the passphrase by scrypt; the header is the cipher's associated data,
so a changed header does not open. ``import`` opens it with the passphrase and writes the keys
into the joining workstation's ``keys/`` folder (owner-only), never over keys already there.
Both need the ``manage keys`` permission (headquarters' administrator). See docs/security.md.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.hq.sync_hq import hq_keys, require_hq
from cplc_desk.sync import keys
from cplc_desk.sync.files import write_atomically

FORMAT = "cplc-hq-keys"
SUFFIX = ".cplckeys"
MIN_PASSPHRASE = 12
MAX_FILE_BYTES = 64 * 1024
_N, _R, _P = 2**15, 8, 1
KEY_FILES = (keys.HQ_SIGNING, keys.HQ_ENCRYPTION)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def export_keys(ctx: DeskContext, out: Path, passphrase: str) -> Path:
    """Seal headquarters' private keys into ``out`` with ``passphrase``."""
    require_hq(ctx)
    ctx.require(Permission.MANAGE_KEYS)
    if len(passphrase) < MIN_PASSPHRASE:
        raise ServiceError(
            _("The passphrase is too short: use at least {n} characters.").format(n=MIN_PASSPHRASE),
            code="weak_passphrase",
        )
    signing, encryption = hq_keys(ctx)  # refuses missing or damaged keys
    plain = json.dumps(
        {
            name: base64.b64encode((ctx.paths.keys / name).read_bytes()).decode()
            for name in KEY_FILES
        }
    ).encode("ascii")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps(
        {
            "format": FORMAT,
            "version": 1,
            "kdf": {"name": "scrypt", "n": _N, "r": _R, "p": _P, "salt": keys.b64(salt)},
            "signing_key": keys.key_id(signing.public_key()),
            "encryption_key": keys.key_id(encryption.public_key()),
        },
        sort_keys=True,
    ).encode("utf-8")
    sealed = AESGCM(_derive(passphrase, salt, _N, _R, _P)).encrypt(nonce, plain, header)
    body = {"header": header.decode("utf-8"), "nonce": keys.b64(nonce), "sealed": keys.b64(sealed)}
    write_atomically(out, (json.dumps(body) + "\n").encode("utf-8"))
    return out


def import_keys(ctx: DeskContext, file: Path, passphrase: str) -> tuple[str, ...]:
    """Open a sealed key file and put the keys in this workstation's ``keys/`` folder; the
    names of the files written (none if this workstation had them already)."""
    require_hq(ctx)
    ctx.require(Permission.MANAGE_KEYS)
    files = _open(file, passphrase)
    written = []
    for name in KEY_FILES:
        path = ctx.paths.keys / name
        if path.exists():
            if path.read_bytes() != files[name]:
                raise ServiceError(
                    _(
                        "This workstation already has other headquarters keys in {dir}. Nothing "
                        "was changed. Move them away first if they are not this server's."
                    ).format(dir=ctx.paths.keys),
                    code="other_hq_keys",
                )
            continue
        keys.write_private(path, files[name])
        written.append(name)
    hq_keys(ctx)  # both load
    return tuple(written)


def _open(file: Path, passphrase: str) -> dict[str, bytes]:
    bad = ServiceError(
        _("{file} is not a sealed key file of headquarters.").format(file=file.name),
        code="bad_key_file",
    )
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise bad
        body = json.loads(file.read_text(encoding="utf-8"))
        header = str(body["header"]).encode("utf-8")
        fields = json.loads(header)
        kdf = fields["kdf"]
        if fields.get("format") != FORMAT or kdf.get("name") != "scrypt":
            raise bad
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if n > 2**20 or r > 16 or p > 4:  # bounded work for a file from anywhere
            raise bad
        key = _derive(passphrase, keys.unb64(kdf["salt"]), n, r, p)
        nonce, sealed = keys.unb64(body["nonce"]), keys.unb64(body["sealed"])
    except OSError as exc:
        raise ServiceError(
            _("Cannot read {path}: {reason}").format(path=file, reason=exc.strerror)
        ) from None
    except (ValueError, KeyError, TypeError):
        raise bad from None
    try:
        plain = AESGCM(key).decrypt(nonce, sealed, header)
    except (InvalidTag, ValueError):
        raise ServiceError(
            _("The passphrase does not open {file}. Nothing was changed.").format(file=file.name),
            code="wrong_passphrase",
        ) from None
    blob = json.loads(plain)
    return {name: base64.b64decode(blob[name]) for name in KEY_FILES}
