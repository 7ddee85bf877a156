"""Tests for cplc_desk.domain.validation: accepted forms, refusals with their codes, privacy."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cplc_desk.domain.imei import parse as parse_imei
from cplc_desk.domain.validation import (
    PAKISTAN_TIME,
    FieldError,
    Identifier,
    check_not_future,
    luhn_ok,
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

PARSERS: list[Callable[[str], Any]] = [
    parse_cnic,
    parse_mobile,
    parse_landline,
    parse_phone,
    parse_registration,
    parse_chassis,
    parse_engine,
    parse_imei,
    parse_fir_number,
]


def code_of(func: Callable[[str], Any], text: str) -> str:
    with pytest.raises(FieldError) as info:
        func(text)
    return info.value.code


# ---------------------------------------------------------------- FieldError


def test_field_error_is_a_value_error_showing_its_message() -> None:
    err = FieldError("cnic", "cnic.length", "Too short.")
    assert isinstance(err, ValueError)
    assert str(err) == "Too short."
    assert err.args == ("Too short.",)
    assert err == FieldError("cnic", "cnic.length", "Too short.")
    assert hash(err) == hash(FieldError("cnic", "cnic.length", "Too short."))


def test_field_error_fields_are_frozen() -> None:
    err = FieldError("cnic", "cnic.length", "Too short.")
    with pytest.raises(FrozenInstanceError):
        err.code = "other"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        err.extra = 1  # type: ignore[attr-defined]


def test_field_error_survives_a_context_manager_and_notes() -> None:
    @contextmanager
    def scope() -> Iterator[None]:
        yield

    with pytest.raises(FieldError) as info, scope():
        parse_cnic("123")
    assert info.value.code == "cnic.length"
    info.value.add_note("while importing row 7")
    assert info.value.__notes__ == ["while importing row 7"]


def test_field_error_pickles() -> None:
    err = FieldError("mobile", "mobile.prefix", "Starts with 03.")
    assert pickle.loads(pickle.dumps(err)) == err


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("knp-5586", "KNP5586"),
        (" KNP 5586 ", "KNP5586"),
        ("a.b/c-1 2", "ABC12"),
        ("ＫＮＰ－５５８６", "KNP5586"),
        ("کراچی ۱۲۳", "123"),
        ("", ""),
    ],
)
def test_normalize_identifier(text: str, expected: str) -> None:
    assert normalize_identifier(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0300-123 4567", "03001234567"),
        ("۰۳۰۰۱۲۳۴۵۶۷", "03001234567"),
        ("٤٢١٠١", "42101"),
        ("abc", ""),
    ],
)
def test_normalize_digits(text: str, expected: str) -> None:
    assert normalize_digits(text) == expected


@given(st.text())
def test_normalize_identifier_is_idempotent(text: str) -> None:
    once = normalize_identifier(text)
    assert normalize_identifier(once) == once
    assert re.fullmatch(r"[A-Z0-9]*", once)


# ---------------------------------------------------------------- CNIC


@pytest.mark.parametrize(
    "text",
    [
        "4210112345671",
        "42101-1234567-1",
        " 42101 1234567 1 ",
        "42101–1234567–1",
        "۴۲۱۰۱-۱۲۳۴۵۶۷-۱",
        "421-011-234-567-1",
    ],
)
def test_parse_cnic_accepts(text: str) -> None:
    assert parse_cnic(text) == "42101-1234567-1"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "cnic.empty"),
        ("   ", "cnic.empty"),
        ("42101-123456-1", "cnic.length"),
        ("42101-12345678-1", "cnic.length"),
        ("0210112345671", "cnic.province"),
        ("42101/1234567/1", "cnic.characters"),
        ("42101-1234567-X", "cnic.characters"),
    ],
)
def test_parse_cnic_rejects(text: str, code: str) -> None:
    assert code_of(parse_cnic, text) == code


def test_parse_cnic_length_message_counts_digits() -> None:
    with pytest.raises(FieldError) as info:
        parse_cnic("42101-123456-1", field="owner_cnic")
    assert info.value.field == "owner_cnic"
    assert "12 digits" in info.value.message
    with pytest.raises(FieldError) as info:
        parse_cnic("4")
    assert "1 digit." in info.value.message


def test_mask_cnic() -> None:
    assert mask_cnic("42101-1234567-1") == "42101-*****67-1"
    assert mask_cnic("garbled 123") == "garbled ***"


cnic_digits = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("1234567"),
    st.text(alphabet="0123456789", min_size=12, max_size=12),
)


@given(cnic_digits, st.data())
def test_cnic_accepted_in_any_dash_space_layout(digits: str, data: st.DataObject) -> None:
    separators = data.draw(st.lists(st.sampled_from(["", "", "-", " ", " - "]), min_size=14))
    text = separators[0] + "".join(d + s for d, s in zip(digits, separators[1:], strict=False))
    assert parse_cnic(text) == f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


@given(cnic_digits)
def test_cnic_round_trips_its_canonical_form(digits: str) -> None:
    canonical = parse_cnic(digits)
    assert parse_cnic(canonical) == canonical
    assert parse_cnic(canonical.replace("-", " ")) == canonical


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "text",
    [
        "03001234567",
        "0300-1234567",
        "0300 123 4567",
        "+92 300 1234567",
        "+92-300-1234567",
        "+92 (0)300 1234567",
        "00923001234567",
        "923001234567",
        "3001234567",
        "۰۳۰۰-۱۲۳۴۵۶۷",
    ],
)
def test_parse_mobile_accepts(text: str) -> None:
    assert parse_mobile(text) == "0300-1234567"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03451234567", "0345-1234567"),
        ("0355 1234567", "0355-1234567"),
        ("0370-1234567", "0370-1234567"),
    ],
)
def test_parse_mobile_operators(text: str, expected: str) -> None:
    assert parse_mobile(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "mobile.empty"),
        ("- -", "mobile.empty"),
        ("0", "mobile.empty"),
        ("+92", "mobile.empty"),
        ("+", "mobile.empty"),
        ("0300-123456", "mobile.length"),
        ("0300-12345678", "mobile.length"),
        ("021-12345678", "mobile.prefix"),
        ("0390-1234567", "mobile.operator"),
        ("+44 7700 900123", "mobile.country"),
        ("0044 7700 900123", "mobile.country"),
        ("0300-123456x", "mobile.characters"),
        ("0300+1234567", "mobile.characters"),
    ],
)
def test_parse_mobile_rejects(text: str, code: str) -> None:
    assert code_of(parse_mobile, text) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("021-12345678", "021-12345678"),
        ("02112345678", "021-12345678"),
        ("+92 21 1234 5678", "021-12345678"),
        ("0092 21 12345678", "021-12345678"),
        ("(021) 3456-7890", "021-34567890"),
        ("042-35761234", "042-35761234"),
        ("051-9201234", "051-9201234"),
        ("022-2781234", "022-2781234"),
        ("074-4051234", "074-4051234"),
        ("0233-876543", "0233-876543"),
        ("0244-9370123", "0244-9370123"),
    ],
)
def test_parse_landline_accepts(text: str, expected: str) -> None:
    assert parse_landline(text) == expected
    assert parse_landline(expected) == expected
    assert parse_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "landline.empty"),
        ("0", "landline.empty"),
        ("+92 (0)", "landline.empty"),
        ("00", "landline.empty"),
        ("021-1234567", "landline.length"),
        ("021-123456789", "landline.length"),
        ("042-123456", "landline.length"),
        ("0300-1234567", "landline.mobile"),
        ("011-12345678", "landline.prefix"),
        ("+1 212 555 0100", "landline.country"),
        ("021-1234567#", "landline.characters"),
    ],
)
def test_parse_landline_rejects(text: str, code: str) -> None:
    assert code_of(parse_landline, text) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [("+92 300 1234567", "0300-1234567"), ("021 12345678", "021-12345678")],
)
def test_parse_phone_picks_mobile_or_landline(text: str, expected: str) -> None:
    assert parse_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "phone.empty"), ("call me", "phone.characters"), ("0300-12345", "mobile.length")],
)
def test_parse_phone_rejects(text: str, code: str) -> None:
    assert code_of(parse_phone, text) == code


@pytest.mark.parametrize(
    ("canonical", "masked"),
    [
        ("0300-1234567", "0300-***4567"),
        ("021-12345678", "021-****5678"),
        ("0233-876543", "0233-**6543"),
        ("03001234567", "*******4567"),
    ],
)
def test_mask_phone(canonical: str, masked: str) -> None:
    assert mask_phone(canonical) == masked


@given(
    st.sampled_from(["03", "+92 3", "923", "0092-3"]), st.text("0123456", min_size=1, max_size=1)
)
def test_mobile_round_trips(prefix: str, operator: str) -> None:
    canonical = parse_mobile(prefix + operator + "1 9876543")
    assert parse_mobile(canonical) == canonical
    assert parse_phone(canonical) == canonical


# ---------------------------------------------------------------- personal data stays out


PERSONAL_INPUTS = [
    (parse_cnic, "42101-98765432-1"),
    (parse_cnic, "42101-987654-1"),
    (parse_cnic, "02101-9876543-2"),
    (parse_cnic, "42101-9876543-x"),
    (parse_mobile, "0321-98765432"),
    (parse_mobile, "0391-9876543"),
    (parse_mobile, "+44 7911 987654"),
    (parse_landline, "0321-9876543"),
    (parse_landline, "021-9876543"),
    (parse_phone, "0321-987654"),
    (parse_phone, "021 98765 43x"),
]


@pytest.mark.parametrize(("func", "text"), PERSONAL_INPUTS)
def test_messages_never_repeat_the_number(func: Callable[[str], Any], text: str) -> None:
    with pytest.raises(FieldError) as info:
        func(text)
    digits = normalize_digits(text)
    message_digits = normalize_digits(info.value.message)
    windows = {digits[i : i + 5] for i in range(len(digits) - 4)}
    assert not any(w in message_digits for w in windows), info.value.message


# Examples in messages use only runs like 12345678, so five input digits drawn from 6-9 can only
# appear in a message if the message echoes the input.
@given(
    st.sampled_from(["", "0", "03", "+92", "021", "4"]),
    st.text(alphabet="6789 -", min_size=5, max_size=20),
    st.sampled_from([parse_cnic, parse_mobile, parse_landline, parse_phone]),
)
def test_no_message_echoes_personal_digits(
    prefix: str, body: str, func: Callable[[str], Any]
) -> None:
    try:
        func(prefix + body)
    except FieldError as err:
        digits = normalize_digits(body)
        message_digits = normalize_digits(err.message)
        assert not any(digits[i : i + 5] in message_digits for i in range(len(digits) - 4))


# ---------------------------------------------------------------- vehicles


@pytest.mark.parametrize(
    ("text", "display", "normalized"),
    [
        ("KNP-5586", "KNP-5586", "KNP5586"),
        (" knp  5586 ", "KNP 5586", "KNP5586"),
        ("KNP-5586 (2020)", "KNP-5586 (2020)", "KNP5586"),
        ("KNP-5586/20", "KNP-5586/20", "KNP5586"),
        ("KNP-5586/2020", "KNP-5586/2020", "KNP5586"),
        ("ABC-123-2015", "ABC-123-2015", "ABC123"),
        ("ABC-123", "ABC-123", "ABC123"),
        ("GSE-062", "GSE-062", "GSE062"),
        ("B-1234", "B-1234", "B1234"),
        ("A-1998", "A-1998", "A1998"),
        ("KNP-2015", "KNP-2015", "KNP2015"),
        ("LEA-08-1234", "LEA-08-1234", "LEA1234"),
        ("LEA-08-2015", "LEA-08-2015", "LEA2015"),
        ("LEA-08-1234 (2008)", "LEA-08-1234 (2008)", "LEA1234"),
        ("LHR 1234", "LHR 1234", "LHR1234"),
        ("afr", "AFR", "AFR"),
        ("A.F.R.", "AFR", "AFR"),
        ("AFR (2024)", "AFR", "AFR"),
    ],
)
def test_parse_registration_accepts(text: str, display: str, normalized: str) -> None:
    assert parse_registration(text) == Identifier(display, normalized)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "registration.empty"),
        ("KNP", "registration.no_digits"),
        ("KNP#5586", "registration.characters"),
        ("کے این پی 5586", "registration.characters"),
        ("KNP5586 LEA1234", "registration.too_long"),
        ("1234-KNP", "registration.format"),
        ("KNPQR-5586", "registration.format"),
        ("KNP-55861", "registration.format"),
    ],
)
def test_parse_registration_rejects(text: str, code: str) -> None:
    assert code_of(parse_registration, text) == code


@pytest.mark.parametrize(
    ("func", "text", "normalized"),
    [
        (parse_chassis, "JTDBR32E-720123456", "JTDBR32E720123456"),
        (parse_chassis, " nfc-12345 ", "NFC12345"),
        (parse_chassis, "*MALA751*", "MALA751"),
        (parse_engine, "1KR-FE 123", "1KRFE123"),
        (parse_engine, "E123", "E123"),
    ],
)
def test_parse_chassis_and_engine_accept(
    func: Callable[[str], Identifier], text: str, normalized: str
) -> None:
    assert func(text).normalized == normalized


@pytest.mark.parametrize(
    ("func", "text", "code"),
    [
        (parse_chassis, "", "chassis.empty"),
        (parse_chassis, "AB12", "chassis.length"),
        (parse_chassis, "A" * 21, "chassis.length"),
        (parse_chassis, "ABC#12345", "chassis.characters"),
        (parse_engine, "  ", "engine.empty"),
        (parse_engine, "E12", "engine.length"),
        (parse_engine, "انجن1234", "engine.characters"),
    ],
)
def test_parse_chassis_and_engine_reject(
    func: Callable[[str], Identifier], text: str, code: str
) -> None:
    assert code_of(func, text) == code


@given(st.text(alphabet="ABCKNPLE-0123456789 ", max_size=14))
def test_registration_display_parses_to_the_same_key(text: str) -> None:
    try:
        first = parse_registration(text)
    except FieldError:
        return
    assert parse_registration(first.display) == first


# ---------------------------------------------------------------- IMEI


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("490154203237518", True),
        ("490154203237519", False),
        ("79927398713", True),
        ("0", True),
        ("", False),
        ("12a", False),
        ("٠", False),
    ],
)
def test_luhn_ok(digits: str, ok: bool) -> None:
    assert luhn_ok(digits) is ok


@pytest.mark.parametrize(
    "text",
    [
        "490154203237518", "49-015420-323751-8", " 49 015420 323751 8 ", "۴۹۰۱۵۴۲۰۳۲۳۷۵۱۸",
        "49015420323751",  # the 14 digits without the check digit: completed
        "4901542032375123",  # an IMEISV (14 digits and software version 23): reduced
    ],
)  # fmt: skip
def test_parse_imei_accepts(text: str) -> None:
    assert parse_imei(text) == "490154203237518"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "imei.empty"),
        ("4901542032375", "imei.length"),
        ("49015420323751800", "imei.length"),
        ("490154203237519", "imei.check_digit"),
        ("IMEI 490154203237518", "imei.characters"),
    ],
)
def test_parse_imei_rejects(text: str, code: str) -> None:
    assert code_of(parse_imei, text) == code


def with_check_digit(body: str) -> str:
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError("no Luhn digit")


@given(st.text(alphabet="0123456789", min_size=14, max_size=14))
@example("49015420323751")
def test_imei_luhn_property(body: str) -> None:
    imei = with_check_digit(body)
    assert parse_imei(imei) == imei
    for i in range(15):
        for d in "0123456789":
            if d != imei[i]:
                changed = imei[:i] + d + imei[i + 1 :]
                assert code_of(parse_imei, changed) == "imei.check_digit"


# ---------------------------------------------------------------- dates

NOW = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
EVENING_UTC = datetime(2024, 5, 1, 20, 0, tzinfo=UTC)  # already 2 May, 01:00 in Karachi


@pytest.mark.parametrize(
    ("value", "now"),
    [
        (date(2024, 5, 1), NOW),
        (date(2023, 12, 31), NOW),
        (date(2024, 5, 2), EVENING_UTC),
        (datetime(2024, 5, 1, 10, 4), NOW),
        (datetime(2024, 5, 1, 15, 4, tzinfo=PAKISTAN_TIME), NOW),
        (datetime(2024, 5, 1, 9, 0, tzinfo=UTC), NOW),
    ],
)
def test_check_not_future_accepts(value: date, now: datetime) -> None:
    check_not_future(value, now)


@pytest.mark.parametrize(
    ("value", "now"),
    [
        (date(2024, 5, 2), NOW),
        (date(2024, 5, 3), EVENING_UTC),
        (datetime(2024, 5, 1, 10, 6), NOW),
        (datetime(2024, 5, 1, 15, 6, tzinfo=PAKISTAN_TIME), NOW),
        (datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=-8))), NOW),
    ],
)
def test_check_not_future_rejects(value: date, now: datetime) -> None:
    with pytest.raises(FieldError) as info:
        check_not_future(value, now, field="incident_date")
    assert (info.value.field, info.value.code) == ("incident_date", "date.future")


def test_check_not_future_local_zone_and_naive_now() -> None:
    with pytest.raises(FieldError):
        check_not_future(date(2024, 5, 2), EVENING_UTC, local_tz=UTC)
    with pytest.raises(ValueError, match="timezone-aware"):
        check_not_future(date(2024, 5, 1), datetime(2024, 5, 1, 10, 0))


# ---------------------------------------------------------------- FIR numbers and text


@pytest.mark.parametrize(
    ("text", "display", "normalized"),
    [
        ("123/2024", "123/2024", "123/2024"),
        ("FIR 45/24", "FIR 45/24", "45/2024"),
        ("F.I.R. No. 045/2024", "F.I.R. NO. 045/2024", "45/2024"),
        ("fir no: 7 / 2023", "FIR NO: 7 / 2023", "7/2023"),
        ("45 of 2024", "45 OF 2024", "45/2024"),
        ("12-99", "12-99", "12/1999"),
        ("77", "77", "77"),
    ],
)
def test_parse_fir_number_accepts(text: str, display: str, normalized: str) -> None:
    assert parse_fir_number(text) == Identifier(display, normalized)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "fir_number.empty"),
        ("FIR", "fir_number.no_digits"),
        ("123/2024 u/s 392", "fir_number.format"),
        ("0/2024", "fir_number.format"),
        ("123/1234", "fir_number.year"),
    ],
)
def test_parse_fir_number_rejects(text: str, code: str) -> None:
    assert code_of(parse_fir_number, text) == code


def test_require_text() -> None:
    assert require_text("  Ali Khan \n", "name") == "Ali Khan"
    assert require_text("line one\nline\x00 two", "narrative") == "line one\nline two"
    assert require_text("x" * 10, "name", max_len=10) == "x" * 10
    for empty in (None, "", " \t\n", "\x00"):
        with pytest.raises(FieldError) as info:
            require_text(empty, "name")
        assert (info.value.field, info.value.code) == ("name", "text.empty")
    with pytest.raises(FieldError) as info:
        require_text("x" * 11, "name", max_len=10)
    assert info.value.code == "text.too_long"
    assert "10" in info.value.message and "11" in info.value.message


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize("func", PARSERS)
@given(text=st.text())
@example(text="0")
@example(text="+92")
@example(text="0092")
def test_parsers_raise_only_field_errors(func: Callable[[str], Any], text: str) -> None:
    try:
        func(text)
    except FieldError as err:
        assert err.message and err.code.count(".") == 1


@given(st.one_of(st.none(), st.text()))
def test_require_text_raises_only_field_errors(text: str | None) -> None:
    with suppress(FieldError):
        value = require_text(text, "notes")
        assert value == value.strip() and 0 < len(value) <= 200
