"""The lines above a report's tables: how current it is, and what became of its publication."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication

from cplc_desk.domain.statistics import Month, StatisticsReport
from cplc_desk.gui.reports.report_tables import local_name
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.services.desk.reference import StationInfo

translate = QCoreApplication.translate


def month_text(month: Month) -> str:
    return ltr_text(f"{month.month:02d}/{month.year}")


def months_text(report: StatisticsReport) -> str:
    request = report.request
    if request.to_month is None:
        return month_text(request.month)
    return translate("Reports", "{first} to {last}").format(
        first=month_text(request.month), last=month_text(request.to_month)
    )


def scope_text(
    report: StatisticsReport, stations: Mapping[str, StationInfo], headquarters: bool
) -> str:
    """The area counted, named in the window's language."""
    request = report.request
    if request.station:
        st = stations.get(request.station)
        return translate("Reports", "{name} police station").format(
            name=st.name if st is not None else request.station
        )
    if request.district:
        names = {st.district_code: st.district_name for st in stations.values()}
        return translate("Reports", "District: {name}").format(
            name=names.get(request.district, request.district)
        )
    return translate("Reports", "The whole city") if headquarters else report.scope_label


def as_of_text(
    report: StatisticsReport, stations: Mapping[str, StationInfo], headquarters: bool
) -> str:
    """How current the report is: "<scope>, <months>. As of <when>, from <n> bundles" (at a
    station, without the bundles), the stations silent for the month, then the footnotes."""
    as_of = report.as_of
    scope, months = scope_text(report, stations, headquarters), months_text(report)
    when = format_datetime(as_of.computed_at)
    if headquarters:
        first = translate("Reports", "{scope}, {months}. As of {when}, from {bundles} bundles.")
        first = first.format(
            scope=scope, months=months, when=when, bundles=format_count(as_of.bundles)
        )
    else:
        first = translate("Reports", "{scope}, {months}. As of {when}.").format(
            scope=scope, months=months, when=when
        )
    lines = [first]
    if as_of.silent_stations:
        names = [stations[c].name if c in stations else c for c in as_of.silent_stations]
        lines.append(
            translate(
                "Reports",
                "Stations that have sent nothing covering {month} (its figures may still rise): "
                "{stations}.",
            ).format(
                month=month_text(report.request.last),
                stations=QLocale().createSeparatedList(names),
            )
        )
    silent = as_of.silent_stations
    # The service's own note of the silent stations lists their codes; the line above names them.
    lines.extend(
        note for note in report.footnotes if not silent or not all(c in note for c in silent)
    )
    return "\n".join(in_window_direction(line) for line in lines)


def in_window_direction(line: str) -> str:
    """A line that starts with a Latin name (a scope, a footnote) still reads right to left in
    an Urdu window: each line of a label takes its direction from its first letter."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return "\u200f" + line
    return line


def publication_text(report: StatisticsReport, headquarters: bool) -> str:
    """When these months were published and what changed since; at headquarters, that they
    were not (yet)."""
    pub = report.publication
    if pub is None:
        return translate("Reports", "Not published yet.") if headquarters else ""
    text = translate("Reports", "Published on {when} by {who}.").format(
        when=format_datetime(pub.published_at), who=pub.published_by
    )
    if not pub.changes:
        return (
            in_window_direction(text) + " " + translate("Reports", "No figure has changed since.")
        )
    names = {c.code: local_name(c) for c in report.categories}
    changed = [
        translate("Reports", "{category}: {published} then, {now} now").format(
            category=names.get(c.category, c.category),
            published=format_count(c.published),
            now=format_count(c.now),
        )
        for c in pub.changes
    ]
    return in_window_direction(
        text
        + " "
        + translate("Reports", "Changed since, as late bundles arrived: {changes}.").format(
            changes="; ".join(changed)
        )
    )
