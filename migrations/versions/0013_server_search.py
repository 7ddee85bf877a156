"""Search on a PostgreSQL server: the fold SQLite calls as ``cplc_fold``, as a function of the
server's own, and indexes over it, so that headquarters on a server finds the same records
as on SQLite (docs/postgresql.md, "Search on the server"). Nothing is done on SQLite.

- ``cplc_fold(text)`` is :func:`cplc_desk.domain.folding.fold` in SQL (NFKC, case folding,
  Arabic-script letters to the Urdu ones, marks and invisible characters dropped, Urdu and
  Arabic digits to 0-9; ``tests/storage/test_pg_fold.py`` compares the two over a corpus).
- ``cplc_search_words(text)`` is the words SQLite's full-text index keeps of that text: its
  ``unicode61 remove_diacritics 2`` tokenizer (migration 0003), frozen below from SQLite's own
  answers (which characters separate words, which lose their accents).
- ``cplc_search_vector(text)`` holds those words as a ``tsvector``; a GIN index on it over
  complaints' narratives and one over complainants' names answer a word-prefix search.
- A b-tree index on ``person.name_key COLLATE "C"`` answers the name-prefix searches of the
  vehicle and phone lists in code point order, as SQLite compares.

A server whose encoding is not UTF8 has no Unicode normalisation: the migration then says so
in the log and makes nothing; the search keeps its plain matching there.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 23:10:00.000000
"""

import logging
import re
from collections.abc import Iterable, Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_log = logging.getLogger("alembic.runtime.migration")

# The fold of cplc_desk/domain/folding.py as it stands at this revision, frozen here so that a
# later change to folding cannot change what this migration makes (a later revision re-creates
# the function; the comparison test says when one is needed).
_LETTERS = {
    0x064A: 0x06CC, 0x0649: 0x06CC, 0x0626: 0x06CC, 0x06CD: 0x06CC, 0x06D0: 0x06CC,
    0x06D3: 0x06D2, 0x0643: 0x06A9, 0x06AA: 0x06A9, 0x0647: 0x06C1, 0x06BE: 0x06C1,
    0x06C0: 0x06C1, 0x06C2: 0x06C1, 0x06C3: 0x06C1, 0x0629: 0x06C1, 0x0622: 0x0627,
    0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627, 0x0624: 0x0648,
}  # fmt: skip
_DIGITS = {0x06F0 + i: 0x30 + i for i in range(10)} | {0x0660 + i: 0x30 + i for i in range(10)}
_DROPPED = (
    list(range(0x0610, 0x061B))
    + list(range(0x064B, 0x0660))
    + [0x0670, 0x0640]
    + [c for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6, 0x06E9)]
    + [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)

