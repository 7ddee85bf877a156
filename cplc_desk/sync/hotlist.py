"""The hotlist file: every open stolen/snatched vehicle and handset city-wide, signed by
headquarters.

Layout (see docs/hotlist.md)::

    CPLC-HOTLIST/1\\n
    {"manifest": "<canonical manifest JSON>", "signature": "<base64 Ed25519>"}\\n
    <gzip-compressed JSON Lines: one vehicle per line, then one handset per line>

Format 2 added the handsets (``phones`` lines after the ``entries`` vehicle lines, their fields
in ``phone_columns``); a format 1 file (vehicles only) is still read, as holding no handsets.
The magic line and the domain are those of format 1, so a desk that reads only format 1 reaches
the format check and says the file was written by a newer CPLC Desk.

The manifest carries the domain tag ``cplc-desk/hotlist/v1`` (so an HQ signature over an
enrollment file can never pass for a hotlist, nor the reverse), the sequence number, issue and
expiry times, headquarters' key id, the entry count and the SHA-256 and size of the compressed
body. Reading checks, in order: the magic line, the header size, the key id, the signature,
the domain, the body hash, the expiry; only then is the body decompressed (with a size cap)
and every entry checked. Nothing in it is personal data: no owner, CNIC, phone or address.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import itertools
import json
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cplc_desk.domain import imei
from cplc_desk.domain.enums import THEFT_KINDS
from cplc_desk.sync import chunked
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import b64, ed25519_public, key_id, raw_public, unb64

HOTLIST_DOMAIN = "cplc-desk/hotlist/v1"
HOTLIST_FORMAT = 2
READABLE_FORMATS = (1, 2)  # a station still takes in a hotlist from before the handsets
MAGIC = b"CPLC-HOTLIST/1\n"
SUFFIX = ".cplchot"
BODY_ENCODING = "gzip+jsonl"
MAX_HEADER = 64 * 1024
MAX_FILE = 256 << 20
MAX_BODY = 1 << 30  # decompressed
MAX_ENTRIES = 2_000_000
MAX_LINE = 64 * 1024  # one vehicle's line is a few hundred bytes

# What one entry holds, in this order (each body line is a JSON array of these values; the signed
# manifest repeats the list): identifiers and what a desk needs to act. Never the owner. The
# *_key fields are the matching keys the registering desk stored with its report
# (cplc_desk.domain.validation), carried as they are so a station looks up exactly what
# headquarters holds.
COLUMNS = (
    "number", "kind", "vehicle_class", "registration", "registration_key", "chassis",
    "chassis_key", "engine", "engine_key", "make", "model", "colour", "model_year",
    "police_station", "incident_at", "fir_number", "fir_date",
)  # fmt: skip
_REQUIRED = frozenset({"number", "kind", "vehicle_class", "police_station"})
_INT = frozenset({"model_year"})
_INCIDENT = COLUMNS.index("incident_at")
_FIR_DATE = COLUMNS.index("fir_date")
_KIND = COLUMNS.index("kind")
# A handset's entry (format 2): its report, both IMEIs as stored (an IMEI suspected altered is kept
# as typed, so only its 15 digits are certain), what it looks like, and the station to call.
# Never the owner, the SIM number or the place.
PHONE_COLUMNS = (
    "number", "kind", "status", "imei", "imei2", "imei_altered", "make", "model", "colour",
    "police_station", "incident_at",
)  # fmt: skip
_PHONE_REQUIRED = frozenset({"number", "kind", "status", "imei", "police_station"})
_PHONE_KIND = PHONE_COLUMNS.index("kind")
_PHONE_INCIDENT = PHONE_COLUMNS.index("incident_at")
VEHICLE, PHONE = "vehicle", "phone"  # what a body line is
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class HotlistHeader:
    sequence: int
    issued_at: datetime
    expires_at: datetime
    hq_name: str
    key_id: str
    entries: int  # vehicles
    phones: int = 0


def file_name(sequence: int) -> str:
    """Zero-padded, so the newest hotlist sorts last in any file list."""
    return f"hotlist-{sequence:06d}{SUFFIX}"


def row(values: dict[str, Any]) -> list[Any]:
    """One body line from named values (``COLUMNS``; dates may be date/datetime objects)."""
    out = [values.get(name) for name in COLUMNS]
    for i in (_INCIDENT, _FIR_DATE):
        value = out[i]
        if value is not None and not isinstance(value, str):
            out[i] = value.isoformat()
    return out


def phone_row(values: dict[str, Any]) -> list[Any]:
    """One handset's body line from named values (``PHONE_COLUMNS``)."""
    out = [values.get(name) for name in PHONE_COLUMNS]
    value = out[_PHONE_INCIDENT]
    if value is not None and not isinstance(value, str):
        out[_PHONE_INCIDENT] = value.isoformat()
    return out


def as_dict(line: list[Any]) -> dict[str, Any]:
    return dict(zip(COLUMNS, line, strict=True))


