"""The pieces the statistics PDF is laid out from: its styles, English-and-Urdu headings and
table cells, the figures' formats and the tables that run across pages with their header
repeated. Every text is marked with ``N_`` and printed in English and in Urdu together, whatever
language the desk shows (printing/receipt_wording.py's :func:`both`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Table, TableStyle

from cplc_desk.domain import i18n
from cplc_desk.domain.folding import has_arabic_script
from cplc_desk.domain.i18n import N_
from cplc_desk.domain.statistics import StatisticsReport
from cplc_desk.printing.bidi import LEFT, RIGHT, MixedText, ScriptFonts
from cplc_desk.printing.fonts import ReceiptFonts
from cplc_desk.printing.receipt_wording import Both, both

HEADER_GREY = colors.HexColor("#dcdcdc")
ZEBRA = colors.HexColor("#f3f3f3")
LINE_GREY = colors.HexColor("#9a9a9a")

MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip
DAYS = (
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
)  # fmt: skip
GROUPS = {
    "four_wheeler": N_("Four-wheelers (cars, commercial vehicles)"),
    "two_wheeler": N_("Two-wheelers (motorcycles)"),
    "rickshaw": N_("Rickshaws"),
    "other_vehicle": N_("Other vehicles"),
    "mobile_phone": N_("Mobile phones"),
    "complaint": N_("Complaints"),
}
LEVELS = {"zone": N_("Zone"), "district": N_("District"), "station": N_("Police station")}


def filled(message: str, **values: str | Both) -> Both:
    """(English, Urdu) of a message marked with ``N_``, its blanks filled; a value given as
    (English, Urdu) goes into each language's own."""
    english, urdu = both(message)
    return (
        english.format(**{k: v if isinstance(v, str) else v[0] for k, v in values.items()}),
        urdu.format(**{k: v if isinstance(v, str) else v[1] for k, v in values.items()}),
    )


def scope_names(report: StatisticsReport) -> Both:
    """The report's scope in English and in Urdu (the city, a district, a station)."""
    english, urdu = report.scope_names
    return (english or report.scope_label, urdu or english or report.scope_label)


def month_label(text: str, language: str = i18n.ENGLISH) -> str:
    """``2026-03`` as ``Mar 2026`` (in the language asked)."""
    year, month = text.split("-")
    return f"{i18n.in_language(language, MONTHS[int(month) - 1])} {year}"


def period_label(first: str, last: str, language: str = i18n.ENGLISH) -> str:
    if first == last:
        return month_label(first, language)
    return f"{month_label(first, language)} – {month_label(last, language)}"


def count(value: int | None) -> str:
    """A figure; a suppressed one (a public report's small station cell) as ``*``."""
    return "*" if value is None else f"{value:,}"


def difference(absolute: int, percent: float | None) -> str:
    """The change: the difference first, the percentage after it (none when the earlier figure
    is 0): ``+3 (+12.5%)``, ``-2 (-40.0%)``, ``+4``."""
    text = f"{absolute:+,}" if absolute else "0"
    return text if percent is None else f"{text} ({percent:+.1f}%)"


def rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


