"""Finding complaints: the lazy, keyset-paged list with its filters and search box (a receipt
or FIR number, a CNIC or phone, or words of a name or narrative), counting, and the repeat
complainant check. One complaint, its workflow and follow-ups are in
:mod:`cplc_desk.services.complaints.complaints`.

Look-ups by a person's CNIC or phone are written to the audit trail (who looked up whom).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    Select,
    column,
    false,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from cplc_desk.domain.ids import RecordNumber
from cplc_desk.domain.records import name_key
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import (
    FieldError,
    mask_cnic,
    mask_phone,
    normalize_digits,
    parse_cnic,
    parse_fir_number,
    parse_mobile,
)
from cplc_desk.domain.workflow import OPEN_STATUSES
from cplc_desk.services.complaints import server_words
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.listing import (
    ListQuery,
    SearchTerm,
    audit_person_search,
    bind_time,
    count_rows,
    within,
)
from cplc_desk.storage import search
from cplc_desk.storage.models import Complaint, Person

PAGE = 200
# From this many complaints at the chosen stations (a district's, say) on, a page is found by
# walking every complaint newest first rather than sorting the matches (see _dense_place).
DENSE = 5000


# ------------------------------------------------------------------ finding complaints


@dataclass(frozen=True)
class ComplaintQuery(ListQuery):
    """What the complaints list shows. Empty fields do not filter."""

    categories: tuple[str, ...] = ()
    overdue_on: date | None = None  # open complaints whose next follow-up is before this day
    oldest_first: bool = False


@dataclass(frozen=True)
class ComplaintRow:
    """One line of the complaints list: personal data masked."""

    id: str
    number: str
    created_at: datetime
    complainant: str
    cnic_masked: str
    mobile_masked: str
    category_code: str
    police_station_code: str
    status: str
    fir_number: str | None
    next_follow_up_on: date | None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts (keyset paging: no OFFSET, fast at any depth)."""

    created_at: datetime
    id: str
    position: int | None = None  # word searches page by storage order


@dataclass(frozen=True)
class Page:
    rows: list[ComplaintRow]
    next: Cursor | None


_FIR_RE = re.compile(r"^\s*(f\.?\s*i\.?\s*r\.?\s*(no\.?)?\s*)?\d{1,6}\s*[/\-]\s*\d{2,4}\s*$", re.I)
_PHONEISH = re.compile(r"^[\d\s\-+()]+$")


def classify(text_: str) -> SearchTerm:
    """Decide what a search box entry is: a receipt number, CNIC, mobile, FIR number or words."""
    raw = text_.strip()
    if not raw:
        return SearchTerm("all", "")
    number = RecordNumber.parse(raw)
    if number is not None:
        return SearchTerm("number", str(number))
    if _PHONEISH.match(raw):
        digits = normalize_digits(raw)
        if len(digits) == 13 and digits[0] != "0":
            try:
                return SearchTerm("cnic", parse_cnic(raw))
            except FieldError:
                pass
        try:
            return SearchTerm("mobile", parse_mobile(raw))
        except FieldError:
            pass
    if _FIR_RE.match(raw):
        try:
            return SearchTerm("fir", parse_fir_number(raw).normalized)
        except FieldError:
            pass
    return SearchTerm("words", raw)


_FTS = table("complaint_fts", column("rowid"))
_ROWID: Any = literal_column("complaint.rowid")


def _word_search(s: Session, term: SearchTerm) -> bool:
    return (
        term.kind == "words"
        and search.has_fts(s)
        and search.match_expression(term.value) is not None
    )


