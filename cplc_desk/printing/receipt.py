"""The receipt a citizen takes home after registering a complaint, rendered to PDF bytes.

Two layouts: ``a5`` (A5 portrait, for a laser printer) and ``80mm`` (an 80 mm thermal roll with
72 mm printable width, its length fitted to the content). Everything is black on white, so a
thermal printer and a photocopy keep it all; a reprint says COPY in words inside a box.

Text is laid out as wrapping paragraphs, never at fixed widths, so translated (longer, Urdu)
strings fit; every user-visible string goes through ``_``. The same data renders to the same
bytes (ReportLab's invariant mode), which tests rely on.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
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

from cplc_desk.domain.clock import to_local
from cplc_desk.domain.i18n import _
from cplc_desk.printing.fonts import ReceiptFonts, latin_fonts

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
        margin_y=10 * mm,
        body=10.5,
        small=8.5,
        heading=12,
        title=17,
        number=22,
        qr=40 * mm,  # symbol about 29 mm: a phone reads it from arm's length
        label_width=32 * mm,
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


def _month(number: int) -> str:
    # Literal calls so the catalogue extractor sees each name.
    names = (
        _("Jan"), _("Feb"), _("Mar"), _("Apr"), _("May"), _("Jun"),
        _("Jul"), _("Aug"), _("Sep"), _("Oct"), _("Nov"), _("Dec"),
    )  # fmt: skip
    return names[number - 1]


def format_pkt(value: datetime) -> str:
    """``24 Nov 2026, 14:05 PKT``: Pakistan time, month named (not locale-dependent strftime)."""
    local = to_local(value)
    month = _month(local.month)
    return _("{day} {month} {year}, {hh:02d}:{mm:02d} PKT").format(
        day=local.day, month=month, year=local.year, hh=local.hour, mm=local.minute
    )


def render_receipt(data: ReceiptView, layout: str, fonts: ReceiptFonts | None = None) -> bytes:
    """The receipt as a one-page PDF. ``fonts`` is the hook for an Urdu font (see fonts.py)."""
    if layout not in _LAYOUTS:
        raise ValueError(f"unknown receipt layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    spec = _LAYOUTS[layout]
    styles = _Styles(spec, fonts or latin_fonts())
    inner_width = spec.width - 2 * spec.margin_x

    def story() -> list[Flowable]:
        return _story(data, spec, styles, inner_width)

    height = spec.height or _content_height(story, inner_width) + 2 * spec.margin_y
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
    title = _wording(data).document.format(number=data.number)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(spec.width, height),
        pageTemplates=[PageTemplate(id="receipt", frames=[frame])],
        title=title + (" " + _("(copy)") if data.copy else ""),
        author="CPLC Desk",
        creator="CPLC Desk",
        subject=_wording(data).title,
        invariant=1,  # fixed dates and document id: same data, same bytes
        lang="en",
        initialFontName=styles.fonts.regular,  # no stray reference to an unembedded font
    )
    flowables = story()
    if spec.height is not None:
        # A fixed page: content that would not fit (a long translation) shrinks a little
        # rather than spilling a second sheet the citizen may lose.
        flowables = [KeepInFrame(inner_width, height - 2 * spec.margin_y, flowables, mode="shrink")]
    doc.build(flowables)
    return buffer.getvalue()


# ------------------------------------------------------------------ building blocks


class _Styles:
    def __init__(self, spec: _Layout, fonts: ReceiptFonts) -> None:
        self.fonts = fonts
        self.rtl = fonts.rtl
        start = TA_RIGHT if fonts.rtl else TA_LEFT
        centre = TA_CENTER if spec.height is None else start
        self.heading = self._style(fonts.bold, spec.heading, centre)
        self.title = self._style(fonts.bold, spec.title, centre, space_before=1)
        self.label = self._style(fonts.bold, spec.small, start)
        self.value = self._style(fonts.regular, spec.body, start)
        self.small = self._style(fonts.regular, spec.small, start)
        self.section = self._style(fonts.bold, spec.body + 1, start, space_before=6)
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
            wordWrap="RTL" if self.fonts.rtl else None,
            shaping=1 if self.fonts.shaping else 0,
        )

    def number(self, size: float, align: int) -> ParagraphStyle:
        style = self._style(self.fonts.bold, size, align)
        style.leading = size * 1.15
        return style


@dataclass(frozen=True)
class _Wording:
    """The words that differ between a complaint receipt and a vehicle owner's receipt."""

    title: str
    document: str
    hint: str
    person: str
    category: str
    summary: str
    next_steps: tuple[str, ...]


