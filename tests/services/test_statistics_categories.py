"""The statistics categories file: every record kind counted in exactly one category, every
complaint category on its own row, and the mapping loaded into the store as reference data."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from cplc_desk.domain.enums import PhoneReportKind, VehicleClass, VehicleReportKind
from cplc_desk.paths import resource_path
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.statistics import categories
from cplc_desk.storage.models import StatisticsCategoryRef

REFERENCE = resource_path("reference")


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_vehicle_and_phone_report_counts_in_exactly_one_category() -> None:
    rows = _rows("statistics_categories.csv")
    vehicle: Counter[tuple[str, str]] = Counter()
    phone: Counter[str] = Counter()
    for row in rows:
        kinds = row["kinds"].split("|")
        if row["source"] == "vehicle_report":
            vehicle.update((c, k) for c in row["classes"].split("|") for k in kinds)
        elif row["source"] == "phone_report":
            phone.update(kinds)
    assert set(vehicle) == {(c.value, k.value) for c in VehicleClass for k in VehicleReportKind}
    assert set(vehicle.values()) == {1}
    assert set(phone) == {k.value for k in PhoneReportKind} and set(phone.values()) == {1}


def test_every_complaint_category_has_its_row_and_the_sensitive_ones_are_marked() -> None:
    rows = {r["code"]: r for r in _rows("statistics_categories.csv")}
    for cat in _rows("complaint_categories.csv"):
        row = rows["complaint." + cat["code"].lower()]
        assert (row["source"], row["kinds"]) == ("complaint", cat["code"])
    sensitive = {code for code, r in rows.items() if r["sensitive"] == "1"}
    assert sensitive == {
        "complaint.kidnapping",
        "complaint.kidnapping_ransom",
        "complaint.extortion",
    }
    assert all(r["name_ur"] for r in rows.values())  # shown in Urdu too


def test_the_categories_are_loaded_with_the_reference_data(ctx: DeskContext) -> None:
    with ctx.store.read() as s:
        stored = s.scalars(select(StatisticsCategoryRef.code)).all()
        catalogue = categories.load(s)
    assert len(stored) == len(_rows("statistics_categories.csv"))
    assert catalogue.lookup("vehicle_report", "COMMERCIAL", "snatched") == "four_wheeler.snatched"
    assert catalogue.lookup("vehicle_report", "RICKSHAW", "stolen") == "rickshaw.stolen"
    assert catalogue.lookup("phone_report", None, "found") == "mobile_phone.recovered"
    assert catalogue.lookup("complaint", None, "EXTORTION") == "complaint.extortion"


def test_the_documented_categories_are_the_shipped_ones() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "statistics.md").read_text(encoding="utf-8")
    for group in {r["group"] for r in _rows("statistics_categories.csv")} - {"complaint"}:
        assert f"`{group}.stolen`" in doc
    assert "`complaint.<code in lower case>`" in doc
