"""The statistics PDF's tables: categories against the periods they are compared with, recovery
rates, what changed since publication, the area x category matrix, the makes and models most
stolen and the stations ranked. English names on the left, Urdu names on the right of each row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable

from cplc_desk.domain.i18n import N_
from cplc_desk.domain.statistics import StatisticsReport
from cplc_desk.printing.receipt_wording import Both, both
from cplc_desk.printing.statistics_layout import (
    GROUPS,
    LEVELS,
    Kit,
    count,
    difference,
    figures_table,
    period_label,
    rate,
)

MAIN_GROUPS = ("four_wheeler", "two_wheeler", "mobile_phone")
_PER_TABLE = 12  # category columns on one landscape page


def main_categories(report: StatisticsReport) -> list[Any]:
    """The figures the press quotes: cars and motorcycles, mobile phones, and the sensitive
    complaints (kidnapping, kidnapping for ransom, extortion)."""
    sensitive = {c.code for c in report.categories if c.sensitive}
    return [r for r in report.rows if r.group in MAIN_GROUPS or r.category in sensitive]


def _periods(report: StatisticsReport) -> list[str]:
    """The periods compared, as labels: these months, the months before, the same months last
    year, this year to date and last year's."""
    first, last = report.request.month, report.request.last
    span = len(report.request.months)
    before = (first.shift(-span), first.shift(-1))
    year_ago = (first.shift(-12), last.shift(-12))
    january = type(last)(last.year, 1)
    return [
        period_label(str(first), str(last)),
        period_label(str(before[0]), str(before[1])),
        period_label(str(year_ago[0]), str(year_ago[1])),
        period_label(str(january), str(last)),
        period_label(str(january.shift(-12)), str(last.shift(-12))),
    ]


def category_table(
    kit: Kit, report: StatisticsReport, rows: Sequence[Any], width: float
) -> LongTable:
    """Each category: this period, the one before, the same one last year, the year to date and
    last year's, each comparison's difference before its percentage."""
    single = report.request.to_month in (None, report.request.month)
    now = N_("This month") if single else N_("These months")
    before = N_("Last month") if single else N_("The months before")
    year_ago = N_("Same month last year") if single else N_("Same months last year")
    change = N_("Change")
    titles = [now, before, change, year_ago, change,
              N_("Year to date"), N_("Last year to date"), change]  # fmt: skip
    header: list[Any] = [kit.column(N_("Category"), figure=False)]
    header += [kit.column(t) for t in titles]
    header.append(kit.column(N_("Category")))
    labels = _periods(report)
    where = [labels[0], labels[1], "", labels[2], "", labels[3], labels[4], ""]
    second: list[Any] = ["", *[kit.english(w, kit.head_figure) for w in where], ""]
    body: list[list[Any]] = [header, second]
    for row in rows:
        body.append(
            [
                kit.english(row.name, kit.cell),
                *(
                    count(row.count), count(row.previous_month),
                    difference(row.vs_previous_month.absolute, row.vs_previous_month.percent),
                    count(row.same_month_last_year),
                    difference(row.vs_last_year.absolute, row.vs_last_year.percent),
                    count(row.year_to_date), count(row.previous_year_to_date),
                    difference(row.vs_previous_year_to_date.absolute,
                               row.vs_previous_year_to_date.percent),
                ),
                kit.urdu(row.name_ur, kit.cell.fontSize),
            ]
        )  # fmt: skip
    if not rows:
        body.append([kit.english(both(N_("Nothing to show."))[0], kit.cell)] + [""] * 9)
    fixed = [50 * mm]
    figures = [16 * mm, 16 * mm, 27 * mm, 18 * mm, 27 * mm, 18 * mm, 18 * mm, 27 * mm]
    widths = [*fixed, *figures, width - sum(fixed) - sum(figures)]
    return figures_table(body, widths, font=kit.fonts.regular, header_rows=2, right=range(1, 9))


def _named_rows(
    kit: Kit,
    name: str,
    figures: Sequence[str],
    rows: Iterable[tuple[Both, list[Any]]],
    widths: list[float],
) -> LongTable:
    """A table of rows named in both languages: the English name first, then the ``figures``
    columns, the Urdu name last (where a reader from the right starts)."""
    header = [kit.column(name, figure=False), *(kit.column(f) for f in figures), kit.column(name)]
    body: list[list[Any]] = [header]
    for (english, urdu), cells in rows:
        body.append([kit.english(english, kit.cell), *cells, kit.urdu(urdu, kit.cell.fontSize)])
    right = range(1, len(figures) + 1)
    return figures_table(body, widths, font=kit.fonts.regular, right=right)


def recovery_table(kit: Kit, recovery: Sequence[Any], width: float) -> LongTable:
    rows = [
        (
            both(GROUPS.get(item.group, item.group)),
            [f"{item.taken:,}", f"{item.recovered:,}", rate(item.rate)],
        )
        for item in recovery
    ]
    figures = (N_("Stolen and snatched"), N_("Recovered"), N_("Recovery rate"))
    widths = [width * 0.33, width * 0.15, width * 0.13, width * 0.12, width * 0.27]
    return _named_rows(kit, N_("Vehicles and phones"), figures, rows, widths)


