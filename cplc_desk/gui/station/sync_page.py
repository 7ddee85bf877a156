"""The Sync page of a station desk: is the desk enrolled with headquarters, what is waiting to be
sent, the last bundle; export the next bundle to a USB stick, write an earlier one again, and
enroll from headquarters' file. It also shows the hotlist the desk holds (its number, when it was
issued, until when it is valid, with a warning once it has expired) and imports a newer one.

Writing a bundle runs on a worker thread (a USB stick can be slow) with a busy bar; results and
refusals are shown in a message strip on the page, which stays readable while the person goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.roles import Permission
from cplc_desk.gui.shell import settings
from cplc_desk.gui.shell.areas import SYNC, area
from cplc_desk.gui.station import hotlist_texts
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import CountTile, format_count
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR, INFO, SUCCESS, WARNING, MessageBanner
from cplc_desk.gui.widgets.operations import (
    BackgroundTask,
    Changes,
    Progress,
    change_bus,
    report_failure,
)
from cplc_desk.gui.widgets.page_heading import area_heading, page_layout, scroll_into
from cplc_desk.gui.widgets.permissions import show_if_permitted
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.station import sync_station
from cplc_desk.services.station.sync_station import ExportResult, StationSyncStatus
from cplc_desk.services.vehicles import hotlist

EXPORT_FOLDER = "export"
ENROLLMENT_FOLDER = "enrollment"
HOTLIST_FOLDER = "hotlist"


class SyncPage(QWidget):
    area_key = SYNC
    # After an export, a rewrite or an enrollment has finished (successfully or not).
    work_finished = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: StationSyncStatus | None = None
        self._task = BackgroundTask("cplc-export-bundle", self, bus=change_bus(ctx))
        self._task.succeeded.connect(self._on_written)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)
        self._hotlist_task = BackgroundTask("cplc-import-hotlist", self, bus=change_bus(ctx))
        self._hotlist_task.succeeded.connect(self._on_hotlist_imported)
        self._hotlist_task.failed.connect(self._on_hotlist_failed)
        self._hotlist_task.finished.connect(self._on_finished)

        heading, self.purpose_label = area_heading(self, area(SYNC))

        hq_box = self._build_headquarters_box()
        tiles, last_form = self._build_tiles()
        send_box = self._build_send_box()
        hotlist_box = self._build_hotlist_box()
        self.banner = MessageBanner()

        content = QWidget()
        layout = page_layout(content, heading, self.purpose_label)
        layout.addWidget(hq_box)
        layout.addLayout(tiles)
        layout.addLayout(last_form)
        layout.addWidget(send_box)
        layout.addWidget(hotlist_box)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        scroll_into(self, content)
        # The window builds this page when it is first shown, so counting what waits to be sent
        # (the change log grows with the store) is not on the way to the window's first paint.
        self.refresh()

    def _build_headquarters_box(self) -> QGroupBox:
        self.enrollment_label = QLabel()
        self.enrollment_label.setWordWrap(True)
        self.enroll_button = QPushButton(self.tr("Enroll from file…"))
        self.enroll_button.clicked.connect(self.enroll_from_file)
        hq_box = QGroupBox(self.tr("Headquarters"))
        hq_row = QHBoxLayout(hq_box)
        hq_row.addWidget(self.enrollment_label, 1)
        hq_row.addWidget(self.enroll_button, 0, Qt.AlignmentFlag.AlignTop)
        return hq_box

    def _build_tiles(self) -> tuple[QHBoxLayout, QFormLayout]:
        self.pending_tile = CountTile(
            self.tr("Changes waiting to be sent"),
            self.tr("records added or changed since the last bundle"),
        )
        self.audit_tile = CountTile(
            self.tr("Audit entries waiting"), self.tr("who did what; they travel with the records")
        )
        self.last_tile = CountTile(self.tr("Last bundle"), "")
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in (self.pending_tile, self.audit_tile, self.last_tile):
            tiles.addWidget(tile, 1)

        self.last_made_label = self.last_tile.note_label
        self.last_file_label = QLabel()
        self.last_file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        last_form = QFormLayout()
        last_form.setContentsMargins(0, 0, 0, 0)
        last_form.addRow(self.tr("Last bundle's file:"), self.last_file_label)
        return tiles, last_form

    def _build_send_box(self) -> QGroupBox:
        self.export_button = QPushButton(self.tr("Export bundle to folder…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_bundle)
        export_hint = make_quiet(
            QLabel(
                self.tr(
                    "Put the USB stick in and choose it (or a folder on it). The bundle holds "
                    "every change since the last one, signed by this desk and readable only by "
                    "headquarters."
                )
            )
        )
        export_hint.setWordWrap(True)

        self.again_spin = QSpinBox()
        self.again_spin.setMinimum(1)
        self.again_button = QPushButton(self.tr("Write a bundle again…"))
        self.again_button.clicked.connect(self.write_again)
        show_if_permitted(
            self.ctx,
            Permission.EXPORT_BUNDLE,
            self.export_button,
            self.again_button,
            self.enroll_button,
        )
        again_label = QLabel(self.tr("Bundle number:"))
        again_label.setBuddy(self.again_spin)
        again_hint = make_quiet(
            QLabel(
                self.tr(
                    "A stick lost or broken on the way? Write an earlier bundle again, exactly "
                    "as it was. Headquarters recognises a bundle it already has."
                )
            )
        )
        again_hint.setWordWrap(True)
        again_row = QHBoxLayout()
        again_row.addWidget(again_label)
        again_row.addWidget(self.again_spin)
        again_row.addWidget(self.again_button)
        again_row.addStretch(1)

        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # the service says nothing until it is done
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_bar.hide()
        self.progress_label.hide()

        send_box = QGroupBox(self.tr("Send to headquarters"))
        send_layout = QVBoxLayout(send_box)
        send_layout.addWidget(export_hint)
        send_layout.addLayout(export_row)
        send_layout.addWidget(self.progress_label)
        send_layout.addWidget(self.progress_bar)
        send_layout.addSpacing(6)
        send_layout.addWidget(again_hint)
        send_layout.addLayout(again_row)
        return send_box

    def _build_hotlist_box(self) -> QGroupBox:
        self.hotlist_label = QLabel()
        self.hotlist_label.setWordWrap(True)
        self.hotlist_warning = MessageBanner()
        self.import_hotlist_button = QPushButton(self.tr("Import hotlist…"))
        self.import_hotlist_button.clicked.connect(self.import_hotlist)
        hotlist_hint = make_quiet(
            QLabel(
                self.tr(
                    "Headquarters' list of every vehicle still reported stolen or snatched in "
                    "the city. Vehicle checks and recovery matching use it, so this desk knows "
                    "thefts reported at other stations. Import each new one as it comes."
                )
            )
        )
        hotlist_hint.setWordWrap(True)
        hotlist_box = QGroupBox(self.tr("Hotlist from headquarters"))
        hotlist_layout = QVBoxLayout(hotlist_box)
        hotlist_row = QHBoxLayout()
        hotlist_row.addWidget(self.hotlist_label, 1)
        hotlist_row.addWidget(self.import_hotlist_button, 0, Qt.AlignmentFlag.AlignTop)
        hotlist_layout.addLayout(hotlist_row)
        hotlist_layout.addWidget(self.hotlist_warning)
        hotlist_layout.addWidget(hotlist_hint)
        return hotlist_box

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Reload the desk's sync status (cheap: a few counts)."""
        try:
            status = sync_station.status(self.ctx)
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self.status = status
        if status.enrolled:
            self.enrollment_label.setText(
                self.tr(
                    "This desk is enrolled with {hq}. Bundles it writes can be imported there."
                ).format(hq=status.hq_name or NOTHING)
            )
            self.enroll_button.setText(self.tr("Enroll again from file…"))
        else:
            self.enrollment_label.setText(
                self.tr(
                    "This desk is not enrolled with headquarters yet, so it cannot send bundles. "
                    "Ask headquarters for an enrollment file, then enroll from it here."
                )
            )
            self.enroll_button.setText(self.tr("Enroll from file…"))

        self.pending_tile.set_value(status.pending_changes)
        self.audit_tile.set_value(status.pending_audit_entries)
        if status.last_sequence:
            self.last_tile.value_label.setText(format_count(status.last_sequence))
            self.last_made_label.setText(
                self.tr("made {when}").format(when=format_datetime(status.last_export_at))
            )
        else:
            self.last_tile.value_label.setText(NOTHING)
            self.last_made_label.setText(self.tr("no bundle written yet"))
        self.last_file_label.setText(status.last_file or NOTHING)

        self.again_spin.setMaximum(max(status.last_sequence, 1))
        self.again_spin.setValue(max(status.last_sequence, 1))
        self._show_hotlist()
        self._update_buttons()

    def _show_hotlist(self) -> None:
        try:
            held = hotlist.held(self.ctx)
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self.hotlist_label.setText(hotlist_texts.held_text(held))
        if held is not None and held.expired(now_utc()):
            self.hotlist_warning.show_message(WARNING, hotlist_texts.expired_text(held))
        else:
            self.hotlist_warning.clear_message()

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        enrolled = self.status is not None and self.status.enrolled
        has_bundle = self.status is not None and self.status.last_sequence > 0
        self.enroll_button.setEnabled(not busy)
        self.export_button.setEnabled(enrolled and not busy)
        self.export_button.setToolTip(
            "" if enrolled else self.tr("Enroll this desk with headquarters first.")
        )
        self.again_spin.setEnabled(has_bundle and not busy)
        self.again_button.setEnabled(has_bundle and not busy)
        self.import_hotlist_button.setEnabled(enrolled and not busy)
        self.import_hotlist_button.setToolTip(
            "" if enrolled else self.tr("Enroll this desk with headquarters first.")
        )

    def is_busy(self) -> bool:
        return self._task.is_running() or self._hotlist_task.is_running()

    # ------------------------------------------------------------------ actions

    def export_bundle(self) -> None:
        folder = self._choose_folder(self.tr("Choose the USB stick or folder for the bundle"))
        if folder is None:
            return
        self._run(
            lambda _progress: sync_station.export_bundle(self.ctx, folder),
            self.tr("Writing the next bundle to {folder}…").format(folder=folder),
        )

    def write_again(self) -> None:
        sequence = self.again_spin.value()
        folder = self._choose_folder(
            self.tr("Choose where to write bundle {n} again").format(n=format_count(sequence))
        )
        if folder is None:
            return
        self._run(
            lambda _progress: sync_station.rewrite_bundle(self.ctx, folder, sequence),
            self.tr("Writing bundle {n} again to {folder}…").format(
                n=format_count(sequence), folder=folder
            ),
        )

    def enroll_from_file(self) -> None:
        path = self._choose_file(
            self.tr("Choose the enrollment file from headquarters"),
            self.tr("Enrollment files (*.cplcenroll);;All files (*)"),
            ENROLLMENT_FOLDER,
        )
        if path is None:
            return
        if (
            self.status is not None
            and self.status.enrolled
            and not dialogs.confirm(
                self,
                self.tr("Enroll again"),
                self.tr(
                    "This desk is already enrolled with {hq}. Enroll it again from {file}?\n\n"
                    "The desk makes a new signing key. Do this only with a new file from "
                    "headquarters."
                ).format(hq=self.status.hq_name or NOTHING, file=path.name),
            )
        ):
            return
        try:
            sync_station.enroll_from_file(self.ctx, path)
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
        else:
            self.refresh()
            self.banner.show_message(
                SUCCESS,
                self.tr(
                    "This desk is now enrolled with {hq}. It can send bundles to headquarters."
                ).format(hq=self.status.hq_name if self.status else NOTHING),
            )
        self.work_finished.emit()

    def import_hotlist(self) -> None:
        path = self._choose_file(
            self.tr("Choose the newest hotlist file from headquarters"),
            self.tr("Hotlists (*.cplchot);;All files (*)"),
            HOTLIST_FOLDER,
        )
        if path is None:
            return
        ctx = self.ctx
        self._run(
            lambda _progress: hotlist.import_hotlist(ctx, path),
            self.tr("Checking and importing {file}…").format(file=path.name),
            self._hotlist_task,
            Changes.VEHICLES | Changes.PHONES,  # checks and matching look at the hotlist
        )

    def _on_hotlist_imported(self, result: hotlist.ImportedHotlist) -> None:
        self.banner.show_message(SUCCESS, hotlist_texts.imported_text(result))

    def _on_hotlist_failed(self, error: BaseException) -> None:
        report_failure(
            error, self._show_error, self.tr("The hotlist could not be imported: {error}")
        )

    def _choose_file(self, title: str, filters: str, folder_key: str) -> Path | None:
        """The file the person chose (None if busy or cancelled); its folder is remembered."""
        if self.is_busy():
            return None
        path = dialogs.choose_file(self, title, filters, settings.last_folder(folder_key))
        if path is not None:
            settings.remember_folder(folder_key, path.parent)
        return path

    def _choose_folder(self, title: str) -> Path | None:
        if self.is_busy():
            return None
        folder = dialogs.choose_folder(self, title, settings.last_folder(EXPORT_FOLDER))
        if folder is not None:
            settings.remember_folder(EXPORT_FOLDER, folder)
        return folder

    def _run(
        self,
        work: Callable[[Progress], object],
        doing: str,
        task: BackgroundTask | None = None,
        changes: Changes = Changes.SYNC,
    ) -> None:
        """Start ``work`` on ``task`` (the bundle writer unless said), saying what it is doing."""
        self.banner.clear_message()
        self.progress_label.setText(doing)
        self.progress_label.show()
        self.progress_bar.show()
        (task or self._task).start(work, changes=changes)
        self._update_buttons()

    def _on_written(self, result: ExportResult) -> None:
        self.banner.show_message(INFO if result.nothing_new else SUCCESS, result.message)

    def _on_failed(self, error: BaseException) -> None:
        report_failure(error, self._show_error, self.tr("The bundle could not be written: {error}"))

    def _show_error(self, text: str) -> None:
        self.banner.show_message(ERROR, text)

    def _on_finished(self) -> None:
        self.progress_bar.hide()
        self.progress_label.hide()
        self.refresh()
        self.work_finished.emit()
