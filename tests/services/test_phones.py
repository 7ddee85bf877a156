"""Phone reports on a real store: recording one, checking a handset by its IMEI (exact, one
digit away, not an IMEI), matching a recovered handset by either IMEI, importing a register of
phones, and a station's phone reports reaching headquarters in a bundle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hq_city import build_city
from sqlalchemy import func, select

from cplc_desk.domain import imei
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.phones import PhoneReportDraft, validate_phone_report
from cplc_desk.domain.records import DraftErrors, PersonDraft
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.stats import store_stats
from cplc_desk.services.imports.csv_import import import_register
from cplc_desk.services.phones import phones
from cplc_desk.storage.models import AuditEntry, PhoneReport

SAMSUNG = "490154203237518"  # a valid IMEI
SECOND = "356938035643809"  # another, the same handset's second SIM
UNKNOWN = "35209900176148" + imei.check_digit("35209900176148")  # valid, in no report
OTHER = "35391805412421" + imei.check_digit("35391805412421")  # another handset's


def draft(
    kind: str = "snatched", first: str = SAMSUNG, second: str = "", **more: object
) -> PhoneReportDraft:
    values: dict[str, object] = {
        "kind": kind, "imei": first, "imei2": second, "make": "Samsung", "model": "A52",
        "colour": "Black", "sim_number": "0300-1234567", "police_station": "CLIF",
        "owner": PersonDraft(name="Ayesha Siddiqui", cnic="42101-1234567-1"),
    }  # fmt: skip
    values.update(more)
    return PhoneReportDraft(**values)  # type: ignore[arg-type]


def test_the_same_imei_twice_and_a_mistyped_one_are_refused_with_reasons() -> None:
    with pytest.raises(DraftErrors) as caught:
        validate_phone_report(draft(second=SAMSUNG, kind="lost"), now_utc())
    fields = caught.value.by_field()
    assert "same as the first" in fields["imei2"]
    assert "kind" in fields
    typo = SAMSUNG[:3] + "9" + SAMSUNG[4:]
    with pytest.raises(DraftErrors) as caught:
        validate_phone_report(draft(first=typo), now_utc())
    assert "one digit is probably mistyped" in caught.value.by_field()["imei"]
    # A handset whose IMEI was re-programmed keeps what it shows, with a note.
    clean = validate_phone_report(
        draft(first=typo, imei_altered=True, imei_note="*#06# differs from the box"), now_utc()
    )
    assert clean.imei == typo and clean.imei_altered


def test_a_report_is_numbered_counted_and_checked_in_the_store(station: DeskContext) -> None:
    registered = phones.register_phone_report(station, draft(second="35693803564380"))
    assert registered.number.startswith("CLIF-P-")
    with station.store.read() as s:
        report = s.get(PhoneReport, registered.id)
        assert report is not None
        assert report.imei2 == SECOND  # 14 digits typed: the check digit completed
        assert report.owner_id is not None
    assert store_stats(station).kinds["phone_reports"].by_kind == {"snatched": 1}
    assert check_store(station).ok


def test_checking_a_handset_exact_near_and_not_an_imei(station: DeskContext) -> None:
    phones.register_phone_report(station, draft(second=SECOND))
    assert phones.verify_phone(station, UNKNOWN).result == "none"

    stolen = phones.verify_phone(station, SECOND)  # its second IMEI finds it too
    assert (stolen.result, stolen.exit_code) == ("stolen", 3)
    assert stolen.reports[0].imei == SAMSUNG

    typo = SAMSUNG[:7] + str((int(SAMSUNG[7]) + 1) % 10) + SAMSUNG[8:]
    near = phones.verify_phone(station, typo)  # one digit off: never "no record"
    assert (near.result, near.exit_code, near.valid) == ("near", 5, False)
    assert [r.found for r in near.near] == ["one_digit"]

    with pytest.raises(ServiceError, match="one digit is probably mistyped"):
        phones.verify_phone(station, "123456789012345")
    with pytest.raises(ServiceError, match="15 digits"):
        phones.verify_phone(station, "12345")
    with station.store.read() as s:
        checks = s.scalar(
            select(func.count()).where(AuditEntry.action == AuditAction.PHONE_VERIFIED.value)
        )
    assert checks == 3  # every answer given is audited; a refusal answers nothing


def test_a_recovered_handset_matches_by_either_imei_and_one_digit_off(
    station: DeskContext,
) -> None:
    theft = phones.register_phone_report(station, draft(second=SECOND))
    other = phones.register_phone_report(
        station, draft(first=OTHER, owner=PersonDraft(name="Bilal Hussain"))
    )
    # Recovered with its SIMs swapped: its first IMEI is the report's second.
    swapped = phones.register_phone_report(station, draft("recovered", SECOND))
    assert [c.number for c in phones.candidates_for(station, swapped.id)] == [theft.number]
    # Recovered from a patched handset: one digit of the number differs.
    patched = SAMSUNG[:10] + str((int(SAMSUNG[10]) + 3) % 10) + SAMSUNG[11:]
    found = phones.register_phone_report(
        station, draft("found", patched, imei_altered=True, imei_note="IMEI re-programmed")
    )
    near = phones.candidates_for(station, found.id)
    assert [(c.number, c.found) for c in near] == [(theft.number, "one_digit")]

    phones.confirm_match(station, swapped.id, theft.id)
    assert phones.verify_phone(station, SAMSUNG).result == "recovered"
    assert phones.candidates_for(station, found.id) == []  # no longer open
    with pytest.raises(ServiceError, match="already closed"):
        phones.confirm_match(station, found.id, theft.id)
    with pytest.raises(ServiceError, match="Only a recovered or found phone"):
        phones.confirm_match(station, other.id, theft.id)


def test_a_register_of_phones_imports_and_again_saves_nothing(
    station: DeskContext, tmp_path: Path
) -> None:
    path = tmp_path / "phones.csv"
    path.write_text(
        "reference,kind,imei,imei2,make,model,owner_name,police_station,incident_date\n"
        f"P-1,snatched,{SAMSUNG},{SECOND},Samsung,A52,Ayesha Siddiqui,Clifton,02/03/2025\n"
        f"P-2,stolen,{SAMSUNG[:14]},,Oppo,A16,Bilal Hussain,CLIF,\n"
        "P-3,stolen,490154203237519,,Vivo,Y20,Sara Ahmed,CLIF,\n"
        f"P-4,stolen,{SECOND},{SECOND},Tecno,Spark,Imran Ali,CLIF,\n",
        encoding="utf-8",
    )
    report = import_register(station, "phones", path)
    assert (report.imported, report.not_imported) == (2, 2)
    reasons = {b.line: " ".join(b.reasons) for b in report.bad_rows}
    assert "imei: This IMEI does not add up" in reasons[4]
    assert "imei2: The second IMEI is the same as the first" in reasons[5]
    again = import_register(station, "phones", path)
    assert (again.imported, again.already_present) == (0, 2)


def test_phone_reports_reach_headquarters_and_are_checked_there(
    tmp_path: Path, template_store: Path
) -> None:
    city = build_city(tmp_path / "city", template_store, ("CLIF", "SADD"))
    try:
        sent = phones.register_phone_report(city.stations["CLIF"], draft(second=SECOND))
        city.send("CLIF")
        with city.hq.store.read() as s:
            merged = s.scalar(select(PhoneReport).where(PhoneReport.number == sent.number))
            assert merged is not None and merged.imei2 == SECOND
        assert phones.verify_phone(city.hq, SECOND).result == "stolen"
        assert check_store(city.hq).ok
    finally:
        city.close()


def test_every_slip_of_a_reported_imei_is_caught_as_near(station: DeskContext) -> None:
    """A dealer typing any one digit wrong is never told "no record"."""
    phones.register_phone_report(station, draft())
    results = {phones.verify_phone(station, slip).result for slip in imei.one_digit_away(SAMSUNG)}
    assert results == {"near"}


def test_candidates_come_once_each_ranked_with_their_evidence(station: DeskContext) -> None:
    """Exact before one digit off, and among equals the report whose make, model and colour
    agree first; a report agreeing by both IMEIs is offered once, with both agreements."""
    slip = SAMSUNG[:9] + str((int(SAMSUNG[9]) + 4) % 10) + SAMSUNG[10:]  # a patched handset's
    both = phones.register_phone_report(station, draft(second=SECOND))
    grey = phones.register_phone_report(
        station, draft("stolen", first=OTHER, second=SECOND[:14], colour="Grey", model="A32",
                       owner=PersonDraft(name="Bilal Hussain"))
    )  # fmt: skip
    near_only = phones.register_phone_report(
        station, draft("stolen", first=UNKNOWN, second="4" + SECOND[1:],
                       imei_altered=True, imei_note="as written in the FIR")
    )  # fmt: skip
    found = phones.register_phone_report(
        station,
        draft("found", SECOND, second=slip, imei_altered=True, imei_note="patched",
              owner=PersonDraft()),
    )  # fmt: skip
    ranked = phones.candidates_for(station, found.id)
    # Each once; the exact ones first, the one whose looks agree first among them.
    assert [c.number for c in ranked] == [both.number, grey.number, near_only.number]
    first, second, third = ranked
    assert (first.found, second.found, third.found) == ("exact", "exact", "one_digit")
    assert [(e.field, e.other_field, e.kind) for e in first.evidence] == [
        ("imei", "imei2", "exact"),  # the handset's first IMEI is the report's second
        ("imei2", "imei", "one_digit"),
    ]
    slipped = first.evidence[1]
    assert (slipped.position, slipped.mine, slipped.theirs) == (10, slip[9], SAMSUNG[9])
    assert [(e.field, e.other_field, e.kind) for e in second.evidence] == [
        ("imei", "imei2", "exact")
    ]
    assert [(e.field, e.other_field, e.position) for e in third.evidence] == [("imei", "imei2", 1)]
    assert {(look.field, look.same) for look in first.looks} == {
        ("make", True), ("model", True), ("colour", True)
    }  # fmt: skip
    assert {(look.field, look.same) for look in second.looks} == {
        ("make", True), ("model", False), ("colour", False)
    }  # fmt: skip
