"""The press PDF of a month's statistics beside bare ReportLab tables of the same shapes, in the
same run.

    python -m bench.statistics_pdf [--repeat N]

The report is the hand-built city month of the PDF's tests (98 stations, 32 categories, a
public report with a published copy: 13 pages). The baseline is a plain ReportLab document with
as many tables, each with as many rows and columns, filled with the same number of short
strings in Helvetica, one grid style: what the figures would cost with no Urdu, no bilingual
headings and no charts.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import LongTable, SimpleDocTemplate, Table, TableStyle

from cplc_desk.printing.fonts import bilingual_fonts
from cplc_desk.printing.statistics_layout import Kit
from cplc_desk.printing.statistics_pdf import _story, render_statistics
from cplc_desk.printing.statistics_tables import main_categories
from tests.printing.statistics_sample import sample_report


def _tables(flowables: list[Any]) -> Iterator[Table]:
    """Every table of figures in the story (not the grids that lay out headings and charts)."""
    for item in flowables:
        if isinstance(item, Table):
            cells = item._cellvalues
            if isinstance(item, LongTable):  # the figures; a plain Table only lays out
                yield item
            for row in cells:
                for cell in row:
                    yield from _tables(list(cell) if isinstance(cell, (list, tuple)) else [cell])


def _bare(shapes: list[tuple[int, int]]) -> Callable[[], bytes]:
    def render() -> bytes:
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=landscape(A4))
        story = []
        for rows, cols in shapes:
            table = Table([[f"{r * c % 997}" for c in range(cols)] for r in range(rows)],
                          repeatRows=1)  # fmt: skip
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, "grey"),
                                       ("FONTSIZE", (0, 0), (-1, -1), 7)]))  # fmt: skip
            story.append(table)
        doc.build(story)
        return out.getvalue()

    return render


def _ms(fn: Callable[[], bytes], repeat: int) -> list[float]:
    fn()  # warm up: imports, fonts, the catalogues
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 10
    report = sample_report(public=True, published=True)
    story = _story(Kit(bilingual_fonts()), report)
    shapes = [(len(t._cellvalues), len(t._cellvalues[0])) for t in _tables(story)]
    full = _ms(lambda: render_statistics(report), repeat)
    bare = _ms(_bare(shapes), repeat)
    f, b = statistics.median(full), statistics.median(bare)
    print(f"statistics PDF: {len(shapes)} tables, {sum(r * c for r, c in shapes):,} cells, "
          f"{len(main_categories(report))} charts")  # fmt: skip
    print(f"  press PDF   median {f:7.1f} ms  (min {min(full):.1f})")
    print(f"  bare tables median {b:7.1f} ms  (min {min(bare):.1f})")
    print(f"  ratio {f / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
