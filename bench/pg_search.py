"""Word searches of headquarters' complaints list on a PostgreSQL server (the words migration
0015 keeps on each complaint, its narrative's and its complainant's names', with their GIN
index): the first page of 200 through ``complaint_list.list_page``, median and p95, beside a raw
look-up of the same words in that index alone (no join, no order: the floor), with the plan of
each search (EXPLAIN ANALYZE) showing how rows were found.

    python -m bench.pg_search --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres
    python -m bench.pg_search --db-url ... --complaints 1000000 --repeat 20

A throwaway database is made beside the one named and dropped after. The complaints are
bench.fixtures' (names and narratives of the demo data, spread over every station); one in a
hundred complainants gets an Urdu name, typed with Arabic-keyboard letters in a tenth of them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from bench import pg_server
from bench.fixtures import fill_complaints
from cplc_desk.domain.records import name_key
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list, server_words
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.storage import search

URDU = ("علی رضا", "عمران خان", "فاطمہ بی بی", "کاشف اقبال", "ثناء جاوید", "بلال حسین")
ARABIC_KEYBOARD = ("علي رضا", "كاشف اقبال", "فاطمه بي بي")
SEARCHES = (
    ("name, common (two words)", "ali raza"),
    ("name, prefix", "siddiq"),
    ("name, rare", "zarghuna"),
    ("narrative word", "gunpoint"),
    ("narrative, two words", "pillion rider"),
    ("name and narrative", "ali gunpoint"),
    ("Urdu name, Arabic keyboard", "علي رضا"),
    ("no match", "qqqzx"),
)


def _urdu_names(ctx: DeskContext, total: int) -> None:
    """One complainant in a hundred gets an Urdu name; one person a rare one."""
    with ctx.unit_of_work() as s:
        ids = list(s.execute(text("SELECT id FROM person ORDER BY id")).scalars())
        rows = []
        for i, pid in enumerate(ids[:: max(1, 100)]):
            name = ARABIC_KEYBOARD[i % 3] if i % 10 == 0 else URDU[i % len(URDU)]
            rows.append({"id": pid, "name": name, "key": name_key(name)})
        rows.append({"id": ids[len(ids) // 2], "name": "Zarghuna Wazir", "key": "zarghuna wazir"})
        s.execute(text("UPDATE person SET name = :name, name_key = :key WHERE id = :id"), rows)
    pg_server.vacuum_analyze(ctx.store.engine)  # a search scans a GIN pending list whole
    print(f"  {len(rows):,} of {total:,} complainants renamed (Urdu, one rare name)")


def _p(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"{statistics.median(values):7.1f} / {p95:7.1f} ms"


def _timed(fn: object, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _plan(ctx: DeskContext, words: str) -> str:
    """EXPLAIN ANALYZE of both ways the page's statement can go (services/complaints/
    server_words.py): a walk newest first (bounded by WALK complaints), and the matches read
    from their index; the list takes the walk when it fills the page."""
    out = []
    for label, read_all in (("walk", False), ("read the matches", True)):
        with ctx.store.read() as s:
            query = complaint_list.ComplaintQuery(text=words)
            term = complaint_list.classify(words)
            stmt = complaint_list._filtered(s, query, term, read_all=read_all)
            stmt = complaint_list._paged(stmt, query, None).limit(201)
            if not read_all:
                floor = server_words.walk_floor(s, None, False)
                stmt = stmt if floor is None else stmt.where(floor)
                server_words.walking(s)
            sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            lines = s.execute(text("EXPLAIN (ANALYZE, COSTS OFF) " + sql.replace(":", "\\:")))
            kept = [
                line.strip()
                for line in lines.scalars()
                if any(k in line for k in _SHOWN + _SHOWN_ALL)
            ]
            out.append(f"    {label}:")
            out.extend(f"      {line}" for line in kept)
    return "\n".join(out)


# The plan's lines that say how rows were found (the whole plan with --full-plans).
_SHOWN_ALL: list[str] = []
_SHOWN = [
    "Index Scan",
    "Bitmap",
    "Seq Scan",
    "Filter",
    "Sort",
    "Nested Loop",
    "Hash Join",
    "Semi Join",
    "Execution Time",
]


def _raw(ctx: DeskContext, words: str) -> None:
    with ctx.store.read() as s:
        s.execute(
            text("SELECT id FROM complaint WHERE search_words @@ CAST(:q AS tsquery) LIMIT 201"),
            {"q": " & ".join(f"({q.query})" for q in search.server_queries(s, words) or [])},
        ).all()


def run(url: str, complaints: int, repeat: int, plans: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_desk(DeskPaths(Path(tmp) / "hq"), actor=Actor("bench"), url=url)
        try:
            setup.init_hq(ctx, "CPLC Central")
            codes = [st.code for st in reference.stations(ctx)]
            t0 = time.perf_counter()
            fill_complaints(ctx, complaints, station_codes=codes)
            print(f"  filled {complaints:,} complaints in {time.perf_counter() - t0:.0f} s")
            _urdu_names(ctx, complaints)
            print(f"  {'search (first page of 200)':32} {'app median / p95':>22}  raw words index")
            for label, words in SEARCHES:
                query = complaint_list.ComplaintQuery(text=words)
                found = complaint_list.count(ctx, query)

                def page(q: complaint_list.ComplaintQuery = query) -> None:
                    complaint_list.list_page(ctx, q)

                app = _timed(page, repeat)
                raw = _timed(lambda w=words: _raw(ctx, w), repeat)
                print(f"  {label:32} {_p(app)}  {_p(raw)}   ({found:,} match)")
                if plans:
                    print(_plan(ctx, words))
        finally:
            ctx.close()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pg_search")
    parser.add_argument("--db-url", help="a PostgreSQL server (postgresql+psycopg://...)")
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-plans", action="store_true", help="leave the EXPLAINs out")
    parser.add_argument("--full-plans", action="store_true", help="every line of each plan")
    args = parser.parse_args(argv)
    if not args.db_url:
        parser.error("give --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres")
    print(f"bench.pg_search: {args.complaints:,} complaints, {args.repeat} runs each")
    if args.full_plans:
        _SHOWN_ALL.append("")
    with pg_server.fresh_databases(args.db_url, 1) as (url,):
        run(url, args.complaints, args.repeat, not args.no_plans)


if __name__ == "__main__":
    main(sys.argv[1:])
