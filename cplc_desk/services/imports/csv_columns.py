"""The registers a spreadsheet can hold (docs/csv-import.md): their columns, the ones each
must have, and how a cell or a column's name is shown in a message."""

from __future__ import annotations

from collections.abc import Iterator

from cplc_desk.domain.enums import RecordKind

MAX_SHOWN_CHARS = 40  # a cell or column name repeated in a message is cut to this

COMPLAINT_COLUMNS = (
    "reference", "complainant_name", "relative_name", "cnic", "mobile", "address", "category",
    "police_station", "incident_date", "incident_time", "incident_place", "fir_number",
    "fir_date", "narrative",
)  # fmt: skip
COMPLAINT_REQUIRED = ("complainant_name", "category", "police_station", "narrative")
VEHICLE_COLUMNS = (
    "reference", "kind", "vehicle_class", "registration", "chassis", "engine", "make", "model",
    "colour", "model_year", "owner_name", "owner_relative_name", "owner_cnic", "owner_mobile",
    "owner_address", "incident_date", "incident_time", "incident_place", "police_station",
    "fir_number", "fir_date",
)  # fmt: skip
VEHICLE_REQUIRED = ("kind", "vehicle_class", "police_station")
PHONE_COLUMNS = (
    "reference", "kind", "imei", "imei2", "make", "model", "colour", "sim_number", "owner_name",
    "owner_relative_name", "owner_cnic", "owner_mobile", "owner_address", "incident_date",
    "incident_time", "incident_place", "police_station", "fir_number", "fir_date",
)  # fmt: skip
PHONE_REQUIRED = ("kind", "imei", "police_station")
KINDS = {
    "complaints": RecordKind.COMPLAINT,
    "vehicles": RecordKind.VEHICLE_REPORT,
    "phones": RecordKind.PHONE_REPORT,
}
# Each register's columns, and those it must have.
COLUMNS = {
    "complaints": (COMPLAINT_COLUMNS, COMPLAINT_REQUIRED),
    "vehicles": (VEHICLE_COLUMNS, VEHICLE_REQUIRED),
    "phones": (PHONE_COLUMNS, PHONE_REQUIRED),
}


def iter_columns(kind: str) -> Iterator[str]:
    yield from COLUMNS[kind][0]


def shown(text: str) -> str:
    """``text`` cut short enough to repeat in a message."""
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"
