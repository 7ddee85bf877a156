"""The monthly crime statistics headquarters hands to the press and the police, as a PDF.

Landscape A4 throughout, every heading and column title in English and Urdu together (like the
receipts, whatever language the desk shows), the figures as :mod:`cplc_desk.services.statistics`
computed them and nothing else: the report holds no personal data and this adds none.

1. One page of city (or station, or district) summary: the month and scope, how current the
   figures are (when computed, from how many bundles, which stations have sent nothing covering
   the month), the main categories against last month, the same month last year and the year to
   date (the difference first, the percentage after), recovery rates, and, for a month already
   published, the published copy and what has changed since.
2. Every category on the same terms; the zone and district x category matrix; the station
   table; 13-month trend charts of the main categories; street crime by hour and day; the makes
   and models most stolen; stations ranked; footnotes.

Long tables run across pages with their header repeated. The same report renders to the same
bytes (ReportLab's invariant mode).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)

from cplc_desk.domain import i18n
from cplc_desk.domain.i18n import N_
from cplc_desk.domain.statistics import StatisticsReport
from cplc_desk.printing.bidi import MixedText
from cplc_desk.printing.fonts import ReceiptFonts, bilingual_fonts
from cplc_desk.printing.receipt_layout import Scaled, content_height
from cplc_desk.printing.receipt_wording import both
from cplc_desk.printing.statistics_charts import hour_day_table, trend_grid, trend_panel
from cplc_desk.printing.statistics_layout import (
    Kit,
    filled,
    month_label,
    period_label,
    scope_names,
)
from cplc_desk.printing.statistics_summary import CHANGES_ON_PAGE_ONE, summary_page
from cplc_desk.printing.statistics_summary import TITLE as _TITLE
from cplc_desk.printing.statistics_tables import (
    category_table,
    changes_table,
    main_categories,
    makes_table,
    matrix_tables,
    ranking_table,
)

PAGE = landscape(A4)
MARGIN = 12 * mm
FOOTER = 8 * mm
WIDTH = PAGE[0] - 2 * MARGIN
HEIGHT = PAGE[1] - 2 * MARGIN - FOOTER


_FOOTER = N_("CPLC crime statistics, {period} · {scope} · page {page}")


def render_statistics(report: StatisticsReport, fonts: ReceiptFonts | None = None) -> bytes:
    """The report as a PDF (bytes)."""
    kit = Kit(fonts or bilingual_fonts())
    first, last = str(report.request.month), str(report.request.last)
    buffer = io.BytesIO()
    frame = Frame(MARGIN, MARGIN + FOOTER, WIDTH, HEIGHT, 0, 0, 0, 0, id="page")
    template = PageTemplate(id="landscape", frames=[frame], onPage=_footer(kit, report))
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        pageTemplates=[template],
        title=both(_TITLE)[0].format(period=period_label(first, last)),
        author="CPLC Desk",
        creator="CPLC Desk",
        subject=scope_names(report)[0],
        invariant=1,  # same report, same bytes
        lang="en",
        initialFontName=kit.fonts.regular,
    )
    doc.build(_story(kit, report))
    return buffer.getvalue()


def _story(kit: Kit, report: StatisticsReport) -> list[Flowable]:
    page_one = summary_page(kit, report, WIDTH)
    tall = content_height(page_one, WIDTH)
    story: list[Flowable] = page_one
    if tall > HEIGHT:  # a long publication note: the page is shrunk to stay one page
        scaled = Scaled(page_one, WIDTH, HEIGHT / tall * 0.995)
        scaled.hAlign = "CENTER"
        story = [scaled]
    story.append(PageBreak())
    publication = report.publication
    if publication is not None and len(publication.changes) > CHANGES_ON_PAGE_ONE:
        story += _section(kit, N_("What changed since publication"))
        story += [
            changes_table(kit, report, publication.changes, WIDTH * 0.7),
            CondPageBreak(120 * mm),
        ]
    story += _section(kit, N_("Every category"))
    story.append(category_table(kit, report, report.rows, WIDTH))
    story += _matrix(kit, report)
    story += _trends(kit, report)
    story += _hour_day(kit, report)
    story += [CondPageBreak(60 * mm), *_section(kit, N_("Makes and models most stolen"))]
    story.append(makes_table(kit, report.makes, WIDTH))
    story += [CondPageBreak(60 * mm), *_section(kit, N_("Police stations ranked"))]
    story += kit.sentence(N_("All categories together, over the months of this report."))
    story += [Spacer(1, 1.5 * mm), ranking_table(kit, report.stations, WIDTH)]
    story += _footnotes(kit, report)
    return story


def _section(kit: Kit, message: str, **values: str | tuple[str, str]) -> list[Flowable]:
    return [Spacer(1, 4 * mm), kit.heading_of(message, WIDTH, **values), Spacer(1, 2 * mm)]


def _matrix(kit: Kit, report: StatisticsReport) -> list[Flowable]:
    areas = [m for m in report.matrix if m.level in ("zone", "district")]
    stations = [m for m in report.matrix if m.level == "station"]
    out: list[Flowable] = []
    if areas:
        out += [PageBreak(), *_section(kit, N_("By zone and district"))]
        for table in matrix_tables(kit, report, areas, WIDTH, every_category=True):
            out += [table, Spacer(1, 4 * mm)]
    if stations:
        out += [CondPageBreak(70 * mm), *_section(kit, N_("By police station"))]
        out += kit.sentence(
            N_("The main categories; the total counts every category. Every category for "
               "every station is in the CSV and XLSX exports.")
        )  # fmt: skip
        out.append(Spacer(1, 1.5 * mm))
        out += matrix_tables(kit, report, stations, WIDTH, every_category=False)
    return out


def _trends(kit: Kit, report: StatisticsReport) -> list[Flowable]:
    by_code = {s.category: s for s in report.trend}
    panels: list[Flowable] = []
    across = 3
    panel_width = (WIDTH - 5 * mm * (across - 1)) / across
    for row in main_categories(report):
        series = by_code.get(row.category)
        if series is None:
            continue
        panels.append(
            trend_panel(kit, (row.name, row.name_ur), series.months, series.counts, panel_width)
        )
    if not panels:
        return []
    months = next(iter(by_code.values())).months
    head = _section(
        kit,
        N_("13 months, {first} to {last}"),
        first=(month_label(months[0]), month_label(months[0], i18n.URDU)),
        last=(month_label(months[-1]), month_label(months[-1], i18n.URDU)),
    )
    return [PageBreak(), *head, *trend_grid(kit, panels, WIDTH, across)]


def _hour_day(kit: Kit, report: StatisticsReport) -> list[Flowable]:
    hours = report.hour_day
    names = {c.code: (c.name, c.name_ur) for c in report.categories}
    english = ", ".join(names.get(c, (c, c))[0] for c in hours.categories)
    urdu = "، ".join(names.get(c, (c, c))[1] for c in hours.categories)
    out: list[Flowable] = [CondPageBreak(90 * mm)]
    out += _section(kit, N_("Street crime by hour of day and day of week"))
    out += kit.sentence(
        N_("Pakistan time, records with a known time of incident: {categories}."),
        categories=(english, urdu),
    )
    out += [Spacer(1, 1.5 * mm), hour_day_table(kit, hours.cells, WIDTH), Spacer(1, 1.5 * mm)]
    if hours.unknown_time:
        out += kit.sentence(
            N_("{count} street-crime records have no time of incident and are not in the table."),
            count=f"{hours.unknown_time:,}",
        )
    return out


def _footnotes(kit: Kit, report: StatisticsReport) -> list[Flowable]:
    """The report's own footnotes (its definitions, the public report's suppression, who has
    not sent bundles), in Urdu too where the catalogue has the sentence as it stands."""
    out: list[Flowable] = [CondPageBreak(40 * mm), *_section(kit, N_("Notes"))]
    if any(v is None for m in report.matrix for v in m.counts.values()):
        out += [*kit.sentence(N_("* Not shown: fewer than 3 at one station (see below).")),
                Spacer(1, 1 * mm)]  # fmt: skip
    for line in report.footnotes:
        out.append(kit.text(line, kit.small))
        urdu = i18n.in_language(i18n.URDU, line)
        if urdu != line:
            out.append(kit.urdu(urdu, kit.small.fontSize))
        out.append(Spacer(1, 1 * mm))
    return out


def _footer(kit: Kit, report: StatisticsReport) -> Any:
    """Each page's foot: the months (as YYYY-MM, the way the command and the exports name
    them, so a loose page can be matched to its file), the scope and the page number."""
    first, last = str(report.request.month), str(report.request.last)
    period = first if first == last else f"{first} – {last}"

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        english, urdu = filled(
            _FOOTER, period=period, scope=scope_names(report), page=str(doc.page)
        )
        canvas.saveState()
        canvas.setFont(kit.fonts.regular, 7)
        canvas.drawString(MARGIN, MARGIN, english)
        line = MixedText(urdu, kit.regular, 7, rtl=True, arabic_scale=1.08)
        line.wrapOn(canvas, WIDTH / 2, FOOTER)
        line.drawOn(canvas, MARGIN + WIDTH / 2, MARGIN - 2)
        canvas.restoreState()

    return draw
