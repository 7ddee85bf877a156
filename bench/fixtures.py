"""Fast synthetic stores for benchmarks: realistic records written with bulk statements, with
the same change-log images the app's flush hook would write (so export/import see real data)."""

from __future__ import annotations

import json
import resource
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.ids import uuid7
from cplc_desk.domain.records import name_key, validate_complaint
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage import changelog
from cplc_desk.storage.models import ChangeLog, Complaint, NumberSequence, Person

BATCH = 5000


def _image(values: dict[str, object]) -> str:
    return json.dumps(
        {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()},
        sort_keys=True,
        ensure_ascii=False,
    )


def fill_complaints(
    ctx: DeskContext, n: int, seed: int = 5, station_codes: Sequence[str] | None = None
) -> int:
    """Add ``n`` complaints (and their complainants) to a set-up desk. Returns rows written.

    With ``station_codes`` (headquarters' store), the records are spread over those station codes in
    turn, each owned by and about its station, as if merged from their bundles."""
    identity = ctx.require_identity()
    stations = [SampleStation(s.code, s.name) for s in reference.stations(ctx)]
    maker = SampleMaker(stations, home=identity.code, seed=seed)
    now = now_utc()
    base = now - timedelta(days=365)
    # A pool of validated drafts, reused with fresh ids: validation is not what we measure.
    pool = [validate_complaint(maker.complaint(now), now) for _ in range(min(n, 2000))]
    written = 0
    seq = 0
    with ctx.unit_of_work() as s:
        conn = s.connection()
        for start in range(0, n, BATCH):
            people, complaints, changes = [], [], []
            for i in range(start, min(n, start + BATCH)):
                clean = pool[i % len(pool)]
                at = base + timedelta(seconds=i * 30)
                owner = station_codes[i % len(station_codes)] if station_codes else identity.code
                place = (
                    station_codes[i % len(station_codes)] if station_codes else clean.police_station
                )
                stamp = {"origin_desk": owner, "created_at": at, "created_by": "bench",
                         "updated_at": at, "updated_by": "bench", "version": 1,
                         "deleted_at": None, "deleted_by": None, "sync_hash": None}  # fmt: skip
                # Identity numbers differ per record (as they would), names repeat (as they do).
                p = {"id": uuid7(), "name": clean.complainant.name,
                     "name_key": name_key(clean.complainant.name),
                     "relative_name": clean.complainant.relative_name,
                     "cnic": f"42{i % 5 + 1}01-{1_000_000 + i:07d}-{i % 10}",
                     "mobile": f"03{i % 4}{(i // 4) % 10}-{1_000_000 + i % 9_000_000:07d}",
                     "address": clean.complainant.address, **stamp}  # fmt: skip
                seq += 1
                c = {"id": uuid7(), "number": f"{owner}-C-{at.year}-{seq:07d}",
                     "complainant_id": p["id"], "category_code": clean.category,
                     "police_station_code": place,
                     "incident_at": clean.incident_at.astimezone(UTC) if clean.incident_at else None,
                     "incident_place": clean.incident_place,
                     "fir_number": f"{i % 900 + 1}/{at.year}" if i % 3 == 0 else None,
                     "fir_key": f"{i % 900 + 1}/{at.year}" if i % 3 == 0 else None,
                     "fir_date": clean.fir_date.isoformat() if clean.fir_date else None,
                     "narrative": clean.narrative, "status": "registered",
                     "next_follow_up_on": None, "legacy_key": None, "legacy_ref": None,
                     **stamp}  # fmt: skip
                people.append(p)
                complaints.append(c)
                for table, row in (("person", p), ("complaint", c)):
                    changes.append({"table_name": table, "record_id": row["id"], "op": "insert",
                                    "version": 1, "changed_at": at, "row_image": _image(row)})  # fmt: skip
            conn.execute(insert(Person), people)
            conn.execute(
                insert(Complaint),
                [{**c, "fir_date": datetime.fromisoformat(c["fir_date"]).date() if c["fir_date"] else None}
                 for c in complaints],
            )  # fmt: skip
            conn.execute(insert(ChangeLog), changelog.link(s, changes))
            written += len(people) + len(complaints)
        s.merge(NumberSequence(desk_code=identity.code, kind="complaint", year=now.year,
                               last_value=seq))  # fmt: skip
    return written


