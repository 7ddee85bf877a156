"""Translated names for the codes the domain stores (statuses, kinds, desk kinds, sync states).

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

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def complaint_status(code: str) -> str:
    names: dict[str, str] = {
        ComplaintStatus.REGISTERED: translate("Names", "Registered"),
        ComplaintStatus.REFERRED: translate("Names", "Referred to police"),
        ComplaintStatus.FIR_LODGED: translate("Names", "FIR lodged"),
        ComplaintStatus.ACTION_TAKEN: translate("Names", "Action taken"),
        ComplaintStatus.UNDER_FOLLOW_UP: translate("Names", "Under follow-up"),
        ComplaintStatus.RESOLVED: translate("Names", "Resolved"),
        ComplaintStatus.CLOSED: translate("Names", "Closed", "complaint status"),
        ComplaintStatus.WITHDRAWN: translate("Names", "Withdrawn"),
        ComplaintStatus.DUPLICATE: translate("Names", "Duplicate"),
        ComplaintStatus.NOT_IN_REMIT: translate("Names", "Not in CPLC's remit"),
    }
    return names.get(code, code)


def vehicle_report_kind(code: str) -> str:
    names: dict[str, str] = {
        VehicleReportKind.STOLEN: translate("Names", "Stolen"),
        VehicleReportKind.SNATCHED: translate("Names", "Snatched"),
        VehicleReportKind.RECOVERED: translate("Names", "Recovered", "vehicle report kind"),
        VehicleReportKind.FOUND_ABANDONED: translate("Names", "Found abandoned"),
    }
    return names.get(code, code)


def vehicle_report_status(code: str) -> str:
    names: dict[str, str] = {
        VehicleReportStatus.OPEN: translate("Names", "Open"),
        VehicleReportStatus.RECOVERED: translate("Names", "Recovered", "vehicle report status"),
        VehicleReportStatus.MATCHED: translate("Names", "Matched"),
        VehicleReportStatus.CLOSED: translate("Names", "Closed", "vehicle report status"),
    }
    return names.get(code, code)


def desk_kind(kind: DeskKind | str) -> str:
    names: dict[str, str] = {
        DeskKind.STATION: translate("Names", "Police-station desk"),
        DeskKind.HEADQUARTERS: translate("Names", "Headquarters"),
    }
    return names.get(kind, str(kind))


def key_status(code: str) -> str:
    """The state of a station's signing key at headquarters."""
    names: dict[str, str] = {
        "active": translate("Names", "Active", "station key"),
        "revoked": translate("Names", "Revoked", "station key"),
        "pending": translate("Names", "Enrollment pending", "station key"),
        # Enrolled, but the enrollment file expired before the station used it.
        "awaiting_first_bundle": translate("Names", "Enrollment expired", "station key"),
    }
    return names.get(code, code)


def bundle_result(code: str) -> str:
    """What headquarters did with one imported bundle."""
    names: dict[str, str] = {
        "accepted": translate("Names", "Accepted", "bundle"),
        "already_imported": translate("Names", "Already imported", "bundle"),
        "held": translate("Names", "Held", "bundle"),
        "refused": translate("Names", "Refused", "bundle"),
    }
    return names.get(code, code)
