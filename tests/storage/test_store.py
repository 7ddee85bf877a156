"""The store's connection settings and the automatic change log."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from cplc_desk.domain.enums import ChangeOp
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.changelog import HardDeleteRefused
from cplc_desk.storage.models import ChangeLog, Complaint, Person
from cplc_desk.storage.types import utcnow


def _draft(name: str = "Ali Raza") -> ComplaintDraft:
    return ComplaintDraft(
        complainant=PersonDraft(name=name, cnic="42101-1234567-1", mobile="0300-1234567"),
        category="THEFT",
        police_station="CLIF",
        narrative="Phone stolen from a parked car.",
    )


def test_sqlite_is_opened_durable_and_safe(ctx: DeskContext) -> None:
    with ctx.store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_every_change_reaches_the_change_log_with_a_new_version(station: DeskContext) -> None:
    registered = register_complaint(station, _draft())
    with station.unit_of_work() as s:
        complaint = s.get(Complaint, registered.id)
        assert complaint is not None and complaint.version == 1
        complaint.narrative = "Phone and wallet stolen from a parked car."
    with station.unit_of_work() as s:
        complaint = s.get(Complaint, registered.id)
        assert complaint is not None
        complaint.deleted_at = utcnow()
    with station.store.read() as s:
        log = s.scalars(
            select(ChangeLog).where(ChangeLog.record_id == registered.id).order_by(ChangeLog.seq)
        ).all()
        final = s.get(Complaint, registered.id)
    assert [(e.op, e.version) for e in log] == [
        (ChangeOp.INSERT, 1),
        (ChangeOp.UPDATE, 2),
        (ChangeOp.DELETE, 3),
    ]
    assert '"narrative": "Phone and wallet' in log[1].row_image
    assert final is not None and final.version == 3 and final.deleted_by == "volunteer1"
    assert final.origin_desk == "CLIF" and final.created_by == "volunteer1"
    seqs = [e.seq for e in log]
    assert seqs == sorted(seqs)


def test_unchanged_records_are_not_logged_again(station: DeskContext) -> None:
    registered = register_complaint(station, _draft())
    with station.unit_of_work() as s:
        complaint = s.get(Complaint, registered.id)
        assert complaint is not None
        complaint.narrative = complaint.narrative  # no real change
    with station.store.read() as s:
        versions = s.scalars(
            select(ChangeLog.version).where(ChangeLog.record_id == registered.id)
        ).all()
    assert versions == [1]


def test_hard_delete_of_a_synced_record_is_refused(station: DeskContext) -> None:
    registered = register_complaint(station, _draft())
    with pytest.raises(HardDeleteRefused), station.unit_of_work() as s:
        complaint = s.get(Complaint, registered.id)
        assert complaint is not None
        person = s.get(Person, complaint.complainant_id)
        s.delete(person)
    with station.store.read() as s:
        assert s.get(Complaint, registered.id) is not None


def test_a_failed_unit_of_work_leaves_nothing_behind(station: DeskContext) -> None:
    with station.store.read() as s:
        before = s.scalar(select(text("count(*)")).select_from(ChangeLog))
    with pytest.raises(RuntimeError), station.unit_of_work() as s:
        from cplc_desk.domain.records import validate_complaint
        from cplc_desk.services.complaints.complaints import insert_complaint

        insert_complaint(station, s, validate_complaint(_draft(), utcnow()))
        s.flush()
        raise RuntimeError("power cut")
    with station.store.read() as s:
        assert s.scalar(select(text("count(*)")).select_from(ChangeLog)) == before
        assert s.scalars(select(Complaint)).first() is None


def test_one_of_finds_by_any_value_of_a_bound_list_and_keeps_the_index(tmp_path) -> None:
    from sqlalchemy import create_engine, select, text

    from cplc_desk.storage.many import one_of
    from cplc_desk.storage.models import VehicleReport

    engine = create_engine(f"sqlite:///{tmp_path / 'one_of.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE vehicle_report (id TEXT, registration_key TEXT)"))
        conn.execute(text("CREATE INDEX ix_reg ON vehicle_report (registration_key)"))
        conn.execute(text("INSERT INTO vehicle_report VALUES ('a', 'KNP5586'), ('b', 'BNL123')"))
    table = VehicleReport.__table__
    wanted = [f"X{n}" for n in range(2000)] + ["BNL123"]
    stmt = select(table.c.id).where(one_of(table.c.registration_key, wanted))
    with engine.connect() as conn:
        assert conn.execute(stmt).scalars().all() == ["b"]
        assert (
            conn.execute(select(table.c.id).where(one_of(table.c.registration_key, []))).all() == []
        )
        sql = str(stmt.compile(engine))
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, ('["BNL123"]',))
        )
    assert "= 1" not in sql  # a plain condition, so the index is usable
    assert "USING INDEX ix_reg" in plan or "USING COVERING INDEX ix_reg" in plan


def test_reads_inside_one_read_share_one_transaction(station: DeskContext) -> None:
    """A check's several look-ups in one transaction (one begin and one end on a server); a
    read inside a write still goes its own way; a failed read ends the shared transaction."""
    from sqlalchemy.exc import OperationalError

    store = station.store
    with store.read() as a, store.read() as b:
        assert a is not b  # outside one_read, as before
    with store.one_read():
        with store.read() as first:
            first.execute(text("SELECT 1"))
            begun = first.get_transaction()
        with store.read() as second, store.one_read(), store.read() as nested:
            assert second is first and nested is first
            assert second.get_transaction() is begun  # still the same transaction
        with store.write(actor="t", desk_code="CLIF") as w, store.read() as inside:
            assert inside is not first and inside is not w
        with pytest.raises(ValueError), store.read() as s:
            raise ValueError("not the database's")
        assert first.get_transaction() is begun  # only a failed statement ends it
        with pytest.raises(OperationalError), store.read() as s:
            s.execute(text("SELECT * FROM no_such_table"))
        assert not first.in_transaction()  # rolled back; the next read begins another
        with store.read() as again:
            assert again is first and again.execute(text("SELECT 1")).scalar() == 1
    assert not first.in_transaction()  # closed with the block
    with store.read() as after:
        assert after is not first
