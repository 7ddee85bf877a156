"""The statistics PDF for the press: built from reports made by hand (tests/printing/
statistics_sample.py) and from one computed over a small merged city, read back with pypdf (the
figures, both languages' headings, the footnotes) and pypdfium2 (the Urdu in reading order)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import statistics_city as sc
from hq_city import City, build_city
from pypdf import PdfReader

from cplc_desk.domain.statistics import Month, PublishedChange, StatisticsRequest
from cplc_desk.printing.statistics_layout import difference
from cplc_desk.printing.statistics_pdf import render_statistics
from cplc_desk.services.statistics import report as statistics
from tests.printing.statistics_sample import sample_report


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def reading_order(pdf: bytes) -> list[str]:
    """Each page's text as a reader copies it (Urdu in logical order, NFKC: no presentation
    forms)."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            unicodedata.normalize("NFKC", document[i].get_textpage().get_text_range())
            for i in range(len(document))
        ]
    finally:
        document.close()


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def public_pdf() -> bytes:
    return render_statistics(sample_report(public=True, published=True))


def test_page_one_is_the_city_summary_with_figures_and_changes(public_pdf: bytes) -> None:
    report = sample_report(public=True, published=True)
    first = squash(pages(public_pdf)[0])
    assert "Crime statistics, Mar 2026" in first
    assert "Scope: Karachi (city-wide)" in first
    assert "As of 6 Apr 2026, 12:15 PKT, from 1,288 merged bundles" in first
    assert "Stations that have sent nothing covering Mar 2026 (3): MOCH, GADP, SAHI." in first
    row = report.row("two_wheeler.snatched")
    assert row is not None
    expected = difference(row.vs_previous_month.absolute, row.vs_previous_month.percent)
    assert expected.startswith(f"{row.vs_previous_month.absolute:+,} (")  # difference first
    line = f"Two-wheelers snatched {row.count:,} {row.previous_month:,} {expected}"
    assert line in first
    assert f"{row.year_to_date:,} {row.previous_year_to_date:,}" in first
    # A zero base has no percentage: kidnapping for ransom went from 0 to 2.
    assert "Kidnapping for ransom 2 0 +2 0 +2" in first
    # Recovery: recovered against taken, as a rate.
    phones = next(r for r in report.recovery if r.group == "mobile_phone")
    assert f"Mobile phones {phones.taken:,} {phones.recovered:,} {phones.rate:.1f}%" in first
    # The published copy and what changed since (no one's name printed).
    assert "These figures were published on 2 Apr 2026, 14:30 PKT." in first
    assert "Four-wheelers snatched 78 82 +4" in first
    assert "hq.admin" not in "".join(pages(public_pdf))


def test_headings_in_english_and_urdu(public_pdf: bytes) -> None:
    text = squash(" ".join(pages(public_pdf)))  # English in order
    # Urdu word by word as drawn (pypdf), or in reading order (pypdfium2) where a line is Urdu.
    urdu_text = squash(unicodedata.normalize("NFKC", text)) + squash(
        " ".join(reading_order(public_pdf))
    )
    for english, urdu in (
        ("Crime statistics, Mar 2026", "جرائم کے اعداد و شمار، مارچ 2026"),
        ("The main categories", "اہم اقسام"),
        ("By zone and district", "زون اور ضلع وار"),
        ("By police station", "تھانہ وار"),
        ("13 months, Mar 2025 to Mar 2026", "13 مہینے، مارچ 2025 سے مارچ 2026 تک"),
        ("Street crime by hour of day and day of week", "اسٹریٹ کرائم"),
        ("Makes and models most stolen", "سب سے زیادہ چوری ہونے والی کمپنیاں اور ماڈل"),
        ("Police stations ranked", "تھانوں کی درجہ بندی"),
        ("Notes", "وضاحتیں"),
    ):
        assert english in text and urdu in urdu_text, english
    assert "بھتہ خوری" in urdu_text  # a category's own Urdu name
    assert "کلفٹن" in urdu_text  # a station's


