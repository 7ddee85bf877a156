"""The Reports page's tables, built from a :class:`StatisticsReport`: the figures per category,
recovery rates, the area x category matrix, street crime by hour and day, the makes and models
most stolen, and the stations ranked. Names follow the window's language; counts are grouped the
way the window's locale groups them; a change shows the absolute difference before the
percentage, since a percentage of a small count misleads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cplc_desk.domain import i18n
from cplc_desk.domain.statistics import Change, MatrixRow, StatisticsReport
from cplc_desk.gui.reports.report_model import DrillKey, Table, listing
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import NOTHING

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate

# The statistics' groups and area levels: marked for the translator here, translated where shown.
_GROUPS = {
    "four_wheeler": QT_TRANSLATE_NOOP("Reports", "Cars and other four-wheelers"),
    "two_wheeler": QT_TRANSLATE_NOOP("Reports", "Motorcycles"),
    "rickshaw": QT_TRANSLATE_NOOP("Reports", "Rickshaws"),
    "other_vehicle": QT_TRANSLATE_NOOP("Reports", "Other vehicles"),
    "mobile_phone": QT_TRANSLATE_NOOP("Reports", "Mobile phones"),
    "complaint": QT_TRANSLATE_NOOP("Reports", "Complaints"),
}
_LEVELS = {
    "zone": QT_TRANSLATE_NOOP("Reports", "Zone"),
    "district": QT_TRANSLATE_NOOP("Reports", "District"),
    "station": QT_TRANSLATE_NOOP("Reports", "Police station"),
}


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def name_ur(self) -> str: ...


def local_name(row: _Named) -> str:
    """A category's, area's or station's name in the window's language."""
    if i18n.current_language() == i18n.URDU and row.name_ur:
        return row.name_ur
    return row.name


def group_name(group: str) -> str:
    return names.named("Reports", _GROUPS, group)


def day_names() -> list[str]:
    return [
        translate("Reports", "Monday"),
        translate("Reports", "Tuesday"),
        translate("Reports", "Wednesday"),
        translate("Reports", "Thursday"),
        translate("Reports", "Friday"),
        translate("Reports", "Saturday"),
        translate("Reports", "Sunday"),
    ]


def format_change(value: Change) -> str:
    """ "+3 (+12.5%)", "-2 (-40.0%)", "+4" when the earlier figure was 0, "0"."""
    absolute = format_count(abs(value.absolute))
    sign = "+" if value.absolute > 0 else "−" if value.absolute < 0 else ""
    text = f"{sign}{absolute}"
    if value.percent is not None and value.absolute != 0:
        text += f" ({value.percent:+.1f}%)".replace("-", "−")
    return ltr_text(text)  # "−4 (−21.1%)" in that order inside an Urdu window too


def category_names(report: StatisticsReport) -> dict[str, str]:
    return {c.code: local_name(c) for c in report.categories}


def _drill_tip() -> str:
    return translate("Reports", "Double-click to list the records behind this figure")


def figures_table(report: StatisticsReport) -> Table:
    one_month = report.request.to_month is None
    table = Table(
        [
            translate("Reports", "Category"),
            translate("Reports", "This month") if one_month else translate("Reports", "Months"),
            translate("Reports", "Month before")
            if one_month
            else translate("Reports", "Months before"),
            translate("Reports", "Change"),
            translate("Reports", "Same month last year")
            if one_month
            else translate("Reports", "Same months last year"),
            translate("Reports", "Change"),
            translate("Reports", "Year to date"),
            translate("Reports", "Last year to date"),
            translate("Reports", "Change"),
        ],
        drill_tip=_drill_tip(),
    )
    before = report.request.month.shift(-1) if one_month else None
    last_year = report.request.month.shift(-12) if one_month else None
    for row in report.rows:
        keys: list[DrillKey | None] = [None] * 9
        keys[1] = DrillKey(row.category)
        if before is not None and last_year is not None:
            keys[2] = DrillKey(row.category, month=before)
            keys[4] = DrillKey(row.category, month=last_year)
        table.add(
            [
                local_name(row),
                format_count(row.count),
                format_count(row.previous_month),
                format_change(row.vs_previous_month),
                format_count(row.same_month_last_year),
                format_change(row.vs_last_year),
                format_count(row.year_to_date),
                format_count(row.previous_year_to_date),
                format_change(row.vs_previous_year_to_date),
            ],
            keys,
        )
    return table


def recovery_table(report: StatisticsReport) -> Table:
    table = Table(
        [
            translate("Reports", "What"),
            translate("Reports", "Stolen or snatched"),
            translate("Reports", "Recovered"),
            translate("Reports", "Recovery rate"),
        ]
    )
    for rate in report.recovery:
        shown = NOTHING if rate.rate is None else ltr_text(f"{rate.rate:.1f}%")
        table.add(
            [group_name(rate.group), format_count(rate.taken), format_count(rate.recovered), shown]
        )
    return table


def matrix_table(report: StatisticsReport) -> Table:
    """Zones, districts and stations down, categories across; a station's cell drills down."""
    categories = category_names(report)
    codes = [c.code for c in report.categories]
    table = Table(
        [translate("Reports", "Area"), translate("Reports", "Level")]
        + [categories[c] for c in codes]
        + [translate("Reports", "Total")],
        numeric_from=2,
        drill_tip=_drill_tip(),
    )
    for row in area_order(report.matrix):
        depth = {"district": 1, "station": 2}.get(row.level, 0)
        cells = ["\u2003" * depth + local_name(row), names.named("Reports", _LEVELS, row.level)]
        keys: list[DrillKey | None] = [None, None]
        for code in codes:
            count = row.counts.get(code, 0)
            # A suppressed cell (a public report) is marked, never shown as nought.
            cells.append("<3" if count is None else format_count(count))
            drills = row.level == "station" and count is not None and count > 0
            keys.append(DrillKey(code, station=row.code) if drills else None)
        cells.append(format_count(row.total))
        keys.append(None)
        if row.level != "station":
            table.bold_rows.add(len(table.rows))
        table.add(cells, keys)
    return table