# SQLite's unicode61 tokenizer (remove_diacritics 2), as it answers for every code point: the
# characters that separate words, and the characters folded text can hold that it changes
# (a letter with its accent to the plain letter; combining accents to nothing).
_SEPARATORS = (
    "0001-002F 003A-0040 005B-0060 007B-00A9 00AB-00B1 00B4 00B6-00B8 00BB 00BF 00D7 00F7 "
    "02C2-02C5 02D2-02DF 02E5-02EB 02ED 02EF-02FF 0305 030D-030E 0310 0312-031A 031C-0322 "
    "0329-032C 032F 0332-036F 0375 037E 0384-0385 0387 03F6 0482-0489 055A-055F 0589-058A 058F "
    "0591-05C7 05F3-05F4 0600-0604 0606-061B 061E-061F 064B-065F 066A-066D 0670 06D4 06D6-06E4 "
    "06E7-06ED 06FD-06FE 0700-070D 070F 0711 0730-074A 07A6-07B0 07EB-07F3 07F6-07F9 0816-0819 "
    "081B-0823 0825-0827 0829-082D 0830-083E 0859-085B 085E 08E4-08FE 0900-0903 093A-093C "
    "093E-094F 0951-0957 0962-0965 0970 0981-0983 09BC 09BE-09C4 09C7-09C8 09CB-09CD 09D7 "
    "09E2-09E3 09F2-09F3 09FA-09FB 0A01-0A03 0A3C 0A3E-0A42 0A47-0A48 0A4B-0A4D 0A51 0A70-0A71 "
    "0A75 0A81-0A83 0ABC 0ABE-0AC5 0AC7-0AC9 0ACB-0ACD 0AE2-0AE3 0AF0-0AF1 0B01-0B03 0B3C "
    "0B3E-0B44 0B47-0B48 0B4B-0B4D 0B56-0B57 0B62-0B63 0B70 0B82 0BBE-0BC2 0BC6-0BC8 0BCA-0BCD "
    "0BD7 0BF3-0BFA 0C01-0C03 0C3E-0C44 0C46-0C48 0C4A-0C4D 0C55-0C56 0C62-0C63 0C7F 0C82-0C83 "
    "0CBC 0CBE-0CC4 0CC6-0CC8 0CCA-0CCD 0CD5-0CD6 0CE2-0CE3 0D02-0D03 0D3E-0D44 0D46-0D48 "
    "0D4A-0D4D 0D57 0D62-0D63 0D79 0D82-0D83 0DCA 0DCF-0DD4 0DD6 0DD8-0DDF 0DF2-0DF4 0E31 "
    "0E34-0E3A 0E3F 0E47-0E4F 0E5A-0E5B 0EB1 0EB4-0EB9 0EBB-0EBC 0EC8-0ECD 0F01-0F1F 0F34-0F3F "
    "0F71-0F87 0F8D-0F97 0F99-0FBC 0FBE-0FCC 0FCE-0FDA 102B-103E 104A-104F 1056-1059 105E-1060 "
    "1062-1064 1067-106D 1071-1074 1082-108D 108F 109A-109F 10FB 135D-1368 1390-1399 1400 "
    "166D-166E 1680 169B-169C 16EB-16ED 1712-1714 1732-1736 1752-1753 1772-1773 17B4-17D6 "
    "17D8-17DB 17DD 1800-180E 18A9 1920-192B 1930-193B 1940 1944-1945 19B0-19C0 19C8-19C9 "
    "19DE-19FF 1A17-1A1B 1A1E-1A1F 1A55-1A5E 1A60-1A7C 1A7F 1AA0-1AA6 1AA8-1AAD 1B00-1B04 "
    "1B34-1B44 1B5A-1B7C 1B80-1B82 1BA1-1BAD 1BE6-1BF3 1BFC-1BFF 1C24-1C37 1C3B-1C3F 1C7E-1C7F "
    "1CC0-1CC7 1CD0-1CE8 1CED 1CF2-1CF4 1DC0-1DE6 1DFC-1DFF 1FBD 1FBF-1FC1 1FCD-1FCF 1FDD-1FDF "
    "1FED-1FEF 1FFD-1FFE 2000-2064 206A-206F 207A-207E 208A-208E 20A0-20B9 20D0-20F0 2100-2101 "
    "2103-2106 2108-2109 2114 2116-2118 211E-2123 2125 2127 2129 212E 213A-213B 2140-2144 "
    "214A-214D 214F 2190-23F3 2400-2426 2440-244A 249C-24E9 2500-26FF 2701-2775 2794-2B4C "
    "2B50-2B59 2CE5-2CEA 2CEF-2CF1 2CF9-2CFC 2CFE-2CFF 2D70 2D7F 2DE0-2E2E 2E30-2E3B 2E80-2E99 "
    "2E9B-2EF3 2F00-2FD5 2FF0-2FFB 3000-3004 3008-3020 302A-3030 3036-3037 303D-303F 3099-309C "
    "30A0 30FB 3190-3191 3196-319F 31C0-31E3 3200-321E 322A-3247 3250 3260-327F 328A-32B0 "
    "32C0-32FE 3300-33FF 4DC0-4DFF A490-A4C6 A4FE-A4FF A60D-A60F A66F-A67E A69F A6F0-A6F7 "
    "A700-A716 A720-A721 A789-A78A A802 A806 A80B A823-A82B A836-A839 A874-A877 A880-A881 "
    "A8B4-A8C4 A8CE-A8CF A8E0-A8F1 A8F8-A8FA A926-A92F A947-A953 A95F A980-A983 A9B3-A9CD "
    "A9DE-A9DF AA29-AA36 AA43 AA4C-AA4D AA5C-AA5F AA77-AA79 AA7B AAB0 AAB2-AAB4 AAB7-AAB8 "
    "AABE-AABF AAC1 AADE-AADF AAEB-AAF1 AAF5-AAF6 ABE3-ABED FB1E FB29 FBB2-FBC1 FD3E-FD3F "
    "FDFC-FDFD FE00-FE19 FE20-FE26 FE30-FE52 FE54-FE66 FE68-FE6B FEFF FF01-FF0F FF1A-FF20 "
    "FF3B-FF40 FF5B-FF65 FFE0-FFE6 FFE8-FFEE FFF9-FFFF 10100-10102 10137-1013F 10179-10189 "
    "10190-1019B 101D0-101FD 1039F 103D0 10857 1091F 1093F 10A01-10A03 10A05-10A06 10A0C-10A0F "
    "10A38-10A3A 10A3F 10A50-10A58 10A7F 10B39-10B3F 11000-11002 11038-1104D 11080-11082 "
    "110B0-110C1 11100-11102 11127-11134 11140-11143 11180-11182 111B3-111C0 111C5-111C8 "
    "116AB-116B7 12470-12473 16F51-16F7E 16F8F-16F92 1D000-1D0F5 1D100-1D126 1D129-1D1DD "
    "1D200-1D245 1D300-1D356 1D6C1 1D6DB 1D6FB 1D715 1D735 1D74F 1D76F 1D789 1D7A9 1D7C3 "
    "1EEF0-1EEF1 1F000-1F02B 1F030-1F093 1F0A0-1F0AE 1F0B1-1F0BE 1F0C1-1F0CF 1F0D1-1F0DF "
    "1F110-1F12E 1F130-1F16B 1F170-1F19A 1F1E6-1F202 1F210-1F23A 1F240-1F248 1F250-1F251 "
    "1F300-1F320 1F330-1F335 1F337-1F37C 1F380-1F393 1F3A0-1F3C4 1F3C6-1F3CA 1F3E0-1F3F0 "
    "1F400-1F43E 1F440 1F442-1F4F7 1F4F9-1F4FC 1F500-1F53D 1F540-1F543 1F550-1F567 1F5FB-1F640 "
    "1F645-1F64F 1F680-1F6C5 1F700-1F773 E0001 E0020-E007F E0100-E01EF "
)
_UNMARKED = (
    "00E0a 00E1a 00E2a 00E3a 00E4a 00E5a 00E7c 00E8e 00E9e 00EAe 00EBe 00ECi 00EDi 00EEi 00EFi "
    "00F1n 00F2o 00F3o 00F4o 00F5o 00F6o 00F9u 00FAu 00FBu 00FCu 00FDy 00FFy 0101a 0103a 0105a "
    "0107c 0109c 010Bc 010Dc 010Fd 0113e 0115e 0117e 0119e 011Be 011Dg 011Fg 0121g 0123g 0125h "
    "0129i 012Bi 012Di 012Fi 0135j 0137k 013Al 013Cl 013El 0144n 0146n 0148n 014Do 014Fo 0151o "
    "0155r 0157r 0159r 015Bs 015Ds 015Fs 0161s 0163t 0165t 0169u 016Bu 016Du 016Fu 0171u 0173u "
    "0175w 0177y 017Az 017Cz 017Ez 01A1o 01B0u 01CEa 01D0i 01D2o 01D4u 01D6u 01D8u 01DAu 01DCu "
    "01DFa 01E7g 01E9k 01EBo 01EDo 01F0j 01F5g 01F9n 01FBa 0201a 0203a 0205e 0207e 0209i 020Bi "
    "020Do 020Fo 0211r 0213r 0215u 0217u 0219s 021Bt 021Fh 0227a 0229e 022Bo 022Do 022Fo 0231o "
    "0233y 0300 0301 0302 0303 0304 0306 0307 0308 0309 030A 030B 030C 030F 0311 031B 0323 0324 "
    "0325 0326 0327 0328 032D 032E 0330 0331 1E01a 1E03b 1E05b 1E07b 1E09c 1E0Bd 1E0Dd 1E0Fd "
    "1E11d 1E13d 1E15e 1E17e 1E19e 1E1Be 1E1De 1E1Ff 1E21g 1E23h 1E25h 1E27h 1E29h 1E2Bh 1E2Di "
    "1E2Fi 1E31k 1E33k 1E35k 1E37l 1E39l 1E3Bl 1E3Dl 1E3Fm 1E41m 1E43m 1E45n 1E47n 1E49n 1E4Bn "
    "1E4Do 1E4Fo 1E51o 1E53o 1E55p 1E57p 1E59r 1E5Br 1E5Dr 1E5Fr 1E61s 1E63s 1E65s 1E67s 1E69s "
    "1E6Bt 1E6Dt 1E6Ft 1E71t 1E73u 1E75u 1E77u 1E79u 1E7Bu 1E7Dv 1E7Fv 1E81w 1E83w 1E85w 1E87w "
    "1E89w 1E8Bx 1E8Dx 1E8Fy 1E91z 1E93z 1E95z 1E96h 1E97t 1E98w 1E99y 1EA1a 1EA3a 1EA5a 1EA7a "
    "1EA9a 1EABa 1EADa 1EAFa 1EB1a 1EB3a 1EB5a 1EB7a 1EB9e 1EBBe 1EBDe 1EBFe 1EC1e 1EC3e 1EC5e "
    "1EC7e 1EC9i 1ECBi 1ECDo 1ECFo 1ED1o 1ED3o 1ED5o 1ED7o 1ED9o 1EDBo 1EDDo 1EDFo 1EE1o 1EE3o "
    "1EE5u 1EE7u 1EE9u 1EEBu 1EEDu 1EEFu 1EF1u 1EF3y 1EF5y 1EF7y 1EF9y "
)

