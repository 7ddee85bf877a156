"""Enumerations shared by every layer. Values are stable codes stored in the database and in
sync bundles; the GUI and the command line give them translated names."""

from __future__ import annotations

from enum import StrEnum


class DeskKind(StrEnum):
    STATION = "station"
    HEADQUARTERS = "headquarters"


class RecordKind(StrEnum):
    COMPLAINT = "complaint"
    VEHICLE_REPORT = "vehicle_report"
    PHONE_REPORT = "phone_report"


class ComplaintStatus(StrEnum):
    REGISTERED = "registered"
    REFERRED = "referred"
    FIR_LODGED = "fir_lodged"
    ACTION_TAKEN = "action_taken"
    UNDER_FOLLOW_UP = "under_follow_up"
    RESOLVED = "resolved"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    DUPLICATE = "duplicate"
    NOT_IN_REMIT = "not_in_remit"


class ComplaintEventKind(StrEnum):
    STATUS_CHANGE = "status_change"
    FOLLOW_UP = "follow_up"


class VehicleReportKind(StrEnum):
    STOLEN = "stolen"
    SNATCHED = "snatched"
    RECOVERED = "recovered"
    FOUND_ABANDONED = "found_abandoned"


class VehicleClass(StrEnum):
    CAR = "CAR"
    MOTORCYCLE = "MOTORCYCLE"
    RICKSHAW = "RICKSHAW"
    COMMERCIAL = "COMMERCIAL"
    OTHER = "OTHER"


class ReportStatus(StrEnum):
    """Where a report of a thing stolen or found stands: the same steps for vehicles and phones."""

    OPEN = "open"  # a theft/snatching not yet recovered, or a recovery not yet matched
    RECOVERED = "recovered"  # a theft report closed by a matched recovery
    MATCHED = "matched"  # a recovery linked to its theft report
    CLOSED = "closed"


VehicleReportStatus = ReportStatus
PhoneReportStatus = ReportStatus


class PhoneReportKind(StrEnum):
    STOLEN = "stolen"
    SNATCHED = "snatched"
    RECOVERED = "recovered"
    FOUND = "found"


# What happened, as matching, the checks and the figures group it, for vehicles and phones alike:
# the kinds that say a thing was taken, and those that say it came back (recovered, or found).
# Every kind of report is one or the other.
THEFT_KINDS = (VehicleReportKind.STOLEN.value, VehicleReportKind.SNATCHED.value)
RECOVERY_KINDS = (
    VehicleReportKind.RECOVERED.value,
    VehicleReportKind.FOUND_ABANDONED.value,
    PhoneReportKind.FOUND.value,
)


class ChangeOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"  # a tombstone: the row stays, marked deleted


class AuditAction(StrEnum):
    DESK_INITIALISED = "desk.initialised"
    RECORD_CREATED = "record.created"
    RECORD_UPDATED = "record.updated"
    RECORD_DELETED = "record.deleted"
    STATUS_CHANGED = "record.status_changed"
    FOLLOW_UP_ADDED = "record.follow_up"
    CSV_IMPORTED = "csv.imported"
    SEARCHED_PERSON = "search.person"
    VEHICLE_VERIFIED = "vehicle.verified"
    VEHICLE_MATCHED = "vehicle.matched"
    PHONE_VERIFIED = "phone.verified"
    PHONE_MATCHED = "phone.matched"
    RECEIPT_PRINTED = "receipt.printed"
    RECEIPT_REPRINTED = "receipt.reprinted"
    BUNDLE_EXPORTED = "bundle.exported"
    BUNDLE_REWRITTEN = "bundle.rewritten"
    BUNDLE_IMPORTED = "bundle.imported"
    BUNDLE_OPENED = "bundle.opened"
    HELD_BUNDLE_DISCARDED = "bundle.held_discarded"
    HQ_KEYS_CREATED = "hq.keys_created"
    STATION_ENROLLED = "station.enrolled"
    STATION_REVOKED = "station.revoked"
    DESK_ENROLLED = "desk.enrolled"
    LOGIN = "session.login"
    LOGIN_FAILED = "session.login_failed"
    LOGOUT = "session.logout"
    STORE_MIGRATED = "store.migrated"
    READ_REPLICA_SET = "store.read_replica_set"  # a workstation's read replica named or forgotten
    DEMO_GENERATED = "demo.generated"
    # Headquarters workspace (#6)
    HOTLIST_EXPORTED = "hotlist.exported"
    HOTLIST_IMPORTED = "hotlist.imported"
    SNAPSHOT_EXPORTED = "snapshot.exported"
    SNAPSHOT_RESTORED = "snapshot.restored"
    CONFLICT_RESOLVED = "conflict.resolved"
    # Accountability (#7)
    RECORD_VIEWED = "record.viewed"
    ACCOUNT_CREATED = "account.created"
    ACCOUNT_CHANGED = "account.changed"
    ACCOUNT_LOCKED = "account.locked"
    SESSION_LOCKED = "session.locked"
    PERMISSION_DENIED = "permission.denied"
    AUDIT_VIEWED = "audit.viewed"
    AUDIT_EXPORTED = "audit.exported"
    BACKUP_WRITTEN = "backup.written"
    PLAIN_BACKUP_WRITTEN = "backup.plain_written"  # an unencrypted copy put where asked
    BACKUP_RESTORED = "backup.restored"
    HOTLIST_REFUSED = "hotlist.refused"
    BACKUP_KEY_SHOWN = "backup.key_shown"
    # Crime statistics (#16)
    STATISTICS_PRODUCED = "statistics.produced"
    STATISTICS_EXPORTED = "statistics.exported"
    STATISTICS_PUBLISHED = "statistics.published"
    STATISTICS_LOOKED_UP = "statistics.looked_up"  # the records behind a figure
