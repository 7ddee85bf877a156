"""Time as the desks see it: stored in UTC, shown and numbered in Pakistan time.

Pakistan Standard Time is UTC+5 with no daylight saving (none since 2009), so a fixed offset is
exact and needs no time-zone database, which a Windows desk may not have.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

PKT = timezone(timedelta(hours=5), "PKT")


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_local(value: datetime) -> datetime:
    return value.astimezone(PKT)


def local_year(value: datetime) -> int:
    return to_local(value).year


def shown(value: datetime | None, empty: str = "-") -> str:
    """A moment as the desk shows it everywhere: ``05/12/2026 13:02`` in Pakistan time
    (day/month/year and a 24-hour clock, as the forms read them)."""
    return to_local(value).strftime("%d/%m/%Y %H:%M") if value is not None else empty