_NAMES = "name || ' ' || coalesce(relative_name, '')"  # what SQLite indexes as "names"
_INDEXES = (
    ("ix_complaint_narrative_words", "complaint USING gin ({s}.cplc_search_vector(narrative))"),
    ("ix_person_name_words", f"person USING gin ({{s}}.cplc_search_vector({_NAMES}))"),
    ("ix_person_name_key_c", 'person (name_key COLLATE "C")'),
)
# What a call costs the planner (a plain operator costs 1): a word search over 100,000
# complaints on one server took 5 s when the planner, thinking the words cheap, computed them
# row by row instead of ANDing the indexes' bitmaps, 0.3 s with these (docs/postgresql.md).
_FOLD_COST, _WORDS_COST = 1000, 5000
_FUNCTIONS = ("cplc_search_vector(text)", "cplc_search_words(text)", "cplc_fold(text)")


def _esc(code: int) -> str:
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _text(codes: Iterable[int]) -> str:
    """An SQL string of these characters, each written as an escape (nothing read as SQL)."""
    return "E'" + "".join(_esc(c) for c in codes) + "'"


def _ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for code in sorted(set(codes)):
        if out and out[-1][1] == code - 1:
            out[-1] = (out[-1][0], code)
        else:
            out.append((code, code))
    return out


