"""The server's ``cplc_fold`` (migration 0013) against :func:`cplc_desk.domain.folding.fold`, and
the server's ``cplc_search_words`` against the words SQLite's full-text index keeps, over a
corpus of Urdu and Arabic-keyboard spellings, diacritics, invisible marks, digits of three
scripts, Latin case and accents, CNICs and plates: hand cases, a seeded random corpus and
hypothesis. On a real server (CPLC_DESK_TEST_PG_URL), skipped without one."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pg_server import throwaway_database
from sqlalchemy import Engine, create_engine, text

from cplc_desk.domain.folding import fold
from cplc_desk.storage import migrate

HAND = [
    "",
    "Ali RAZA",
    "علي",
    "عَلِیّ",
    "كراچي",
    "کراچی",
    "محمد  ہاشم",
    "ھاشم",
    "هاشم",
    "مدرسۃ",
    "مدرسة",
    "ىاسر",
    "ئاسر",
    "۴۲۱۰۱-۱۲۳۴۵۶۷-۱",
    "٤٢١٠١-١٢٣٤٥٦٧-١",
    "42101-1234567-1",
    "KHI-1234",
    "bgk 786",
    "کے ایچ آئی ۱۲۳۴",
    "a\u200db\u200cc\u200bd\ufeffe",
    "\u2067علی\u2069 Raza\u200f",
    "ﻋﻠﻲ ﺭﺿﺎ",
    "ÉCOLE Straße ẞ",
    "İstanbul ΣΊΣΥΦΟΣ ς",
    "ǅ ﬁ ㎏ Ⅻ ①",
    "ＡＢＣ１２３",
    "café cafe\u0301 CAFÉ",
    "Zoë Ñandú Łódź Øresund",
    "ᏸᏹ Ꭰ",
    "Ω K Å µ",
    "عبد\u0640\u0640الله",
    "رَحْمٰن",
    "ﷲ ﷺ",
    "plate: ABC-123, 'quoted' \"double\" back\\slash 100%",
]

POOLS = [
    "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۓئؤآأإةۃكيىهۀۂ",
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0610\u06d6",
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789",
    "\u200b\u200c\u200d\u200e\u200f\ufeff\u202a\u202b\u202c\u2066\u2067\u2068\u2069",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåçèéêëìíîïñòóôõöøùúûüýÿŁłŒœẞİı",
    "\u0300\u0301\u0302\u0303\u0308\u0327",
    " \t\n-/.,;:'\"()[]_+*#@!?،۔؟؛٪٫٬",
    "ﻋﻠﻲﺭﺿﺎﷲﷺﻻﺍﺏ",
    "ΣσςΑΒΓΔΩωКИЯкия",
]


def _random_corpus(count: int, seed: int = 17) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pools = rng.sample(POOLS, rng.randint(1, 4))
        out.append("".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 24))))
    for _ in range(count // 10):
        digits = "".join(rng.choice("0123456789۰۱۲۳۴۵۶۷۸۹") for _ in range(13))
        out.append(f"{digits[:5]}-{digits[5:12]}-{digits[12]}")
        letters = "".join(rng.choice("ABCDEFGHKLMNPRSTUVXYZ") for _ in range(rng.randint(2, 3)))
        out.append(f"{letters}{rng.choice(['-', ' ', ''])}{rng.randint(1, 9999)}")
    return out


@pytest.fixture(scope="module")
def server() -> Iterator[Engine]:
    with throwaway_database() as url:
        engine = create_engine(url)
        migrate.upgrade(engine, "head")
        yield engine
        engine.dispose()


def _on_server(engine: Engine, function: str, values: list[str]) -> list[object]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    f"SELECT {function}(v) FROM unnest(CAST(:vs AS text[])) "
                    "WITH ORDINALITY AS u(v, n) ORDER BY n"
                ),
                {"vs": values},
            ).scalars()
        )


def _sqlite_words(values: list[str]) -> list[list[str]]:
    """The words SQLite's index (migration 0003's tokenizer) keeps of each value's fold."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.executemany(
        "INSERT INTO t (rowid, x) VALUES (?, ?)", [(i + 1, fold(v)) for i, v in enumerate(values)]
    )
    words: list[list[str]] = [[] for _ in values]
    for doc, term in db.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
        words[doc - 1].append(term)
    db.close()
    return words


def _assert_same(values: list[str], server_side: list[object], python_side: list[object]) -> None:
    differ = [(v, s, p) for v, s, p in zip(values, server_side, python_side, strict=True) if s != p]
    assert not differ, differ[:5]


def test_the_servers_fold_is_pythons_fold_on_hand_cases(server: Engine) -> None:
    _assert_same(HAND, _on_server(server, "cplc_fold", HAND), [fold(v) for v in HAND])
    assert _on_server(server, "cplc_fold", ["كراچي"]) == ["کراچی"]  # not vacuous


def test_the_servers_fold_is_pythons_fold_on_a_random_corpus(server: Engine) -> None:
    corpus = _random_corpus(4000)
    _assert_same(corpus, _on_server(server, "cplc_fold", corpus), [fold(v) for v in corpus])


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
        min_size=1,
        max_size=40,
    )
)
def test_the_servers_fold_is_pythons_fold_on_any_text(server: Engine, values: list[str]) -> None:
    _assert_same(values, _on_server(server, "cplc_fold", values), [fold(v) for v in values])


def test_the_servers_words_are_sqlites_index_words(server: Engine) -> None:
    corpus = HAND + _random_corpus(2000, seed=29)
    _assert_same(corpus, _on_server(server, "cplc_search_words", corpus), _sqlite_words(corpus))
    assert _on_server(server, "cplc_search_words", ["Café-Raza's کراچی۔"]) == [
        ["cafe", "raza", "s", "کراچی"]
    ]
