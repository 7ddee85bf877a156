"""The desk's main window: navigation on the leading side, one page per area, menus and a status
bar saying which desk this is, who is signed in, where its data lives and how many records it
holds. It locks itself (a cover over the pages) after idle time, by hand or on signing out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QWidget,
)

from cplc_desk import __version__
from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.roles import Permission, role_label
from cplc_desk.gui.backups.backup_window import BackupWindow
from cplc_desk.gui.shell import language, pages, window_menus
from cplc_desk.gui.shell.areas import (
    OVERVIEW,
    areas,
)
from cplc_desk.gui.shell.lock_screen import IdleWatcher, LockScreen
from cplc_desk.gui.shell.window_counts import CountsWindow
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.operations import Changes, change_bus
from cplc_desk.services.accounts import accounts
from cplc_desk.services.desk.context import DeskContext


class _Pages(dict[str, QWidget]):
    """The pages built so far; looking one up that is not builds it."""

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        page: QWidget = self._build(key)
        self[key] = page
        return page


class MainWindow(CountsWindow, BackupWindow):
    # Emitted with the window that takes over (the same desk in another language).
    relaunched = Signal(object)
    # Built by window_menus.
    language_menu: QMenu
    language_actions: dict[str, QAction]
    page_actions: list[QAction]
    refresh_action: QAction
    import_action: QAction
    quit_action: QAction
    lock_action: QAction
    sign_out_action: QAction
    password_action: QAction
    accounts_action: QAction
    audit_action: QAction
    backup_action: QAction
    backup_folder_action: QAction
    recovery_code_action: QAction
    about_action: QAction
    desk_status: QLabel
    data_status: QLabel
    records_status: QLabel
    user_status: QLabel
    replica_status: QLabel | None = None  # with a read replica (gui/shell/replica_status.py)

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
        self._set_up_counts()  # read on a worker once the window has painted
        identity = ctx.identity()
        self.headquarters = identity is not None and not identity.is_station
        self.setWindowTitle(self.window_title())

        self.nav = pages.NavigationList()
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = _Pages(self._build_page)
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

        window_menus.build_menus(self)
        window_menus.build_status_bar(self)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self.nav.setCurrentRow(0)
        self.idle = IdleWatcher(accounts.idle_lock_minutes(ctx) * 60_000, self)
        self.idle.idle.connect(self.lock_idle)
        self.idle.restart()
        self._apply_account()
        # Each operation that wrote says what it changed; the counts follow, and the page shown.
        # (Showing the Overview above already asked for the counts.)
        change_bus(ctx).changed.connect(self.refresh)

    def _build_pages(self) -> None:
        """The pages, for the account signed in now (each hides what its role may not do): the
        one showing is built now, each other when first shown (``self.pages[key]`` builds it)."""
        current = max(self.stack.currentIndex(), 0)
        for old in list(self.pages.values()):
            self.stack.removeWidget(old)
            old.deleteLater()
        self.pages.clear()
        while (placeholder := self.stack.widget(0)) is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        for _key in self._keys:
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        self.stack.setCurrentIndex(current)
        _ = self.pages[self._keys[current]]

    def _build_page(self, key: str) -> QWidget:
        page = pages.page_class(key, self.headquarters)(self.ctx)
        page.setObjectName(f"{key}Page")
        index = self._keys.index(key)
        placeholder = self.stack.widget(index)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        return page

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
        self.import_action.setVisible(actor.permits(Permission.IMPORT_CSV))
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
            if pages.is_busy(widget):
                continue  # an import cannot stop half-way; it shows only its progress
            if isinstance(widget, pages.KeepsDraft):
                widget.save_draft_now()
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
            except DeskError as exc:
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
        if self.busy_pages() or self.backups_running():
            return True
        return any(
            isinstance(w, QDialog) and w.isVisible() and pages.is_busy(w)
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
        from cplc_desk.gui.accounts.accounts_page import ChangePasswordDialog

        if dialogs.run_once(ChangePasswordDialog(self.ctx, self)):
            dialogs.show_information(
                self, self.tr("Password changed"), self.tr("Your password is changed.")
            )

    def import_register(self) -> None:
        from cplc_desk.gui.imports.register_dialog import RegisterImportDialog

        dialog = RegisterImportDialog(self.ctx, self)
        dialogs.run_once(dialog)
        if dialog.records_changed:
            change_bus(self.ctx).announce(Changes.RECORDS)

    def manage_accounts(self) -> None:
        from cplc_desk.gui.accounts.accounts_page import AccountsDialog

        dialogs.run_once(AccountsDialog(self.ctx, self))
        self._apply_account()  # one's own role may have changed
        self.idle.set_interval(accounts.idle_lock_minutes(self.ctx) * 60_000)

    @property
    def area_keys(self) -> list[str]:
        """The areas in navigation order (``pages`` holds those built so far)."""
        return list(self._keys)

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        _ = self.pages[self._keys[row]]  # built when first shown
        self.stack.setCurrentIndex(row)
        self.page_actions[row].setChecked(True)
        if self._keys[row] == OVERVIEW:
            # Counts may have changed on another page; they are cheap to reload.
            self.refresh()
        else:
            page = self.stack.widget(row)
            if isinstance(page, pages.Refreshable):
                page.refresh()

    def refresh(self, changes: Changes = Changes.EVERYTHING) -> None:
        """Reload the counts shown on the Overview and in the status bar (on a worker: they
        arrive a moment later), and the page shown if ``changes`` touch what it shows."""
        self._load_counts()
        current = self.stack.currentWidget()
        if (
            isinstance(current, pages.Refreshable)
            and current is not self.pages[OVERVIEW]
            and changes & pages.shows(current)
        ):
            current.refresh()

    def busy_pages(self) -> list[str]:
        """Areas whose page is still writing or importing bundles on a worker thread."""
        return [key for key, page in self.pages.items() if pages.is_busy(page)]

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._handing_over:
            # The same desk goes on in a new window (a language change): no backup, no sign-out.
            self._backup_timer.stop()
            self.idle.remove()
            super().closeEvent(event)
            return
        if self.closing_after_backup():  # it closes itself once the backup is written
            event.ignore()
            return
        # Closing now would close the store under the worker's feet; a bundle takes moments.
        if self.busy_pages() or self.backups_running():
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
        if not self._backup_on_close():
            event.ignore()
            return
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
