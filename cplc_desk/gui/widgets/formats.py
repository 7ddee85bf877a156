"""Dates, ages and lists of numbers as a person reads them: in the person's locale, in Pakistan
time (the desks store UTC), with a dash where there is nothing to show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from cplc_desk.domain.clock import to_local
from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets.count_widgets import format_count

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate

NOTHING = "–"


def format_datetime(value: datetime | None) -> str:
    """A moment in Pakistan time, in the locale's short date and time format."""
    if value is None:
        return NOTHING
    local = to_local(value)
    moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return ltr_text(QLocale().toString(moment, QLocale.FormatType.ShortFormat))


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
