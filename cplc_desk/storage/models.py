"""The store's tables.

Records that travel between desks (people, complaints, complaint events, vehicle reports) share
:class:`SyncMixin`: a UUIDv7 id, the owning desk, UTC times, who created/changed them, a version
bumped on every change and a tombstone instead of a hard delete. Every insert or change of such a
record is written to ``change_log`` automatically (see :mod:`cplc_desk.storage.changelog`).
Types are generic so the same models run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cplc_desk.storage.base import NAMING_CONVENTION, Base
from cplc_desk.storage.hotlist_models import (
    HotlistEntry,
    HotlistHeld,
    HotlistIssued,
    HotlistPhone,
)
from cplc_desk.storage.statistics_models import (
    StatisticsCategoryRef,
    StatisticsPublication,
)
from cplc_desk.storage.sync_models import (
    SyncConflict,
    SyncEnrollment,
    SyncImportLog,
    SyncInbox,
    SyncOutbox,
    SyncStation,
    SyncStationKey,
)
from cplc_desk.storage.types import UTCDateTime

__all__ = [
    "NAMING_CONVENTION",
    "Account",
    "AuditEntry",
    "Base",
    "ChangeLog",
    "Complaint",
    "ComplaintCategory",
    "ComplaintEvent",
    "Desk",
    "District",
    "FormDraft",
    "HotlistEntry",
    "HotlistHeld",
    "HotlistIssued",
    "HotlistPhone",
    "NumberSequence",
    "Person",
    "PhoneReport",
    "PoliceStation",
    "StatisticsCategoryRef",
    "StatisticsPublication",
    "StoreMeta",
    "SyncConflict",
    "SyncEnrollment",
    "SyncImportLog",
    "SyncInbox",
    "SyncMixin",
    "SyncOutbox",
    "SyncStation",
    "SyncStationKey",
    "VehicleClassRef",
    "VehicleReport",
    "Zone",
]


# ------------------------------------------------------------------ desk identity and bookkeeping


class Desk(Base):
    """This install's identity: one row. A station desk or headquarters."""

    __tablename__ = "desk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))
    district_code: Mapped[str | None] = mapped_column(String(16))
    site_id: Mapped[str] = mapped_column(String(36))  # distinguishes two installs of one station
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FormDraft(Base):
    """A form in progress, saved as the volunteer types: offered back after a crash or power cut.

    Kept in the store (not a loose file) so personal data in it has the store's protection.
    """

    __tablename__ = "form_draft"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StoreMeta(Base):
    """Small key/value facts about the store (reference data hash, last export, ...)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class NumberSequence(Base):
    """The last human-readable number handed out, per desk, record kind and year."""

    __tablename__ = "number_sequence"

    desk_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class ChangeLog(Base):
    """Monotonic per-desk log of record changes: the source of outgoing sync bundles.

    ``seq`` uses AUTOINCREMENT on SQLite so a number is never reused, even after a rollback of
    the newest rows. ``row_image`` is the full record as JSON after the change.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_record", "table_name", "record_id"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    row_image: Mapped[str] = mapped_column(Text)
    # Link in the chain of record versions (cplc_desk.domain.audit.change_hash): a row changed
    # or removed outside the app breaks it, and ``check`` says where.
    chain_hash: Mapped[str | None] = mapped_column(String(64))