def _wording(data: ReceiptView) -> _Wording:
    # ``kind`` is optional on the data: complaint receipts were first and do not carry it.
    if getattr(data, "kind", "complaint") == "vehicle_report":
        return _Wording(
            title=_("Vehicle report receipt"),
            document=_("CPLC vehicle report receipt {number}"),
            hint=_("Quote this number when you ask about your vehicle."),
            person=_("Owner"),
            category=_("Reported"),
            summary=_("Vehicle"),
            next_steps=(
                _("CPLC records the vehicle city-wide, so that every CPLC desk and the police "
                  "can recognise it."),
                _("If the vehicle is found, CPLC or the police will contact you."),
                _("To ask about it, quote the receipt number above at this desk, or call the "
                  "CPLC helpline 1102."),
                _("Keep this receipt."),
            ),
        )  # fmt: skip
    return _Wording(
        title=_("Complaint receipt"),
        document=_("CPLC complaint receipt {number}"),
        hint=_("Quote this number when you ask about your complaint."),
        person=_("Complainant"),
        category=_("Category"),
        summary=_("Summary"),
        next_steps=(
            _("CPLC takes your complaint up with the police station concerned and follows it up."),
            _("A CPLC volunteer may contact you about it."),
            _("To ask about your complaint, quote the receipt number above at this desk, "
              "or call the CPLC helpline 1102."),
            _("Keep this receipt."),
        ),
    )  # fmt: skip


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _story(data: ReceiptView, spec: _Layout, st: _Styles, width: float) -> list[Flowable]:
    words = _wording(data)
    story: list[Flowable] = [
        _p(_("CPLC — Citizens-Police Liaison Committee"), st.heading),
        _p(words.title, st.title),
        Spacer(0, 2 * mm),
    ]
    if data.copy:
        story += [_copy_box(data, st, width), Spacer(0, 2 * mm)]
    story += _number_block(data, spec, st, width)
    story += [_rule(), _details(data, spec, st, width), _rule()]
    story.append(_p(_("What happens next"), st.section))
    for sentence in words.next_steps:
        story += [Spacer(0, 1.2 * mm), _p(sentence, st.value)]
    story += [
        Spacer(0, 3 * mm),
        _p(
            _("Printed {when} at the CPLC desk {code}.").format(
                when=format_pkt(data.printed_at), code=data.desk_code
            ),
            st.small,
        ),
    ]
    return story


def _rule() -> HRFlowable:
    return HRFlowable(
        width="100%", thickness=0.8, color="black", spaceBefore=3 * mm, spaceAfter=3 * mm
    )


def _grid(cells: list[list[Any]], widths: list[float], st: _Styles, *commands: Any) -> Table:
    """A table without padding (unless ``commands`` add some), mirrored for right-to-left."""
    if st.rtl:
        cells = [row[::-1] for row in cells]
        widths = widths[::-1]
    table = Table(cells, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                # The cells' default font would put an unembedded Helvetica into the PDF.
                ("FONT", (0, 0), (-1, -1), st.fonts.regular),
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
    text = _("COPY — reprinted {when}").format(when=format_pkt(data.printed_at))
    return _grid(
        [[_p(text, st.copy)]],
        [width],
        st,
        ("BOX", (0, 0), (-1, -1), 2, "black"),  # a frame and words, not a colour
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    )


def _qr(value: str, side: float, font: str) -> Drawing:
    # Level M survives a smudge or a fold; the 4-module quiet zone is inside ``side``.
    drawing = Drawing(side, side, initialFontName=font)  # not the default, unembedded Helvetica
    drawing.add(QrCodeWidget(value, barLevel="M", barBorder=4, barWidth=side, barHeight=side))
    return drawing


def _number_block(data: ReceiptView, spec: _Layout, st: _Styles, width: float) -> list[Flowable]:
    qr = _qr(data.number, spec.qr, st.fonts.regular)
    label = _("Receipt number")
    hint = _wording(data).hint
    if spec.qr_beside_number:
        column = width - spec.qr - 4 * mm
        size = _fitted(data.number, st.fonts.bold, spec.number, column)
        text = [
            _p(label, st.label),
            _p(data.number, st.number(size, TA_RIGHT if st.rtl else TA_LEFT)),
            Spacer(0, 1.5 * mm),
            _p(hint, st.small),
        ]
        # The gap sits on the text's side facing the QR code (the columns swap for RTL).
        gap = ("LEFTPADDING", (1, 0), (1, 0)) if st.rtl else ("RIGHTPADDING", (0, 0), (0, 0))
        return [
            _grid(
                [[text, qr]],
                [width - spec.qr, spec.qr],
                st,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                (*gap, 4 * mm),
            )
        ]
    size = _fitted(data.number, st.fonts.bold, spec.number, width)
    qr.hAlign = "CENTER"
    return [
        _p(label, st.number_label),
        _p(data.number, st.number(size, TA_CENTER)),
        qr,
        _p(hint, st.number_hint),
    ]


def _fitted(text: str, font: str, largest: float, width: float) -> float:
    """The largest size up to ``largest`` at which ``text`` fits ``width`` on one line."""
    at_one_point = stringWidth(text, font, 1) or 1
    return max(8.0, min(largest, width * 0.98 / at_one_point))


def _details(data: ReceiptView, spec: _Layout, st: _Styles, width: float) -> Table:
    words = _wording(data)
    rows: list[tuple[str, str]] = [
        (_("Registered"), format_pkt(data.registered_at)),
        (_("CPLC desk"), f"{data.desk_name} ({data.desk_code})"),
    ]
    if data.complainant:
        rows.append((words.person, data.complainant))
    if data.cnic_masked:
        rows.append((_("CNIC"), data.cnic_masked))
    rows += [
        (words.category, data.category),
        (_("Police station"), data.police_station),
    ]
    if data.fir_number:
        rows.append((_("FIR number"), data.fir_number))
    if data.summary:
        rows.append((words.summary, data.summary))
    return _grid(
        [[_p(label, st.label), _p(value, st.value)] for label, value in rows],
        [spec.label_width, width - spec.label_width],
        st,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # The gap between label and value sits on the label's inner side.
        ("LEFTPADDING" if st.rtl else "RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
    )


def _content_height(story: Callable[[], list[Flowable]], width: float) -> float:
    """How tall the content is, measured by laying it out in a frame too tall to fill."""
    tall = 10_000.0
    frame = Frame(0, 0, width, tall, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    scratch = Canvas(io.BytesIO(), pagesize=(width, tall))
    for flowable in story():
        frame.add(flowable, scratch)
    return tall - float(frame._y) + 1  # one point of slack for rounding
