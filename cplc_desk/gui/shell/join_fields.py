"""The first-run dialog's *Join* of a headquarters already set up on a PostgreSQL server: whether
to join, and optionally headquarters' keys sealed by ``export-hq-keys`` at a workstation that has
them, with their passphrase (services/desk/join.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.field_parts import password_edit


class JoinFieldsWidget(QWidget):
    """*Join* and, when ticked, the keys file and its passphrase. ``changed`` on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.join_check = QCheckBox(
            self.tr("Join a headquarters already set up on this server (another workstation)")
        )
        self.join_check.setObjectName("joinHeadquarters")
        self.keys_edit = QLineEdit()
        self.keys_edit.setPlaceholderText(self.tr("optional: a .cplckeys file"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.passphrase_edit = password_edit()
        keys_row = QHBoxLayout()
        keys_row.setContentsMargins(0, 0, 0, 0)
        keys_row.addWidget(self.keys_edit, 1)
        keys_row.addWidget(self.browse_button)
        self.hint = QLabel(
            self.tr(
                "Sign in below with your existing account at headquarters. Without "
                "headquarters' keys (sealed at a workstation that has them with cplc-desk "
                "export-hq-keys) this computer works on the records but cannot enroll stations "
                "or open bundles."
            )
        )
        self.hint.setWordWrap(True)
        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.join_check)
        form.addRow(self.tr("Headquarters' keys:"), keys_row)
        form.addRow(self.tr("Keys passphrase:"), self.passphrase_edit)
        form.addRow(self.hint)
        self.join_check.toggled.connect(self._show_keys)
        self.join_check.toggled.connect(self.changed)
        self.keys_edit.textChanged.connect(self.changed)
        self.browse_button.clicked.connect(self._browse)
        self._show_keys(False)

    def is_joining(self) -> bool:
        return self.join_check.isEnabled() and self.join_check.isChecked()

    def keys_file(self) -> Path | None:
        text = self.keys_edit.text().strip()
        return Path(text).expanduser() if text else None

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def _show_keys(self, shown: bool) -> None:
        for row in (1, 2, 3):  # the keys, their passphrase, the hint: below the check box
            self._form.setRowVisible(row, shown)

    def _browse(self) -> None:
        chosen = dialogs.choose_file(
            self, self.tr("Headquarters' keys"), self.tr("Sealed keys (*.cplckeys);;All files (*)")
        )
        if chosen is not None:
            self.keys_edit.setText(str(chosen))