class Kit:
    """The fonts and styles of one PDF, and the flowables made with them."""

    def __init__(self, fonts: ReceiptFonts) -> None:
        self.fonts = fonts
        self.regular = ScriptFonts(fonts.regular, fonts.arabic or fonts.regular)
        self.bold_faces = ScriptFonts(fonts.bold, fonts.arabic_bold or fonts.bold)
        self.title = self._style(fonts.bold, 16)
        self.heading = self._style(fonts.bold, 12)
        self.body = self._style(fonts.regular, 9)
        self.small = self._style(fonts.regular, 7.5)
        self.cell = self._style(fonts.regular, 7)
        self.cell_bold = self._style(fonts.bold, 7)
        self.head = self._style(fonts.bold, 6.5)
        self.head_figure = self._style(fonts.bold, 6.5, TA_RIGHT)

    @staticmethod
    def _style(font: str, size: float, align: int = TA_LEFT) -> ParagraphStyle:
        return ParagraphStyle(
            f"{font}-{size}-{align}",
            fontName=font,
            fontSize=size,
            leading=round(size * 1.25, 1),
            alignment=align,
        )

    def english(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text), style or self.body)

    def urdu(self, text: str, size: float, *, bold: bool = False, align: str = RIGHT) -> Flowable:
        return MixedText(
            text, self.bold_faces if bold else self.regular, size, align=align, rtl=True,
            arabic_scale=1.08, leading=round(size * 1.5, 1),
        )  # fmt: skip

    def text(self, value: str, style: ParagraphStyle | None = None) -> Flowable:
        """A value in whichever script it is in (a station's or a make's own name)."""
        style = style or self.cell
        if has_arabic_script(value):
            faces = self.bold_faces if style.fontName == self.fonts.bold else self.regular
            return MixedText(value, faces, style.fontSize, arabic_scale=1.08)
        return Paragraph(escape(value), style)

    def titled(self, words: Both, style: ParagraphStyle, width: float) -> Table:
        """English on the left and its Urdu on the right of one row."""
        urdu = self.urdu(words[1], style.fontSize, bold=style.fontName == self.fonts.bold)
        return plain_grid(
            [[self.english(words[0], style), urdu]],
            [width * 0.55, width * 0.45],
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            font=self.fonts.regular,
        )

    def heading_of(self, message: str, width: float, **values: str | Both) -> Table:
        return self.titled(filled(message, **values), self.heading, width)

    def sentence(self, message: str, **values: str | Both) -> list[Flowable]:
        """A note in English, its Urdu under it."""
        english, urdu = filled(message, **values)
        return [
            self.english(english, self.small),
            self.urdu(urdu, self.small.fontSize),
        ]

    def column(self, message: str, *, figure: bool = True) -> list[Flowable]:
        """A column's heading: English over Urdu."""
        english, urdu = both(message)
        return self.column_both((english, urdu), figure=figure)

    def column_both(self, words: Both, *, figure: bool = True, width: float = 0) -> list[Flowable]:
        """A column's heading given in both languages; with ``width``, English words too long
        for it are broken after their hyphens ("Four-" / "wheelers"), not inside a syllable."""
        style = self.head_figure if figure else self.head
        english = escape(words[0])
        if width:
            for size in (style.fontSize, 6.0, 5.5):
                style = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size,
                                       leading=round(size * 1.2, 1))  # fmt: skip
                lines = broken(words[0], style, width)
                if all(stringWidth(x, style.fontName, size) <= width for x in lines):
                    break
            english = "<br/>".join(escape(line) for line in lines)
        return [
            Paragraph(english, style),
            self.urdu(words[1], style.fontSize, bold=True, align=RIGHT if figure else LEFT),
        ]


def broken(text: str, style: ParagraphStyle, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` where it can be: between words, or after a
    hyphen inside a word that is too long on its own."""

    def fits(line: str) -> bool:
        return bool(stringWidth(line, style.fontName, style.fontSize) <= width)

    pieces: list[tuple[str, bool]] = []  # (piece, a space before it)
    for word in text.split():
        parts = word.split("-")
        if fits(word) or len(parts) == 1:
            pieces.append((word, True))
            continue
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            pieces.append((part if last else part + "-", index == 0))
    lines: list[str] = []
    for piece, spaced in pieces:
        joined = (lines[-1] + (" " if spaced else "") + piece) if lines else piece
        if lines and fits(joined):
            lines[-1] = joined
        else:
            lines.append(piece)
    return lines


def plain_grid(cells: list[list[Any]], widths: list[float], *commands: Any, font: str) -> Table:
    """A table without padding or lines (unless ``commands`` add them)."""
    table = Table(cells, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font),  # not the unembedded Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    return table


def figures_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    font: str,
    header_rows: int = 1,
    bold_rows: Sequence[int] = (),
    extra: Sequence[Any] = (),
    right: Sequence[int] = (),
) -> LongTable:
    """A table of figures: header rows shaded and repeated on every page it runs onto, light
    lines, every other row tinted so a row can be followed across a landscape page."""
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), font, 7),
        ("GRID", (0, 0), (-1, -1), 0.25, LINE_GREY),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in range(header_rows, len(rows)):
        if (index - header_rows) % 2:
            commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    # Figures are plain strings (drawn far faster than paragraphs), right-aligned.
    commands += [("ALIGN", (col, header_rows), (col, -1), "RIGHT") for col in right]
    for index in bold_rows:
        commands.append(("LINEABOVE", (0, index), (-1, index), 0.8, colors.black))
    table = LongTable(list(rows), colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def spread(total: float, fixed: Sequence[float], flexible: int) -> list[float]:
    """Column widths: the fixed ones, then ``flexible`` columns sharing what is left."""
    rest = max(total - sum(fixed), 0.0)
    return [*fixed, *([rest / flexible] * flexible)] if flexible else list(fixed)


GAP = 4 * mm
