"""The statistics report as a PDF. For now one page: the headings in English and Urdu, the as-of
line and the category table (this month, the month before, a year before, year to date and last
year's, with the change in numbers before the percentage), and the footnotes. The press PDF
(city summary, district matrix, trend charts, the station table) replaces this body and keeps
:func:`render_statistics`'s signature."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cplc_desk.domain.folding import has_arabic_script
from cplc_desk.domain.i18n import _
from cplc_desk.domain.statistics import Change, StatisticsReport
from cplc_desk.printing.bidi import MixedText, ScriptFonts
from cplc_desk.printing.fonts import bilingual_fonts

_WIDTHS = (62, 58, 20, 20, 20, 20, 20, 29, 29)  # mm, 277 between the margins


def _change(c: Change) -> str:
    sign = "+" if c.absolute > 0 else ""
    pct = "" if c.percent is None else f" ({'+' if c.percent > 0 else ''}{c.percent:.1f}%)"
    return f"{sign}{c.absolute}{pct}"


def render_statistics(report: StatisticsReport) -> bytes:
    """The report as PDF bytes (no personal data: figures and names of places only)."""
    fonts = bilingual_fonts()
    regular = ScriptFonts(fonts.regular, fonts.arabic)
    bold = ScriptFonts(fonts.bold, fonts.arabic_bold)
    heading = ParagraphStyle("h", fontName=fonts.bold, fontSize=13, leading=16)
    small = ParagraphStyle("s", fontName=fonts.regular, fontSize=8, leading=10)
    cell = ParagraphStyle("c", fontName=fonts.regular, fontSize=7.5, leading=9)
    head = ParagraphStyle("hc", fontName=fonts.bold, fontSize=7.5, leading=9)

    def text(value: str, style: ParagraphStyle) -> Flowable:
        if has_arabic_script(value):
            face = bold if style.fontName == fonts.bold else regular
            return MixedText(value, face, style.fontSize, arabic_scale=1.08)
        return Paragraph(escape(value), style)

    req = report.request
    span = str(req.month) if req.to_month is None else f"{req.month} - {req.last}"
    title = _("CPLC crime statistics: {scope}, {span}").format(scope=report.scope_label, span=span)
    as_of = _("As of {when} UTC, from {n} bundles.").format(
        when=report.as_of.computed_at.strftime("%Y-%m-%d %H:%M"), n=report.as_of.bundles
    )
    story: list[Flowable] = [
        text(title, heading),
        text("سی پی ایل سی: جرائم کے اعداد و شمار", heading),
        Spacer(1, 2 * mm),
        text(as_of, small),
        Spacer(1, 3 * mm),
    ]
    header = [
        _("Category"), "زمرہ", _("This period"), _("Before"), _("A year before"),
        _("Year to date"), _("Last year to date"), _("Change on a year before"),
        _("Change, year to date"),
    ]  # fmt: skip
    data = [[text(h, head) for h in header]]
    for r in report.rows:
        values = [r.name, r.name_ur or "", str(r.count), str(r.previous_month)]
        values += [str(r.same_month_last_year), str(r.year_to_date), str(r.previous_year_to_date)]
        values += [_change(r.vs_last_year), _change(r.vs_previous_year_to_date)]
        data.append([text(v, cell) for v in values])
    table = Table(data, colWidths=[w * mm for w in _WIDTHS], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [table, Spacer(1, 3 * mm)]
    story += [text(note, small) for note in report.footnotes]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=8 * mm,
        bottomMargin=8 * mm,
        title=title,
        author="CPLC Desk",
        initialFontName=fonts.regular,
    )
    doc.build(story)
    return out.getvalue()
