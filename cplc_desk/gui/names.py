"""Translated names for the codes the domain stores (statuses, kinds, desk kinds).

The domain keeps stable codes; a person reads names in their own language. Each function builds
its table on every call so that it follows the translator installed at that moment, and falls
back to the raw code for a value this version does not know (e.g. one arriving from a newer desk).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cplc_desk.domain.enums import (
    ComplaintStatus,
    DeskKind,
    VehicleReportKind,
    VehicleReportStatus,
)

_CONTEXT = "Names"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def complaint_status(code: str) -> str:
    names: dict[str, str] = {
        ComplaintStatus.REGISTERED: _t("Registered"),
        ComplaintStatus.REFERRED: _t("Referred to police"),
        ComplaintStatus.FIR_LODGED: _t("FIR lodged"),
        ComplaintStatus.ACTION_TAKEN: _t("Action taken"),
        ComplaintStatus.UNDER_FOLLOW_UP: _t("Under follow-up"),
        ComplaintStatus.RESOLVED: _t("Resolved"),
        ComplaintStatus.CLOSED: _t("Closed"),
        ComplaintStatus.WITHDRAWN: _t("Withdrawn"),
        ComplaintStatus.DUPLICATE: _t("Duplicate"),
        ComplaintStatus.NOT_IN_REMIT: _t("Not in CPLC's remit"),
    }
    return names.get(code, code)


def vehicle_report_kind(code: str) -> str:
    names: dict[str, str] = {
        VehicleReportKind.STOLEN: _t("Stolen"),
        VehicleReportKind.SNATCHED: _t("Snatched"),
        VehicleReportKind.RECOVERED: _t("Recovered"),
        VehicleReportKind.FOUND_ABANDONED: _t("Found abandoned"),
    }
    return names.get(code, code)


def vehicle_report_status(code: str) -> str:
    names: dict[str, str] = {
        VehicleReportStatus.OPEN: _t("Open"),
        VehicleReportStatus.RECOVERED: _t("Recovered"),
        VehicleReportStatus.MATCHED: _t("Matched"),
        VehicleReportStatus.CLOSED: _t("Closed"),
    }
    return names.get(code, code)


def desk_kind(kind: DeskKind | str) -> str:
    names: dict[str, str] = {
        DeskKind.STATION: _t("Police-station desk"),
        DeskKind.HEADQUARTERS: _t("Headquarters"),
    }
    return names.get(kind, str(kind))
