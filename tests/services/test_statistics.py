"""Crime statistics on a merged city (tests/statistics_city.py): every figure against plain SQL
over the same store, and the answers known from how the city was made."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import statistics_city as sc
from hq_city import City, build_city
from sqlalchemy import select

from cplc_desk.domain import i18n
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.statistics import Month, StatisticsError, StatisticsRequest
from cplc_desk.services.statistics import publication, report
from cplc_desk.storage.models import AuditEntry

OCT = Month(2026, 10)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path_factory.mktemp("statcity"), template_store, sc.CODES)
    sc.fill(c)
    yield c
    c.close()


def _span(first: Month, last: Month) -> tuple[str, str]:
    return str(first), str(last)


def test_every_category_figure_matches_plain_sql(city: City) -> None:
    rep = report.compute(city.hq, StatisticsRequest(OCT))
    db = city.hq.paths.database
    rows = {r.category: r for r in rep.rows}
    for cat in sc.categories():
        row = rows[cat["code"]]
        expect = {
            "count": _span(OCT, OCT),
            "previous_month": _span(OCT.shift(-1), OCT.shift(-1)),
            "same_month_last_year": _span(OCT.shift(-12), OCT.shift(-12)),
            "year_to_date": _span(Month(2026, 1), OCT),
            "previous_year_to_date": _span(Month(2025, 1), OCT.shift(-12)),
        }
        for name, (first, last) in expect.items():
            assert getattr(row, name) == sc.plain_counts(db, cat, first, last), (cat, name)
        for series in rep.trend:
            if series.category == cat["code"]:
                assert series.counts == tuple(sc.plain_counts(db, cat, m, m) for m in series.months)
        for line in rep.matrix:
            if line.level == "station":
                assert line.counts[cat["code"]] == sc.plain_counts(
                    db, cat, str(OCT), str(OCT), line.code
                ), (cat["code"], line.code)


def test_the_known_answers(city: City) -> None:
    rep = report.compute(city.hq, StatisticsRequest(OCT))
    row = {r.category: r for r in rep.rows}
    # 18:59 UTC on 31 October is October in Pakistan; 19:00 is November.
    assert row["two_wheeler.stolen"].count == 1
    # 30 September 23:30 in Pakistan is September; 00:30 on 1 October is October.
    assert row["two_wheeler.snatched"].count == 1
    assert row["two_wheeler.snatched"].previous_month == 1
    assert row["two_wheeler.stolen"].same_month_last_year == 1
    assert row["two_wheeler.stolen"].year_to_date == 2
    # The car snatched at Saddar and again at Ferozabad is counted once; Ferozabad's own theft.
    assert row["four_wheeler.snatched"].count == 1
    assert row["four_wheeler.stolen"].count == 2  # a commercial vehicle and Ferozabad's car
    assert row["rickshaw.stolen"].count == 1
    # The handset snatched at Clifton and reported stolen at Ferozabad later: once.
    assert row["mobile_phone.snatched"].count == 1
    assert row["mobile_phone.stolen"].count == 1
    # The withdrawn and the tombstoned theft complaints are left out.
    assert row["complaint.theft"].count == 0
    assert row["complaint.theft"].previous_month == 1
    # 31 December 19:30 UTC is 1 January in Pakistan: this year's, not last year's.
    assert row["complaint.theft"].year_to_date == 3
    assert row["complaint.theft"].previous_year_to_date == 1
    assert row["complaint.extortion"].count == 4
    assert row["complaint.theft"].vs_previous_month.absolute == -1
    assert row["complaint.theft"].vs_previous_month.percent == -100.0
    assert row["complaint.extortion"].vs_last_year.percent is None  # nothing a year before
    rates = {r.group: r for r in rep.recovery}
    assert (rates["two_wheeler"].taken, rates["two_wheeler"].recovered) == (2, 1)
    assert rates["two_wheeler"].rate == 50.0
    assert rates["mobile_phone"].rate == 50.0
    assert rep.as_of.bundles >= 3
    assert rep.stations[0].code in ("CLIF", "SADD")


def test_a_public_report_hides_small_sensitive_station_cells(city: City) -> None:
    rep = report.compute(city.hq, StatisticsRequest(OCT, public=True))
    cells = {r.code: r.counts for r in rep.matrix if r.level == "station"}
    assert cells["CLIF"]["complaint.kidnapping_ransom"] is None  # 1: hidden
    assert cells["SADD"]["complaint.extortion"] == 4  # 3 and more are shown
    assert cells["CLIF"]["two_wheeler.stolen"] == 1  # not a sensitive category
    districts = {r.code: r.counts for r in rep.matrix if r.level == "district"}
    assert districts["SOUTH"]["complaint.kidnapping_ransom"] == 1
    assert any("below 3" in note for note in rep.footnotes)
    narrowed = report.compute(city.hq, StatisticsRequest(OCT, station="CLIF", public=True))
    assert narrowed.row("complaint.kidnapping_ransom") is None


def test_zz_silent_stations_late_bundles_and_what_changed_since_publishing(city: City) -> None:
    # Every bundle so far was written in December: none covers the whole of December yet.
    december = report.compute(city.hq, StatisticsRequest(Month(2026, 12)))
    assert december.as_of.silent_stations == ("CLIF", "FERO", "SADD")
    before = report.compute(city.hq, StatisticsRequest(OCT))
    assert before.as_of.silent_stations == ()
    assert before.publication is None
    published = publication.publish(city.hq, before)
    sc.late(city)  # Ferozabad's next bundle arrives after publication
    after = report.compute(city.hq, StatisticsRequest(OCT))
    assert after.publication is not None
    assert after.publication.counts == published.counts
    changed = {c.category: (c.published, c.now) for c in after.publication.changes}
    assert changed == {"four_wheeler.stolen": (2, 3)}
    [note] = [note for note in after.footnotes if "changed since" in note]
    assert published.published_by not in note  # footnotes go to the press: no account names
    with city.hq.store.read() as s:
        actions = set(s.scalars(select(AuditEntry.action)))
    assert {AuditAction.STATISTICS_PRODUCED, AuditAction.STATISTICS_PUBLISHED} <= actions


def test_the_records_behind_a_figure_leave_out_duplicates(city: City) -> None:
    req = StatisticsRequest(OCT)
    behind = report.records_behind(city.hq, req, "four_wheeler.snatched")
    rep = report.compute(city.hq, req)
    assert len(behind) == rep.row("four_wheeler.snatched").count  # type: ignore[union-attr]
    assert {r.police_station_code for r in behind} == {"SADD"}
    assert report.records_behind(city.hq, req, "two_wheeler.stolen", station="SADD") == []
    with city.hq.store.read() as s:
        actions = set(s.scalars(select(AuditEntry.action)))
    assert AuditAction.STATISTICS_LOOKED_UP in actions


def test_the_scope_is_named_in_each_language(city: City) -> None:
    # The bilingual PDF prints each language's own name; the window and the command line show
    # the one of the language they speak.
    station = report.compute(city.stations["SADD"], StatisticsRequest(OCT))
    assert station.scope_names == ("Saddar", "صدر")
    whole = report.compute(city.hq, StatisticsRequest(OCT))
    assert whole.scope_names == ("Karachi, city-wide", "کراچی، پورا شہر")
    i18n.set_language(i18n.URDU)
    assert report.compute(city.stations["SADD"], StatisticsRequest(OCT)).scope_label == "صدر"


def test_a_station_counts_its_own_records(city: City) -> None:
    rep = report.compute(city.stations["SADD"], StatisticsRequest(OCT))
    assert rep.request.station == "SADD" and rep.scope_label == "Saddar"
    assert rep.row("complaint.extortion").count == 4  # type: ignore[union-attr]
    assert rep.row("complaint.kidnapping_ransom").count == 0  # type: ignore[union-attr]
    # Its car snatched counts here although Ferozabad reported the same car later.
    assert rep.row("four_wheeler.snatched").count == 1  # type: ignore[union-attr]
    assert {m.code for m in rep.matrix if m.level == "station"} == {"SADD"}
    with pytest.raises(StatisticsError):
        report.compute(city.stations["SADD"], StatisticsRequest(OCT, station="CLIF"))


def test_bad_requests_say_what_to_do(city: City) -> None:
    with pytest.raises(StatisticsError, match="YYYY-MM"):
        Month.parse("October")
    with pytest.raises(StatisticsError, match="code"):
        report.compute(city.hq, StatisticsRequest(OCT, station="NOPE"))
    with pytest.raises(StatisticsError, match="Swap"):
        report.compute(city.hq, StatisticsRequest(OCT, to_month=Month(2026, 9)))
