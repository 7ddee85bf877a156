"""A report's tables built from its :class:`~.tally.Tally`: the category rows, recovery rates,
the area matrix, the trend, street crime by hour and day, makes stolen and stations ranked."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cplc_desk.domain.statistics import (
    Category,
    CategoryRow,
    HourDay,
    MakeModel,
    MatrixRow,
    Month,
    RecoveryRate,
    StationRank,
    StatisticsRequest,
    TrendSeries,
    change,
    months_between,
)
from cplc_desk.services.statistics.tally import Tally

SUPPRESS_BELOW = 3  # station-level cells of sensitive categories in a public report
TOP_MAKES = 10


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    name_ur: str
    parent: str | None


@dataclass(frozen=True)
class Areas:
    zones: tuple[Area, ...]
    districts: tuple[Area, ...]  # parent: zone code
    stations: tuple[Area, ...]  # parent: district code


@dataclass(frozen=True)
class Periods:
    """The months each figure of a row adds up."""

    asked: tuple[str, ...]
    previous: tuple[str, ...]
    last_year: tuple[str, ...]
    year_to_date: tuple[str, ...]
    previous_year_to_date: tuple[str, ...]
    trend: tuple[str, ...]

    @classmethod
    def of(cls, request: StatisticsRequest) -> Periods:
        first, last = request.month, request.last
        n = len(request.months)

        def span(a: Month, b: Month) -> tuple[str, ...]:
            return tuple(str(m) for m in months_between(a, b))

        return cls(
            asked=span(first, last),
            previous=span(first.shift(-n), first.shift(-1)),
            last_year=span(first.shift(-12), last.shift(-12)),
            year_to_date=span(Month(last.year, 1), last),
            previous_year_to_date=span(Month(last.year - 1, 1), last.shift(-12)),
            trend=span(last.shift(-12), last),
        )

    def earliest(self) -> Month:
        every = self.previous + self.last_year + self.previous_year_to_date + self.trend
        return Month.parse(min(every + self.asked))


def by_category_month(tally: Tally) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for (code, _station, month), n in tally.cells.items():
        out[code][month] += n
    return out


def rows(categories: Sequence[Category], tally: Tally, periods: Periods) -> list[CategoryRow]:
    months = by_category_month(tally)
    out = []
    for cat in categories:
        c = months.get(cat.code, Counter())

        def total(span: Iterable[str], c: Counter[str] = c) -> int:
            return sum(c[m] for m in span)

        count, prev, last_year = (
            total(periods.asked),
            total(periods.previous),
            total(periods.last_year),
        )
        ytd, prev_ytd = total(periods.year_to_date), total(periods.previous_year_to_date)
        out.append(
            CategoryRow(
                cat.code,
                cat.name,
                cat.name_ur,
                cat.group,
                count,
                prev,
                last_year,
                ytd,
                prev_ytd,
                change(count, prev),
                change(count, last_year),
                change(ytd, prev_ytd),
            )
        )
    return out


def recovery(category_rows: Sequence[CategoryRow]) -> list[RecoveryRate]:
    taken: Counter[str] = Counter()
    recovered: Counter[str] = Counter()
    groups: list[str] = []
    for row in category_rows:
        if row.group == "complaint":
            continue
        if row.group not in groups:
            groups.append(row.group)
        kind = row.category.rsplit(".", 1)[-1]
        if kind in ("stolen", "snatched"):
            taken[row.group] += row.count
        elif kind == "recovered":
            recovered[row.group] += row.count
    return [
        RecoveryRate(
            g,
            taken[g],
            recovered[g],
            None if not taken[g] else round(recovered[g] * 100.0 / taken[g], 1),
        )
        for g in groups
    ]


def matrix(
    categories: Sequence[Category], tally: Tally, periods: Periods, areas: Areas, public: bool
) -> list[MatrixRow]:
    asked = set(periods.asked)
    per_station: dict[str, Counter[str]] = defaultdict(Counter)
    for (code, station, month), n in tally.cells.items():
        if month in asked:
            per_station[station][code] += n
    district_of = {a.code: a.parent for a in areas.stations}
    zone_of = {a.code: a.parent for a in areas.districts}
    per_district: dict[str, Counter[str]] = defaultdict(Counter)
    per_zone: dict[str, Counter[str]] = defaultdict(Counter)
    for station, counts in per_station.items():
        district = district_of.get(station) or ""
        per_district[district].update(counts)
        per_zone[zone_of.get(district) or ""].update(counts)
    codes = [c.code for c in categories]
    sensitive = {c.code for c in categories if c.sensitive}
    out = []
    for level, area_list, counts_of in (
        ("zone", areas.zones, per_zone),
        ("district", areas.districts, per_district),
        ("station", areas.stations, per_station),
    ):
        for area in area_list:
            counts = counts_of.get(area.code, Counter())
            cells: dict[str, int | None] = {code: counts[code] for code in codes}
            if public and level == "station":
                for code in sensitive:
                    if (cells[code] or 0) < SUPPRESS_BELOW:
                        cells[code] = None
            total = sum(counts[code] for code in codes)
            out.append(
                MatrixRow(level, area.code, area.name, area.name_ur, area.parent, cells, total)
            )
    return out


def trend(categories: Sequence[Category], tally: Tally, periods: Periods) -> list[TrendSeries]:
    months = by_category_month(tally)
    return [
        TrendSeries(
            c.code,
            periods.trend,
            tuple(months.get(c.code, Counter())[m] for m in periods.trend),
        )
        for c in categories
    ]


def hour_day(
    categories: Sequence[Category], tally: Tally, category_rows: Sequence[CategoryRow]
) -> HourDay:
    street = tuple(c.code for c in categories if c.street_crime)
    grid = [[0] * 24 for _ in range(7)]
    for (code, day, hour), n in tally.hours.items():
        if code in street:
            grid[day][hour] += n
    timed = sum(sum(r) for r in grid)
    counted = sum(r.count for r in category_rows if r.category in street)
    return HourDay(street, tuple(tuple(r) for r in grid), counted - timed)


def makes(categories: Sequence[Category], tally: Tally) -> list[MakeModel]:
    group_of = {c.code: c.group for c in categories}
    per_group: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for (code, make, model), n in tally.makes.items():
        if n > 0 and code in group_of:
            per_group[group_of[code]][(make, model)] += n
    out: list[MakeModel] = []
    for group, counts in per_group.items():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_MAKES]
        out.extend(MakeModel(group, make, model, n) for (make, model), n in ranked)
    return out


def ranked(matrix_rows: Sequence[MatrixRow], district_names: dict[str, str]) -> list[StationRank]:
    stations = [r for r in matrix_rows if r.level == "station" and r.total]
    stations.sort(key=lambda r: (-r.total, r.code))
    return [
        StationRank(
            i + 1, r.code, r.name, r.name_ur, district_names.get(r.parent or "", ""), r.total
        )
        for i, r in enumerate(stations)
    ]
