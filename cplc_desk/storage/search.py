"""The full-text index over complaints (SQLite FTS5): bringing it up to date, and matching.

New complaints are indexed in bulk by :func:`catch_up` (after a registration, a CSV batch or a
merged bundle) rather than by a per-row trigger, which would slow headquarters' bulk merges;
changes to complaints already indexed are kept current by triggers (migration 0003).
On PostgreSQL there is no FTS5 table: searches fall back to ILIKE (a later issue adds tsvector).

The index holds folded text (:func:`cplc_desk.domain.folding.fold`, registered with SQLite as
``cplc_fold`` on every connection), and queries are folded the same way, so ي/ی, ك/ک, ه/ہ/ھ,
diacritics and Urdu digits find the same complaints. Migration 0008 re-indexed older stores.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

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