def _class(ranges: Iterable[tuple[int, int]]) -> str:
    """A regular expression's bracket of these code point ranges, as an SQL string."""
    parts = ("\\" + _esc(a) + ("" if a == b else "-\\" + _esc(b)) for a, b in ranges)
    return "E'[" + "".join(parts) + "]'"


def _parse(table: str) -> list[tuple[int, int, str]]:
    """(first, last, replacement) of each entry of :data:`_SEPARATORS` / :data:`_UNMARKED`:
    ``0001-002F``, ``00B4``, ``00E0a`` (à becomes a), ``0300`` (dropped)."""
    out = []
    for entry in table.split():
        found = re.fullmatch(r"([0-9A-F]{4,6})(?:-([0-9A-F]{4,6}))?([a-z]*)", entry)
        assert found, entry
        first, last, replacement = found.groups()
        out.append((int(first, 16), int(last or first, 16), replacement))
    return out


def _translate(var: str, pairs: list[tuple[int, str]], gate: list[tuple[int, int]]) -> str:
    """``var := translate(var, from, to)`` when ``var`` holds a character of ``gate``; a
    character mapped to "" is dropped (it stands after every mapped one in ``from``)."""
    kept = [(c, r) for c, r in pairs if r]
    dropped = [c for c, r in pairs if not r]
    source = _text([c for c, _ in kept] + dropped)
    target = _text([ord(r) for _, r in kept])
    return f"IF {var} ~ {_class(gate)} THEN {var} := translate({var}, {source}, {target}); END IF;"


