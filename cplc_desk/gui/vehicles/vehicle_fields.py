"""The vehicle report form's fields: what happened, the vehicle and its identifiers, when and
where, and the owner, in two columns filled top to bottom with the keyboard (Enter moves on).

Each box says what is wrong with it as the volunteer leaves it, in the domain's words; a box
holding two fields (make and model, colour and model year, date and time, FIR number and date)
shows the first of their problems. The dialog around it (``VehicleFormDialog``) saves.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from cplc_desk.domain.enums import VehicleReportKind
from cplc_desk.domain.matching import Looks
from cplc_desk.domain.records import VehicleReportDraft, validate_vehicle_report
from cplc_desk.gui.shell.language import left_to_right
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.field_parts import FieldBox
from cplc_desk.gui.widgets.report_fields import (
    FOUND,
    INCIDENT_AND_OWNER,
    INCIDENT_SHOWN_IN,
    ReportFields,
)
from cplc_desk.gui.widgets.report_kinds import VEHICLE_REPORTS
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk import reference

# The boxes in form order; the first with a problem gets the cursor on Save.
FIELDS = (
    "kind",
    "vehicle_class",
    "registration",
    "chassis",
    "engine",
    "make",
    "colour",
    *INCIDENT_AND_OWNER,
)
# Fields sharing a row with another, shown in that row's box.
_SHOWN_IN = {
    "model": "make",
    "model_year": "colour",
    **INCIDENT_SHOWN_IN,
}


_DESCRIBE_THE_VEHICLE = frozenset(
    {"kind", "registration", "chassis", "engine", "make", "model", "colour"}
)


class VehicleFields(ReportFields):
    # What happened, an identifier, the make, model or colour changed (a recovery being typed
    # in is looked for among the open thefts as it is typed).
    vehicle_edited = Signal()

    FIELDS = FIELDS
    validate_draft = staticmethod(validate_vehicle_report)
    SHOWN_IN = _SHOWN_IN
    REPORTS = VEHICLE_REPORTS
    SAID_AS: ClassVar[dict[str, str]] = {VehicleReportKind.FOUND_ABANDONED.value: FOUND}

    def _build_fields(self) -> None:
        self._build_kind_combo()
        self.class_combo = QComboBox()
        for choice in reference.vehicle_classes(self.ctx):
            self.class_combo.addItem(names.vehicle_class(choice.code), choice.code)
        self.class_combo.setPlaceholderText(self.tr("Choose the kind of vehicle"))
        self.registration_edit = QLineEdit()
        self.registration_edit.setPlaceholderText(self.tr("e.g. KNP-5586, or AFR"))
        self.chassis_edit = QLineEdit()
        self.chassis_edit.setPlaceholderText(self.tr("As stamped on the frame"))
        self.engine_edit = QLineEdit()
        self.engine_edit.setPlaceholderText(self.tr("As stamped on the engine"))
        for edit in (self.registration_edit, self.chassis_edit, self.engine_edit):
            left_to_right(edit)
        self._build_shared_boxes(self.tr("e.g. Honda"), self.tr("e.g. CD 70"))
        self.year_edit = QLineEdit()
        self.year_edit.setPlaceholderText(self.tr("e.g. 2019"))
        left_to_right(self.year_edit)

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
            **self._incident_and_owner_boxes(self.time_label, self.fir_date_label),
        }
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
            **self._incident_and_owner_targets(),
        }
        self._proxy_focus(("make", "colour", "incident_at", "fir_number"))

    def _thing_section(self) -> tuple[str, list[tuple[str, str]]]:
        return self.tr("The vehicle"), [
            (self.tr("&Kind of vehicle: *"), "vehicle_class"),
            (self.tr("&Registration:"), "registration"),
            (self.tr("&Chassis number:"), "chassis"),
            (self.tr("&Engine number:"), "engine"),
        ]

    def _thing_note(self) -> QWidget:
        identifiers_hint = make_quiet(
            QLabel(self.tr("At least one of the three. Write them as they are on the vehicle."))
        )
        identifiers_hint.setWordWrap(True)
        return identifiers_hint

    def _thing_chain(self) -> list[QWidget]:
        return [
            self.kind_combo, self.class_combo, self.registration_edit, self.chassis_edit,
            self.engine_edit, self.make_edit, self.model_edit, self.colour_edit, self.year_edit,
        ]  # fmt: skip

    def _connect(self) -> None:
        super()._connect()
        self.class_combo.currentIndexChanged.connect(self._on_edited)

    # ------------------------------------------------------------------ values

    def _reset_own(self) -> None:
        self.class_combo.setCurrentIndex(-1)

    def _first_box(self, kind: str) -> QWidget:
        return self.class_combo if kind else self.kind_combo

    def _has_own_content(self) -> bool:
        return self.class_combo.currentIndex() >= 0

    def draft(self) -> tuple[VehicleReportDraft, dict[str, str]]:
        """The domain's draft, and the problems with text the form itself could not read."""
        problems: dict[str, str] = {}
        draft = VehicleReportDraft(
            kind=self.kind(),
            vehicle_class=str(self.class_combo.currentData() or ""),
            registration=self.registration_edit.text(),
            chassis=self.chassis_edit.text(),
            engine=self.engine_edit.text(),
            model_year=self.year_edit.text(),
            **self._report_values(problems),
        )
        return draft, problems

    # ------------------------------------------------------------------ drafts

    def _own_choices(self) -> dict[str, Any]:
        return {"vehicle_class": str(self.class_combo.currentData() or "")}

    def _load_own_choices(self, data: dict[str, Any]) -> None:
        if isinstance(code := data.get("vehicle_class"), str) and code:
            self.class_combo.setCurrentIndex(self.class_combo.findData(code))

    # ------------------------------------------------------------------ reacting

    def looks(self) -> Looks:
        return Looks(self.make_edit.text(), self.model_edit.text(), self.colour_edit.text())

    def _after_edit(self, name: str | None) -> None:
        if name in _DESCRIBE_THE_VEHICLE:
            self.vehicle_edited.emit()
        if name in ("registration", "chassis", "engine") and self.boxes["registration"].error():
            # "At least one identifier" is shown under Registration, whichever one is typed.
            self.show_problems(self.problems(), {"registration"})
