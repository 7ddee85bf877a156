"""Crime statistics' public data model: what is asked (:class:`StatisticsRequest`) and what comes
back (:class:`StatisticsReport`). Plain frozen dataclasses with no personal data in them, so the
PDF, the window's Reports page and the exports read the same figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _

# Pakistan Standard Time: UTC+5 all year (no daylight saving since 2009).
PKT = timezone(timedelta(hours=5))


class StatisticsError(DeskError):
    """A statistics request that cannot be answered: says what is wrong and what to do."""

    default_code = "statistics"


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month in Pakistan time."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text or "")
        if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
            raise StatisticsError(
                _("'{text}' is not a month. Write it as YYYY-MM, for example 2026-03.").format(
                    text=text
                )
            )
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, moment: datetime) -> Month:
        """The month a UTC moment falls in, in Pakistan time."""
        local = moment.astimezone(PKT) if moment.tzinfo else moment.replace(tzinfo=UTC)
        local = local.astimezone(PKT)
        return cls(local.year, local.month)

    def shift(self, months: int) -> Month:
        n = self.year * 12 + self.month - 1 + months
        return Month(n // 12, n % 12 + 1)

    def start_utc(self) -> datetime:
        """Midnight Pakistan time on the 1st, as a naive-free UTC moment."""
        return datetime(self.year, self.month, 1, tzinfo=PKT).astimezone(UTC)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> tuple[Month, ...]:
    """``first`` to ``last``, both included."""
    out, m = [], first
    while m <= last:
        out.append(m)
        m = m.shift(1)
    return tuple(out)


@dataclass(frozen=True)
class StatisticsRequest:
    """One report asked for: ``month`` to ``to_month`` (both included; ``None``: one month),
    city-wide or one station (code) or one district (name or code), and whether it is for the
    public (sensitive station-level cells below 3 suppressed)."""

    month: Month
    to_month: Month | None = None
    station: str | None = None
    district: str | None = None
    public: bool = False

    @property
    def last(self) -> Month:
        return self.to_month or self.month

    @property
    def months(self) -> tuple[Month, ...]:
        return months_between(self.month, self.last)

    def scope_key(self) -> str:
        """Names the scope in a published copy: ``city``, ``station:CODE``, ``district:CODE``."""
        if self.station:
            return f"station:{self.station}"
        if self.district:
            return f"district:{self.district}"
        return "city"


@dataclass(frozen=True)
class Category:
    """One statistics category from resources/reference/statistics_categories.csv."""

    code: str  # e.g. four_wheeler.stolen, mobile_phone.snatched, complaint.extortion
    name: str
    name_ur: str
    group: str  # four_wheeler, two_wheeler, rickshaw, other_vehicle, mobile_phone, complaint
    sensitive: bool  # suppressed below 3 at station level in a public report
    street_crime: bool  # counted in the hour-of-day x day-of-week table


@dataclass(frozen=True)
class Change:
    """A figure against the one it is compared with: absolute first, percentage after (None
    when the earlier figure is 0)."""

    absolute: int
    percent: float | None


def change(now: int, before: int) -> Change:
    pct = None if before == 0 else round((now - before) * 100.0 / before, 1)
    return Change(now - before, pct)


@dataclass(frozen=True)
class CategoryRow:
    category: str
    name: str
    name_ur: str
    group: str
    count: int
    previous_month: int  # the same number of months just before
    same_month_last_year: int
    year_to_date: int  # 1 January to the end of the (last) month
    previous_year_to_date: int
    vs_previous_month: Change
    vs_last_year: Change
    vs_previous_year_to_date: Change


@dataclass(frozen=True)
class RecoveryRate:
    """Recovered against taken (stolen + snatched) for one group, over the months asked."""

    group: str  # four_wheeler, two_wheeler, rickshaw, other_vehicle, mobile_phone
    taken: int
    recovered: int
    rate: float | None  # percent, None when nothing was taken


@dataclass(frozen=True)
class MatrixRow:
    """One area's counts per category over the months asked. A suppressed cell is None."""

    level: str  # zone, district, station
    code: str
    name: str
    name_ur: str
    parent: str | None  # a district's zone, a station's district
    counts: dict[str, int | None] = field(hash=False, compare=True)
    total: int = 0


@dataclass(frozen=True)
class TrendSeries:
    """A category's counts for the 13 months ending with the (last) month asked, oldest first."""

    category: str
    months: tuple[str, ...]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class HourDay:
    """Street crime by hour of day (0-23) and day of week (0 = Monday), Pakistan time, records
    with a known incident time only."""

    categories: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]  # cells[day][hour]
    unknown_time: int  # street-crime records with no incident time (not in cells)


@dataclass(frozen=True)
class MakeModel:
    group: str  # four_wheeler, two_wheeler, ..., mobile_phone
    make: str
    model: str
    count: int


@dataclass(frozen=True)
class StationRank:
    rank: int
    code: str
    name: str
    name_ur: str
    district: str
    total: int


@dataclass(frozen=True)
class AsOf:
    """How current the figures are: when computed, from how many merged bundles, and which
    stations have sent nothing covering the (last) month."""

    computed_at: datetime
    bundles: int
    silent_stations: tuple[str, ...]  # station codes


@dataclass(frozen=True)
class PublishedChange:
    category: str
    published: int
    now: int


@dataclass(frozen=True)
class Publication:
    """A frozen copy of a month's figures, and (when read back later) what changed since."""

    month: str
    to_month: str
    scope: str
    published_at: datetime
    published_by: str
    counts: dict[str, int] = field(hash=False, compare=True)
    changes: tuple[PublishedChange, ...] = ()


@dataclass(frozen=True)
class StatisticsReport:
    request: StatisticsRequest
    scope_label: str
    as_of: AsOf
    categories: tuple[Category, ...]
    rows: tuple[CategoryRow, ...]
    recovery: tuple[RecoveryRate, ...]
    matrix: tuple[MatrixRow, ...]  # zones, then districts, then stations
    trend: tuple[TrendSeries, ...]
    hour_day: HourDay
    makes: tuple[MakeModel, ...]
    stations: tuple[StationRank, ...]
    footnotes: tuple[str, ...]
    publication: Publication | None = None  # the month's published copy, if any
    # The scope's name in English and in Urdu (the bilingual PDF prints each in its own
    # language; ``scope_label`` is the one of the language the report was made in).
    scope_names: tuple[str, str] = ("", "")

    def row(self, category: str) -> CategoryRow | None:
        return next((r for r in self.rows if r.category == category), None)


@dataclass(frozen=True)
class RecordBehind:
    """One record behind a figure, without personal data: enough to open it."""

    kind: str  # complaint, vehicle_report, phone_report
    id: str
    number: str
    category: str
    police_station_code: str
    counted_at: datetime  # incident time, or the report's when the incident time is unknown
    status: str
