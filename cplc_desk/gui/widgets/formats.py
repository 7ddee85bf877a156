"""Dates, ages and lists of numbers as a person reads them: in Pakistan time (the desks store
UTC), with a dash where there is nothing to show.

One date format everywhere, in both languages and whatever the PC's locale: day/month/year with
a 24-hour clock ("05/12/2026 13:02"), the way the forms read dates and times. A PC whose region
is left at "English (United States)" would otherwise show 12/5/2026 beside a form that reads
12/5 as the 12th of May. Counts are grouped the Pakistani way ("2,500") by the locale the window
runs in (:func:`cplc_desk.gui.shell.language.locale_for`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from cplc_desk.domain.clock import shown, shown_day
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets.count_widgets import format_count

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate

NOTHING = "–"


def format_date(value: date | None) -> str:
    """A day as day/month/year: "05/12/2026"."""
    return ltr_text(shown_day(value)) if value is not None else NOTHING


def format_datetime(value: datetime | None) -> str:
    """A moment in Pakistan time: "05/12/2026 13:02"."""
    return ltr_text(shown(value)) if value is not None else NOTHING


def format_sequences(numbers: Sequence[int]) -> str:
    """Bundle numbers as a short list ("1, 2, 5"), or a dash for none."""
    if not numbers:
        return NOTHING
    return QLocale().createSeparatedList([format_count(n) for n in numbers])


def format_skew(seconds: int | None) -> str:
    """How far a station's clock ran ahead of headquarters' when it made its last bundle."""
    if seconds is None:
        return NOTHING
    if seconds == 0:
        return translate("Formats", "on time", "a station's clock")
    minutes = round(abs(seconds) / 60)
    if minutes < 120:
        amount = translate("Formats", "{n} min").format(n=format_count(minutes))
    else:
        amount = translate("Formats", "{n} h").format(n=format_count(round(minutes / 60)))
    if seconds > 0:
        return translate("Formats", "{amount} ahead").format(amount=amount)
    return translate("Formats", "{amount} behind").format(amount=amount)
