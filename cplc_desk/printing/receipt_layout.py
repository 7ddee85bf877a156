"""A receipt's page and its building blocks: the two layouts (A5 and an 80 mm roll), the styles, and the English-and-Urdu pieces and tables a receipt is laid out from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Paragraph,
    Table,
    TableStyle,
)

from cplc_desk.printing.bidi import CENTRE, RIGHT, MixedText, ScriptFonts
from cplc_desk.printing.fonts import ReceiptFonts

LAYOUTS = ("a5", "80mm")


@dataclass(frozen=True)
class Layout:
    width: float
    height: float | None  # None: as long as the content (a roll)
    margin_x: float
    margin_y: float
    body: float  # font sizes in points
    small: float
    heading: float
    title: float
    number: float  # largest size; shrunk if the number would not fit on one line
    qr: float  # side of the QR drawing, quiet zone included
    label_width: float
    qr_beside_number: bool


LAYOUT_SPECS = {
    "a5": Layout(
        width=148 * mm,
        height=210 * mm,
        margin_x=12 * mm,
        margin_y=8 * mm,
        body=9.5,
        small=8,
        heading=11,
        title=14,
        number=20,
        qr=35 * mm,  # symbol about 26 mm: a phone reads it from arm's length
        label_width=27 * mm,
        qr_beside_number=True,
    ),
    "80mm": Layout(
        width=80 * mm,
        height=None,
        margin_x=4 * mm,  # 72 mm printable on an 80 mm roll
        margin_y=5 * mm,
        body=9.5,
        small=8,  # nothing smaller: thermal print fades and blurs
        heading=9.5,
        title=14,
        number=18,
        qr=44 * mm,  # symbol about 32 mm wide
        label_width=25 * mm,
        qr_beside_number=False,
    ),
}


class Styles:
    def __init__(self, spec: Layout, fonts: ReceiptFonts) -> None:
        self.fonts = fonts
        self.spec = spec
        self.urdu = bool(fonts.arabic)
        self.regular = ScriptFonts(fonts.regular, fonts.arabic or fonts.regular)
        self.bold = ScriptFonts(fonts.bold, fonts.arabic_bold or fonts.bold)
        self.roll = spec.height is None
        centre = TA_CENTER if self.roll else TA_LEFT
        self.heading = self._style(fonts.bold, spec.heading, centre)
        self.title = self._style(fonts.bold, spec.title, centre, space_before=1)
        self.label = self._style(fonts.bold, spec.small, TA_LEFT)
        self.value = self._style(fonts.regular, spec.body, TA_LEFT)
        self.small = self._style(fonts.regular, spec.small, TA_LEFT)
        self.section = self._style(fonts.bold, spec.body + 1, TA_LEFT, space_before=6)
        self.copy = self._style(fonts.bold, spec.body + 1.5, TA_CENTER)
        self.number_label = self._style(fonts.bold, spec.small, centre)
        self.number_hint = self._style(fonts.regular, spec.small, centre)

    def _style(self, font: str, size: float, align: int, space_before: float = 0) -> ParagraphStyle:
        return ParagraphStyle(
            name=f"{font}-{size}-{align}",
            fontName=font,
            fontSize=size,
            leading=round(size * 1.25, 1),
            alignment=align,
            spaceBefore=space_before,
        )

    def number(self, size: float, align: int) -> ParagraphStyle:
        style = self._style(self.fonts.bold, size, align)
        style.leading = size * 1.15
        return style

    def english(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text), style)

    def urdu_text(
        self, text: str, size: float, *, bold: bool = False, align: str = RIGHT
    ) -> MixedText:
        """Urdu (a sentence of the catalogue: right to left whatever it starts with)."""
        return MixedText(
            text, self.bold if bold else self.regular, size, align=align, rtl=True,
            arabic_scale=1.08, leading=round(size * 1.4, 1),
        )  # fmt: skip

    def data(
        self, text: str, size: float, *, bold: bool = False, align: str | None = None
    ) -> Flowable:
        """The citizen's own words: laid out by the script they were typed in."""
        if not self.urdu:
            return Paragraph(
                escape(text),
                self._style(self.fonts.bold if bold else self.fonts.regular, size, TA_LEFT),
            )
        return MixedText(
            text, self.bold if bold else self.regular, size, align=align, arabic_scale=1.08
        )


