"""Fuzzing every validator of the domain: anything typed gives a canonical value or a
FieldError / DraftErrors with a translatable message, never another exception, and canonical
values read back as themselves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from fuzzing import assert_translated, fuzz, marked_translation
from hypothesis import given
from hypothesis import strategies as st

from cplc_desk.domain.imei import parse as parse_imei
from cplc_desk.domain.records import (
    ComplaintDraft,
    DraftErrors,
    PersonDraft,
    VehicleReportDraft,
    name_key,
    validate_complaint,
    validate_vehicle_report,
)
from cplc_desk.domain.validation import (
    PAKISTAN_TIME,
    FieldError,
    Identifier,
    check_not_future,
    mask_cnic,
    mask_phone,
    normalize_digits,
    normalize_identifier,
    parse_chassis,
    parse_cnic,
    parse_engine,
    parse_fir_number,
    parse_landline,
    parse_mobile,
    parse_phone,
    parse_registration,
    require_text,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

PARSERS: dict[str, Callable[[str], Any]] = {
    "cnic": parse_cnic,
    "mobile": parse_mobile,
    "landline": parse_landline,
    "phone": parse_phone,
    "registration": parse_registration,
    "chassis": parse_chassis,
    "engine": parse_engine,
    "imei": parse_imei,
    "fir_number": parse_fir_number,
    "text": lambda t: require_text(t, "text", max_len=50),
}

# What people type: digits (ASCII, Urdu, Arabic, full-width), letters, dashes of every kind,
# brackets, slashes, spaces, and now and then anything at all.
_TYPED = st.sampled_from(
    list("0123456789" "۰۱۲۳۴۵۶۷۸۹" "٠١٢٣٤٥٦٧٨٩" "０１２３")
    + list("ABCKLMNPRXZabcz") + list("-‐‑‒–—−") + list(" ./()#:+*\t\n\u00a0")
    + ["F.I.R.", "NO.", "OF", "AFR", "92", "+92", "0300", "021", "42101", "\x00", "\u200b"]
)  # fmt: skip
typed = st.one_of(
    st.lists(_TYPED, max_size=30).map("".join),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
)


def _outcome(parser: Callable[[str], Any], text: str) -> Any:
    with marked_translation():
        try:
            return parser(text)
        except FieldError as exc:
            assert exc.field and exc.code
            assert_translated(exc.message)
            return exc


@pytest.mark.parametrize("name", sorted(PARSERS))
@fuzz(150)
@given(text=typed)
def test_a_parser_returns_a_value_or_a_translated_field_error(name: str, text: str) -> None:
    _outcome(PARSERS[name], text)


def _canonical(value: Any) -> str:
    return value.display if isinstance(value, Identifier) else str(value)


@pytest.mark.parametrize("name", sorted(PARSERS))
@fuzz(150)
@given(text=typed)
def test_a_canonical_value_reads_back_as_itself(name: str, text: str) -> None:
    """parse(format(x)) == x: what is stored and printed is accepted again unchanged."""
    first = _outcome(PARSERS[name], text)
    if isinstance(first, FieldError):
        return
    again = PARSERS[name](_canonical(first))
    if isinstance(first, Identifier):
        # The display keeps what was written (tidied); the matching key must not move.
        assert again.normalized == first.normalized
        assert again.display == first.display
    else:
        assert again == first


@fuzz(150)
@given(
    digits=st.from_regex(r"[1-9][0-9]{12}", fullmatch=True),
    style=st.sampled_from(["{a}-{b}-{c}", "{a}{b}{c}", "{a} {b} {c}", "{a}–{b}–{c}"]),
    urdu=st.booleans(),
)
def test_any_way_of_writing_a_cnic_gives_the_same_card(digits: str, style: str, urdu: bool) -> None:
    text = style.format(a=digits[:5], b=digits[5:12], c=digits[12])
    if urdu:
        text = text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    canonical = parse_cnic(text)
    assert normalize_digits(canonical) == digits
    # The middle five digits hidden, the last three shown (as 42101-*****67-1).
    assert mask_cnic(canonical) == f"{digits[:5]}-*****{digits[10:12]}-{digits[12]}"


@fuzz(150)
@given(
    network=st.sampled_from("01234567"),
    rest=st.from_regex(r"[0-9]{8}", fullmatch=True),
    prefix=st.sampled_from(["0", "+92", "0092", "92", "+92 (0)"]),
)
def test_any_way_of_writing_a_mobile_gives_the_same_number(
    network: str, rest: str, prefix: str
) -> None:
    canonical = parse_mobile(f"{prefix}3{network}{rest[:1]}-{rest[1:]}")
    assert canonical == f"03{network}{rest[0]}-{rest[1:]}"
    assert parse_phone(canonical) == canonical
    masked = mask_phone(canonical)
    assert masked.startswith(canonical[:5]) and masked.endswith(canonical[-4:])


@fuzz(100)
@given(
    value=st.one_of(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
        st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(2100, 1, 1),
            timezones=st.one_of(st.none(), st.just(UTC), st.just(timezone(timedelta(hours=5)))),
        ),
    )
)
def test_check_not_future_refuses_only_the_future(value: date | datetime) -> None:
    outcome = _outcome(lambda _: check_not_future(value, NOW), "")
    if isinstance(value, datetime):
        # A time without a zone is UTC; five minutes of clock slack are allowed.
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        future = aware > NOW + timedelta(minutes=5)
    else:
        future = value > NOW.astimezone(PAKISTAN_TIME).date()  # a date is a Karachi date
    assert isinstance(outcome, FieldError) == future, (value, outcome)
    if future:
        assert isinstance(outcome, FieldError) and outcome.code == "date.future"


@fuzz(100)
@given(text=st.text(max_size=80))
def test_keys_are_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)
    assert normalize_identifier(normalize_identifier(text)) == normalize_identifier(text)
    assert normalize_digits(normalize_digits(text)) == normalize_digits(text)


# ---------------------------------------------------------------- whole drafts

texts = st.one_of(typed, st.just(""), st.text(min_size=190, max_size=2100).map(lambda t: t or "x"))
moments = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1950, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.one_of(st.none(), st.just(UTC), st.just(timezone(timedelta(hours=5)))),
    ),
)
days = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)))
people = st.builds(PersonDraft, name=texts, relative_name=texts, cnic=texts, mobile=texts,
                   address=texts)  # fmt: skip
complaints = st.builds(
    ComplaintDraft,
    complainant=people,
    category=st.one_of(texts, st.sampled_from(["THEFT", " theft ", "SNATCHING"])),
    police_station=st.one_of(texts, st.sampled_from(["CLIF", "boba"])),
    incident_at=moments,
    incident_place=texts,
    fir_number=texts,
    fir_date=days,
    narrative=texts,
)
vehicles = st.builds(
    VehicleReportDraft,
    kind=st.one_of(texts, st.sampled_from(["stolen", "Found Abandoned", "recovered "])),
    vehicle_class=st.one_of(texts, st.sampled_from(["car", "MOTORCYCLE", "Other"])),
    registration=texts,
    chassis=texts,
    engine=texts,
    make=texts,
    model=texts,
    colour=texts,
    model_year=st.one_of(texts, st.integers(1900, 2100).map(str), st.just("٢٠١٩")),
    owner=people,
    incident_at=moments,
    incident_place=texts,
    police_station=st.one_of(texts, st.just("CLIF")),
    fir_number=texts,
    fir_date=days,
)


def _validated(validate: Callable[[Any, datetime], Any], draft: Any) -> Any:
    with marked_translation():
        try:
            return validate(draft, NOW)
        except DraftErrors as exc:
            assert exc.errors, "DraftErrors without an error"
            for error in exc.errors:
                assert isinstance(error, FieldError) and error.field and error.code
                assert_translated(error.message)
            assert exc.by_field()
            return exc


@fuzz(300)
@given(draft=complaints)
def test_a_complaint_draft_is_clean_or_every_error_is_named(draft: ComplaintDraft) -> None:
    clean = _validated(validate_complaint, draft)
    if isinstance(clean, DraftErrors):
        return
    # The clean complaint, typed in again, is the same complaint.
    person = clean.complainant
    again = validate_complaint(
        ComplaintDraft(
            complainant=PersonDraft(
                person.name,
                person.relative_name or "",
                person.cnic or "",
                person.mobile or "",
                person.address or "",
            ),
            category=clean.category,
            police_station=clean.police_station,
            incident_at=clean.incident_at,
            incident_place=clean.incident_place or "",
            fir_number=clean.fir.display if clean.fir else "",
            fir_date=clean.fir_date,
            narrative=clean.narrative,
        ),
        NOW,
    )
    assert again == clean


@fuzz(300)
@given(draft=vehicles)
def test_a_vehicle_draft_is_clean_or_every_error_is_named(draft: VehicleReportDraft) -> None:
    clean = _validated(validate_vehicle_report, draft)
    if isinstance(clean, DraftErrors):
        return
    owner = clean.owner
    again = validate_vehicle_report(
        VehicleReportDraft(
            kind=clean.kind.value,
            vehicle_class=clean.vehicle_class.value,
            registration=clean.registration.display if clean.registration else "",
            chassis=clean.chassis.display if clean.chassis else "",
            engine=clean.engine.display if clean.engine else "",
            make=clean.make or "",
            model=clean.model or "",
            colour=clean.colour or "",
            model_year=str(clean.model_year or ""),
            owner=PersonDraft(
                owner.name,
                owner.relative_name or "",
                owner.cnic or "",
                owner.mobile or "",
                owner.address or "",
            )
            if owner
            else PersonDraft(),
            incident_at=clean.incident_at,
            incident_place=clean.incident_place or "",
            police_station=clean.police_station,
            fir_number=clean.fir.display if clean.fir else "",
            fir_date=clean.fir_date,
        ),
        NOW,
    )
    assert again == clean
