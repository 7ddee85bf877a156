"""Headquarters' import of station bundles: authenticate, check the chain, merge, all in one
transaction per bundle, and log every attempt.

Order of checks (authenticate before parsing): size cap; whole-file hash (already imported ->
nothing to do); decrypt (a changed byte anywhere fails here); archive structure and caps;
manifest fields; signature by the key the manifest names; that key is bound to the station (or
provably belongs to its enrollment); the chain of sequence numbers and manifest hashes (a gap ->
held, a reused sequence number with other content -> forked history); member hashes; then the
merge, the station's audit entries (their hash chain verified again here) and the bookkeeping
rows, committed together. A crash at any point leaves the store as before that bundle.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cplc_desk.domain.audit import GENESIS_HASH, entry_hash
from cplc_desk.domain.i18n import _
from cplc_desk.storage.db import Store
from cplc_desk.storage.models import (
    AuditEntry,
    SyncEnrollment,
    SyncImportLog,
    SyncInbox,
    SyncStation,
    SyncStationKey,
)
from cplc_desk.storage.types import utcnow
from cplc_desk.sync import container, envelope, merge
from cplc_desk.sync.chunked import Source, sha256_of
from cplc_desk.sync.enrollment import proof_ok
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.keys import ed25519_public, key_id, unb64
from cplc_desk.sync.manifest import Manifest

MAX_BUNDLE_BYTES = 2 << 30
# A bundle waiting for an earlier one is kept in the store, so it is read into memory once; a
# year of a busy station's records is a few MB.
MAX_HELD_BYTES = 64 << 20
SKEW_TOLERANCE_S = 600

AuditHook = Callable[[Session, str, dict[str, Any]], None]


@dataclass
class BundleOutcome:
    file: str
    status: str  # accepted | already_imported | held | refused
    station: str | None = None
    sequence: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)
    code: str | None = None
    message: str = ""
    clock_skew_seconds: int | None = None
    # Held bundles this one let through (applied, or refused on the way), for the report.
    released: list[BundleOutcome] = field(default_factory=list)
    manifest: Manifest | None = None  # once decoded (not for a file recognised by its hash)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "station": self.station,
            "sequence": self.sequence,
            "counts": self.counts,
            "missing": self.missing,
            "code": self.code,
            "message": self.message,
            "clock_skew_seconds": self.clock_skew_seconds,
        }


@dataclass
class _Held:
    """The bundle's file, kept in the store while it waits for an earlier bundle."""

    source: Source
    size: int

    def content(self, m: Manifest, missing: list[int]) -> bytes:
        if self.size > MAX_HELD_BYTES:
            raise SyncError(
                "too_large_to_hold",
                _(
                    "Bundle {seq} from {code} arrived before bundles {missing}, and it is too "
                    "large ({mb} MB) to be kept waiting here. Nothing was merged. Import bundles "
                    "{missing} first, then this file again."
                ).format(
                    seq=m.sequence,
                    code=m.station,
                    missing=", ".join(map(str, missing)),
                    mb=self.size // 1_000_000,
                ),
            )
        self.source.seek(0)
        return self.source.read(self.size)


def _too_large_file() -> SyncError:
    return SyncError(
        "too_large",
        _(
            "The file is larger than any bundle can be, so it was not read. Check that "
            "you chose the right file."
        ),
    )


@dataclass
class _Decoded:
    file_hash: str
    header: envelope.EnvelopeHeader
    opened: container.OpenedBundle
    manifest: Manifest