def _filtered(
    s: Session,
    query: ComplaintQuery,
    term: SearchTerm,
    *,
    counting: bool = False,
    walk: bool = False,
    read_all: bool = False,
) -> Select[Any]:
    """The matching complaints; ``walk`` keeps the station filter off its index, so the planner
    walks registration order and stops after a page (see :func:`_dense_place`); ``read_all``
    has a server read every complaint holding the words first (see :mod:`.server_words`)."""
    if counting:
        # Counting needs the person only to filter by CNIC or mobile: skipping the join keeps a
        # count over a million complaints to one index walk.
        stmt = cast("Select[Any]", select(Complaint.id).where(Complaint.deleted_at.is_(None)))
        if term.kind in ("cnic", "mobile"):
            stmt = stmt.join(Person, Person.id == Complaint.complainant_id)
    else:
        stmt = cast(
            "Select[Any]",
            select(Complaint, Person.name, Person.cnic, Person.mobile)
            .join(Person, Person.id == Complaint.complainant_id)
            .where(Complaint.deleted_at.is_(None)),
        )
    if term.kind == "number":
        stmt = stmt.where(Complaint.number == term.value)
    elif term.kind == "cnic":
        stmt = stmt.where(Person.cnic == term.value)
    elif term.kind == "mobile":
        stmt = stmt.where(Person.mobile == term.value)
    elif term.kind == "fir":
        stmt = stmt.where(Complaint.fir_key == term.value)
    elif term.kind == "words":
        expression = search.match_expression(term.value)
        if expression is None:
            stmt = stmt.where(false())
        elif search.has_fts(s):
            # Joined (not IN-subquery) so SQLite walks the index in rowid order and stops after
            # a page, instead of collecting every match of a common word first.
            stmt = stmt.join(_FTS, _FTS.c.rowid == _ROWID).where(
                text("complaint_fts MATCH :fts").bindparams(fts=expression)
            )
        elif (queries := server_words.queries(s, term.value)) is not None:
            stmt = stmt.where(server_words.match(queries, read_all))
        else:
            # A server without migration 0013's functions (not UTF8): the name by its folded
            # key, so Urdu spelt either way is found; the narrative as typed.
            like = f"%{term.value.strip()}%"
            key = f"%{name_key(term.value)}%"
            stmt = stmt.where(or_(Person.name_key.like(key), Complaint.narrative.ilike(like)))
    if query.statuses:
        stmt = stmt.where(Complaint.status.in_(query.statuses))
    if query.categories:
        stmt = stmt.where(Complaint.category_code.in_(query.categories))
    stmt = within(stmt, Complaint, query, walk)
    if query.overdue_on is not None:
        stmt = stmt.where(
            Complaint.status.in_([st.value for st in OPEN_STATUSES]),
            Complaint.next_follow_up_on < query.overdue_on,
        )
    return stmt


def _dense_place(s: Session, query: ComplaintQuery, term: SearchTerm) -> bool:
    """Whether to walk registration order for a filter on several police stations (a district).

    One station's complaints come newest first from its own index; several stations' would each
    be read and sorted together, which at headquarters means sorting a district's hundred
    thousand complaints for one page. From :data:`DENSE` matches on, walking every complaint
    newest first finds a page sooner. The probe reads at most DENSE index entries.
    """
    if term.kind != "all" or query.overdue_on is not None:
        return False  # a search term or the follow-up index narrows it further
    if not query.districts and len(query.stations) <= 1:
        return False
    return count_rows(s, _filtered(s, query, term, counting=True), DENSE) >= DENSE


def _row(c: Complaint, name: str, cnic: str | None, mobile: str | None) -> ComplaintRow:
    return ComplaintRow(
        id=c.id,
        number=c.number,
        created_at=c.created_at,
        complainant=name,
        cnic_masked=mask_cnic(cnic) if cnic else "",
        mobile_masked=mask_phone(mobile) if mobile else "",
        category_code=c.category_code,
        police_station_code=c.police_station_code,
        status=c.status,
        fir_number=c.fir_number,
        next_follow_up_on=c.next_follow_up_on,
    )


def _paged(stmt: Select[Any], query: ComplaintQuery, after: Cursor | None) -> Select[Any]:
    """``stmt`` from after ``after``, in registration order (newest first unless asked)."""
    key = tuple_(Complaint.created_at, Complaint.id)
    if after is not None:
        bound = tuple_(bind_time(after.created_at), after.id)
        stmt = stmt.where(key > bound if query.oldest_first else key < bound)
    if query.oldest_first:
        return stmt.order_by(Complaint.created_at, Complaint.id)
    return stmt.order_by(Complaint.created_at.desc(), Complaint.id.desc())


def _server_word_search(s: Session, term: SearchTerm) -> bool:
    return term.kind == "words" and not search.has_fts(s) and search.has_server_words(s)


