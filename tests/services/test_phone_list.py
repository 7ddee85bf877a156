"""The phone reports list on a real store: found by either IMEI (typed as 14, 15 or 16 digits),
by report number, by the owner's CNIC or the SIM's number, by the start of a name; paged newest
first; a person look-up and an opened report audited; a report's history from the change log."""

from __future__ import annotations

from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import PersonDraft
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phone_list, phones
from cplc_desk.services.phones.phone_list import PhoneQuery
from cplc_desk.storage.models import AuditEntry
from tests.services.test_phones import OTHER, SAMSUNG, SECOND, draft


def numbers(ctx: DeskContext, text: str = "", **query: object) -> list[str]:
    page = phone_list.list_page(ctx, PhoneQuery(text=text, **query))  # type: ignore[arg-type]
    return [r.number for r in page.rows]


def test_a_report_is_found_by_what_the_desk_has_in_hand(station: DeskContext) -> None:
    first = phones.register_phone_report(station, draft(second=SECOND))
    other = phones.register_phone_report(
        station,
        draft(first=OTHER, kind="stolen", sim_number="0321-7654321",
              owner=PersonDraft(name="Bilal Ahmed", cnic="42201-7654321-3")),
    )  # fmt: skip
    assert numbers(station) == [other.number, first.number]  # newest first
    assert numbers(station, SAMSUNG) == [first.number]
    assert numbers(station, SECOND[:14]) == [first.number]  # 14 digits: the second IMEI
    assert numbers(station, "3569 3803 5643 80 12") == [first.number]  # an IMEISV
    assert numbers(station, first.number.lower()) == [first.number]
    assert numbers(station, "42201-7654321-3") == [other.number]
    assert numbers(station, "0321 7654321") == [other.number]  # the SIM in use
    assert numbers(station, "bilal") == [other.number]
    assert numbers(station, "nobody") == []
    assert numbers(station, kinds=("stolen",)) == [other.number]
    assert phone_list.count(station, PhoneQuery()) == 2
    row = phone_list.list_page(station, PhoneQuery(text=SAMSUNG)).rows[0]
    assert row.owner_cnic_masked.endswith("-1") and "1234567" not in row.owner_cnic_masked
    assert row.description == "Black Samsung A52"
    with station.store.read() as s:
        searched = s.scalars(
            select(AuditEntry.details).where(AuditEntry.action == AuditAction.SEARCHED_PERSON)
        ).all()
    assert any('"phone list"' in d for d in searched)
    assert not any("7654321" in d for d in searched)  # masked in the trail


def test_pages_follow_each_other_without_gaps(station: DeskContext) -> None:
    made = [
        phones.register_phone_report(station, draft(first=f"35209900{n:06d}0"[:14])).number
        for n in range(7)
    ]
    seen: list[str] = []
    page = phone_list.list_page(station, PhoneQuery(), limit=3)
    while True:
        seen += [r.number for r in page.rows]
        if page.next is None:
            break
        page = phone_list.list_page(station, PhoneQuery(), page.next, limit=3)
    assert seen == list(reversed(made))


def test_an_opened_report_is_audited_and_tells_its_history(station: DeskContext) -> None:
    theft = phones.register_phone_report(station, draft(second=SECOND))
    found = phones.register_phone_report(
        station, draft(kind="recovered", first=SECOND, owner=PersonDraft())
    )
    phones.confirm_match(station, found.id, theft.id)
    detail = phone_list.view(station, theft.id)
    assert detail.owner_cnic == "42101-1234567-1"  # in full, since opening it is audited
    assert (detail.status, detail.matched_number) == ("recovered", found.number)
    assert detail.history[0].changed == ("created",)
    assert "status" in detail.history[-1].changed
    assert "matched_report_id" in detail.history[-1].changed
    assert detail.history[-1].status == "recovered"
    with station.store.read() as s:
        viewed = s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.RECORD_VIEWED)
        ).all()
    assert [e.record_id for e in viewed] == [theft.id]
