"""The complaints list's word search on a PostgreSQL server: the words migration 0015 keeps on
each complaint (its narrative's and its complainant's names'), and the two ways a page of them
is found (docs/postgresql.md, "Search on the server").

The planner cannot tell from a prefix how many complaints hold a word (it guessed 84 for a full
name that 6,400 of 200,000 complaints hold), so it cannot choose between them; the list does:

- **walking**: registration order newest first, reading each complaint's kept words, for at
  most :data:`WALK` complaints. A word one complaint in a hundred holds fills a page long before;
- **reading the matches**: every complaint holding the words, from their GIN index, then sorted:
  for words too rare to fill a page within the walk (a full name, a rare word).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import false, literal, select, text, tuple_
from sqlalchemy.orm import Session

from cplc_desk.services.desk.listing import bind_time
from cplc_desk.storage import search
from cplc_desk.storage.db import set_local
from cplc_desk.storage.models import Complaint

# How many complaints a page of a word search walks before it reads the matches instead.
WALK = 20_000


def queries(s: Session, words: str) -> list[search.ServerWord] | None:
    """The words as the server matches them, or None on a store without them (SQLite, or a
    server without migration 0013's functions)."""
    return search.server_queries(s, words) if search.has_server_words(s) else None


def match(words: list[search.ServerWord], read_all: bool = False) -> Any:
    """Complaints holding every word in the narrative or the complainant's names, as SQLite's
    index holds them. ``read_all``: written so the server reads every match from the index
    first (then sorts them); else a condition a walk checks row by row. A word SQLite reads as
    several (``ali_r``) also has them side by side in one of the two."""
    if not words:
        return false()  # a word holding nothing the index keeps: SQLite finds nothing either
    held = "complaint.search_words @@ CAST(:words AS tsquery)"
    if read_all:
        held = (
            "complaint.id = ANY(ARRAY(SELECT wc.id FROM complaint wc WHERE "
            "wc.search_words @@ CAST(:words AS tsquery)))"
        )
    clauses = [held]
    params = {"words": " & ".join(f"({w.query})" for w in words)}
    names = "wp.name || ' ' || coalesce(wp.relative_name, '')"
    side_by_side = "' ' || array_to_string(cplc_search_words({}), ' ') LIKE :p{}"
    for i, word in enumerate(words):
        if word.phrase is not None:  # rare, and read only on the rows the words found
            clauses.append(
                f"({side_by_side.format('complaint.narrative', i)} OR EXISTS (SELECT 1 FROM "
                f"person wp WHERE wp.id = complaint.complainant_id AND "
                f"{side_by_side.format(names, i)}))"
            )
            params[f"p{i}"] = word.phrase
    return text(" AND ".join(clauses)).bindparams(**params)


def walk_floor(s: Session, after: tuple[datetime, str] | None, oldest_first: bool) -> Any | None:
    """A bound on the registration key :data:`WALK` complaints on from ``after`` (a page's
    keyset start; None: the first page), to walk no further than; None when fewer remain.
    Deleted complaints count: the index of keys alone answers."""
    key = tuple_(Complaint.created_at, Complaint.id)
    stmt = select(Complaint.created_at, Complaint.id)
    if after is not None:
        start = tuple_(bind_time(after[0]), literal(after[1]))
        stmt = stmt.where(key > start if oldest_first else key < start)
    order = (Complaint.created_at, Complaint.id)
    stmt = stmt.order_by(*order) if oldest_first else stmt.order_by(*(c.desc() for c in order))
    found = s.execute(stmt.offset(WALK - 1).limit(1)).first()
    if found is None:
        return None
    floor = tuple_(bind_time(found[0]), literal(found[1]))
    return key <= floor if oldest_first else key >= floor


def walking(s: Session) -> None:
    """For the rest of this read, the planner walks in index order: with sorting and bitmap
    scans off, a page in registration order comes from ix_complaint_created_id, stopping once
    it is full."""
    set_local(s, enable_sort="off", enable_bitmapscan="off")


def reading_all(s: Session) -> None:
    """Back to the planner's own choices for the rest of this read."""
    set_local(s, enable_sort="on", enable_bitmapscan="on")
