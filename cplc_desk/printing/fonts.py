"""The fonts a printed receipt uses, registered with ReportLab once per process.

Latin text embeds Bitstream Vera, which ships inside ReportLab (permissive licence), so a PDF
looks the same on any viewer or printer driver. Urdu embeds Noto Naskh Arabic (SIL OFL, shipped in
``resources/fonts`` with its licence), shaped by HarfBuzz (``reportlab[shaping]``). Naskh, not
Nastaliq: Nastaliq's text copies out of a PDF as private-use code points, and it crashed
ReportLab when a paragraph wrapped. The Arabic-script fonts have no Latin letters (nor "/"), so
Latin runs inside Urdu text stay in Vera (printing/bidi.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from cplc_desk.domain.i18n import _
from cplc_desk.paths import resource_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReceiptFonts:
    """Registered font names: Latin body and bold, and the Arabic-script ones for Urdu."""

    regular: str
    bold: str
    arabic: str = ""  # the Arabic-script font for Urdu runs; "" prints English only
    arabic_bold: str = ""


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


@cache
def bilingual_fonts() -> ReceiptFonts:
    """The Latin fonts plus Noto Naskh Arabic for Urdu. Without the Naskh files (a broken
    install) Urdu cannot be printed: the caller is told (FileNotFoundError), not handed boxes."""
    latin = latin_fonts()
    faces = {
        "CPLC-Naskh": resource_path("fonts", "NotoNaskhArabic-Regular.ttf"),
        "CPLC-Naskh-Bold": resource_path("fonts", "NotoNaskhArabic-Bold.ttf"),
    }
    for name, path in faces.items():
        if not path.is_file():
            raise FileNotFoundError(
                _("The Urdu font {path} is missing. Reinstall CPLC Desk.").format(path=path)
            )
        pdfmetrics.registerFont(TTFont(name, str(path), shapable=True))
    return ReceiptFonts(latin.regular, latin.bold, "CPLC-Naskh", "CPLC-Naskh-Bold")
