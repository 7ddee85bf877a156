"""The shipped reference data (zones, districts, police stations, complaint categories,
vehicle classes) loaded into a store: upserted by code when the files change, never deleted,
since records point at them. The desk reads it through :mod:`cplc_desk.services.desk.reference`."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.paths import resource_path
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.db import Store
from cplc_desk.storage.models import (
    ComplaintCategory,
    District,
    PoliceStation,
    StatisticsCategoryRef,
    VehicleClassRef,
    Zone,
)

FILES = (
    "zones.csv",
    "districts.csv",
    "police_stations.csv",
    "complaint_categories.csv",
    "vehicle_classes.csv",
    "statistics_categories.csv",
)
META_KEY = "reference_hash"


def _read(name: str) -> list[dict[str, str]]:
    with (resource_path("reference") / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def files_hash(folder: Path | None = None) -> str:
    folder = folder or resource_path("reference")
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def load_if_changed(store: Store) -> bool:
    """Bring the store's reference tables up to the shipped files. True if anything was loaded."""
    current = files_hash()
    with store.read() as s:  # most starts: nothing changed, and no write lock is taken
        if store_meta.get(s, META_KEY) == current:
            return False
    with store.write(actor="system", desk_code="-") as s:
        if store_meta.get(s, META_KEY) == current:
            return False
        _load(s)
        store_meta.put(s, META_KEY, current)
    return True


def _names(row: dict[str, str]) -> dict[str, str]:
    """A row's English name and its Urdu one (files from before Urdu have none)."""
    return {"name": row["name"], "name_ur": row.get("name_ur") or ""}


def _load(s: Session) -> None:
    # Upsert by code; rows no longer shipped are marked inactive, never deleted, because
    # records already point at them.
    for row in _read("zones.csv"):
        s.merge(Zone(code=row["code"], **_names(row)))
    s.flush()
    for row in _read("districts.csv"):
        s.merge(
            District(
                code=row["code"],
                **_names(row),
                zone_code=row["zone"],
            )
        )
    s.flush()
    districts = {d.name.casefold(): d.code for d in s.scalars(select(District))}
    shipped = set()
    for row in _read("police_stations.csv"):
        shipped.add(row["code"])
        s.merge(
            PoliceStation(
                code=row["code"],
                **_names(row),
                district_code=districts[row["district"].casefold()],
                district_certainty=row["district_certainty"],
                source=row["source"],
                active=True,
            )
        )
    for station in s.scalars(select(PoliceStation).where(PoliceStation.code.not_in(shipped))):
        station.active = False
    for row in _read("complaint_categories.csv"):
        s.merge(
            ComplaintCategory(
                code=row["code"],
                **_names(row),
                group=row["group"],
                active=True,
            )
        )
    for row in _read("vehicle_classes.csv"):
        s.merge(
            VehicleClassRef(
                code=row["code"],
                **_names(row),
                wheels=int(row["wheels"]),
                active=True,
            )
        )
    _load_statistics_categories(s)


def _load_statistics_categories(s: Session) -> None:
    shipped = set()
    for row in _read("statistics_categories.csv"):
        shipped.add(row["code"])
        s.merge(
            StatisticsCategoryRef(
                code=row["code"],
                **_names(row),
                group=row["group"],
                source=row["source"],
                classes=row["classes"],
                kinds=row["kinds"],
                sensitive=row["sensitive"] == "1",
                street_crime=row["street_crime"] == "1",
                ordinal=int(row["order"]),
                active=True,
            )
        )
    for old in s.scalars(
        select(StatisticsCategoryRef).where(StatisticsCategoryRef.code.not_in(shipped))
    ):
        old.active = False
