"""An extract of the audit trail as a PDF: a heading, the filter used, and one row per entry.

Headings and cells in Urdu (an Urdu desk's own words, or data typed in Urdu) are laid out right
to left in Noto Naskh Arabic like the receipts (printing/bidi.py); the rest stays in the Latin
font."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from cplc_desk.domain.folding import has_arabic_script
from cplc_desk.domain.i18n import _
from cplc_desk.printing.bidi import MixedText, ScriptFonts
from cplc_desk.printing.fonts import bilingual_fonts

# Column widths in mm on landscape A4 (277 mm between the margins).
_WIDTHS = (14, 30, 14, 26, 40, 44, 109)


def render_audit_pdf(
    title: str, lines: Sequence[str], header: Sequence[str], rows: Iterable[Sequence[str]]
) -> bytes:
    fonts = bilingual_fonts()
    regular = ScriptFonts(fonts.regular, fonts.arabic)
    bold = ScriptFonts(fonts.bold, fonts.arabic_bold)
    heading = ParagraphStyle("h", fontName=fonts.bold, fontSize=13, leading=16)
    small = ParagraphStyle("s", fontName=fonts.regular, fontSize=8.5, leading=10.5)
    cell = ParagraphStyle("c", fontName=fonts.regular, fontSize=7.5, leading=9)
    head = ParagraphStyle("hc", fontName=fonts.bold, fontSize=7.5, leading=9)

    def text(value: str, style: ParagraphStyle) -> Flowable:
        if has_arabic_script(value):
            face = bold if style.fontName == fonts.bold else regular
            return MixedText(value, face, style.fontSize, arabic_scale=1.08)
        return Paragraph(escape(value), style)

    story: list[object] = [text(title, heading), Spacer(1, 2 * mm)]
    story += [text(line, small) for line in lines]
    story.append(Spacer(1, 3 * mm))
    data = [[text(h, head) for h in header]]
    data += [[text(str(v), cell) for v in row] for row in rows]
    if len(data) == 1:
        data.append([text(_("No entries match."), cell)] + [""] * (len(header) - 1))
    table = LongTable(data, colWidths=[w * mm for w in _WIDTHS], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=title,
        author="CPLC Desk",
        initialFontName=fonts.regular,
    )
    doc.build(story)
    return out.getvalue()