def paths(root: Path, name: str) -> DeskPaths:
    return DeskPaths(root / name)


def fill_vehicles(
    ctx: DeskContext, n: int, seed: int = 9, station_codes: Sequence[str] | None = None
) -> int:
    """Add ``n`` vehicle reports (no owners: verification does not read them); with
    ``station_codes``, spread over those station codes as :func:`fill_complaints` does."""
    from cplc_desk.domain.records import validate_vehicle_report
    from cplc_desk.domain.validation import normalize_identifier
    from cplc_desk.storage.models import VehicleReport

    identity = ctx.require_identity()
    stations = [SampleStation(s.code, s.name) for s in reference.stations(ctx)]
    maker = SampleMaker(stations, home=identity.code, seed=seed)
    now = now_utc()
    base = now - timedelta(days=3650)
    pool = [validate_vehicle_report(maker.vehicle(now), now) for _ in range(min(n, 2000))]
    with ctx.unit_of_work() as s:
        conn = s.connection()
        for start in range(0, n, BATCH):
            rows = []
            for i in range(start, min(n, start + BATCH)):
                clean = pool[i % len(pool)]
                at = base + timedelta(seconds=i * 300)
                # Identifiers unique per report, shaped like the real ones.
                plate = f"K{'ABCDEFGHJKLMNPRSTUVWXYZ'[i % 23]}{'ABCDEFGHJKLMNPRSTUVWXYZ'[(i // 23) % 23]}-{i % 10000:04d}"
                chassis = f"{['KA', 'AH', 'HC', 'YB', 'NZE'][i % 5]}-{i:08d}"
                engine = f"{['JL1P', 'E4', '1NZ', 'K12', 'CD'][i % 5]}{i:09d}"
                owner = station_codes[i % len(station_codes)] if station_codes else identity.code
                place = (
                    station_codes[i % len(station_codes)] if station_codes else clean.police_station
                )
                rows.append({
                    "id": uuid7(), "number": f"{owner}-V-{at.year}-{i + 1:07d}",
                    "kind": clean.kind.value, "vehicle_class": clean.vehicle_class.value,
                    "registration": plate, "registration_key": normalize_identifier(plate),
                    "chassis": chassis, "chassis_key": normalize_identifier(chassis),
                    "engine": engine, "engine_key": normalize_identifier(engine),
                    "make": clean.make, "model": clean.model, "colour": clean.colour,
                    "model_year": clean.model_year, "owner_id": None,
                    "incident_at": at, "incident_place": clean.incident_place,
                    "police_station_code": place, "fir_number": None,
                    "fir_key": None, "fir_date": None, "complaint_id": None,
                    "status": "open", "matched_report_id": None, "legacy_key": None,
                    "legacy_ref": None, "origin_desk": owner, "created_at": at,
                    "created_by": "bench", "updated_at": at, "updated_by": "bench",
                    "version": 1, "deleted_at": None, "deleted_by": None,
                })  # fmt: skip
            conn.execute(insert(VehicleReport), rows)
    return n


