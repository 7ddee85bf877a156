"""Checking and tidying what volunteers type: CNICs, phones, plates, chassis/engine numbers, IMEIs,
FIR numbers, dates and free text.

Every ``parse_*`` function returns one canonical form (what is stored and printed) or raises
:class:`FieldError` with a stable ``code`` and a translated message written for a volunteer, not
for IT staff. Messages never repeat a CNIC or phone number back: they are shown on screen, logged
and sometimes printed, and those numbers are personal data.

Identifiers matched across records (plates, chassis, engine, FIR numbers) come back as
:class:`Identifier`: ``display`` keeps what was written, ``normalized`` is the matching key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import FrozenInstanceError, dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from cplc_desk.domain.i18n import _, ngettext


@dataclass(frozen=True)
class FieldError(ValueError):
    """A value a person typed is not acceptable; ``field`` says which form field it belongs to."""

    field: str
    code: str
    message: str

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str, str]]:
        # The default would call FieldError(message) and fail; errors may cross processes.
        return (type(self), (self.field, self.code, self.message))


def _exception_setattr(self: FieldError, name: str, value: object) -> None:
    # A frozen dataclass refuses every assignment, including those the interpreter makes while an
    # exception travels: contextlib sets __traceback__, add_note() sets __notes__. Without this a
    # FieldError raised inside any @contextmanager block would turn into FrozenInstanceError.
    if name.startswith("__") and name.endswith("__"):
        object.__setattr__(self, name, value)
        return
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


FieldError.__setattr__ = _exception_setattr  # type: ignore[method-assign,assignment]


@dataclass(frozen=True)
class Identifier:
    display: str
    normalized: str


# Pakistan has kept UTC+5 all year since 2009; a calendar date typed at a desk is a Karachi date.
PAKISTAN_TIME = timezone(timedelta(hours=5), "PKT")

# Urdu keyboards type Extended Arabic-Indic digits (U+06F0..), Arabic ones U+0660..
_DIGIT_TABLE = str.maketrans(
    {cp: str(i) for base in (0x06F0, 0x0660) for i, cp in enumerate(range(base, base + 10))}
)
# Word processors and phones replace "-" with typographic dashes, and people paste from them.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_DIGITS = "0123456789"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + _DIGITS
_NOT_ALNUM = re.compile(r"[^A-Z0-9]")
_NOT_DIGIT = re.compile(r"[^0-9]")


def _fold(text: str) -> str:
    # NFKC turns full-width letters and digits (some input methods produce them) into ASCII.
    return unicodedata.normalize("NFKC", text).translate(_DIGIT_TABLE)


def _tidy(text: str) -> str:
    return " ".join(_fold(text).split()).upper()


def _only(text: str, allowed: str) -> bool:
    return all(c in allowed or c.isspace() for c in text)


def _has_digit(text: str) -> bool:
    return any(c in _DIGITS for c in text)


def normalize_identifier(text: str) -> str:
    """The matching key of an identifier: upper case, ASCII letters and digits only."""
    return _NOT_ALNUM.sub("", _fold(text).upper())


def normalize_digits(text: str) -> str:
    """Only the digits of ``text``, with Urdu and Arabic digits turned into 0-9."""
    return _NOT_DIGIT.sub("", _fold(text))


# ---------------------------------------------------------------- CNIC


def parse_cnic(text: str, field: str = "cnic") -> str:
    """A CNIC in its canonical form ``12345-1234567-1``."""
    s = _fold(text).strip()
    if not s:
        msg = _("Please enter the CNIC number, written 12345-1234567-1.")
        raise FieldError(field, "cnic.empty", msg)
    if not _only(s, _DIGITS + _DASHES):
        msg = _("A CNIC has only digits and dashes, written 12345-1234567-1. Remove other signs.")
        raise FieldError(field, "cnic.characters", msg)
    digits = normalize_digits(s)
    if len(digits) != 13:
        n = len(digits)
        msg = ngettext(
            "A CNIC has 13 digits, written 12345-1234567-1. You typed {count} digit.",
            "A CNIC has 13 digits, written 12345-1234567-1. You typed {count} digits.",
            n,
        )
        raise FieldError(field, "cnic.length", msg.format(count=n))
    # Only 0 is refused: 1-7 are provinces and territories, and cards from Azad Kashmir are
    # reported to start with 8. Turning a real card away at the desk is worse than a typo.
    if digits[0] == "0":
        msg = _("A CNIC never starts with 0: its first digit is the province (4 for Sindh).")
        raise FieldError(field, "cnic.province", msg)
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def mask_cnic(canonical: str) -> str:
    """``42101-1234567-1`` -> ``42101-*****67-1``: enough to tell cards apart, not to copy one."""
    d = normalize_digits(canonical)
    if len(d) != 13:
        return re.sub(r"\d", "*", canonical)
    return f"{d[:5]}-*****{d[10:12]}-{d[12]}"


# ---------------------------------------------------------------- phones

# Area codes with two digits after the 0 (after libphonenumber's metadata for Pakistan); all others
# have three. It only places the dash, so a code missing here costs nothing but looks.
_TWO_DIGIT_AREA = re.compile(r"2[125]|4[0-246-9]|5[1-35-7]|6[1-8]|7[14]|8[16]|91")
_PHONE_CHARS = _DIGITS + _DASHES + ".()/"


def _national_number(text: str, field: str, kind: str) -> str:
    """The national significant number: no country code, no leading 0."""
    s = _fold(text).strip()
    international = s.startswith("+")
    body = s[1:] if international else s
    if not _only(body, _PHONE_CHARS):
        msg = _("A phone number has only digits and dashes, like 0300-1234567. Remove other signs.")
        raise FieldError(field, f"{kind}.characters", msg)
    digits = normalize_digits(body)
    if international or digits.startswith("00"):
        digits = digits if international else digits[2:]
        if digits and not digits.startswith("92"):
            msg = _("Only Pakistani numbers go here. Write a foreign number in the notes instead.")
            raise FieldError(field, f"{kind}.country", msg)
        digits = digits[2:]
    elif digits.startswith("92") and len(digits) >= 11:
        # No Pakistani number has 11 or more digits without a country code in front.
        digits = digits[2:]
    # People write "+92 (0)300 ...", so the 0 may come after the country code too.
    digits = digits[1:] if digits.startswith("0") else digits
    if not digits:
        if kind == "mobile":
            msg = _("Please enter the mobile number, for example 0300-1234567.")
        elif kind == "landline":
            msg = _("Please enter the landline number, for example 021-12345678.")
        else:
            msg = _("Please enter a phone number, for example 0300-1234567 or 021-12345678.")
        raise FieldError(field, f"{kind}.empty", msg)
    return digits


def parse_mobile(text: str, field: str = "mobile") -> str:
    """A Pakistani mobile number in its canonical form ``0300-1234567``."""
    n = _national_number(text, field, "mobile")
    if not n.startswith("3"):
        msg = _("A mobile number starts with 03, like 0300-1234567. Is this a landline number?")
        raise FieldError(field, "mobile.prefix", msg)
    if len(n) != 10:
        count = len(n) + 1
        msg = ngettext(
            "A mobile number has 11 digits, like 0300-1234567. This one has {count} digit.",
            "A mobile number has 11 digits, like 0300-1234567. This one has {count} digits.",
            count,
        )
        raise FieldError(field, "mobile.length", msg.format(count=count))
    # Networks use 030-037 (037 is newer than the 030-036 everyone knows); 038/039 are typos.
    if n[1] not in "01234567":
        msg = _("Mobile numbers start with 030 to 037, not {prefix}. Please check the number.")
        raise FieldError(field, "mobile.operator", msg.format(prefix="0" + n[:2]))
    return f"0{n[:3]}-{n[3:]}"


def parse_landline(text: str, field: str = "landline") -> str:
    """A Pakistani landline as ``0AA-SUBSCRIBER``, e.g. ``021-12345678``."""
    n = _national_number(text, field, "landline")
    if n.startswith("3"):
        msg = _("This is a mobile number (it starts with 03). Enter it as a mobile number.")
        raise FieldError(field, "landline.mobile", msg)
    if n[0] in "01":
        msg = _("A landline number starts with 0 and the area code, like 021-12345678.")
        raise FieldError(field, "landline.prefix", msg)
    if n.startswith("21") and len(n) != 10:
        # Karachi numbers have had 8 digits for years; a 7-digit one is missing a digit.
        msg = _("A Karachi number has 8 digits after 021, like 021-12345678. This one has {count}.")
        raise FieldError(field, "landline.length", msg.format(count=len(n) - 2))
    if not 9 <= len(n) <= 10:
        msg = _(
            "A landline number has 10 or 11 digits with its area code, like 021-12345678. "
            "This one has {count}."
        )
        raise FieldError(field, "landline.length", msg.format(count=len(n) + 1))
    area = n[:2] if _TWO_DIGIT_AREA.fullmatch(n[:2]) else n[:3]
    return f"0{area}-{n[len(area) :]}"


def parse_phone(text: str, field: str = "phone") -> str:
    """A mobile or landline number, whichever it looks like, in its canonical form."""
    if _national_number(text, field, "phone").startswith("3"):
        return parse_mobile(text, field)
    return parse_landline(text, field)


def mask_phone(canonical: str) -> str:
    """``0300-1234567`` -> ``0300-***4567``: the area or network code stays readable."""
    head, dash, tail = canonical.rpartition("-")
    keep = 4 if len(tail) > 4 else 0
    hidden = re.sub(r"\d", "*", tail[: len(tail) - keep])
    return f"{head}{dash}{hidden}{tail[len(tail) - keep :]}"


# ---------------------------------------------------------------- vehicles

_PLATE_CHARS = _ALNUM + " -./()"
# A year written beside the plate: "KNP-5586 (2020)", "KNP-5586/20", "KNP-5586 2020".
_YEAR_SUFFIX = re.compile(
    r"(?:\(\s*(?:[0-9]{2}|[0-9]{4})\s*\)|/\s*(?:[0-9]{2}|[0-9]{4})|[\s-]+(?:19|20)[0-9]{2})$"
)
# Punjab writes the year between the letters and the number: "LEA-08-1234".
_MIDDLE_YEAR = re.compile(r"([A-Z]{1,4}) ?- ?[0-9]{2} ?- ?([0-9]{1,4})")
_PLATE = re.compile(r"[A-Z]{1,4}[0-9]{1,4}")


def parse_registration(text: str, field: str = "registration") -> Identifier:
    """A number plate. ``normalized`` leaves out a year written beside or inside the plate."""
    display = _tidy(text)
    if not display:
        msg = _("Please enter the registration number, like KNP-5586, or AFR if it has none yet.")
        raise FieldError(field, "registration.empty", msg)
    if not _only(display, _PLATE_CHARS):
        msg = _(
            "Write the registration number in English letters and digits, as on the plate: "
            "KNP-5586. A year may follow in brackets: KNP-5586 (2020)."
        )
        raise FieldError(field, "registration.characters", msg)
    stripped = _YEAR_SUFFIX.sub("", display).strip()
    # "Applied for registration": a new vehicle without a plate. Many share it, so it is never a
    # match key on its own; such vehicles are matched by chassis and engine numbers.
    if "AFR" in (normalize_identifier(display), normalize_identifier(stripped)):
        return Identifier("AFR", "AFR")
    if not _has_digit(display):
        msg = _("A registration number has digits after the letters, like KNP-5586.")
        raise FieldError(field, "registration.no_digits", msg)
    core = display
    # "LEA-08-2015" is plate 2015 of 2008, not plate LEA-08 of 2015.
    if not _MIDDLE_YEAR.fullmatch(display) and _has_digit(stripped):
        core = stripped
    middle = _MIDDLE_YEAR.fullmatch(core)
    normalized = middle[1] + middle[2] if middle else normalize_identifier(core)
    if len(normalized) > 12:
        msg = _(
            "This is too long for a number plate. Chassis and engine numbers go in their own boxes."
        )
        raise FieldError(field, "registration.too_long", msg)
    if not _PLATE.fullmatch(normalized):
        msg = _("A registration number is letters, then up to 4 digits, like KNP-5586 or B-1234.")
        raise FieldError(field, "registration.format", msg)
    return Identifier(display, normalized)


def _parse_code(
    text: str, field: str, kind: str, bounds: tuple[int, int], messages: tuple[str, str, str]
) -> Identifier:
    display = _tidy(text)
    if not display:
        raise FieldError(field, f"{kind}.empty", messages[0])
    if not _only(display, _ALNUM + " -./*"):
        raise FieldError(field, f"{kind}.characters", messages[1])
    normalized = normalize_identifier(display)
    if not bounds[0] <= len(normalized) <= bounds[1]:
        raise FieldError(field, f"{kind}.length", messages[2].format(count=len(normalized)))
    return Identifier(display, normalized)


def parse_chassis(text: str, field: str = "chassis") -> Identifier:
    """A chassis number: 5-20 letters and digits (a VIN has 17, local motorcycles fewer)."""
    empty = _("Please enter the chassis number from the registration book.")
    characters = _("A chassis number has only English letters and digits. Remove other signs.")
    length = _("A chassis number has 5 to 20 letters and digits; this one has {count}.")
    return _parse_code(text, field, "chassis", (5, 20), (empty, characters, length))


def parse_engine(text: str, field: str = "engine") -> Identifier:
    """An engine number: 4-20 letters and digits."""
    empty = _("Please enter the engine number from the registration book.")
    characters = _("An engine number has only English letters and digits. Remove other signs.")
    length = _("An engine number has 4 to 20 letters and digits; this one has {count}.")
    return _parse_code(text, field, "engine", (4, 20), (empty, characters, length))


def parse_model_year(text: str, latest: int, field: str = "model_year") -> int:
    """A vehicle's model year: four digits (Urdu or Arabic digits too), 1950 to ``latest``."""
    folded = _fold(text).strip()
    # Only ASCII digits after folding: str.isdigit() also accepts signs such as "²" that int()
    # refuses, which once turned a typing slip into a crash.
    if not (len(folded) == 4 and all(c in _DIGITS for c in folded)) or not (
        1950 <= int(folded) <= latest
    ):
        msg = _("Model year should be a year such as 2019, not later than {year}.")
        raise FieldError(field, "model_year.range", msg.format(year=latest))
    return int(folded)


