"""The complaint desk's services against a real store: search kinds, keyset paging, workflow,
follow-ups, overdue view, repeat complainants, drafts and receipts."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.domain.validation import FieldError
from cplc_desk.services.complaints import complaint_list, receipts
from cplc_desk.services.complaints import complaints as cs
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import drafts
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage.models import AuditEntry


def _register(ctx: DeskContext, name: str, cnic: str, mobile: str, narrative: str, fir: str = ""):
    return register_complaint(
        ctx,
        ComplaintDraft(
            complainant=PersonDraft(name=name, cnic=cnic, mobile=mobile),
            category="MOBILE_SNATCHING",
            police_station="CLIF",
            narrative=narrative,
            fir_number=fir,
        ),
    )


@pytest.fixture
def desk(station: DeskContext) -> DeskContext:
    _register(
        station, "Ali Raza", "42101-1111111-1", "0300-1111111", "Phone snatched near the bus stop."
    )
    _register(
        station,
        "Sana Javed",
        "42201-2222222-2",
        "0333-2222222",
        "Wallet taken at gunpoint.",
        "45/2026",
    )
    _register(
        station,
        "Ali Hassan",
        "42301-3333333-3",
        "0345-3333333",
        "Motorcycle stolen outside a mosque.",
    )
    return station


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "all"),
        ("CLIF-C-2026-00001", "number"),
        (" clif-c-2026-00001 ", "number"),
        ("4210111111111", "cnic"),
        ("42101-1111111-1", "cnic"),
        ("+92 300 1111111", "mobile"),
        ("03001111111", "mobile"),
        ("45/2026", "fir"),
        ("FIR 45/26", "fir"),
        ("ali raza", "words"),
        ("bus", "words"),
    ],
)
def test_the_search_box_understands_what_was_typed(text: str, kind: str) -> None:
    assert complaint_list.classify(text).kind == kind


def _numbers(ctx: DeskContext, text: str) -> set[str]:
    return {
        r.number
        for r in complaint_list.list_page(ctx, complaint_list.ComplaintQuery(text=text)).rows
    }


def test_each_kind_of_search_finds_the_right_complaint(desk: DeskContext) -> None:
    first = next(iter(_numbers(desk, "Ali Raza")))
    assert _numbers(desk, first) == {first}
    assert len(_numbers(desk, "4210111111111")) == 1
    assert len(_numbers(desk, "0333 2222222")) == 1
    assert len(_numbers(desk, "45/2026")) == 1
    assert len(_numbers(desk, "ali")) == 2  # Ali Raza, Ali Hassan: name prefix
    assert len(_numbers(desk, "gunpoint")) == 1  # narrative words
    assert len(_numbers(desk, "motorcycle mosque")) == 1
    assert _numbers(desk, "nobody-by-this-name") == set()
    rows = complaint_list.list_page(desk, complaint_list.ComplaintQuery(text="4210111111111")).rows
    assert rows[0].cnic_masked == "42101-*****11-1"
    assert "1111111" not in rows[0].cnic_masked


def test_person_searches_are_audited_with_the_value_masked(desk: DeskContext) -> None:
    complaint_list.list_page(desk, complaint_list.ComplaintQuery(text="42101-1111111-1"))
    with desk.store.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.SEARCHED_PERSON)
        ).one()
    details = json.loads(entry.details)
    assert len(details.pop("ref")) == 20  # a keyed pseudonym (docs/audit.md)
    assert details == {"by": "cnic", "value": "42101-*****11-1", "found": 1, "purpose": "list"}


def test_keyset_pages_cover_everything_once_in_order(station: DeskContext) -> None:
    for n in range(25):
        _register(station, f"Person {n}", "", "", f"Complaint {n}.")
    seen, cursor = [], None
    while True:
        page = complaint_list.list_page(
            station, complaint_list.ComplaintQuery(), after=cursor, limit=7
        )
        seen += page.rows
        if page.next is None:
            break
        cursor = page.next
    assert (
        len(seen)
        == len({r.id for r in seen})
        == 25
        == complaint_list.count(station, complaint_list.ComplaintQuery())
    )
    assert [r.created_at for r in seen] == sorted((r.created_at for r in seen), reverse=True)
    oldest = complaint_list.list_page(
        station, complaint_list.ComplaintQuery(oldest_first=True), limit=3
    ).rows
    assert [r.id for r in oldest] == [r.id for r in reversed(seen)][:3]


def test_word_searches_page_through_every_match_once(station: DeskContext) -> None:
    for n in range(20):
        _register(station, f"Person {n}", "", "", f"Rickshaw {n} stolen." if n % 2 else "Other.")
    seen, cursor = [], None
    while True:
        page = complaint_list.list_page(
            station, complaint_list.ComplaintQuery(text="rickshaw"), after=cursor, limit=3
        )
        seen += page.rows
        if page.next is None:
            break
        cursor = page.next
    assert len(seen) == len({r.id for r in seen}) == 10
    assert complaint_list.count(station, complaint_list.ComplaintQuery(text="rickshaw")) == 10


def test_workflow_moves_are_recorded_and_refusals_change_nothing(desk: DeskContext) -> None:
    complaint = complaint_list.list_page(desk, complaint_list.ComplaintQuery(text="gunpoint")).rows[
        0
    ]
    detail = cs.get(desk, complaint.id)
    assert detail.status == "registered"
    assert "closed" not in detail.allowed_statuses
    with pytest.raises(FieldError) as refused:
        cs.change_status(desk, complaint.id, "closed", "done")
    assert refused.value.code == "status.not_allowed"
    assert cs.get(desk, complaint.id).version == detail.version
    follow = date.today() + timedelta(days=3)
    cs.change_status(desk, complaint.id, "referred", "Sent to the SHO.", follow)
    detail = cs.change_status(desk, complaint.id, "fir_lodged", "FIR 45/2026 lodged.", follow)
    with pytest.raises(FieldError) as note_missing:
        cs.change_status(desk, complaint.id, "withdrawn", "  ")
    assert note_missing.value.field == "note"
    detail = cs.add_follow_up(desk, complaint.id, "IO visited the complainant.", follow)
    assert [(e.kind, e.to_status) for e in detail.timeline] == [
        ("status_change", "registered"),
        ("status_change", "referred"),
        ("status_change", "fir_lodged"),
        ("follow_up", None),
    ]
    assert detail.timeline[-1].by == "volunteer1"
    with pytest.raises(ServiceError, match="changed complaint"):
        cs.add_follow_up(desk, complaint.id, "stale", expected_version=detail.version - 1)


def test_overdue_view_lists_open_complaints_past_their_follow_up(desk: DeskContext) -> None:
    rows = complaint_list.list_page(desk, complaint_list.ComplaintQuery()).rows
    soon = date.today() + timedelta(days=2)
    cs.change_status(desk, rows[0].id, "referred", "", soon)
    cs.change_status(desk, rows[1].id, "referred", "", soon)
    cs.change_status(desk, rows[1].id, "withdrawn", "Complainant settled.")
    later = complaint_list.ComplaintQuery(overdue_on=soon + timedelta(days=1))
    assert [r.id for r in complaint_list.list_page(desk, later).rows] == [rows[0].id]
    assert complaint_list.list_page(desk, complaint_list.ComplaintQuery(overdue_on=soon)).rows == []


def test_repeat_complainants_are_found_by_cnic_or_mobile(desk: DeskContext) -> None:
    assert len(complaint_list.earlier_complaints(desk, cnic="4210111111111")) == 1
    assert len(complaint_list.earlier_complaints(desk, mobile="0345-3333333")) == 1
    assert complaint_list.earlier_complaints(desk, cnic="not a cnic") == []


def test_drafts_survive_and_are_discarded(desk: DeskContext) -> None:
    drafts.save_draft(desk, "form-1", "complaint", {"complainant_name": "Half typed"})
    drafts.save_draft(desk, "form-1", "complaint", {"complainant_name": "Half typed more"})
    [draft] = drafts.drafts(desk, "complaint")
    assert draft.data == {"complainant_name": "Half typed more"}
    drafts.discard_draft(desk, "form-1")
    assert drafts.drafts(desk, "complaint") == []


def test_a_second_receipt_is_a_copy_and_both_are_audited(desk: DeskContext) -> None:
    row = complaint_list.list_page(desk, complaint_list.ComplaintQuery()).rows[0]
    first = receipts.issue_receipt(desk, row.id)
    second = receipts.issue_receipt(desk, row.id, "80mm")
    assert (first.copy, second.copy) == (False, True)
    assert first.number == row.number and "*" in first.cnic_masked
    with desk.store.read() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.record_id == row.id).order_by(AuditEntry.seq)
        ).all()
    assert actions[-2:] == [AuditAction.RECEIPT_PRINTED, AuditAction.RECEIPT_REPRINTED]


def test_unknown_receipt_number_gives_a_clear_message(desk: DeskContext) -> None:
    with pytest.raises(ServiceError, match="No complaint has the number"):
        cs.find_by_number(desk, "CLIF-C-2026-99999")
