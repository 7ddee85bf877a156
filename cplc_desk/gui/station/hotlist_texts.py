"""What the Sync page says about the hotlist it holds and the one it has just imported (in the
page's own translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.services.vehicles import hotlist

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def held_text(held: hotlist.HeldHotlist | None) -> str:
    if held is None:
        return translate(
            "SyncPage",
            "No hotlist received yet: vehicle and phone checks know only this desk's own reports.",
        )
    return translate(
        "SyncPage",
        "Hotlist number {seq}: {n} vehicles and {phones} handsets, issued {issued}, valid "
        "until {expires} (imported {imported}).",
    ).format(
        seq=held.sequence,
        n=format_count(held.entries),
        phones=format_count(held.phones),
        issued=format_datetime(held.issued_at),
        expires=format_datetime(held.expires_at),
        imported=format_datetime(held.imported_at),
    )


def expired_text(held: hotlist.HeldHotlist) -> str:
    return translate(
        "SyncPage",
        "This hotlist EXPIRED on {expires}. Thefts reported at other stations since "
        "{issued} are not known to this desk. Ask headquarters for a new hotlist and "
        "import it.",
    ).format(
        expires=format_datetime(held.expires_at),
        issued=format_datetime(held.issued_at),
    )


def imported_text(result: hotlist.ImportedHotlist) -> str:
    return translate(
        "SyncPage",
        "Hotlist number {seq} imported: {n} vehicles and {phones} handsets reported "
        "stolen or snatched city-wide, valid until {expires}.",
    ).format(
        seq=result.sequence,
        n=format_count(result.entries),
        phones=format_count(result.phones),
        expires=format_datetime(result.expires_at),
    )
