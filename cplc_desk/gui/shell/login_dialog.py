"""Signing in: the dialog at start, the fields of a desk's first administrator (used by the
first-run dialog too), and the dialog that creates that administrator on a desk set up before
accounts existed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.language import LanguageCombo
from cplc_desk.gui.widgets.field_parts import password_edit
from cplc_desk.gui.widgets.form_dialog import FormDialog
from cplc_desk.gui.widgets.typography import emphasise, paragraph
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.desk.context import DeskContext, ServiceError


class AdminFieldsWidget(QWidget):
    """Name, full name and password (twice) of a desk's first administrator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("for example, sana.javed"))
        self.display_name_edit = QLineEdit()
        self.password_edit = password_edit()
        self.confirm_edit = password_edit()
        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Account name:"), self.username_edit)
        form.addRow(self.tr("Full name:"), self.display_name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.confirm_edit)

    def set_existing(self, existing: bool) -> None:
        """Ask for an account that exists already (joining headquarters): its name and password
        only, no full name and no second password."""
        for field in (self.display_name_edit, self.confirm_edit):
            self._form.setRowVisible(field, not existing)

    def is_filled(self) -> bool:
        return bool(self.username_edit.text().strip() and self.password_edit.text())

    def new_account(self) -> NewAccount:
        """The account to create; ServiceError if the two passwords differ or are too short."""
        if self.password_edit.text() != self.confirm_edit.text():
            raise ServiceError(self.tr("The two passwords differ. Type the same password twice."))
        accounts.clean_username(self.username_edit.text())
        accounts.check_password(self.password_edit.text())
        return NewAccount(
            self.username_edit.text(), self.password_edit.text(), self.display_name_edit.text()
        )


class FirstAdminDialog(FormDialog):
    """A desk set up before accounts existed: create its administrator, who is then signed in."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Create the administrator — CPLC Desk"))
        self.fields = AdminFieldsWidget()
        self._lay_out(
            paragraph(
                self.tr(
                    "This desk has no accounts yet. Create the account that manages the others "
                    "(a station's supervisor, headquarters' administrator)."
                )
            ),
            self.fields,
        )

    def _submit(self) -> None:
        accounts.create_first_admin(self.ctx, self.fields.new_account())


class LoginDialog(FormDialog):
    """Account name and password; on OK signs the account in (``ctx.actor``).

    The language chosen here switches the dialog at once; picked here, it becomes the language
    of the account that signs in (gui/shell/app.py, ``ensure_signed_in``). Not picked, the account's
    own language (if it has one) takes over after sign-in.
    """

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.picked_language: str | None = None  # set when the person picks one here
        self.heading = emphasise(QLabel(), 1.3)
        self.language_combo = LanguageCombo(language.active_language())
        self.language_combo.language_chosen.connect(self.choose_language)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)
        self.username_edit = QLineEdit()
        self.password_edit = password_edit()
        self.username_label = QLabel()
        self.password_label = QLabel()
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.username_label, self.username_edit)
        form.addRow(self.password_label, self.password_edit)
        self._lay_out(self.heading, form, ok_text=self.tr("Sign in"))
        self.retranslate()
        self.username_edit.setFocus()

    def retranslate(self) -> None:
        identity = self.ctx.identity()
        self.setWindowTitle(self.tr("Sign in — CPLC Desk"))
        self.heading.setText(identity.name if identity else self.tr("CPLC Desk"))
        self.language_label.setText(self.tr("Language:"))
        self.username_label.setText(self.tr("Account name:"))
        self.password_label.setText(self.tr("Password:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Sign in"))
        self.error_label.hide()

    def choose_language(self, code: str) -> None:
        self.picked_language = code
        language.apply_language(code)
        language.remember(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # After the button box has put back its standard words (it handles the same event).
            QTimer.singleShot(0, self.retranslate)
        super().changeEvent(event)

    def _submit(self) -> None:
        accounts.sign_in(self.ctx, self.username_edit.text(), self.password_edit.text())

    def _refused(self, exc: DeskError) -> None:
        # Wrong password, or locked with the time left: the service's words.
        self.password_edit.clear()
        super()._refused(exc)
