"""Roles and what each may do. Services check a permission with ``ctx.require(...)``; the GUI
only hides what the services would refuse anyway."""

from __future__ import annotations

from enum import StrEnum

from cplc_desk.domain.i18n import _


class Role(StrEnum):
    VOLUNTEER = "volunteer"
    SUPERVISOR = "supervisor"
    HQ_ANALYST = "hq_analyst"
    HQ_ADMIN = "hq_admin"


class Permission(StrEnum):
    REGISTER = "register"  # complaints and vehicle reports, drafts
    FOLLOW_UP = "follow_up"  # status changes and follow-ups on open records
    PRINT = "print"  # receipts and reprints
    VERIFY_VEHICLE = "verify_vehicle"  # verification, matching, confirming a match
    SEARCH = "search"  # lists and searches (a person's CNIC or phone is audited)
    IMPORT_HOTLIST = "import_hotlist"
    BACKUP = "backup"
    # A plain (unencrypted) copy of the whole store written where the person chooses: every
    # CNIC, phone and password hash in the open, so for those who may restore, not for all.
    PLAIN_BACKUP = "plain_backup"
    CORRECT_CLOSED = "correct_closed"  # change a closed/resolved record
    MANAGE_ACCOUNTS = "manage_accounts"
    EXPORT_BUNDLE = "export_bundle"
    READ_AUDIT = "read_audit"
    RESTORE = "restore"
    IMPORT_CSV = "import_csv"
    CITY_VIEW = "city_view"  # headquarters' city-wide lists
    IMPORT_BUNDLE = "import_bundle"
    RESOLVE_CONFLICT = "resolve_conflict"
    EXPORT_HOTLIST = "export_hotlist"
    ENROLL_STATION = "enroll_station"  # enroll, re-enroll, revoke, station snapshots
    MANAGE_KEYS = "manage_keys"


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
    return {
        Role.VOLUNTEER: _("Volunteer"),
        Role.SUPERVISOR: _("Supervisor"),
        Role.HQ_ANALYST: _("Headquarters analyst"),
        Role.HQ_ADMIN: _("Headquarters administrator"),
    }[role]


def permission_label(permission: Permission) -> str:
    return {
        Permission.REGISTER: _("register complaints and vehicle reports"),
        Permission.FOLLOW_UP: _("follow records up"),
        Permission.PRINT: _("print receipts"),
        Permission.VERIFY_VEHICLE: _("verify vehicles"),
        Permission.SEARCH: _("search records"),
        Permission.IMPORT_HOTLIST: _("import the hotlist"),
        Permission.BACKUP: _("make backups"),
        Permission.PLAIN_BACKUP: _("write a plain (unencrypted) backup"),
        Permission.CORRECT_CLOSED: _("correct closed records"),
        Permission.MANAGE_ACCOUNTS: _("manage accounts"),
        Permission.EXPORT_BUNDLE: _("export sync bundles"),
        Permission.READ_AUDIT: _("read the audit trail"),
        Permission.RESTORE: _("restore a backup"),
        Permission.IMPORT_CSV: _("import legacy registers"),
        Permission.CITY_VIEW: _("see the city-wide lists"),
        Permission.IMPORT_BUNDLE: _("import sync bundles"),
        Permission.RESOLVE_CONFLICT: _("resolve merge conflicts"),
        Permission.EXPORT_HOTLIST: _("export the hotlist"),
        Permission.ENROLL_STATION: _("enroll stations"),
        Permission.MANAGE_KEYS: _("manage keys"),
    }[permission]
