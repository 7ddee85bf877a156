"""The first-run dialog: is this desk at a police station (which one?) or headquarters, or does
this PC replace a desk's lost or broken PC (gui/station/replace_desk.py: from headquarters' snapshot or
from a backup)?

It also asks for the desk's first account, its administrator (a station's supervisor,
headquarters' administrator), who is signed in once the desk is set up. Headquarters with a
server may instead *join* a headquarters already set up there (gui/shell/join_fields.py): then it
asks for an existing account of headquarters, signed in once joined. A desk brought back from
a backup has its accounts already: the person signs in with theirs afterwards (gui/shell/app.py).

On OK it calls the setup service. A refusal keeps the dialog open with the service's message shown
in red under the form, so the person can correct their choice without starting over.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.shell.join_fields import JoinFieldsWidget
from cplc_desk.gui.shell.login_dialog import AdminFieldsWidget
from cplc_desk.gui.station.replace_desk import ReplaceDeskWidget
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.field_parts import error_label, password_edit
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.gui.widgets.station_picker import StationPickerWidget
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import join, reference, setup
from cplc_desk.services.desk.context import DeskContext, DeskIdentity


def _form_page() -> tuple[QWidget, QFormLayout]:
    """A page of the choice's stack: a form, flush with the dialog's edges."""
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    return page, form


class DeskSetupDialog(QDialog):
    """Asks what this desk is and sets it up. ``identity`` holds the result once accepted."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.identity: DeskIdentity | None = None
        self.setWindowTitle(self.tr("Set up this desk — CPLC Desk"))

        heading = emphasise(QLabel(self.tr("Welcome to CPLC Desk")), 1.4)
        intro = QLabel(
            self.tr(
                "This computer's desk is set up once. Records made here carry the desk's code "
                "on every receipt, so choose carefully."
            )
        )
        intro.setWordWrap(True)
        question = emphasise(
            QLabel(
                self.tr(
                    "Is this desk at a police station or headquarters, or does it replace a lost "
                    "PC?"
                )
            )
        )
        question.setWordWrap(True)

        self.station_radio = QRadioButton(self.tr("At a police station"))
        self.hq_radio = QRadioButton(self.tr("Headquarters (merges the records of all stations)"))
        self.replace_radio = QRadioButton(self.tr("This PC replaces a desk's lost or broken PC"))
        self.replace_radio.setObjectName("replaceDesk")
        self._kind_group = QButtonGroup(self)
        for radio in (self.station_radio, self.hq_radio, self.replace_radio):
            self._kind_group.addButton(radio)

        self._build_kind_pages()

        self.admin_heading = emphasise(QLabel(self.tr("Your account, which manages the others:")))
        self.admin_fields = AdminFieldsWidget()

        self.error_label = error_label()
        self.error_label.setObjectName("setupError")

        self.buttons = dialogs.ok_cancel_buttons(self, self.tr("Set up desk"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        stack(
            QVBoxLayout(self),
            heading,
            intro,
            6,
            question,
            self.station_radio,
            self.hq_radio,
            self.replace_radio,
            6,
            (self._pages, 1),
            self.admin_heading,
            self.admin_fields,
            self.error_label,
            self.buttons,
        )

        self._connect_signals()

        # Most desks are at police stations; headquarters is set up once.
        self.station_radio.setChecked(True)
        self.picker.setFocus()
        # Sized in text units, not pixels, so a larger font or a longer translation still fits,
        # the station list shows a useful number of rows and a recovery code fits on its line.
        dialogs.size_in_text(self, 100, 34)
        self._update_ok()

    def _build_kind_pages(self) -> None:
        self.picker = StationPickerWidget(reference.stations(self.ctx))
        self.desk_name_edit = QLineEdit()
        self.desk_name_edit.setPlaceholderText(self.tr("The station's name"))
        station_page, station_form = _form_page()
        station_form.addRow(self.tr("Police station:"), self.picker)
        station_form.addRow(self.tr("Desk name (optional):"), self.desk_name_edit)

        self.hq_name_edit = QLineEdit()
        self.hq_name_edit.setPlaceholderText(self.tr("for example, CPLC Central Reporting Cell"))
        hq_page, hq_form = _form_page()
        hq_form.addRow(self.tr("Headquarters name:"), self.hq_name_edit)
        hq_hint = QLabel(
            self.tr(
                "Headquarters does not register complaints itself: it merges the bundles that "
                "station desks send and prepares city-wide reports."
            )
        )
        hq_hint.setWordWrap(True)
        hq_form.addRow(hq_hint)
        # Optional: headquarters' store on a PostgreSQL server (docs/postgresql.md).
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("postgresql+psycopg://USER@HOST/DATABASE")
        self.server_password_edit = password_edit()
        hq_form.addRow(self.tr("Server (optional):"), self.server_edit)
        hq_form.addRow(self.tr("Server password:"), self.server_password_edit)
        server_hint = QLabel(
            self.tr(
                "Leave the server empty to keep the records on this PC. The server's password "
                "is used now and never saved: for later starts put it in the PostgreSQL "
                "password file (pgpass)."
            )
        )
        server_hint.setWordWrap(True)
        hq_form.addRow(server_hint)
        self.join_fields = JoinFieldsWidget()
        self.join_fields.join_check.setEnabled(False)  # until a server is given
        hq_form.addRow(self.join_fields)

        self._pages = QStackedWidget()
        self._pages.addWidget(station_page)
        self._pages.addWidget(hq_page)
        self.replace = ReplaceDeskWidget(self.ctx)
        self._pages.addWidget(self.replace)

    def _connect_signals(self) -> None:
        for radio in (self.station_radio, self.hq_radio, self.replace_radio):
            radio.toggled.connect(self._on_kind)
        self.replace.changed.connect(self._on_replace_changed)
        self.replace.busy_changed.connect(self._set_busy)
        self.replace.refused.connect(self.show_error)
        self.replace.restored.connect(self._on_restored)
        self.picker.station_changed.connect(self._on_station)
        self.picker.station_activated.connect(self.accept)
        self.hq_name_edit.textChanged.connect(self._update_ok)
        self.server_edit.textChanged.connect(self._on_join_changed)
        self.join_fields.changed.connect(self._on_join_changed)
        self.admin_fields.username_edit.textChanged.connect(self._update_ok)
        self.admin_fields.password_edit.textChanged.connect(self._update_ok)

    # ------------------------------------------------------------------ state

    def is_station(self) -> bool:
        return self.station_radio.isChecked()

    def is_replacing(self) -> bool:
        return self.replace_radio.isChecked()

    def is_joining(self) -> bool:
        """Headquarters, joined on a server where it is set up already (services/desk/join.py)."""
        return self.hq_radio.isChecked() and self.join_fields.is_joining()

    def needs_admin(self) -> bool:
        return not self.is_replacing() or self.replace.needs_admin()

    def is_valid(self) -> bool:
        if self.needs_admin() and not self.admin_fields.is_filled():
            return False
        if self.is_replacing():
            return self.replace.is_valid()
        if self.is_station():
            return self.picker.selected_station() is not None
        if self.is_joining():
            return bool(self.server_edit.text().strip())
        return bool(self.hq_name_edit.text().strip())

    def _on_kind(self, checked: bool = True) -> None:
        if not checked:  # the other radio's toggle follows
            return
        if self.is_replacing():
            self._pages.setCurrentWidget(self.replace)
            self.replace.focus_first()
            self.ok_button.setText(self.tr("Restore desk"))
        else:
            self._pages.setCurrentIndex(0 if self.is_station() else 1)
            (self.picker if self.is_station() else self.hq_name_edit).setFocus()
            self._on_join_changed()  # the button's words and the account's fields
        self._on_replace_changed()

    def _on_replace_changed(self) -> None:
        self.admin_heading.setVisible(self.needs_admin())
        self.admin_fields.setVisible(self.needs_admin())
        self._clear_error()
        self._update_ok()

    def _on_join_changed(self) -> None:
        self.join_fields.join_check.setEnabled(bool(self.server_edit.text().strip()))
        joining = self.is_joining()
        self.hq_name_edit.setEnabled(not joining)
        self.admin_fields.set_existing(joining)
        self.admin_heading.setText(
            self.tr("Your account at headquarters:")
            if joining
            else self.tr("Your account, which manages the others:")
        )
        self.ok_button.setText(self.tr("Join headquarters") if joining else self.tr("Set up desk"))
        self._clear_error()
        self._update_ok()

    def _on_station(self) -> None:
        station = self.picker.selected_station()
        self.desk_name_edit.setPlaceholderText(
            station.name if station else self.tr("The station's name")
        )
        self._clear_error()
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.is_valid() and not self.replace.is_busy())

    def _set_busy(self, busy: bool) -> None:
        """While a restore runs nothing may change or close the dialog."""
        for widget in (self.station_radio, self.hq_radio, self.replace_radio, self.admin_fields):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        if busy:
            self._clear_error()
        self._update_ok()

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ------------------------------------------------------------------ accept

    def accept(self) -> None:
        if not self.is_valid() or self.replace.is_busy():
            return
        if self.is_joining():
            self._join()
            return
        try:
            admin = self.admin_fields.new_account() if self.needs_admin() else None
            if self.is_replacing():
                self.replace.start(admin)  # on a worker: restored or refused follows
                return
            if self.is_station():
                station = self.picker.selected_station()
                assert station is not None
                name = self.desk_name_edit.text().strip() or None
                self.identity = setup.init_station(self.ctx, station.code, name, admin=admin)
            elif self.server_edit.text().strip():
                self.identity = setup.init_hq_on_server(
                    self.ctx,
                    self.server_edit.text(),
                    self.hq_name_edit.text(),
                    password=self.server_password_edit.text(),
                    admin=admin,
                )
            else:
                self.identity = setup.init_hq(self.ctx, self.hq_name_edit.text(), admin=admin)
        except DeskError as exc:
            self.show_error(str(exc))
            return
        super().accept()

    def _join(self) -> None:
        """Join headquarters on the server with an existing account; that account is then
        signed in, as the administrator is after setting a desk up."""
        try:
            joined = join.join_on_server(
                self.ctx,
                self.server_edit.text(),
                username=self.admin_fields.username_edit.text(),
                password=self.admin_fields.password_edit.text(),
                server_password=self.server_password_edit.text(),
                keys_file=self.join_fields.keys_file(),
                passphrase=self.join_fields.passphrase(),
            )
        except DeskError as exc:
            self.show_error(str(exc))
            return
        self.identity = joined.identity
        if not joined.has_keys:
            dialogs.show_information(
                self,
                self.tr("Joined without keys — CPLC Desk"),
                self.tr(
                    "This computer now works on headquarters, {name}, but has no copy of its "
                    "keys: it cannot enroll stations or open bundles. To add them later, run "
                    "cplc-desk join-hq --keys FILE here."
                ).format(name=joined.identity.name),
            )
        super().accept()

    def reject(self) -> None:
        if self.replace.is_busy():  # the restore finishes first, then the person decides
            return
        super().reject()

    def _on_restored(self, summary: str) -> None:
        self.identity = self.ctx.identity()
        dialogs.show_information(self, self.tr("Desk restored — CPLC Desk"), summary)
        super().accept()
