"""Opening a headquarters whose store is on a PostgreSQL server when this PC has no password for
it (no password file, no ``CPLC_DESK_DB_PASSWORD``): the window asks for it, for this start
only, and never writes it anywhere (docs/postgresql.md, *The password*). A server that cannot be
reached (rebooting, the network down) is offered again instead of closing the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.field_parts import error_label, password_edit
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.typography import paragraph
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server

translate = QCoreApplication.translate


class ServerPasswordDialog(QDialog):
    """The server's password, for this start of the window."""

    def __init__(self, where: str, refusal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password of the headquarters server"))
        self.refusal_label = error_label()
        self.refusal_label.setText(refusal)
        self.refusal_label.show()
        self.password_edit = password_edit()
        form = QFormLayout()
        form.addRow(self.tr("Server password:"), self.password_edit)
        self.buttons = dialogs.ok_cancel_buttons(self, self.tr("Open"))
        stack(
            QVBoxLayout(self),
            paragraph(
                self.tr(
                    "Headquarters' records are on the server {server}, which wants a password. "
                    "Type the server's password to open the desk now. It is not saved: to stop "
                    "being asked, the server's administrator puts it in this PC's PostgreSQL "
                    "password file."
                ).format(server=where)
            ),
            self.refusal_label,
            form,
            self.buttons,
        )
        dialogs.size_in_text(self, 60, 10)

    def password(self) -> str:
        return self.password_edit.text()


def next_attempt(paths: DeskPaths, exc: DeskError, tried: str | None = None) -> str | None:
    """After the server refused or could not be reached: the URL to try again with (the
    password typed, or the same one once the person asked to try again), or None to give up.
    Any other refusal is shown and given up on."""
    configured = server.read_config(paths)
    title = translate("App", "CPLC Desk cannot open its data")
    if configured is not None and exc.code == "server_password":
        dialog = ServerPasswordDialog(server.describe(configured), str(exc))
        accepted = dialogs.run_once(dialog) == QDialog.DialogCode.Accepted
        typed = dialog.password()
        if not (accepted and typed):
            return None
        return configured.set(password=typed).render_as_string(hide_password=False)
    if configured is not None and exc.code == "server_unreachable":
        question = translate("App", "{reason}\n\nTry again now?").format(reason=exc)
        if dialogs.confirm(None, title, question):
            return tried or server.with_password(configured).render_as_string(hide_password=False)
        return None
    dialogs.show_error(None, title, str(exc))
    return None
