"""Headquarters' import of a station bundle, as a library: decode the file, then apply it to a
session. The caller (``services/hq/bundle_import.py``) opens the transaction, logs the attempt,
writes the audit entry and turns the outcome into what the person reads.

Order of checks (authenticate before parsing): size cap; whole-file hash (already imported ->
nothing to do); decrypt (a changed byte anywhere fails here); archive structure and caps;
manifest fields; signature by the key the manifest names; that key is bound to the station (or
provably belongs to its enrollment); the chain of sequence numbers and manifest hashes (a gap ->
held, a reused sequence number with other content -> forked history); member hashes; then the
merge, the station's audit entries (their hash chain verified again here) and the bookkeeping
rows, all in the caller's one transaction. A crash at any point leaves the store as before that
bundle.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.errors import sentence
from cplc_desk.storage.models import SyncInbox, SyncStation
from cplc_desk.storage.types import utcnow
from cplc_desk.sync import container, envelope, merge, station_trust
from cplc_desk.sync.chunked import Source, sha256_of
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import ed25519_public, key_id, unb64
from cplc_desk.sync.manifest import Manifest

MAX_BUNDLE_BYTES = 2 << 30
# A bundle waiting for an earlier one is kept in the store, so it is read into memory once; a
# year of a busy station's records is a few MB.
MAX_HELD_BYTES = 64 << 20
SKEW_TOLERANCE_S = 600


class ImportStatus(StrEnum):
    """What happened to one bundle (the value is what the import log and reports store)."""

    ACCEPTED = "accepted"
    ALREADY_IMPORTED = "already_imported"
    HELD = "held"
    REFUSED = "refused"


@dataclass
class BundleOutcome:
    file: str
    status: ImportStatus = ImportStatus.REFUSED
    station: str | None = None
    sequence: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)
    code: str | None = None
    params: dict[str, Any] = field(default_factory=dict)  # what the refusal's sentence names
    say: str = ""  # the wording key of its sentence (see ``message``)
    clock_skew_seconds: int | None = None
    # Held bundles this one let through (applied, or refused on the way), for the report.
    released: list[BundleOutcome] = field(default_factory=list)
    manifest: Manifest | None = None  # once decoded (not for a file recognised by its hash)
    file_hash: str | None = None

    def refuse(self, exc: SyncError) -> BundleOutcome:
        self.status, self.code, self.say = ImportStatus.REFUSED, exc.code, exc.say
        self.params = dict(exc.params)
        return self

    @property
    def message(self) -> str:
        """The outcome in a sentence, worded by the services from ``say`` and ``params``."""
        return sentence(self.say, self.params) if self.say else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status.value,
            "station": self.station,
            "sequence": self.sequence,
            "counts": self.counts,
            "missing": self.missing,
            "code": self.code,
            "message": self.message,
            "clock_skew_seconds": self.clock_skew_seconds,
        }


@dataclass
class HeldFile:
    """The bundle's file, kept in the store while it waits for an earlier bundle."""

    source: Source
    size: int

    def content(self, m: Manifest, missing: list[int]) -> bytes:
        if self.size > MAX_HELD_BYTES:
            raise SyncError(
                "too_large_to_hold",
                seq=m.sequence,
                station=m.station,
                missing=", ".join(map(str, missing)),
                mb=self.size // 1_000_000,
            )
        self.source.seek(0)
        return self.source.read(self.size)


def too_large_file() -> SyncError:
    return SyncError("too_large", "bundle.file_too_large")


@dataclass
class Decoded:
    file_hash: str
    header: envelope.EnvelopeHeader
    opened: container.OpenedBundle
    manifest: Manifest


# ---------------------------------------------------------------------- reading the file


def recognise(s: Session, outcome: BundleOutcome) -> bool:
    """A file seen before, by its whole-file hash: fill the outcome and return True."""
    seen = s.scalar(select(SyncInbox).where(SyncInbox.file_hash == outcome.file_hash))
    if seen is None:
        return False
    outcome.station, outcome.sequence = seen.station_code, seen.sequence
    if seen.status == ImportStatus.ACCEPTED:
        outcome.status = ImportStatus.ALREADY_IMPORTED
        outcome.say = "outcome.already_imported"
    else:
        outcome.status = ImportStatus.HELD
        outcome.say = "outcome.already_held"
        outcome.missing = missing(s, seen.station_code, seen.sequence)
    return True


