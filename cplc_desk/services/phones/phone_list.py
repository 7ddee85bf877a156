"""The phone reports list: find reports by what a volunteer has in hand, one keyset page at a
time, newest first; one report opened in full, with its history.

The search box takes an IMEI (15 digits, or 14, or an IMEISV's 16; either of a report's two),
a report number, an owner's CNIC or mobile (the owner's or the SIM in use), or the start of an
owner's name. Look-ups by CNIC or mobile are written to the audit trail, as for complaints and
vehicles; opening a report with its owner's details in full is audited too.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.enums import RecordKind
from cplc_desk.domain.i18n import _
from cplc_desk.domain.validation import FieldError, normalize_digits
from cplc_desk.services.desk import report_list
from cplc_desk.services.desk.report_list import PAGE as PAGE
from cplc_desk.services.desk.report_list import Cursor as Cursor
from cplc_desk.storage.models import ChangeLog, PhoneReport

TABLE = "phone_report"
_NUMERIC = re.compile(r"^[\d\s\-+()/]+$")


@dataclass(frozen=True)
class PhoneQuery(report_list.ReportQuery):
    """What the phone reports list shows. Empty fields do not filter."""


@dataclass(frozen=True)
class PhoneSearch(report_list.ReportSearch):
    """How the search box's text is read: each part that is not empty is looked for."""

    imei: str = ""

    @classmethod
    def read(cls, text: str) -> PhoneSearch:
        """What the search box's ``text`` can be: an IMEI, report number, CNIC, mobile or name."""
        raw = text.strip()
        if not raw:
            return cls()
        imei = ""
        numeric = bool(_NUMERIC.match(normalize_digits(raw) or raw))
        if numeric and len(normalize_digits(raw)) in (14, 15, 16):
            with contextlib.suppress(FieldError):
                imei = imeis.parse(raw, altered=True)  # as held: altered IMEIs are found too
        parts = report_list.common_parts(
            raw, RecordKind.PHONE_REPORT, numeric=numeric, mobile=not imei
        )
        return cls(imei=imei, **parts)

    def own_conditions(self, walk: bool) -> list[ColumnElement[bool]]:
        """Either of the report's IMEIs, and the SIM in use (a mobile)."""
        conditions: list[ColumnElement[bool]] = []
        if self.imei:
            conditions += [PhoneReport.imei == self.imei, PhoneReport.imei2 == self.imei]
        if self.mobile:
            conditions.append(PhoneReport.sim_number == self.mobile)
        return conditions


read_search = PhoneSearch.read


@dataclass(frozen=True)
class PhoneRow(report_list.ReportRow):
    """One line of the list: the owner's CNIC masked."""

    imei: str
    imei2: str | None
    imei_altered: bool


Page = report_list.Page[PhoneRow]


def describe(make: str | None, model: str | None, colour: str | None) -> str:
    """Colour, make and model, as people describe a handset."""
    return " ".join(p for p in (colour, make, model) if p)


# ------------------------------------------------------------------ one report


@dataclass(frozen=True)
class HistoryEntry:
    """One version of a report as this desk's change log holds it: when, by whom, and the
    fields that changed from the version before (``created`` for the first)."""

    at: datetime
    by: str
    version: int
    changed: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class PhoneDetail(report_list.ReportDetail):
    """Everything one report says, the owner's details in full (for the desk's own work), and
    its history."""

    updated_at: datetime
    updated_by: str
    imei: str
    imei2: str | None
    imei_altered: bool
    imei_note: str | None
    make: str | None
    model: str | None
    colour: str | None
    sim_number: str | None
    history: tuple[HistoryEntry, ...]


# Fields whose change a person reads in the history (bookkeeping columns left out).
_HISTORY_FIELDS = (
    "kind", "status", "imei", "imei2", "imei_altered", "imei_note", "make", "model", "colour",
    "sim_number", "owner_id", "incident_at", "incident_place", "police_station_code",
    "fir_number", "fir_date", "matched_report_id", "deleted_at",
)  # fmt: skip


def _history(s: Session, report_id: str) -> tuple[HistoryEntry, ...]:
    entries: list[HistoryEntry] = []
    before: dict[str, Any] | None = None
    changes = s.execute(
        select(ChangeLog.version, ChangeLog.changed_at, ChangeLog.row_image)
        .where(ChangeLog.table_name == TABLE, ChangeLog.record_id == report_id)
        .order_by(ChangeLog.seq)
    )
    for version, at, image in changes:
        row = json.loads(image)
        if before is None:
            changed: tuple[str, ...] = ("created",)
        else:
            changed = tuple(f for f in _HISTORY_FIELDS if row.get(f) != before.get(f))
        entries.append(
            HistoryEntry(at, str(row.get("updated_by") or ""), version, changed, row["status"])
        )
        before = row
    return tuple(entries)


class PhoneList(report_list.ReportList[PhoneQuery, PhoneSearch, PhoneRow, PhoneDetail]):
    """The phone reports list; a report opened in full shows its history."""

    purpose = "phone list"

    def describe(self, r: PhoneReport) -> str:
        return describe(r.make, r.model, r.colour)

    def missing(self) -> str:
        return _("This phone report does not exist (or was removed).")

    def more(self, s: Session, r: PhoneReport) -> dict[str, Any]:
        return {"history": _history(s, r.id)}


PHONES = PhoneList(PhoneReport, PhoneSearch, PhoneRow, PhoneDetail)
list_page = PHONES.list_page
count = PHONES.count
get = PHONES.get
view = PHONES.view
