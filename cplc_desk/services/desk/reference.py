"""Reference data: zones, districts, police stations, complaint categories, vehicle classes.

Shipped as CSV files in ``resources/reference``; loaded into the store whenever the files change
(compared by hash), so a corrected list reaches the store without a migration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select

from cplc_desk.domain import i18n
from cplc_desk.domain.folding import fold
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.models import (
    ComplaintCategory,
    District,
    PoliceStation,
    VehicleClassRef,
    Zone,
)


class _Named(Protocol):
    name: str
    name_ur: str


def local_name(row: _Named | None, fallback: str = "", language: str | None = None) -> str:
    """A reference row's name in the desk's active language (Urdu when the row has one)."""
    if row is None:
        return fallback
    if (language or i18n.current_language()) == i18n.URDU and row.name_ur:
        return row.name_ur
    return row.name


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str
    district_code: str
    district_name: str
    zone_name: str
    district_certainty: str


@dataclass(frozen=True)
class Choice:
    code: str
    name: str


def stations(ctx: DeskContext, language: str | None = None) -> list[StationInfo]:
    """Active police stations, named in ``language`` (default: the active one), by name."""
    with ctx.store.read() as s:
        rows = s.execute(
            select(PoliceStation, District, Zone)
            .join(District, PoliceStation.district_code == District.code)
            .join(Zone, District.zone_code == Zone.code)
            .where(PoliceStation.active.is_(True))
        ).all()
        found = [
            StationInfo(
                p.code,
                local_name(p, language=language),
                d.code,
                local_name(d, language=language),
                local_name(z, language=language),
                p.district_certainty,
            )
            for p, d, z in rows
        ]
        return sorted(found, key=lambda st: (fold(st.name), st.code))


def station(ctx: DeskContext, code: str, language: str | None = None) -> StationInfo | None:
    code = code.strip().upper()
    return next((st for st in stations(ctx, language) if st.code == code), None)


def complaint_categories(ctx: DeskContext, language: str | None = None) -> list[Choice]:
    with ctx.store.read() as s:
        rows = s.scalars(select(ComplaintCategory).where(ComplaintCategory.active.is_(True)))
        return [Choice(c.code, local_name(c, language=language)) for c in rows]


def vehicle_classes(ctx: DeskContext, language: str | None = None) -> list[Choice]:
    with ctx.store.read() as s:
        rows = s.scalars(select(VehicleClassRef).where(VehicleClassRef.active.is_(True)))
        return [Choice(c.code, local_name(c, language=language)) for c in rows]
