"""A report's counts gathered once: every record's category, station and month, with the
duplicates taken off, and the street-crime hours and the makes stolen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from cplc_desk.domain.statistics import Month
from cplc_desk.services.statistics import counting
from cplc_desk.services.statistics.categories import SOURCES, Catalogue


@dataclass
class Tally:
    # (category, station, month) -> count over the whole window
    cells: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    # (category, weekday Monday=0, hour) -> count, in the months asked, known incident times
    hours: Counter[tuple[str, int, int]] = field(default_factory=Counter)
    # (category, make, model) -> count, theft reports in the months asked
    makes: Counter[tuple[str, str, str]] = field(default_factory=Counter)


def gather(
    s: Session,
    catalogue: Catalogue,
    window: tuple[datetime, datetime],
    asked: tuple[datetime, datetime],
    stations: Sequence[str] | None,
    step: Callable[[], None],
) -> Tally:
    """Count every source over ``window`` (months compared), hours and makes over ``asked``."""
    tally = Tally()
    for source in SOURCES:
        for station, cls, kind, month, n in counting.by_month(s, source, *window, stations):
            code = catalogue.lookup(source, cls, kind)
            if code:
                tally.cells[(code, station, month)] += n
        step()
        for cls, kind, hour, day, n in counting.hours(s, source, *asked, stations):
            code = catalogue.lookup(source, cls, kind)
            if code:
                tally.hours[(code, counting.weekday(s, day), int(hour))] += n
        if source != "complaint":
            for cls, kind, make, model, n in counting.makes(s, source, *asked, stations):
                code = catalogue.lookup(source, cls, kind)
                if code:
                    tally.makes[(code, make, model)] += n
        _take_off_duplicates(s, tally, catalogue, source, window, asked, stations)
        step()
    return tally


def _take_off_duplicates(
    s: Session,
    tally: Tally,
    catalogue: Catalogue,
    source: str,
    window: tuple[datetime, datetime],
    asked: tuple[datetime, datetime],
    stations: Sequence[str] | None,
) -> None:
    first, last = _month_of(asked[0]), _month_of_end(asked[1])
    for row in counting.duplicates(s, source, *window, stations):
        _id, station, cls, kind, month, hour, day, make, model = row
        code = catalogue.lookup(source, cls, kind)
        if not code:
            continue
        tally.cells[(code, station, month)] -= 1
        if not first <= month <= last:
            continue
        if hour is not None:
            tally.hours[(code, counting.weekday(s, day), int(hour))] -= 1
        if make:
            tally.makes[(code, make, model)] -= 1


def _month_of(moment: datetime) -> str:
    return str(Month.of(moment))


def _month_of_end(moment: datetime) -> str:
    return str(Month.of(moment - timedelta(microseconds=1)))
