"""The citizen's receipt rendered from real registered complaints, read back as a PDF and as an
image (pure-pip tools: pypdf for text, pypdfium2 to rasterise, zxing-cpp to decode the QR)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.printing.fonts import HELVETICA
from cplc_desk.printing.receipt import format_pkt, render_receipt
from cplc_desk.services.complaints.complaints import find_by_number, register_complaint
from cplc_desk.services.complaints.receipts import ReceiptData, issue_receipt
from cplc_desk.services.desk.context import DeskContext

MM = 72 / 25.4  # points per millimetre
CNIC = "4210112345672"
LAYOUTS = ("a5", "80mm")


def register(station: DeskContext, **changes: object) -> str:
    draft = ComplaintDraft(
        complainant=PersonDraft(name="Sana Javed", cnic=CNIC, mobile="03331234567"),
        category="MOBILE_SNATCHING",
        police_station="BOBA",
        narrative="Phone snatched at a bus stop near Teen Talwar.",
    )
    return register_complaint(station, replace(draft, **changes)).number  # type: ignore[arg-type]


def issue(station: DeskContext, number: str, layout: str = "a5") -> ReceiptData:
    return issue_receipt(station, find_by_number(station, number).id, layout=layout)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def raster(pdf: bytes, dpi: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = document[0].render(scale=dpi / 72).to_pil().convert("L")
        return image
    finally:
        document.close()


def qr_codes(pdf: bytes, dpi: int = 200) -> list[zxingcpp.Barcode]:
    image = raster(pdf, dpi)
    return [b for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_receipt_shows_the_complaint_with_the_cnic_masked(
    station: DeskContext, layout: str
) -> None:
    number = register(station, fir_number="123/2026")
    text = text_of(render_receipt(issue(station, number, layout), layout))
    flat = " ".join(text.split())

    for expected in (
        "CPLC — Citizens-Police Liaison Committee",
        "Complaint receipt",
        number,
        "Sana Javed",
        "42101-*****67-2",
        "Mobile phone snatching",
        "Boat Basin",
        "Clifton (CLIF)",
        "123/2026",
        "Teen Talwar",
        "What happens next",
        "1102",
        "PKT",
    ):
        assert expected in flat, expected
    assert CNIC not in text and "42101-1234567-2" not in text
    assert "COPY" not in text


def test_second_and_later_issues_are_marked_copy(station: DeskContext) -> None:
    number = register(station)
    first, second, third = (issue(station, number) for _ in range(3))

    assert not first.copy and second.copy and third.copy
    assert "COPY" not in text_of(render_receipt(first, "a5"))
    for layout in LAYOUTS:
        flat = " ".join(text_of(render_receipt(second, layout)).split())
        assert f"COPY — reprinted {format_pkt(second.printed_at)}" in flat


def test_a5_is_an_a5_portrait_page(station: DeskContext) -> None:
    reader = PdfReader(io.BytesIO(render_receipt(issue(station, register(station)), "a5")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(148 * MM, abs=0.5)
    assert float(box.height) == pytest.approx(210 * MM, abs=0.5)


def test_roll_is_80mm_wide_and_as_long_as_its_content(station: DeskContext) -> None:
    pdf = render_receipt(issue(station, register(station)), "80mm")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(80 * MM, abs=0.5)
    height_mm = float(box.height) / MM
    assert 120 < height_mm < 340  # English and Urdu, one under the other: about 30 cm

    # No long blank tail to waste paper: the last ink is within a few mm of the bottom edge.
    dpi = 100
    image = raster(pdf, dpi)
    ink = image.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert ink is not None
    tail_mm = (image.height - ink[3]) * 25.4 / dpi
    assert tail_mm < 8


def test_thermal_text_is_never_below_8_points(station: DeskContext) -> None:
    pdf = render_receipt(issue(station, register(station)), "80mm")
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None
    sizes = [float(s) for s in re.findall(rb"/\S+ ([\d.]+) Tf", content.get_data())]
    assert sizes and min(sizes) >= 8


@pytest.mark.parametrize(("layout", "least_mm"), [("a5", 25), ("80mm", 30)])
def test_qr_code_carries_exactly_the_number_and_is_big_enough_for_a_phone(
    station: DeskContext, layout: str, least_mm: float
) -> None:
    number = register(station)
    dpi = 200
    codes = qr_codes(render_receipt(issue(station, number, layout), layout), dpi)

    assert [c.text for c in codes] == [number]
    position = codes[0].position
    side_px = min(
        position.top_right.x - position.top_left.x,
        position.bottom_left.y - position.top_left.y,
    )
    assert side_px * 25.4 / dpi >= least_mm


def test_long_details_wrap_and_stay_on_one_page(station: DeskContext) -> None:
    number = register(
        station,
        complainant=PersonDraft(
            name="Muhammad Abdul Rehman Siddiqui Qureshi Khan", cnic=CNIC, mobile="03331234567"
        ),
        category="FIR_NOT_REGISTERED",
        fir_number="4567/2026",
        narrative=" ".join(["The duty officer refused to register the FIR and sent him away."] * 6),
    )
    issue(station, number)
    copy = issue(station, number)
    assert len(copy.summary) <= 240
    for layout in LAYOUTS:
        pdf = render_receipt(copy, layout)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
        flat = " ".join(text_of(pdf).split())
        assert "Muhammad Abdul Rehman Siddiqui Qureshi Khan" in flat
        assert "Non-registration of FIR" in flat
        assert [c.text for c in qr_codes(pdf)] == [number]


def test_same_data_renders_to_the_same_bytes(station: DeskContext) -> None:
    receipt = issue(station, register(station))
    for layout in LAYOUTS:
        assert render_receipt(receipt, layout) == render_receipt(receipt, layout)


def test_fonts_are_embedded(station: DeskContext) -> None:
    pdf = render_receipt(issue(station, register(station)), "a5")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    resources: Any = page["/Resources"]
    fonts = resources["/Font"]
    assert fonts
    for ref in fonts.values():
        descriptor = ref.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_times_are_shown_in_pakistan_time() -> None:
    assert format_pkt(datetime(2026, 11, 24, 9, 5, tzinfo=UTC)) == "24 Nov 2026, 14:05 PKT"
    assert format_pkt(datetime(2026, 12, 31, 20, 0, tzinfo=UTC)) == "1 Jan 2027, 01:00 PKT"


def test_unknown_layout_is_refused(station: DeskContext) -> None:
    receipt = issue(station, register(station))
    with pytest.raises(ValueError, match="layout"):
        render_receipt(receipt, "letter")


def test_latin_fonts_alone_print_english_only(station: DeskContext) -> None:
    # The font hook: without an Arabic-script face the receipt is English only, and whole.
    number = register(station)
    receipt = issue(station, number)
    for layout in LAYOUTS:
        pdf = render_receipt(receipt, layout, fonts=HELVETICA)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
        text = text_of(pdf)
        assert number in text and "Complaint receipt" in text
        assert not any("\u0600" <= ch <= "\u06ff" for ch in text)
        assert [c.text for c in qr_codes(pdf)] == [number]