def phone_as_dict(line: list[Any]) -> dict[str, Any]:
    return dict(zip(PHONE_COLUMNS, line, strict=True))


def write(
    header: HotlistHeader,
    rows: Sequence[list[Any]],
    key: Ed25519PrivateKey,
    phones: Sequence[list[Any]] = (),
) -> bytes:
    """The signed file. ``rows`` are vehicles, lists in ``COLUMNS`` order (see :func:`row`);
    ``phones`` handsets in ``PHONE_COLUMNS`` order (:func:`phone_row`), written after them."""
    lines = "\n".join(map(_ENCODER.encode, itertools.chain(rows, phones)))
    # mtime=0: the same content gives the same bytes (and the same hash) every time.
    body = gzip.compress(lines.encode("utf-8"), compresslevel=6, mtime=0)
    manifest = {
        "domain": HOTLIST_DOMAIN,
        "format": HOTLIST_FORMAT,
        "sequence": header.sequence,
        "issued_at": header.issued_at.isoformat(),
        "expires_at": header.expires_at.isoformat(),
        "hq": {"name": header.hq_name, "key_id": key_id(raw_public(key.public_key()))},
        "entries": len(rows),
        "columns": list(COLUMNS),
        "phones": len(phones),
        "phone_columns": list(PHONE_COLUMNS),
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
    return SyncError(code, f"hotlist.{code}")


def _damaged(reason: str) -> SyncError:
    return SyncError("damaged", "hotlist.damaged", reason=reason)


def read_header(data: bytes | chunked.Source, hq_signing_key: bytes) -> tuple[HotlistHeader, Body]:
    """Check the signature (by the key this desk knows) and the body hash, reading the file in
    blocks; return the header and where the still-compressed body lies. Raises
    :class:`SyncError`."""
    fh = io.BytesIO(data) if isinstance(data, bytes) else data
    fh.seek(0, io.SEEK_END)
    total = fh.tell()
    fh.seek(0)
    head = fh.read(len(MAGIC) + MAX_HEADER)
    if total > MAX_FILE or not head.startswith(MAGIC):
        raise _refusal("not_hotlist")
    end = head.find(b"\n", len(MAGIC))
    if end < 0:
        raise _refusal("not_hotlist")
    try:
        outer = json.loads(head[len(MAGIC) : end])
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
    version = manifest.get("format")
    if (
        type(version) is not int
        or version not in READABLE_FORMATS
        or manifest.get("columns") != list(COLUMNS)
        or (version >= 2 and manifest.get("phone_columns") != list(PHONE_COLUMNS))
    ):
        raise SyncError("newer_format", "hotlist.newer_format")
    body = Body(fh, end + 1, total - end - 1, "")
    try:
        spec = manifest["body"]
        header = HotlistHeader(
            sequence=int(manifest["sequence"]),
            issued_at=datetime.fromisoformat(manifest["issued_at"]),
            expires_at=datetime.fromisoformat(manifest["expires_at"]),
            hq_name=str(manifest["hq"]["name"]),
            key_id=claimed_key,
            entries=int(manifest["entries"]),
            phones=int(manifest["phones"]) if version >= 2 else 0,
        )
        expected = (str(spec["sha256"]), int(spec["size"]), spec["encoding"])
    except (ValueError, KeyError, TypeError, OverflowError):  # Infinity is valid JSON
        raise _damaged("unreadable manifest") from None
    if expected[1:] != (body.size, BODY_ENCODING) or expected[0] != body.sha256():
        # The signed manifest names other content: the list itself was changed or cut short.
        raise _refusal("bad_signature")
    if header.issued_at.tzinfo is None or header.expires_at.tzinfo is None:
        raise _damaged("times_without_zone")
    if header.sequence <= 0 or not (
        0 <= header.entries <= MAX_ENTRIES and 0 <= header.phones <= MAX_ENTRIES
    ):
        raise _damaged("bad_sequence_or_count")
    return header, dataclasses.replace(body, signed_sha256=expected[0])


def check_expiry(header: HotlistHeader, now: datetime) -> None:
    if now >= header.expires_at:
        raise SyncError(
            "expired",
            "hotlist.expired",
            seq=header.sequence,
            date=header.expires_at.date().isoformat(),
        )


@dataclass(frozen=True)
class Body:
    """The compressed list: ``size`` bytes of ``source`` from ``offset``."""

    source: chunked.Source
    offset: int
    size: int
    signed_sha256: str  # set once the signed manifest's hash was found to match

    def blocks(self) -> Iterator[bytes]:
        self.source.seek(self.offset)
        left = self.size
        while left:
            block = self.source.read(min(left, 1 << 20))
            if not block:  # the file shrank since it was measured
                raise _refusal("bad_signature")
            left -= len(block)
            yield block

    def sha256(self) -> str:
        digest = hashlib.sha256()
        for block in self.blocks():
            digest.update(block)
        return digest.hexdigest()


def entries(header: HotlistHeader, body: Body) -> list[list[Any]]:
    """Every vehicle at once (tests and small lists; the whole list is checked); importing uses
    :func:`iter_lines`."""
    return [row for what, row in iter_lines(header, body) if what == VEHICLE]


def phones(header: HotlistHeader, body: Body) -> list[list[Any]]:
    """Every handset at once (tests and small lists; the whole list is checked)."""
    return [row for what, row in iter_lines(header, body) if what == PHONE]


def iter_lines(header: HotlistHeader, body: Body) -> Iterator[tuple[str, list[Any]]]:
    """The body's rows with what each is: ``header.entries`` vehicles (``COLUMNS`` order),
    then ``header.phones`` handsets (``PHONE_COLUMNS`` order); JSON values, dates as ISO text.
    Each is checked for the fields and types a hotlist carries, so nothing fails later inside
    the import.
    Decompressed and parsed a block at a time (never the whole list in memory); a wrong entry
    count or a list cut short is raised after the last row, so the caller's transaction must
    span the whole iteration."""
    inflater = zlib.decompressobj(wbits=31)  # gzip framing
    produced = count = 0
    tail = b""
    vehicle_checks = [_check_for(name) for name in COLUMNS]
    phone_checks = [_phone_check_for(name) for name in PHONE_COLUMNS]
    # The body is read again here: hashed again too, so a file changed since its signature was
    # checked is refused (after the last row: the caller's transaction rolls back).
    digest = hashlib.sha256()
    try:
        for block in body.blocks():
            digest.update(block)
            if inflater.eof:
                raise _damaged("list_cut_short")  # data after its end
            pending = block
            while pending:
                out = inflater.decompress(pending, 1 << 20)
                pending = inflater.unconsumed_tail
                produced += len(out)
                if produced > MAX_BODY:
                    raise _damaged("list_cut_short")
                lines = (tail + out).split(b"\n")
                tail = lines.pop()
                for line in _parse(lines):
                    count += 1
                    yield _sorted(header, count, line, vehicle_checks, phone_checks)
                if len(tail) > MAX_LINE:
                    raise _damaged("list_invalid")
                if inflater.eof:
                    break
    except zlib.error:
        raise _damaged("list_not_decompressible") from None
    if not inflater.eof or inflater.unused_data:
        raise _damaged("list_cut_short")
    if tail:
        for line in _parse([tail]):
            count += 1
            yield _sorted(header, count, line, vehicle_checks, phone_checks)
    if digest.hexdigest() != body.signed_sha256:
        raise _refusal("bad_signature")
    if count != header.entries + header.phones:
        raise _damaged("entry_count_mismatch")


def _parse(lines: list[bytes]) -> list[Any]:
    """One vehicle per line, each line parsed alone (a line never continues on the next), an
    empty or over-long line refused like any other damage."""
    try:
        rows = []
        for line in lines:
            if not line or len(line) > MAX_LINE:
                raise ValueError("empty or over-long line")
            rows.append(json.loads(line))
    except (ValueError, RecursionError):
        raise _damaged("list_invalid") from None
    return rows


def _sorted(
    header: HotlistHeader, count: int, line: Any, vehicles: list[Any], phones: list[Any]
) -> tuple[str, list[Any]]:
    """The ``count``-th line, checked as what its place makes it: a vehicle or a handset."""
    if count <= header.entries:
        return VEHICLE, _checked(line, vehicles, _KIND)
    if count > header.entries + header.phones:
        raise _damaged("entry_count_mismatch")  # more lines than the manifest counts
    return PHONE, _checked(line, phones, _PHONE_KIND)


def _checked(line: Any, checks: list[Any], kind: int) -> list[Any]:
    if type(line) is not list or len(line) != len(checks):
        raise _damaged("line_not_entry")
    for check, value in zip(checks, line, strict=True):
        if not check(value):
            raise _damaged("entry_wrong_field")
    if line[kind] not in THEFT_KINDS:
        raise _damaged("entry_not_theft")
    return line


def _phone_check_for(name: str) -> Any:
    if name == "imei":
        return imei.stored_form
    if name == "imei2":
        return lambda v: v is None or imei.stored_form(v)
    if name == "imei_altered":
        return lambda v: type(v) is bool
    if name in _PHONE_REQUIRED:
        return lambda v: type(v) is str and v != ""
    return _check_for(name)  # make, model, colour; incident_at as a vehicle's


def _check_for(name: str) -> Any:
    if name in _REQUIRED:
        return lambda v: type(v) is str and v != ""
    if name in _INT:
        return lambda v: v is None or type(v) is int
    if name == "incident_at":
        return lambda v: v is None or (type(v) is str and _aware_time(v))
    if name == "fir_date":
        return lambda v: v is None or (type(v) is str and _a_date(v))
    return lambda v: v is None or type(v) is str


def _aware_time(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _a_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
