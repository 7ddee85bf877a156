"""Getting a receipt PDF onto paper or into a file, each step behind one small function.

ReportLab (``cplc_desk.printing``) is the only renderer: what is printed is exactly the PDF that
can be saved. The desk turns the PDF's pages into images itself (pdfium, through pypdfium2), so
neither a PDF viewer on the PC nor Qt's optional PDF module is needed: the preview shows those
images, and :func:`print_pdf` paints them for the printer chosen in the system's print dialog.

Widgets call these through the module (``receipt_printing.print_pdf(...)``) so tests can
replace them: a real print dialog or file chooser would wait forever for a click.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRect, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cplc_desk.gui.widgets import dialogs

translate = QCoreApplication.translate

# What print_pdf did, for the caller to tell the volunteer.
PRINTED = "printed"
CANCELLED = "cancelled"
FAILED = "failed"

PRINT_DPI = 300  # sharp on paper; a printer's own 1200 would make each A5 page 100 MB


def page_images(pdf_bytes: bytes, dpi: float) -> list[QImage]:
    """Each page of the PDF as an image at ``dpi``."""
    document = pdfium.PdfDocument(pdf_bytes)
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            images.append(image.copy())  # its own pixels: pdfium's buffer goes with the page
        return images
    finally:
        document.close()


def page_size_points(pdf_bytes: bytes) -> QSizeF:
    """The first page's size in points (A5, or the 80 mm roll's length for this receipt)."""
    document = pdfium.PdfDocument(pdf_bytes)
    try:
        width, height = document[0].get_size()
        return QSizeF(width, height)
    finally:
        document.close()


def default_printer_name() -> str:
    """The printer the system prints to unless told otherwise; empty when there is none."""
    return QPrinterInfo.defaultPrinterName()


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog (printer, copies, its own page set-up); False if cancelled."""
    chooser = QPrintDialog(printer, parent)
    chooser.setWindowTitle(translate("ReceiptPrinting", "Print receipt"))
    return dialogs.run_modal(chooser) == QDialog.DialogCode.Accepted


def print_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str) -> str:
    """Print ``pdf_bytes`` on a printer the person chooses; PRINTED once every page was sent,
    CANCELLED or FAILED otherwise (then nothing was printed)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(
        QPageSize(
            page_size_points(pdf_bytes),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    )
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the receipt has its own margins
    if not choose_printer(parent, printer):
        return CANCELLED
    dpi = min(printer.resolution(), PRINT_DPI)
    images = page_images(pdf_bytes, dpi)
    painter = QPainter()
    if not images or not painter.begin(printer):
        return FAILED
    try:
        for number, image in enumerate(images):
            if number and not printer.newPage():
                return FAILED
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), size), image)
    finally:
        painter.end()
    return FAILED if printer.printerState() == QPrinter.PrinterState.Error else PRINTED


def save_pdf_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    """Where to save a PDF (the chooser asks before replacing a file), or None if cancelled."""
    pdf_filter = translate("ComplaintPrinting", "PDF files (*.pdf)")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pdf_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def safe_file_name(text: str) -> str:
    """``text`` usable as a file name on Windows too (receipt numbers are, but be sure)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "-", text).strip("-.") or "receipt"