def _server_words_page(
    s: Session, query: ComplaintQuery, term: SearchTerm, after: Cursor | None, limit: int
) -> list[Any]:
    """A page of a word search on a server: a walk of at most ``WALK`` complaints newest first,
    then, if that did not fill the page, the matches read from their index and sorted."""
    start = (after.created_at, after.id) if after is not None else None
    floor = server_words.walk_floor(s, start, query.oldest_first)
    server_words.walking(s)
    walk = _paged(_filtered(s, query, term), query, after)
    found = list(s.execute((walk if floor is None else walk.where(floor)).limit(limit + 1)))
    if len(found) > limit or floor is None:
        return found
    server_words.reading_all(s)
    stmt = _paged(_filtered(s, query, term, read_all=True), query, after)
    return list(s.execute(stmt.limit(limit + 1)))


def list_page(
    ctx: DeskContext, query: ComplaintQuery, after: Cursor | None = None, limit: int = PAGE
) -> Page:
    """One page of matching complaints, newest first (or oldest first), starting after ``after``."""
    ctx.require(Permission.SEARCH)
    term = classify(query.text)
    if term.kind == "words":
        with ctx.store.read() as s:
            behind = search.behind(s)
        if behind:  # index what was added since; no write lock taken when nothing was
            with ctx.store.write(actor=ctx.actor.username, desk_code=ctx.stamp_code()) as s:
                search.catch_up(s)
    with ctx.store.read() as s:
        if _word_search(s, term):
            # Word matches come in the order complaints were stored (registration order at a
            # desk, arrival order at headquarters): the order the full-text index can stop in.
            stmt = _filtered(s, query, term).add_columns(_ROWID)
            if after is not None and after.position is not None:
                stmt = stmt.where(
                    after.position < _ROWID if query.oldest_first else after.position > _ROWID
                )
            stmt = stmt.order_by(_FTS.c.rowid if query.oldest_first else _FTS.c.rowid.desc())
            found = s.execute(stmt.limit(limit + 1)).all()
            rows = [_row(*r[:4]) for r in found]
            positions = [int(r[4]) for r in found]
        elif _server_word_search(s, term):
            rows = [_row(*r) for r in _server_words_page(s, query, term, after, limit)]
            positions = []
        else:
            stmt = _filtered(s, query, term, walk=_dense_place(s, query, term))
            rows = [_row(*r) for r in s.execute(_paged(stmt, query, after).limit(limit + 1))]
            positions = []
    more = len(rows) > limit
    rows = rows[:limit]
    if after is None:
        audit_person_search(ctx, term, len(rows), "list")
    cursor = None
    if more and rows:
        position = positions[limit - 1] if positions else None
        cursor = Cursor(rows[-1].created_at, rows[-1].id, position)
    return Page(rows, cursor)


def count(ctx: DeskContext, query: ComplaintQuery, cap: int = 1_000_000) -> int:
    """How many complaints match (counting stops at ``cap``)."""
    ctx.require(Permission.SEARCH)
    term = classify(query.text)
    with ctx.store.read() as s:
        return count_rows(s, _filtered(s, query, term, counting=True), cap)


def earlier_complaints(
    ctx: DeskContext, cnic: str = "", mobile: str = "", limit: int = 20
) -> list[ComplaintRow]:
    """Complaints by the same CNIC or mobile: repeat complainants and possible duplicates."""
    ctx.require(Permission.SEARCH)
    terms = []
    if cnic.strip():
        with contextlib.suppress(FieldError):
            terms.append(SearchTerm("cnic", parse_cnic(cnic)))
    if mobile.strip():
        with contextlib.suppress(FieldError):
            terms.append(SearchTerm("mobile", parse_mobile(mobile)))
    if not terms:
        return []
    conditions = [
        Person.cnic == t.value if t.kind == "cnic" else Person.mobile == t.value for t in terms
    ]
    with ctx.store.read() as s:
        rows = s.execute(
            select(Complaint, Person.name, Person.cnic, Person.mobile)
            .join(Person, Person.id == Complaint.complainant_id)
            .where(Complaint.deleted_at.is_(None), or_(*conditions))
            .order_by(Complaint.created_at.desc())
            .limit(limit)
        ).all()
    found = [_row(*r) for r in rows]
    for term in terms:
        audit_person_search(ctx, term, len(found), "repeat check")
    return found
