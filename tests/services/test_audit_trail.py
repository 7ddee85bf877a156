"""What the audit trail records: edits field by field, record views, person searches by a keyed
pseudonym; and the audit viewer's filters and extracts (CSV and PDF read back)."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.services.accounts import audit_view
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints import complaints as cs
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import Actor, DeskContext, PermissionDeniedError
from cplc_desk.services.vehicles import vehicle_list
from cplc_desk.storage.models import AuditEntry, Person

CNIC = "42101-5556667-1"


def _register(ctx: DeskContext, name: str = "Nadia Khan", cnic: str = CNIC) -> cs.ComplaintDetail:
    registered = register_complaint(
        ctx,
        ComplaintDraft(
            complainant=PersonDraft(name=name, cnic=cnic, mobile="0321-4445556"),
            category="MOBILE_SNATCHING",
            police_station="CLIF",
            narrative="Phone snatched at the signal.",
        ),
    )
    return cs.get(ctx, registered.id)


def _entries(ctx: DeskContext, action: str) -> list[AuditEntry]:
    with ctx.store.read() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
            )
        )


def test_status_change_and_direct_edits_are_audited_field_by_field(station: DeskContext) -> None:
    c = _register(station)
    cs.change_status(station, c.id, "referred", note="Sent to the SHO.")
    updated = _entries(station, AuditAction.RECORD_UPDATED.value)
    assert len(updated) == 1
    changes = json.loads(updated[0].details)
    assert changes["number"] == c.number
    assert changes["changes"]["status"] == ["registered", "referred"]
    assert "version" not in changes["changes"] and "updated_at" not in changes["changes"]

    # An edit made by any code path (here a unit of work, as a future edit form would).
    station.actor = Actor("supervisor1")
    with station.unit_of_work() as s:
        person = s.scalars(select(Person).where(Person.cnic == CNIC)).one()
        person.cnic = "42101-5556668-1"
        person.address = "House 12, Block 2"
        person_id = person.id
    edit = _entries(station, AuditAction.RECORD_UPDATED.value)[-1]
    assert (edit.actor, edit.record_table, edit.record_id) == ("supervisor1", "person", person_id)
    details = json.loads(edit.details)["changes"]
    before, after = details["cnic"]
    assert before["masked"] == "42101-*****67-1"
    assert after["masked"] == "42101-*****68-1"
    assert before["ref"] != after["ref"]
    assert details["address"] == [None, "House 12, Block 2"]
    assert "5556667" not in edit.details and "5556668" not in edit.details


def test_opening_a_record_with_full_contact_details_is_audited(station: DeskContext) -> None:
    c = _register(station)
    detail = cs.view(station, c.id)
    assert detail.cnic == CNIC
    viewed = _entries(station, AuditAction.RECORD_VIEWED.value)
    assert [(e.record_table, e.record_id) for e in viewed] == [("complaint", c.id)]
    assert CNIC not in viewed[0].details


def test_vehicle_detail_with_the_owners_cnic_is_audited(station: DeskContext) -> None:
    from cplc_desk.domain.records import VehicleReportDraft
    from cplc_desk.services.vehicles.vehicles import register_vehicle_report

    report = register_vehicle_report(
        station,
        VehicleReportDraft(
            kind="stolen",
            vehicle_class="motorcycle",
            registration="KNP-5586",
            police_station="CLIF",
            owner=PersonDraft(name="Ali Raza", cnic=CNIC),
        ),
    )
    detail = vehicle_list.view(station, report.id)
    assert detail.owner_cnic == CNIC
    viewed = _entries(station, AuditAction.RECORD_VIEWED.value)
    assert [(e.record_table, e.record_id) for e in viewed] == [("vehicle_report", report.id)]


@pytest.fixture
def trail(station: DeskContext) -> DeskContext:
    first = _register(station)
    station.actor = Actor("volunteer2")
    second = _register(station, "Imran Ali", "42201-1112223-4")
    cs.change_status(station, second.id, "referred", note="Sent on.")
    complaint_list.list_page(
        station, complaint_list.ComplaintQuery(text=CNIC)
    )  # a person search, by volunteer2
    station.actor = Actor("supervisor1", Role.SUPERVISOR)
    station.first_number = first.number  # type: ignore[attr-defined]
    station.second = second  # type: ignore[attr-defined]
    return station


def test_viewer_filters(trail: DeskContext) -> None:
    def actions(**kw: object) -> list[str]:
        return [r.action for r in audit_view.page(trail, audit_view.AuditFilter(**kw))]

    assert set(actions(actor="volunteer2")) == {
        "record.created",
        "record.status_changed",
        "record.updated",
        "search.person",
    }
    assert actions(action="record.status_changed") == ["record.status_changed"]
    assert set(actions(action="record")) >= {"record.created", "record.updated"}
    second = trail.second  # type: ignore[attr-defined]
    by_number = actions(record=second.number)
    assert set(by_number) == {"record.created", "record.status_changed", "record.updated"}
    assert set(actions(record=second.id)) == set(by_number)
    # A CNIC finds the search for it through the pseudonym (the trail never holds the CNIC).
    assert actions(record=CNIC) == ["search.person"]
    assert actions(record="42101 5556667 1") == ["search.person"]
    future = now_utc() + timedelta(days=1)
    assert actions(since=future) == []
    assert "record.created" in actions(until=future, since=now_utc() - timedelta(hours=1))
    # Each first page read is itself in the trail.
    viewed = _entries(trail, AuditAction.AUDIT_VIEWED.value)
    assert len(viewed) >= 8 and {e.actor for e in viewed} == {"supervisor1"}


def test_viewer_pages_newest_first_without_gaps(trail: DeskContext) -> None:
    flt = audit_view.AuditFilter()
    seen, before = [], None
    while True:
        rows = audit_view.page(trail, flt, before_seq=before, limit=3)
        if not rows:
            break
        seen += rows
        before = rows[-1].seq
    everything = audit_view.page(trail, flt, limit=1000)  # itself adds an audit.viewed entry
    assert [r.seq for r in seen] == [r.seq for r in everything if r.seq <= seen[0].seq]
    assert [r.seq for r in seen] == sorted((r.seq for r in seen), reverse=True)
    assert len(seen) > 6


def test_volunteers_may_not_read_the_audit_trail(trail: DeskContext) -> None:
    trail.actor = Actor("volunteer2", Role.VOLUNTEER)
    with pytest.raises(PermissionDeniedError):
        audit_view.page(trail, audit_view.AuditFilter())


def test_csv_and_pdf_extracts_read_back_and_are_audited(trail: DeskContext, tmp_path: Path) -> None:
    flt = audit_view.AuditFilter(actor="volunteer2")
    out_csv = tmp_path / "audit.csv"
    n = audit_view.export(trail, flt, out_csv)
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(audit_view.HEADER)
    assert len(rows) - 1 == n and {r[3] for r in rows[1:]} == {"volunteer2"}
    assert "record.status_changed" in {r[4] for r in rows[1:]}

    out_pdf = tmp_path / "audit.pdf"
    assert audit_view.export(trail, flt, out_pdf) == n
    pdf = pdfium.PdfDocument(out_pdf)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    text = text.replace("\r\n", " ")
    pdf.close()
    assert "Audit trail of Clifton (CLIF)" in text
    assert "Person: volunteer2" in text
    assert "record.status_changed" in text and trail.second.number in text  # type: ignore[attr-defined]
    assert CNIC not in text and CNIC.replace("-", "") not in text
    assert not list(tmp_path.glob("*.partial"))

    exported = _entries(trail, AuditAction.AUDIT_EXPORTED.value)
    assert [json.loads(e.details)["format"] for e in exported] == ["csv", "pdf"]
    assert all(e.actor == "supervisor1" for e in exported)
    with pytest.raises(audit_view.ServiceError, match=r"\.csv or \.pdf"):
        audit_view.export(trail, flt, tmp_path / "audit.xlsx")
