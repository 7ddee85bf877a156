"""Keyed pseudonyms of CNICs and phone numbers for the audit trail.

The trail never holds a full CNIC or phone (it travels to headquarters and is exported by
supervisors). A masked value alone hides only five digits, so an unkeyed hash could be reversed
by trying them all; the pseudonym is an HMAC under a random key kept in this store's
``store_meta`` (so it travels with the store's backups, never in a bundle). Given a CNIC, the
desk can compute its pseudonym and find who searched for it or changed it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.orm import Session

from cplc_desk.domain.validation import normalize_digits
from cplc_desk.storage.models import StoreMeta

KEY_NAME = "audit.pseudonym_key"
_CACHE = "cplc_pseudonym_key"


def _key(session: Session) -> bytes:
    cached: bytes | None = session.info.get(_CACHE)
    if cached is not None:
        return cached
    with session.no_autoflush:
        row = session.get(StoreMeta, KEY_NAME)
    if row is None:
        row = StoreMeta(key=KEY_NAME, value=secrets.token_hex(32))
        session.add(row)
    key = bytes.fromhex(row.value)
    session.info[_CACHE] = key
    return key


def has_key(session: Session) -> bool:
    """Whether this store has its pseudonym key yet (the first pseudonym made writes it)."""
    with session.no_autoflush:
        return session.info.get(_CACHE) is not None or session.get(StoreMeta, KEY_NAME) is not None


def pseudonym(session: Session, value: str) -> str:
    """A short keyed fingerprint of a CNIC or phone (digits only, so formatting never matters)."""
    digits = normalize_digits(value)
    return hmac.new(_key(session), digits.encode("ascii"), hashlib.sha256).hexdigest()[:20]
