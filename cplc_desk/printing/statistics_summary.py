"""Page 1 of the statistics PDF: the one-page summary the press quotes from. The month and scope,
how current the figures are, the main categories against the periods they are compared with,
recovery rates, and for a published month its published copy and what has changed since."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from cplc_desk.domain import i18n
from cplc_desk.domain.i18n import N_
from cplc_desk.domain.statistics import Publication, StatisticsReport
from cplc_desk.printing.receipt import format_pkt
from cplc_desk.printing.statistics_layout import (
    GAP,
    Kit,
    filled,
    month_label,
    period_label,
    plain_grid,
    scope_names,
)
from cplc_desk.printing.statistics_tables import (
    category_table,
    changes_table,
    main_categories,
    recovery_table,
)

TITLE = N_("Crime statistics, {period}")
CHANGES_ON_PAGE_ONE = 6  # the largest; the rest after page 1, so the summary stays one page


def _both_languages(text: str, label: Any) -> tuple[str, str]:
    return label(text, i18n.ENGLISH), label(text, i18n.URDU)


def summary_page(kit: Kit, report: StatisticsReport, width: float) -> list[Flowable]:
    """Title, scope and how current; the main categories across the page; recovery rates under
    them, with the published copy beside them when the month has been published."""
    first, last = str(report.request.month), str(report.request.last)
    period = (period_label(first, last), period_label(first, last, i18n.URDU))
    out: list[Flowable] = [kit.titled(filled(TITLE, period=period), kit.title, width)]
    out += [Spacer(1, 2 * mm), *kit.sentence(N_("Scope: {scope}"), scope=scope_names(report))]
    out += _as_of(kit, report)
    out += [Spacer(1, 3 * mm), kit.heading_of(N_("The main categories"), width)]
    out += [Spacer(1, 1.5 * mm), category_table(kit, report, main_categories(report), width)]
    half = (width - GAP) / 2
    recovery: list[Flowable] = [Spacer(1, 3 * mm)]
    recovery += [kit.heading_of(N_("Recovery rates"), half)]
    recovery += kit.sentence(N_("Recovered against stolen and snatched, in the same months."))
    recovery += [Spacer(1, 1.5 * mm), recovery_table(kit, report.recovery, half)]
    published: Any = ""
    if report.publication is not None:
        published = _published(kit, report, report.publication, half)
    out.append(
        plain_grid(
            [[recovery, published]],
            [half + GAP, half],
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (0, 0), GAP),
            font=kit.fonts.regular,
        )
    )
    return out


def _as_of(kit: Kit, report: StatisticsReport) -> list[Flowable]:
    as_of = report.as_of
    when = (format_pkt(as_of.computed_at), format_pkt(as_of.computed_at, i18n.URDU))
    out = kit.sentence(
        N_("As of {when}, from {bundles} merged bundles. Late bundles can still change these "
           "figures."),
        when=when,
        bundles=f"{as_of.bundles:,}",
    )  # fmt: skip
    month = _both_languages(str(report.request.last), month_label)
    if as_of.silent_stations:
        out += kit.sentence(
            N_("Stations that have sent nothing covering {month} ({count}): {stations}."),
            month=month,
            count=str(len(as_of.silent_stations)),
            stations=", ".join(as_of.silent_stations),
        )
    else:
        out += kit.sentence(N_("Every station has sent records covering {month}."), month=month)
    return out


def _published(
    kit: Kit, report: StatisticsReport, publication: Publication, width: float
) -> list[Flowable]:
    when = (
        format_pkt(publication.published_at),
        format_pkt(publication.published_at, i18n.URDU),
    )
    out: list[Flowable] = [Spacer(1, 3 * mm)]
    out += [kit.heading_of(N_("Published copy"), width)]
    out += kit.sentence(
        N_("These figures were published on {when}. The figures below are today's; the "
           "published ones are kept unchanged."),
        when=when,
    )  # fmt: skip
    if publication.changes:
        largest = sorted(publication.changes, key=lambda c: -abs(c.now - c.published))
        out += kit.sentence(N_("What changed since publication:"))
        out += [Spacer(1, 1 * mm), changes_table(kit, report, largest[:CHANGES_ON_PAGE_ONE], width)]
        if len(largest) > CHANGES_ON_PAGE_ONE:
            out += kit.sentence(
                N_("{count} more figures changed; every change is listed after this page."),
                count=str(len(largest) - CHANGES_ON_PAGE_ONE),
            )
    else:
        out += kit.sentence(N_("Nothing has changed since publication."))
    return out
