"""The statistics PDF's pictures: a category's 13 months as a bar chart (ReportLab's graphics
charts, drawn as vectors so they print sharp), and street crime by hour of day and day of week as
a shaded grid whose darkest cell is the busiest hour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from cplc_desk.domain import i18n
from cplc_desk.domain.i18n import N_
from cplc_desk.printing.statistics_layout import (
    DAYS,
    LINE_GREY,
    MONTHS,
    Kit,
    figures_table,
    plain_grid,
)

BAR = colors.HexColor("#4a6d8c")
LAST_BAR = colors.HexColor("#1f3b57")


def _axis_step(peak: int) -> int:
    """A round step giving four to six gridlines up to ``peak``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if peak / step <= 5:
            return step
    return max(1, int(round(peak / 5, -4)))


def trend_chart(months: Sequence[str], counts: Sequence[int], width: float, height: float, *,
                font: str) -> Drawing:  # fmt: skip
    """Bars for the months (oldest first), the last month darker, each bar's figure above it,
    month names under the axis (the year under January and under the first month)."""
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y = 9 * mm, 8 * mm
    chart.width, chart.height = width - 11 * mm, height - 12 * mm
    chart.data = [list(counts) or [0]]
    chart.barSpacing = 0
    chart.groupSpacing = 2
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR
    if counts:
        chart.bars[(0, len(counts) - 1)].fillColor = LAST_BAR
    peak = max(counts, default=0)
    step = _axis_step(peak)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-peak // step) * step) * 1.12
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 5.5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}" if v % step == 0 else ""
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d8d8d8")
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.strokeColor = LINE_GREY
    chart.categoryAxis.strokeColor = LINE_GREY
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 5.5
    chart.categoryAxis.labels.dy = -1
    chart.categoryAxis.categoryNames = [
        _month_tick(text, first=index == 0) for index, text in enumerate(months)
    ]
    chart.barLabelFormat = lambda v: f"{v:,.0f}"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 5
    chart.barLabels.nudge = 4
    drawing.add(chart)
    return drawing


def _month_tick(text: str, *, first: bool) -> str:
    year, month = text.split("-")
    name = i18n.in_language(i18n.ENGLISH, MONTHS[int(month) - 1])
    return f"{name}\n{year}" if first or month == "01" else name


def trend_panel(kit: Kit, names: tuple[str, str], months: Sequence[str],
                counts: Sequence[int], width: float) -> Table:  # fmt: skip
    """One chart under its category's English and Urdu names."""
    chart = trend_chart(months, counts, width, 48 * mm, font=kit.fonts.regular)
    title = kit.titled(names, kit.cell_bold, width)
    return plain_grid([[title], [chart]], [width], font=kit.fonts.regular)


def trend_grid(kit: Kit, panels: Sequence[Flowable], width: float, across: int = 3) -> list[Any]:
    """Panels three to a row; each row a table of its own so a page breaks between rows."""
    gap = 5 * mm
    rows: list[Any] = []
    for start in range(0, len(panels), across):
        cells = list(panels[start : start + across])
        cells += [""] * (across - len(cells))
        rows.append(
            plain_grid(
                [cells],
                [
                    (width - gap * (across - 1)) / across + (gap if i < across - 1 else 0)
                    for i in range(across)
                ],
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                font=kit.fonts.regular,
            )
        )
    return rows


def shade(value: int, peak: int) -> colors.Color:
    """White for none, up to near-black for the busiest cell."""
    if peak <= 0 or value <= 0:
        return colors.white
    level = 0.12 + 0.78 * value / peak
    return colors.Color(1 - level * 0.85, 1 - level * 0.8, 1 - level * 0.7)


def hour_day_table(kit: Kit, cells: Sequence[Sequence[int]], width: float) -> Table:
    """Days down, hours 0-23 across (Pakistan time), each day's English name on the left and its
    Urdu name on the right; the figure in each cell, the cell shaded by it."""
    peak = max((v for day in cells for v in day), default=0)
    name_width, total_width = 20 * mm, 12 * mm
    hour_width = (width - 2 * name_width - total_width) / 24
    header: list[Any] = [kit.column(N_("Day"), figure=False)]
    header += [kit.english(f"{h:02d}", kit.head_figure) for h in range(24)]
    header += [kit.column(N_("Total")), kit.column(N_("Day"))]
    rows: list[list[Any]] = [header]
    extra: list[Any] = []
    for index, day in enumerate(cells):
        name = DAYS[index]
        row: list[Any] = [kit.english(i18n.in_language(i18n.ENGLISH, name), kit.cell_bold)]
        for hour, value in enumerate(day):
            row.append(f"{value:,}" if value else "")
            at = (hour + 1, index + 1)
            extra.append(("BACKGROUND", at, at, shade(value, peak)))
            if peak and value / peak > 0.55:
                extra.append(("TEXTCOLOR", at, at, colors.white))
        row.append(f"{sum(day):,}")
        row.append(kit.urdu(i18n.in_language(i18n.URDU, name), kit.cell.fontSize, bold=True))
        rows.append(row)
    widths = [name_width] + [hour_width] * 24 + [total_width, name_width]
    return figures_table(rows, widths, font=kit.fonts.regular, extra=extra, right=range(1, 26))
