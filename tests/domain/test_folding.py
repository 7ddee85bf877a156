"""Search folding for Urdu: letter variants, diacritics, digits and invisible marks, held as
properties (any text, any variant) and by examples a volunteer would type."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cplc_desk.domain import folding
from cplc_desk.domain.folding import fold, has_arabic_script
from cplc_desk.domain.records import name_key

URDU_LETTERS = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # tanwin, zabar..., tashdeed
VARIANTS = {"ی": "يى", "ک": "كڪ", "ہ": "هھۃة", "ا": "أإآ"}

urdu_words = st.text(alphabet=URDU_LETTERS + " ", min_size=1, max_size=30)


@given(st.text(max_size=60))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def _long_way(text: str) -> str:
    """fold without its shortcut for ASCII: NFKC, case folding and the table spelled out."""
    nfkc = unicodedata.normalize
    return nfkc("NFKC", nfkc("NFKC", nfkc("NFKC", text).casefold()).translate(folding._TABLE))


@given(st.text(st.characters(max_codepoint=127), max_size=40))
def test_ascii_folds_as_the_long_way_would(text: str) -> None:
    assert fold(text) == _long_way(text)


def test_every_ascii_character_folds_as_the_long_way_would() -> None:
    every = "".join(map(chr, range(128)))
    assert fold(every) == _long_way(every)
    assert all(fold(ch) == _long_way(ch) for ch in every)


@given(urdu_words, st.lists(st.tuples(st.integers(0, 30), st.sampled_from(DIACRITICS))))
def test_diacritics_anywhere_change_nothing(text: str, marks: list[tuple[int, str]]) -> None:
    marked = text
    for position, mark in marks:
        at = min(position, len(marked))
        marked = marked[:at] + mark + marked[at:]
    assert fold(marked) == fold(text)


@given(urdu_words, st.data())
def test_arabic_keyboard_letters_fold_to_urdu_ones(text: str, data: st.DataObject) -> None:
    typed = "".join(
        data.draw(st.sampled_from(VARIANTS[ch] + ch)) if ch in VARIANTS else ch for ch in text
    )
    assert fold(typed) == fold(text)


@given(st.integers(0, 10**12))
def test_urdu_and_arabic_digits_fold_to_latin(n: int) -> None:
    latin = str(n)
    urdu = latin.translate({ord(str(d)): chr(0x06F0 + d) for d in range(10)})
    arabic = latin.translate({ord(str(d)): chr(0x0660 + d) for d in range(10)})
    assert fold(urdu) == fold(arabic) == latin


def test_examples_a_volunteer_types() -> None:
    assert fold("عَلِیّ") == fold("علي") == fold("علی")
    assert fold("كراچی") == fold("کراچی")
    assert fold("بھائی") == fold("بہائی")  # do-chashmi and gol he are typed for each other
    assert fold("ﻋﻠﻰ") == fold("علی")  # presentation forms, as copied out of a PDF
    assert fold("\u2068KHI-1\u2069") == "khi-1"  # isolates from a translated message
    assert fold("Ali RAZA") == "ali raza"


def test_name_keys_fold_urdu_names_alike() -> None:
    assert name_key("محمد  علي.") == name_key("مُحَمَّد علی")
    assert name_key("Sana-Javed") == "sana javed"


def test_arabic_script_is_recognised() -> None:
    assert has_arabic_script("KHI علی")
    assert not has_arabic_script("KHI-2026 ali")
