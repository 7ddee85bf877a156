"""Reference data: zones, districts, police stations, complaint categories, vehicle classes.

Shipped as CSV files in ``resources/reference``; loaded into the store whenever the files change
(compared by hash), so a corrected list reaches the store without a migration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    return _in(language, row.name, row.name_ur)


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


def _in(language: str | None, name: str, name_ur: str | None) -> str:
    if (language or i18n.current_language()) == i18n.URDU and name_ur:
        return name_ur
    return name


def station_names(s: Session) -> dict[str, str]:
    """Every police station's name by its code, as records and hotlist entries name them."""
    return {code: name for code, name in s.execute(select(PoliceStation.code, PoliceStation.name))}


def stations(ctx: DeskContext, language: str | None = None) -> list[StationInfo]:
    """Active police stations, named in ``language`` (default: the active one), by name.

    Read through the tables, not the mapped classes: the Overview asks this while the window
    opens, and a first ORM query would configure every mapper on the start path."""
    p, d, z = PoliceStation.__table__.c, District.__table__.c, Zone.__table__.c
    query = (
        select(p.code, p.name, p.name_ur, p.district_certainty)
        .add_columns(d.code.label("d_code"), d.name.label("d_name"), d.name_ur.label("d_name_ur"))
        .add_columns(z.name.label("z_name"), z.name_ur.label("z_name_ur"))
        .join_from(PoliceStation.__table__, District.__table__, p.district_code == d.code)
        .join(Zone.__table__, d.zone_code == z.code)
        .where(p.active.is_(True))
    )
    with ctx.store.read() as s:
        found = [
            StationInfo(
                r.code,
                _in(language, r.name, r.name_ur),
                r.d_code,
                _in(language, r.d_name, r.d_name_ur),
                _in(language, r.z_name, r.z_name_ur),
                r.district_certainty,
            )
            for r in s.execute(query)
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
