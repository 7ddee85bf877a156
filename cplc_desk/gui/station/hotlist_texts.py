"""What the Sync page says about the hotlist it holds and the one it has just imported (in the
page's own translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.services.vehicles import hotlist

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def _facts(received: hotlist.HeldHotlist | hotlist.ImportedHotlist) -> dict[str, object]:
    """What the texts say of a hotlist, each some of it: its number, how many vehicles and
    handsets it lists, when it was issued and until when it is valid."""
    return {
        "seq": received.sequence,
        "n": format_count(received.entries),
        "phones": format_count(received.phones),
        "issued": format_datetime(received.issued_at),
        "expires": format_datetime(received.expires_at),
    }


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
    ).format(**_facts(held), imported=format_datetime(held.imported_at))


def expired_text(held: hotlist.HeldHotlist) -> str:
    return translate(
        "SyncPage",
        "This hotlist EXPIRED on {expires}. Thefts reported at other stations since "
        "{issued} are not known to this desk. Ask headquarters for a new hotlist and "
        "import it.",
    ).format(**_facts(held))


def imported_text(result: hotlist.ImportedHotlist) -> str:
    return translate(
        "SyncPage",
        "Hotlist number {seq} imported: {n} vehicles and {phones} handsets reported "
        "stolen or snatched city-wide, valid until {expires}.",
    ).format(**_facts(result))
