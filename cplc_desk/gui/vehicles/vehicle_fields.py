"""The vehicle report form's fields: what happened, the vehicle and its identifiers, when and
where, and the owner, in two columns filled top to bottom with the keyboard (Enter moves on).

Each box says what is wrong with it as the volunteer leaves it, in the domain's words; a box
holding two fields (make and model, colour and model year, date and time, FIR number and date)
shows the first of their problems. The dialog around it (``VehicleFormDialog``) saves.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import Signal
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

from cplc_desk.domain.enums import VehicleReportKind
from cplc_desk.domain.matching import Looks
from cplc_desk.domain.records import VehicleReportDraft, validate_vehicle_report
from cplc_desk.gui.shell.language import day_month_year, left_to_right
from cplc_desk.gui.vehicles.vehicles_model import vehicle_class_name
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.field_parts import FieldBox
from cplc_desk.gui.widgets.form_fields import FormFields, PersonEdits
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles.wanted import RECOVERY_KINDS

# The boxes in form order; the first with a problem gets the cursor on Save.
FIELDS = (
    "kind",
    "vehicle_class",
    "registration",
    "chassis",
    "engine",
    "make",
    "colour",
    "incident_at",
    "incident_place",
    "police_station",
    "fir_number",
    "owner_name",
    "owner_relative_name",
    "owner_cnic",
    "owner_mobile",
    "owner_address",
)
# Fields sharing a row with another, shown in that row's box.
_SHOWN_IN = {
    "model": "make",
    "model_year": "colour",
    "incident_time": "incident_at",
    "fir_date": "fir_number",
}


_DESCRIBE_THE_VEHICLE = frozenset(
    {"kind", "registration", "chassis", "engine", "make", "model", "colour"}
)


class VehicleFields(FormFields):
    # What happened, an identifier, the make, model or colour changed (a recovery being typed
    # in is looked for among the open thefts as it is typed).
    vehicle_edited = Signal()

    FIELDS = FIELDS
    SHOWN_IN = _SHOWN_IN

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._default_kind = ""
        self._build_fields()
        self._build_layout()
        self._connect()

    def _build_fields(self) -> None:
        self.kind_combo = QComboBox()
        for kind in VehicleReportKind:
            self.kind_combo.addItem(names.vehicle_report_kind(kind.value), kind.value)
        self.kind_combo.setPlaceholderText(self.tr("Choose what happened"))
        self.class_combo = QComboBox()
        for choice in reference.vehicle_classes(self.ctx):
            self.class_combo.addItem(vehicle_class_name(choice.code), choice.code)
        self.class_combo.setPlaceholderText(self.tr("Choose the kind of vehicle"))
        self.registration_edit = QLineEdit()
        self.registration_edit.setPlaceholderText(self.tr("e.g. KNP-5586, or AFR"))
        self.chassis_edit = QLineEdit()
        self.chassis_edit.setPlaceholderText(self.tr("As stamped on the frame"))
        self.engine_edit = QLineEdit()
        self.engine_edit.setPlaceholderText(self.tr("As stamped on the engine"))
        for edit in (self.registration_edit, self.chassis_edit, self.engine_edit):
            left_to_right(edit)
        self.make_edit = QLineEdit()
        self.make_edit.setPlaceholderText(self.tr("e.g. Honda"))
        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(self.tr("e.g. CD 70"))
        self.colour_edit = QLineEdit()
        self.year_edit = QLineEdit()
        self.year_edit.setPlaceholderText(self.tr("e.g. 2019"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        day_month_year(self.date_edit)
        left_to_right(self.year_edit)
        self._build_incident_fields(self.tr("day/month/year"))
        self.owner = PersonEdits(self)
        edits = self.owner.edits
        self.owner_name_edit, self.owner_relative_edit, self.owner_cnic_edit = edits[:3]
        self.owner_mobile_edit, self.owner_address_edit = edits[3:]

        self.year_label = QLabel(self.tr("Model &year:"))
        self.time_label = QLabel(self.tr("&Time:"))
        self.fir_date_label = QLabel(self.tr("FIR &date:"))
        self.model_label = QLabel(self.tr("Mode&l:"))
        self.boxes: dict[str, FieldBox] = {
            "kind": FieldBox(self.kind_combo),
            "vehicle_class": FieldBox(self.class_combo),
            "registration": FieldBox(self.registration_edit),
            "chassis": FieldBox(self.chassis_edit),
            "engine": FieldBox(self.engine_edit),
            "make": FieldBox(self._row(self.make_edit, self.model_label, self.model_edit)),
            "colour": FieldBox(self._row(self.colour_edit, self.year_label, self.year_edit)),
            "incident_at": FieldBox(self._row(self.date_edit, self.time_label, self.time_edit)),
            "incident_place": FieldBox(self.place_edit),
            "police_station": FieldBox(self.station_combo),
            "fir_number": FieldBox(self._row(self.fir_edit, self.fir_date_label, self.fir_date_edit)),
            "owner_name": FieldBox(self.owner_name_edit),
            "owner_relative_name": FieldBox(self.owner_relative_edit),
            "owner_cnic": FieldBox(self.owner_cnic_edit),
            "owner_mobile": FieldBox(self.owner_mobile_edit),
            "owner_address": FieldBox(self.owner_address_edit),
        }  # fmt: skip
        # The widget each field name's problem sends the cursor to.
        self.focus_targets: dict[str, QWidget] = {
            "kind": self.kind_combo,
            "vehicle_class": self.class_combo,
            "registration": self.registration_edit,
            "chassis": self.chassis_edit,
            "engine": self.engine_edit,
            "make": self.make_edit,
            "model": self.model_edit,
            "colour": self.colour_edit,
            "model_year": self.year_edit,
            **self._incident_targets(),
            "owner_name": self.owner_name_edit,
            "owner_relative_name": self.owner_relative_edit,
            "owner_cnic": self.owner_cnic_edit,
            "owner_mobile": self.owner_mobile_edit,
            "owner_address": self.owner_address_edit,
        }
        for name in ("make", "colour", "incident_at", "fir_number"):
            self.boxes[name].setFocusProxy(self.focus_targets[name])
        self._index_fields()

    def _row(self, first: QWidget, label: QLabel, second: QWidget) -> QWidget:
        return self._pair_row(first, label, second, (3, 2))

    def _build_layout(self) -> None:
        def heading(text: str) -> QLabel:
            return self._heading(text, 4)

        def form() -> QFormLayout:
            layout = self._form_layout()
            # Close rows: a box's message line opens up under it when there is something to say.
            layout.setVerticalSpacing(self.fontMetrics().lineSpacing() // 2)
            return layout

        add = self._add_row

        vehicle = form()
        vehicle.addRow(heading(self.tr("The vehicle")))
        add(vehicle, self.tr("&What happened: *"), "kind")
        add(vehicle, self.tr("&Kind of vehicle: *"), "vehicle_class")
        add(vehicle, self.tr("&Registration:"), "registration")
        add(vehicle, self.tr("&Chassis number:"), "chassis")
        add(vehicle, self.tr("&Engine number:"), "engine")
        identifiers_hint = make_quiet(
            QLabel(self.tr("At least one of the three. Write them as they are on the vehicle."))
        )
        identifiers_hint.setWordWrap(True)
        vehicle.addRow("", identifiers_hint)
        add(vehicle, self.tr("&Make:"), "make")
        add(vehicle, self.tr("Colo&ur:"), "colour")

        self.incident_heading = heading("")
        incident = form()
        incident.addRow(self.incident_heading)
        add(incident, self.tr("D&ate:"), "incident_at")
        add(incident, self.tr("&Place:"), "incident_place")
        add(incident, self.tr("Police stat&ion: *"), "police_station")
        add(incident, self.tr("&FIR number:"), "fir_number")

        self.owner_heading = heading("")
        owner = form()
        owner.addRow(self.owner_heading)
        add(owner, self.tr("&Owner's name:"), "owner_name")
        add(owner, self.tr("Father's / &husband's name:"), "owner_relative_name")
        add(owner, self.tr("Owner's C&NIC:"), "owner_cnic")
        add(owner, self.tr("Owner's mo&bile:"), "owner_mobile")
        add(owner, self.tr("Owner's addre&ss:"), "owner_address")

        left = QVBoxLayout()
        left.addLayout(vehicle)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(incident)
        right.addSpacing(8)
        right.addLayout(owner)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        columns.setContentsMargins(0, 0, 0, 0)
        self.setLayout(columns)

        chain = [
            self.kind_combo, self.class_combo, self.registration_edit, self.chassis_edit,
            self.engine_edit, self.make_edit, self.model_edit, self.colour_edit, self.year_edit,
            self.date_edit, self.time_edit, self.place_edit, self.station_combo, self.fir_edit,
            self.fir_date_edit, self.owner_name_edit, self.owner_relative_edit,
            self.owner_cnic_edit, self.owner_mobile_edit, self.owner_address_edit,
        ]  # fmt: skip
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.last_field: QWidget = chain[-1]

    def _connect(self) -> None:
        for widget in self._field_of:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._on_edited)
            widget.installEventFilter(self)
        self.kind_combo.currentIndexChanged.connect(self._on_edited)
        self.kind_combo.currentIndexChanged.connect(lambda _=0: self._update_headings())
        self.class_combo.currentIndexChanged.connect(self._on_edited)
        self.station_combo.editTextChanged.connect(self._on_edited)
        self.date_edit.dateChanged.connect(self._on_edited)

    def _update_headings(self) -> None:
        kind = self.kind()
        incident = {
            VehicleReportKind.STOLEN.value: self.tr("When and where it was stolen"),
            VehicleReportKind.SNATCHED.value: self.tr("When and where it was snatched"),
            VehicleReportKind.RECOVERED.value: self.tr("When and where it was recovered"),
            VehicleReportKind.FOUND_ABANDONED.value: self.tr("When and where it was found"),
        }.get(kind, self.tr("When and where"))
        self.incident_heading.setText(incident)
        self.owner_heading.setText(
            self.tr("Owner (if known)") if self.is_recovery() else self.tr("Owner")
        )

    # ------------------------------------------------------------------ values

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def is_recovery(self) -> bool:
        return self.kind() in RECOVERY_KINDS

    def _line_edits(self) -> list[QLineEdit]:
        return [w for w in self._field_of if isinstance(w, QLineEdit)]

    def reset(self, kind: str = "") -> None:
        """Empty the form and put in the defaults: this desk's station, today's date."""
        self._default_kind = kind
        self._loading = True
        try:
            for edit in self._line_edits():
                edit.clear()
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind) if kind else -1)
            self.class_combo.setCurrentIndex(-1)
            self._reset_station_and_date()
        finally:
            self._loading = False
        self._clear_problems()
        self._update_headings()
        (self.class_combo if kind else self.kind_combo).setFocus()

    def has_content(self) -> bool:
        """Whether anything was typed or chosen (the defaults do not count)."""
        return (
            any(edit.text().strip() for edit in self._line_edits())
            or self.kind() != self._default_kind
            or self.class_combo.currentIndex() >= 0
        )

    def draft(self) -> tuple[VehicleReportDraft, dict[str, str]]:
        """The domain's draft, and the problems with text the form itself could not read."""
        problems: dict[str, str] = {}
        incident_at, fir_date = self._read_incident(problems)
        draft = VehicleReportDraft(
            kind=self.kind(),
            vehicle_class=str(self.class_combo.currentData() or ""),
            registration=self.registration_edit.text(),
            chassis=self.chassis_edit.text(),
            engine=self.engine_edit.text(),
            make=self.make_edit.text(),
            model=self.model_edit.text(),
            colour=self.colour_edit.text(),
            model_year=self.year_edit.text(),
            owner=self.owner.draft(),
            incident_at=incident_at,
            incident_place=self.place_edit.text(),
            police_station=self.station_combo.code(),
            fir_number=self.fir_edit.text(),
            fir_date=fir_date,
        )
        return draft, problems

    def _validate(self, draft: VehicleReportDraft, now: datetime) -> None:
        validate_vehicle_report(draft, now)

    # ------------------------------------------------------------------ reacting

    def looks(self) -> Looks:
        return Looks(self.make_edit.text(), self.model_edit.text(), self.colour_edit.text())

    def _after_edit(self, name: str | None) -> None:
        if name in _DESCRIBE_THE_VEHICLE:
            self.vehicle_edited.emit()
        if name in ("registration", "chassis", "engine") and self.boxes["registration"].error():
            # "At least one identifier" is shown under Registration, whichever one is typed.
            self.show_problems(self.problems(), {"registration"})
