"""The fonts a printed receipt uses, registered with ReportLab once per process.

English receipts embed Bitstream Vera, which ships inside ReportLab (permissive licence), so a
PDF looks the same on any viewer or printer driver. Urdu needs a font with Arabic-script
coverage and ReportLab's shaping (``reportlab[shaping]``): register e.g. Noto Naskh Arabic (not
Noto Nastaliq Urdu, which crashed ReportLab when a paragraph wrapped) and pass a
:class:`ReceiptFonts` with ``shaping=True, rtl=True`` to the renderer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReceiptFonts:
    """Registered font names for body and bold text, and how the script is laid out."""

    regular: str
    bold: str
    shaping: bool = False  # ReportLab shapes Arabic-script text itself (uharfbuzz)
    rtl: bool = False  # paragraphs run right to left and align right


HELVETICA = ReceiptFonts("Helvetica", "Helvetica-Bold")


@cache
def latin_fonts() -> ReceiptFonts:
    """Vera embedded from ReportLab's own fonts folder; Helvetica if that folder is missing
    (a frozen build that left ReportLab's data files out): a receipt still prints."""
    try:
        pdfmetrics.registerFont(TTFont("CPLC-Sans", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("CPLC-Sans-Bold", "VeraBd.ttf"))
    except TTFError:
        log.warning("ReportLab's Vera fonts not found; receipts fall back to Helvetica")
        return HELVETICA
    # <b> inside a paragraph picks the bold face.
    addMapping("CPLC-Sans", 0, 0, "CPLC-Sans")
    addMapping("CPLC-Sans", 1, 0, "CPLC-Sans-Bold")
    addMapping("CPLC-Sans", 0, 1, "CPLC-Sans")
    addMapping("CPLC-Sans", 1, 1, "CPLC-Sans-Bold")
    return ReceiptFonts("CPLC-Sans", "CPLC-Sans-Bold")
