"""The boxes of the complaint form, in the order a volunteer fills them, and their checks.

Each box says what is wrong with it when the cursor leaves it (once something was typed there),
in the domain's words; :meth:`ComplaintEntry.problems` gives every problem at once for Save.
Enter moves to the next box, as Tab does; the narrative keeps Enter for new lines.

The dialog around it hears of edits through plain callbacks, not signals: they fire on every
key press (see :mod:`cplc_desk.gui.widgets.operations` on PySide 6.12's ``emit``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from cplc_desk.domain.records import ComplaintDraft, validate_complaint
from cplc_desk.gui.widgets.field_parts import DateEdit, FieldBox, SearchableCombo
from cplc_desk.gui.widgets.form_fields import FormFields, PersonEdits
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext

# Form order; the first of these with a problem gets the cursor on Save.
FIELDS = (
    "complainant_name",
    "complainant_relative_name",
    "complainant_cnic",
    "complainant_mobile",
    "complainant_address",
    "category",
    "incident_at",
    "incident_place",
    "police_station",
    "fir_number",
    "narrative",
)
# Problems with text the form reads itself, shown in the box of the field they belong with.
SHOWN_IN = {"incident_time": "incident_at", "fir_date": "fir_number"}
CONTACT_FIELDS = ("complainant_cnic", "complainant_mobile")
# Values that are filled in by default and so do not count as typed.
DEFAULTED = ("police_station", "incident_date")


def _nothing() -> None:
    pass


class ComplaintEntry(FormFields):
    """``on_contact_edit`` runs after every change to the CNIC or mobile box (not while loading
    a draft); ``on_contact_left`` when the cursor leaves either."""

    FIELDS = FIELDS
    validate_draft = staticmethod(validate_complaint)
    SHOWN_IN = SHOWN_IN

    def __init__(self, ctx: DeskContext, note_slot: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.on_contact_edit: Callable[[], None] = _nothing
        self.on_contact_left: Callable[[], None] = _nothing
        self._build_fields()
        self._build_layout(note_slot)
        self._connect()

    # ------------------------------------------------------------------ building

    def _build_fields(self) -> None:
        self.complainant = PersonEdits(self)
        edits = self.complainant.edits
        self.name_edit, self.relative_edit, self.cnic_edit = edits[:3]
        self.mobile_edit, self.address_edit = edits[3:]
        categories = [(c.code, c.name) for c in reference.complaint_categories(self.ctx)]
        self.category_combo = SearchableCombo(
            categories, self.tr("Type part of the name, e.g. snatching")
        )
        self.date_edit = DateEdit()
        self._build_incident_fields(self.tr("day/month/year"))
        self.narrative_edit = QPlainTextEdit()
        self.narrative_edit.setTabChangesFocus(True)
        self.narrative_edit.setPlaceholderText(
            self.tr("What happened, in the citizen's words: who, what, where, when.")
        )
        self.narrative_edit.setMinimumHeight(self.narrative_edit.fontMetrics().lineSpacing() * 6)
        self.line_edits = (
            self.name_edit,
            self.relative_edit,
            self.cnic_edit,
            self.mobile_edit,
            self.address_edit,
            self.time_edit,
            self.place_edit,
            self.fir_edit,
            self.fir_date_edit,
        )

        incident_row = self._pair_row(
            self.date_edit, QLabel(self.tr("&Time:")), self.time_edit, (2, 1)
        )
        fir_row = self._pair_row(
            self.fir_edit, QLabel(self.tr("FIR &date:")), self.fir_date_edit, (2, 1)
        )
        self.boxes: dict[str, FieldBox] = {
            **{
                name: FieldBox(edit)
                for name, edit in self.complainant.targets("complainant").items()
            },
            "category": FieldBox(self.category_combo),
            "incident_at": FieldBox(incident_row),
            "incident_place": FieldBox(self.place_edit),
            "police_station": FieldBox(self.station_combo),
            "fir_number": FieldBox(fir_row),
            "narrative": FieldBox(self.narrative_edit),
        }
        self.boxes["incident_at"].setFocusProxy(self.date_edit)
        self.boxes["fir_number"].setFocusProxy(self.fir_edit)
        # The widget each field's problem sends the cursor to, in Tab order.
        self.focus_targets: dict[str, QWidget] = {
            **self.complainant.targets("complainant"),
            "category": self.category_combo,
            **self._incident_targets(),
            "narrative": self.narrative_edit,
        }
        self._index_fields()

    def _build_layout(self, note_slot: QWidget) -> None:
        form = self._form_layout(self)

        def heading(text: str) -> QLabel:
            return self._heading(text, 8)

        def add(text: str, name: str) -> None:
            self._add_row(form, text, name)

        form.addRow(heading(self.tr("Complainant")))
        add(self.tr("&Name: *"), "complainant_name")
        add(self.tr("Father's / &husband's name:"), "complainant_relative_name")
        add(self.tr("&CNIC:"), "complainant_cnic")
        add(self.tr("&Mobile:"), "complainant_mobile")
        form.addRow("", note_slot)  # the earlier complaints of this CNIC or mobile
        add(self.tr("&Address:"), "complainant_address")
        form.addRow(heading(self.tr("The complaint")))
        add(self.tr("&Kind of complaint: *"), "category")
        add(self.tr("&Incident date:"), "incident_at")
        add(self.tr("&Place:"), "incident_place")
        add(self.tr("Police &station: *"), "police_station")
        add(self.tr("FIR n&umber:"), "fir_number")
        add(self.tr("&What happened: *"), "narrative")

    def tab_chain(self) -> list[QWidget]:
        return list(dict.fromkeys(self.focus_targets.values()))

    def _connect(self) -> None:
        for before, after in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(before, after)
        for edit in self.line_edits:
            edit.textChanged.connect(self._on_edited)
        self.category_combo.editTextChanged.connect(self._on_edited)
        self.station_combo.editTextChanged.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_edited)
        self.narrative_edit.textChanged.connect(self._on_edited)
        for widget in self._field_of:
            widget.installEventFilter(self)

    # ------------------------------------------------------------------ values

    def reset(self) -> None:
        """Empty every box and put in the defaults: this desk's station, today's date."""
        self._loading = True
        try:
            for edit in self.line_edits:
                edit.clear()
            self.narrative_edit.clear()
            self.category_combo.set_code("")
            self._reset_station_and_date()
        finally:
            self._loading = False
        self._clear_problems()
        self.name_edit.setFocus()

    def data(self) -> dict[str, str]:
        """The values as typed: what a draft keeps."""
        return {
            "name": self.name_edit.text(),
            "relative_name": self.relative_edit.text(),
            "cnic": self.cnic_edit.text(),
            "mobile": self.mobile_edit.text(),
            "address": self.address_edit.text(),
            "category": self.category_combo.code() or self.category_combo.currentText(),
            "incident_date": self._incident_date_text(),
            "incident_time": self.time_edit.text(),
            "incident_place": self.place_edit.text(),
            "police_station": self.station_combo.code() or self.station_combo.currentText(),
            "fir_number": self.fir_edit.text(),
            "fir_date": self.fir_date_edit.text(),
            "narrative": self.narrative_edit.toPlainText(),
        }

    def load(self, data: dict[str, Any]) -> None:
        """Fill the boxes from a draft (unknown or missing keys leave a box as it is)."""

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        keys = (
            *("name", "relative_name", "cnic", "mobile", "address"),
            *("incident_time", "incident_place", "fir_number", "fir_date"),
        )
        self._loading = True
        try:
            for key, edit in zip(keys, self.line_edits, strict=True):
                if (value := text(key)) is not None:
                    edit.setText(value)
            if (value := text("narrative")) is not None:
                self.narrative_edit.setPlainText(value)
            if (value := text("category")) is not None:
                self.category_combo.set_code(value)
            if (value := text("police_station")) is not None:
                self.station_combo.set_code(value)
            self._load_incident_date(data.get("incident_date"))
        finally:
            self._loading = False

    def has_content(self) -> bool:
        """Whether anything was typed (the defaults do not count)."""
        return any(v.strip() for k, v in self.data().items() if k not in DEFAULTED)

    def draft(self) -> tuple[ComplaintDraft, dict[str, str]]:
        """The domain's draft, and the problems with text the form reads itself."""
        problems: dict[str, str] = {}
        incident = self._incident_draft(problems)
        if self.category_combo.has_text() and not self.category_combo.code():
            problems["category"] = self.tr("Choose a kind of complaint from the list.")
        draft = ComplaintDraft(
            complainant=self.complainant.draft(),
            category=self.category_combo.code(),
            **incident,
            narrative=self.narrative_edit.toPlainText(),
        )
        return draft, problems

    # ------------------------------------------------------------------ reacting

    def _after_left(self, name: str) -> None:
        if name in CONTACT_FIELDS:
            self.on_contact_left()

    def _after_edit(self, name: str | None) -> None:
        if name in CONTACT_FIELDS:
            self.on_contact_edit()
