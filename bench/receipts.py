"""Receipt rendering time beside a bare ReportLab page with a QR code, in the same run.

    python -m bench.receipts

Targets: a receipt within 3x the bare page (issue 3), and the bilingual receipt, with the
citizen's data typed in English or in Urdu, still within 3x (issue 11).
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.printing.receipt import render_receipt
from cplc_desk.services.complaints import complaint_list, receipts
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk


def _bare_page(text: str) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A5)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(40, 520, text)
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(110, 110, transform=[110 / (x1 - x0), 0, 0, 110 / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, c, 40, 380)
    c.showPage()
    c.save()
    return out.getvalue()


def _ms(fn, repeat: int = 40) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm up (imports, font loading)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def receipt_vs_bare(ctx: DeskContext) -> None:
    page = complaint_list.list_page(ctx, complaint_list.ComplaintQuery(), limit=2)
    for row in reversed(page.rows):  # the English data first, then the Urdu
        data = receipts.issue_receipt(ctx, row.id)
        script = "Urdu" if any("\u0600" <= ch <= "\u06ff" for ch in data.complainant) else "English"
        bare = _ms(lambda data=data: _bare_page(data.number))
        for layout in ("a5", "80mm"):
            ours = _ms(lambda layout=layout, data=data: render_receipt(data, layout))
            ratio = statistics.median(ours) / statistics.median(bare)
            print(f"receipt {layout:4} ({script} data): median {statistics.median(ours):.1f} ms; "
                  f"bare ReportLab page with QR median {statistics.median(bare):.1f} ms; "
                  f"ratio {ratio:.1f}x (target <= 3x)")  # fmt: skip


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_desk(
            __import__("cplc_desk.paths").paths.DeskPaths(Path(tmp)), actor=Actor("bench")
        )
        setup.init_station(ctx, "CLIF")
        register_complaint(
            ctx,
            ComplaintDraft(
                complainant=PersonDraft(name="Sana Javed", cnic="42101-1234567-2"),
                category="MOBILE_SNATCHING",
                police_station="CLIF",
                narrative="Phone snatched at gunpoint at the bus stop near Teen Talwar.",
            ),
        )
        register_complaint(
            ctx,
            ComplaintDraft(
                complainant=PersonDraft(name="محمد علی ولد احمد حسین", cnic="42101-1234567-2"),
                category="MOBILE_SNATCHING",
                police_station="CLIF",
                narrative="تین تلوار کے قریب بس اسٹاپ پر اسلحے کے زور پر موبائل فون چھین لیا گیا۔ "
                "ایف آئی آر 123/2026 درج ہے۔",
            ),
        )
        receipt_vs_bare(ctx)
        ctx.close()


if __name__ == "__main__":
    main(sys.argv[1:])