# ---------------------------------------------------------------- handsets


def luhn_ok(digits: str) -> bool:
    """Whether ``digits`` (ASCII digits only) ends in a correct Luhn check digit."""
    if not digits or not all(c in _DIGITS for c in digits):
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


# parse_imei: cplc_desk/domain/imei.py (a handset's IMEI, its forms and its near misses).


# ---------------------------------------------------------------- dates, FIRs, text

_CLOCK_SLACK = timedelta(minutes=5)


def check_not_future(
    value: date | datetime, now: datetime, field: str = "date", *, local_tz: tzinfo = PAKISTAN_TIME
) -> None:
    """Refuse a date or time later than ``now`` (timezone-aware, normally UTC).

    A naive datetime ``value`` is taken as UTC. A plain date is a local calendar date, so it is
    compared with today's date in ``local_tz``: the UTC date would refuse "today" between midnight
    and 05:00 in Karachi.
    """
    if now.utcoffset() is None:
        raise ValueError("check_not_future needs a timezone-aware 'now'")
    if isinstance(value, datetime):
        aware = value.replace(tzinfo=UTC) if value.utcoffset() is None else value
        if aware > now + _CLOCK_SLACK:
            msg = _("This date and time is in the future. Check it, and the computer's clock.")
            raise FieldError(field, "date.future", msg)
    elif value > now.astimezone(local_tz).date():
        msg = _("This date is in the future. Check the day, month and year.")
        raise FieldError(field, "date.future", msg)


