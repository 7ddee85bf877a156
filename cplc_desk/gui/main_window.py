"""The desk's main window: navigation on the leading side, one page per area, menus and a status
bar saying which desk this is, who is signed in, where its data lives and how many records it
holds. It locks itself (a cover over the pages) after idle time, by hand or on signing out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from cplc_desk import __version__
from cplc_desk.domain.roles import Permission, role_label
from cplc_desk.gui import dialogs, language, names
from cplc_desk.gui.accounts_page import AccountsDialog, ChangePasswordDialog
from cplc_desk.gui.areas import COMPLAINTS, CONFLICTS, OVERVIEW, REPORTS, SYNC, VEHICLES, areas
from cplc_desk.gui.backup_window import BackupWindow
from cplc_desk.gui.complaints_page import ComplaintsPage
from cplc_desk.gui.conflicts_page import ConflictsPage
from cplc_desk.gui.count_widgets import format_count
from cplc_desk.gui.lock_screen import IdleWatcher, LockScreen
from cplc_desk.gui.overview_page import OverviewPage
from cplc_desk.gui.reports_page import ReportsPage
from cplc_desk.gui.stations_page import StationsPage
from cplc_desk.gui.sync_page import SyncPage
from cplc_desk.gui.vehicles_page import VehiclesPage
from cplc_desk.services import accounts
from cplc_desk.services.context import DeskContext, ServiceError
from cplc_desk.services.stats import StoreStats, store_stats
from cplc_desk.storage.migrate import StoreError

PageClass = Callable[[DeskContext], QWidget]

# Which widget shows which area. A later change replaces one entry, not the window.
PAGE_CLASSES: dict[str, PageClass] = {
    OVERVIEW: OverviewPage,
    COMPLAINTS: ComplaintsPage,
    VEHICLES: VehiclesPage,
    SYNC: SyncPage,
    REPORTS: ReportsPage,
}
# Where headquarters shows something else: it follows the stations instead of sending bundles,
# and has the merge's conflict queue.
HQ_PAGE_CLASSES: dict[str, PageClass] = {
    SYNC: StationsPage,
    CONFLICTS: ConflictsPage,
}


class NavigationList(QListWidget):
    """The list of areas; as wide as its longest (translated) entry, no wider."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(24, 24))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QListWidget::item { padding: 8px 12px; }")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 24
        return QSize(max(width, self.fontMetrics().averageCharWidth() * 18), hint.height())