class BundleImporter:
    def __init__(
        self,
        store: Store,
        *,
        hq_key: X25519PrivateKey,
        actor: str,
        desk_code: str,
        known_schemas: set[str],
        audit: AuditHook,
    ) -> None:
        self.store = store
        self.hq_key = hq_key
        self.actor = actor
        self.desk_code = desk_code
        self.known_schemas = known_schemas
        self.audit = audit

    # ------------------------------------------------------------------ entry points

    def import_bytes(self, name: str, data: bytes) -> BundleOutcome:
        return self.import_source(name, io.BytesIO(data), len(data))

    def import_source(
        self, name: str, fh: Source, size: int, *, rehearse: bool = False
    ) -> BundleOutcome:
        """Import the bundle read from ``fh`` (``size`` bytes, seekable). ``rehearse``: run every
        check and the whole merge, then roll it all back (nothing is written or logged), so
        the outcome says exactly what an import would do."""
        outcome = BundleOutcome(file=name, status="refused")
        file_hash = None
        try:
            if size > MAX_BUNDLE_BYTES:
                raise _too_large_file()
            file_hash = sha256_of(fh)
            with self.store.read() as s:
                seen = s.scalar(select(SyncInbox).where(SyncInbox.file_hash == file_hash))
                if seen is not None:
                    outcome.station, outcome.sequence = seen.station_code, seen.sequence
                    outcome.status = "already_imported" if seen.status == "accepted" else "held"
                    outcome.message = (
                        _("Already imported; nothing changed.")
                        if seen.status == "accepted"
                        else _("Already received; still waiting for an earlier bundle.")
                    )
                    if seen.status == "held":
                        outcome.missing = self._missing(s, seen.station_code, seen.sequence)
                    return outcome
            decoded = self.decode(fh, file_hash)
            outcome.manifest = decoded.manifest
            outcome.station, outcome.sequence = decoded.manifest.station, decoded.manifest.sequence
            self._apply(name, _Held(fh, size), decoded, outcome, rehearse=rehearse)
        except SyncError as exc:
            outcome.status, outcome.code, outcome.message = "refused", exc.code, exc.message
            if not rehearse:
                self._log_refusal(name, file_hash, outcome)
            return outcome
        if outcome.status == "accepted" and outcome.station and not rehearse:
            outcome.released = self.apply_ready_held(outcome.station)
        return outcome

    def apply_ready_held(self, station: str) -> list[BundleOutcome]:
        """Apply held bundles of a station whose predecessor has now arrived, in order; the
        outcomes end with the first one refused, if any."""
        applied: list[BundleOutcome] = []
        while True:
            with self.store.read() as s:
                st = s.get(SyncStation, station)
                nxt = (
                    s.scalar(
                        select(SyncInbox).where(
                            SyncInbox.station_code == station,
                            SyncInbox.sequence == st.last_sequence + 1,
                            SyncInbox.status == "held",
                        )
                    )
                    if st
                    else None
                )
                if nxt is None or nxt.content is None:
                    return applied
                data, name, file_hash = nxt.content, f"held:{station}#{nxt.sequence}", nxt.file_hash
            outcome = BundleOutcome(file=name, status="refused")
            try:
                source = io.BytesIO(data)
                decoded = self.decode(source, file_hash)
                outcome.station, outcome.sequence = station, decoded.manifest.sequence
                self._apply(name, _Held(source, len(data)), decoded, outcome, from_held=True)
            except SyncError as exc:
                outcome.code, outcome.message = exc.code, exc.message
                self._log_refusal(name, file_hash, outcome)
                applied.append(outcome)
                return applied
            applied.append(outcome)

    def decode(self, fh: Source, file_hash: str | None = None) -> _Decoded:
        """Decrypt and check structure and manifest fields (no store access). The content is
        read through a view that decrypts a chunk at a time: memory stays bounded whatever the
        file holds."""
        fh.seek(0)
        header = envelope.read_header(fh)
        plain = envelope.open_body(fh, header, self.hq_key, MAX_BUNDLE_BYTES)
        opened = container.open_container(plain)
        # The signature first: until it holds, nothing in the manifest (its format or schema
        # either) is the station's word, so no advice is given on its strength.
        fields = opened.manifest
        try:
            raw_key = unb64(str(fields["public_key"]))
            public_key = ed25519_public(raw_key)
            claimed_id = str(fields["key_id"])
        except (KeyError, ValueError, TypeError):
            raise SyncError(
                "damaged",
                _("The bundle's manifest is not valid. Do not import it; call the station."),
            ) from None
        if key_id(raw_key) != claimed_id:
            raise SyncError(
                "damaged",
                _(
                    "The bundle names a key that does not match its id: it was tampered with. "
                    "Do not import it; call the station."
                ),
            )
        opened.verify(public_key)
        manifest = Manifest.parse(fields, self.known_schemas)
        if (header.station, header.sequence) != (manifest.station, manifest.sequence):
            raise SyncError(
                "damaged",
                _(
                    "The bundle's label does not match its signed content: it was tampered "
                    "with. Do not import it; call the station."
                ),
            )
        return _Decoded(file_hash or sha256_of(fh), header, opened, manifest)

    # ------------------------------------------------------------------ one bundle, one transaction

    def _apply(
        self,
        name: str,
        bundle_file: _Held,
        d: _Decoded,
        outcome: BundleOutcome,
        *,
        from_held: bool = False,
        rehearse: bool = False,
    ) -> None:
        try:
            with self.store.write(actor=self.actor, desk_code=self.desk_code) as s:
                self._process(s, name, bundle_file, d, outcome, from_held=from_held)
                if rehearse:
                    raise _Rehearsed
        except _Rehearsed:
            return  # everything checked and merged, then rolled back
        # The store refused a row (bulk writes on SQLite raise the driver's own error): the
        # transaction is rolled back; say so instead of stopping the whole import run.
        except (IntegrityError, sqlite3.IntegrityError) as exc:
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
            raise SyncError(
                "store_conflict",
                _(
                    "Bundle {seq} from {code} could not be merged: headquarters' store refused "
                    "one of its records ({detail}). Nothing from it was merged. Keep the file "
                    "and report this to the CPLC Desk maintainers; check the other bundles "
                    "meanwhile."
                ).format(seq=d.manifest.sequence, code=d.manifest.station, detail=detail),
            ) from None

    def _process(
        self,
        s: Session,
        name: str,
        bundle_file: _Held,
        d: _Decoded,
        outcome: BundleOutcome,
        *,
        from_held: bool = False,
    ) -> None:
        m = d.manifest
        now = utcnow()
        station = s.get(SyncStation, m.station)
        if station is None:
            raise SyncError(
                "unknown_station",
                _(
                    "Station {code} is not enrolled at this headquarters. Enroll it first "
                    "(cplc-desk enroll-station --code {code}), then import again."
                ).format(code=m.station),
            )
        to_bind = self._authorise(s, m, now)
        same_seq = s.scalar(
            select(SyncInbox).where(
                SyncInbox.station_code == m.station, SyncInbox.sequence == m.sequence
            )
        )
        if same_seq is not None and not (from_held and same_seq.status == "held"):
            if same_seq.manifest_hash != d.opened.manifest_hash:
                if same_seq.status == "held":
                    raise _held_fork(m, same_seq.received_at)
                raise _fork(m)
            outcome.status = "already_imported" if same_seq.status == "accepted" else "held"
            outcome.message = _("Already imported; nothing changed.")
            if same_seq.status == "held":
                outcome.missing = self._missing(s, m.station, m.sequence)
            return
        if m.sequence <= station.last_sequence:
            raise _fork(m)  # an older sequence we never saw with this content
        if m.sequence > station.last_sequence + 1:
            d.opened.check_members()
            content = bundle_file.content(m, self._missing(s, m.station, m.sequence))
            s.add(
                SyncInbox(
                    station_code=m.station,
                    sequence=m.sequence,
                    manifest_hash=d.opened.manifest_hash,
                    file_hash=d.file_hash,
                    status="held",
                    received_at=now,
                    counts="{}",
                    content=content,
                )
            )
            s.flush()
            outcome.status = "held"
            outcome.missing = self._missing(s, m.station, m.sequence)
            outcome.message = _(
                "Held: bundles {missing} from {station} have not arrived yet. This one is kept "
                "and applied automatically once they are imported."
            ).format(missing=", ".join(map(str, outcome.missing)), station=m.station)
            self._log(s, name, d.file_hash, outcome, "held")
            return
        if m.previous != station.last_manifest_hash:
            raise _fork(m)
        if (
            m.change_chain is not None
            and station.last_change_chain is not None
            and m.change_chain[0] != station.last_change_chain
        ):
            raise SyncError(
                "change_log_rewritten",
                _(
                    "Bundle {seq} from {code} does not continue the station's change log from "
                    "its bundle {last}: records already sent were changed or removed at the "
                    "station outside CPLC Desk. Nothing was merged. Call the station before "
                    "importing anything more from it."
                ).format(seq=m.sequence, code=m.station, last=station.last_sequence),
            )
        if to_bind is not None:
            self._bind(s, m, to_bind, now)
        d.opened.check_members()
        counts = merge.apply_changes(
            s, d.opened.raw_lines(container.CHANGES), station=m.station, sequence=m.sequence,
            columns=m.columns, now=now,
        )  # fmt: skip
        audit_count = self._apply_audit(s, d.opened, m.station)
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
            held.status, held.applied_at, held.content = "accepted", now, None
            held.counts = json.dumps(outcome.counts)
        else:
            s.add(
                SyncInbox(
                    station_code=m.station,
                    sequence=m.sequence,
                    manifest_hash=d.opened.manifest_hash,
                    file_hash=d.file_hash,
                    status="accepted",
                    received_at=now,
                    applied_at=now,
                    counts=json.dumps(outcome.counts),
                )
            )
        outcome.status = "accepted"
        outcome.message = _(
            "Accepted: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts."
        ).format(**counts.as_dict())
        if station.clock_skew_seconds:
            outcome.message += " " + _(
                "The station's clock is about {minutes} minutes ahead; its times were noted, "
                "not trusted."
            ).format(minutes=station.clock_skew_seconds // 60)
        self._log(s, name, d.file_hash, outcome, "accepted")

    def _authorise(self, s: Session, m: Manifest, now: datetime) -> SyncEnrollment | None:
        """Refuse unless the key is the station's: bound to it, or proven by an enrollment of
        it. Returns that enrollment when the key still has to be bound (see :meth:`_bind`)."""
        key = s.get(SyncStationKey, m.key_id)
        if key is not None:
            if key.station_code != m.station:
                raise SyncError(
                    "wrong_station",
                    _(
                        "This bundle claims to come from {claimed} but is signed with the key of "
                        "station {owner}. It was refused: do not import it, and call {owner} "
                        "about it."
                    ).format(claimed=m.station, owner=key.station_code),
                )
            if key.revoked_at is not None:
                raise SyncError(
                    "revoked_key",
                    _(
                        "This bundle is signed with a key of {code} that was revoked on {date}, "
                        "so it was not imported. It comes from a PC that was replaced, lost or "
                        "revoked: do not trust it. If the station works on a new PC, that PC's "
                        "bundles are accepted; if the old PC is trusted again, enroll it again "
                        "(cplc-desk enroll-station --code {code})."
                    ).format(code=m.station, date=key.revoked_at.date().isoformat()),
                )
            return None
        enrollment = s.get(SyncEnrollment, m.enrollment_id)
        unknown = SyncError(
            "unknown_key",
            _(
                "This bundle is signed with a key headquarters does not know for {code}. Check "
                "that the station was set up from this headquarters' enrollment file."
            ).format(code=m.station),
        )
        if enrollment is None or enrollment.station_code != m.station:
            raise unknown
        if not proof_ok(
            enrollment.secret, m.station, m.enrollment_id, unb64(m.public_key), m.enrollment_proof
        ):
            raise unknown
        if enrollment.used_at is not None and enrollment.key_id is None:
            # Withdrawn by revoke-station before any key was bound with it.
            raise SyncError(
                "revoked_key",
                _(
                    "This bundle is signed with a key of {code} whose enrollment was withdrawn "
                    "when the station was revoked on {date}, so it was not imported. If the "
                    "station's desk is trusted again, enroll it again "
                    "(cplc-desk enroll-station --code {code})."
                ).format(code=m.station, date=enrollment.used_at.date().isoformat()),
            )
        if enrollment.used_at is not None and enrollment.key_id != m.key_id:
            raise unknown  # an enrollment binds one key only
        return enrollment

    def _bind(self, s: Session, m: Manifest, enrollment: SyncEnrollment, now: datetime) -> None:
        """Bind a newly enrolled key when its first bundle is applied, not when it is held:
        the station's earlier bundles, still signed with its earlier key, may arrive later and
        must still be accepted."""
        # A key from a newer enrollment replaces the station's earlier keys (a new PC).
        for old in s.scalars(
            select(SyncStationKey).where(
                SyncStationKey.station_code == m.station, SyncStationKey.revoked_at.is_(None)
            )
        ):
            old_enrollment = s.get(SyncEnrollment, old.enrollment_id)
            if old_enrollment is not None and old_enrollment.issued_at < enrollment.issued_at:
                old.revoked_at = now
        s.add(
            SyncStationKey(
                key_id=m.key_id,
                station_code=m.station,
                public_key=m.public_key,
                enrollment_id=m.enrollment_id,
                bound_at=now,
            )
        )
        enrollment.used_at, enrollment.key_id = now, m.key_id

    def _apply_audit(self, s: Session, opened: container.OpenedBundle, station: str) -> int:
        last = s.scalar(
            select(AuditEntry.entry_hash)
            .where(AuditEntry.desk_code == station)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        )
        prev = last or GENESIS_HASH
        rows = []
        for line in opened.lines(container.AUDIT):
            try:
                at = datetime.fromisoformat(line["at"])
                fields = {
                    k: line[k]
                    for k in ("entry_id", "desk_code", "actor", "action", "record_table",
                              "record_id", "details")
                }  # fmt: skip
                texts = [fields[k] for k in ("entry_id", "desk_code", "actor", "action", "details")]
                optional = [fields["record_table"], fields["record_id"]]
                # Checked here, not left to the store: a wrong type would stop the import with
                # a traceback (or be stored, and break the trail's later reading).
                if (
                    at.tzinfo is None
                    or not all(
                        isinstance(v, str) for v in [*texts, line["prev_hash"], line["entry_hash"]]
                    )
                    or not all(v is None or isinstance(v, str) for v in optional)
                ):
                    raise ValueError("an audit entry field of the wrong type")
                recomputed = entry_hash(prev_hash=line["prev_hash"], at=at, **fields)
            except (KeyError, TypeError, ValueError):
                raise SyncError(
                    "damaged",
                    _("The bundle's audit trail is not valid. Do not import it; call the station."),
                ) from None
            if fields["desk_code"] != station or line["prev_hash"] != prev:
                raise SyncError(
                    "audit_broken",
                    _(
                        "The audit trail in this bundle does not continue the trail headquarters "
                        "holds for {code}: an entry was removed or changed at the station. "
                        "Nothing was merged. Call the station before importing anything more "
                        "from it."
                    ).format(code=station),
                )
            if recomputed != line["entry_hash"]:
                raise SyncError(
                    "audit_broken",
                    _(
                        "An audit entry from {code} was changed after it was written "
                        "(entry {entry}). Nothing was merged. Call the station before importing "
                        "anything more from it."
                    ).format(code=station, entry=fields["entry_id"]),
                )
            rows.append({**fields, "at": at, "prev_hash": prev, "entry_hash": recomputed})
            prev = recomputed
        if rows:
            s.connection().execute(insert(AuditEntry), rows)
        return len(rows)

    # ------------------------------------------------------------------ bookkeeping

    def _missing(self, s: Session, station: str, sequence: int) -> list[int]:
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

    def _log(
        self, s: Session, name: str, file_hash: str | None, o: BundleOutcome, outcome: str
    ) -> None:
        s.add(
            SyncImportLog(
                at=utcnow(),
                actor=self.actor,
                file_name=name[-255:],
                file_hash=file_hash,
                station_code=o.station,
                sequence=o.sequence,
                outcome=outcome,
                code=o.code,
                message=o.message,
            )
        )
        self.audit(
            s,
            "bundle.imported",
            {"file": name[-120:], "station": o.station, "sequence": o.sequence,
             "outcome": outcome, "code": o.code, "counts": o.counts},
        )  # fmt: skip

    def refuse_unread(self, name: str, code: str, message: str) -> BundleOutcome:
        """A file refused before it could be read (too large, unreadable), logged like the rest."""
        outcome = BundleOutcome(file=name, status="refused", code=code, message=message)
        self._log_refusal(name, None, outcome)
        return outcome

    def _log_refusal(self, name: str, file_hash: str | None, o: BundleOutcome) -> None:
        with self.store.write(actor=self.actor, desk_code=self.desk_code) as s:
            self._log(s, name, file_hash, o, "refused")


class _Rehearsed(Exception):
    """Rolls back a rehearsed import once every check and the merge have run."""


def _held_fork(m: Manifest, received_at: datetime) -> SyncError:
    return SyncError(
        "forked_held",
        _(
            "Headquarters is keeping another bundle {seq} from {code}, received on {date} and "
            "waiting for earlier bundles; this one differs from it, so one of the two comes from "
            "a forked history (for example a desk restored from an old backup). Nothing was "
            "merged. Call the station to find which PC wrote each. If the kept one is the wrong "
            "one, remove it (cplc-desk discard-held --station {code} --sequence {seq}) and "
            "import this file again."
        ).format(seq=m.sequence, code=m.station, date=received_at.date().isoformat()),
    )


def _fork(m: Manifest) -> SyncError:
    return SyncError(
        "forked_history",
        _(
            "Bundle {seq} from {code} differs from the bundle {seq} headquarters already has: the "
            "station's history forked (for example a desk restored from an old backup). Nothing "
            "was merged. Call the station before importing anything more from it."
        ).format(seq=m.sequence, code=m.station),
    )


def count_held(s: Session, station: str) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(SyncInbox)
            .where(SyncInbox.station_code == station, SyncInbox.status == "held")
        )
        or 0
    )
