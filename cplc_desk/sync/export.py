"""Building a station's next bundle from its change log and audit trail."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from cplc_desk import __version__
from cplc_desk.domain.audit import GENESIS_HASH
from cplc_desk.domain.enums import AuditAction
from cplc_desk.storage.kinds import SYNC_MODELS, TABLE_ORDER
from cplc_desk.storage.models import AuditEntry, ChangeLog, SyncOutbox
from cplc_desk.sync import container, envelope
from cplc_desk.sync.enrollment import proof
from cplc_desk.sync.keys import b64, key_id, raw_public

# Audit entries that alone do not call for a new bundle (they travel with the next one): the
# exports themselves, and signing in and out, which every command and every shift does.
SYNC_BOOKKEEPING = frozenset(
    {
        AuditAction.BUNDLE_EXPORTED.value,
        AuditAction.BUNDLE_REWRITTEN.value,
        AuditAction.LOGIN.value,
        AuditAction.LOGOUT.value,
        AuditAction.LOGIN_FAILED.value,
        AuditAction.SESSION_LOCKED.value,
    }
)

# Parents before children, so headquarters can apply a bundle in order with foreign keys on.


@dataclass(frozen=True)
class StationKeys:
    signing_key: Ed25519PrivateKey
    enrollment_id: str
    enrollment_secret: str
    hq_encryption_key: X25519PublicKey


@dataclass(frozen=True)
class BuiltBundle:
    sequence: int
    file_name: str
    content: bytes
    manifest_hash: str
    change_from: int
    change_to: int
    audit_from: int
    audit_to: int
    record_count: int
    counts: dict[str, int]


# What the outbox keeps of a bundle as built: every column but the times, under the same names.
_KEPT_IN_OUTBOX = (
    "sequence",
    "manifest_hash",
    "file_name",
    "change_from",
    "change_to",
    "audit_from",
    "audit_to",
    "record_count",
    "content",
)


def outbox_row(built: BuiltBundle, now: datetime) -> SyncOutbox:
    """The station's record of a bundle it made, kept so the file can be written again."""
    kept = {name: getattr(built, name) for name in _KEPT_IN_OUTBOX}
    return SyncOutbox(created_at=now, **kept)


def image_hash(image_text: str) -> str:
    return hashlib.sha256(image_text.encode("utf-8")).hexdigest()


def columns_of(table: str) -> list[str]:
    model = next(m for m in SYNC_MODELS if m.__tablename__ == table)  # type: ignore[attr-defined]
    return [c.name for c in model.__table__.columns]  # type: ignore[attr-defined]


COLUMNS: dict[str, list[str]] = {t: columns_of(t) for t in TABLE_ORDER}


def array_image(row_image: str, table: str) -> str:
    """The row image as sent: a JSON array of values in the manifest's column order.

    Arrays parse much faster than objects at headquarters. The conversion is deterministic, so
    a station computes the same text (and hash) for a predecessor image every time.
    """
    image = json.loads(row_image)
    values = [image.get(name) for name in COLUMNS[table]]
    return json.dumps(values, separators=(",", ":"), ensure_ascii=False)


def file_name(station: str, sequence: int, created_at: datetime) -> str:
    return f"CPLC-{station}-{sequence:06d}-{created_at:%Y%m%d}.cplcbundle"


def change_line(change: ChangeLog, image: str, base_hash: str | None) -> bytes:
    """One line of changes.tsv: seq, table, id, op, version, base hash (or -), image.

    Headquarters hashes exactly the image text it receives; JSON text never holds a raw tab or
    newline, so the line splits unambiguously.
    """
    fields = (
        str(change.seq),
        change.table_name,
        change.record_id,
        change.op,
        str(change.version),
        base_hash or "-",
        image,
    )
    return "\t".join(fields).encode("utf-8") + b"\n"


def audit_line(entry: AuditEntry) -> dict[str, object]:
    return {
        "entry_id": entry.entry_id,
        "at": entry.at.isoformat(),
        "desk_code": entry.desk_code,
        "actor": entry.actor,
        "action": entry.action,
        "record_table": entry.record_table,
        "record_id": entry.record_id,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
        "entry_hash": entry.entry_hash,
    }


