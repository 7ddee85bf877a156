"""The hotlist's rows on either side: the lines headquarters writes (open vehicle thefts, and
handsets in the columns :mod:`cplc_desk.services.phones.phone_hotlist` names) and a station's
storing of the lines it reads, each kind into its table, in batches (a city's list never whole
in memory)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from cplc_desk.domain.enums import THEFT_KINDS
from cplc_desk.services.desk.report_links import open_of
from cplc_desk.services.phones import phone_hotlist
from cplc_desk.storage.bulk import BulkWriter
from cplc_desk.storage.models import HotlistEntry, PhoneReport, VehicleReport
from cplc_desk.sync import hotlist as hotlist_file

INSERT_BATCH = 10_000

# Columns of vehicle_report that go into a hotlist, in the file's column order: never owner_id
# (nor anything personal).
_EXPORTED = (
    VehicleReport.number, VehicleReport.kind, VehicleReport.vehicle_class,
    VehicleReport.registration, VehicleReport.registration_key, VehicleReport.chassis,
    VehicleReport.chassis_key, VehicleReport.engine, VehicleReport.engine_key,
    VehicleReport.make, VehicleReport.model, VehicleReport.colour, VehicleReport.model_year,
    VehicleReport.police_station_code, VehicleReport.incident_at, VehicleReport.fir_number,
    VehicleReport.fir_date,
)  # fmt: skip
HOTLIST_TABLE: Table = HotlistEntry.__table__  # type: ignore[assignment]
_STORED = [c.name for c in HOTLIST_TABLE.columns]
_AS_STORED = ["police_station_code" if c == "police_station" else c for c in hotlist_file.COLUMNS]
# The file's columns are the vehicle report's and the hotlist table's (after its id), in order:
# rows go from one to the other without renaming.
assert [c.key for c in _EXPORTED] == _AS_STORED == _STORED[1:]
_DATES = [hotlist_file.COLUMNS.index(n) for n in ("incident_at", "fir_date")]


def _line(row: Sequence[Any], dates: Collection[int]) -> list[Any]:
    out = list(row)
    for i in dates:
        if out[i] is not None:
            out[i] = out[i].isoformat()
    return out


def _open_thefts(
    s: Session,
    model: type[VehicleReport | PhoneReport],
    exported: Sequence[Any],
    dates: Collection[int],
) -> list[list[Any]]:
    """Headquarters: every open, live report of ``model`` that is a theft (stolen or snatched), as
    hotlist lines of its ``exported`` columns (the ones at ``dates`` written as ISO text)."""
    rows = s.execute(select(*exported).where(*open_of(model, THEFT_KINDS)).order_by(model.number))
    return [_line(row, dates) for row in rows]


def open_vehicle_thefts(s: Session) -> list[list[Any]]:
    """Headquarters: every open, live stolen or snatched vehicle, as hotlist lines."""
    return _open_thefts(s, VehicleReport, _EXPORTED, _DATES)


def open_phone_thefts(s: Session) -> list[list[Any]]:
    """Headquarters: every open, live stolen or snatched handset, as hotlist lines."""
    p = phone_hotlist
    return _open_thefts(s, PhoneReport, p.EXPORTED, p.DATES)


def store_lines(
    conn: Connection, lines: Iterable[tuple[str, list[Any]]], batch_size: int = INSERT_BATCH
) -> dict[str, int]:
    """Insert the lines read (``(what, row)``, :func:`cplc_desk.sync.hotlist.iter_lines`) into
    emptied tables, ``batch_size`` rows at a time; how many of each kind. Ids are given (1..n
    per table) so the rows go in as they are."""
    writers = {
        hotlist_file.VEHICLE: BulkWriter(conn, HOTLIST_TABLE),
        hotlist_file.PHONE: BulkWriter(conn, phone_hotlist.TABLE),
    }
    counts = dict.fromkeys(writers, 0)
    batches: dict[str, list[list[Any]]] = {what: [] for what in writers}
    for what, item in lines:
        counts[what] += 1
        batch = batches[what]
        batch.append([counts[what], *item])
        if len(batch) >= batch_size:
            writers[what].insert(batch)
            batch.clear()
    for what, batch in batches.items():
        if batch:
            writers[what].insert(batch)
    return counts
