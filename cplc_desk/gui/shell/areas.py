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


def _sync_area(headquarters: bool) -> Area:
    """The Sync area: at headquarters it follows the stations instead."""
    sp = QStyle.StandardPixmap
    return (
        Area(
            SYNC,
            translate("Areas", "Stations"),
            translate(
                "Areas",
                "Every enrolled station desk: when it last sent a bundle, what is missing or "
                "overdue. Import the bundles stations send, enroll and revoke stations.",
            ),
            sp.SP_BrowserReload,
        )
        if headquarters
        else Area(
            SYNC,
            translate("Areas", "Sync"),
            translate(
                "Areas",
                "Exchange records with headquarters: station desks send signed bundles, "
                "headquarters merges them and sends back the list of stolen vehicles.",
            ),
            sp.SP_BrowserReload,
        )
    )


def _vehicles_area(headquarters: bool) -> Area:
    """The Vehicles area: at headquarters, the whole city's."""
    sp = QStyle.StandardPixmap
    return Area(
        VEHICLES,
        translate("Areas", "Vehicles"),
        translate(
            "Areas",
            "Every station's vehicle reports, city-wide: check a registration, chassis or "
            "engine number, and find recoveries that match a theft reported elsewhere.",
        )
        if headquarters
        else translate(
            "Areas",
            "Record stolen, snatched and recovered vehicles, and check a registration, "
            "chassis or engine number against the theft reports.",
        ),
        sp.SP_FileDialogDetailedView,
    )


def _phones_area(headquarters: bool) -> Area:
    """The Phones area: at headquarters, the whole city's."""
    sp = QStyle.StandardPixmap
    return Area(
        PHONES,
        translate("Areas", "Phones"),
        translate(
            "Areas",
            "Every station's phone reports, city-wide: check an IMEI, and find handsets "
            "recovered at one station and reported stolen at another.",
        )
        if headquarters
        else translate(
            "Areas",
            "Record stolen, snatched and recovered mobile phones by IMEI, and check a handset "
            "before a dealer buys it.",
        ),
        sp.SP_ComputerIcon,
    )


def areas(headquarters: bool = False) -> list[Area]:
    """In navigation order; Ctrl+1 is the first. The same keys and order on every desk, so the
    shortcuts do not change between a station and headquarters."""
    sp = QStyle.StandardPixmap
    sync = _sync_area(headquarters)
    listed = [
        Area(
            OVERVIEW,
            translate("Areas", "Overview"),
            translate("Areas", "This desk at a glance: who it is and how many records it holds."),
            sp.SP_DesktopIcon,
        ),
        Area(
            COMPLAINTS,
            translate("Areas", "Complaints"),
            # Headquarters registers nothing itself: the records arrive from the stations.
            translate(
                "Areas",
                "Every station's complaints, city-wide: search them, read each one's history "
                "and print a receipt again.",
            )
            if headquarters
            else translate(
                "Areas",
                "Register citizens' complaints, print the receipt they take home, and follow "
                "each one up with the police until it is resolved.",
            ),
            sp.SP_FileDialogContentsView,
        ),
        _vehicles_area(headquarters),
        _phones_area(headquarters),
        sync,
        Area(
            REPORTS,
            translate("Areas", "Reports"),
            translate(
                "Areas",
                "The month's crime figures by category, area and station, with their trends; "
                "saved as CSV, Excel, PDF or JSON.",
            ),
            sp.SP_FileDialogInfoView,
        ),
    ]
    if headquarters:
        # Last, so Ctrl+1 to Ctrl+6 mean the same areas at a station and at headquarters.
        listed.append(
            Area(
                CONFLICTS,
                translate("Areas", "Conflicts"),
                translate(
                    "Areas",
                    "Edits from a station that crossed another version of the same record: "
                    "compare the two side by side and keep one.",
                ),
                sp.SP_MessageBoxWarning,
            )
        )
    return listed


def area(key: str, headquarters: bool = False) -> Area:
    return next(a for a in areas(headquarters) if a.key == key)
