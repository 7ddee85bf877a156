"""A handset's IMEI (docs/phones.md): 15 digits, the last a Luhn check digit over the first 14.

What people type is forgiven where the meaning is certain: Urdu and Arabic digits, spaces and
dashes; the 14 digits printed without the check digit (it is computed); the 16 digits of an
IMEISV (14 digits and a 2-digit software version, no check digit), which the phone shows beside
its IMEI. A 15-digit number whose check digit is wrong has one digit mistyped (the Luhn check
catches every single wrong digit): it is refused, and :func:`one_digit_away` gives the IMEIs it
may have meant, for the desk to offer the ones it holds.

A handset whose IMEI was re-programmed ("patched") can carry a number that fails the check;
``altered=True`` (the report's "suspected altered IMEI" flag) keeps such a number as typed.

:func:`grouped` shows a number as people read it aloud (receipts, the window): five groups of
three digits, ``490 154 203 237 518``. Every reader of an IMEI here ignores the spaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from cplc_desk.domain.i18n import _, ngettext
from cplc_desk.domain.validation import FieldError, luhn_ok, normalize_digits

LENGTH = 15
_DIGITS = "0123456789"
_ALLOWED = set(_DIGITS + "-\u2010\u2011\u2012\u2013\u2014\u2212/ ")


GROUP = 3


def grouped(number: str) -> str:
    """``490154203237518`` -> ``490 154 203 237 518``: short groups a person can read out and
    compare with the phone's screen. Anything but digits is left as it is."""
    if not number or any(ch not in _DIGITS for ch in number):
        return number
    return " ".join(number[i : i + GROUP] for i in range(0, len(number), GROUP))


def stored_form(value: object) -> bool:
    """Whether ``value`` is an IMEI as every desk stores one: 15 ASCII digits (the check digit
    may fail: an IMEI suspected altered is kept as typed)."""
    return type(value) is str and len(value) == LENGTH and value.isascii() and value.isdigit()


def check_digit(body: str) -> str:
    """The Luhn check digit that completes 14 digits."""
    for last in _DIGITS:
        if luhn_ok(body + last):
            return last
    raise ValueError(body)  # pragma: no cover - one digit always completes a Luhn number


def normalize(text: str) -> str:
    """The digits typed (Urdu digits as 0-9), a 14-digit number completed with its check digit,
    an IMEISV's 16 digits reduced to the IMEI; anything else as it is, for :func:`parse` to
    judge."""
    digits = normalize_digits(text)
    if len(digits) == LENGTH - 1:
        return digits + check_digit(digits)
    if len(digits) == LENGTH + 1:  # IMEISV: no check digit, a software version at the end
        body = digits[: LENGTH - 1]
        return body + check_digit(body)
    return digits


def parse(text: str, field: str = "imei", *, altered: bool = False) -> str:
    """A handset's IMEI as 15 digits; ``altered`` keeps one whose check digit fails."""
    typed = "".join(normalize_digits(ch) or ch for ch in text.strip())
    if not typed:
        raise FieldError(
            field,
            "imei.empty",
            _("Please enter the IMEI: dial *#06# on the phone, or look on its box."),
        )
    if any(ch not in _ALLOWED and not ch.isspace() for ch in typed):
        raise FieldError(
            field, "imei.characters", _("An IMEI has only digits. Remove letters and other signs.")
        )
    digits = normalize(typed)
    if len(digits) != LENGTH:
        n = len(normalize_digits(typed))
        msg = ngettext(
            "An IMEI has 15 digits (dial *#06# or look on the box). This one has {count} digit.",
            "An IMEI has 15 digits (dial *#06# or look on the box). This one has {count} digits.",
            n,
        )
        raise FieldError(field, "imei.length", msg.format(count=n))
    if not altered and not luhn_ok(digits):
        raise FieldError(
            field,
            "imei.check_digit",
            _(
                "This IMEI does not add up: one digit is probably mistyped. Read it again from "
                "the phone (*#06#) or its box."
            ),
        )
    return digits


def one_digit_away(imei: str) -> list[str]:
    """Every 15-digit number that differs from ``imei`` in one digit (135 of them): where a
    mistyped IMEI's intended number is, and where a record typed with one slip lies."""
    return [imei[:i] + d + imei[i + 1 :] for i in range(len(imei)) for d in _DIGITS if d != imei[i]]


def valid_one_digit_away(imei: str) -> list[str]:
    """The IMEIs (check digit correct) one digit from ``imei``: for a number whose check digit
    fails, exactly one per position, the numbers it may have meant."""
    return [n for n in one_digit_away(imei) if luhn_ok(n)]


@dataclass(frozen=True)
class ImeiEvidence:
    """How one IMEI of a recovered handset agrees with one of a theft report's, for a match
    screen to show: the same number, or one digit apart (which digit, and what each says)."""

    field: str  # the recovered handset's: imei | imei2
    other_field: str  # the theft report's: imei | imei2
    kind: str  # exact | one_digit
    position: int | None = None  # one_digit: the differing digit, counted 1 to 15 from the left
    mine: str = ""  # one_digit: that digit in the recovered handset's IMEI
    theirs: str = ""  # one_digit: that digit in the theft report's


FIELDS = ("imei", "imei2")


def compare(
    mine: tuple[str | None, str | None], theirs: tuple[str | None, str | None]
) -> list[ImeiEvidence]:
    """Each pair of IMEIs (``(imei, imei2)`` of the recovered handset against the theft
    report's) that is the same or one digit apart, exact ones first. A recovered handset's
    first IMEI may be the report's second: SIM slots are swapped."""
    found: list[ImeiEvidence] = []
    for field, a in zip(FIELDS, mine, strict=True):
        for other, b in zip(FIELDS, theirs, strict=True):
            if not a or not b or len(a) != len(b):
                continue
            if a == b:
                found.append(ImeiEvidence(field, other, "exact"))
                continue
            differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
            if len(differ) == 1:
                i = differ[0]
                found.append(ImeiEvidence(field, other, "one_digit", i + 1, a[i], b[i]))
    found.sort(key=lambda e: e.kind != "exact")
    return found