def _case_folding() -> list[str]:
    """Python's ``str.casefold`` beyond ASCII, one character at a time as it works: a translate
    per 256-character page holding letters it changes (tried only when the text has one), then
    the letters that fold to several (ß to ss)."""
    pages: dict[int, list[tuple[int, str]]] = {}
    several: list[tuple[int, str]] = []
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = chr(code).casefold()
        if folded != chr(code):
            if len(folded) == 1:
                pages.setdefault(code >> 8, []).append((code, folded))
            else:
                several.append((code, folded))
    steps = []
    for page, pairs in sorted(pages.items()):
        steps.append(_translate("t", pairs, [(page << 8, (page << 8) | 0xFF)]))
    replaced = "t"
    for code, folded in several:
        replaced = f"replace({replaced}, {_text([code])}, {_text(map(ord, folded))})"
    steps.append(f"IF t ~ {_class(_ranges(c for c, _ in several))} THEN t := {replaced}; END IF;")
    return steps


def _fold_function(schema: str) -> str:
    upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    arabic = [(c, chr(r)) for c, r in {**_LETTERS, **_DIGITS}.items()] + [(c, "") for c in _DROPPED]
    body = "\n    ".join(
        [
            "IF t IS NULL OR t = '' THEN RETURN ''; END IF;",
            # fold's own short cut: NFKC and the tables change no ASCII character.
            f"IF octet_length(t) = char_length(t) THEN RETURN translate(t, '{upper}', "
            f"'{upper.lower()}'); END IF;",
            "t := normalize(t, NFKC);",
            f"t := translate(t, '{upper}', '{upper.lower()}');",
            *_case_folding(),
            "t := normalize(t, NFKC);",
            _translate("t", arabic, _ranges(c for c, _ in arabic)),
            "RETURN normalize(t, NFKC);",
        ]
    )
    return (
        f"CREATE FUNCTION {schema}.cplc_fold(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE "
        f"PARALLEL SAFE COST {_FOLD_COST} AS $fold$\nBEGIN\n    {body}\nEND\n$fold$"
    )


def _words_function(schema: str) -> str:
    separators = [(a, b) for a, b, _ in _parse(_SEPARATORS)]
    unmarked = [(a, r) for a, _, r in _parse(_UNMARKED)]
    # Words longer than a tsvector lexeme may be (2 kB) are left out rather than refused.
    return (
        f"CREATE FUNCTION {schema}.cplc_search_words(t text) RETURNS text[] LANGUAGE plpgsql "
        f"IMMUTABLE PARALLEL SAFE COST {_WORDS_COST} AS $words$\n"
        f"DECLARE f text := {schema}.cplc_fold(t);\nBEGIN\n"
        f"    {_translate('f', unmarked, _ranges(a for a, _ in unmarked))}\n"
        f"    RETURN ARRAY(SELECT w FROM regexp_split_to_table(f, {_class(separators)}) "
        "WITH ORDINALITY AS x(w, n) WHERE w <> '' AND octet_length(w) < 2048 ORDER BY n);\n"
        "END\n$words$"
    )


def _vector_function(schema: str) -> str:
    return (
        f"CREATE FUNCTION {schema}.cplc_search_vector(t text) RETURNS tsvector LANGUAGE sql "
        f"IMMUTABLE PARALLEL SAFE AS $vector$ SELECT array_to_tsvector("
        f"{schema}.cplc_search_words(t)) $vector$"
    )


def _schema() -> str:
    name = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar()
    return '"' + str(name).replace('"', '""') + '"'


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    encoding = str(bind.exec_driver_sql("SHOW server_encoding").scalar())
    if encoding.upper().replace("-", "") != "UTF8":
        _log.warning(
            "The server's encoding is %s, not UTF8: its search stays plain matching "
            "(no folded full-text index). See docs/postgresql.md.",
            encoding,
        )
        return
    schema = _schema()
    # Names in the functions' bodies carry the schema: pg_restore runs with an empty
    # search_path, and it rebuilds the indexes through them.
    for statement in (_fold_function(schema), _words_function(schema), _vector_function(schema)):
        bind.exec_driver_sql(statement)
    for name, target in _INDEXES:
        bind.exec_driver_sql(f"CREATE INDEX {name} ON {target.format(s=schema)}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name, _ in _INDEXES:
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    schema = _schema()
    for function in _FUNCTIONS:
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {schema}.{function}")
