"""Translated names for the codes the domain stores (statuses, kinds, desk kinds, sync states).

The domain keeps stable codes; a person reads names in their own language. The tables are data,
grouped; each name function looks its code up in one table, built on every call so that it
follows the translator installed at that moment, and falls back to the raw code for a value this
version does not know (e.g. one arriving from a newer desk). A table whose words need no
disambiguation can be a constant instead, its texts marked with ``QT_TRANSLATE_NOOP`` and named
through :func:`named` (the audit actions here, and other modules' tables).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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


def _lookup(tables: Callable[[], dict[str, dict[str, str]]], table: str) -> Callable[[str], str]:
    """A code's name in ``table``, one of the group of tables that ``tables`` builds."""

    def name(code: str) -> str:
        return tables()[table].get(code, code)

    return name


def named(context: str, sources: Mapping[str, object], code: str) -> str:
    """``code``'s name from a table of source texts marked with ``QT_TRANSLATE_NOOP`` in
    ``context`` (Qt's way to mark a constant table), translated by the translator installed now;
    a code with no name there is named by itself. (PySide6 types the marker as giving an object;
    it gives the source text back.)"""
    source = sources.get(code)
    return code if source is None else translate(context, str(source))


def _record_words() -> dict[str, dict[str, str]]:
    """Complaints' statuses, vehicle and phone reports' kinds and statuses. The same English word
    is told apart for the translator where a car and a phone may take different words."""
    return {
        "complaint_status": {
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
        },
        "vehicle_report_kind": {
            VehicleReportKind.STOLEN: translate("Names", "Stolen"),
            VehicleReportKind.SNATCHED: translate("Names", "Snatched"),
            VehicleReportKind.RECOVERED: translate("Names", "Recovered", "vehicle report kind"),
            VehicleReportKind.FOUND_ABANDONED: translate("Names", "Found abandoned"),
        },
        "vehicle_report_status": {
            VehicleReportStatus.OPEN: translate("Names", "Open"),
            VehicleReportStatus.RECOVERED: translate("Names", "Recovered", "vehicle report status"),
            VehicleReportStatus.MATCHED: translate("Names", "Matched"),
            VehicleReportStatus.CLOSED: translate("Names", "Closed", "vehicle report status"),
        },
        "phone_report_kind": {
            PhoneReportKind.STOLEN: translate("Names", "Stolen"),
            PhoneReportKind.SNATCHED: translate("Names", "Snatched"),
            PhoneReportKind.RECOVERED: translate("Names", "Recovered", "phone report kind"),
            PhoneReportKind.FOUND: translate("Names", "Found", "phone report kind"),
        },
        "phone_report_status": {
            PhoneReportStatus.OPEN: translate("Names", "Open"),
            PhoneReportStatus.RECOVERED: translate("Names", "Recovered", "phone report status"),
            PhoneReportStatus.MATCHED: translate("Names", "Matched"),
            PhoneReportStatus.CLOSED: translate("Names", "Closed", "phone report status"),
        },
    }


complaint_status = _lookup(_record_words, "complaint_status")
vehicle_report_kind = _lookup(_record_words, "vehicle_report_kind")
vehicle_report_status = _lookup(_record_words, "vehicle_report_status")
phone_report_kind = _lookup(_record_words, "phone_report_kind")
phone_report_status = _lookup(_record_words, "phone_report_status")


def _desk_words() -> dict[str, dict[str, str]]:
    """What desks are, and what headquarters says about them."""
    return {
        "desk_kind": {
            DeskKind.STATION: translate("Names", "Police-station desk"),
            DeskKind.HEADQUARTERS: translate("Names", "Headquarters"),
        },
        # The state of a station's signing key at headquarters.
        "key_status": {
            "active": translate("Names", "Active", "station key"),
            "revoked": translate("Names", "Revoked", "station key"),
            "pending": translate("Names", "Enrollment pending", "station key"),
            # Enrolled, but the enrollment file expired before the station used it.
            "awaiting_first_bundle": translate("Names", "Enrollment expired", "station key"),
        },
        # What headquarters did with one imported bundle.
        "bundle_result": {
            "accepted": translate("Names", "Accepted", "bundle"),
            "already_imported": translate("Names", "Already imported", "bundle"),
            "held": translate("Names", "Held", "bundle"),
            "refused": translate("Names", "Refused", "bundle"),
        },
    }


desk_kind = _lookup(_desk_words, "desk_kind")
key_status = _lookup(_desk_words, "key_status")
bundle_result = _lookup(_desk_words, "bundle_result")


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


