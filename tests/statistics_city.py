"""A generated city for the statistics tests: records on both sides of Pakistan midnight at
month ends, in earlier months and the year before, duplicates across stations, a withdrawn and a
tombstoned record, merged at headquarters through real bundles; and plain-SQL counts of it that
share no code with the statistics service."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from hq_city import City

from cplc_desk.domain import imei
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.paths import resource_path
from cplc_desk.services.complaints.complaints import change_status, register_complaint
from cplc_desk.services.phones import phones
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import Complaint

CODES = ("CLIF", "SADD", "FERO")
IMEI_A, IMEI_B = "490154203237518", "356938035643809"
IMEI_C = "35391805412421" + imei.check_digit("35391805412421")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def complaint(city: City, code: str, category: str, when: datetime | None) -> str:
    draft = ComplaintDraft(
        complainant=PersonDraft(name="Bilal Ahmed", cnic="42101-1234567-1"),
        category=category,
        police_station=code,
        narrative="Reported at the desk.",
        incident_at=when,
    )
    return register_complaint(city.stations[code], draft).id


_plates: list[str] = []  # every plate given, so each made-up one differs


def vehicle(
    city: City, code: str, kind: str, cls: str, when: datetime | None, reg: str = ""
) -> str:
    _plates.append(reg)
    draft = VehicleReportDraft(
        kind=kind,
        vehicle_class=cls,
        registration=reg or f"KHI-{len(_plates):04d}",
        make="Honda" if cls == "MOTORCYCLE" else "Suzuki",
        model="CD 70" if cls == "MOTORCYCLE" else "Mehran",
        colour="Red",
        police_station=code,
        incident_at=when,
        owner=PersonDraft(name="Sana Khan") if kind != "recovered" else PersonDraft(),
    )
    return register_vehicle_report(city.stations[code], draft).id


def phone(city: City, code: str, kind: str, number: str, when: datetime | None) -> str:
    draft = PhoneReportDraft(
        kind=kind, imei=number, police_station=code, incident_at=when, make="Samsung",
        model="A12", owner=PersonDraft(name="Ayesha Siddiqui"),
    )  # fmt: skip
    return phones.register_phone_report(city.stations[code], draft).id


def tombstone(city: City, code: str, complaint_id: str) -> None:
    station = city.stations[code]
    with station.unit_of_work() as s:
        row = s.get(Complaint, complaint_id)
        assert row is not None
        row.deleted_at = datetime.now(UTC)
        row.deleted_by = station.actor.username


def fill(city: City) -> dict[str, str]:
    """The records of October 2026 and around it; returns ids the tests name."""
    ids = {}
    # Pakistan midnight at the end of October is 19:00 UTC on the 31st.
    ids["oct_last_minute"] = vehicle(
        city, "CLIF", "stolen", "MOTORCYCLE", utc(2026, 10, 31, 18, 59)
    )
    ids["nov_first_minute"] = vehicle(
        city, "CLIF", "stolen", "MOTORCYCLE", utc(2026, 10, 31, 19, 0)
    )
    ids["sep_30_pkt"] = vehicle(city, "SADD", "snatched", "MOTORCYCLE", utc(2026, 9, 30, 18, 30))
    ids["oct_1_pkt"] = vehicle(city, "SADD", "snatched", "MOTORCYCLE", utc(2026, 9, 30, 19, 30))
    ids["car_first"] = vehicle(city, "SADD", "snatched", "CAR", utc(2026, 10, 10, 12), "BKA-123")
    vehicle(city, "CLIF", "stolen", "COMMERCIAL", utc(2026, 10, 3, 9))
    vehicle(city, "CLIF", "stolen", "RICKSHAW", utc(2026, 10, 4, 9))
    vehicle(city, "SADD", "recovered", "MOTORCYCLE", utc(2026, 10, 20, 9))
    vehicle(city, "CLIF", "stolen", "MOTORCYCLE", utc(2025, 10, 15, 9))  # a year before
    vehicle(city, "CLIF", "stolen", "MOTORCYCLE", utc(2026, 2, 15, 9))  # this year to date
    ids["phone_first"] = phone(city, "CLIF", "snatched", IMEI_A, utc(2026, 10, 5, 20))
    phone(city, "SADD", "stolen", IMEI_B, utc(2026, 10, 6, 21))
    phone(city, "SADD", "recovered", IMEI_B, utc(2026, 10, 25, 10))
    ids["unknown_time"] = phone(city, "CLIF", "stolen", IMEI_C, None)
    complaint(city, "CLIF", "KIDNAPPING_RANSOM", utc(2026, 10, 8, 8))
    complaint(city, "SADD", "EXTORTION", utc(2026, 10, 8, 8))
    for _ in range(3):
        complaint(city, "SADD", "EXTORTION", utc(2026, 10, 9, 8))
    complaint(city, "CLIF", "THEFT", utc(2026, 9, 12, 8))
    complaint(city, "CLIF", "THEFT", utc(2025, 9, 12, 8))
    complaint(city, "CLIF", "THEFT", utc(2026, 1, 1, 2))
    complaint(city, "CLIF", "THEFT", utc(2025, 12, 31, 19, 30))  # 1 January 2026 in Pakistan
    withdrawn = complaint(city, "CLIF", "THEFT", utc(2026, 10, 12, 8))
    change_status(city.stations["CLIF"], withdrawn, "withdrawn", note="settled")
    gone = complaint(city, "SADD", "THEFT", utc(2026, 10, 12, 8))
    tombstone(city, "SADD", gone)
    city.send("CLIF", "SADD")
    # Ferozabad reports the same car and the same handset later: duplicates at headquarters.
    ids["car_again"] = vehicle(city, "FERO", "snatched", "CAR", utc(2026, 10, 11, 9), "BKA-123")
    ids["phone_again"] = phone(city, "FERO", "stolen", IMEI_A, utc(2026, 10, 6, 9))
    vehicle(city, "FERO", "stolen", "CAR", utc(2026, 10, 13, 9), "BKB-777")
    city.send("FERO")
    return ids


def late(city: City) -> None:
    """A bundle from Ferozabad that arrives after October was published: one more car stolen."""
    vehicle(city, "FERO", "stolen", "CAR", utc(2026, 10, 30, 9), "BKC-555")
    city.send("FERO")


def categories() -> list[dict[str, str]]:
    with (resource_path("reference") / "statistics_categories.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _source_sql(row: dict[str, str]) -> tuple[str, str]:
    kinds = ",".join(f"'{k}'" for k in row["kinds"].split("|"))
    if row["source"] == "complaint":
        return "complaint", (
            f"category_code IN ({kinds}) AND status NOT IN ('withdrawn', 'duplicate')"
        )
    if row["source"] == "vehicle_report":
        classes = ",".join(f"'{c}'" for c in row["classes"].split("|"))
        dup = """NOT (t.kind IN ('stolen','snatched') AND EXISTS (SELECT 1 FROM vehicle_report o
            WHERE o.kind IN ('stolen','snatched') AND o.deleted_at IS NULL
            AND o.origin_desk <> t.origin_desk
            AND (o.created_at < t.created_at OR (o.created_at = t.created_at AND o.id < t.id))
            AND ((t.registration_key IS NOT NULL AND o.registration_key = t.registration_key)
              OR (t.chassis_key IS NOT NULL AND o.chassis_key = t.chassis_key)
              OR (t.engine_key IS NOT NULL AND o.engine_key = t.engine_key))))"""
        return "vehicle_report", f"vehicle_class IN ({classes}) AND kind IN ({kinds}) AND {dup}"
    dup = """NOT (t.kind IN ('stolen','snatched') AND EXISTS (SELECT 1 FROM phone_report o
        WHERE o.kind IN ('stolen','snatched') AND o.deleted_at IS NULL
        AND o.origin_desk <> t.origin_desk
        AND (o.created_at < t.created_at OR (o.created_at = t.created_at AND o.id < t.id))
        AND (o.imei IN (t.imei, t.imei2) OR o.imei2 IN (t.imei, t.imei2))))"""
    return "phone_report", f"kind IN ({kinds}) AND {dup}"


def plain_counts(database: Path, category: dict[str, str], first: str, last: str,
                 station: str | None = None) -> int:  # fmt: skip
    """Records of ``category`` counted from month ``first`` to ``last`` (YYYY-MM), in SQL."""
    table, where = _source_sql(category)
    sql = f"""SELECT count(*) FROM {table} t WHERE deleted_at IS NULL AND {where}
        AND strftime('%Y-%m', coalesce(incident_at, created_at), '+5 hours') BETWEEN ? AND ?"""
    args: list[str] = [first, last]
    if station:
        sql += " AND police_station_code = ?"
        args.append(station)
    with sqlite3.connect(database) as db:
        return int(db.execute(sql, args).fetchone()[0])
