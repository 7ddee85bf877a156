"""The first-run dialog's third choice: this PC replaces a desk's lost, stolen or broken PC.

Two ways to bring the desk back, the same services as ``cplc-desk init-station --snapshot`` and
``cplc-desk restore``:

- **from headquarters' snapshot** (a station): the enrollment file and the snapshot headquarters
  wrote; the person's new account becomes the desk's supervisor and is signed in;
- **from a backup file** (a station or headquarters, usually on the USB stick of sealed copies):
  a sealed file opens with the recovery code written on paper; afterwards the person signs in
  with their account from the old PC (the backup holds the desk's accounts).

The restore runs on a worker thread (:class:`~cplc_desk.gui.widgets.operations.BackgroundTask`): it
verifies the whole store and its audit trail, which takes seconds on a large desk, and the
window must keep painting meanwhile. Nothing else touches the desk while it runs: the dialog is
modal and disables every input (and refuses to close) until the worker reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.shell import settings
from cplc_desk.gui.station.restore_summaries import BackupRestored, backup_summary, snapshot_summary
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress, report_failure
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.backups import backup, backup_seal
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.station import station_recovery

# A plain name lupdate recognises, with the context written at each call.
translate = QCoreApplication.translate

RESTORE_FOLDER = "replace-desk"
MAX_SKIP = 100_000


class ReplaceDeskWidget(QWidget):
    """The files to restore from, and the restore itself on a worker thread."""

    changed = Signal()  # a choice, a file or the code changed: the dialog re-checks OK
    busy_changed = Signal(bool)
    restored = Signal(str)  # the summary to show the person
    refused = Signal(str)  # the service's message

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task = BackgroundTask("cplc-replace-desk", self)
        # Whether the chosen backup is sealed, looked at when the path changes (not on every
        # keystroke in the other fields, which re-check the OK button).
        self._sealed = False
        self._task.succeeded.connect(self._on_succeeded)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)

        intro = QLabel(
            self.tr(
                "Bring back the desk whose PC was lost, stolen or broken: its records, receipt "
                "numbers and place in the exchange with headquarters. Where from?"
            )
        )
        intro.setWordWrap(True)
        self.snapshot_radio = QRadioButton(
            self.tr("From headquarters' snapshot (enrollment file + snapshot file)")
        )
        self.snapshot_radio.setObjectName("replaceFromSnapshot")
        self.backup_radio = QRadioButton(self.tr("From a backup file (USB stick)"))
        self.backup_radio.setObjectName("replaceFromBackup")
        group = QButtonGroup(self)
        group.addButton(self.snapshot_radio)
        group.addButton(self.backup_radio)

        snapshot_page = self._build_snapshot_page()

        backup_page = self._build_backup_page()

        self._pages = QStackedWidget()
        self._pages.addWidget(snapshot_page)
        self._pages.addWidget(backup_page)

        self.progress_label = QLabel(
            self.tr("Restoring and checking every record… this can take a minute.")
        )
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_label.hide()
        self.progress_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.snapshot_radio)
        layout.addWidget(self.backup_radio)
        layout.addSpacing(4)
        layout.addWidget(self._pages)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)

        self._inputs: tuple[QWidget, ...] = (self.snapshot_radio, self.backup_radio, self._pages)
        self.snapshot_radio.toggled.connect(self._on_source)
        self.enrollment_button.clicked.connect(self.choose_enrollment)
        self.snapshot_button.clicked.connect(self.choose_snapshot)
        self.backup_button.clicked.connect(self.choose_backup)
        self.backup_edit.textChanged.connect(self._on_backup_path)
        for edit in (self.enrollment_edit, self.snapshot_edit, self.code_edit):
            edit.textChanged.connect(self.changed)
        # Most replacements are stations, and headquarters holds their records.
        self.snapshot_radio.setChecked(True)
        self._on_backup_path()

    def _build_snapshot_page(self) -> QWidget:
        # From headquarters' snapshot.
        self.enrollment_edit = self._path_edit("enrollmentPath")
        self.enrollment_button = QPushButton(self.tr("Choose…"))
        self.snapshot_edit = self._path_edit("snapshotPath")
        self.snapshot_button = QPushButton(self.tr("Choose…"))
        self.skip_spin = QSpinBox()
        self.skip_spin.setObjectName("skipNumbers")
        self.skip_spin.setRange(0, MAX_SKIP)
        skip_hint = QLabel(
            self.tr(
                "If the old PC printed receipts after its last bundle reached headquarters, leave "
                "that many numbers unused so no receipt number is given twice."
            )
        )
        skip_hint.setWordWrap(True)
        snapshot_hint = QLabel(
            self.tr(
                "Headquarters writes both files for this station, a new enrollment file and then "
                "the snapshot, and they come by hand on a USB stick."
            )
        )
        snapshot_hint.setWordWrap(True)
        snapshot_page = QWidget()
        snapshot_form = QFormLayout(snapshot_page)
        snapshot_form.setContentsMargins(0, 0, 0, 0)
        snapshot_form.addRow(snapshot_hint)
        snapshot_form.addRow(
            self.tr("Enrollment file:"), _row(self.enrollment_edit, self.enrollment_button)
        )
        snapshot_form.addRow(
            self.tr("Snapshot file:"), _row(self.snapshot_edit, self.snapshot_button)
        )
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_spin)
        skip_row.addStretch(1)
        snapshot_form.addRow(self.tr("Numbers to skip:"), skip_row)
        snapshot_form.addRow(skip_hint)
        return snapshot_page

    def _build_backup_page(self) -> QWidget:
        # From a backup file.
        self.backup_edit = self._path_edit("backupPath")
        self.backup_button = QPushButton(self.tr("Choose…"))
        self.code_label = QLabel(self.tr("Recovery code:"))
        self.code_edit = QLineEdit()
        self.code_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the recovery code
        self.code_edit.setObjectName("recoveryCode")
        self.code_edit.setPlaceholderText(self.tr("52 letters in groups of 4, as written down"))
        self.code_hint = QLabel(
            self.tr(
                "This backup is sealed: type the recovery code written on paper when backups "
                "to a USB stick were set up."
            )
        )
        self.code_hint.setWordWrap(True)
        backup_hint = QLabel(
            self.tr(
                "The backup holds the desk's accounts: after the restore, sign in with your "
                "account from the old PC."
            )
        )
        backup_hint.setWordWrap(True)
        backup_page = QWidget()
        self._backup_form = QFormLayout(backup_page)
        self._backup_form.setContentsMargins(0, 0, 0, 0)
        self._backup_form.addRow(
            self.tr("Backup file:"), _row(self.backup_edit, self.backup_button)
        )
        self._backup_form.addRow(self.code_hint)
        # On a row of its own: the whole code (64 characters with its dashes) stays in view, to be
        # checked against the paper.
        self._backup_form.addRow(self.code_label)
        self._backup_form.addRow(self.code_edit)
        self._backup_form.addRow(backup_hint)
        return backup_page

    def _path_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("Choose the file, or type its path"))
        edit.textChanged.connect(edit.setToolTip)  # the whole path, when the field shows its end
        return edit

    # ------------------------------------------------------------------ state

    def from_snapshot(self) -> bool:
        return self.snapshot_radio.isChecked()

    def needs_admin(self) -> bool:
        """A snapshot holds no accounts: the person's new account becomes the supervisor."""
        return self.from_snapshot()

    def backup_is_sealed(self) -> bool:
        path = _path(self.backup_edit)
        if path is None or not path.is_file():
            return False
        try:
            return backup_seal.is_sealed(path)
        except OSError:
            return False  # the service says why it cannot read the file

    def is_valid(self) -> bool:
        if self.from_snapshot():
            return _path(self.enrollment_edit) is not None and _path(self.snapshot_edit) is not None
        if _path(self.backup_edit) is None:
            return False
        return not self._sealed or bool(self.code_edit.text().strip())

    def is_busy(self) -> bool:
        return self._task.is_running()

    def focus_first(self) -> None:
        (self.snapshot_radio if self.from_snapshot() else self.backup_radio).setFocus()

    def _on_source(self) -> None:
        self._pages.setCurrentIndex(0 if self.from_snapshot() else 1)
        self.changed.emit()

    def _on_backup_path(self) -> None:
        self._sealed = self.backup_is_sealed()
        for widget in (self.code_hint, self.code_label, self.code_edit):
            widget.setVisible(self._sealed)
        self.changed.emit()

    # ------------------------------------------------------------------ choosing files

    def _choose(self, edit: QLineEdit, title: str, name_filter: str) -> None:
        path = dialogs.choose_file(self, title, name_filter, settings.last_folder(RESTORE_FOLDER))
        if path is not None:
            settings.remember_folder(RESTORE_FOLDER, path.parent)
            edit.setText(str(path))

    def choose_enrollment(self) -> None:
        self._choose(
            self.enrollment_edit,
            self.tr("Choose the enrollment file headquarters wrote"),
            self.tr("Enrollment files (*.cplcenroll);;All files (*)"),
        )

    def choose_snapshot(self) -> None:
        self._choose(
            self.snapshot_edit,
            self.tr("Choose headquarters' snapshot of this station"),
            self.tr("Station snapshots (*.cplcsnapshot);;All files (*)"),
        )

    def choose_backup(self) -> None:
        self._choose(
            self.backup_edit,
            self.tr("Choose the backup to restore"),
            self.tr("CPLC Desk backups (*{sealed} *{plain});;All files (*)").format(
                sealed=backup.SEALED_SUFFIX, plain=backup.PLAIN_SUFFIX
            ),
        )

    # ------------------------------------------------------------------ restoring

    def start(self, admin: NewAccount | None) -> None:
        """Restore on the worker thread; ``restored`` or ``refused`` follows."""
        if self.is_busy() or not self.is_valid():
            return
        ctx = self.ctx
        if self.from_snapshot():
            enrollment, snapshot = _path(self.enrollment_edit), _path(self.snapshot_edit)
            assert enrollment is not None and snapshot is not None
            skip = self.skip_spin.value()

            def work(progress: Progress) -> object:
                return station_recovery.restore_station(
                    ctx, enrollment, snapshot, skip_numbers=skip, admin=admin
                )

        else:
            file = _path(self.backup_edit)
            assert file is not None
            sealed = self.backup_is_sealed()
            code = self.code_edit.text().strip() if sealed else ""

            def work(progress: Progress) -> object:
                result = backup.restore(ctx, file, key_code=code or None)
                return BackupRestored(result, ctx.identity(), sealed)

        self._task.start(work)  # its report is queued to this thread: it comes after this
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.progress_label.setVisible(busy)
        self.progress_bar.setVisible(busy)
        self.busy_changed.emit(busy)

    def _on_succeeded(self, value: object) -> None:
        if isinstance(value, BackupRestored):
            self.restored.emit(backup_summary(value))
        else:
            assert isinstance(value, station_recovery.RestoreResult)
            self.restored.emit(snapshot_summary(value, self.ctx.actor.username))

    def _on_failed(self, error: BaseException) -> None:
        report_failure(error, self.refused.emit, self.tr("The restore stopped: {error}"))

    def _on_finished(self) -> None:
        self._set_busy(False)


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


def _path(edit: QLineEdit) -> Path | None:
    text = edit.text().strip().strip('"')  # a path pasted from Windows Explorer comes quoted
    return Path(text).expanduser() if text else None
