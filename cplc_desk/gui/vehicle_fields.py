"""The vehicle report form's fields: what happened, the vehicle and its identifiers, when and
where, and the owner, in two columns filled top to bottom with the keyboard (Enter moves on).

Each box says what is wrong with it as the volunteer leaves it, in the domain's words; a box
holding two fields (make and model, colour and model year, date and time, FIR number and date)
shows the first of their problems. The dialog around it (``VehicleFormDialog``) saves.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
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

from cplc_desk.domain.clock import PKT, now_utc, to_local
from cplc_desk.domain.enums import VehicleReportKind
from cplc_desk.domain.records import (
    DraftErrors,
    PersonDraft,
    VehicleReportDraft,
    validate_vehicle_report,
)
from cplc_desk.gui import names
from cplc_desk.gui.complaint_fields import (
    FieldBox,
    SearchableCombo,
    parse_date_text,
    parse_time_text,
)
from cplc_desk.gui.typography import emphasise, make_quiet
from cplc_desk.gui.vehicles_model import vehicle_class_name
from cplc_desk.services import reference
from cplc_desk.services.context import DeskContext
from cplc_desk.services.vehicles import RECOVERY_KINDS

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


def _owned(box: str) -> list[str]:
    return [box, *[k for k, v in _SHOWN_IN.items() if v == box]]


class VehicleFields(QWidget):
    # Messages were shown or cleared: the window may need to grow to show them in full.
    problems_shown = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._touched: set[str] = set()
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
        self.make_edit = QLineEdit()
        self.make_edit.setPlaceholderText(self.tr("e.g. Honda"))
        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(self.tr("e.g. CD 70"))
        self.colour_edit = QLineEdit()
        self.year_edit = QLineEdit()
        self.year_edit.setPlaceholderText(self.tr("e.g. 2019"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("e.g. 21:30, if known"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Street, area or landmark"))
        stations = [(st.code, st.name) for st in reference.stations(self.ctx)]
        self.station_combo = SearchableCombo(stations, self.tr("Type part of the station's name"))
        self.fir_edit = QLineEdit()
        self.fir_edit.setPlaceholderText(self.tr("e.g. 123/2026, if lodged"))
        self.fir_date_edit = QLineEdit()
        self.fir_date_edit.setPlaceholderText(self.tr("day/month/year"))
        self.owner_name_edit = QLineEdit()
        self.owner_relative_edit = QLineEdit()
        self.owner_cnic_edit = QLineEdit()
        self.owner_cnic_edit.setPlaceholderText(self.tr("12345-1234567-1"))
        self.owner_mobile_edit = QLineEdit()
        self.owner_mobile_edit.setPlaceholderText(self.tr("0300-1234567"))
        self.owner_address_edit = QLineEdit()

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
            "incident_at": self.date_edit,
            "incident_time": self.time_edit,
            "incident_place": self.place_edit,
            "police_station": self.station_combo,
            "fir_number": self.fir_edit,
            "fir_date": self.fir_date_edit,
            "owner_name": self.owner_name_edit,
            "owner_relative_name": self.owner_relative_edit,
            "owner_cnic": self.owner_cnic_edit,
            "owner_mobile": self.owner_mobile_edit,
            "owner_address": self.owner_address_edit,
        }
        for name in ("make", "colour", "incident_at", "fir_number"):
            self.boxes[name].setFocusProxy(self.focus_targets[name])
        # Which field a widget belongs to, for checking it as the cursor leaves.
        self._field_of: dict[QObject, str] = {
            widget: name for name, widget in self.focus_targets.items()
        }

    @staticmethod
    def _row(first: QWidget, label: QLabel, second: QWidget) -> QWidget:
        label.setBuddy(second)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first, 3)
        layout.addSpacing(12)
        layout.addWidget(label)
        layout.addWidget(second, 2)
        return row

    def _build_layout(self) -> None:
        def heading(text: str) -> QLabel:
            label = emphasise(QLabel(text), 1.15)
            label.setContentsMargins(0, 4, 0, 2)
            return label

        def form() -> QFormLayout:
            layout = QFormLayout()
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            # Close rows: a box's message line opens up under it when there is something to say.
            layout.setVerticalSpacing(self.fontMetrics().lineSpacing() // 2)
            return layout

        def add(layout: QFormLayout, text: str, name: str) -> None:
            label = QLabel(text)
            label.setBuddy(self.focus_targets[name])
            layout.addRow(label, self.boxes[name])

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

    def _today(self) -> date:
        return to_local(now_utc()).date()

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
            identity = self.ctx.identity()
            self.station_combo.set_code(identity.code if identity and identity.is_station else "")
            today = self._today()
            self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
            self.date_edit.setDate(QDate(today.year, today.month, today.day))
        finally:
            self._loading = False
        for box in self.boxes.values():
            box.show_error(None)
        self._touched.clear()
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
        qdate = self.date_edit.date()
        try:
            at_time = parse_time_text(self.time_edit.text()) or time(0, 0)
        except ValueError as exc:
            problems["incident_time"] = str(exc)
            at_time = time(0, 0)
        # Without a time, the incident is recorded at the start of its day (Pakistan time).
        incident_at = datetime.combine(
            date(qdate.year(), qdate.month(), qdate.day()), at_time, tzinfo=PKT
        )
        try:
            fir_date = parse_date_text(self.fir_date_edit.text())
        except ValueError as exc:
            problems["fir_date"] = str(exc)
            fir_date = None
        if self.station_combo.has_text() and not self.station_combo.code():
            problems["police_station"] = self.tr("Choose a police station from the list.")
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
            owner=PersonDraft(
                name=self.owner_name_edit.text(),
                relative_name=self.owner_relative_edit.text(),
                cnic=self.owner_cnic_edit.text(),
                mobile=self.owner_mobile_edit.text(),
                address=self.owner_address_edit.text(),
            ),
            incident_at=incident_at,
            incident_place=self.place_edit.text(),
            police_station=self.station_combo.code(),
            fir_number=self.fir_edit.text(),
            fir_date=fir_date,
        )
        return draft, problems

    def problems(self) -> dict[str, str]:
        """Every field's problem, by field name: the form's own, then the domain's."""
        draft, problems = self.draft()
        try:
            validate_vehicle_report(draft, now_utc())
        except DraftErrors as exc:
            for name, message in exc.by_field().items():
                problems.setdefault(name, message)
        return problems

    def error_of(self, field: str) -> str:
        """The message shown in the box holding ``field`` ("" when none)."""
        return self.boxes[_SHOWN_IN.get(field, field)].error()

    def show_problems(self, problems: dict[str, str], only: set[str] | None = None) -> None:
        """Show each box's problem (the first, for a box holding two fields); only ``only``."""
        for box_name, box in self.boxes.items():
            owned = _owned(box_name)
            if only is not None and not only.intersection(owned):
                continue
            box.show_error(next((problems[k] for k in owned if k in problems), None))
        self.problems_shown.emit()

    @staticmethod
    def first_problem(problems: dict[str, str]) -> str | None:
        order = [name for box in FIELDS for name in _owned(box)]
        return next((name for name in order if name in problems), None)

    def focus_field(self, name: str) -> None:
        self.focus_targets[name].setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ reacting

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = self._field_of.get(watched)
        if name is not None:
            if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut:
                # A completion list or another window taking focus is not leaving the box.
                if event.reason() not in (
                    Qt.FocusReason.PopupFocusReason,
                    Qt.FocusReason.ActiveWindowFocusReason,
                ):
                    self._on_left(name)
            elif (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                # Enter goes to the next box, as on paper forms typed in offices; Ctrl+Enter saves.
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    def _on_left(self, name: str) -> None:
        box = _SHOWN_IN.get(name, name)
        if name not in self._touched and not self.boxes[box].error():
            return
        self.show_problems(self.problems(), {box})

    def _on_edited(self) -> None:
        if self._loading:
            return
        sender = self.sender()
        name = self._field_of.get(sender) if sender is not None else None
        if name is None:
            return
        self._touched.add(name)
        box = _SHOWN_IN.get(name, name)
        if self.boxes[box].error():
            # Clear a message as soon as it is fixed; new ones wait until the box is left.
            problems = self.problems()
            if not any(k in problems for k in _owned(box)):
                self.boxes[box].show_error(None)
        if name in ("registration", "chassis", "engine") and self.boxes["registration"].error():
            # "At least one identifier" is shown under Registration, whichever one is typed.
            self.show_problems(self.problems(), {"registration"})
