"""Audit entries chained as their unit of work commits, and the audit-only unit of work that
looks-ups and checks use (storage/db.py, storage/audit.py)."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import func, select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage import audit
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.db import AuditOnlyWriteError
from cplc_desk.storage.models import AuditEntry, ChangeLog, Complaint


def _entries(ctx: DeskContext) -> list[AuditEntry]:
    with ctx.store.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def _counts(ctx: DeskContext) -> tuple[int, int]:
    with ctx.store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            s.scalar(select(func.count()).select_from(ChangeLog)) or 0,
        )


def test_entries_join_the_chain_at_commit_in_the_order_appended(station: DeskContext) -> None:
    before = len(_entries(station))
    with station.unit_of_work() as s:
        appended = [
            audit.append(
                s,
                desk_code="CLIF",
                actor="volunteer1",
                action=AuditAction.RECORD_VIEWED.value,
                details={"n": i},
            )
            for i in range(25)
        ]
        # Queued, not yet in the session: nothing is chained before the commit.
        assert not any(e in s for e in appended)
        assert all(e.entry_id for e in appended)
    after = _entries(station)[before:]
    assert [e.entry_id for e in after] == [e.entry_id for e in appended]
    for earlier, later in itertools.pairwise(after):
        assert later.seq > earlier.seq and later.prev_hash == earlier.entry_hash
    report = check_store(station)
    assert report.ok and not report.audit_breaks, report.problems


def test_a_rolled_back_unit_of_work_leaves_no_entry(station: DeskContext) -> None:
    before = _counts(station)
    with pytest.raises(RuntimeError), station.unit_of_work() as s:
        station.audit(s, AuditAction.RECORD_VIEWED, details={"kept": False})
        raise RuntimeError("the unit of work fails after its entry was appended")
    assert _counts(station) == before
    with station.unit_of_work() as s:  # the next unit of work is not handed the lost entry
        station.audit(s, AuditAction.RECORD_VIEWED, details={"kept": True})
    assert [e.details for e in _entries(station)][-1] == '{"kept":true}'
    assert _counts(station)[0] == before[0] + 1


def test_an_audit_only_unit_of_work_writes_its_entries(station: DeskContext) -> None:
    before = _counts(station)
    with station.audit_unit() as s:
        station.audit(s, AuditAction.RECORD_VIEWED, details={"light": True})
    assert _counts(station) == (before[0] + 1, before[1])
    report = check_store(station)
    assert report.ok and not report.audit_breaks, report.problems


def test_an_audit_only_unit_of_work_refuses_a_record_change(station: DeskContext) -> None:
    registered = register_complaint(
        station,
        ComplaintDraft(
            complainant=PersonDraft(name="Ali Raza", cnic="42101-1234567-1"),
            category="THEFT",
            police_station="CLIF",
            narrative="Phone stolen from a parked car.",
        ),
    )
    before = _counts(station)
    with pytest.raises(AuditOnlyWriteError, match="UPDATE complaint"), station.audit_unit() as s:
        station.audit(s, AuditAction.RECORD_VIEWED, details={"then": "an edit"})
        complaint = s.get(Complaint, registered.id)
        assert complaint is not None
        complaint.narrative = "Changed where only audit entries may be written."
    with pytest.raises(AuditOnlyWriteError, match="store_meta"), station.audit_unit() as s:
        store_meta.put(s, "test.setting", "1")
    # Nothing of either reached the store: not the change, its change-log row, nor the entries.
    assert _counts(station) == before
    with station.store.read() as s:
        kept = s.get(Complaint, registered.id)
        assert kept is not None and kept.narrative == "Phone stolen from a parked car."
        assert store_meta.get(s, "test.setting") is None
