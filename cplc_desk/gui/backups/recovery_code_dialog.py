"""Tools ▸ Backup recovery code…: the code that opens this desk's sealed backup copies, shown
to a supervisor (or headquarters' administrator) to copy onto paper.

Reading it is audited by the service. The code is shown large, in a fixed-width font, in groups
of four, selectable but never written to a file by the window.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.typography import emphasise, paragraph


class RecoveryCodeDialog(QDialog):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backup recovery code — CPLC Desk"))
        self.code_edit = QLineEdit(code)
        self.code_edit.setObjectName("recoveryCode")
        self.code_edit.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.code_edit.setFont(font)
        self.code_edit.setMinimumWidth(self.code_edit.fontMetrics().horizontalAdvance(code) + 24)
        stack(
            QVBoxLayout(self),
            emphasise(QLabel(self.tr("Write this code on paper")), 1.2),
            paragraph(
                self.tr(
                    "The backup copies on the USB stick are sealed: on another computer (when this "
                    "one is lost, stolen or broken) they open only with this code. Copy it by hand, "
                    "check every group, and keep the paper with the station's records or at "
                    "headquarters, never with the stick: the stick and the code together are the "
                    "whole desk."
                )
            ),
            6,
            self.code_edit,
            paragraph(self.tr("Showing the code is recorded in the audit trail.")),
            dialogs.close_buttons(self),
        )