# What an audit entry's action code means, for the viewer (the code stays in extracts).
_AUDIT_ACTIONS: dict[str, object] = {
    AuditAction.DESK_INITIALISED: QT_TRANSLATE_NOOP("AuditAction", "Desk set up"),
    AuditAction.RECORD_CREATED: QT_TRANSLATE_NOOP("AuditAction", "Record created"),
    AuditAction.RECORD_UPDATED: QT_TRANSLATE_NOOP("AuditAction", "Record changed"),
    AuditAction.RECORD_DELETED: QT_TRANSLATE_NOOP("AuditAction", "Record deleted"),
    AuditAction.STATUS_CHANGED: QT_TRANSLATE_NOOP("AuditAction", "Status changed"),
    AuditAction.FOLLOW_UP_ADDED: QT_TRANSLATE_NOOP("AuditAction", "Follow-up added"),
    AuditAction.CSV_IMPORTED: QT_TRANSLATE_NOOP("AuditAction", "Register imported (CSV)"),
    AuditAction.SEARCHED_PERSON: QT_TRANSLATE_NOOP("AuditAction", "Searched for a person"),
    AuditAction.VEHICLE_VERIFIED: QT_TRANSLATE_NOOP("AuditAction", "Vehicle verified"),
    AuditAction.PHONE_VERIFIED: QT_TRANSLATE_NOOP("AuditAction", "Phone checked"),
    AuditAction.PHONE_MATCHED: QT_TRANSLATE_NOOP("AuditAction", "Phone recovery matched"),
    AuditAction.VEHICLE_MATCHED: QT_TRANSLATE_NOOP("AuditAction", "Recovery matched"),
    AuditAction.RECEIPT_PRINTED: QT_TRANSLATE_NOOP("AuditAction", "Receipt printed"),
    AuditAction.RECEIPT_REPRINTED: QT_TRANSLATE_NOOP("AuditAction", "Receipt reprinted"),
    AuditAction.BUNDLE_EXPORTED: QT_TRANSLATE_NOOP("AuditAction", "Bundle exported"),
    AuditAction.BUNDLE_REWRITTEN: QT_TRANSLATE_NOOP("AuditAction", "Bundle written again"),
    AuditAction.BUNDLE_IMPORTED: QT_TRANSLATE_NOOP("AuditAction", "Bundle imported"),
    AuditAction.BUNDLE_OPENED: QT_TRANSLATE_NOOP("AuditAction", "Bundle opened"),
    AuditAction.HELD_BUNDLE_DISCARDED: QT_TRANSLATE_NOOP("AuditAction", "Waiting bundle discarded"),
    AuditAction.HQ_KEYS_CREATED: QT_TRANSLATE_NOOP("AuditAction", "Headquarters keys created"),
    AuditAction.STATION_ENROLLED: QT_TRANSLATE_NOOP("AuditAction", "Station enrolled"),
    AuditAction.STATION_REVOKED: QT_TRANSLATE_NOOP("AuditAction", "Station key revoked"),
    AuditAction.DESK_ENROLLED: QT_TRANSLATE_NOOP("AuditAction", "Desk enrolled"),
    AuditAction.LOGIN: QT_TRANSLATE_NOOP("AuditAction", "Signed in"),
    AuditAction.LOGIN_FAILED: QT_TRANSLATE_NOOP("AuditAction", "Sign-in failed"),
    AuditAction.LOGOUT: QT_TRANSLATE_NOOP("AuditAction", "Signed out"),
    AuditAction.STORE_MIGRATED: QT_TRANSLATE_NOOP("AuditAction", "Store upgraded"),
    AuditAction.READ_REPLICA_SET: QT_TRANSLATE_NOOP("AuditAction", "Read replica set"),
    AuditAction.DEMO_GENERATED: QT_TRANSLATE_NOOP("AuditAction", "Demo records made"),
    AuditAction.HOTLIST_EXPORTED: QT_TRANSLATE_NOOP("AuditAction", "Hotlist exported"),
    AuditAction.HOTLIST_IMPORTED: QT_TRANSLATE_NOOP("AuditAction", "Hotlist imported"),
    AuditAction.HOTLIST_REFUSED: QT_TRANSLATE_NOOP("AuditAction", "Hotlist refused"),
    AuditAction.BACKUP_KEY_SHOWN: QT_TRANSLATE_NOOP("AuditAction", "Backup recovery code shown"),
    AuditAction.STATISTICS_PRODUCED: QT_TRANSLATE_NOOP("AuditAction", "Statistics produced"),
    AuditAction.STATISTICS_EXPORTED: QT_TRANSLATE_NOOP("AuditAction", "Statistics exported"),
    AuditAction.STATISTICS_PUBLISHED: QT_TRANSLATE_NOOP("AuditAction", "Statistics published"),
    AuditAction.STATISTICS_LOOKED_UP: QT_TRANSLATE_NOOP(
        "AuditAction", "Records behind a statistic looked up"
    ),
    AuditAction.SNAPSHOT_EXPORTED: QT_TRANSLATE_NOOP("AuditAction", "Station snapshot exported"),
    AuditAction.SNAPSHOT_RESTORED: QT_TRANSLATE_NOOP(
        "AuditAction", "Restored from a station snapshot"
    ),
    AuditAction.CONFLICT_RESOLVED: QT_TRANSLATE_NOOP("AuditAction", "Conflict resolved"),
    AuditAction.RECORD_VIEWED: QT_TRANSLATE_NOOP("AuditAction", "Record opened (full CNIC)"),
    AuditAction.ACCOUNT_CREATED: QT_TRANSLATE_NOOP("AuditAction", "Account created"),
    AuditAction.ACCOUNT_CHANGED: QT_TRANSLATE_NOOP("AuditAction", "Account changed"),
    AuditAction.ACCOUNT_LOCKED: QT_TRANSLATE_NOOP("AuditAction", "Account locked"),
    AuditAction.SESSION_LOCKED: QT_TRANSLATE_NOOP("AuditAction", "Desk locked"),
    AuditAction.PERMISSION_DENIED: QT_TRANSLATE_NOOP("AuditAction", "Refused (role)"),
    AuditAction.AUDIT_VIEWED: QT_TRANSLATE_NOOP("AuditAction", "Audit trail read"),
    AuditAction.AUDIT_EXPORTED: QT_TRANSLATE_NOOP("AuditAction", "Audit extract saved"),
    AuditAction.BACKUP_WRITTEN: QT_TRANSLATE_NOOP("AuditAction", "Backup written"),
    AuditAction.PLAIN_BACKUP_WRITTEN: QT_TRANSLATE_NOOP(
        "AuditAction", "Plain (unencrypted) backup written"
    ),
    AuditAction.BACKUP_RESTORED: QT_TRANSLATE_NOOP("AuditAction", "Backup restored"),
}
audit_action = partial(named, "AuditAction", _AUDIT_ACTIONS)
