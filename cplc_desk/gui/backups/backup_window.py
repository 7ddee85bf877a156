"""The part of the main window that keeps the desk's data safe: the daily backup (on start if
one is due, then looked at hourly), one on close, a backup by hand, where sealed copies go, and
the recovery code that opens the sealed copies, and the audit trail's viewer.

On a headquarters whose store is on a PostgreSQL server both automatic backups are ``pg_dump``
(services/backups/server_backup.py), which may take minutes: the one on close then runs on the
worker too, and the window closes itself when it is written (or failed, which it says).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.roles import Permission
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.operations import BackgroundTask
from cplc_desk.services.desk.context import DeskContext

# The backup service, the audit viewer and the recovery-code dialog are imported where they are
# used: none of them is needed to open the window (bench/startup.py).

log = logging.getLogger(__name__)

# How often a long session looks whether the daily backup is due.
BACKUP_CHECK_MS = 60 * 60 * 1000


class BackupWindow(QMainWindow):
    ctx: DeskContext
    backup_action: QAction  # Tools ▸ Back up now (window_menus)

    def _set_up_backups(self, auto_backup: bool) -> None:
        # Daily backups (on start if due, then checked hourly) and one on close: the real
        # window turns them on (gui/shell/app.py); tests and embedders opt in.
        self.auto_backup = auto_backup
        self._backup_task = BackgroundTask("cplc-daily-backup", self)
        self._backup_task.failed.connect(self._backup_failed)
        self._backup_task.finished.connect(self._after_close_backup)
        # Back up now: on a worker too, a large store's copy or a server's pg_dump takes long
        # enough to freeze the window.
        self._manual_backup = BackgroundTask("cplc-manual-backup", self)
        self._manual_backup.succeeded.connect(self._manual_backup_written)
        self._manual_backup.failed.connect(self._manual_backup_failed)
        self._manual_backup.finished.connect(self._manual_backup_ended)
        # A server's backup on close: None, "running" (the window waits), then "done".
        self._close_backup: str | None = None
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.backup_if_due)

    def show_audit_trail(self) -> None:
        from cplc_desk.gui.accounts.audit_viewer import AuditViewerDialog

        dialogs.run_once(AuditViewerDialog(self.ctx, self))

    def back_up_now(self) -> None:
        from cplc_desk.services.backups import backup

        if self._manual_backup.is_running():
            return
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Writing the backup…"))
        ctx = self.ctx
        self._manual_backup.start(lambda _progress: backup.write_backup(ctx, reason="manual"))

    def backups_running(self) -> bool:
        """A backup being written: daily, on close or asked for."""
        return self._backup_task.is_running() or self._manual_backup.is_running()

    def _manual_backup_written(self, result: object) -> None:
        text = self.tr("Backup written: {path}").format(path=getattr(result, "path", ""))
        if copy_error := getattr(result, "copy_error", None):
            text += "\n" + copy_error
        dialogs.show_information(self, self.tr("Backup written"), text)

    def _manual_backup_failed(self, exc: object) -> None:
        # A refusal or a disk's complaint is the person's to read; anything else is a fault.
        dialogs.show_error(self, self.tr("The backup was not written"), str(exc))
        if isinstance(exc, BaseException) and not isinstance(exc, DeskError | OSError):
            raise exc

    def _manual_backup_ended(self) -> None:
        self.statusBar().clearMessage()
        self.backup_action.setEnabled(self.ctx.actor.permits(Permission.BACKUP))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.auto_backup and not self._backup_timer.isActive():
            self._backup_timer.start()
            QTimer.singleShot(0, self.backup_if_due)  # on start, if the last one is a day old

    def choose_backup_folder(self) -> None:
        """Where sealed (encrypted) copies of each backup go as well, e.g. a USB stick."""
        from cplc_desk.services.backups import backup

        current = backup.load_settings(self.ctx)
        folder = dialogs.choose_folder(
            self, self.tr("Folder for sealed backup copies"), current.second_folder
        )
        if folder is None:
            return
        try:
            backup.save_settings(
                self.ctx, backup.BackupSettings(keep=current.keep, second_folder=folder)
            )
            result = backup.write_backup(self.ctx, reason="manual")
        except (DeskError, OSError) as exc:
            dialogs.show_error(self, self.tr("The backup was not written"), str(exc))
            return
        dialogs.show_information(
            self,
            self.tr("Backup copies"),
            self.tr(
                "Each backup is now also copied, sealed, to {folder}. To open those copies on "
                "another computer you need this desk's recovery code: a supervisor shows it with "
                "Tools ▸ Backup recovery code… and keeps it on paper, away from the stick."
            ).format(folder=result.copy.parent if result.copy else folder)
            + ("\n" + result.copy_error if result.copy_error else ""),
        )

    def show_recovery_code(self) -> None:
        from cplc_desk.gui.backups.recovery_code_dialog import RecoveryCodeDialog
        from cplc_desk.services.backups import backup

        try:
            code = backup.recovery_code(self.ctx)
        except (DeskError, OSError) as exc:
            dialogs.show_error(self, self.tr("The recovery code cannot be shown"), str(exc))
            return
        dialogs.run_once(RecoveryCodeDialog(code, self))

    def backup_if_due(self) -> None:
        from cplc_desk.services.backups import backup

        if (
            not self.auto_backup
            or not self.isVisible()  # closed: the store is no longer ours to use
            or self._backup_task.is_running()
        ):
            return
        ctx = self.ctx
        self._backup_task.start(lambda _progress: backup.backup_if_due(ctx))

    def _backup_failed(self, exc: object) -> None:
        if self._close_backup == "running":
            log.warning("backup on close failed: %s", type(exc).__name__)
            # Said before the window goes (the client tools missing, the server gone...).
            dialogs.show_error(self, self.tr("The backup on close was not written"), str(exc))
            return
        log.warning("daily backup failed: %s", type(exc).__name__)
        self.statusBar().showMessage(
            self.tr("The daily backup failed: {reason}").format(reason=exc), 60_000
        )

    def closing_after_backup(self) -> bool:
        """True while the window waits for its backup on close (a server's) to close."""
        return self._close_backup == "running"

    def _after_close_backup(self) -> None:
        if self._close_backup == "running":
            self._close_backup = "done"
            self.close()

    def _backup_on_close(self) -> bool:
        """Write the backup on close; True if the window may close now. A server's backup runs
        on the worker (False): the window closes itself when it ends."""
        from cplc_desk.services.backups import backup

        if not self.auto_backup or self._close_backup == "done":
            return True
        if not self.ctx.store.is_sqlite:
            self._close_backup = "running"
            for part in (self.menuBar(), self.centralWidget()):
                if part is not None:
                    part.setEnabled(False)  # nothing new starts while the dump runs
            self.statusBar().showMessage(
                self.tr("Writing the backup from the server before closing…")
            )
            ctx = self.ctx
            self._backup_task.start(lambda _progress: backup.write_backup(ctx, reason="close"))
            return False
        self.statusBar().showMessage(self.tr("Writing the backup…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup.write_backup(self.ctx, reason="close")
        except (DeskError, OSError) as exc:
            # Closing must not be held hostage by a backup; the next start tries again.
            log.warning("backup on close failed: %s", type(exc).__name__)
        finally:
            QApplication.restoreOverrideCursor()
        return True
