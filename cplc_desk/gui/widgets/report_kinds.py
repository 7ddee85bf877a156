"""The two kinds of report the desk keeps about things (vehicles, phones), as the screens they
share need to know them: the kinds and statuses in the order offered and by name, which kinds
are thefts and which recoveries, the owner's receipts, and the list service that finds and reads
the reports. The shared forms, lists, filters and windows (``ReportFields``, ``ReportsModel``,
``ReportFilters``, ``ReportListPage``, ``ReportDetailDialog``) read everything kind-specific of
this sort from one of these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from cplc_desk.domain.enums import (
    RECOVERY_KINDS,
    THEFT_KINDS,
    PhoneReportKind,
    PhoneReportStatus,
    VehicleReportKind,
    VehicleReportStatus,
)
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.receipt_buttons import PHONE_RECEIPTS, VEHICLE_RECEIPTS, ReceiptSource
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phone_list
from cplc_desk.services.vehicles import vehicle_list


class ReportListing(Protocol):
    """A kind's list service module (``vehicle_list``, ``phone_list``). Its functions are looked
    up in the module at each call, so a test can stand in for one."""

    PAGE: int

    def list_page(self, ctx: DeskContext, query: Any, after: Any, limit: int) -> Any: ...

    def count(self, ctx: DeskContext, query: Any, cap: int) -> int: ...

    def view(self, ctx: DeskContext, report_id: str) -> Any: ...


@dataclass(frozen=True)
class ReportKinds:
    kinds: tuple[str, ...]  # what happened: the values, in the order offered
    statuses: tuple[str, ...]
    kind_name: Callable[[str], str]
    status_name: Callable[[str], str]
    receipts: ReceiptSource
    query: Callable[..., Any]  # the list's query type: every report with no argument
    listing: ReportListing

    @property
    def thefts(self) -> tuple[str, ...]:
        """The kinds that say the thing was taken (stolen, snatched)."""
        return tuple(k for k in self.kinds if k in THEFT_KINDS)

    @property
    def recoveries(self) -> tuple[str, ...]:
        """The kinds that say it came back (recovered, found)."""
        return tuple(k for k in self.kinds if k in RECOVERY_KINDS)

    def kind_choices(self) -> list[tuple[str, str]]:
        """(name, value) of each kind, in order."""
        return [(self.kind_name(k), k) for k in self.kinds]

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.status_name(s), s) for s in self.statuses]


VEHICLE_REPORTS = ReportKinds(
    kinds=tuple(k.value for k in VehicleReportKind),
    statuses=tuple(s.value for s in VehicleReportStatus),
    kind_name=names.vehicle_report_kind,
    status_name=names.vehicle_report_status,
    receipts=VEHICLE_RECEIPTS,
    query=vehicle_list.VehicleQuery,
    listing=vehicle_list,
)
PHONE_REPORTS = ReportKinds(
    kinds=tuple(k.value for k in PhoneReportKind),
    statuses=tuple(s.value for s in PhoneReportStatus),
    kind_name=names.phone_report_kind,
    status_name=names.phone_report_status,
    receipts=PHONE_RECEIPTS,
    query=phone_list.PhoneQuery,
    listing=phone_list,
)
