"""The vehicle reports list: find reports by what a volunteer has in hand, one keyset page at a
time, newest first.

The search box takes a registration, chassis or engine number (matched exactly on its normalised
key, in any of the three fields), a report number, an owner's CNIC or mobile, or the start of an
owner's name; a text that could be several of these finds all of them. Look-ups by CNIC or
mobile are written to the audit trail, as for complaints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import ColumnElement

from cplc_desk.domain.enums import RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.services.desk import report_list
from cplc_desk.services.desk.listing import walked
from cplc_desk.services.desk.report_list import PAGE as PAGE
from cplc_desk.services.desk.report_list import Cursor as Cursor
from cplc_desk.storage.models import VehicleReport

# From this many matches on, a page is found by walking the reports newest first.
DENSE = 5000
_PHONEISH = re.compile(r"^[\d\s\-+()]+$")


@dataclass(frozen=True)
class VehicleQuery(report_list.ReportQuery):
    """What the vehicle reports list shows. Empty fields do not filter."""

    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class VehicleSearch(report_list.ReportSearch):
    """How the search box's text is read: each part that is not empty is looked for."""

    identifier: str = ""  # normalised registration/chassis/engine key

    @classmethod
    def read(cls, text: str) -> VehicleSearch:
        """What the search box's ``text`` can be: an identifier, report number, CNIC, mobile or
        name; a text that could be several of these finds all of them."""
        raw = text.strip()
        if not raw:
            return cls()
        numeric = bool(_PHONEISH.match(raw))
        parts = report_list.common_parts(
            raw, RecordKind.VEHICLE_REPORT, numeric=numeric, mobile=True
        )
        return cls(identifier=normalize_identifier(raw), **parts)

    def own_conditions(self, walk: bool) -> list[ColumnElement[bool]]:
        """The identifier, matched exactly on its normalised key in any of the three fields."""
        if not self.identifier:
            return []
        keys = (VehicleReport.registration_key, VehicleReport.chassis_key, VehicleReport.engine_key)
        return [walked(key, walk) == self.identifier for key in keys]


read_search = VehicleSearch.read


@dataclass(frozen=True)
class VehicleRow(report_list.ReportRow):
    """One line of the list: the owner's CNIC masked."""

    vehicle_class: str
    registration: str | None
    chassis: str | None
    engine: str | None


Page = report_list.Page[VehicleRow]


@dataclass(frozen=True)
class VehicleDetail(report_list.ReportDetail):
    """Everything one report says, the owner's details in full (for the desk's own work)."""

    vehicle_class: str
    registration: str | None
    chassis: str | None
    engine: str | None
    make: str | None
    model: str | None
    colour: str | None
    model_year: int | None


def describe(r: VehicleReport) -> str:
    """Colour, make, model and year, as people describe a vehicle."""
    parts = (r.colour, r.make, r.model, str(r.model_year) if r.model_year else None)
    return " ".join(p for p in parts if p)


class VehicleList(report_list.ReportList[VehicleQuery, VehicleSearch, VehicleRow, VehicleDetail]):
    """The vehicle reports list: filtered by vehicle class too; many matches are walked."""

    purpose = "vehicle list"
    filters = MappingProxyType({"classes": "vehicle_class"})
    dense = DENSE

    def describe(self, r: VehicleReport) -> str:
        return describe(r)

    def missing(self) -> str:
        return _("This vehicle report does not exist (or was removed).")


VEHICLES = VehicleList(VehicleReport, VehicleSearch, VehicleRow, VehicleDetail)
list_page = VEHICLES.list_page
count = VEHICLES.count
get = VEHICLES.get
view = VEHICLES.view
