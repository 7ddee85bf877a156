"""The audit trail's hash chain: pure functions, so every desk and headquarters compute it alike."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(
    *,
    prev_hash: str,
    entry_id: str,
    at: datetime,
    desk_code: str,
    actor: str,
    action: str,
    record_table: str | None,
    record_id: str | None,
    details: Mapping[str, Any] | str,
) -> str:
    """SHA-256 over the previous entry's hash and this entry's fields.

    Changing or removing any entry changes every hash after it, so a verifier that walks the
    chain from the start finds the first entry that does not fit.
    """
    details_json = details if isinstance(details, str) else canonical_json(details)
    payload = canonical_json(
        [
            prev_hash,
            entry_id,
            at.isoformat(),
            desk_code,
            actor,
            action,
            record_table,
            record_id,
            details_json,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def change_hash(
    prev_hash: str, table: str, record_id: str, op: str, version: int, image: str
) -> str:
    """A change-log row's link in the desk's chain of record versions: SHA-256 over the
    previous row's link and this row's record, version and exact image text. Changing,
    removing or reordering a logged version breaks every link after it."""
    return change_link(prev_hash, table, record_id, op, version, image_digest(image))


def image_digest(image: str) -> str:
    """SHA-256 of a row image's exact text (hex)."""
    return hashlib.sha256(image.encode("utf-8")).hexdigest()


def change_link(
    prev_hash: str, table: str, record_id: str, op: str, version: int, digest: str
) -> str:
    """:func:`change_hash` from the image's :func:`image_digest`, for a reader that needs the
    digest itself too."""
    text = "\t".join((prev_hash, table, record_id, op, str(version), digest))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
