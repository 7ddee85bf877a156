"""The record kinds, registered once: everything that carries records between desks or counts
them reads this list, so a new kind is picked up by adding one :class:`KindSpec` here.

Who reads it: the change log (every :class:`~cplc_desk.storage.models.SyncMixin` table, here
listed in the order they travel), bundles and station snapshots (:data:`TABLE_ORDER`, parents
first), headquarters' merge (:data:`SELF_REFERENCES`), the integrity check and record seals
(:data:`SYNC_MODELS`), the audit trail's record look-ups and a restored backup's counts
(:data:`KINDS`' main tables) and the store's statistics (each kind's ``breakdown``).

docs/architecture.md has the whole recipe for adding a kind (model, migration, domain draft and
validators, a service package, a GUI page, translations, and this registration).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cplc_desk.domain import imei
from cplc_desk.domain.enums import RecordKind
from cplc_desk.storage.models import (
    Complaint,
    ComplaintEvent,
    Person,
    PhoneReport,
    SyncMixin,
    VehicleReport,
)


@dataclass(frozen=True)
class KindSpec:
    """One kind of record a desk registers and headquarters merges."""

    kind: RecordKind
    # The kind's own record: numbered (``domain/ids.py`` gives it its letter), on a receipt,
    # counted in statistics. It has ``status``, ``police_station_code`` and ``deleted_at``.
    model: type[SyncMixin]
    # Its name in statistics and reports (``stats --json`` keys, backup counts).
    plural: str
    # Every table the kind travels in, parents first (the record, then rows that point at it).
    tables: tuple[type[SyncMixin], ...]
    # The column statistics also count by, besides status and police station (if any).
    breakdown: str | None = None
    # Columns naming another row of the same table, filled once that row has arrived.
    self_references: dict[str, str] = field(default_factory=dict)
    # What a column of the kind's own table must hold beyond its type, on every row
    # headquarters reads from a station (None is left to the column's NOT NULL): a row no desk
    # could have saved refuses the bundle instead of reaching the hotlist every station loads.
    values: dict[str, Callable[[Any], bool]] = field(default_factory=dict)

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)  # type: ignore[attr-defined]


def report_kind(
    kind: RecordKind,
    model: type[SyncMixin],
    plural: str,
    values: dict[str, Callable[[Any], bool]] | None = None,
) -> KindSpec:
    """A kind of report of a thing stolen or found (vehicles, phones): one table, counted by
    what happened (its ``kind``), a recovery pointing at the theft report it was matched to."""
    table = str(model.__tablename__)  # type: ignore[attr-defined]
    return KindSpec(
        kind,
        model,
        plural=plural,
        tables=(model,),
        breakdown="kind",
        self_references={table: "matched_report_id"},
        values=values or {},
    )


# Rows every kind may point at; they travel before any kind's own tables.
SHARED: tuple[type[SyncMixin], ...] = (Person,)

KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        RecordKind.COMPLAINT,
        Complaint,
        plural="complaints",
        tables=(Complaint, ComplaintEvent),
    ),
    report_kind(RecordKind.VEHICLE_REPORT, VehicleReport, "vehicle_reports"),
    report_kind(
        RecordKind.PHONE_REPORT,
        PhoneReport,
        "phone_reports",
        values={"imei": imei.stored_form, "imei2": imei.stored_form},
    ),
)

SYNC_MODELS: tuple[type[SyncMixin], ...] = SHARED + tuple(t for k in KINDS for t in k.tables)
TABLE_ORDER: tuple[str, ...] = tuple(
    str(m.__tablename__)  # type: ignore[attr-defined]
    for m in SYNC_MODELS
)
SELF_REFERENCES: dict[str, str] = {t: c for k in KINDS for t, c in k.self_references.items()}
VALUE_RULES: dict[str, dict[str, Callable[[Any], bool]]] = {k.table: k.values for k in KINDS}