def area_order(matrix: Sequence[MatrixRow]) -> list[MatrixRow]:
    """Each zone followed by its districts, each district by its stations (the service lists
    zones, then districts, then stations); a row whose parent is not there comes last."""
    above = {"district": "zone", "station": "district"}
    children: dict[tuple[str, str | None], list[MatrixRow]] = {}
    for row in matrix:
        if row.level in above:
            children.setdefault((above[row.level], row.parent), []).append(row)
    ordered: list[MatrixRow] = []

    def add(row: MatrixRow) -> None:
        ordered.append(row)
        for child in children.get((row.level, row.code), []):
            add(child)

    for zone in (row for row in matrix if row.level == "zone"):
        add(zone)
    seen = {id(row) for row in ordered}
    ordered.extend(row for row in matrix if id(row) not in seen)
    return ordered


def hour_day_table(report: StatisticsReport) -> Table:
    """Days down, hours across (Pakistan time); each cell shaded by its share of the busiest."""
    grid = report.hour_day
    table = Table([translate("Reports", "Day")] + [f"{hour:02d}" for hour in range(24)], shades=[])
    most = max((max(day) for day in grid.cells if day), default=0)
    assert table.shades is not None
    for name, day in zip(day_names(), grid.cells, strict=False):
        table.add([name] + [format_count(n) if n else "" for n in day])
        table.shades.append([0.0] + [n / most if most else 0.0 for n in day])
    return table


def makes_table(report: StatisticsReport) -> Table:
    return listing(
        report.makes,
        [
            (translate("Reports", "What"), lambda item: group_name(item.group)),
            (translate("Reports", "Make"), lambda item: item.make or NOTHING),
            (translate("Reports", "Model"), lambda item: item.model or NOTHING),
            (translate("Reports", "Stolen or snatched"), lambda item: format_count(item.count)),
        ],
        numeric_from=3,
    )


def stations_table(report: StatisticsReport) -> Table:
    return listing(
        report.stations,
        [
            (translate("Reports", "Rank"), lambda station: format_count(station.rank)),
            (translate("Reports", "Police station"), local_name),
            (translate("Reports", "District"), lambda station: station.district),
            (translate("Reports", "Records counted"), lambda station: format_count(station.total)),
        ],
        numeric_from=3,
    )