def decode(
    fh: Source, *, hq_key: X25519PrivateKey, known_schemas: set[str], file_hash: str | None = None
) -> Decoded:
    """Decrypt and check structure and manifest fields (no store access). The content is
    read through a view that decrypts a chunk at a time: memory stays bounded whatever the
    file holds."""
    fh.seek(0)
    header = envelope.read_header(fh)
    plain = envelope.open_body(fh, header, hq_key, MAX_BUNDLE_BYTES)
    opened = container.open_container(plain)
    # The signature first: until it holds, nothing in the manifest (its format or schema
    # either) is the station's word, so no advice is given on its strength.
    fields = opened.manifest
    try:
        raw_key = unb64(str(fields["public_key"]))
        public_key = ed25519_public(raw_key)
        claimed_id = str(fields["key_id"])
    except (KeyError, ValueError, TypeError):
        raise SyncError("damaged", "bundle.manifest_unreadable") from None
    if key_id(raw_key) != claimed_id:
        raise SyncError("damaged", "bundle.key_mismatch")
    opened.verify(public_key)
    manifest = Manifest.parse(fields, known_schemas)
    if (header.station, header.sequence) != (manifest.station, manifest.sequence):
        raise SyncError("damaged", "bundle.label_mismatch")
    return Decoded(file_hash or sha256_of(fh), header, opened, manifest)


# ---------------------------------------------------------------------- applying it


def apply(
    s: Session, d: Decoded, held_file: HeldFile, outcome: BundleOutcome, *, from_held: bool = False
) -> bool:
    """Apply one decoded bundle inside the caller's transaction, filling ``outcome`` (accepted,
    held, or already imported). True when the store was changed (accepted or held). Raises
    :class:`SyncError` to refuse it; the caller then rolls back."""
    m = d.manifest
    now = utcnow()
    station = s.get(SyncStation, m.station)
    if station is None:
        raise SyncError("unknown_station", station=m.station)
    to_bind = station_trust.authorise(s, m)
    if _seen_sequence(s, d, outcome, from_held=from_held):
        return False
    if m.sequence <= station.last_sequence:
        raise _fork(m)  # an older sequence we never saw with this content
    if m.sequence > station.last_sequence + 1:
        _hold(s, d, held_file, outcome, now)
        return True
    if m.previous != station.last_manifest_hash:
        raise _fork(m)
    if (
        m.change_chain is not None
        and station.last_change_chain is not None
        and m.change_chain[0] != station.last_change_chain
    ):
        raise SyncError(
            "change_log_rewritten", seq=m.sequence, station=m.station, last=station.last_sequence
        )
    if to_bind is not None:
        station_trust.bind(s, m, to_bind, now)
    _merge(s, d, station, outcome, now, from_held=from_held)
    return True


def _seen_sequence(s: Session, d: Decoded, outcome: BundleOutcome, *, from_held: bool) -> bool:
    """The station's sequence number seen before: the same bundle (True, outcome filled) or a
    forked history (refused)."""
    m = d.manifest
    same_seq = s.scalar(
        select(SyncInbox).where(
            SyncInbox.station_code == m.station, SyncInbox.sequence == m.sequence
        )
    )
    if same_seq is None or (from_held and same_seq.status == ImportStatus.HELD):
        return False
    if same_seq.manifest_hash != d.opened.manifest_hash:
        if same_seq.status == ImportStatus.HELD:
            raise _held_fork(m, same_seq.received_at)
        raise _fork(m)
    outcome.say = "outcome.already_imported"
    if same_seq.status == ImportStatus.ACCEPTED:
        outcome.status = ImportStatus.ALREADY_IMPORTED
    else:
        outcome.status = ImportStatus.HELD
        outcome.missing = missing(s, m.station, m.sequence)
    return True


