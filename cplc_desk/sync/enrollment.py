"""Enrollment files: the one file headquarters hands a station to set it up.

The file carries the station's identity, headquarters' public keys and a one-time secret, and
is signed by headquarters. The station makes its own signing key (it never leaves the station)
and proves it belongs to this enrollment in its bundles with an HMAC under the secret, so
headquarters binds the key to the station on the first bundle it receives.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import b64, ed25519_public, key_id, unb64

ENROLLMENT_DOMAIN = "cplc-desk/enrollment/v1"
PROOF_DOMAIN = b"cplc-desk/enrollment-proof/v1"
MAX_FILE = 64 * 1024


@dataclass(frozen=True)
class Enrollment:
    enrollment_id: str
    station_code: str
    station_name: str
    district_code: str | None
    hq_name: str
    hq_signing_key: str  # base64 raw Ed25519
    hq_encryption_key: str  # base64 raw X25519
    secret: str  # base64, 32 bytes
    issued_at: datetime
    expires_at: datetime
    # The last bundle headquarters holds from this station (0: none). A new, empty desk must not
    # take this enrollment without the station's snapshot, or its bundles would start again at
    # 1 and fork the station's history. Left out of the file when 0 (files from before it).
    last_sequence: int = 0

    def payload(self) -> dict[str, object]:
        payload: dict[str, object] = {
            "domain": ENROLLMENT_DOMAIN,
            "enrollment_id": self.enrollment_id,
            "station": {
                "code": self.station_code,
                "name": self.station_name,
                "district": self.district_code,
            },
            "hq": {
                "name": self.hq_name,
                "signing_key": self.hq_signing_key,
                "encryption_key": self.hq_encryption_key,
            },
            "secret": self.secret,
            "issued_at": self.issued_at.isoformat(),
            "expires_at": self.expires_at.isoformat(),
        }
        if self.last_sequence:
            payload["history"] = {"last_sequence": self.last_sequence}
        return payload


def write(enrollment: Enrollment, hq_key: Ed25519PrivateKey) -> bytes:
    body = canonical(enrollment.payload())
    return canonical({"enrollment": body.decode(), "signature": b64(hq_key.sign(body))}) + b"\n"


def read(data: bytes, now: datetime) -> Enrollment:
    """Parse and check an enrollment file: signature by the headquarters key it names, expiry."""
    bad = SyncError("bad_enrollment")
    if len(data) > MAX_FILE:
        raise bad
    try:
        outer = json.loads(data)
        body = outer["enrollment"].encode()
        signature = unb64(outer["signature"])
        fields = json.loads(body)
        if fields.get("domain") != ENROLLMENT_DOMAIN:
            raise ValueError("domain")
        hq = fields["hq"]
        station = fields["station"]
        last_sequence = (fields.get("history") or {}).get("last_sequence", 0)
        if not isinstance(last_sequence, int) or isinstance(last_sequence, bool):
            raise TypeError("history")
        if last_sequence < 0:
            raise ValueError("history")
        enrollment = Enrollment(
            enrollment_id=str(fields["enrollment_id"]),
            station_code=str(station["code"]),
            station_name=str(station["name"]),
            district_code=station.get("district"),
            hq_name=str(hq["name"]),
            hq_signing_key=str(hq["signing_key"]),
            hq_encryption_key=str(hq["encryption_key"]),
            secret=str(fields["secret"]),
            issued_at=datetime.fromisoformat(fields["issued_at"]),
            expires_at=datetime.fromisoformat(fields["expires_at"]),
            last_sequence=last_sequence,
        )
        if enrollment.issued_at.tzinfo is None or enrollment.expires_at.tzinfo is None:
            raise ValueError("a time without its zone cannot be compared")
        ed25519_public(unb64(enrollment.hq_signing_key)).verify(signature, body)
    except (ValueError, KeyError, TypeError, AttributeError, InvalidSignature):
        raise bad from None
    if now > enrollment.expires_at:
        raise SyncError("enrollment_expired", date=enrollment.expires_at.date().isoformat())
    return enrollment


def proof(secret_b64: str, station_code: str, enrollment_id: str, public_key_raw: bytes) -> str:
    """HMAC-SHA256 binding a station key to an enrollment; only holders of the secret can make it."""
    message = b"|".join(
        [PROOF_DOMAIN, station_code.encode(), enrollment_id.encode(), public_key_raw]
    )
    return hmac.new(unb64(secret_b64), message, hashlib.sha256).hexdigest()


def proof_ok(
    secret_b64: str, station_code: str, enrollment_id: str, key_raw: bytes, given: str
) -> bool:
    return hmac.compare_digest(proof(secret_b64, station_code, enrollment_id, key_raw), given)


def hq_key_id(enrollment: Enrollment) -> str:
    return key_id(unb64(enrollment.hq_encryption_key))
