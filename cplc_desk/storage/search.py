"""The full-text index over complaints (SQLite FTS5): bringing it up to date, and matching.

New complaints are indexed in bulk by :func:`catch_up` (after a registration, a CSV batch or a
merged bundle) rather than by a per-row trigger, which would slow headquarters' bulk merges;
changes to complaints already indexed are kept current by triggers (migration 0003).

On PostgreSQL there is no FTS5 table: migration 0013 gives the server the same fold and the
same words (``cplc_search_words``), migration 0015 keeps each complaint's words in one column
with a GIN index, and :func:`server_queries` turns what was typed into one ``tsquery`` per
word, so a search finds the same complaints as on SQLite (docs/postgresql.md; how a page of
them is found: services/complaints/server_words.py). A server without them (not UTF8) falls
back to plain matching.

The index holds folded text (:func:`cplc_desk.domain.folding.fold`, registered with SQLite as
``cplc_fold`` on every connection), and queries are folded the same way, so ي/ی, ك/ک, ه/ہ/ھ,
diacritics and Urdu digits find the same complaints. Migration 0008 re-indexed older stores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Select, String, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from cplc_desk.domain.folding import fold

FTS_META = "complaint_fts_rowid"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def has_fts(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


def _positions(s: Session) -> tuple[int, int]:
    """(last complaint rowid indexed, newest complaint rowid)."""
    last = s.execute(
        text("SELECT coalesce(CAST(value AS INTEGER), 0) FROM store_meta WHERE key = :k"),
        {"k": FTS_META},
    ).scalar()
    top = s.execute(text("SELECT coalesce(max(rowid), 0) FROM complaint")).scalar()
    return int(last or 0), int(top or 0)


def behind(s: Session) -> bool:
    """True if complaints were added since the last catch-up (a read; no lock taken)."""
    if not has_fts(s):
        return False
    last, top = _positions(s)
    return top > last


def catch_up(s: Session, limit: int | None = None) -> int:
    """Index complaints added since the last catch-up. Returns how many were indexed."""
    if not has_fts(s):
        return 0
    last, top = _positions(s)
    if top <= last:
        return 0
    if limit is not None:
        top = min(top, last + limit)
    inserted = s.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO complaint_fts (rowid, names, narrative) "
            "SELECT c.rowid, cplc_fold(p.name || ' ' || coalesce(p.relative_name, '')), "
            "cplc_fold(c.narrative) "
            "FROM complaint c JOIN person p ON p.id = c.complainant_id "
            "WHERE c.rowid > :last AND c.rowid <= :top"
        ),
        {"last": last, "top": top},
    ).rowcount
    s.execute(
        text(
            "INSERT INTO store_meta (key, value) VALUES (:k, :v) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"k": FTS_META, "v": str(top)},
    )
    return int(inserted or 0)


def match_expression(words: str) -> str | None:
    """An FTS5 query matching every word as a prefix ("ali raz" finds "Ali Raza"), or None.

    Words are reduced to letters and digits, so nothing a person types is read as FTS syntax.
    """
    tokens = _TOKEN.findall(fold(words))
    if not tokens:
        return None
    return " AND ".join(f'"{t}"*' for t in tokens[:8])


def has_server_words(s: Session) -> bool:
    """True on a PostgreSQL server that has migration 0013's search functions (asked once per
    session: a page of a word search asks several times)."""
    if s.get_bind().dialect.name != "postgresql":
        return False
    if _HAS_WORDS not in s.info:
        found = s.execute(text("SELECT to_regprocedure('cplc_search_vector(text)') IS NOT NULL"))
        s.info[_HAS_WORDS] = bool(found.scalar())
    return bool(s.info[_HAS_WORDS])


_HAS_WORDS = "cplc_has_server_words"


@dataclass(frozen=True)
class ServerWord:
    """One word typed, as the server matches it: ``query`` (a ``tsquery``: each index word of
    it, the last as a prefix) for its GIN indexes, and for a word SQLite reads as several
    (``ali_r``: "ali" then a word starting "r") the ``phrase``, a LIKE pattern over
    ``' ' || array_to_string(cplc_search_words(text), ' ')`` that keeps them side by side."""

    query: str
    phrase: str | None


def server_queries(s: Session, words: str) -> list[ServerWord] | None:
    """What :func:`match_expression` asks of SQLite, for the server's index (migration 0013).

    None when nothing typed is a word; an empty list when a word holds nothing the index keeps
    (SQLite then finds nothing either).
    """
    tokens = _TOKEN.findall(fold(words))[:8]
    if not tokens:
        return None
    asked: dict[str, list[ServerWord]] = s.info.setdefault(_ASKED, {})
    if words in asked:  # the same words, asked again for another form of the same page
        return asked[words]
    found = s.execute(
        text(
            "SELECT array_to_string(cplc_search_words(t), ' ') FROM unnest(CAST(:ts AS text[])) "
            "WITH ORDINALITY AS u(t, n) ORDER BY n"
        ),
        {"ts": tokens},
    ).scalars()
    out = []
    for kept in found:
        lexemes = str(kept).split()  # no quote, backslash, % or _: they separate words
        if not lexemes:
            return []
        query = " & ".join(f"'{w}'" for w in lexemes) + ":*"
        out.append(ServerWord(query, f"% {' '.join(lexemes)}%" if len(lexemes) > 1 else None))
    asked[words] = out
    return out


_ASKED = "cplc_server_queries"


class code_points(FunctionElement[str]):
    """A text column compared in code point order, as SQLite compares: ``COLLATE "C"`` on
    PostgreSQL, whatever the database's own collation (migration 0013 indexes
    ``person.name_key`` so), so a name-prefix range finds the same names on both."""

    type = String()
    inherit_cache = True
    name = "code_points"


@compiles(code_points)
def _code_points(element: code_points, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(code_points, "postgresql")
def _code_points_pg(element: code_points, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'


class among(FunctionElement[bool]):
    """``column IN (SELECT ...)``, written for each database so that an OR of it with other
    conditions on indexed columns is still answered from indexes: SQLite looks up each side of
    an OR; PostgreSQL ORs index bitmaps only over index conditions, which ``col = ANY
    (ARRAY(SELECT ...))`` is and ``col IN (SELECT ...)`` is not (that one made a report-number
    search read every vehicle report at 1,000,000; docs/postgresql.md)."""

    type = Boolean()
    inherit_cache = True
    name = "among"
    _is_implicitly_boolean = True  # a condition itself: never compared with 1 on SQLite

    def __init__(self, column: Any, ids: Select[Any]) -> None:
        super().__init__(column, ids.scalar_subquery())

    def self_group(self, against: Any = None) -> Any:
        return self


@compiles(among)
def _among(element: among, compiler: Any, **kw: Any) -> str:
    column, ids = element.clauses.clauses
    return f"{compiler.process(column, **kw)} IN {compiler.process(ids, **kw)}"


@compiles(among, "postgresql")
def _among_pg(element: among, compiler: Any, **kw: Any) -> str:
    column, ids = element.clauses.clauses
    return f"{compiler.process(column, **kw)} = ANY (ARRAY{compiler.process(ids, **kw)})"
