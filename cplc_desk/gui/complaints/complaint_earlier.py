"""The note on the complaint form that says a complainant has come before: repeat complainants
and possible duplicates, found by CNIC or mobile number while the form is still being filled."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from cplc_desk.domain.clock import to_local
from cplc_desk.domain.validation import mask_cnic, mask_phone
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.message_banner import INFO, MessageBanner
from cplc_desk.services.complaints.complaint_list import ComplaintRow

translate = QCoreApplication.translate

SHOWN = 5  # more would push the rest of the form out of sight


def _day(row: ComplaintRow) -> str:
    local = to_local(row.created_at)
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def describe_earlier(rows: Sequence[ComplaintRow], cnic: str, mobile: str, limit: int) -> str:
    """A few lines naming the earlier complaints; ``cnic``/``mobile`` are the canonical values
    that were looked up ("" if not)."""
    by_cnic = bool(cnic) and all(row.cnic_masked == mask_cnic(cnic) for row in rows)
    by_mobile = bool(mobile) and all(row.mobile_masked == mask_phone(mobile) for row in rows)
    count = len(rows)
    one = count == 1
    if by_cnic and not by_mobile:
        text = (
            translate("EarlierComplaints", "This CNIC appears in 1 earlier complaint:")
            if one
            else translate("EarlierComplaints", "This CNIC appears in {n} earlier complaints:")
        )
    elif by_mobile and not by_cnic:
        text = (
            translate("EarlierComplaints", "This mobile number appears in 1 earlier complaint:")
            if one
            else translate(
                "EarlierComplaints", "This mobile number appears in {n} earlier complaints:"
            )
        )
    else:
        text = (
            translate(
                "EarlierComplaints", "This CNIC or mobile number appears in 1 earlier complaint:"
            )
            if one
            else translate(
                "EarlierComplaints",
                "This CNIC or mobile number appears in {n} earlier complaints:",
            )
        )
    text = text.format(n=format_count(count))
    if count >= limit:
        text = translate(
            "EarlierComplaints", "This CNIC or mobile number appears in {n} or more complaints:"
        ).format(n=format_count(limit))
    # One complaint a line, so a receipt number is never split across lines.
    lines = [
        translate("EarlierComplaints", "• {number} ({day}): {name}, {status}").format(
            number=row.number,
            name=row.complainant,
            status=names.complaint_status(row.status),
            day=_day(row),
        )
        for row in rows[:SHOWN]
    ]
    if count > SHOWN:
        lines.append(
            translate("EarlierComplaints", "and {n} more").format(n=format_count(count - SHOWN))
        )
    advice = translate(
        "EarlierComplaints",
        "Check with the citizen that this is not the same complaint again. You can still save.",
    )
    return "\n".join([text, *lines, advice])


class EarlierComplaintsPanel(MessageBanner):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.rows: list[ComplaintRow] = []

    def show_rows(self, rows: Sequence[ComplaintRow], cnic: str, mobile: str, limit: int) -> None:
        self.rows = list(rows)
        if not rows:
            self.clear_message()
            return
        self.show_message(INFO, describe_earlier(rows, cnic, mobile, limit))
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # A wrapped label inside a form gets the height it would need at some narrower width,
        # leaving an empty band under the text; size the note for the width it really has.
        layout = self.layout()
        if layout is None or self.text_label.width() <= 0:
            return
        margins = layout.contentsMargins()
        text = self.text_label.heightForWidth(self.text_label.width())
        height = max(text, self.icon_label.sizeHint().height()) + margins.top() + margins.bottom()
        if height != self.height():
            self.setFixedHeight(height)