def changes_table(
    kit: Kit, report: StatisticsReport, changes: Sequence[Any], width: float
) -> LongTable:
    names = {c.code: (c.name, c.name_ur) for c in report.categories}
    rows = [
        (
            names.get(item.category, (item.category, item.category)),
            [f"{item.published:,}", f"{item.now:,}", difference(item.now - item.published, None)],
        )
        for item in changes
    ]
    figures = (N_("Published"), N_("Now"), N_("Difference"))
    widths = [width * 0.3, width * 0.13, width * 0.13, width * 0.13, width * 0.31]
    return _named_rows(kit, N_("Category"), figures, rows, widths)


def _column_sets(report: StatisticsReport, every_category: bool) -> list[list[Any]]:
    main = main_categories(report)
    if not every_category:
        return [main]
    main_codes = {r.category for r in main}
    ordered = main + [r for r in report.rows if r.category not in main_codes]
    return [ordered[i : i + _PER_TABLE] for i in range(0, len(ordered), _PER_TABLE)]


def matrix_tables(
    kit: Kit, report: StatisticsReport, areas: Sequence[Any], width: float, *, every_category: bool
) -> list[Flowable]:
    """Areas down, categories across (as many tables as it takes, 13 categories in each), the
    area's total over every category last; zones and districts under a line of their own."""
    tables: list[Flowable] = []
    name, urdu_name, total = 32 * mm, 28 * mm, 12 * mm
    for columns in _column_sets(report, every_category):
        each = (width - name - urdu_name - total) / len(columns)
        header: list[Any] = [kit.column(N_("Area"), figure=False)]
        header += [kit.column_both((r.name, r.name_ur), width=each - 5) for r in columns]
        header += [kit.column(N_("Total")), kit.column(N_("Area"))]
        body: list[list[Any]] = [header]
        extra: list[Any] = []
        level = None
        for area in areas:
            if area.level != level and len({a.level for a in areas}) > 1:
                level = area.level
                extra += _level_row(kit, body, level, len(columns))
            body.append(
                [kit.text(area.name)]
                + [count(area.counts.get(r.category, 0)) for r in columns]
                + [f"{area.total:,}", kit.urdu(area.name_ur, kit.cell.fontSize)]
            )  # fmt: skip
        widths = [name, *[each] * len(columns), total, urdu_name]
        right = range(1, len(columns) + 2)
        tables.append(figures_table(body, widths, font=kit.fonts.regular, extra=extra, right=right))
    return tables


def _level_row(kit: Kit, body: list[list[Any]], level: str, columns: int) -> list[Any]:
    """A line naming the level (zones, districts) that the rows under it are of."""
    english, urdu = both(LEVELS.get(level, level))
    at = len(body)
    body.append(
        [kit.english(english, kit.cell_bold)] + [""] * columns
        + [kit.urdu(urdu, kit.cell.fontSize, bold=True), ""]
    )  # fmt: skip
    return [("SPAN", (0, at), (columns, at)), ("SPAN", (columns + 1, at), (-1, at))]


def makes_table(kit: Kit, makes: Sequence[Any], width: float) -> LongTable:
    """Per group (cars, motorcycles, phones...), the makes and models most stolen or snatched."""
    header = [
        kit.column(N_("Rank")),
        kit.column(N_("Make"), figure=False),
        kit.column(N_("Model"), figure=False),
        kit.column(N_("Stolen and snatched")),
    ]
    body: list[list[Any]] = [header]
    extra: list[Any] = []
    group, rank = None, 0
    for item in makes:
        if item.group != group:
            group, rank = item.group, 0
            english, urdu = both(GROUPS.get(group, group))
            extra += [("SPAN", (0, len(body)), (1, len(body))),
                      ("SPAN", (2, len(body)), (3, len(body))),
                      ("LINEABOVE", (0, len(body)), (-1, len(body)), 0.8, "black")]  # fmt: skip
            body.append([kit.english(english, kit.cell_bold), "",
                         kit.urdu(urdu, kit.cell.fontSize, bold=True), ""])  # fmt: skip
        rank += 1
        body.append(
            [
                str(rank),
                kit.text(item.make or "–"),
                kit.text(item.model or "–"),
                f"{item.count:,}",
            ]
        )
    if not makes:
        body.append(["", kit.english(both(N_("Nothing to show."))[0], kit.cell), "", ""])
    widths = [14 * mm, 60 * mm, 70 * mm, 34 * mm]
    return figures_table(body, widths, font=kit.fonts.regular, extra=extra, right=(0, 3))


def ranking_table(kit: Kit, stations: Sequence[Any], width: float) -> LongTable:
    header = [
        kit.column(N_("Rank")),
        kit.column(N_("Code"), figure=False),
        kit.column(N_("Police station"), figure=False),
        kit.column(N_("District"), figure=False),
        kit.column(N_("Total")),
        kit.column(N_("Police station")),
    ]
    body: list[list[Any]] = [header]
    for item in stations:
        body.append(
            [
                str(item.rank),
                kit.english(item.code, kit.cell),
                kit.text(item.name),
                kit.text(item.district),
                f"{item.total:,}",
                kit.urdu(item.name_ur, kit.cell.fontSize),
            ]
        )
    widths = [14 * mm, 22 * mm, 70 * mm, 50 * mm, 24 * mm, 70 * mm]
    return figures_table(body, widths, font=kit.fonts.regular, right=(0, 4))
