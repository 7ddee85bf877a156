"""What the vehicle and phone report forms' fields share: the choice of what happened, the
incident's boxes and the owner's boxes, laid out in two columns (the thing reported on the left;
when and where, then the owner, on the right), the headings that follow what happened, and the
defaults a new form starts from.

A subclass builds the thing's own boxes and its form (``_build_fields``, ``_thing_form``), says
its kind of report (``REPORTS``), what else counts as typed (``_has_own_content``) and what a
kept draft holds besides the one-line boxes (``_own_choices``), and reads its domain draft.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.shell.language import day_month_year
from cplc_desk.gui.widgets.field_parts import FieldBox
from cplc_desk.gui.widgets.form_fields import FormFields, PersonEdits
from cplc_desk.gui.widgets.report_kinds import ReportKinds
from cplc_desk.services.desk.context import DeskContext

# What happened, as the incident's heading says it: a kind's value, or the word it is said by.
STOLEN, SNATCHED, RECOVERED, FOUND = "stolen", "snatched", "recovered", "found"

# The boxes after the thing's own, in form order: the incident's, then the owner's.
INCIDENT_AND_OWNER = (
    "incident_at",
    "incident_place",
    "police_station",
    "fir_number",
    *(f"owner_{field}" for field in PersonEdits.FIELDS),
)
# The incident's fields shown in another's box (the time beside the date, the FIR's date beside
# its number).
INCIDENT_SHOWN_IN = {"incident_time": "incident_at", "fir_date": "fir_number"}

Row = tuple[str, str]  # a label and the name of the box it labels


class ReportFields(FormFields):
    # The kind of report (its recoveries: a recovered or found thing, whose owner may be unknown).
    REPORTS: ClassVar[ReportKinds]
    # A kind whose heading is said as another's (a vehicle found abandoned: "found").
    SAID_AS: ClassVar[dict[str, str]] = {}

    kind_combo: QComboBox
    owner: PersonEdits
    incident_heading: QLabel
    owner_heading: QLabel
    last_field: QWidget

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._default_kind = ""
        self._build_fields()
        self._build_layout()
        self._connect()

    # ------------------------------------------------------------------ building

    def _build_fields(self) -> None:
        raise NotImplementedError

    def _thing_section(self) -> tuple[str, list[Row]]:
        """The left column's heading (the thing), and the thing's own boxes, between what
        happened and its make."""
        raise NotImplementedError

    def _thing_note(self) -> QWidget | None:
        """A note under the thing's own boxes (none unless a subclass says)."""
        return None

    def _thing_form(self) -> QFormLayout:
        """The left column: what happened, the thing's own boxes, its make and colour."""
        title, rows = self._thing_section()
        _heading, form = self._titled_form([(self.tr("&What happened: *"), "kind"), *rows], title)
        if (note := self._thing_note()) is not None:
            form.addRow("", note)
        self._add_row(form, self.tr("&Make:"), "make")
        self._add_row(form, self.tr("Colo&ur:"), "colour")
        return form

    def _thing_chain(self) -> list[QWidget]:
        """The thing's boxes in Tab order, what happened first."""
        raise NotImplementedError

    def _build_kind_combo(self) -> None:
        self.kind_combo = QComboBox()
        for name, kind in self.REPORTS.kind_choices():
            self.kind_combo.addItem(name, kind)
        self.kind_combo.setPlaceholderText(self.tr("Choose what happened"))

    def _build_shared_boxes(self, make_example: str, model_example: str) -> None:
        """The make, model and colour boxes (their examples: ``make_example`` ...), the
        incident's boxes and the owner's."""
        self.make_edit = QLineEdit()
        self.make_edit.setPlaceholderText(make_example)
        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(model_example)
        self.colour_edit = QLineEdit()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        day_month_year(self.date_edit)
        self._build_incident_fields(self.tr("day/month/year"))
        self.owner = PersonEdits(self)
        edits = self.owner.edits
        self.owner_name_edit, self.owner_relative_edit, self.owner_cnic_edit = edits[:3]
        self.owner_mobile_edit, self.owner_address_edit = edits[3:]

    def _incident_and_owner_boxes(
        self, time_label: QLabel, fir_date_label: QLabel
    ) -> dict[str, FieldBox]:
        return {
            "incident_at": FieldBox(self._row(self.date_edit, time_label, self.time_edit)),
            "incident_place": FieldBox(self.place_edit),
            "police_station": FieldBox(self.station_combo),
            "fir_number": FieldBox(self._row(self.fir_edit, fir_date_label, self.fir_date_edit)),
            **{name: FieldBox(edit) for name, edit in self.owner.targets("owner").items()},
        }

    def _incident_and_owner_targets(self) -> dict[str, QWidget]:
        return {**self._incident_targets(), **self.owner.targets("owner")}

    def _proxy_focus(self, names: Sequence[str]) -> None:
        """A box holding more than one widget sends the cursor to its field's widget."""
        for name in names:
            self.boxes[name].setFocusProxy(self.focus_targets[name])
        self._index_fields()

    def _row(self, first: QWidget, label: QLabel, second: QWidget) -> QWidget:
        return self._pair_row(first, label, second, (3, 2))

    def _titled_form(self, rows: Sequence[Row], title: str = "") -> tuple[QLabel, QFormLayout]:
        """A heading (``title``, or one set later) over labelled boxes, in close rows: a box's
        message line opens up under it when there is something to say."""
        heading = self._heading(title, 4)
        form = self._form_layout()
        form.setVerticalSpacing(self.fontMetrics().lineSpacing() // 2)
        form.addRow(heading)
        for text, name in rows:
            self._add_row(form, text, name)
        return heading, form

    def _build_layout(self) -> None:
        # Their headings follow what happened (_update_headings).
        self.incident_heading, incident = self._titled_form(
            [
                (self.tr("D&ate:"), "incident_at"),
                (self.tr("&Place:"), "incident_place"),
                (self.tr("Police stat&ion: *"), "police_station"),
                (self.tr("&FIR number:"), "fir_number"),
            ],
        )
        self.owner_heading, owner = self._titled_form(
            [
                (self.tr("&Owner's name:"), "owner_name"),
                (self.tr("Father's / &husband's name:"), "owner_relative_name"),
                (self.tr("Owner's C&NIC:"), "owner_cnic"),
                (self.tr("Owner's mo&bile:"), "owner_mobile"),
                (self.tr("Owner's addre&ss:"), "owner_address"),
            ],
        )

        left = QVBoxLayout()
        left.addLayout(self._thing_form())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(incident)
        right.addSpacing(8)
        right.addLayout(owner)
        right.addStretch(1)
        columns = QHBoxLayout(self)
        columns.setSpacing(24)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        chain = [
            *self._thing_chain(), self.date_edit, self.time_edit, self.place_edit,
            self.station_combo, self.fir_edit, self.fir_date_edit, *self.owner.edits,
        ]  # fmt: skip
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.last_field = chain[-1]

    def _connect(self) -> None:
        for widget in self._field_of:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._on_edited)
            widget.installEventFilter(self)
        self.kind_combo.currentIndexChanged.connect(self._on_edited)
        self.kind_combo.currentIndexChanged.connect(lambda _=0: self._update_headings())
        self.station_combo.editTextChanged.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_edited)

    def _update_headings(self) -> None:
        kind = self.kind()
        incident = {
            STOLEN: self.tr("When and where it was stolen"),
            SNATCHED: self.tr("When and where it was snatched"),
            RECOVERED: self.tr("When and where it was recovered"),
            FOUND: self.tr("When and where it was found"),
        }.get(self.SAID_AS.get(kind, kind), self.tr("When and where"))
        self.incident_heading.setText(incident)
        self.owner_heading.setText(
            self.tr("Owner (if known)") if self.is_recovery() else self.tr("Owner")
        )

    # ------------------------------------------------------------------ values

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def is_recovery(self) -> bool:
        return self.kind() in self.REPORTS.recoveries

    def _texts(self) -> dict[str, QLineEdit]:
        """Every one-line box, by its field's name (what a kept draft holds it under)."""
        return {name: w for name, w in self.focus_targets.items() if isinstance(w, QLineEdit)}

    def _line_edits(self) -> list[QLineEdit]:
        return list(self._texts().values())

    def _reset_own(self) -> None:
        """Put the thing's own choices back to their defaults (a hook for subclasses)."""

    def _has_own_content(self) -> bool:
        """Whether a choice of the thing's own was made (a hook for subclasses)."""
        return False

    def _first_box(self, kind: str) -> QWidget:
        """Where the cursor starts in a new form (what happened, unless it is chosen)."""
        return self.kind_combo

    def reset(self, kind: str = "") -> None:
        """Empty the form and put in the defaults: this desk's station, today's date."""
        self._default_kind = kind
        self._loading = True
        try:
            for edit in self._line_edits():
                edit.clear()
            self._reset_own()
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind) if kind else -1)
            self._reset_station_and_date()
        finally:
            self._loading = False
        self._after_reset()
        self._clear_problems()
        self._update_headings()
        self._first_box(kind).setFocus()

    def _after_reset(self) -> None:
        """Called once the boxes are back to their defaults (a hook for subclasses)."""

    def has_content(self) -> bool:
        """Whether anything was typed or chosen (the defaults do not count)."""
        return (
            any(edit.text().strip() for edit in self._line_edits())
            or self.kind() != self._default_kind
            or self._has_own_content()
        )

    # ------------------------------------------------------------------ drafts

    def _own_choices(self) -> dict[str, Any]:
        """What a kept draft holds of the thing's choices other than its boxes (a hook)."""
        return {}

    def _load_own_choices(self, data: dict[str, Any]) -> None:
        """Put back what ``_own_choices`` kept (a hook; unknown values leave a choice as is)."""

    def data(self) -> dict[str, Any]:
        """What was typed, for a draft kept against a crash or power cut."""
        return {
            **{key: edit.text() for key, edit in self._texts().items()},
            "kind": self.kind(),
            "police_station": self.station_combo.code() or self.station_combo.currentText(),
            "incident_date": self._incident_date_text(),
            **self._own_choices(),
        }

    def load(self, data: dict[str, Any]) -> None:
        """Fill the boxes from a draft (unknown or missing keys leave a box as it is)."""
        self._loading = True
        try:
            for key, edit in self._texts().items():
                if isinstance(value := data.get(key), str):
                    edit.setText(value)
            if isinstance(kind := data.get("kind"), str) and kind:
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
            self._load_own_choices(data)
            if isinstance(station := data.get("police_station"), str):
                self.station_combo.set_code(station)
            self._load_incident_date(data.get("incident_date"))
        finally:
            self._loading = False
        self._update_headings()

    def _report_values(self, problems: dict[str, str]) -> dict[str, Any]:
        """The draft's values every report has (``ReportDraft``'s: the look, the owner and the
        incident); ``problems``: what the form could not read."""
        return {
            "make": self.make_edit.text(),
            "model": self.model_edit.text(),
            "colour": self.colour_edit.text(),
            "owner": self.owner.draft(),
            **self._incident_draft(problems),
        }
