"""The shipped reference data (zones, districts, police stations, complaint categories,
vehicle classes) loaded into a store: upserted by code when the files change, never deleted,
since records point at them. The desk reads it through :mod:`cplc_desk.services.desk.reference`."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _upsert(
    s: Session, model: Any, file: str, columns: Callable[[dict[str, str]], dict[str, Any]]
) -> set[str]:
    """Every row of ``file`` into ``model`` by its code, named in both languages, with its other
    ``columns``; the codes shipped."""
    shipped = set()
    for row in _read(file):
        shipped.add(row["code"])
        s.merge(model(code=row["code"], **_names(row), **columns(row)))
    return shipped


def _retire(s: Session, model: Any, shipped: set[str]) -> None:
    """Rows no longer shipped are marked inactive, never deleted: records already point at them."""
    for old in s.scalars(select(model).where(model.code.not_in(shipped))):
        old.active = False


def _load(s: Session) -> None:
    # Upsert by code.
    _upsert(s, Zone, "zones.csv", lambda row: {})
    s.flush()
    _upsert(s, District, "districts.csv", lambda row: {"zone_code": row["zone"]})
    s.flush()
    districts = {d.name.casefold(): d.code for d in s.scalars(select(District))}
    stations = _upsert(
        s,
        PoliceStation,
        "police_stations.csv",
        lambda row: {
            "district_code": districts[row["district"].casefold()],
            "district_certainty": row["district_certainty"],
            "source": row["source"],
            "active": True,
        },
    )
    _retire(s, PoliceStation, stations)
    _upsert(
        s,
        ComplaintCategory,
        "complaint_categories.csv",
        lambda row: {"group": row["group"], "active": True},
    )
    _upsert(
        s,
        VehicleClassRef,
        "vehicle_classes.csv",
        lambda row: {"wheels": int(row["wheels"]), "active": True},
    )
    categories = _upsert(
        s,
        StatisticsCategoryRef,
        "statistics_categories.csv",
        lambda row: {
            "group": row["group"],
            "source": row["source"],
            "classes": row["classes"],
            "kinds": row["kinds"],
            "sensitive": row["sensitive"] == "1",
            "street_crime": row["street_crime"] == "1",
            "ordinal": int(row["order"]),
            "active": True,
        },
    )
    _retire(s, StatisticsCategoryRef, categories)
