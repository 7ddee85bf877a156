"""A month's statistics built by hand (not computed), for the PDF's tests and its page images:
realistic city figures, a public report's suppressed station cells, zero bases (no percentage),
Urdu names, silent stations and a published copy with changes."""

from __future__ import annotations

import csv
import random
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from cplc_desk.domain.statistics import (
    AsOf,
    Category,
    CategoryRow,
    HourDay,
    MakeModel,
    MatrixRow,
    Month,
    Publication,
    PublishedChange,
    RecoveryRate,
    StationRank,
    StatisticsReport,
    StatisticsRequest,
    TrendSeries,
    change,
)

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"
_LEVELS = {"four_wheeler": 160, "two_wheeler": 1900, "rickshaw": 40, "other_vehicle": 12,
           "mobile_phone": 2300}  # fmt: skip
_KIND = {"stolen": 0.45, "snatched": 0.55, "recovered": 0.3}


def categories() -> tuple[Category, ...]:
    """The categories as the reference data will name them (code, English, Urdu)."""
    rows = []
    for code, kind in (("four_wheeler", "Four-wheelers"), ("two_wheeler", "Two-wheelers"),
                       ("rickshaw", "Rickshaws"), ("other_vehicle", "Other vehicles"),
                       ("mobile_phone", "Mobile phones")):  # fmt: skip
        ur = {"four_wheeler": "چار پہیوں والی گاڑیاں", "two_wheeler": "موٹر سائیکلیں",
              "rickshaw": "رکشے", "other_vehicle": "دیگر گاڑیاں",
              "mobile_phone": "موبائل فون"}[code]  # fmt: skip
        for how, how_ur in (("stolen", "چوری شدہ"), ("snatched", "چھینی گئیں"),
                            ("recovered", "برآمد شدہ")):  # fmt: skip
            rows.append(Category(f"{code}.{how}", f"{kind} {how}", f"{ur} ({how_ur})", code,
                                 False, how == "snatched"))  # fmt: skip
    with (REFERENCE / "complaint_categories.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            rows.append(Category(
                f"complaint.{code.lower()}", row["name"], row.get("name_ur") or row["name"],
                "complaint", code in ("KIDNAPPING", "KIDNAPPING_RANSOM", "EXTORTION"),
                code in ("STREET_ROBBERY", "MOBILE_SNATCHING"),
            ))  # fmt: skip
    return tuple(rows)


def _level(category: Category) -> int:
    if category.group == "complaint":
        return 2 if category.sensitive else 25
    return max(1, int(_LEVELS[category.group] * _KIND[category.code.split(".")[1]]))


