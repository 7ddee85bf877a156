"""The receipt a citizen takes home after registering a complaint, a vehicle report or a phone
report, rendered to PDF bytes, in English and Urdu together. What each kind says (its title,
labels, "what happens next", a handset's lines) is in printing/receipt_wording.py.

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
from datetime import datetime
from typing import Any, Protocol

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
)

from cplc_desk.domain import i18n
from cplc_desk.domain.clock import shown, to_local
from cplc_desk.domain.i18n import N_
from cplc_desk.printing.bidi import CENTRE
from cplc_desk.printing.fonts import ReceiptFonts, bilingual_fonts
from cplc_desk.printing.receipt_layout import (
    LAYOUT_SPECS,
    LAYOUTS,
    Layout,
    Scaled,
    Styles,
    content_height,
    field_labels,
    fitted_size,
    grid,
    pair,
    qr_code,
    rule,
    side_by_side,
)
from cplc_desk.printing.receipt_wording import PHONE, Row, both, kind_of, phone_rows, wording


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


def render_receipt(data: ReceiptView, layout: str, fonts: ReceiptFonts | None = None) -> bytes:
    """The receipt as a one-page PDF. ``fonts`` without an Arabic-script face (e.g. Helvetica)
    prints English only."""
    if layout not in LAYOUT_SPECS:
        raise ValueError(f"unknown receipt layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    spec = LAYOUT_SPECS[layout]
    styles = Styles(spec, fonts or bilingual_fonts())
    inner_width = spec.width - 2 * spec.margin_x

    if spec.height is None:
        flowables = _story(data, spec, styles, inner_width)
        height = content_height(flowables, inner_width) + 2 * spec.margin_y
    else:
        height = spec.height
        flowables = _fitted(data, spec, styles, inner_width, height - 2 * spec.margin_y)
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
    words = wording(data)
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
    doc.build(flowables)
    return buffer.getvalue()


def _fitted(
    data: ReceiptView, spec: Layout, st: Styles, width: float, room: float
) -> list[Flowable]:
    """A fixed page's content, kept to one sheet the citizen will not lose half of: as it is
    when it fits; else with the details closer together and "What happens next" in the small
    type; else all of it scaled down just enough, laid out at the width it then has so that its
    tables still span the page."""
    story = _story(data, spec, st, width)
    if content_height(story, width) <= room:
        return story
    scale, laid_out = 1.0, width
    story = _story(data, spec, st, width, compact=True)
    for _ in range(4):  # wider lines wrap less: one or two rounds settle it
        needed = content_height(story, laid_out) * scale
        if needed <= room:
            return story if scale == 1.0 else [Scaled(story, laid_out, scale)]
        scale *= room / needed
        laid_out = width / scale
        story = _story(data, spec, st, laid_out, compact=True)
    # Not settled (it always is in practice): scale what there is to the room left.
    return [Scaled(story, laid_out, room / content_height(story, laid_out))]


# ------------------------------------------------------------------ building blocks


def _story(
    data: ReceiptView, spec: Layout, st: Styles, width: float, *, compact: bool = False
) -> list[Flowable]:
    words = wording(data)
    heading = both(N_("CPLC — Citizens-Police Liaison Committee"))
    story: list[Flowable] = []
    if st.roll:
        story += pair(*heading, st, st.heading)
        story += pair(*words.title, st, st.title)
    else:
        story += [
            *side_by_side(*heading, st, st.heading, width, fit=True),
            Spacer(0, 1 * mm),
            *side_by_side(*words.title, st, st.title, width, fit=True),
        ]
    story.append(Spacer(0, 2 * mm))
    if data.copy:
        story += [_copy_box(data, st, width), Spacer(0, 2 * mm)]
    story += _number_block(data, spec, st, width)
    story += [rule(), _details(data, spec, st, width, compact), rule()]
    next_heading = both(N_("What happens next"))
    if st.roll:
        story += pair(*next_heading, st, st.section)
    else:
        story += side_by_side(*next_heading, st, st.section, width, fit=True)
    step = st.small if compact else st.value
    for english, urdu in words.next_steps:
        story.append(Spacer(0, 1 * mm))
        if st.roll:
            story += pair(english, urdu, st, step)
        else:
            story += side_by_side(english, urdu, st, step, width)
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


def _copy_box(data: ReceiptView, st: Styles, width: float) -> Table:
    message = N_("COPY — reprinted {when}")
    cell: list[Flowable] = [st.english(message.format(when=format_pkt(data.printed_at)), st.copy)]
    if st.urdu:
        urdu = i18n.in_language(i18n.URDU, message).format(
            when=format_pkt(data.printed_at, i18n.URDU)
        )
        cell.append(st.urdu_text(urdu, st.copy.fontSize, bold=True, align=CENTRE))
    return grid(
        [[cell]],
        [width],
        ("BOX", (0, 0), (-1, -1), 2, "black"),  # a frame and words, not a colour
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        font=st.fonts.regular,
    )


def _number_block(data: ReceiptView, spec: Layout, st: Styles, width: float) -> list[Flowable]:
    qr = qr_code(data.number, spec.qr, st.fonts.regular)
    label = both(N_("Receipt number"))
    hint = wording(data).hint
    if spec.qr_beside_number:
        column = width - spec.qr - 4 * mm
        size = fitted_size(data.number, st.fonts.bold, spec.number, column)
        text = [
            *field_labels(label, st, column),
            st.english(data.number, st.number(size, TA_LEFT)),
            Spacer(0, 1.5 * mm),
            *pair(*hint, st, st.small),
        ]
        return [
            grid(
                [[text, qr]],
                [width - spec.qr, spec.qr],
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                font=st.fonts.regular,
            )
        ]
    size = fitted_size(data.number, st.fonts.bold, spec.number, width)
    qr.hAlign = "CENTER"
    return [
        *pair(*label, st, st.number_label),
        st.english(data.number, st.number(size, TA_CENTER)),
        qr,
        *pair(*hint, st, st.number_hint),
    ]


def _rows(data: ReceiptView) -> list[Row]:
    """(label in both languages, the value's lines) for each detail the receipt shows."""
    words = wording(data)

    def urdu_too(english: str, urdu: str | None) -> list[str]:
        return [english] + ([urdu] if urdu and urdu != english else [])

    desk = f"{data.desk_name} ({data.desk_code})"
    rows: list[Row] = [
        (both(N_("Registered")), [shown(data.registered_at) + " PKT"]),
        (
            both(N_("CPLC desk")),
            urdu_too(desk, getattr(data, "desk_name_ur", "")),
        ),
    ]
    if data.complainant:
        rows.append((words.person, [data.complainant]))
    if data.cnic_masked:
        rows.append((both(N_("CNIC")), [data.cnic_masked]))
    rows.append((words.category, urdu_too(data.category, getattr(data, "category_ur", ""))))
    phone = kind_of(data) == PHONE
    if phone:
        rows += phone_rows(data)  # the handset, its IMEIs, SIM, when and where
    rows.append(
        (
            both(N_("Police station")),
            urdu_too(data.police_station, getattr(data, "police_station_ur", "")),
        )
    )
    if data.fir_number:
        rows.append((both(N_("FIR number")), [data.fir_number]))
    if data.summary and not phone:
        rows.append((words.summary, urdu_too(data.summary, getattr(data, "summary_ur", ""))))
    return rows


def _value(values: list[str], st: Styles, spec: Layout, width: float) -> list[Flowable]:
    """A value's lines; a name in both languages shares one line when it fits there."""
    column = width if st.roll else width - 2 * spec.label_width - 4 * mm
    if st.urdu and len(values) == 2:
        joined = st.data(" / ".join(values), spec.body)
        if joined.wrap(column, 1000)[1] <= joined.leading * 1.01:
            return [joined]
    return [st.data(v, spec.body) for v in values]


def _details(
    data: ReceiptView, spec: Layout, st: Styles, width: float, compact: bool = False
) -> Table:
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
            ("TOPPADDING", (0, 0), (-1, -1), 0.5 if compact else 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 if compact else 1.8),
        ]
    return grid(cells, widths, *commands, font=st.fonts.regular)
