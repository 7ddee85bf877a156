"""What a matching source gives: the wanted vehicles it knows (:class:`WantedVehicle`), how old
its knowledge is (:class:`SourceState`) and the :class:`MatchSource` protocol a source such as
the city-wide hotlist implements. Kept apart from :mod:`cplc_desk.services.vehicles.wanted` so
a source can be written without importing the matching it feeds."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from cplc_desk.domain.matching import Looks, VehicleKeys
from cplc_desk.services.desk.context import DeskContext

NO_LOOKS = Looks()
LOOKUP_LIMIT = 50  # reports one look-up names at the most


@dataclass(frozen=True, slots=True)
class WantedVehicle:
    """An open theft known to this desk: its own report, or a hotlist entry."""

    ref: str  # report id, or "hotlist:<number>"
    number: str
    keys: VehicleKeys
    source: str  # local | hotlist
    kind: str
    vehicle_class: str
    description: str
    police_station: str
    incident_at: datetime | None
    fir_number: str | None
    fir_date: date | None = None
    written: VehicleKeys | None = None  # the identifiers as written, where known
    looks: Looks = NO_LOOKS  # make, model and colour, as written


@dataclass(frozen=True)
class SourceState:
    """How old a source's knowledge is, so the desk can say so (and warn when it expired)."""

    sequence: int
    issued_at: datetime
    expires_at: datetime
    entries: int
    expired: bool


class MatchSource(Protocol):
    """Somewhere open thefts come from besides this desk's own reports (the hotlist).

    Every call gets the desk: one process can have several desks open (tests, a switched desk),
    and a source answers from that desk's store.
    """

    def wanted(self, ctx: DeskContext) -> Iterable[WantedVehicle]: ...

    def lookup(self, ctx: DeskContext, keys: Collection[str]) -> Iterable[WantedVehicle]:
        """Entries with one of ``keys`` (normalised) as registration, chassis or engine number
        (at most :data:`LOOKUP_LIMIT`)."""
        ...

    def state(self, ctx: DeskContext) -> SourceState | None: ...

    def version(self, ctx: DeskContext) -> Hashable | None:
        """Changes whenever :meth:`wanted` would answer differently (matching keeps the index
        it built until then); None while the source holds nothing."""
        ...
