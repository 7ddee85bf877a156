"""The receipt preview and the printing behind it: the page drawn from the PDF itself (no PDF
viewer on the PC), the paper changeable, and a real print through Qt's printer (to a PDF file
here, as no printer is attached), read back."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.gui.widgets import receipt_preview, receipt_printing
from cplc_desk.printing.receipt import render_receipt
from cplc_desk.services.complaints import receipts
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import DeskContext

MM = 72 / 25.4


@pytest.fixture
def receipt(station_ctx: DeskContext) -> receipts.ReceiptData:
    registered = register_complaint(
        station_ctx,
        ComplaintDraft(
            complainant=PersonDraft(name="Sana Baloch", cnic="42101-1111111-1"),
            category="FIR_NOT_REGISTERED",
            police_station="CLIF",
            narrative="The station refused to register an FIR.",
        ),
    )
    return receipts.prepare_receipt(station_ctx, registered.id)


def preview(qtbot, data: receipts.ReceiptData, paper: str = "a5", *, copy: bool = False):  # type: ignore[no-untyped-def]
    dialog = receipt_preview.ReceiptPreviewDialog(
        None, lambda layout: render_receipt(data, layout), data.number, paper, copy, Path("r.pdf")
    )
    qtbot.addWidget(dialog)
    return dialog


def test_the_preview_shows_the_page_for_the_paper_chosen(qtbot, receipt) -> None:
    dialog = preview(qtbot, receipt)
    a5 = dialog.page_label.pixmap()
    assert not a5.isNull() and a5.height() > a5.width()  # an A5 sheet, upright
    assert dialog.copy_label.isHidden()
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("80mm"))
    roll = dialog.page_label.pixmap()
    assert dialog.paper == "80mm" and roll.width() < a5.width()  # the narrow roll
    assert PdfReader(io.BytesIO(dialog.pdf)).pages[0].mediabox.width == pytest.approx(80 * MM, 1)
    assert not preview(qtbot, receipt, copy=True).copy_label.isHidden()


def test_closing_the_preview_sends_nothing(qtbot, receipt) -> None:
    dialog = preview(qtbot, receipt)
    dialog.close_button.click()
    assert dialog.sent == "" and dialog.saved_to is None


def test_a_print_paints_the_receipt_on_the_chosen_printer(
    qtbot, receipt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"

    def choose(parent, printer: QPrinter) -> bool:  # type: ignore[no-untyped-def]
        # What the system dialog does when a printer is picked; a PDF printer, here.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(receipt_printing, "choose_printer", choose)
    dialog = preview(qtbot, receipt)
    dialog.print_receipt()

    assert dialog.sent == receipt_preview.PRINTED
    page = PdfReader(out).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (148 * MM, 210 * MM), abs=2
    )  # A5, as laid out
    document = pdfium.PdfDocument(out)
    try:
        gray = document[0].render(scale=0.5).to_pil().convert("L")
    finally:
        document.close()
    assert gray.getextrema()[0] < 80  # ink on the page: the receipt was painted, not a blank


def test_a_cancelled_print_dialog_prints_nothing(
    qtbot, receipt, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QPrinter] = []
    monkeypatch.setattr(
        receipt_printing, "choose_printer", lambda parent, printer: asked.append(printer) and False
    )
    dialog = preview(qtbot, receipt)
    dialog.print_receipt()
    assert len(asked) == 1  # the print dialog was shown, and cancelled
    assert dialog.sent == "" and dialog.result() == 0  # nothing sent; the preview stays open
    assert dialog.problem_label.isHidden()  # a cancel is not a failure


def test_save_as_pdf_from_the_preview_writes_the_file(
    qtbot, receipt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(receipt_printing, "save_pdf_path", lambda *args: target)
    dialog = preview(qtbot, receipt, "80mm")
    dialog.save_receipt()
    assert (dialog.sent, dialog.saved_to, dialog.paper) == (receipt_preview.SAVED, target, "80mm")
    assert target.read_bytes() == dialog.pdf
