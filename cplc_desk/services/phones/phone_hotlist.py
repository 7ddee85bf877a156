"""Handsets in the hotlist (issue 15): which phone reports headquarters writes into it, where a
station keeps them (``hotlist_phone``) and how the handset check finds them there.

The file's handset lines are described in :mod:`cplc_desk.sync.hotlist` (``PHONE_COLUMNS``);
docs/hotlist.md explains them. Nothing personal goes in: no owner, SIM number or place.
"""

from __future__ import annotations

from sqlalchemy import Table, exists, select

from cplc_desk.storage.models import HotlistPhone, PhoneReport
from cplc_desk.sync import hotlist as hotlist_file

# Columns of phone_report that go into a hotlist, in the file's handset column order (the lines
# are written by services/vehicles/hotlist_rows.py, with the vehicles').
EXPORTED = (
    PhoneReport.number, PhoneReport.kind, PhoneReport.status, PhoneReport.imei,
    PhoneReport.imei2, PhoneReport.imei_altered, PhoneReport.make, PhoneReport.model,
    PhoneReport.colour, PhoneReport.police_station_code, PhoneReport.incident_at,
)  # fmt: skip
TABLE: Table = HotlistPhone.__table__  # type: ignore[assignment]
_STORED = [c.name for c in TABLE.columns]
_AS_STORED = [
    "police_station_code" if c == "police_station" else c for c in hotlist_file.PHONE_COLUMNS
]
# The file's handset columns are the phone report's and the table's (after its id), in order.
assert [c.key for c in EXPORTED] == _AS_STORED == _STORED[1:]
DATES = [hotlist_file.PHONE_COLUMNS.index("incident_at")]


# An entry for a report this desk holds itself (its own theft, sent to headquarters and back)
# gives way to the desk's own record, which is newer: it may be closed here already.
NOT_LOCAL = ~exists(select(PhoneReport.id).where(PhoneReport.number == HotlistPhone.number))
