"""Where a report counts (the city, a district, a station; at a station desk its own records)
and how current its figures are (as of: bundles merged, stations silent for the month)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cplc_desk.domain import i18n
from cplc_desk.domain.i18n import N_, _
from cplc_desk.domain.statistics import AsOf, StatisticsError, StatisticsRequest
from cplc_desk.services.desk.context import DeskIdentity
from cplc_desk.services.statistics.assemble import Area, Areas
from cplc_desk.storage.models import District, PoliceStation, SyncInbox, SyncStation, Zone
from cplc_desk.storage.types import utcnow

CITY = N_("Karachi, city-wide")


@dataclass(frozen=True)
class Scope:
    request: StatisticsRequest  # at a station desk: narrowed to the station
    stations: tuple[str, ...] | None  # None: every station (city-wide)
    names: tuple[str, str]  # in English, in Urdu
    areas: Areas

    @property
    def label(self) -> str:
        """The scope's name in the language the desk speaks now."""
        english, urdu = self.names
        return urdu if i18n.current_language() == i18n.URDU and urdu else english


def _names(area: Area) -> tuple[str, str]:
    return area.name, area.name_ur or area.name


def resolve(s: Session, identity: DeskIdentity, request: StatisticsRequest) -> Scope:
    """The stations a request counts, refusing an unknown station or district."""
    if request.station and request.district:
        raise StatisticsError(_("Give a station or a district, not both."))
    if identity.is_station:
        if request.station and request.station.upper() != identity.code:
            raise StatisticsError(
                _("A station's desk counts its own records only; leave the station out.")
            )
        # A station's store holds its own records only: all of them are counted, those about
        # another police station too (the matrix shows the stations they are about).
        every = _areas(s)
        own = next((a for a in every.stations if a.code == identity.code), None)
        return Scope(
            _narrowed(request, station=identity.code, district=None),
            None,
            _names(own) if own else (identity.name, identity.name),
            every,
        )
    every = _areas(s)
    if request.station:
        code = request.station.strip().upper()
        station = next((a for a in every.stations if a.code == code), None)
        if station is None:
            raise StatisticsError(
                _("There is no police station with the code {code}. Check the code.").format(
                    code=code
                )
            )
        district = next(d for d in every.districts if d.code == station.parent)
        zone = [z for z in every.zones if z.code == district.parent]
        return Scope(
            _narrowed(request, station=code, district=None),
            (code,),
            _names(station),
            Areas(tuple(zone), (district,), (station,)),
        )
    if request.district:
        wanted = request.district.strip().casefold()
        found = next(
            (d for d in every.districts if wanted in (d.code.casefold(), d.name.casefold())), None
        )
        if found is None:
            raise StatisticsError(
                _("There is no district named {name}. Use a district's name, e.g. South.").format(
                    name=request.district
                )
            )
        stations = tuple(a for a in every.stations if a.parent == found.code)
        zone = [z for z in every.zones if z.code == found.parent]
        return Scope(
            _narrowed(request, station=None, district=found.code),
            tuple(a.code for a in stations),
            _names(found),
            Areas(tuple(zone), (found,), stations),
        )
    city = (i18n.in_language(i18n.ENGLISH, CITY), i18n.in_language(i18n.URDU, CITY))
    return Scope(request, None, city, every)


def _narrowed(
    request: StatisticsRequest, *, station: str | None, district: str | None
) -> StatisticsRequest:
    return StatisticsRequest(request.month, request.to_month, station, district, request.public)


def _areas(s: Session) -> Areas:
    zones = tuple(
        Area(z.code, z.name, z.name_ur, None) for z in s.scalars(select(Zone).order_by(Zone.code))
    )
    districts = tuple(
        Area(d.code, d.name, d.name_ur, d.zone_code)
        for d in s.scalars(select(District).order_by(District.zone_code, District.code))
    )
    stations = tuple(
        Area(p.code, p.name, p.name_ur, p.district_code)
        for p in s.scalars(
            select(PoliceStation).order_by(PoliceStation.district_code, PoliceStation.code)
        )
    )
    return Areas(zones, districts, stations)


def as_of(s: Session, scope: Scope) -> AsOf:
    """Now; the bundles merged; the enrolled stations in scope with no bundle written after the
    (last) month ended, so nothing yet covers the whole month."""
    bundles = s.scalar(select(func.count()).where(SyncInbox.applied_at.is_not(None))) or 0
    month_end = scope.request.last.shift(1).start_utc()
    silent = []
    for station in s.scalars(select(SyncStation).order_by(SyncStation.code)):
        if scope.stations is not None and station.code not in scope.stations:
            continue
        if station.last_bundle_created_at is None or station.last_bundle_created_at < month_end:
            silent.append(station.code)
    return AsOf(utcnow(), int(bundles), tuple(silent))
