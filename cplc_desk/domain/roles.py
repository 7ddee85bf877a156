"""Roles and what each may do. Services check a permission with ``ctx.require(...)``; the GUI
only hides what the services would refuse anyway."""

from __future__ import annotations

from cplc_desk.domain.i18n import N_
from cplc_desk.domain.labelled import LabelledEnum


class Role(LabelledEnum):
    VOLUNTEER = "volunteer", N_("Volunteer")
    SUPERVISOR = "supervisor", N_("Supervisor")
    HQ_ANALYST = "hq_analyst", N_("Headquarters analyst")
    HQ_ADMIN = "hq_admin", N_("Headquarters administrator")


class Permission(LabelledEnum):
    # complaints and vehicle reports, drafts
    REGISTER = "register", N_("register complaints and vehicle reports")
    # status changes and follow-ups on open records
    FOLLOW_UP = "follow_up", N_("follow records up")
    PRINT = "print", N_("print receipts")  # receipts and reprints
    # verification, matching, confirming a match
    VERIFY_VEHICLE = "verify_vehicle", N_("verify vehicles")
    # lists and searches (a person's CNIC or phone is audited)
    SEARCH = "search", N_("search records")
    IMPORT_HOTLIST = "import_hotlist", N_("import the hotlist")
    BACKUP = "backup", N_("make backups")
    # A plain (unencrypted) copy of the whole store written where the person chooses: every
    # CNIC, phone and password hash in the open, so for those who may restore, not for all.
    PLAIN_BACKUP = "plain_backup", N_("write a plain (unencrypted) backup")
    # change a closed/resolved record
    CORRECT_CLOSED = "correct_closed", N_("correct closed records")
    MANAGE_ACCOUNTS = "manage_accounts", N_("manage accounts")
    EXPORT_BUNDLE = "export_bundle", N_("export sync bundles")
    READ_AUDIT = "read_audit", N_("read the audit trail")
    RESTORE = "restore", N_("restore a backup")
    IMPORT_CSV = "import_csv", N_("import legacy registers")
    CITY_VIEW = "city_view", N_("see the city-wide lists")  # headquarters' city-wide lists
    IMPORT_BUNDLE = "import_bundle", N_("import sync bundles")
    RESOLVE_CONFLICT = "resolve_conflict", N_("resolve merge conflicts")
    EXPORT_HOTLIST = "export_hotlist", N_("export the hotlist")
    # enroll, re-enroll, revoke, station snapshots
    ENROLL_STATION = "enroll_station", N_("enroll stations")
    MANAGE_KEYS = "manage_keys", N_("manage keys")


_VOLUNTEER = frozenset(
    {
        Permission.REGISTER,
        Permission.FOLLOW_UP,
        Permission.PRINT,
        Permission.VERIFY_VEHICLE,
        Permission.SEARCH,
        Permission.IMPORT_HOTLIST,
        Permission.BACKUP,
    }
)
_SUPERVISOR = _VOLUNTEER | {
    Permission.CORRECT_CLOSED,
    Permission.MANAGE_ACCOUNTS,
    Permission.EXPORT_BUNDLE,
    Permission.READ_AUDIT,
    Permission.RESTORE,
    Permission.PLAIN_BACKUP,
    Permission.IMPORT_CSV,
}
_HQ_ANALYST = frozenset(
    {
        Permission.SEARCH,
        Permission.PRINT,
        Permission.VERIFY_VEHICLE,
        Permission.CITY_VIEW,
        Permission.IMPORT_BUNDLE,
        Permission.RESOLVE_CONFLICT,
        Permission.EXPORT_HOTLIST,
        Permission.READ_AUDIT,
        Permission.BACKUP,
    }
)
_HQ_ADMIN = _HQ_ANALYST | {
    Permission.ENROLL_STATION,
    Permission.MANAGE_KEYS,
    Permission.MANAGE_ACCOUNTS,
    Permission.RESTORE,
    Permission.PLAIN_BACKUP,
    Permission.IMPORT_CSV,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VOLUNTEER: _VOLUNTEER,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.HQ_ANALYST: _HQ_ANALYST,
    Role.HQ_ADMIN: frozenset(_HQ_ADMIN),
}

STATION_ROLES = (Role.VOLUNTEER, Role.SUPERVISOR)
HQ_ROLES = (Role.HQ_ANALYST, Role.HQ_ADMIN)


def role_label(role: Role) -> str:
    return role.label


def permission_label(permission: Permission) -> str:
    return permission.label
