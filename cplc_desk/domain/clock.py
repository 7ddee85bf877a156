"""Time as the desks see it: stored in UTC, shown and numbered in Pakistan time.

Pakistan Standard Time is UTC+5 with no daylight saving (none since 2009), so a fixed offset is
exact and needs no time-zone database, which a Windows desk may not have.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

PKT = timezone(timedelta(hours=5), "PKT")


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_local(value: datetime) -> datetime:
    return value.astimezone(PKT)


def local_year(value: datetime) -> int:
    return to_local(value).year


DAY_FORMAT = "%d/%m/%Y"


def shown(value: datetime | None, empty: str = "-") -> str:
    """A moment as the desk shows it everywhere (window, command line, receipts):
    ``05/12/2026 13:02`` in Pakistan time, day/month/year and a 24-hour clock, as the forms read
    them."""
    return to_local(value).strftime(f"{DAY_FORMAT} %H:%M") if value is not None else empty


def shown_day(value: date | datetime | None, empty: str = "-") -> str:
    """A day as the desk shows it: ``05/12/2026`` (a moment's day in Pakistan)."""
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = to_local(value)
    return value.strftime(DAY_FORMAT)
