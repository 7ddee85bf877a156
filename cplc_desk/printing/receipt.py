"""The receipt a citizen takes home after registering a complaint or a vehicle report, rendered
to PDF bytes, in English and Urdu together.

Two layouts: ``a5`` (A5 portrait, for a laser printer) and ``80mm`` (an 80 mm thermal roll with
72 mm printable width, its length fitted to the content). Everything is black on white, so a
thermal printer and a photocopy keep it all; a reprint says COPY in words inside a box.

Every label and sentence is printed in English and in Urdu, whatever language the desk shows
(the citizen may read either): on A5 English labels sit left of the value and Urdu labels right
of it; on the roll each English label has its Urdu one beside it, the value below. The citizen's
own data (name, place, narrative) prints in whatever script it was typed, Urdu right to left and
joined, numbers and codes left to right (printing/bidi.py). Texts are marked with ``N_`` and
looked up in both catalogues. The same data renders to the same bytes (ReportLab's invariant
mode), which tests rely on.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cplc_desk.domain import i18n
from cplc_desk.domain.clock import to_local
from cplc_desk.domain.i18n import N_
from cplc_desk.printing.bidi import CENTRE, RIGHT, MixedText, ScriptFonts
from cplc_desk.printing.fonts import ReceiptFonts, bilingual_fonts

LAYOUTS = ("a5", "80mm")


class ReceiptView(Protocol):
    """What a receipt shows (the services' ReceiptData has these); personal data already masked."""

    @property
    def number(self) -> str: ...
    @property
    def registered_at(self) -> datetime: ...
    @property
    def desk_name(self) -> str: ...
    @property
    def desk_code(self) -> str: ...
    @property
    def complainant(self) -> str: ...
    @property
    def cnic_masked(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def police_station(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def fir_number(self) -> str | None: ...
    @property
    def copy(self) -> bool: ...
    @property
    def printed_at(self) -> datetime: ...


@dataclass(frozen=True)
class _Layout:
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


_LAYOUTS = {
    "a5": _Layout(
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
    "80mm": _Layout(
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


_MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip
_WHEN = N_("{day} {month} {year}, {hh:02d}:{mm:02d} PKT")


def format_pkt(value: datetime, language: str = i18n.ENGLISH) -> str:
    """``24 Nov 2026, 14:05 PKT``: Pakistan time, month named (not locale-dependent strftime)."""
    local = to_local(value)
    month = i18n.in_language(language, _MONTHS[local.month - 1])
    return i18n.in_language(language, _WHEN).format(
        day=local.day, month=month, year=local.year, hh=local.hour, mm=local.minute
    )


def format_numeric(value: datetime) -> str:
    """``24/11/2026 14:05``: Pakistan time, read the same in both languages."""
    local = to_local(value)
    return f"{local.day:02d}/{local.month:02d}/{local.year} {local.hour:02d}:{local.minute:02d}"


def _both(message: str) -> tuple[str, str]:
    """(English, Urdu) of a message marked with ``N_``."""
    return message, i18n.in_language(i18n.URDU, message)


def render_receipt(data: ReceiptView, layout: str, fonts: ReceiptFonts | None = None) -> bytes:
    """The receipt as a one-page PDF. ``fonts`` without an Arabic-script face (e.g. Helvetica)
    prints English only."""
    if layout not in _LAYOUTS:
        raise ValueError(f"unknown receipt layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    spec = _LAYOUTS[layout]
    styles = _Styles(spec, fonts or bilingual_fonts())
    inner_width = spec.width - 2 * spec.margin_x

    flowables = _story(data, spec, styles, inner_width)
    height = spec.height or _content_height(flowables, inner_width) + 2 * spec.margin_y
    buffer = io.BytesIO()
    frame = Frame(
        spec.margin_x,
        spec.margin_y,
        inner_width,
        height - 2 * spec.margin_y,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    words = _wording(data)
    title = words.document[0].format(number=data.number)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(spec.width, height),
        pageTemplates=[PageTemplate(id="receipt", frames=[frame])],
        title=title + (" (copy)" if data.copy else ""),
        author="CPLC Desk",
        creator="CPLC Desk",
        subject=words.title[0],
        invariant=1,  # fixed dates and document id: same data, same bytes
        lang="en",
        initialFontName=styles.fonts.regular,  # no stray reference to an unembedded font
    )
    if spec.height is not None:
        # A fixed page: content that would not fit (a long narrative) shrinks a little rather
        # than spilling a second sheet the citizen may lose.
        flowables = [KeepInFrame(inner_width, height - 2 * spec.margin_y, flowables, mode="shrink")]
    doc.build(flowables)
    return buffer.getvalue()


# ------------------------------------------------------------------ building blocks


class _Styles:
    def __init__(self, spec: _Layout, fonts: ReceiptFonts) -> None:
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


@dataclass(frozen=True)
class _Wording:
    """The words that differ between a complaint receipt and a vehicle owner's receipt, each as
    (English, Urdu)."""

    title: tuple[str, str]
    document: tuple[str, str]
    hint: tuple[str, str]
    person: tuple[str, str]
    category: tuple[str, str]
    summary: tuple[str, str]
    next_steps: tuple[tuple[str, str], ...]


def _wording(data: ReceiptView) -> _Wording:
    # ``kind`` is optional on the data: complaint receipts were first and do not carry it.
    if getattr(data, "kind", "complaint") == "vehicle_report":
        return _Wording(
            title=_both(N_("Vehicle report receipt")),
            document=_both(N_("CPLC vehicle report receipt {number}")),
            hint=_both(N_("Quote this number when you ask about your vehicle.")),
            person=_both(N_("Owner")),
            category=_both(N_("Reported")),
            summary=_both(N_("Vehicle")),
            next_steps=tuple(_both(m) for m in (
                N_("CPLC records the vehicle city-wide, so that every CPLC desk and the police "
                   "can recognise it."),
                N_("If the vehicle is found, CPLC or the police will contact you."),
                N_("To ask about it, quote the receipt number above at this desk, or call the "
                   "CPLC helpline 1102."),
                N_("Keep this receipt."),
            )),
        )  # fmt: skip
    return _Wording(
        title=_both(N_("Complaint receipt")),
        document=_both(N_("CPLC complaint receipt {number}")),
        hint=_both(N_("Quote this number when you ask about your complaint.")),
        person=_both(N_("Complainant")),
        category=_both(N_("Category")),
        summary=_both(N_("Summary")),
        next_steps=tuple(_both(m) for m in (
            N_("CPLC takes your complaint up with the police station concerned and follows it up."),
            N_("A CPLC volunteer may contact you about it."),
            N_("To ask about your complaint, quote the receipt number above at this desk, "
               "or call the CPLC helpline 1102."),
            N_("Keep this receipt."),
        )),
    )  # fmt: skip


def _pair(
    english: str, urdu: str, st: _Styles, style: ParagraphStyle, *, bold: bool = False
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


def _side_by_side(
    english: str, urdu: str, st: _Styles, style: ParagraphStyle, width: float, *, fit: bool = False
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
            return _pair(english, urdu, st, style, bold=bold)
        left = english_width + gap / 2 + (width - english_width - urdu_width - gap) / 2
        widths = [left, width - left]
    else:
        widths = [width / 2, width / 2]
    return [
        _grid(
            [[st.english(english, style), urdu_text]],
            widths,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (0, 0), gap / 2),
            ("LEFTPADDING", (1, 0), (1, 0), gap / 2),
            font=st.fonts.regular,
        )
    ]


def _story(data: ReceiptView, spec: _Layout, st: _Styles, width: float) -> list[Flowable]:
    words = _wording(data)
    heading = _both(N_("CPLC — Citizens-Police Liaison Committee"))
    story: list[Flowable] = []
    if st.roll:
        story += _pair(*heading, st, st.heading)
        story += _pair(*words.title, st, st.title)
    else:
        story += [
            *_side_by_side(*heading, st, st.heading, width, fit=True),
            Spacer(0, 1 * mm),
            *_side_by_side(*words.title, st, st.title, width, fit=True),
        ]
    story.append(Spacer(0, 2 * mm))
    if data.copy:
        story += [_copy_box(data, st, width), Spacer(0, 2 * mm)]
    story += _number_block(data, spec, st, width)
    story += [_rule(), _details(data, spec, st, width), _rule()]
    next_heading = _both(N_("What happens next"))
    if st.roll:
        story += _pair(*next_heading, st, st.section)
    else:
        story += _side_by_side(*next_heading, st, st.section, width, fit=True)
    for english, urdu in words.next_steps:
        story.append(Spacer(0, 1 * mm))
        if st.roll:
            story += _pair(english, urdu, st, st.value)
        else:
            story += _side_by_side(english, urdu, st, st.value, width)
    printed = N_("Printed {when} at the CPLC desk {code}.")
    story += [Spacer(0, 3 * mm), st.english(
        printed.format(when=format_pkt(data.printed_at), code=data.desk_code), st.small
    )]  # fmt: skip
    if st.urdu:
        story.append(
            st.urdu_text(
                i18n.in_language(i18n.URDU, printed).format(
                    when=format_pkt(data.printed_at, i18n.URDU), code=data.desk_code
                ),
                spec.small,
            )
        )
    return story


def _rule() -> HRFlowable:
    return HRFlowable(
        width="100%", thickness=0.8, color="black", spaceBefore=2.5 * mm, spaceAfter=2.5 * mm
    )


def _grid(cells: list[list[Any]], widths: list[float], *commands: Any, font: str) -> Table:
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


def _copy_box(data: ReceiptView, st: _Styles, width: float) -> Table:
    message = N_("COPY — reprinted {when}")
    cell: list[Flowable] = [st.english(message.format(when=format_pkt(data.printed_at)), st.copy)]
    if st.urdu:
        urdu = i18n.in_language(i18n.URDU, message).format(
            when=format_pkt(data.printed_at, i18n.URDU)
        )
        cell.append(st.urdu_text(urdu, st.copy.fontSize, bold=True, align=CENTRE))
    return _grid(
        [[cell]],
        [width],
        ("BOX", (0, 0), (-1, -1), 2, "black"),  # a frame and words, not a colour
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        font=st.fonts.regular,
    )


def _qr(value: str, side: float, font: str) -> Drawing:
    # Level M survives a smudge or a fold; the 4-module quiet zone is inside ``side``.
    drawing = Drawing(side, side, initialFontName=font)  # not the default, unembedded Helvetica
    drawing.add(QrCodeWidget(value, barLevel="M", barBorder=4, barWidth=side, barHeight=side))
    return drawing


def _number_block(data: ReceiptView, spec: _Layout, st: _Styles, width: float) -> list[Flowable]:
    qr = _qr(data.number, spec.qr, st.fonts.regular)
    label = _both(N_("Receipt number"))
    hint = _wording(data).hint
    if spec.qr_beside_number:
        column = width - spec.qr - 4 * mm
        size = _fitted(data.number, st.fonts.bold, spec.number, column)
        text = [
            *_labels(label, st, column),
            st.english(data.number, st.number(size, TA_LEFT)),
            Spacer(0, 1.5 * mm),
            *_pair(*hint, st, st.small),
        ]
        return [
            _grid(
                [[text, qr]],
                [width - spec.qr, spec.qr],
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                font=st.fonts.regular,
            )
        ]
    size = _fitted(data.number, st.fonts.bold, spec.number, width)
    qr.hAlign = "CENTER"
    return [
        *_pair(*label, st, st.number_label),
        st.english(data.number, st.number(size, TA_CENTER)),
        qr,
        *_pair(*hint, st, st.number_hint),
    ]


def _labels(label: tuple[str, str], st: _Styles, width: float) -> list[Flowable]:
    """A field's English label on the left and its Urdu label on the right of one line."""
    if not st.urdu:
        return [st.english(label[0], st.label)]
    return [
        _grid(
            [[st.english(label[0], st.label), st.urdu_text(label[1], st.spec.small, bold=True)]],
            [width / 2, width / 2],
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            font=st.fonts.regular,
        )
    ]


def _fitted(text: str, font: str, largest: float, width: float) -> float:
    """The largest size up to ``largest`` at which ``text`` fits ``width`` on one line."""
    at_one_point = stringWidth(text, font, 1) or 1
    return max(8.0, min(largest, width * 0.98 / at_one_point))


def _rows(data: ReceiptView) -> list[tuple[tuple[str, str], list[str]]]:
    """(label in both languages, the value's lines) for each detail the receipt shows."""
    words = _wording(data)

    def urdu_too(english: str, urdu: str | None) -> list[str]:
        return [english] + ([urdu] if urdu and urdu != english else [])

    desk = f"{data.desk_name} ({data.desk_code})"
    rows: list[tuple[tuple[str, str], list[str]]] = [
        (_both(N_("Registered")), [format_numeric(data.registered_at) + " PKT"]),
        (
            _both(N_("CPLC desk")),
            urdu_too(desk, getattr(data, "desk_name_ur", "")),
        ),
    ]
    if data.complainant:
        rows.append((words.person, [data.complainant]))
    if data.cnic_masked:
        rows.append((_both(N_("CNIC")), [data.cnic_masked]))
    rows += [
        (words.category, urdu_too(data.category, getattr(data, "category_ur", ""))),
        (
            _both(N_("Police station")),
            urdu_too(data.police_station, getattr(data, "police_station_ur", "")),
        ),
    ]
    if data.fir_number:
        rows.append((_both(N_("FIR number")), [data.fir_number]))
    if data.summary:
        rows.append((words.summary, urdu_too(data.summary, getattr(data, "summary_ur", ""))))
    return rows


def _value(values: list[str], st: _Styles, spec: _Layout, width: float) -> list[Flowable]:
    """A value's lines; a name in both languages shares one line when it fits there."""
    column = width if st.roll else width - 2 * spec.label_width - 4 * mm
    if st.urdu and len(values) == 2:
        joined = st.data(" / ".join(values), spec.body)
        if joined.wrap(column, 1000)[1] <= joined.leading * 1.01:
            return [joined]
    return [st.data(v, spec.body) for v in values]


def _details(data: ReceiptView, spec: _Layout, st: _Styles, width: float) -> Table:
    cells: list[list[Any]] = []
    commands: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for (english, urdu), values in _rows(data):
        value = _value(values, st, spec, width)
        if not st.urdu:
            cells.append([st.english(english, st.label), value])
        elif st.roll:
            # The roll is narrow: both labels on one line, the value under them.
            row = len(cells)
            cells.append([st.english(english, st.label), st.urdu_text(urdu, spec.small, bold=True)])
            cells.append([value, ""])
            commands += [
                ("SPAN", (0, row + 1), (1, row + 1)),
                ("TOPPADDING", (0, row), (-1, row), 2.4),
                ("BOTTOMPADDING", (0, row + 1), (-1, row + 1), 1.2),
            ]
        else:
            cells.append(
                [st.english(english, st.label), value, st.urdu_text(urdu, spec.small, bold=True)]
            )
    if not st.urdu:
        widths = [spec.label_width, width - spec.label_width]
        commands.append(("RIGHTPADDING", (0, 0), (0, -1), 2 * mm))
    elif st.roll:
        widths = [width / 2, width / 2]
    else:
        widths = [spec.label_width, width - 2 * spec.label_width, spec.label_width]
        commands += [
            ("LEFTPADDING", (1, 0), (1, -1), 2 * mm),
            ("RIGHTPADDING", (1, 0), (1, -1), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
        ]
    return _grid(cells, widths, *commands, font=st.fonts.regular)


def _content_height(flowables: list[Flowable], width: float) -> float:
    """How tall the content is, laid out in a frame as wide as the roll's: each flowable's
    height and the space between them (none above the first, as in a frame)."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, 10_000.0)
        before = flowable.getSpaceBefore() if index else 0.0
        total += before + h + flowable.getSpaceAfter()
    return total + 1  # one point of slack for rounding
