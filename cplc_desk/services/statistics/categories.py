"""The statistics categories, read from the store's reference data (loaded from
resources/reference/statistics_categories.csv): which records each one counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.domain.statistics import Category
from cplc_desk.storage.models import ComplaintCategory, StatisticsCategoryRef

SOURCES = ("complaint", "vehicle_report", "phone_report")


@dataclass(frozen=True)
class Catalogue:
    """The categories in their order, and where each kind of record is counted."""

    categories: tuple[Category, ...]
    vehicle: dict[tuple[str, str], str]  # (vehicle class, report kind) -> category code
    phone: dict[str, str]  # phone report kind -> category code
    complaint: dict[str, str]  # complaint category code -> category code

    def lookup(self, source: str, cls: str | None, kind: str) -> str | None:
        """The category a record of ``source`` (with this vehicle class and kind, or complaint
        category as ``kind``) is counted in, None if none."""
        if source == "vehicle_report":
            return self.vehicle.get((cls or "", kind))
        if source == "phone_report":
            return self.phone.get(kind)
        return self.complaint.get(kind)

    def by_code(self) -> dict[str, Category]:
        return {c.code: c for c in self.categories}


def load(s: Session) -> Catalogue:
    """The active categories; a complaint category the file does not name yet is counted on a
    row of its own (``complaint.<code>``) after the others, so no complaint goes uncounted."""
    refs = s.scalars(
        select(StatisticsCategoryRef)
        .where(StatisticsCategoryRef.active.is_(True))
        .order_by(StatisticsCategoryRef.ordinal, StatisticsCategoryRef.code)
    ).all()
    categories: list[Category] = []
    vehicle: dict[tuple[str, str], str] = {}
    phone: dict[str, str] = {}
    complaint: dict[str, str] = {}
    for ref in refs:
        categories.append(
            Category(ref.code, ref.name, ref.name_ur, ref.group, ref.sensitive, ref.street_crime)
        )
        kinds = [k for k in ref.kinds.split("|") if k]
        if ref.source == "vehicle_report":
            for cls in (c for c in ref.classes.split("|") if c):
                vehicle.update({(cls, kind): ref.code for kind in kinds})
        elif ref.source == "phone_report":
            phone.update({kind: ref.code for kind in kinds})
        else:
            complaint.update({kind: ref.code for kind in kinds})
    for cat in s.scalars(select(ComplaintCategory).order_by(ComplaintCategory.code)):
        if cat.code not in complaint:
            code = "complaint." + cat.code.lower()
            complaint[cat.code] = code
            categories.append(Category(code, cat.name, cat.name_ur, "complaint", False, False))
    return Catalogue(tuple(categories), vehicle, phone, complaint)