class MainWindow(BackupWindow):
    # Emitted with the window that takes over (the same desk in another language).
    relaunched = Signal(object)

    def __init__(
        self,
        ctx: DeskContext,
        demo: bool = False,
        parent: QWidget | None = None,
        auto_backup: bool = False,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.demo = demo
        self._handing_over = False
        self._set_up_backups(auto_backup and not demo)
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station
        self.setWindowTitle(self.window_title())

        self.nav = NavigationList()
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._keys: list[str] = []
        for area in areas(self.headquarters):
            item = QListWidgetItem(self.style().standardIcon(area.icon), area.title)
            item.setToolTip(area.purpose)
            self.nav.addItem(item)
            self._keys.append(area.key)
        self._build_pages()

        central = QWidget()
        # A horizontal layout follows the layout direction: navigation sits on the right in Urdu.
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # The lock screen covers the pages; both live in one stack so nothing shows through.
        self.lock_screen = LockScreen(ctx, demo=demo)
        self.lock_screen.unlocked.connect(self._on_unlocked)
        self.cover = QStackedWidget()
        self.cover.addWidget(central)
        self.cover.addWidget(self.lock_screen)
        self.setCentralWidget(self.cover)

        self._build_menus()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self.nav.setCurrentRow(0)
        self.idle = IdleWatcher(accounts.idle_lock_minutes(ctx) * 60_000, self)
        self.idle.idle.connect(self.lock_idle)
        self.idle.restart()
        self._apply_account()
        self.refresh()

    def _build_pages(self) -> None:
        """The pages, for the account signed in now (each hides what its role may not do)."""
        page_classes = {**PAGE_CLASSES, **(HQ_PAGE_CLASSES if self.headquarters else {})}
        current = max(self.stack.currentIndex(), 0)
        for index, key in enumerate(self._keys):
            page = page_classes[key](self.ctx)
            page.setObjectName(f"{key}Page")
            changed = getattr(page, "records_changed", None)
            if changed is not None:
                changed.connect(self.refresh)
            old = self.pages.get(key)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.pages[key] = page
            self.stack.insertWidget(index, page)
        self.stack.setCurrentIndex(current)

    # ------------------------------------------------------------------ building

    def window_title(self) -> str:
        identity = self.ctx.identity()
        if identity is None:
            title = self.tr("CPLC Desk")
        else:
            title = self.tr("CPLC Desk — {name} ({code})").format(
                name=identity.name, code=identity.code
            )
        if self.demo:
            title = self.tr("{title} — demo").format(title=title)
        return title

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(self.tr("&Sign out"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self.change_password)
        self.accounts_action = QAction(self.tr("&Manage accounts…"), self)
        self.accounts_action.triggered.connect(self.manage_accounts)
        for action in (
            self.lock_action,
            self.sign_out_action,
            self.password_action,
            self.accounts_action,
        ):
            account_menu.addAction(action)
        account_menu.addSeparator()
        # Each language named in its own script (gui/language.py), checked when it is showing.
        self.language_menu = account_menu.addMenu(self.tr("&Language"))
        self._language_actions = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, native in language.NATIVE_NAMES.items():
            action = QAction(native, self)
            action.setCheckable(True)
            action.setChecked(code == language.active_language())
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
            self._language_actions.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        # The page shortcuts live in a menu so people can discover them.
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self._page_actions = QActionGroup(self)
        self.page_actions: list[QAction] = []
        for number, area in enumerate(areas(self.headquarters), start=1):
            action = QAction(self.style().standardIcon(area.icon), area.title, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentRow(row))
            self._page_actions.addAction(action)
            go_menu.addAction(action)
            self.page_actions.append(action)

        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.triggered.connect(self.show_audit_trail)
        tools_menu.addAction(self.audit_action)
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.back_up_now)
        tools_menu.addAction(self.backup_action)
        self.backup_folder_action = QAction(self.tr("Backup &copies to a USB stick…"), self)
        self.backup_folder_action.triggered.connect(self.choose_backup_folder)
        tools_menu.addAction(self.backup_folder_action)
        self.recovery_code_action = QAction(self.tr("Backup &recovery code…"), self)
        self.recovery_code_action.triggered.connect(self.show_recovery_code)
        tools_menu.addAction(self.recovery_code_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About CPLC Desk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        identity = self.ctx.identity()
        self.desk_status = QLabel(
            self.tr("{kind} · {code}").format(
                kind=names.desk_kind(identity.kind), code=identity.code
            )
            if identity
            else self.tr("Desk not set up")
        )
        data_dir = str(self.ctx.paths.data_dir)
        self.data_status = QLabel(self.tr("Data folder: {path}").format(path=data_dir))
        self.data_status.setToolTip(data_dir)
        # A long path may be cut short by a narrow window; the tooltip keeps all of it.
        self.data_status.setMinimumWidth(1)
        self.records_status = QLabel()
        self.user_status = QLabel()
        for label in (self.desk_status, self.user_status, self.data_status, self.records_status):
            label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.desk_status)
        bar.addWidget(self.user_status)
        bar.addWidget(self.data_status, 1)
        bar.addPermanentWidget(self.records_status)

    # ------------------------------------------------------------------ behaviour

    # ------------------------------------------------------------------ accounts and the lock

    def is_locked(self) -> bool:
        return self.cover.currentWidget() is self.lock_screen

    def _apply_account(self) -> None:
        actor = self.ctx.actor
        if actor.signed_in and actor.role is not None:
            self.user_status.setText(
                self.tr("Signed in: {name} ({role})").format(
                    name=actor.username, role=role_label(actor.role)
                )
            )
        else:
            self.user_status.setText(self.tr("Not signed in"))
        self.accounts_action.setVisible(actor.permits(Permission.MANAGE_ACCOUNTS))
        # Built before anyone signs in: follow whoever is signed in now.
        self.audit_action.setEnabled(actor.permits(Permission.READ_AUDIT))
        self.backup_action.setEnabled(actor.permits(Permission.BACKUP))
        self.backup_folder_action.setEnabled(actor.permits(Permission.BACKUP))
        self.recovery_code_action.setVisible(actor.permits(Permission.RESTORE))

    def _close_dialogs(self) -> None:
        """Forms and other dialogs would stay usable above the cover: close them. A form in
        progress keeps its draft, offered back when it is opened again."""
        for widget in QApplication.topLevelWidgets():
            if widget is self or not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            is_busy = getattr(widget, "is_busy", None)
            if is_busy is not None and is_busy():
                continue  # an import cannot stop half-way; it shows only its progress
            save = getattr(widget, "save_draft_now", None)
            if save is not None:
                save()
            widget.done(QDialog.DialogCode.Rejected)

    def _cover(self) -> None:
        self._close_dialogs()
        self.lock_screen.prepare()
        self.cover.setCurrentWidget(self.lock_screen)
        self.idle.stop()
        # No menu or shortcut reaches the pages behind the cover.
        self.menuBar().setEnabled(False)
        for action in self._menu_actions():
            action.setEnabled(False)
        self._apply_account()

    def _menu_actions(self) -> list[QAction]:
        return [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]

    def lock(self, reason: str = "manual") -> None:
        """Cover the window; the account stays signed in behind the lock."""
        if self.is_locked():
            return
        accounts.lock_session(self.ctx, reason)
        self._cover()

    def lock_idle(self) -> None:
        self.lock("idle")

    def sign_out(self) -> None:
        if self.busy_pages():
            dialogs.show_information(
                self,
                self.tr("Still working"),
                self.tr("A bundle is still being written or imported. Sign out once it is done."),
            )
            return
        accounts.sign_out(self.ctx)
        # The pages are rebuilt for whoever signs in next; until then the cover hides them.
        self._cover()

    def switch_language(self, code: str, remember: bool = True) -> MainWindow | None:
        """Show the window in ``code``: the account keeps the choice, and the window is built
        again in that language (the page showing stays; forms in progress keep their drafts).
        Returns the new window, or None if nothing changed or the desk is busy (then nothing
        is stored either)."""
        changing = code != language.active_language()
        if changing and self._is_busy():
            self.language_actions[language.active_language()].setChecked(True)
            dialogs.show_information(
                self,
                self.tr("Still working"),
                self.tr(
                    "A bundle is still being written or imported. Change the language once it is done."
                ),
            )
            return None
        if remember:
            try:
                accounts.set_own_language(self.ctx, code)
            except (ServiceError, StoreError) as exc:
                self.language_actions[language.active_language()].setChecked(True)
                dialogs.show_error(self, self.tr("Language not changed"), str(exc))
                return None
            language.remember(code)
        if not changing:
            return None
        self._close_dialogs()
        language.apply_language(code)
        successor = MainWindow(self.ctx, demo=self.demo, auto_backup=self.auto_backup)
        successor.setGeometry(self.geometry())
        if self.isMaximized():
            successor.showMaximized()
        elif self.isVisible():
            successor.show()
        successor.show_page(self.current_key())
        self.relaunched.emit(successor)
        self._handing_over = True
        self.close()
        self.deleteLater()  # its pages, models and timers go with it
        return successor

    def _is_busy(self) -> bool:
        """A bundle being written or imported, a backup running, or a dialog that cannot stop
        half-way (an import in progress)."""
        if self.busy_pages() or self._backup_task.is_running():
            return True
        return any(
            isinstance(w, QDialog)
            and w.isVisible()
            and bool(getattr(w, "is_busy", lambda: False)())
            for w in QApplication.topLevelWidgets()
        )

    def _on_unlocked(self, same_user: bool) -> None:
        chosen = None if same_user else accounts.own_language(self.ctx)
        # Another person, who works in the other language: a window in theirs (which builds
        # fresh pages for their role). Stays here only if the desk is busy.
        if (
            chosen is not None
            and chosen != language.active_language()
            and self.switch_language(chosen, remember=False) is not None
        ):
            return
        if not same_user:
            # Another person: fresh pages for their role, nothing of the last person's work.
            self._build_pages()
        self.menuBar().setEnabled(True)
        for action in self._menu_actions():
            action.setEnabled(True)
        self.cover.setCurrentIndex(0)
        self._apply_account()
        self.idle.set_interval(accounts.idle_lock_minutes(self.ctx) * 60_000)
        self.refresh()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.ctx, self)
        try:
            if dialogs.run_modal(dialog):
                dialogs.show_information(
                    self, self.tr("Password changed"), self.tr("Your password is changed.")
                )
        finally:
            dialog.deleteLater()

    def manage_accounts(self) -> None:
        dialog = AccountsDialog(self.ctx, self)
        try:
            dialogs.run_modal(dialog)
        finally:
            dialog.deleteLater()
        self._apply_account()  # one's own role may have changed
        self.idle.set_interval(accounts.idle_lock_minutes(self.ctx) * 60_000)

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.page_actions[row].setChecked(True)
        if self._keys[row] == OVERVIEW:
            # Counts may have changed on another page; they are cheap to reload.
            self.refresh()
        else:
            page = self.stack.widget(row)
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()

    def refresh(self) -> None:
        """Reload the counts shown on the Overview and in the status bar, and the page shown."""
        stats = store_stats(self.ctx)
        overview = self.pages[OVERVIEW]
        assert isinstance(overview, OverviewPage)
        overview.refresh(stats)
        self._show_totals(stats)
        current = self.stack.currentWidget()
        if current is not None and current is not overview and hasattr(current, "refresh"):
            current.refresh()

    def _show_totals(self, stats: StoreStats) -> None:
        # "Complaints: 1" rather than "1 complaints": no plural forms to get wrong.
        self.records_status.setText(
            self.tr("Complaints: {complaints} · Vehicle reports: {vehicles}").format(
                complaints=format_count(stats.complaints.total),
                vehicles=format_count(stats.vehicle_reports.total),
            )
        )

    def busy_pages(self) -> list[str]:
        """Areas whose page is still writing or importing bundles on a worker thread."""
        busy = []
        for key, page in self.pages.items():
            is_busy = getattr(page, "is_busy", None)
            if is_busy is not None and is_busy():
                busy.append(key)
        return busy

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._handing_over:
            # The same desk goes on in a new window (a language change): no backup, no sign-out.
            self._backup_timer.stop()
            self.idle.remove()
            super().closeEvent(event)
            return
        # Closing now would close the store under the worker's feet; a bundle takes moments.
        if self.busy_pages() or self._backup_task.is_running():
            dialogs.show_information(
                self,
                self.tr("Still working"),
                self.tr(
                    "A bundle is still being written or imported. CPLC Desk can close once it "
                    "has finished."
                ),
            )
            event.ignore()
            return
        self._backup_timer.stop()
        self._backup_on_close()
        self.idle.remove()
        super().closeEvent(event)

    def show_about(self) -> None:
        dialogs.show_about(
            self,
            self.tr("About CPLC Desk"),
            self.tr(
                "<h3>CPLC Desk {version}</h3>"
                "<p>Records citizens' complaints and vehicle thefts at the desks of the "
                "Citizens-Police Liaison Committee in Karachi's police stations, and merges "
                "them at headquarters.</p>"
                "<p>Works offline; records travel between desks in signed bundles.</p>"
            ).format(version=__version__),
        )
