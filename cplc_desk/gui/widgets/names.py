"""Translated names for the codes the domain stores (statuses, kinds, desk kinds, sync states).

The domain keeps stable codes; a person reads names in their own language. Each function builds
its table on every call so that it follows the translator installed at that moment, and falls
back to the raw code for a value this version does not know (e.g. one arriving from a newer desk).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cplc_desk.domain.enums import (
    AuditAction,
    ComplaintStatus,
    DeskKind,
    PhoneReportKind,
    PhoneReportStatus,
    VehicleClass,
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


def vehicle_class(code: str) -> str:
    """A vehicle class's name in the desk's language (the code itself for one unknown here)."""
    names: dict[str, str] = {
        VehicleClass.CAR: translate("VehiclesModel", "Car"),
        VehicleClass.MOTORCYCLE: translate("VehiclesModel", "Motorcycle"),
        VehicleClass.RICKSHAW: translate("VehiclesModel", "Rickshaw"),
        VehicleClass.COMMERCIAL: translate("VehiclesModel", "Commercial"),
        VehicleClass.OTHER: translate("VehiclesModel", "Other", "vehicle class"),
    }
    return names.get(code, code)


def phone_report_kind(code: str) -> str:
    names: dict[str, str] = {
        PhoneReportKind.STOLEN: translate("Names", "Stolen"),
        PhoneReportKind.SNATCHED: translate("Names", "Snatched"),
        PhoneReportKind.RECOVERED: translate("Names", "Recovered", "phone report kind"),
        PhoneReportKind.FOUND: translate("Names", "Found", "phone report kind"),
    }
    return names.get(code, code)


def phone_report_status(code: str) -> str:
    names: dict[str, str] = {
        PhoneReportStatus.OPEN: translate("Names", "Open"),
        PhoneReportStatus.RECOVERED: translate("Names", "Recovered", "phone report status"),
        PhoneReportStatus.MATCHED: translate("Names", "Matched"),
        PhoneReportStatus.CLOSED: translate("Names", "Closed", "phone report status"),
    }
    return names.get(code, code)


def phone_report_field(field: str) -> str:
    """A phone report's changed field, as the report's history names it."""
    shown: dict[str, str] = {
        "created": translate("PhoneDetail", "registered"),
        "kind": translate("PhoneDetail", "what happened"),
        "status": translate("PhoneDetail", "status"),
        "imei": translate("PhoneDetail", "IMEI"),
        "imei2": translate("PhoneDetail", "second IMEI"),
        "imei_altered": translate("PhoneDetail", "IMEI suspected altered"),
        "imei_note": translate("PhoneDetail", "IMEI note"),
        "make": translate("PhoneDetail", "make"),
        "model": translate("PhoneDetail", "model"),
        "colour": translate("PhoneDetail", "colour"),
        "sim_number": translate("PhoneDetail", "SIM number"),
        "owner_id": translate("PhoneDetail", "owner"),
        "incident_at": translate("PhoneDetail", "when"),
        "incident_place": translate("PhoneDetail", "where"),
        "police_station_code": translate("PhoneDetail", "police station"),
        "fir_number": translate("PhoneDetail", "FIR number"),
        "fir_date": translate("PhoneDetail", "FIR date"),
        "matched_report_id": translate("PhoneDetail", "matched report"),
        "deleted_at": translate("PhoneDetail", "removed"),
    }
    return shown.get(field, field)


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


def audit_action(code: str) -> str:
    """What an audit entry's action code means, for the viewer (the code stays in extracts)."""
    names: dict[str, str] = {
        AuditAction.DESK_INITIALISED: translate("AuditAction", "Desk set up"),
        AuditAction.RECORD_CREATED: translate("AuditAction", "Record created"),
        AuditAction.RECORD_UPDATED: translate("AuditAction", "Record changed"),
        AuditAction.RECORD_DELETED: translate("AuditAction", "Record deleted"),
        AuditAction.STATUS_CHANGED: translate("AuditAction", "Status changed"),
        AuditAction.FOLLOW_UP_ADDED: translate("AuditAction", "Follow-up added"),
        AuditAction.CSV_IMPORTED: translate("AuditAction", "Register imported (CSV)"),
        AuditAction.SEARCHED_PERSON: translate("AuditAction", "Searched for a person"),
        AuditAction.VEHICLE_VERIFIED: translate("AuditAction", "Vehicle verified"),
        AuditAction.PHONE_VERIFIED: translate("AuditAction", "Phone checked"),
        AuditAction.PHONE_MATCHED: translate("AuditAction", "Phone recovery matched"),
        AuditAction.VEHICLE_MATCHED: translate("AuditAction", "Recovery matched"),
        AuditAction.RECEIPT_PRINTED: translate("AuditAction", "Receipt printed"),
        AuditAction.RECEIPT_REPRINTED: translate("AuditAction", "Receipt reprinted"),
        AuditAction.BUNDLE_EXPORTED: translate("AuditAction", "Bundle exported"),
        AuditAction.BUNDLE_REWRITTEN: translate("AuditAction", "Bundle written again"),
        AuditAction.BUNDLE_IMPORTED: translate("AuditAction", "Bundle imported"),
        AuditAction.BUNDLE_OPENED: translate("AuditAction", "Bundle opened"),
        AuditAction.HELD_BUNDLE_DISCARDED: translate("AuditAction", "Waiting bundle discarded"),
        AuditAction.HQ_KEYS_CREATED: translate("AuditAction", "Headquarters keys created"),
        AuditAction.STATION_ENROLLED: translate("AuditAction", "Station enrolled"),
        AuditAction.STATION_REVOKED: translate("AuditAction", "Station key revoked"),
        AuditAction.DESK_ENROLLED: translate("AuditAction", "Desk enrolled"),
        AuditAction.LOGIN: translate("AuditAction", "Signed in"),
        AuditAction.LOGIN_FAILED: translate("AuditAction", "Sign-in failed"),
        AuditAction.LOGOUT: translate("AuditAction", "Signed out"),
        AuditAction.STORE_MIGRATED: translate("AuditAction", "Store upgraded"),
        AuditAction.READ_REPLICA_SET: translate("AuditAction", "Read replica set"),
        AuditAction.DEMO_GENERATED: translate("AuditAction", "Demo records made"),
        AuditAction.HOTLIST_EXPORTED: translate("AuditAction", "Hotlist exported"),
        AuditAction.HOTLIST_IMPORTED: translate("AuditAction", "Hotlist imported"),
        AuditAction.HOTLIST_REFUSED: translate("AuditAction", "Hotlist refused"),
        AuditAction.BACKUP_KEY_SHOWN: translate("AuditAction", "Backup recovery code shown"),
        AuditAction.STATISTICS_PRODUCED: translate("AuditAction", "Statistics produced"),
        AuditAction.STATISTICS_EXPORTED: translate("AuditAction", "Statistics exported"),
        AuditAction.STATISTICS_PUBLISHED: translate("AuditAction", "Statistics published"),
        AuditAction.STATISTICS_LOOKED_UP: translate(
            "AuditAction", "Records behind a statistic looked up"
        ),
        AuditAction.SNAPSHOT_EXPORTED: translate("AuditAction", "Station snapshot exported"),
        AuditAction.SNAPSHOT_RESTORED: translate("AuditAction", "Restored from a station snapshot"),
        AuditAction.CONFLICT_RESOLVED: translate("AuditAction", "Conflict resolved"),
        AuditAction.RECORD_VIEWED: translate("AuditAction", "Record opened (full CNIC)"),
        AuditAction.ACCOUNT_CREATED: translate("AuditAction", "Account created"),
        AuditAction.ACCOUNT_CHANGED: translate("AuditAction", "Account changed"),
        AuditAction.ACCOUNT_LOCKED: translate("AuditAction", "Account locked"),
        AuditAction.SESSION_LOCKED: translate("AuditAction", "Desk locked"),
        AuditAction.PERMISSION_DENIED: translate("AuditAction", "Refused (role)"),
        AuditAction.AUDIT_VIEWED: translate("AuditAction", "Audit trail read"),
        AuditAction.AUDIT_EXPORTED: translate("AuditAction", "Audit extract saved"),
        AuditAction.BACKUP_WRITTEN: translate("AuditAction", "Backup written"),
        AuditAction.PLAIN_BACKUP_WRITTEN: translate(
            "AuditAction", "Plain (unencrypted) backup written"
        ),
        AuditAction.BACKUP_RESTORED: translate("AuditAction", "Backup restored"),
    }
    return names.get(code, code)
