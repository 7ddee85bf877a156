"""Managing this desk's accounts (supervisors at a station, administrators at headquarters):
the list, adding, disabling and enabling, resetting a password, changing a role, and the idle
lock's time. Shown in a dialog from the Account menu."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.roles import Role, role_label
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.field_parts import error_label, password_edit
from cplc_desk.gui.widgets.form_dialog import FormDialog
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.tables import read_only_rows
from cplc_desk.services.accounts import accounts
from cplc_desk.services.accounts.accounts import AccountInfo
from cplc_desk.services.desk.context import DeskContext, ServiceError


def _role_combo(ctx: DeskContext) -> QComboBox:
    """The roles this desk's accounts may be given."""
    combo = QComboBox()
    for role in accounts.manageable_roles(ctx):
        combo.addItem(role_label(role), role.value)
    return combo


class AccountsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[AccountInfo] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        read_only_rows(self.table)

        # Adding an account
        self.username_edit = QLineEdit()
        self.display_name_edit = QLineEdit()
        self.role_combo = _role_combo(ctx)
        self.password_edit = password_edit()
        self.add_button = QPushButton(self.tr("Add account"))
        add_form = QFormLayout()
        add_form.addRow(self.tr("Account name:"), self.username_edit)
        add_form.addRow(self.tr("Full name:"), self.display_name_edit)
        add_form.addRow(self.tr("Role:"), self.role_combo)
        add_form.addRow(self.tr("Password:"), self.password_edit)
        add_form.addRow(self.add_button)

        # Changing the selected account
        self.disable_button = QPushButton(self.tr("Disable"))
        self.enable_button = QPushButton(self.tr("Enable"))
        self.new_password_edit = password_edit(self.tr("New password"))
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.change_role_combo = _role_combo(ctx)
        self.change_role_button = QPushButton(self.tr("Change role"))
        selected_row = stack(
            QHBoxLayout(),
            self.disable_button,
            self.enable_button,
            self.new_password_edit,
            self.reset_button,
            self.change_role_combo,
            self.change_role_button,
        )

        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(accounts.MIN_IDLE_MINUTES, accounts.MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(accounts.idle_lock_minutes(ctx))
        self.idle_button = QPushButton(self.tr("Save"))
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Lock the window after this long without use:")))
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)

        self.error_label = error_label()
        self.done_label = QLabel()
        stack(
            QVBoxLayout(self),
            (self.table, 1),
            selected_row,
            add_form,
            idle_row,
            self.error_label,
            self.done_label,
        )

        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(lambda: self._set_disabled(True))
        self.enable_button.clicked.connect(lambda: self._set_disabled(False))
        self.reset_button.clicked.connect(self.reset_password)
        self.change_role_button.clicked.connect(self.change_role)
        self.idle_button.clicked.connect(self.save_idle)
        self.refresh()

    def refresh(self) -> None:
        self.rows = accounts.list_accounts(self.ctx)
        self.table.setRowCount(len(self.rows))
        for i, a in enumerate(self.rows):
            if a.disabled:
                state = self.tr("disabled")
            elif a.locked and a.locked_until is not None:
                state = self.tr("locked until {time}").format(time=format_datetime(a.locked_until))
            else:
                state = self.tr("active")
            for col, text in enumerate((a.username, a.display_name, role_label(a.role), state)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def selected(self) -> AccountInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, username: str) -> None:
        for i, a in enumerate(self.rows):
            if a.username == username:
                self.table.selectRow(i)

    def _run(self, action, done: str) -> bool:  # type: ignore[no-untyped-def]
        self.error_label.hide()
        self.done_label.clear()
        try:
            action()
        except DeskError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        selected = self.selected()
        self.refresh()
        if selected is not None:
            self.select(selected.username)
        self.done_label.setText(done)
        return True

    def add_account(self) -> None:
        name = self.username_edit.text()
        if self._run(
            lambda: accounts.create_account(
                self.ctx,
                name,
                self.display_name_edit.text(),
                Role(self.role_combo.currentData()),
                self.password_edit.text(),
            ),
            self.tr("Account {name} added.").format(name=name.strip().lower()),
        ):
            for edit in (self.username_edit, self.display_name_edit, self.password_edit):
                edit.clear()

    def _set_disabled(self, disabled: bool) -> None:
        a = self.selected()
        if a is not None:
            self._run(
                lambda: accounts.set_disabled(self.ctx, a.username, disabled),
                self.tr("Account {name} changed.").format(name=a.username),
            )

    def reset_password(self) -> None:
        a = self.selected()
        if a is not None and self._run(
            lambda: accounts.reset_password(self.ctx, a.username, self.new_password_edit.text()),
            self.tr("New password set for {name}.").format(name=a.username),
        ):
            self.new_password_edit.clear()

    def change_role(self) -> None:
        a = self.selected()
        if a is not None:
            self._run(
                lambda: accounts.change_role(
                    self.ctx, a.username, Role(self.change_role_combo.currentData())
                ),
                self.tr("Account {name} changed.").format(name=a.username),
            )

    def save_idle(self) -> None:
        self._run(
            lambda: accounts.set_idle_lock_minutes(self.ctx, self.idle_spin.value()),
            self.tr("Saved. The window locks after {n} min without use.").format(
                n=self.idle_spin.value()
            ),
        )


class AccountsDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts — CPLC Desk"))
        self.page = AccountsPage(ctx)
        stack(QVBoxLayout(self), self.page, dialogs.close_buttons(self))
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 30)


class ChangePasswordDialog(FormDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Change my password — CPLC Desk"))
        self.old_edit = password_edit()
        self.new_edit = password_edit()
        self.again_edit = password_edit()
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.old_edit)
        form.addRow(self.tr("New password:"), self.new_edit)
        form.addRow(self.tr("New password again:"), self.again_edit)
        self._lay_out(form)

    def _submit(self) -> None:
        if self.new_edit.text() != self.again_edit.text():
            raise ServiceError(self.tr("The two new passwords differ."))
        accounts.change_own_password(self.ctx, self.old_edit.text(), self.new_edit.text())
