"""Under an IMEI whose check digit fails: the numbers one digit away that this desk holds, each
a button that puts it in the box (``PhoneFields`` shows one under each IMEI box)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cplc_desk.domain import imei as imeis
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.phones.phones import PhoneSummary

SHOWN_NEAR = 3


class NearNumbers(QWidget):
    """Under an IMEI whose check digit fails: the numbers one digit away that this desk holds,
    each a button that puts it in the box."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = make_quiet(QLabel())
        self.label.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.label)
        self.hide()

    def show_reports(self, typed: str, reports: Sequence[PhoneSummary]) -> None:
        self.clear()
        if not reports:
            return
        self.label.setText(
            self.tr("This desk holds a handset one digit from {imei}. Did you mean:").format(
                imei=typed
            )
        )
        for report in reports[:SHOWN_NEAR]:
            number = _closest(typed, report)
            button = QPushButton(
                self.tr("{imei} ({number}, {kind}, {handset})").format(
                    imei=number,
                    number=report.number,
                    kind=names.phone_report_kind(report.kind).lower(),
                    handset=" ".join(p for p in (report.make, report.model) if p) or "—",
                )
            )
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, n=number: self.chosen.emit(n))
            self.buttons.append(button)
            self._layout.addWidget(button)
        self.show()

    def clear(self) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.hide()


def _closest(typed: str, report: PhoneSummary) -> str:
    """The report's IMEI that is one digit from ``typed`` (its first, if neither is)."""
    found = imeis.compare((typed, None), (report.imei, report.imei2))
    if found and found[0].other_field == "imei2" and report.imei2:
        return report.imei2
    return report.imei
