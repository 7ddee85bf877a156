"""Getting a receipt PDF onto paper or into a file, each step behind one small function.

ReportLab (``cplc_desk.printing``) is the only renderer: what is printed is exactly the PDF that
can be saved. Qt cannot print a PDF by itself; it needs the QtPdf module to turn pages into
images, and QtPdf ships in PySide6-Addons, not in the PySide6-Essentials the desk installs. So:

- with QtPdf (someone installed PySide6-Addons), :func:`print_pdf` shows the system's print
  dialog and prints each page rendered at the printer's resolution;
- without it (the normal case), :func:`print_pdf` opens the receipt in the computer's PDF viewer,
  where the volunteer presses Print. "Save receipt as PDF" is offered beside it everywhere.

Widgets call these through the module (``receipt_printing.print_pdf(...)``) so tests can
replace them: a real print dialog or file chooser would wait forever for a click.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cplc_desk.gui.widgets import dialogs
from cplc_desk.sync.files import write_atomically

translate = QCoreApplication.translate

# What print_pdf did, for the caller to tell the volunteer.
PRINTED = "printed"
OPENED_IN_VIEWER = "opened"
CANCELLED = "cancelled"
FAILED = "failed"

_RECEIPT_FOLDER = "cplc-desk-receipts"


def qtpdf_available() -> bool:
    try:
        return importlib.util.find_spec("PySide6.QtPdf") is not None
    except (ImportError, ValueError):
        return False


def print_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str) -> str:
    """Print ``pdf_bytes``; returns PRINTED, OPENED_IN_VIEWER, CANCELLED or FAILED."""
    if qtpdf_available():
        return _print_with_qtpdf(parent, pdf_bytes, title)
    path = _viewer_copy(pdf_bytes, title)
    if open_in_viewer(path):
        return OPENED_IN_VIEWER
    dialogs.show_error(
        parent,
        translate("ComplaintPrinting", "Cannot print"),
        translate(
            "ComplaintPrinting",
            "This computer has no program to open PDF files, so the receipt cannot be printed "
            "from here. Use “Save receipt as PDF” and print the file from another computer.",
        ),
    )
    return FAILED


def open_in_viewer(path: Path) -> bool:
    """Open a file in the program the computer uses for its kind; False if there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


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


def _viewer_copy(pdf_bytes: bytes, title: str) -> Path:
    # The viewer reads the file after we return, so it cannot be deleted now. Earlier copies
    # are removed instead (a viewer that still holds one on Windows keeps it until next time).
    folder = _viewer_folder()
    for old in folder.glob("*.pdf"):
        with contextlib.suppress(OSError):
            old.unlink()
    path = folder / f"{safe_file_name(title)}.pdf"
    write_atomically(path, pdf_bytes)  # the citizen's name and complaint: this account's only
    return path


def _viewer_folder() -> Path:
    """The folder for the viewer's copies: this account's own. The system's temporary folder is
    shared by every account on Linux (``/tmp``); one that another account made under our name is
    not used (it could read or swap the receipts), a new one is made instead."""
    folder = Path(tempfile.gettempdir()) / _RECEIPT_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    getuid = getattr(os, "getuid", None)
    if getuid is not None and folder.lstat().st_uid != getuid():
        return Path(tempfile.mkdtemp(prefix=_RECEIPT_FOLDER + "-"))
    return folder


def _print_with_qtpdf(parent: QWidget | None, pdf_bytes: bytes, title: str) -> str:
    # Imported by name: QtPdf is optional and absent from the stubs mypy sees.
    qtpdf = importlib.import_module("PySide6.QtPdf")
    printsupport = importlib.import_module("PySide6.QtPrintSupport")
    buffer = QBuffer()
    buffer.setData(pdf_bytes)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = qtpdf.QPdfDocument()
    document.load(buffer)
    if document.pageCount() < 1:
        return FAILED
    printer = printsupport.QPrinter(printsupport.QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    first = document.pagePointSize(0)
    printer.setPageSize(
        QPageSize(first, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
    )
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    chooser = printsupport.QPrintDialog(printer, parent)
    if dialogs.run_modal(chooser) != QDialog.DialogCode.Accepted:
        return CANCELLED
    painter = QPainter()
    if not painter.begin(printer):
        return FAILED
    try:
        # 300 dpi is sharp on paper; the printer's own (often 1200) would make each A5 page
        # a quarter-gigabyte image.
        dpi = min(printer.resolution(), 300)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            )
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), size), image)
    finally:
        painter.end()
    return PRINTED
