"""What the vehicle and phone report windows share: the read-only form of a record's values
(each selectable, plain text, "–" for nothing) and the owner written out in full."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from cplc_desk.gui.widgets.formats import NOTHING

translate = QCoreApplication.translate


def values_form(rows: Sequence[tuple[str, str, str]]) -> tuple[QFormLayout, dict[str, QLabel]]:
    """A form of (key, label, value) rows, and the value labels by key."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    values: dict[str, QLabel] = {}
    for key, label, value in rows:
        shown = QLabel(value or NOTHING)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        values[key] = shown
        form.addRow(label, shown)
    return form, values


def owner_text(
    name: str | None,
    relative: str | None,
    cnic: str | None,
    mobile: str | None,
    address: str | None,
) -> str:
    """The owner, one line each: name (with the father's or husband's), CNIC, mobile, address."""
    if not name:
        return ""
    first = name
    if relative:
        first = translate("RecordDetail", "{name} (father's / husband's name: {relative})").format(
            name=name, relative=relative
        )
    return "\n".join([first, *(x for x in (cnic, mobile, address) if x)])