def _areas(rng: random.Random, cats: tuple[Category, ...], public: bool) -> tuple[MatrixRow, ...]:
    def read(name: str) -> list[dict[str, str]]:
        with (REFERENCE / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    stations = []
    for s in read("police_stations.csv"):
        counts: dict[str, int | None] = {}
        for c in cats:
            value = rng.randint(0, max(1, _level(c) // 30))
            counts[c.code] = None if public and c.sensitive and 0 < value < 3 else value
        stations.append(MatrixRow("station", s["code"], s["name"], s["name_ur"], s["district"],
                                  counts, sum(v or 0 for v in counts.values())))  # fmt: skip
    districts = [
        MatrixRow("district", d["code"], d["name"], d["name_ur"], d["zone"],
                  {c.code: rng.randint(0, _level(c) // 4 + 2) for c in cats}, 0)
        for d in read("districts.csv")
    ]  # fmt: skip
    zones = [
        MatrixRow("zone", z["code"], z["name"], z["name_ur"], None,
                  {c.code: rng.randint(0, _level(c) // 2 + 2) for c in cats}, 0)
        for z in read("zones.csv")
    ]  # fmt: skip
    totals = [replace(a, total=sum(v or 0 for v in a.counts.values())) for a in zones + districts]
    return (*totals, *stations)


def sample_report(
    *, public: bool = False, published: bool = False, seed: int = 16
) -> StatisticsReport:
    rng = random.Random(seed)
    month = Month(2026, 3)
    request = StatisticsRequest(month=month, public=public)
    cats = categories()
    rows = []
    trend = []
    for c in cats:
        level = _level(c)
        now, before, year_ago = (rng.randint(level // 2, level + 2) for _ in range(3))
        if c.code == "complaint.kidnapping_ransom":
            now, before, year_ago = 2, 0, 0  # zero bases: no percentage
        ytd, last_ytd = (
            now + before + rng.randint(level, 2 * level + 1),
            rng.randint(level, 3 * level + 1),
        )
        rows.append(CategoryRow(c.code, c.name, c.name_ur, c.group, now, before, year_ago, ytd,
                                last_ytd, change(now, before), change(now, year_ago),
                                change(ytd, last_ytd)))  # fmt: skip
        months = tuple(str(month.shift(-12 + i)) for i in range(13))
        counts = (*tuple(rng.randint(level // 2, level + 2) for _ in range(12)), now)
        trend.append(TrendSeries(c.code, months, counts))
    recovery = []
    for group in ("four_wheeler", "two_wheeler", "rickshaw", "other_vehicle", "mobile_phone"):
        by = {r.category.split(".")[1]: r.count for r in rows if r.group == group}
        taken = by["stolen"] + by["snatched"]
        recovery.append(RecoveryRate(group, taken, by["recovered"],
                                     round(by["recovered"] * 100 / taken, 1) if taken else None))  # fmt: skip
    matrix = _areas(rng, cats, public)
    station_rows = sorted((m for m in matrix if m.level == "station"), key=lambda m: -m.total)
    ranks = tuple(StationRank(i + 1, m.code, m.name, m.name_ur, m.parent or "", m.total)
                  for i, m in enumerate(station_rows))  # fmt: skip
    cells = tuple(tuple(rng.randint(0, 6) + (14 if 18 <= h <= 22 else 4 if 9 <= h <= 17 else 0)
                        + (6 if d >= 5 and h >= 20 else 0) for h in range(24)) for d in range(7))  # fmt: skip
    makes = (
        MakeModel("four_wheeler", "Toyota", "Corolla", 41), MakeModel("four_wheeler", "Suzuki", "Mehran", 37),
        MakeModel("four_wheeler", "Suzuki", "Cultus", 19), MakeModel("four_wheeler", "Honda", "Civic", 11),
        MakeModel("two_wheeler", "Honda", "CD 70", 612), MakeModel("two_wheeler", "Honda", "CG 125", 301),
        MakeModel("two_wheeler", "Yamaha", "YBR 125", 88), MakeModel("two_wheeler", "یونائیٹڈ", "US 70", 54),
        MakeModel("mobile_phone", "Samsung", "Galaxy A52", 140), MakeModel("mobile_phone", "Apple", "iPhone 13", 97),
        MakeModel("mobile_phone", "Infinix", "Hot 12", 66), MakeModel("mobile_phone", "", "", 12),
    )  # fmt: skip
    footnotes = (
        "Counted by the month of the incident in Pakistan time.",
        *(("Public report: station cells below 3 for kidnapping, kidnapping for ransom and "
           "extortion are not shown (*).",) if public else ()),
    )  # fmt: skip
    publication = None
    if published:
        first = rows[1]
        publication = Publication(
            str(month), str(month), "city", datetime(2026, 4, 2, 9, 30, tzinfo=UTC), "hq.admin",
            {r.category: r.count for r in rows},
            (PublishedChange(first.category, first.count - 4, first.count),
             PublishedChange("mobile_phone.snatched", 1180, 1193)),
        )  # fmt: skip
    return StatisticsReport(
        request=request,
        scope_label="Karachi (city-wide)",
        as_of=AsOf(datetime(2026, 4, 6, 7, 15, tzinfo=UTC), 1288, ("MOCH", "GADP", "SAHI")),
        categories=cats, rows=tuple(rows), recovery=tuple(recovery), matrix=matrix,
        trend=tuple(trend), hour_day=HourDay(tuple(c.code for c in cats if c.street_crime), cells, 37),
        makes=makes, stations=ranks, footnotes=footnotes, publication=publication,
    )  # fmt: skip
