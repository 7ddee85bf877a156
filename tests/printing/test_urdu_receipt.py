"""Receipts in Urdu and English with Urdu data: read back as text (pypdfium2: the Urdu comes back
in reading order) and as pixels (the Urdu glyphs are drawn, not empty boxes)."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.printing.receipt import render_receipt
from cplc_desk.services.complaints.complaints import find_by_number, register_complaint
from cplc_desk.services.complaints.receipts import issue_receipt
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report

LAYOUTS = ("a5", "80mm")
NAME = "محمد علی ولد احمد حسین"
NARRATIVE = "بلاک 7 کے قریب بس اسٹاپ پر موبائل فون Samsung A52 چھین لیا گیا۔"


def _receipt(station: DeskContext, layout: str) -> bytes:
    draft = ComplaintDraft(
        complainant=PersonDraft(name=NAME, cnic="4210112345672", mobile="03331234567"),
        category="MOBILE_SNATCHING",
        police_station="BOBA",
        fir_number="123/2026",
        narrative=NARRATIVE,
    )
    number = register_complaint(station, draft).number
    return render_receipt(issue_receipt(station, find_by_number(station, number).id), layout)


def pdfium_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    # The PDF's text layer may hold Arabic presentation forms; a reader folds them back.
    return unicodedata.normalize("NFKC", text)


def words(pdf: bytes) -> str:
    """Every text object's words in the order drawn (pypdf), presentation forms folded back.

    pdfium reads a line holding both scripts as one right-to-left paragraph and reverses its
    Latin words ("receipt Complaint"); Urdu-only text it reads in order (checked above)."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("layout", LAYOUTS)
def test_urdu_data_comes_back_in_reading_order(station: DeskContext, layout: str) -> None:
    pdf = _receipt(station, layout)
    flat = " ".join(pdfium_text(pdf).split())
    assert NAME in flat  # its words in reading order
    assert "بلاک" in flat  # the lam-alef ligature copies out as its two letters
    drawn = words(pdf)
    assert NAME in drawn and NARRATIVE in drawn  # the narrative whole, Latin words inside
    assert "123/2026" in drawn and "42101-*****67-2" in drawn


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_label_is_in_both_languages(station: DeskContext, layout: str) -> None:
    flat = words(_receipt(station, layout))
    for english, urdu in (
        ("Complaint receipt", "شکایت کی رسید"),
        ("Receipt number", "رسید نمبر"),
        ("Complainant", "شکایت کنندہ"),
        ("Police station", "تھانہ"),
        ("What happens next", "آگے کیا ہوگا"),
        ("Boat Basin", "بوٹ بیسن"),
        ("Mobile phone snatching", "موبائل فون"),
    ):
        assert english in flat, english
        assert urdu in flat, urdu
    assert "1102" in flat


@pytest.mark.parametrize("layout", LAYOUTS)
def test_urdu_glyphs_are_drawn(station: DeskContext, layout: str) -> None:
    pdf = _receipt(station, layout)
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        textpage = page.get_textpage()
        searcher = textpage.search(NAME.split()[0])
        found = searcher.get_next()
        assert found is not None
        start, count = found
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
        scale = 203 / 72  # a thermal printer's 203 dpi
        image = page.render(scale=scale).to_pil().convert("L")
    finally:
        document.close()
    height = image.height
    left = min(b[0] for b in boxes) * scale
    right = max(b[2] for b in boxes) * scale
    top = height - max(b[3] for b in boxes) * scale
    bottom = height - min(b[1] for b in boxes) * scale
    crop = image.crop((int(left), int(top), int(right) + 1, int(bottom) + 1))
    dark = sum(1 for p in crop.get_flattened_data() if p < 128)
    assert crop.width > 10 and dark > 0.08 * crop.width * crop.height  # ink, not an empty box


def test_the_urdu_font_is_embedded_with_its_glyphs(station: DeskContext) -> None:
    reader = PdfReader(io.BytesIO(_receipt(station, "a5")))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = [str(f.get_object()["/BaseFont"]) for f in fonts.values()]
    assert any("NotoNaskhArabic" in n for n in names)
    for font in fonts.values():
        descriptor = font.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_a_vehicle_receipt_is_bilingual_too(station: DeskContext) -> None:
    draft = VehicleReportDraft(
        kind="snatched",
        vehicle_class="motorcycle",
        registration="KZU-9748",
        make="Honda",
        model="CD 70",
        colour="سرخ",
        police_station="CLIF",
        owner=PersonDraft(name="سارہ خان", cnic="4210112345672", mobile="03001234567"),
    )
    report = register_vehicle_report(station, draft)
    receipt = vehicles.issue_receipt(station, report.id)
    assert receipt.category == "Motorcycle snatched"
    assert "موٹر سائیکل" in receipt.category_ur
    for layout in LAYOUTS:
        flat = words(render_receipt(receipt, layout))
        for expected in ("Vehicle report receipt", "گاڑی", "سارہ خان", "KZU-9748", "Honda CD 70"):
            assert expected in flat, expected


def test_the_same_data_gives_the_same_bytes(station: DeskContext) -> None:
    draft = ComplaintDraft(
        complainant=PersonDraft(name=NAME), category="MOBILE_SNATCHING", police_station="BOBA",
        narrative=NARRATIVE,
    )  # fmt: skip
    number = register_complaint(station, replace(draft)).number
    receipt = issue_receipt(station, find_by_number(station, number).id)
    for layout in LAYOUTS:
        assert render_receipt(receipt, layout) == render_receipt(receipt, layout)
