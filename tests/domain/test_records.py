"""Drafts are validated all at once, field by field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cplc_desk.domain.enums import (
    RECOVERY_KINDS,
    THEFT_KINDS,
    PhoneReportKind,
    VehicleClass,
    VehicleReportKind,
)
from cplc_desk.domain.records import (
    ComplaintDraft,
    DraftErrors,
    PersonDraft,
    VehicleReportDraft,
    name_key,
    validate_complaint,
    validate_vehicle_report,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_a_good_complaint_comes_back_canonical() -> None:
    clean = validate_complaint(
        ComplaintDraft(
            complainant=PersonDraft(
                name="  Ali   Raza ", cnic="4210112345671", mobile="+92 300 1234567"
            ),
            category="theft",
            police_station="clif",
            incident_at=NOW - timedelta(days=2),
            fir_number="FIR 45/2026",
            narrative="Motorcycle stolen outside the mosque.",
        ),
        NOW,
    )
    assert clean.complainant.cnic == "42101-1234567-1"
    assert clean.complainant.mobile == "0300-1234567"
    assert (clean.category, clean.police_station) == ("THEFT", "CLIF")
    assert clean.fir is not None and clean.fir.normalized == "45/2026"


def test_every_problem_is_reported_at_once_by_field() -> None:
    with pytest.raises(DraftErrors) as excinfo:
        validate_complaint(
            ComplaintDraft(
                complainant=PersonDraft(name="", cnic="12345", mobile="12"),
                incident_at=NOW + timedelta(days=3),
            ),
            NOW,
        )
    fields = excinfo.value.by_field()
    assert set(fields) == {
        "complainant_name", "complainant_cnic", "complainant_mobile", "category",
        "police_station", "narrative", "incident_at",
    }  # fmt: skip
    assert "13 digits" in fields["complainant_cnic"]


def test_a_vehicle_needs_at_least_one_identifier() -> None:
    with pytest.raises(DraftErrors) as excinfo:
        validate_vehicle_report(
            VehicleReportDraft(kind="stolen", vehicle_class="car", police_station="CLIF"), NOW
        )
    assert "registration" in excinfo.value.by_field()


def test_a_good_vehicle_report_keeps_display_and_matching_forms() -> None:
    clean = validate_vehicle_report(
        VehicleReportDraft(
            kind="Found Abandoned",
            vehicle_class="MOTORCYCLE",
            registration="knp 5586",
            chassis="ka-1234567",
            model_year="2020",
            police_station="CLIF",
        ),
        NOW,
    )
    assert clean.kind is VehicleReportKind.FOUND_ABANDONED
    assert clean.vehicle_class is VehicleClass.MOTORCYCLE
    assert clean.registration is not None and clean.registration.normalized == "KNP5586"
    assert clean.chassis is not None and clean.chassis.normalized == "KA1234567"
    assert clean.model_year == 2020 and clean.owner is None


# "²" passes str.isdigit() but not int(): the fuzzer once crashed the validator on it.
@pytest.mark.parametrize("year", ["1890", "2099", "20x0", "\u00b2", "019", "02019"])
def test_model_year_out_of_range(year: str) -> None:
    with pytest.raises(DraftErrors) as excinfo:
        validate_vehicle_report(
            VehicleReportDraft(
                kind="stolen", vehicle_class="car", registration="ABC-123",
                model_year=year, police_station="CLIF",
            ),
            NOW,
        )  # fmt: skip
    assert set(excinfo.value.by_field()) == {"model_year"}


@pytest.mark.parametrize(
    ("typed", "year"),
    [("2019", 2019), (" \u06f2\u06f0\u06f1\u06f9 ", 2019), ("\u0662\u0660\u0662\u0660", 2020)],
)
def test_model_year_in_urdu_or_arabic_digits(typed: str, year: int) -> None:
    clean = validate_vehicle_report(
        VehicleReportDraft(
            kind="stolen", vehicle_class="car", registration="ABC-123",
            model_year=typed, police_station="CLIF",
        ),
        NOW,
    )  # fmt: skip
    assert clean.model_year == year


def test_name_key_folds_case_spacing_and_punctuation() -> None:
    assert name_key("  Syed  Hasan-Abbas ") == name_key("syed hasan abbas") == "syed hasan abbas"


def test_over_long_free_text_is_refused_not_cut() -> None:
    with pytest.raises(DraftErrors) as excinfo:
        validate_vehicle_report(
            VehicleReportDraft(
                kind="stolen", vehicle_class="car", registration="ABC-123",
                make="M" * 61, colour="C" * 41, incident_place="P" * 201, police_station="CLIF",
            ),
            NOW,
        )  # fmt: skip
    assert set(excinfo.value.by_field()) == {"make", "colour", "incident_place"}
    assert "at most 60" in excinfo.value.by_field()["make"]


@pytest.mark.parametrize("kinds", [VehicleReportKind, PhoneReportKind])
def test_every_kind_of_report_is_a_theft_or_a_recovery_never_both(kinds) -> None:
    """Matching, the checks, the hotlist and the figures split reports into these two groups: a
    kind added to either enum must be placed in one of them."""
    for kind in kinds:
        assert (kind.value in THEFT_KINDS) != (kind.value in RECOVERY_KINDS), kind
    assert {k.value for k in kinds if k.value in THEFT_KINDS} == {"stolen", "snatched"}