def fill_phones(
    ctx: DeskContext,
    n: int,
    seed: int = 13,
    station_codes: Sequence[str] | None = None,
    *,
    owners: bool = False,
    logged: bool = False,
) -> int:
    """Add ``n`` phone reports, with their owners (``owners``) and change-log images (``logged``,
    what a bundle export reads). Returns rows written. With ``station_codes``, spread over those
    station codes as :func:`fill_complaints` does.

    Handsets as :meth:`SampleMaker.handset` makes them: a model's handsets share its type code
    (the IMEI's first 8 digits), a dual-SIM handset's second IMEI follows its first, and the
    serials of each model are drawn without repeats, so every IMEI is held once and the store is
    as dense around a held IMEI as a popular model's real serials are."""
    import random

    from cplc_desk.domain.imei import check_digit
    from cplc_desk.domain.phones import validate_phone_report
    from cplc_desk.domain.samples import HANDSETS
    from cplc_desk.storage.models import PhoneReport

    identity = ctx.require_identity()
    stations = [SampleStation(s.code, s.name) for s in reference.stations(ctx)]
    maker = SampleMaker(stations, home=identity.code, seed=seed)
    rng = random.Random(seed)
    now = now_utc()
    base = now - timedelta(days=730)
    pool = [validate_phone_report(maker.phone(now), now) for _ in range(min(n, 2000))]
    # Serials per type code: even numbers (the first IMEI), the next odd one the second's.
    tacs = [(h[2], h[3]) for h in HANDSETS]
    per_tac = n // len(tacs) + 1
    serials = {tac: iter(rng.sample(range(500_000), per_tac)) for tac, _slots in tacs}

    def imei_of(tac: str, serial: int) -> str:
        body = f"{tac}{serial:06d}"
        return body + check_digit(body)

    written = 0
    with ctx.unit_of_work() as s:
        conn = s.connection()
        for start in range(0, n, BATCH):
            people, reports, changes = [], [], []
            for i in range(start, min(n, start + BATCH)):
                clean = pool[i % len(pool)]
                tac, slots = tacs[i % len(tacs)]
                k = next(serials[tac])
                at = base + timedelta(seconds=i * 60)
                owner_desk = (
                    station_codes[i % len(station_codes)] if station_codes else identity.code
                )
                place = (
                    station_codes[i % len(station_codes)] if station_codes else clean.police_station
                )
                stamp = {"origin_desk": owner_desk, "created_at": at, "created_by": "bench",
                         "updated_at": at, "updated_by": "bench", "version": 1,
                         "deleted_at": None, "deleted_by": None, "sync_hash": None}  # fmt: skip
                person = None
                if owners and clean.owner is not None:
                    o = clean.owner
                    person = {"id": uuid7(), "name": o.name, "name_key": name_key(o.name),
                              "relative_name": o.relative_name,
                              "cnic": f"42{i % 5 + 1}01-{1_000_000 + i % 9_000_000:07d}-{i % 10}",
                              "mobile": f"03{i % 4}{(i // 4) % 10}-{1_000_000 + i % 9_000_000:07d}",
                              "address": o.address, **stamp}  # fmt: skip
                    people.append(person)
                r = {
                    "id": uuid7(), "number": f"{owner_desk}-P-{at.year}-{i + 1:07d}",
                    "kind": clean.kind.value, "imei": imei_of(tac, 2 * k),
                    "imei2": imei_of(tac, 2 * k + 1) if slots == 2 else None,
                    "imei_altered": False, "imei_note": None,
                    "make": clean.make, "model": clean.model, "colour": clean.colour,
                    "sim_number": clean.sim_number, "owner_id": person["id"] if person else None,
                    "incident_at": at - timedelta(hours=3), "incident_place": clean.incident_place,
                    "police_station_code": place, "fir_number": None, "fir_key": None,
                    "fir_date": None, "status": "open", "matched_report_id": None,
                    "legacy_key": None, "legacy_ref": None, **stamp,
                }  # fmt: skip
                reports.append(r)
                if logged:
                    for table, row in (("person", person), ("phone_report", r)):
                        if row is not None:
                            changes.append({"table_name": table, "record_id": row["id"],
                                            "op": "insert", "version": 1, "changed_at": at,
                                            "row_image": _image(row)})  # fmt: skip
            if people:
                conn.execute(insert(Person), people)
            conn.execute(insert(PhoneReport), reports)
            if changes:
                conn.execute(insert(ChangeLog), changelog.link(s, changes))
            written += len(people) + len(reports)
        s.merge(NumberSequence(desk_code=identity.code, kind="phone_report", year=now.year,
                               last_value=n))  # fmt: skip
    return written


def peak_kb() -> int:
    """This process's peak resident memory in KiB.

    VmHWM is the process's own high-water mark. ru_maxrss is not: Linux carries it over from the
    parent across fork and exec, so a child started by a bench would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
