"""The record-kind registration (storage/kinds.py) is the one list the sync path and the counts
read: a synced table missing from it, or listed after a table it points at, would travel
wrongly, so these checks fail before any bundle does."""

from __future__ import annotations

from sqlalchemy import inspect

from cplc_desk.domain.enums import RecordKind
from cplc_desk.domain.ids import RecordNumber
from cplc_desk.storage import kinds
from cplc_desk.storage.base import Base
from cplc_desk.storage.models import SyncMixin


def test_every_synced_model_is_registered() -> None:
    synced = {
        mapper.class_ for mapper in Base.registry.mappers if issubclass(mapper.class_, SyncMixin)
    }
    assert synced == set(kinds.SYNC_MODELS)
    assert len(kinds.SYNC_MODELS) == len(set(kinds.SYNC_MODELS))


def test_every_record_kind_is_registered_once_with_a_number_letter() -> None:
    assert sorted(k.kind for k in kinds.KINDS) == sorted(RecordKind)
    assert len({k.kind for k in kinds.KINDS}) == len(kinds.KINDS)
    assert len({k.plural for k in kinds.KINDS}) == len(kinds.KINDS)
    for k in kinds.KINDS:
        number = RecordNumber("CLIF", k.kind, 2026, 7)
        assert RecordNumber.parse(str(number)) == number


def test_tables_travel_after_the_tables_they_point_at() -> None:
    order = kinds.TABLE_ORDER
    for model in kinds.SYNC_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if target not in order:
                continue  # reference data, present on every desk
            if target == table.name:
                assert kinds.SELF_REFERENCES.get(table.name) == fk.parent.name
            else:
                assert order.index(target) < order.index(table.name), (table.name, target)


def test_a_kind_has_what_statistics_and_receipts_read() -> None:
    for k in kinds.KINDS:
        columns = set(inspect(k.model).columns.keys())
        assert {"number", "status", "police_station_code", "deleted_at"} <= columns, k.plural
        assert k.breakdown is None or k.breakdown in columns
        assert k.model in k.tables and k.tables[0] is k.model
