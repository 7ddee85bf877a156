"""The city-wide hotlist: headquarters writes every open stolen/snatched vehicle and handset
report into a file signed with its key; a station imports it so its desk can check vehicles and
handsets reported at other stations while it is offline.

The station's verification and recovery matching read the held vehicles through
:class:`HotlistSource`, listed by :func:`cplc_desk.services.vehicles.wanted.sources`; the handset
check reads the held handsets (:mod:`cplc_desk.services.phones.phone_hotlist`). Which rows go in
and how a station stores them: :mod:`cplc_desk.services.vehicles.hotlist_rows`.
The file format lives in :mod:`cplc_desk.sync.hotlist`; docs/hotlist.md explains it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exists, func, select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.matching import Looks, VehicleKeys
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.reference import station_names
from cplc_desk.services.hq.sync_hq import hq_keys, require_hq
from cplc_desk.services.station.sync_station import required_enrollment
from cplc_desk.services.vehicles.hotlist_policy import DEFAULT_VALID_DAYS, MAX_VALID_DAYS
from cplc_desk.services.vehicles.hotlist_rows import (
    open_phone_thefts,
    open_vehicle_thefts,
    store_lines,
)
from cplc_desk.services.vehicles.match_sources import LOOKUP_LIMIT, SourceState, WantedVehicle
from cplc_desk.storage.many import any_of, by_index
from cplc_desk.storage.models import (
    HotlistEntry,
    HotlistHeld,
    HotlistIssued,
    HotlistPhone,
    VehicleReport,
)
from cplc_desk.sync import bounded, keys
from cplc_desk.sync import hotlist as hotlist_file
from cplc_desk.sync.errors import SyncError
from cplc_desk.sync.files import write_atomically

log = logging.getLogger(__name__)

# ------------------------------------------------------------------ headquarters: export


@dataclass(frozen=True)
class ExportedHotlist:
    path: Path
    sequence: int
    entries: int  # vehicles
    issued_at: datetime
    expires_at: datetime
    phones: int = 0


def export_hotlist(
    ctx: DeskContext, out_dir: Path, valid_days: int = DEFAULT_VALID_DAYS
) -> ExportedHotlist:
    """Write the next hotlist (every open vehicle and handset theft report city-wide) into
    ``out_dir``."""
    ctx.require(Permission.EXPORT_HOTLIST)
    identity = require_hq(ctx)
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        raise ServiceError(
            _("A hotlist can be valid for 1 to {max} days, not {days}.").format(
                max=MAX_VALID_DAYS, days=valid_days
            )
        )
    signing, _encryption = hq_keys(ctx)
    now = now_utc()
    with ctx.unit_of_work() as s:
        last = s.scalar(select(HotlistIssued.sequence).order_by(HotlistIssued.sequence.desc()))
        sequence = (last or 0) + 1
        entries = open_vehicle_thefts(s)
        phones = open_phone_thefts(s)
        header = hotlist_file.HotlistHeader(
            sequence=sequence,
            issued_at=now,
            expires_at=now + timedelta(days=valid_days),
            hq_name=identity.name,
            key_id=keys.key_id(signing.public_key()),
            entries=len(entries),
            phones=len(phones),
        )
        data = hotlist_file.write(header, entries, signing, phones)
        path = out_dir / hotlist_file.file_name(sequence)
        s.add(
            HotlistIssued(
                sequence=sequence,
                issued_at=now,
                expires_at=header.expires_at,
                issued_by=ctx.actor.username,
                entry_count=len(entries),
                file_name=path.name,
                file_sha256=hashlib.sha256(data).hexdigest(),
            )
        )
        ctx.audit(
            s,
            AuditAction.HOTLIST_EXPORTED,
            details={"sequence": sequence, "entries": len(entries), "phones": len(phones),
                     "file": path.name, "expires_at": header.expires_at.isoformat()},
        )  # fmt: skip
        s.flush()
        # Written inside the transaction: if the file cannot be written, the number is not used.
        try:
            write_atomically(path, data)
        except OSError as exc:
            raise ServiceError(
                _("Cannot write the hotlist to {dir}: {reason}. Check the USB stick.").format(
                    dir=out_dir, reason=exc.strerror
                )
            ) from None
    return ExportedHotlist(path, sequence, len(entries), now, header.expires_at, len(phones))


# ------------------------------------------------------------------ a station: import


@dataclass(frozen=True)
class ImportedHotlist:
    sequence: int
    entries: int  # vehicles
    issued_at: datetime
    expires_at: datetime
    replaced: int | None  # the sequence of the hotlist it replaced
    phones: int = 0


def _hq_signing_key(ctx: DeskContext) -> bytes:
    info = required_enrollment(
        ctx,
        _(
            "This desk is not enrolled with headquarters, so it cannot check who signed a "
            "hotlist. Enroll it first with the enrollment file from headquarters."
        ),
    )
    return keys.unb64(info["hq"]["signing_key"])


def import_hotlist(ctx: DeskContext, path: Path) -> ImportedHotlist:
    """Check a hotlist file and replace the held hotlist with it, in one transaction.

    A refused file leaves the held hotlist as it was and is audited (``hotlist.refused``, with
    the reason's code), like a refused bundle: a desk that keeps being handed forged or stale
    hotlists shows it in its trail."""
    identity = ctx.require_identity()
    if not identity.is_station:
        raise ServiceError(
            _(
                "Headquarters holds every report itself; a hotlist is imported at a station "
                "desk. Give this file to the stations."
            )
        )
    ctx.require(Permission.IMPORT_HOTLIST)
    try:
        return _replace_held(ctx, path)
    except SyncError as exc:
        try:
            with ctx.unit_of_work() as s:
                ctx.audit(
                    s,
                    AuditAction.HOTLIST_REFUSED,
                    details={"file": path.name[-120:], "code": exc.code},
                )
        except Exception:  # the refusal must reach the person even if it cannot be recorded
            log.warning("could not record a refused hotlist (%s)", exc.code)
        raise ServiceError(exc.message) from None


def _replace_held(ctx: DeskContext, path: Path) -> ImportedHotlist:
    hq_key = _hq_signing_key(ctx)
    with bounded.open_input(path, hotlist_file.MAX_FILE) as fh:
        header, body = hotlist_file.read_header(fh, hq_key)
        hotlist_file.check_expiry(header, now_utc())
        _refuse_not_newer(header.sequence, _held_sequence(ctx))
        digest = fh.sha256()
        with ctx.unit_of_work() as s:
            # Checked again under the write lock: another import may have finished meanwhile.
            held = s.scalar(select(HotlistHeld.sequence))
            _refuse_not_newer(header.sequence, held)
            s.execute(delete(HotlistEntry))
            s.execute(delete(HotlistPhone))
            s.execute(delete(HotlistHeld))
            # The list is read a block at a time and stored in batches; a fault found late
            # rolls all of it back.
            counts = store_lines(s.connection(), hotlist_file.iter_lines(header, body))
            count, phones = counts[hotlist_file.VEHICLE], counts[hotlist_file.PHONE]
            s.add(
                HotlistHeld(
                    sequence=header.sequence,
                    issued_at=header.issued_at,
                    expires_at=header.expires_at,
                    hq_name=header.hq_name,
                    hq_key_id=header.key_id,
                    entry_count=count,
                    phone_count=phones,
                    file_sha256=digest,
                    imported_at=now_utc(),
                    imported_by=ctx.actor.username,
                )
            )
            ctx.audit(
                s,
                AuditAction.HOTLIST_IMPORTED,
                details={"sequence": header.sequence, "entries": count, "phones": phones,
                         "replaced": held, "issued_at": header.issued_at.isoformat(),
                         "sha256": digest},
            )  # fmt: skip
    return ImportedHotlist(
        header.sequence, count, header.issued_at, header.expires_at, held, phones
    )


def _held_sequence(ctx: DeskContext) -> int | None:
    with ctx.store.read() as s:
        return s.scalar(select(HotlistHeld.sequence))


def _refuse_not_newer(sequence: int, held: int | None) -> None:
    if held is None or sequence > held:
        return
    if sequence == held:
        message = _(
            "This desk already holds hotlist number {seq}; nothing was changed. A newer hotlist "
            "from headquarters has a higher number in its file name."
        ).format(seq=sequence)
    else:
        message = _(
            "This hotlist (number {seq}) is older than the one this desk holds (number {held}), "
            "so it was not imported. Use the newest hotlist file from headquarters: the highest "
            "number in the file name."
        ).format(seq=sequence, held=held)
    raise SyncError("not_newer", message)


# ------------------------------------------------------------------ what a station holds


@dataclass(frozen=True)
class HeldHotlist:
    sequence: int
    issued_at: datetime
    expires_at: datetime
    entries: int  # vehicles
    hq_name: str
    imported_at: datetime
    imported_by: str
    phones: int = 0

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at

    def state(self, now: datetime) -> SourceState:
        return SourceState(
            self.sequence, self.issued_at, self.expires_at, self.entries, self.expired(now)
        )


def held(ctx: DeskContext) -> HeldHotlist | None:
    """The hotlist this desk holds, or None."""
    with ctx.store.read() as s:
        row = s.scalar(select(HotlistHeld))
    if row is None:
        return None
    return HeldHotlist(
        row.sequence,
        row.issued_at,
        row.expires_at,
        row.entry_count,
        row.hq_name,
        row.imported_at,
        row.imported_by,
        row.phone_count,
    )


def status_dict(ctx: DeskContext) -> dict[str, Any] | None:
    """The held hotlist for ``sync-status``: its number, age and whether it expired."""
    h = held(ctx)
    if h is None:
        return None
    now = now_utc()
    return {
        "sequence": h.sequence,
        "issued_at": h.issued_at.isoformat(),
        "expires_at": h.expires_at.isoformat(),
        "entries": h.entries,
        "phones": h.phones,
        "expired": h.expired(now),
        "age_days": (now - h.issued_at).days,
        "imported_at": h.imported_at.isoformat(),
        "hq": h.hq_name,
    }


# ------------------------------------------------------------------ the match source


_WANTED_COLUMNS = (
    HotlistEntry.number, HotlistEntry.kind, HotlistEntry.vehicle_class,
    HotlistEntry.registration, HotlistEntry.registration_key, HotlistEntry.chassis,
    HotlistEntry.chassis_key, HotlistEntry.engine, HotlistEntry.engine_key, HotlistEntry.make,
    HotlistEntry.model, HotlistEntry.colour, HotlistEntry.model_year,
    HotlistEntry.police_station_code, HotlistEntry.incident_at, HotlistEntry.fir_number,
    HotlistEntry.fir_date,
)  # fmt: skip


def _wanted(r: Sequence[Any], names: dict[str, str]) -> WantedVehicle:
    (number, kind, vehicle_class, registration, registration_key, chassis, chassis_key, engine,
     engine_key, make, model, colour, year, station, incident_at, fir_number, fir_date) = r  # fmt: skip
    return WantedVehicle(
        ref=f"hotlist:{number}",
        number=number,
        keys=VehicleKeys(registration_key, chassis_key, engine_key),
        source="hotlist",
        kind=kind,
        vehicle_class=vehicle_class,
        description=" ".join(x for x in (colour, make, model, str(year or "")) if x).strip(),
        police_station=names.get(station, station),
        incident_at=incident_at,
        fir_number=fir_number,
        fir_date=fir_date,
        written=VehicleKeys(registration, chassis, engine),
        looks=Looks(make or "", model or "", colour or ""),
    )


# An entry for a report this desk holds itself (its own theft, sent to headquarters and back)
# gives way to the desk's own record, which is newer: it may be closed here already.
_NOT_LOCAL = ~exists(select(VehicleReport.id).where(VehicleReport.number == HotlistEntry.number))


class HotlistSource:
    """The held hotlist as a :class:`~cplc_desk.services.vehicles.match_sources.MatchSource`."""

    def wanted(self, ctx: DeskContext) -> list[WantedVehicle]:
        with ctx.store.read() as s:
            names = station_names(s)
            rows = s.execute(select(*_WANTED_COLUMNS).where(_NOT_LOCAL)).all()
        return [_wanted(r, names) for r in rows]

    def lookup(self, ctx: DeskContext, keys: Collection[str]) -> list[WantedVehicle]:
        with ctx.store.read() as s:
            by_index(s)
            rows = s.execute(
                select(*_WANTED_COLUMNS)
                .where(
                    any_of(
                        (
                            HotlistEntry.registration_key,
                            HotlistEntry.chassis_key,
                            HotlistEntry.engine_key,
                        ),
                        keys,
                    ),
                    _NOT_LOCAL,
                )
                .order_by(HotlistEntry.number)
                .limit(LOOKUP_LIMIT)
            ).all()
            if not rows:
                return []
            names = station_names(s)
        return [_wanted(r, names) for r in rows]

    def state(self, ctx: DeskContext) -> SourceState | None:
        h = held(ctx)
        return h.state(now_utc()) if h else None

    def version(self, ctx: DeskContext) -> Hashable | None:
        # The held file, and how many of its entries this desk's own reports outrank: together
        # they decide what wanted() answers. (Not the count of all reports: registering a
        # recovery must not throw the matching index away.)
        with ctx.store.read() as s:
            row = s.execute(select(HotlistHeld.sequence, HotlistHeld.file_sha256)).first()
            if row is None:
                return None
            shadowed = s.scalar(
                select(func.count())
                .select_from(VehicleReport)
                .where(
                    exists(
                        select(HotlistEntry.id).where(HotlistEntry.number == VehicleReport.number)
                    )
                )
            )
        return (row.sequence, row.file_sha256, shadowed)


SOURCE = HotlistSource()