def _base_hashes(
    s: Session, changes: Sequence[ChangeLog], images: dict[int, str]
) -> dict[tuple[str, int], str]:
    """Hash of each change's predecessor image (the version it replaced), as sent."""
    known = {(c.record_id, c.version): image_hash(images[c.seq]) for c in changes}
    wanted = [
        (c.record_id, c.version - 1)
        for c in changes
        if c.version > 1 and (c.record_id, c.version - 1) not in known
    ]
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        rows = s.execute(
            select(
                ChangeLog.record_id, ChangeLog.version, ChangeLog.table_name, ChangeLog.row_image
            ).where(tuple_(ChangeLog.record_id, ChangeLog.version).in_(chunk))
        )
        known.update({(rid, v): image_hash(array_image(img, t)) for rid, v, t, img in rows})
    return known


def _chain(s: Session, after: int, changes: Sequence[ChangeLog]) -> dict[str, str] | None:
    """The change log's chain links before and after these changes (headquarters checks that
    each bundle continues from the last), None if any is missing."""
    before = (
        s.scalar(select(ChangeLog.chain_hash).where(ChangeLog.seq == after))
        if after
        else GENESIS_HASH
    )
    last = changes[-1].chain_hash if changes else before
    if before is None or last is None:
        return None
    return {"from": before, "to": last}


def _change_lines(s: Session, changes: Sequence[ChangeLog]) -> bytes:
    """The bundle's change lines, parents' tables first, each with the hash of the version it
    changes (so headquarters can tell an edit of what it holds from a conflicting one)."""
    images = {c.seq: array_image(c.row_image, c.table_name) for c in changes}
    bases = _base_hashes(s, changes, images)
    rank = {t: i for i, t in enumerate(TABLE_ORDER)}
    ordered = sorted(changes, key=lambda c: (rank[c.table_name], c.seq))
    return b"".join(
        change_line(
            c, images[c.seq], bases.get((c.record_id, c.version - 1)) if c.version > 1 else None
        )
        for c in ordered
    )


def build_next(
    s: Session,
    *,
    station: str,
    site_id: str,
    keys: StationKeys,
    schema: str,
    now: datetime,
) -> BuiltBundle | None:
    """The next bundle, or None when nothing but earlier exports happened since the last one."""
    last = s.scalar(select(SyncOutbox).order_by(SyncOutbox.sequence.desc()).limit(1))
    change_after = last.change_to if last else 0
    audit_after = last.audit_to if last else 0
    changes = s.scalars(
        select(ChangeLog).where(ChangeLog.seq > change_after).order_by(ChangeLog.seq)
    ).all()
    audits = s.scalars(
        select(AuditEntry)
        .where(AuditEntry.seq > audit_after, AuditEntry.desk_code == station)
        .order_by(AuditEntry.seq)
    ).all()
    if not changes and all(a.action in SYNC_BOOKKEEPING for a in audits):
        return None
    change_lines = _change_lines(s, changes)
    audit_lines = b"".join(container.canonical(audit_line(a)) + b"\n" for a in audits)
    sequence = (last.sequence if last else 0) + 1
    public_raw = raw_public(keys.signing_key.public_key())
    counts: dict[str, int] = {}
    for c in changes:
        counts[c.table_name] = counts.get(c.table_name, 0) + 1
    manifest = {
        "format": container.BUNDLE_FORMAT,
        "kind": "delta",
        "station": station,
        "site_id": site_id,
        "sequence": sequence,
        "previous": last.manifest_hash if last else None,
        "key_id": key_id(public_raw),
        "public_key": b64(public_raw),
        "enrollment_id": keys.enrollment_id,
        "enrollment_proof": proof(keys.enrollment_secret, station, keys.enrollment_id, public_raw),
        "changes": {
            "from": change_after + 1,
            "to": changes[-1].seq if changes else change_after,
            "count": len(changes),
        },
        "audit": {
            "from": audit_after + 1,
            "to": audits[-1].seq if audits else audit_after,
            "count": len(audits),
        },
        "records": counts,
        "change_chain": _chain(s, change_after, changes),
        "columns": COLUMNS,
        "created_at": now.isoformat(),
        "app_version": __version__,
        "schema": schema,
    }
    inner = container.build(
        manifest,
        {container.CHANGES: change_lines, container.AUDIT: audit_lines},
        keys.signing_key,
    )
    opened = container.open_container(inner)
    sealed = envelope.seal(
        inner, keys.hq_encryption_key, kind="delta", station=station, sequence=sequence
    )
    return BuiltBundle(
        sequence=sequence,
        file_name=file_name(station, sequence, now),
        content=sealed,
        manifest_hash=opened.manifest_hash,
        change_from=change_after + 1,
        change_to=manifest["changes"]["to"],  # type: ignore[index]
        audit_from=audit_after + 1,
        audit_to=manifest["audit"]["to"],  # type: ignore[index]
        record_count=len(changes),
        counts=counts,
    )
