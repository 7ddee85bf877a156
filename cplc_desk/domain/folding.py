"""Text folded for search, so that the same word typed two ways finds the same record.

Urdu is typed on many keyboards: an Arabic layout gives ي ك ه where an Urdu one gives ی ک ہ,
some people add the short vowels (zabar, zer, pesh), a tashdeed or a tatweel, and digits come as
Latin 0-9, Urdu ۰-۹ or Arabic-Indic ٠-٩. SQLite's FTS5 folds none of that, so both the index and
every query hold :func:`fold` of the text (storage/search.py; SQL calls it as ``cplc_fold``).
Stored records keep exactly what was typed; only search keys are folded.
"""

from __future__ import annotations

import unicodedata

# Arabic-script letter variants, each folded to the letter an Urdu keyboard gives.
_LETTERS = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی Farsi/Urdu yeh
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza above -> ی
    "\u06cd": "\u06cc",  # ۍ
    "\u06d0": "\u06cc",  # ې
    "\u06d3": "\u06d2",  # ۓ -> ے (bari yeh)
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک keheh
    "\u06aa": "\u06a9",  # ڪ swash kaf -> ک
    "\u0647": "\u06c1",  # ه Arabic heh -> ہ heh goal
    "\u06be": "\u06c1",  # ھ do-chashmi heh -> ہ (typed for one another)
    "\u06c0": "\u06c1",  # ۀ
    "\u06c2": "\u06c1",  # ۂ
    "\u06c3": "\u06c1",  # ۃ teh marbuta goal -> ہ
    "\u0629": "\u06c1",  # ة teh marbuta -> ہ
    "\u0622": "\u0627",  # آ alef madda -> ا
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0671": "\u0627",  # ٱ
    "\u0624": "\u0648",  # ؤ -> و
}
# Urdu (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits -> 0-9.
_DIGITS = {0x06F0 + i: str(i) for i in range(10)} | {0x0660 + i: str(i) for i in range(10)}
# Marks and invisible characters that change nothing a reader sees as the word.
_DROPPED = (
    [chr(c) for c in range(0x0610, 0x061B)]  # honorifics and small high signs
    + [chr(c) for c in range(0x064B, 0x0660)]  # harakat: zabar, zer, pesh, tanwin, tashdeed, jazm
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6, 0x06E9)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"]  # zero widths, LRM, RLM
    + [chr(c) for c in range(0x202A, 0x202F)]  # embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # isolates
)
_TABLE = str.maketrans({**{ord(k): v for k, v in _LETTERS.items()}, **_DIGITS}) | {
    ord(ch): None for ch in _DROPPED
}


def fold(text: str | None) -> str:
    """``text`` as search sees it: NFKC (Arabic presentation forms and full-width letters back
    to plain ones), Arabic/Urdu letter variants to one letter, diacritics and invisible marks
    dropped, Urdu and Arabic digits to 0-9, case folded. Idempotent."""
    if not text:
        return ""
    if text.isascii():
        # The same answer, ten times faster (a merged bundle indexes every name and
        # narrative): NFKC and the table change no ASCII character, and ASCII's casefold is
        # lower.
        return text.lower()
    # NFKC on both sides of case folding and of the table: each can expose something the
    # other would change, and fold(fold(x)) must equal fold(x).
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return unicodedata.normalize("NFKC", folded.translate(_TABLE))


def has_arabic_script(text: str) -> bool:
    """True if ``text`` holds a letter of the Arabic script (Urdu, Arabic, Persian)."""
    return any(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"
        for ch in text
    )