class AuditEntry(Base):
    """Append-only, hash-chained audit trail: who did what, when, on which desk.

    Database triggers (see the initial migration) refuse UPDATE and DELETE on SQLite; the hash
    chain makes an edit made behind the app's back detectable by ``cplc-desk check``.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_record", "record_table", "record_id"),
        # A desk's newest entry, found at every append (migration 0014).
        Index("ix_audit_log_desk_seq", "desk_code", "seq"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    desk_code: Mapped[str] = mapped_column(String(8))
    actor: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    record_table: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON; never holds a full CNIC or phone
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


# ------------------------------------------------------------------ reference data


class Zone(Base):
    __tablename__ = "ref_zone"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_ur: Mapped[str] = mapped_column(String(80), default="", server_default="")  # Urdu name


class District(Base):
    __tablename__ = "ref_district"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_ur: Mapped[str] = mapped_column(String(80), default="", server_default="")  # Urdu name
    zone_code: Mapped[str] = mapped_column(ForeignKey("ref_zone.code"))


class PoliceStation(Base):
    __tablename__ = "ref_police_station"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_ur: Mapped[str] = mapped_column(String(120), default="", server_default="")  # Urdu name
    district_code: Mapped[str] = mapped_column(ForeignKey("ref_district.code"), index=True)
    district_certainty: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ComplaintCategory(Base):
    __tablename__ = "ref_complaint_category"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_ur: Mapped[str] = mapped_column(String(120), default="", server_default="")  # Urdu name
    group: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class VehicleClassRef(Base):
    __tablename__ = "ref_vehicle_class"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_ur: Mapped[str] = mapped_column(String(80), default="", server_default="")  # Urdu name
    wheels: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# ------------------------------------------------------------------ synced records


class SyncMixin:
    """Columns every record that travels between desks carries."""

    __sync_table__: ClassVar[bool] = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin_desk: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_by: Mapped[str | None] = mapped_column(String(64))
    # Headquarters only: SHA-256 of the row image it merged last (None on the owning desk).
    # A station's change descends from what headquarters holds when its base hash equals this.
    sync_hash: Mapped[str | None] = mapped_column(String(64))


class Person(SyncMixin, Base):
    """Someone named in a record: a complainant or a vehicle owner."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), index=True)  # folded for search
    relative_name: Mapped[str | None] = mapped_column(String(120))  # father's/husband's name
    cnic: Mapped[str | None] = mapped_column(String(15), index=True)  # canonical #####-#######-#
    mobile: Mapped[str | None] = mapped_column(String(16), index=True)  # canonical 03XX-XXXXXXX
    address: Mapped[str | None] = mapped_column(Text)


class Complaint(SyncMixin, Base):
    __tablename__ = "complaint"
    # Lists page through complaints in registration order (keyset on created_at, id), within a
    # status, station or category when filtered: one index for each of those walks.
    __table_args__ = (
        Index("ix_complaint_created_id", "created_at", "id"),
        Index("ix_complaint_status_created", "status", "created_at", "id"),
        Index("ix_complaint_station_created", "police_station_code", "created_at", "id"),
        Index("ix_complaint_category_created", "category_code", "created_at", "id"),
        Index("ix_complaint_fir_created", "fir_key", "created_at", "id"),
    )

    number: Mapped[str] = mapped_column(String(24), unique=True)
    complainant_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("ref_complaint_category.code"))
    police_station_code: Mapped[str] = mapped_column(ForeignKey("ref_police_station.code"))
    incident_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    incident_place: Mapped[str | None] = mapped_column(String(200))
    fir_number: Mapped[str | None] = mapped_column(String(40))
    fir_key: Mapped[str | None] = mapped_column(String(40))
    fir_date: Mapped[date | None] = mapped_column(Date)
    narrative: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    next_follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)
    legacy_key: Mapped[str | None] = mapped_column(String(64), unique=True)  # CSV row identity
    legacy_ref: Mapped[str | None] = mapped_column(String(40))  # number in the old register

    # Relationships tell the unit of work to insert parents first; lazy="raise" keeps a stray
    # attribute access (say from a paint event) from quietly querying the database.
    complainant: Mapped[Person] = relationship(lazy="raise")


class ComplaintEvent(SyncMixin, Base):
    """One entry of a complaint's timeline: a status change or a follow-up note."""

    __tablename__ = "complaint_event"

    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaint.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_follow_up_on: Mapped[date | None] = mapped_column(Date)

    complaint: Mapped[Complaint] = relationship(lazy="raise")