def pair(
    english: str, urdu: str, st: Styles, style: ParagraphStyle, *, bold: bool = False
) -> list[Flowable]:
    """English, then its Urdu, one under the other (centred on the roll, each to its own side
    on A5)."""
    if not st.urdu:
        return [st.english(english, style)]
    align = CENTRE if st.roll and style.alignment == TA_CENTER else RIGHT
    return [
        st.english(english, style),
        st.urdu_text(urdu, style.fontSize, bold=bold or "Bold" in style.fontName, align=align),
    ]


def side_by_side(
    english: str, urdu: str, st: Styles, style: ParagraphStyle, width: float, *, fit: bool = False
) -> list[Flowable]:
    """English on the left and Urdu on the right of one row (a sentence in two halves). With
    ``fit`` (a heading), each keeps its one line: side by side when both fit, else one above
    the other."""
    if not st.urdu:
        return [st.english(english, style)]
    bold = "Bold" in style.fontName
    urdu_text = st.urdu_text(urdu, style.fontSize, bold=bold)
    gap = 4 * mm
    if fit:
        english_width = stringWidth(english, style.fontName, style.fontSize)
        urdu_text.wrap(width, 1000)
        urdu_width = max(urdu_text.line_widths())
        if english_width + urdu_width + gap > width:
            return pair(english, urdu, st, style, bold=bold)
        left = english_width + gap / 2 + (width - english_width - urdu_width - gap) / 2
        widths = [left, width - left]
    else:
        widths = [width / 2, width / 2]
    return [
        grid(
            [[st.english(english, style), urdu_text]],
            widths,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (0, 0), gap / 2),
            ("LEFTPADDING", (1, 0), (1, 0), gap / 2),
            font=st.fonts.regular,
        )
    ]


def rule() -> HRFlowable:
    return HRFlowable(
        width="100%", thickness=0.8, color="black", spaceBefore=2.5 * mm, spaceAfter=2.5 * mm
    )


def grid(cells: list[list[Any]], widths: list[float], *commands: Any, font: str) -> Table:
    """A table without padding (unless ``commands`` add some)."""
    table = Table(cells, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                # The cells' default font would put an unembedded Helvetica into the PDF.
                ("FONT", (0, 0), (-1, -1), font),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    return table


def qr_code(value: str, side: float, font: str) -> Drawing:
    # Level M survives a smudge or a fold; the 4-module quiet zone is inside ``side``.
    drawing = Drawing(side, side, initialFontName=font)  # not the default, unembedded Helvetica
    drawing.add(QrCodeWidget(value, barLevel="M", barBorder=4, barWidth=side, barHeight=side))
    return drawing


def field_labels(label: tuple[str, str], st: Styles, width: float) -> list[Flowable]:
    """A field's English label on the left and its Urdu label on the right of one line."""
    if not st.urdu:
        return [st.english(label[0], st.label)]
    return [
        grid(
            [[st.english(label[0], st.label), st.urdu_text(label[1], st.spec.small, bold=True)]],
            [width / 2, width / 2],
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            font=st.fonts.regular,
        )
    ]


def fitted_size(text: str, font: str, largest: float, width: float) -> float:
    """The largest size up to ``largest`` at which ``text`` fits ``width`` on one line."""
    at_one_point = stringWidth(text, font, 1) or 1
    return max(8.0, min(largest, width * 0.98 / at_one_point))


def content_height(flowables: list[Flowable], width: float) -> float:
    """How tall the content is, laid out in a frame as wide as the roll's: each flowable's
    height and the space between them (none above the first, as in a frame)."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, 10_000.0)
        before = flowable.getSpaceBefore() if index else 0.0
        total += before + h + flowable.getSpaceAfter()
    return total + 1  # one point of slack for rounding


class Scaled(Flowable):  # type: ignore[misc]
    """Flowables laid out ``width`` wide and drawn ``scale`` times their size: a fixed page's
    content that would not fit at full size, tables and all still spanning the page (ReportLab's
    KeepInFrame would wrap the text wider but leave the tables at their width)."""

    def __init__(self, flowables: list[Flowable], width: float, scale: float) -> None:
        super().__init__()
        self._content = flowables
        self._layout_width = width
        self._scale = scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self._layout_width * self._scale
        self.height = content_height(self._content, self._layout_width) * self._scale
        return self.width, self.height

    def draw(self) -> None:
        # As a frame would lay them out (content_height measures the same way), top down.
        self.canv.scale(self._scale, self._scale)
        y = self.height / self._scale
        for index, flowable in enumerate(self._content):
            w, h = flowable.wrap(self._layout_width, 10_000.0)
            y -= (flowable.getSpaceBefore() if index else 0.0) + h
            flowable.drawOn(self.canv, 0, y, _sW=self._layout_width - w)
            y -= flowable.getSpaceAfter()
