"""The hotlist file: every open stolen/snatched vehicle city-wide, signed by headquarters.

Layout (see docs/hotlist.md)::

    CPLC-HOTLIST/1\\n
    {"manifest": "<canonical manifest JSON>", "signature": "<base64 Ed25519>"}\\n
    <gzip-compressed JSON Lines, one vehicle per line>

The manifest carries the domain tag ``cplc-desk/hotlist/v1`` (so an HQ signature over an
enrollment file can never pass for a hotlist, nor the reverse), the sequence number, issue and
expiry times, headquarters' key id, the entry count and the SHA-256 and size of the compressed
body. Reading checks, in order: the magic line, the header size, the key id, the signature,
the domain, the body hash, the expiry; only then is the body decompressed (with a size cap)
and every entry checked. Nothing in it is personal data: no owner, CNIC, phone or address.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cplc_desk.domain.i18n import _
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import b64, ed25519_public, key_id, raw_public, unb64

HOTLIST_DOMAIN = "cplc-desk/hotlist/v1"
HOTLIST_FORMAT = 1
MAGIC = b"CPLC-HOTLIST/1\n"
SUFFIX = ".cplchot"
BODY_ENCODING = "gzip+jsonl"
MAX_HEADER = 64 * 1024
MAX_FILE = 256 << 20
MAX_BODY = 1 << 30  # decompressed
MAX_ENTRIES = 2_000_000

# What one entry holds: identifiers and what a desk needs to act. Never the owner.
TEXT_FIELDS = ("number", "kind", "vehicle_class", "police_station")
# The *_key fields are the matching keys the registering desk stored with the report
# (cplc_desk.domain.validation), carried as they are so a station looks up exactly what
# headquarters holds.
KEY_FIELDS = ("registration_key", "chassis_key", "engine_key")
OPTIONAL_TEXT = (
    "registration", "chassis", "engine", *KEY_FIELDS, "make", "model", "colour", "fir_number",
)  # fmt: skip
ENTRY_FIELDS = (*TEXT_FIELDS, *OPTIONAL_TEXT, "model_year", "incident_at", "fir_date")
THEFT_KINDS = ("stolen", "snatched")


@dataclass(frozen=True)
class HotlistHeader:
    sequence: int
    issued_at: datetime
    expires_at: datetime
    hq_name: str
    key_id: str
    entries: int


def file_name(sequence: int) -> str:
    """Zero-padded, so the newest hotlist sorts last in any file list."""
    return f"hotlist-{sequence:06d}{SUFFIX}"


def entry(
    *,
    number: str,
    kind: str,
    vehicle_class: str,
    police_station: str,
    registration: str | None = None,
    chassis: str | None = None,
    engine: str | None = None,
    registration_key: str | None = None,
    chassis_key: str | None = None,
    engine_key: str | None = None,
    make: str | None = None,
    model: str | None = None,
    colour: str | None = None,
    model_year: int | None = None,
    incident_at: datetime | None = None,
    fir_number: str | None = None,
    fir_date: date | None = None,
) -> dict[str, Any]:
    """One line of the body, as JSON-ready values (the only fields a hotlist may carry)."""
    return {
        "number": number, "kind": kind, "vehicle_class": vehicle_class,
        "police_station": police_station, "registration": registration, "chassis": chassis,
        "engine": engine, "registration_key": registration_key, "chassis_key": chassis_key,
        "engine_key": engine_key, "make": make, "model": model, "colour": colour,
        "model_year": model_year,
        "incident_at": incident_at.isoformat() if incident_at else None,
        "fir_number": fir_number, "fir_date": fir_date.isoformat() if fir_date else None,
    }  # fmt: skip


def write(
    header: HotlistHeader, entries: Sequence[dict[str, Any]], key: Ed25519PrivateKey
) -> bytes:
    """The signed file. ``entries`` are made by :func:`entry`."""
    lines = "\n".join(
        json.dumps(e, separators=(",", ":"), ensure_ascii=False, sort_keys=True) for e in entries
    )
    # mtime=0: the same content gives the same bytes (and the same hash) every time.
    body = gzip.compress(lines.encode("utf-8"), compresslevel=6, mtime=0)
    manifest = {
        "domain": HOTLIST_DOMAIN,
        "format": HOTLIST_FORMAT,
        "sequence": header.sequence,
        "issued_at": header.issued_at.isoformat(),
        "expires_at": header.expires_at.isoformat(),
        "hq": {"name": header.hq_name, "key_id": key_id(raw_public(key.public_key()))},
        "entries": len(entries),
        "body": {
            "encoding": BODY_ENCODING,
            "sha256": hashlib.sha256(body).hexdigest(),
            "size": len(body),
        },
    }
    manifest_bytes = canonical(manifest)
    outer = canonical(
        {"manifest": manifest_bytes.decode(), "signature": b64(key.sign(manifest_bytes))}
    )
    return MAGIC + outer + b"\n" + body


# ------------------------------------------------------------------ reading


def _refusal(code: str) -> SyncError:
    messages = {
        "not_hotlist": _(
            "This is not a CPLC Desk hotlist file, or it is damaged. Nothing was imported; the "
            "hotlist this desk holds is unchanged. Copy the newest hotlist-NNNNNN.cplchot file "
            "from headquarters again."
        ),
        "foreign": _(
            "This hotlist was signed by a different headquarters key than the one this desk "
            "was enrolled with. Nothing was imported; the hotlist this desk holds is unchanged. "
            "Use a hotlist from your own headquarters, or enroll this desk again if "
            "headquarters changed its keys."
        ),
        "bad_signature": _(
            "This hotlist file was changed after headquarters signed it, or headquarters did "
            "not make it. Nothing was imported; the hotlist this desk holds is unchanged. Do not "
            "use this file: ask headquarters for a new copy."
        ),
    }
    return SyncError(code, messages[code])


def _damaged(reason: str) -> SyncError:
    return SyncError(
        "damaged",
        _(
            "The hotlist file is signed by headquarters but its content is not valid ({reason}). "
            "Nothing was imported; the hotlist this desk holds is unchanged. Ask headquarters "
            "for a new copy."
        ).format(reason=reason),
    )


def read_header(data: bytes, hq_signing_key: bytes) -> tuple[HotlistHeader, bytes]:
    """Check the signature (by the key this desk knows) and the body hash; return the header
    and the still-compressed body. Raises :class:`SyncError`."""
    if len(data) > MAX_FILE or not data.startswith(MAGIC):
        raise _refusal("not_hotlist")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise _refusal("not_hotlist")
    try:
        outer = json.loads(data[len(MAGIC) : end])
        manifest_bytes = str(outer["manifest"]).encode()
        signature = unb64(str(outer["signature"]))
        manifest = json.loads(manifest_bytes)
        claimed_key = str(manifest["hq"]["key_id"])
    except (ValueError, KeyError, TypeError, RecursionError):
        raise _refusal("not_hotlist") from None
    if claimed_key != key_id(hq_signing_key):
        raise _refusal("foreign")
    try:
        ed25519_public(hq_signing_key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise _refusal("bad_signature") from None
    # Signed by headquarters from here on; the domain keeps any other HQ-signed text out.
    if not isinstance(manifest, dict) or manifest.get("domain") != HOTLIST_DOMAIN:
        raise _refusal("not_hotlist")
    if manifest.get("format") != HOTLIST_FORMAT:
        raise SyncError(
            "newer_format",
            _(
                "This hotlist was written by a newer CPLC Desk. Nothing was imported. Update "
                "this desk's CPLC Desk, then import the hotlist again."
            ),
        )
    body = data[end + 1 :]
    try:
        spec = manifest["body"]
        header = HotlistHeader(
            sequence=int(manifest["sequence"]),
            issued_at=datetime.fromisoformat(manifest["issued_at"]),
            expires_at=datetime.fromisoformat(manifest["expires_at"]),
            hq_name=str(manifest["hq"]["name"]),
            key_id=claimed_key,
            entries=int(manifest["entries"]),
        )
        expected = (str(spec["sha256"]), int(spec["size"]), spec["encoding"])
    except (ValueError, KeyError, TypeError):
        raise _damaged(_("unreadable manifest")) from None
    if expected != (hashlib.sha256(body).hexdigest(), len(body), BODY_ENCODING):
        # The signed manifest names other content: the list itself was changed or cut short.
        raise _refusal("bad_signature")
    if header.issued_at.tzinfo is None or header.expires_at.tzinfo is None:
        raise _damaged(_("times without a time zone"))
    if header.sequence <= 0 or not 0 <= header.entries <= MAX_ENTRIES:
        raise _damaged(_("bad sequence or count"))
    return header, body


def check_expiry(header: HotlistHeader, now: datetime) -> None:
    if now >= header.expires_at:
        raise SyncError(
            "expired",
            _(
                "This hotlist (number {seq}) expired on {date}, so it was not imported: it "
                "would hide thefts reported since. Ask headquarters for a new hotlist."
            ).format(seq=header.sequence, date=header.expires_at.date().isoformat()),
        )


def entries(header: HotlistHeader, body: bytes) -> list[dict[str, Any]]:
    """The body's entries, each checked for the fields and types a hotlist carries."""
    inflater = zlib.decompressobj(wbits=31)  # gzip framing
    try:
        raw = inflater.decompress(body, MAX_BODY)
    except zlib.error:
        raise _damaged(_("the list cannot be decompressed")) from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise _damaged(_("the list is too large or cut short"))
    out = [_checked(line) for line in raw.split(b"\n") if line] if raw else []
    if len(out) != header.entries:
        raise _damaged(_("the number of vehicles does not match"))
    return out


def _checked(line: bytes) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except (ValueError, RecursionError):
        item = None
    if not isinstance(item, dict) or set(item) != set(ENTRY_FIELDS):
        raise _damaged(_("a line is not a hotlist entry"))
    ok = (
        all(isinstance(item[k], str) and item[k] for k in TEXT_FIELDS)
        and all(item[k] is None or isinstance(item[k], str) for k in OPTIONAL_TEXT)
        and (item["model_year"] is None or type(item["model_year"]) is int)
        and item["kind"] in THEFT_KINDS
    )
    if not ok:
        raise _damaged(_("an entry has a wrong field"))
    try:
        item["incident_at"] = _when(item["incident_at"], datetime.fromisoformat)
        item["fir_date"] = _when(item["fir_date"], date.fromisoformat)
    except (TypeError, ValueError):
        raise _damaged(_("an entry has a wrong date")) from None
    return item


def _when(value: Any, parse: Any) -> Any:
    return None if value is None else parse(value)