class VehicleReport(SyncMixin, Base):
    __tablename__ = "vehicle_report"
    __table_args__ = (
        Index("ix_vehicle_report_created_at", "created_at"),
        # Headquarters' city-wide list filtered by police station (or a district's stations).
        Index("ix_vehicle_report_station_created", "police_station_code", "created_at", "id"),
    )

    number: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    vehicle_class: Mapped[str] = mapped_column(ForeignKey("ref_vehicle_class.code"))
    registration: Mapped[str | None] = mapped_column(String(40))
    registration_key: Mapped[str | None] = mapped_column(String(20), index=True)
    chassis: Mapped[str | None] = mapped_column(String(40))
    chassis_key: Mapped[str | None] = mapped_column(String(30), index=True)
    engine: Mapped[str | None] = mapped_column(String(40))
    engine_key: Mapped[str | None] = mapped_column(String(30), index=True)
    make: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(60))
    colour: Mapped[str | None] = mapped_column(String(40))
    model_year: Mapped[int | None] = mapped_column(Integer)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    incident_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    incident_place: Mapped[str | None] = mapped_column(String(200))
    police_station_code: Mapped[str] = mapped_column(
        ForeignKey("ref_police_station.code"), index=True
    )
    fir_number: Mapped[str | None] = mapped_column(String(40))
    fir_key: Mapped[str | None] = mapped_column(String(40), index=True)
    fir_date: Mapped[date | None] = mapped_column(Date)
    complaint_id: Mapped[str | None] = mapped_column(ForeignKey("complaint.id"))
    status: Mapped[str] = mapped_column(String(20), index=True)
    matched_report_id: Mapped[str | None] = mapped_column(ForeignKey("vehicle_report.id"))
    legacy_key: Mapped[str | None] = mapped_column(String(64), unique=True)  # CSV row identity
    legacy_ref: Mapped[str | None] = mapped_column(String(40))  # number in the old register

    owner: Mapped[Person | None] = relationship(lazy="raise")
    complaint: Mapped[Complaint | None] = relationship(lazy="raise")


class PhoneReport(SyncMixin, Base):
    """A handset stolen, snatched, recovered or found (docs/phones.md), known by its IMEIs: a
    dual-SIM handset has two, and a recovered handset's first may be a report's second."""

    __tablename__ = "phone_report"
    __table_args__ = (
        Index("ix_phone_report_created_at", "created_at"),
        Index("ix_phone_report_station_created", "police_station_code", "created_at", "id"),
    )

    number: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    imei: Mapped[str] = mapped_column(String(15), index=True)
    imei2: Mapped[str | None] = mapped_column(String(15), index=True)
    imei_altered: Mapped[bool] = mapped_column(Boolean, default=False)  # suspected re-programmed
    imei_note: Mapped[str | None] = mapped_column(String(500))
    make: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(60))
    colour: Mapped[str | None] = mapped_column(String(40))
    sim_number: Mapped[str | None] = mapped_column(String(20))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    incident_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    incident_place: Mapped[str | None] = mapped_column(String(200))
    police_station_code: Mapped[str] = mapped_column(
        ForeignKey("ref_police_station.code"), index=True
    )
    fir_number: Mapped[str | None] = mapped_column(String(40))
    fir_key: Mapped[str | None] = mapped_column(String(40), index=True)
    fir_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    matched_report_id: Mapped[str | None] = mapped_column(ForeignKey("phone_report.id"))
    legacy_key: Mapped[str | None] = mapped_column(String(64), unique=True)  # CSV row identity
    legacy_ref: Mapped[str | None] = mapped_column(String(40))  # number in the old register

    owner: Mapped[Person | None] = relationship(lazy="raise")


# ------------------------------------------------------------------ accounts (#7)


class Account(Base):
    """Someone who may sign in at this desk. Local to the desk: accounts never travel in bundles
    (no SyncMixin, so no change log) and each desk keeps its own."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    changed_by: Mapped[str] = mapped_column(String(64))
    # The language this person works in (``en``, ``ur``); None follows the PC's locale.
    language: Mapped[str | None] = mapped_column(String(8))
