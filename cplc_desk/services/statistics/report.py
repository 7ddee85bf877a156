"""Computing a statistics report (docs/statistics.md), drilling into a figure, publishing."""

from __future__ import annotations

from collections.abc import Callable

from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.statistics.model import (
    Month,
    Publication,
    RecordBehind,
    StatisticsReport,
    StatisticsRequest,
)

Progress = Callable[[int, int], None]


def compute(
    ctx: DeskContext, request: StatisticsRequest, progress: Progress | None = None
) -> StatisticsReport:
    raise NotImplementedError


def records_behind(
    ctx: DeskContext,
    request: StatisticsRequest,
    category: str,
    station: str | None = None,
    month: Month | None = None,
) -> list[RecordBehind]:
    raise NotImplementedError


def publish(ctx: DeskContext, report: StatisticsReport) -> Publication:
    raise NotImplementedError


def published(ctx: DeskContext, request: StatisticsRequest) -> Publication | None:
    raise NotImplementedError
