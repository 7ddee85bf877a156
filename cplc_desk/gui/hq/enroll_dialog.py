"""Headquarters picks the police station to enroll; the Stations page then asks where to write the
enrollment file and calls the service."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.station_picker import StationPickerWidget
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk.reference import StationInfo


class EnrollStationDialog(QDialog):
    def __init__(
        self,
        stations: Sequence[StationInfo],
        enrolled: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enroll a station — CPLC Desk"))
        intro = QLabel(
            self.tr(
                "Choose the police station whose desk is to send bundles here. Next you choose "
                "where to save its enrollment file, which the station's desk is set up from."
            )
        )
        intro.setWordWrap(True)
        self.picker = StationPickerWidget(stations)
        self.note_label = make_quiet(QLabel())
        self.note_label.setWordWrap(True)
        self._enrolled = set(enrolled)

        self.buttons = dialogs.ok_cancel_buttons(self, self.tr("Continue…"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)

        self.picker.station_changed.connect(self._on_station)
        self.picker.station_activated.connect(self.accept)
        self.picker.setFocus()
        # Sized in text units, so a larger font or a longer translation still fits.
        dialogs.size_in_text(self, 80, 28)
        self._on_station()

    def selected_station(self) -> StationInfo | None:
        return self.picker.selected_station()

    def _on_station(self) -> None:
        station = self.selected_station()
        self.ok_button.setEnabled(station is not None)
        if station is not None and station.code in self._enrolled:
            self.note_label.setText(
                self.tr(
                    "{name} is already enrolled. A new file lets its desk enroll again, for "
                    "example on a new computer."
                ).format(name=station.name)
            )
        else:
            self.note_label.clear()

    def accept(self) -> None:
        if self.selected_station() is not None:
            super().accept()


def pick_station(
    parent: QWidget | None, stations: Sequence[StationInfo], enrolled: Sequence[str] = ()
) -> StationInfo | None:
    """The station the person chose, or None if they cancelled."""
    dialog = EnrollStationDialog(stations, enrolled, parent)
    accepted = dialogs.run_once(dialog) == QDialog.DialogCode.Accepted
    return dialog.selected_station() if accepted else None
