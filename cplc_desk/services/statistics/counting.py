"""The counts behind a report, as GROUP BY queries over the record tables (docs/statistics.md).

A record is counted at the moment of its incident, or of its registration when the incident's
time is unknown, in Pakistan time. Tombstoned records, withdrawn and duplicate complaints are
left out; so is a theft report (vehicle or handset) of something an earlier theft report at
another desk already names (the same registration, chassis or engine number; the same IMEI),
headquarters' probable-duplicate link in its exact form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from cplc_desk.domain.enums import THEFT_KINDS, ComplaintStatus
from cplc_desk.storage.models import Complaint, PhoneReport, VehicleReport

LEFT_OUT_COMPLAINTS = (ComplaintStatus.WITHDRAWN.value, ComplaintStatus.DUPLICATE.value)
MODELS: dict[str, Any] = {
    "complaint": Complaint,
    "vehicle_report": VehicleReport,
    "phone_report": PhoneReport,
}


def counted_at(model: Any) -> ColumnElement[Any]:
    """When a record counts: its incident, or its registration when the incident is unknown."""
    return func.coalesce(model.incident_at, model.created_at)


def _local(s: Session, moment: ColumnElement[Any], sqlite_format: str, pg_format: str) -> Any:
    if s.get_bind().dialect.name == "sqlite":
        return func.strftime(sqlite_format, moment, "+5 hours")
    shifted = func.timezone("UTC", moment) + literal_column("interval '5 hours'")
    return func.to_char(shifted, pg_format)


def month_key(s: Session, moment: ColumnElement[Any]) -> Any:
    """``YYYY-MM`` of a UTC moment in Pakistan time, in SQL."""
    return _local(s, moment, "%Y-%m", "YYYY-MM")


def hour_and_day(s: Session, moment: ColumnElement[Any]) -> tuple[Any, Any]:
    """Hour (``00``-``23``) and weekday in Pakistan time, in SQL; :func:`weekday` reads the
    latter (SQLite counts from Sunday = 0, PostgreSQL's ISO days from Monday = 1)."""
    return _local(s, moment, "%H", "HH24"), _local(s, moment, "%w", "ID")


def weekday(s: Session, value: str | int) -> int:
    """A weekday from :func:`hour_and_day`, Monday = 0."""
    if s.get_bind().dialect.name == "sqlite":
        return (int(value) + 6) % 7
    return int(value) - 1


_NO_CLASS: Any = literal_column("''")


def _class_and_kind(model: Any) -> tuple[Any, Any]:
    if model is Complaint:
        return _NO_CLASS, Complaint.category_code
    if model is VehicleReport:
        return VehicleReport.vehicle_class, VehicleReport.kind
    return _NO_CLASS, PhoneReport.kind


def _grouped(*columns: Any) -> list[Any]:
    """The columns to group by: not the constant class of a record without one (PostgreSQL
    refuses a constant in GROUP BY)."""
    return [c for c in columns if c is not _NO_CLASS]


def kept(model: Any, start: datetime, end: datetime, stations: Sequence[str] | None) -> list[Any]:
    """The conditions every counted record meets (duplicates across desks apart)."""
    when = counted_at(model)
    where: list[Any] = [model.deleted_at.is_(None), when >= start, when < end]
    if model is Complaint:
        where.append(Complaint.status.not_in(LEFT_OUT_COMPLAINTS))
    if stations is not None:
        where.append(model.police_station_code.in_(list(stations)))
    return where


def earlier_elsewhere(model: Any) -> Any:
    """SQL: an earlier theft report at another desk names the same vehicle or handset."""
    if model is Complaint:
        return None
    other = aliased(model)
    if model is VehicleReport:
        same: Any = or_(
            *(
                and_(getattr(model, key).is_not(None), getattr(other, key) == getattr(model, key))
                for key in ("registration_key", "chassis_key", "engine_key")
            )
        )
    else:
        imeis = (PhoneReport.imei, PhoneReport.imei2)
        same = or_(
            *(
                and_(mine.is_not(None), theirs == mine)
                for mine in imeis
                for theirs in (other.imei, other.imei2)
            )
        )
    return and_(
        model.kind.in_(THEFT_KINDS),
        exists().where(
            other.kind.in_(THEFT_KINDS),
            other.deleted_at.is_(None),
            other.origin_desk != model.origin_desk,
            or_(
                other.created_at < model.created_at,
                and_(other.created_at == model.created_at, other.id < model.id),
            ),
            same,
        ),
    )


def _counts(s: Session, columns: tuple[Any, ...], where: list[Any]) -> list[Any]:
    """How many records meeting ``where`` each value of ``columns`` has: rows of the values,
    then the count."""
    stmt = select(*columns, func.count()).where(*where).group_by(*_grouped(*columns))
    return [tuple(row) for row in s.execute(stmt)]


def by_month(
    s: Session, source: str, start: datetime, end: datetime, stations: Sequence[str] | None
) -> list[tuple[str, str, str, str, int]]:
    """(station, class, kind, month, count) over the whole window, duplicates included."""
    model = MODELS[source]
    cls, kind = _class_and_kind(model)
    month = month_key(s, counted_at(model))
    return _counts(
        s, (model.police_station_code, cls, kind, month), kept(model, start, end, stations)
    )


def hours(
    s: Session, source: str, start: datetime, end: datetime, stations: Sequence[str] | None
) -> list[tuple[str, str, str, str, int]]:
    """(class, kind, hour, weekday, count) of records with a known incident time."""
    model = MODELS[source]
    cls, kind = _class_and_kind(model)
    hour, day = hour_and_day(s, model.incident_at)
    known = [*kept(model, start, end, stations), model.incident_at.is_not(None)]
    return _counts(s, (cls, kind, hour, day), known)


def makes(
    s: Session, source: str, start: datetime, end: datetime, stations: Sequence[str] | None
) -> list[tuple[str, str, str, str, int]]:
    """(class, kind, make, model, count) of theft reports with a make."""
    model = MODELS[source]
    cls, kind = _class_and_kind(model)
    make = func.upper(func.trim(model.make))
    name = func.coalesce(func.upper(func.trim(model.model)), "")
    thefts = [
        *kept(model, start, end, stations),
        model.kind.in_(THEFT_KINDS),
        model.make.is_not(None),
        model.make != "",
    ]
    return _counts(s, (cls, kind, make, name), thefts)


def duplicates(
    s: Session, source: str, start: datetime, end: datetime, stations: Sequence[str] | None
) -> list[Any]:
    """The duplicate theft reports in the window, one row each: id, station, class, kind,
    month, hour, weekday (None without an incident time), make, model."""
    model = MODELS[source]
    test = earlier_elsewhere(model)
    if test is None:
        return []
    cls, kind = _class_and_kind(model)
    hour, day = hour_and_day(s, model.incident_at)
    stmt: Select[Any] = select(
        model.id,
        model.police_station_code,
        cls,
        kind,
        month_key(s, counted_at(model)),
        hour,
        day,
        func.upper(func.trim(model.make)),
        func.coalesce(func.upper(func.trim(model.model)), ""),
    ).where(*kept(model, start, end, stations), test)
    return list(s.execute(stmt))


def rows_behind(
    s: Session,
    source: str,
    start: datetime,
    end: datetime,
    stations: Sequence[str] | None,
    pairs: Iterable[tuple[str, str]],
) -> list[Any]:
    """The records (no personal data) of the given (class, kind) pairs, duplicates left out."""
    model = MODELS[source]
    cls, kind = _class_and_kind(model)
    wanted = list(pairs)
    if not wanted:
        return []
    table: Table = model.__table__
    match = or_(*(and_(cls == c, kind == k) if c else kind == k for c, k in wanted))
    stmt = select(
        table.c.id,
        table.c.number,
        cls,
        kind,
        table.c.police_station_code,
        counted_at(model),
        table.c.status,
    ).where(*kept(model, start, end, stations), match)
    test = earlier_elsewhere(model)
    if test is not None:
        stmt = stmt.where(~test)
    return list(s.execute(stmt.order_by(counted_at(model), table.c.number)))
