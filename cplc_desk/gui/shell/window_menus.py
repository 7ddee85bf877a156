"""The main window's menus (File, Account, Go, Tools, Help) and its status bar, built for it.
Their texts keep the window's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel

from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.areas import areas
from cplc_desk.gui.shell.replica_status import ReplicaStatus
from cplc_desk.gui.widgets import names
from cplc_desk.services.desk import server

if TYPE_CHECKING:
    from cplc_desk.gui.shell.main_window import MainWindow

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate


def _file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    window.refresh_action = QAction(translate("MainWindow", "&Refresh"), window)
    window.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
    window.refresh_action.triggered.connect(lambda _=False: window.refresh())
    file_menu.addAction(window.refresh_action)
    window.import_action = QAction(
        translate("MainWindow", "&Import a register (Excel or CSV)…"), window
    )
    window.import_action.triggered.connect(window.import_register)
    file_menu.addAction(window.import_action)
    file_menu.addSeparator()
    window.quit_action = QAction(translate("MainWindow", "&Quit"), window)
    window.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.quit_action.triggered.connect(window.close)
    file_menu.addAction(window.quit_action)


def build_menus(window: MainWindow) -> None:
    _file_menu(window)
    account_menu = window.menuBar().addMenu(translate("MainWindow", "&Account"))
    window.lock_action = QAction(translate("MainWindow", "&Lock"), window)
    window.lock_action.setShortcut(QKeySequence("Ctrl+L"))
    window.lock_action.triggered.connect(window.lock)
    window.sign_out_action = QAction(translate("MainWindow", "&Sign out"), window)
    window.sign_out_action.triggered.connect(window.sign_out)
    window.password_action = QAction(translate("MainWindow", "Change my &password…"), window)
    window.password_action.triggered.connect(window.change_password)
    window.accounts_action = QAction(translate("MainWindow", "&Manage accounts…"), window)
    window.accounts_action.triggered.connect(window.manage_accounts)
    for action in (
        window.lock_action,
        window.sign_out_action,
        window.password_action,
        window.accounts_action,
    ):
        account_menu.addAction(action)
    account_menu.addSeparator()
    # Each language named in its own script (gui/shell/language.py), checked when it is showing.
    window.language_menu = account_menu.addMenu(translate("MainWindow", "&Language"))
    language_group = QActionGroup(window)
    window.language_actions = {}
    for code, native in language.NATIVE_NAMES.items():
        action = QAction(native, window)
        action.setCheckable(True)
        action.setChecked(code == language.active_language())
        action.triggered.connect(lambda _checked=False, c=code: window.switch_language(c))
        language_group.addAction(action)
        window.language_menu.addAction(action)
        window.language_actions[code] = action

    # The page shortcuts live in a menu so people can discover them.
    go_menu = window.menuBar().addMenu(translate("MainWindow", "&Go"))
    page_group = QActionGroup(window)
    window.page_actions = []
    for number, area in enumerate(areas(window.headquarters), start=1):
        action = QAction(window.style().standardIcon(area.icon), area.title, window)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _=False, row=number - 1: window.nav.setCurrentRow(row))
        page_group.addAction(action)
        go_menu.addAction(action)
        window.page_actions.append(action)

    tools_menu = window.menuBar().addMenu(translate("MainWindow", "&Tools"))
    window.audit_action = QAction(translate("MainWindow", "&Audit trail…"), window)
    window.audit_action.triggered.connect(window.show_audit_trail)
    tools_menu.addAction(window.audit_action)
    window.backup_action = QAction(translate("MainWindow", "&Back up now"), window)
    window.backup_action.triggered.connect(window.back_up_now)
    tools_menu.addAction(window.backup_action)
    window.backup_folder_action = QAction(
        translate("MainWindow", "Backup &copies to a USB stick…"), window
    )
    window.backup_folder_action.triggered.connect(window.choose_backup_folder)
    tools_menu.addAction(window.backup_folder_action)
    window.recovery_code_action = QAction(translate("MainWindow", "Backup &recovery code…"), window)
    window.recovery_code_action.triggered.connect(window.show_recovery_code)
    tools_menu.addAction(window.recovery_code_action)

    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    window.about_action = QAction(translate("MainWindow", "&About CPLC Desk"), window)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.about_action.triggered.connect(window.show_about)
    help_menu.addAction(window.about_action)


def build_status_bar(window: MainWindow) -> None:
    bar = window.statusBar()
    identity = window.ctx.identity()
    window.desk_status = QLabel(
        translate("MainWindow", "{kind} · {code}").format(
            kind=names.desk_kind(identity.kind), code=identity.code
        )
        if identity
        else translate("MainWindow", "Desk not set up")
    )
    data_dir = str(window.ctx.paths.data_dir)
    if window.ctx.store.is_sqlite:
        where = translate("MainWindow", "Data folder: {path}").format(path=data_dir)
    else:
        where = translate("MainWindow", "Server: {server}").format(
            server=server.describe(window.ctx.store.url)
        )
    window.data_status = QLabel(where)
    window.data_status.setToolTip(data_dir)
    # A long path may be cut short by a narrow window; the tooltip keeps all of it.
    window.data_status.setMinimumWidth(1)
    window.records_status = QLabel()
    window.user_status = QLabel()
    for label in (
        window.desk_status,
        window.user_status,
        window.data_status,
        window.records_status,
    ):
        label.setContentsMargins(6, 0, 6, 0)
    bar.addWidget(window.desk_status)
    bar.addWidget(window.user_status)
    bar.addWidget(window.data_status, 1)
    if window.ctx.store.replica is not None:
        window.replica_status = ReplicaStatus(window.ctx.store.replica)
        window.replica_status.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(window.replica_status)
    bar.addPermanentWidget(window.records_status)
