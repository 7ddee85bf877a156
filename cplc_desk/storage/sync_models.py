"""The store's sync tables: the bundles a station wrote (its outbox) and, at headquarters, the
stations enrolled, their keys, the bundles received and merged, and the conflicts met. Imported
by :mod:`cplc_desk.storage.models`, where every table is named."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from cplc_desk.storage.base import Base
from cplc_desk.storage.types import UTCDateTime

# ------------------------------------------------------------------ sync: station side


class SyncOutbox(Base):
    """Bundles this station exported, kept byte for byte so a lost stick can be rewritten."""

    __tablename__ = "sync_outbox"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    change_from: Mapped[int] = mapped_column(Integer)
    change_to: Mapped[int] = mapped_column(Integer)
    audit_from: Mapped[int] = mapped_column(Integer)
    audit_to: Mapped[int] = mapped_column(Integer)
    record_count: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    written_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


# ------------------------------------------------------------------ sync: headquarters side


class SyncStation(Base):
    """A station headquarters enrolled, and how far its bundles have been merged."""

    __tablename__ = "sync_station"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    district_code: Mapped[str | None] = mapped_column(String(16))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_manifest_hash: Mapped[str | None] = mapped_column(String(64))
    # The station's change-log chain link at the end of its last bundle (None before one that
    # carried it): the next bundle must continue from it.
    last_change_chain: Mapped[str | None] = mapped_column(String(64))
    last_bundle_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_import_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    clock_skew_seconds: Mapped[int | None] = mapped_column(Integer)


class SyncEnrollment(Base):
    """One enrollment file headquarters wrote; its secret proves the station's first bundle."""

    __tablename__ = "sync_enrollment"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("sync_station.code"), index=True)
    secret: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    key_id: Mapped[str | None] = mapped_column(String(16))


class SyncStationKey(Base):
    """A station signing key bound to a station through an enrollment; revocable."""

    __tablename__ = "sync_station_key"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("sync_station.code"), index=True)
    public_key: Mapped[str] = mapped_column(String(64))
    enrollment_id: Mapped[str] = mapped_column(ForeignKey("sync_enrollment.id"))
    bound_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SyncInbox(Base):
    """Bundles headquarters accepted (merged) or holds until a missing one arrives."""

    __tablename__ = "sync_inbox"
    __table_args__ = (UniqueConstraint("station_code", "sequence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_code: Mapped[str] = mapped_column(String(8))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_hash: Mapped[str] = mapped_column(String(64))
    file_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(12))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    counts: Mapped[str] = mapped_column(Text, default="{}")
    content: Mapped[bytes | None] = mapped_column(LargeBinary)  # kept only while held


class SyncImportLog(Base):
    """Every import attempt, refusals included (they change nothing else)."""

    __tablename__ = "sync_import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    file_hash: Mapped[str | None] = mapped_column(String(64))
    station_code: Mapped[str | None] = mapped_column(String(8))
    sequence: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """An edit that did not descend from what headquarters held: both versions kept for a person.

    The provisional winner (higher version, then higher hash: every headquarters picks the same)
    is what the record table shows until someone resolves the conflict.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    station_code: Mapped[str] = mapped_column(String(8))
    bundle_sequence: Mapped[int] = mapped_column(Integer)
    held_version: Mapped[int] = mapped_column(Integer)
    held_hash: Mapped[str] = mapped_column(String(64))
    held_image: Mapped[str] = mapped_column(Text)
    incoming_version: Mapped[int] = mapped_column(Integer)
    incoming_hash: Mapped[str] = mapped_column(String(64))
    incoming_image: Mapped[str] = mapped_column(Text)
    winner: Mapped[str] = mapped_column(String(10))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    # Which version the person chose: "held" or "incoming" (None while open).
    resolution: Mapped[str | None] = mapped_column(String(10))
