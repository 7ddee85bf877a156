"""The hotlist's tables: at headquarters every hotlist it wrote, at a station the one it holds
and its entries (open thefts of vehicles and of handsets, no owners). Imported by :mod:`cplc_desk.storage.models`, where
every table is named."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cplc_desk.storage.base import Base
from cplc_desk.storage.mixins import HotlistHeader
from cplc_desk.storage.types import UTCDateTime

# ------------------------------------------------------------------ the hotlist (issue 6)


class HotlistIssued(HotlistHeader, Base):
    """Headquarters: every hotlist it wrote. The highest sequence is the newest."""

    __tablename__ = "hotlist_issued"

    issued_by: Mapped[str] = mapped_column(String(64))
    entry_count: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))


class HotlistHeld(HotlistHeader, Base):
    """A station: the one hotlist it holds (replaced whole by a newer one)."""

    __tablename__ = "hotlist_held"

    hq_name: Mapped[str] = mapped_column(String(120))
    hq_key_id: Mapped[str] = mapped_column(String(16))
    entry_count: Mapped[int] = mapped_column(Integer)  # vehicles
    file_sha256: Mapped[str] = mapped_column(String(64))
    # Handsets (hotlist format 2, issue 15); 0 for a hotlist held from before.
    phone_count: Mapped[int] = mapped_column(Integer, server_default="0")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_by: Mapped[str] = mapped_column(String(64))


class HotlistEntry(Base):
    """A station: one open theft of the held hotlist. No owner: the hotlist carries none.

    The ``*_key`` columns are the identifiers normalised as vehicle reports' are
    (:func:`cplc_desk.domain.validation.normalize_identifier`) and indexed for verification.
    """

    __tablename__ = "hotlist_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(24), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    vehicle_class: Mapped[str] = mapped_column(String(16))
    registration: Mapped[str | None] = mapped_column(String(40))
    registration_key: Mapped[str | None] = mapped_column(String(40), index=True)
    chassis: Mapped[str | None] = mapped_column(String(40))
    chassis_key: Mapped[str | None] = mapped_column(String(40), index=True)
    engine: Mapped[str | None] = mapped_column(String(40))
    engine_key: Mapped[str | None] = mapped_column(String(40), index=True)
    make: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(60))
    colour: Mapped[str | None] = mapped_column(String(40))
    model_year: Mapped[int | None] = mapped_column(Integer)
    police_station_code: Mapped[str] = mapped_column(String(8))
    incident_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    fir_number: Mapped[str | None] = mapped_column(String(40))
    fir_date: Mapped[date | None] = mapped_column(Date)


class HotlistPhone(Base):
    """A station: one open handset theft of the held hotlist (issue 15). No owner, no SIM
    number: the hotlist carries none. Both IMEIs are indexed for the handset check."""

    __tablename__ = "hotlist_phone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(24), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    imei: Mapped[str] = mapped_column(String(15), index=True)
    imei2: Mapped[str | None] = mapped_column(String(15), index=True)
    imei_altered: Mapped[bool] = mapped_column(Boolean)
    make: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(60))
    colour: Mapped[str | None] = mapped_column(String(40))
    police_station_code: Mapped[str] = mapped_column(String(8))
    incident_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