_FIR = re.compile(
    r"(?:F\.?\s?I\.?\s?R\.?)?\s*(?:NO\.?|NUMBER|#)?\s*[:.]?\s*([0-9]{1,7})"
    r"(?:\s*(?:/|-|\sOF\s)\s*([0-9]{4}|[0-9]{2}))?"
)


def parse_fir_number(text: str, field: str = "fir_number") -> Identifier:
    """An FIR number such as ``123/2024``; ``normalized`` is ``number/four-digit-year``."""
    display = _tidy(text)
    if not display:
        msg = _("Please enter the FIR number as written on the FIR, like 123/2024.")
        raise FieldError(field, "fir_number.empty", msg)
    if not _has_digit(display):
        msg = _("An FIR number is made of digits, like 123/2024.")
        raise FieldError(field, "fir_number.no_digits", msg)
    m = _FIR.fullmatch(display)
    if not m or int(m[1]) == 0:
        msg = _("Write the FIR number and its year, like 123/2024.")
        raise FieldError(field, "fir_number.format", msg)
    # Leading zeros and two-digit years depend on who wrote the number; the key must not.
    number, year = str(int(m[1])), m[2]
    if year is None:
        return Identifier(display, number)
    if len(year) == 2:
        year = ("19" if int(year) >= 70 else "20") + year
    if year[:2] not in ("19", "20"):
        msg = _("The year of this FIR looks wrong. Write it like 123/2024.")
        raise FieldError(field, "fir_number.year", msg)
    return Identifier(display, f"{number}/{year}")


# Tab, newline and carriage return stay; other control characters come with pasted text, and
# PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def require_text(text: str | None, field: str, *, max_len: int = 200) -> str:
    """Free text that must be filled in: stripped, invisible control characters removed."""
    value = _CONTROL.sub("", text or "").strip()
    if not value:
        raise FieldError(field, "text.empty", _("This must be filled in."))
    if len(value) > max_len:
        msg = _("This is too long: at most {max_len} characters, and it has {count}. Shorten it.")
        raise FieldError(field, "text.too_long", msg.format(max_len=max_len, count=len(value)))
    return value
