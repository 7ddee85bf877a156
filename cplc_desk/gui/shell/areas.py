"""The areas of the desk (Overview, Complaints, Vehicles, Phones, Sync, Reports): their names, what each
is for and its icon. At headquarters the Sync area is called Stations: there it follows every
station desk and imports their bundles; headquarters also has Conflicts, the merge's queue.

One list feeds the navigation, the Overview's "what each area is for" and the placeholder pages,
so the three never disagree. Texts are translated when :func:`areas` is called.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


OVERVIEW = "overview"
COMPLAINTS = "complaints"
VEHICLES = "vehicles"
PHONES = "phones"
SYNC = "sync"
REPORTS = "reports"
CONFLICTS = "conflicts"  # headquarters only


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    purpose: str
    icon: QStyle.StandardPixmap


def _titles(headquarters: bool) -> dict[str, str]:
    return {
        OVERVIEW: translate("Areas", "Overview"),
        COMPLAINTS: translate("Areas", "Complaints"),
        VEHICLES: translate("Areas", "Vehicles"),
        PHONES: translate("Areas", "Phones"),
        SYNC: translate("Areas", "Stations") if headquarters else translate("Areas", "Sync"),
        REPORTS: translate("Areas", "Reports"),
        CONFLICTS: translate("Areas", "Conflicts"),
    }


def _purposes(headquarters: bool) -> dict[str, str]:
    """What each area is for. Headquarters registers nothing itself: the records arrive from the
    stations, so there the record areas are the whole city's and Sync follows the stations."""
    shared = {
        OVERVIEW: translate(
            "Areas", "This desk at a glance: who it is and how many records it holds."
        ),
        REPORTS: translate(
            "Areas",
            "The month's crime figures by category, area and station, with their trends; "
            "saved as CSV, Excel, PDF or JSON.",
        ),
        CONFLICTS: translate(
            "Areas",
            "Edits from a station that crossed another version of the same record: "
            "compare the two side by side and keep one.",
        ),
    }
    if headquarters:
        return shared | {
            COMPLAINTS: translate(
                "Areas",
                "Every station's complaints, city-wide: search them, read each one's history "
                "and print a receipt again.",
            ),
            VEHICLES: translate(
                "Areas",
                "Every station's vehicle reports, city-wide: check a registration, chassis or "
                "engine number, and find recoveries that match a theft reported elsewhere.",
            ),
            PHONES: translate(
                "Areas",
                "Every station's phone reports, city-wide: check an IMEI, and find handsets "
                "recovered at one station and reported stolen at another.",
            ),
            SYNC: translate(
                "Areas",
                "Every enrolled station desk: when it last sent a bundle, what is missing or "
                "overdue. Import the bundles stations send, enroll and revoke stations.",
            ),
        }
    return shared | {
        COMPLAINTS: translate(
            "Areas",
            "Register citizens' complaints, print the receipt they take home, and follow "
            "each one up with the police until it is resolved.",
        ),
        VEHICLES: translate(
            "Areas",
            "Record stolen, snatched and recovered vehicles, and check a registration, "
            "chassis or engine number against the theft reports.",
        ),
        PHONES: translate(
            "Areas",
            "Record stolen, snatched and recovered mobile phones by IMEI, and check a handset "
            "before a dealer buys it.",
        ),
        SYNC: translate(
            "Areas",
            "Exchange records with headquarters: station desks send signed bundles, "
            "headquarters merges them and sends back the list of stolen vehicles.",
        ),
    }


def areas(headquarters: bool = False) -> list[Area]:
    """In navigation order; Ctrl+1 is the first. The same keys and order on every desk, so the
    shortcuts do not change between a station and headquarters."""
    sp = QStyle.StandardPixmap
    icons = {
        OVERVIEW: sp.SP_DesktopIcon,
        COMPLAINTS: sp.SP_FileDialogContentsView,
        VEHICLES: sp.SP_FileDialogDetailedView,
        PHONES: sp.SP_ComputerIcon,
        SYNC: sp.SP_BrowserReload,
        REPORTS: sp.SP_FileDialogInfoView,
        CONFLICTS: sp.SP_MessageBoxWarning,
    }
    keys = [OVERVIEW, COMPLAINTS, VEHICLES, PHONES, SYNC, REPORTS]
    if headquarters:
        # Last, so Ctrl+1 to Ctrl+6 mean the same areas at a station and at headquarters.
        keys.append(CONFLICTS)
    titles = _titles(headquarters)
    purposes = _purposes(headquarters)
    return [Area(key, titles[key], purposes[key], icons[key]) for key in keys]


def area(key: str, headquarters: bool = False) -> Area:
    return next(a for a in areas(headquarters) if a.key == key)
