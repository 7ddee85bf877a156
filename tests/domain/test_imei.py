"""A handset's IMEI: its forms (14 digits, IMEISV, Urdu digits), the check digit, an altered
handset's number kept as typed, and the numbers one digit away."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cplc_desk.domain import imei
from cplc_desk.domain.validation import FieldError, luhn_ok

GOOD = "490154203237518"


def test_fourteen_digits_get_their_check_digit_and_an_imeisv_loses_its_version() -> None:
    assert imei.parse("49015420323751") == GOOD
    assert imei.parse("49 015420 323751 07") == GOOD  # IMEISV, software version 07
    assert imei.parse("۴۹۰۱۵۴۲۰۳۲۳۷۵۱") == GOOD  # 14 Urdu digits


def test_a_wrong_check_digit_says_a_digit_is_mistyped_unless_the_imei_may_be_altered() -> None:
    typo = GOOD[:5] + "9" + GOOD[6:]
    with pytest.raises(FieldError) as caught:
        imei.parse(typo)
    assert caught.value.code == "imei.check_digit"
    assert "one digit is probably mistyped" in caught.value.message
    assert imei.parse(typo, altered=True) == typo  # a patched handset shows what it shows


def test_the_imeis_a_mistyped_one_may_have_meant_include_the_real_one() -> None:
    typo = GOOD[:5] + "9" + GOOD[6:]
    meant = imei.valid_one_digit_away(typo)
    assert GOOD in meant
    assert len(meant) == 15  # one per position: Luhn leaves exactly one digit that fits
    assert all(luhn_ok(n) and sum(a != b for a, b in zip(n, typo, strict=True)) == 1 for n in meant)


@given(st.text(alphabet="0123456789", min_size=14, max_size=14))
def test_every_single_slip_is_caught_and_leads_back(body: str) -> None:
    good = body + imei.check_digit(body)
    assert imei.parse(good) == good
    for typo in imei.one_digit_away(good):
        assert not luhn_ok(typo)
        assert good in imei.valid_one_digit_away(typo)


def test_a_grouped_imei_reads_back_as_the_same_number() -> None:
    assert imei.grouped(GOOD) == "490 154 203 237 518"
    assert imei.parse(imei.grouped(GOOD)) == GOOD  # typed from a receipt, spaces and all
    assert imei.grouped("49O154") == "49O154"  # not digits: shown as it is, never half-grouped


@given(st.text(alphabet="0123456789", min_size=1, max_size=16))
def test_grouping_only_adds_spaces(number: str) -> None:
    shown = imei.grouped(number)
    assert shown.replace(" ", "") == number
    assert all(1 <= len(group) <= imei.GROUP for group in shown.split(" "))
