"""Crime statistics computed on a real PostgreSQL server agree with SQLite: the merged city of
tests/statistics_city.py (month ends on both sides of Pakistan midnight, duplicates across
stations, a withdrawn and a tombstoned record) computed at a SQLite headquarters, then moved to
a server (services/desk/move.py, the same rows) and computed there. Skipped without a server
(CPLC_DESK_TEST_PG_URL)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import statistics_city as sc
from hq_city import build_city
from pg_server import throwaway_database
from sqlalchemy import make_url

from cplc_desk.domain.statistics import Month, StatisticsReport, StatisticsRequest
from cplc_desk.services.desk import move
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.statistics import report

OCT = Month(2026, 10)
REQUESTS = [
    StatisticsRequest(OCT),
    StatisticsRequest(Month(2026, 9), to_month=OCT),
    StatisticsRequest(OCT, station="SADD"),
    StatisticsRequest(OCT, public=True),
]


def _figures(rep: StatisticsReport) -> StatisticsReport:
    """The report without when it was computed."""
    return replace(rep, as_of=replace(rep.as_of, computed_at=rep.as_of.computed_at.min))


def test_the_same_months_statistics_on_sqlite_and_on_a_server(
    tmp_path: Path, template_store: Path
) -> None:
    city = build_city(tmp_path / "city", template_store, sc.CODES)
    try:
        sc.fill(city)
        on_sqlite = [_figures(report.compute(city.hq, r)) for r in REQUESTS]
        db = city.hq.paths.database
        cat = next(c for c in sc.categories() if c["code"] == "two_wheeler.stolen")
        # Not vacuous: the month holds records, counted as plain SQL counts them.
        row = on_sqlite[0].row("two_wheeler.stolen")
        assert row is not None and row.count == sc.plain_counts(db, cat, "2026-10", "2026-10") > 0
        assert sum(map(sum, on_sqlite[0].hour_day.cells)) > 0 and on_sqlite[0].makes
        with throwaway_database() as url:
            move.move_to_server(city.hq, make_url(url))
            hq = open_desk(city.hq.paths, actor=Actor("analyst"), url=url)
            try:
                assert hq.store.engine.dialect.name == "postgresql"
                on_server = [_figures(report.compute(hq, r)) for r in REQUESTS]
                for request in REQUESTS:
                    behind = report.records_behind(hq, request, "two_wheeler.stolen")
                    here = report.records_behind(city.hq, request, "two_wheeler.stolen")
                    assert sorted(r.number for r in behind) == sorted(r.number for r in here)
            finally:
                hq.close()
    finally:
        city.close()
    for lite, server in zip(on_sqlite, on_server, strict=True):
        assert server.rows == lite.rows
        assert server.recovery == lite.recovery
        assert server.matrix == lite.matrix
        assert server.trend == lite.trend
        assert server.hour_day == lite.hour_day
        assert server.makes == lite.makes
        assert server.stations == lite.stations
        assert server == lite