def _hold(
    s: Session, d: Decoded, held_file: HeldFile, outcome: BundleOutcome, now: datetime
) -> None:
    """Keep a bundle that arrived before an earlier one, to apply once the gap is filled."""
    m = d.manifest
    d.opened.check_members()
    content = held_file.content(m, missing(s, m.station, m.sequence))
    s.add(_inbox_row(d, ImportStatus.HELD, now, counts="{}", content=content))
    s.flush()
    outcome.status = ImportStatus.HELD
    outcome.missing = missing(s, m.station, m.sequence)
    outcome.say = "outcome.held"
    outcome.params = {"missing": ", ".join(map(str, outcome.missing)), "station": m.station}


def _merge(
    s: Session,
    d: Decoded,
    station: SyncStation,
    outcome: BundleOutcome,
    now: datetime,
    *,
    from_held: bool,
) -> None:
    """Merge the records and audit entries of the bundle next in the chain, and move the
    station's bookkeeping on to it."""
    m = d.manifest
    d.opened.check_members()
    counts = merge.apply_changes(
        s, d.opened.raw_lines(container.CHANGES), station=m.station, sequence=m.sequence,
        columns=m.columns, now=now,
    )  # fmt: skip
    audit_count = station_trust.apply_audit(s, d.opened, m.station)
    skew = int((m.created_at - now).total_seconds())
    station.last_sequence = m.sequence
    station.last_manifest_hash = d.opened.manifest_hash
    station.last_change_chain = m.change_chain[1] if m.change_chain else None
    station.last_bundle_created_at = m.created_at
    station.last_import_at = now
    station.clock_skew_seconds = skew if skew > SKEW_TOLERANCE_S else 0
    outcome.counts = {**counts.as_dict(), "audit_entries": audit_count}
    outcome.clock_skew_seconds = station.clock_skew_seconds
    if from_held:
        held = s.scalar(
            select(SyncInbox).where(
                SyncInbox.station_code == m.station, SyncInbox.sequence == m.sequence
            )
        )
        assert held is not None
        held.status, held.applied_at, held.content = ImportStatus.ACCEPTED.value, now, None
        held.counts = json.dumps(outcome.counts)
    else:
        s.add(
            _inbox_row(
                d, ImportStatus.ACCEPTED, now, applied_at=now, counts=json.dumps(outcome.counts)
            )
        )
    outcome.status = ImportStatus.ACCEPTED
    outcome.say = "outcome.accepted"
    outcome.params = counts.as_dict()
    if station.clock_skew_seconds:
        outcome.params["minutes_ahead"] = station.clock_skew_seconds // 60


def _inbox_row(d: Decoded, status: ImportStatus, now: datetime, **fields: Any) -> SyncInbox:
    """Headquarters' record of a bundle received: held, or accepted."""
    m = d.manifest
    return SyncInbox(
        station_code=m.station,
        sequence=m.sequence,
        manifest_hash=d.opened.manifest_hash,
        file_hash=d.file_hash,
        status=status.value,
        received_at=now,
        **fields,
    )


def store_conflict(m: Manifest, detail: str) -> SyncError:
    """The store refused one of the bundle's rows (the transaction was rolled back)."""
    return SyncError("store_conflict", seq=m.sequence, station=m.station, detail=detail)


# ---------------------------------------------------------------------- held bundles


def next_held(s: Session, station: str) -> SyncInbox | None:
    """The held bundle that now continues the station's chain, if one is waiting."""
    st = s.get(SyncStation, station)
    if st is None:
        return None
    return s.scalar(
        select(SyncInbox).where(
            SyncInbox.station_code == station,
            SyncInbox.sequence == st.last_sequence + 1,
            SyncInbox.status == ImportStatus.HELD.value,
        )
    )


def missing(s: Session, station: str, sequence: int) -> list[int]:
    """The station's sequence numbers before ``sequence`` that headquarters has not received."""
    st = s.get(SyncStation, station)
    last = st.last_sequence if st else 0
    have = set(
        s.scalars(
            select(SyncInbox.sequence).where(
                SyncInbox.station_code == station,
                SyncInbox.sequence > last,
                SyncInbox.sequence < sequence,
            )
        )
    )
    return [n for n in range(last + 1, sequence) if n not in have]


def _held_fork(m: Manifest, received_at: datetime) -> SyncError:
    return SyncError(
        "forked_held",
        date=received_at.date().isoformat(),
        station=m.station,
        sequence=m.sequence,
    )


def _fork(m: Manifest) -> SyncError:
    return SyncError("forked_history", seq=m.sequence, station=m.station)