def test_the_rest_of_the_tables_and_the_footnotes(public_pdf: bytes) -> None:
    report = sample_report(public=True, published=True)
    text = squash(" ".join(pages(public_pdf)))
    top = report.stations[0]
    assert f"1 {top.code} {top.name}" in text
    assert "Honda CD 70 612" in text and "Samsung Galaxy A52 140" in text
    assert "37 street-crime records have no time of incident" in text
    assert "Not shown: fewer than 3 at one station" in text
    assert "extortion are not shown (*)" in text
    suppressed = next(
        m for m in report.matrix
        if m.level == "station" and m.counts["complaint.extortion"] is None
    )  # fmt: skip
    assert suppressed.name in text
    assert " * " in text  # the suppressed cells, marked
    assert 8 <= len(pages(public_pdf)) <= 20


def test_no_star_without_suppression_and_no_published_copy() -> None:
    pdf = render_statistics(sample_report())
    text = squash(" ".join(pages(pdf)))
    assert "Not shown" not in text
    assert "Published copy" not in text
    assert "Crime statistics, Mar 2026" in text


def test_an_empty_report_still_prints() -> None:
    bare = sample_report()
    empty = replace(bare, matrix=(), makes=(), stations=(), trend=(), footnotes=(),
                    as_of=replace(bare.as_of, silent_stations=()))  # fmt: skip
    text = squash(" ".join(pages(render_statistics(empty))))
    assert "Every station has sent records covering Mar 2026." in text
    assert "Nothing to show." in text
    assert "By police station" not in text


def test_the_same_report_gives_the_same_bytes() -> None:
    assert render_statistics(sample_report()) == render_statistics(sample_report())


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path_factory.mktemp("statpdf"), template_store, sc.CODES)
    sc.fill(c)
    yield c
    c.close()


def test_a_computed_report_prints_its_own_figures(city: City) -> None:
    report = statistics.compute(city.hq, StatisticsRequest(Month(2026, 10), public=True))
    pdf = render_statistics(report)
    text = squash(" ".join(pages(pdf)))
    assert "Crime statistics, Oct 2026" in text
    for row in report.rows:
        if row.group in ("four_wheeler", "two_wheeler", "mobile_phone"):
            assert f"{row.name} {row.count:,} {row.previous_month:,}" in text, row.category
    for line in report.footnotes:
        assert squash(line)[:60] in text
    for station in report.stations:
        assert f"{station.rank} {station.code}" in text
    # The scope in each language's own words, on page one and in every page's foot.
    urdu = [squash(page) for page in reading_order(pdf)]
    assert "Scope: Karachi, city-wide" in text
    assert "کراچی، پورا شہر" in urdu[0] and "کراچی، پورا شہر" in urdu[-1]


def test_a_range_names_its_periods_and_many_changes_go_after_page_one() -> None:
    bare = sample_report(published=True)
    assert bare.publication is not None
    changes = tuple(
        PublishedChange(row.category, row.count - index - 1, row.count)
        for index, row in enumerate(bare.rows[:14])
    )
    ranged = replace(
        bare,
        request=StatisticsRequest(Month(2026, 1), Month(2026, 3)),
        publication=replace(bare.publication, changes=changes),
    )
    text = pages(render_statistics(ranged))
    first, second = squash(text[0]), squash(text[1])
    assert "Crime statistics, Jan 2026 – Mar 2026" in first
    assert "These months" in first and "The months before" in first
    assert "Jan 2026 – Mar 2026 Oct 2025 – Dec 2025" in first  # the periods compared
    assert "Jan 2025 – Mar 2025" in first  # the same months last year
    assert "8 more figures changed; every change is listed after this page." in first
    # Page 1 shows the six largest changes; page 2 all fourteen.
    assert "Mobile phones snatched 1,013 1,027 +14" in first
    assert "Four-wheelers stolen 58 59 +1" not in first
    assert "What changed since publication" in second
    assert "Four-wheelers stolen 58 59 +1" in second
