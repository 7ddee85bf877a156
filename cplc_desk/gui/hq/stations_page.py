"""Headquarters' Stations page: every enrolled station desk, when it last sent a bundle and what
needs attention (bundles missing, overdue, revoked); import bundles, enroll, re-enroll and revoke
stations.

How many days without a bundle make a station overdue is kept in headquarters' store
(``sync_hq.overdue_days``), so every analyst sees the same stations standing out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from cplc_desk.domain.clock import now_utc, to_local
from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.roles import Permission
from cplc_desk.gui.hq.enroll_dialog import pick_station
from cplc_desk.gui.hq.import_dialog import ImportDialog
from cplc_desk.gui.hq.stations_model import (
    CODE_ROLE,
    GAP,
    NEVER,
    OVERDUE,
    REVOKED,
    SORT_ROLE,
    STATUS,
    StationsModel,
)
from cplc_desk.gui.shell import settings
from cplc_desk.gui.shell.areas import SYNC, area
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR, SUCCESS, MessageBanner
from cplc_desk.gui.widgets.operations import Changes
from cplc_desk.gui.widgets.page_heading import area_heading, table_page_layout
from cplc_desk.gui.widgets.permissions import show_if_permitted
from cplc_desk.gui.widgets.records_page import RecordsPage
from cplc_desk.gui.widgets.tables import read_only_rows, select_row
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.hq import sync_hq
from cplc_desk.services.hq.sync_hq import StationKeyState, StationSummary
from cplc_desk.services.vehicles import hotlist

ENROLLMENT_FOLDER = "enrollment-out"
HOTLIST_FOLDER = "hotlist-out"


class StationsPage(RecordsPage):
    """``records_changed``: bundles were merged."""

    area_key = SYNC
    shows = Changes.STATIONS | Changes.RECORDS | Changes.CONFLICTS

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Replaceable so tests can look at the table from a later day.
        self.clock: Callable[[], datetime] = now_utc
        self._stations = {st.code: st for st in reference.stations(ctx)}
        self._districts = {st.district_code: st.district_name for st in self._stations.values()}

        heading, self.purpose_label = area_heading(self, area(SYNC, headquarters=True))

        actions = self._build_actions()

        self.model = StationsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
        read_only_rows(self.view)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.empty_label = QLabel(
            self.tr(
                "No station is enrolled yet. Enroll one, take its enrollment file to the "
                "station's desk, and its bundles can be imported here."
            )
        )
        self.banner = MessageBanner()
        table_page_layout(
            self, heading, self.purpose_label, actions, self.empty_label, self.view,
            self.summary_label, self.banner,
        )  # fmt: skip

        self.overdue_spin.valueChanged.connect(self._on_overdue_days)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def _build_actions(self) -> QHBoxLayout:
        self.import_button = QPushButton(self.tr("Import bundles…"))
        self.import_button.setDefault(True)
        self.enroll_button = QPushButton(self.tr("Enroll station…"))
        self.reenroll_button = QPushButton(self.tr("Re-enroll…"))
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        # The way out of a forked history: a kept bundle that is the wrong copy of its number.
        self.discard_button = QPushButton(self.tr("Discard waiting bundle…"))
        self.discard_button.setToolTip(
            self.tr(
                "Remove a bundle of the selected station that waits for earlier ones, when it "
                "is the wrong copy of its number (the import said so)"
            )
        )
        self.hotlist_button = QPushButton(self.tr("Write hotlist…"))
        self.hotlist_button.setToolTip(
            self.tr(
                "Write the signed list of every open stolen or snatched vehicle for the stations' "
                "desks to check vehicles offline"
            )
        )
        self.hotlist_button.clicked.connect(self.write_hotlist)
        show_if_permitted(self.ctx, Permission.EXPORT_HOTLIST, self.hotlist_button)
        self.import_button.clicked.connect(self.import_bundles)
        self.enroll_button.clicked.connect(self.enroll_station)
        self.reenroll_button.clicked.connect(self.reenroll_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.discard_button.clicked.connect(self.discard_held_selected)
        show_if_permitted(
            self.ctx, Permission.IMPORT_BUNDLE, self.import_button, self.discard_button
        )
        show_if_permitted(
            self.ctx,
            Permission.ENROLL_STATION,
            self.enroll_button,
            self.reenroll_button,
            self.revoke_button,
        )
        self.reenroll_button.setToolTip(
            self.tr("Write a new enrollment file for the selected station (a new computer, say)")
        )
        self.revoke_button.setToolTip(
            self.tr("Refuse the selected station's bundles until it is enrolled again")
        )

        self.overdue_spin = QSpinBox()
        self.overdue_spin.setRange(sync_hq.MIN_OVERDUE_DAYS, sync_hq.MAX_OVERDUE_DAYS)
        self.overdue_spin.setValue(sync_hq.overdue_days(self.ctx))
        overdue_before = QLabel(self.tr("Overdue after"))
        overdue_before.setBuddy(self.overdue_spin)
        overdue_after = QLabel(self.tr("days without a bundle"))

        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.hotlist_button)
        actions.addWidget(separator)
        actions.addWidget(self.enroll_button)
        actions.addWidget(self.reenroll_button)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.discard_button)
        actions.addStretch(1)
        actions.addWidget(overdue_before)
        actions.addWidget(self.overdue_spin)
        actions.addWidget(overdue_after)
        return actions

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Reload the stations from the store, keeping the selected one selected."""
        selected = self.selected_code()
        try:
            summaries = sync_hq.stations_overview(self.ctx)
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        self.model.set_stations(summaries, self._districts, self.clock(), self.overdue_spin.value())
        if selected is not None:
            self.select_code(selected)
        self._show_summary()
        self._update_buttons()

    def _on_overdue_days(self, days: int) -> None:
        try:
            sync_hq.set_overdue_days(self.ctx, days)
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
        selected = self.selected_code()
        self.model.set_overdue_days(days)
        if selected is not None:
            self.select_code(selected)
        self._show_summary()

    def _show_summary(self) -> None:
        rows = self.model.rows()
        self.empty_label.setVisible(not rows)
        self.view.setVisible(bool(rows))
        attention = [r.attention for r in rows]
        self.summary_label.setText(
            self.tr(
                "Stations enrolled: {total} · overdue: {overdue} · waiting for missing bundles: "
                "{gap} · no bundle yet: {never} · revoked: {revoked} · as of {now}"
            ).format(
                total=format_count(len(rows)),
                overdue=format_count(attention.count(OVERDUE)),
                gap=format_count(attention.count(GAP)),
                never=format_count(attention.count(NEVER)),
                revoked=format_count(attention.count(REVOKED)),
                now=format_datetime(self.clock()),
            )
        )

    def selected_code(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(CODE_ROLE)) if rows else None

    def selected_summary(self) -> StationSummary | None:
        code = self.selected_code()
        return next((r.summary for r in self.model.rows() if r.summary.code == code), None)

    def select_code(self, code: str) -> bool:
        row = self.model.row_for(code)
        if row < 0:
            return False
        select_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)))
        return True

    def _update_buttons(self) -> None:
        summary = self.selected_summary()
        self.reenroll_button.setEnabled(summary is not None)
        self.revoke_button.setEnabled(
            summary is not None and summary.key_status != StationKeyState.REVOKED
        )
        self.discard_button.setEnabled(summary is not None and bool(summary.held))

    def _station_label(self, code: str) -> str:
        station = self._stations.get(code)
        name = station.name if station else code
        return self.tr("{name} ({code})").format(name=name, code=code)

    # ------------------------------------------------------------------ actions

    def import_bundles(self) -> None:
        names = {code: st.name for code, st in self._stations.items()}
        dialog = ImportDialog(self.ctx, names, self)
        dialogs.run_once(dialog)
        changed = dialog.records_changed
        self.refresh()
        if changed:
            self.announce(Changes.STATIONS | Changes.RECORDS | Changes.CONFLICTS)

    def write_hotlist(self) -> None:
        folder = dialogs.choose_folder(
            self,
            self.tr("Folder or USB stick for the hotlist"),
            settings.last_folder(HOTLIST_FOLDER) or Path.home(),
        )
        if folder is None:
            return
        settings.remember_folder(HOTLIST_FOLDER, folder)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = hotlist.export_hotlist(self.ctx, folder)
        except DeskError as exc:
            self.banner.show_message(ERROR, str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.banner.show_message(
            SUCCESS,
            self.tr(
                "Hotlist {sequence} written to {path} (open thefts: {n} vehicles, {phones} "
                "handsets), valid until {until}. Give it to every station's desk (Sync page, "
                "Import hotlist)."
            ).format(
                sequence=written.sequence,
                path=written.path,
                n=format_count(written.entries),
                phones=format_count(written.phones),
                until=format_datetime(written.expires_at),
            ),
        )

    def enroll_station(self) -> None:
        enrolled = [r.summary.code for r in self.model.rows()]
        station = pick_station(self, list(self._stations.values()), enrolled)
        if station is not None:
            self._write_enrollment(station.code)

    def reenroll_selected(self) -> None:
        code = self.selected_code()
        if code is not None:
            self._write_enrollment(code)

    def _write_enrollment(self, code: str) -> None:
        folder = settings.last_folder(ENROLLMENT_FOLDER) or Path.home()
        suggested = folder / f"enroll-{code}-{to_local(self.clock()):%Y%m%d}.cplcenroll"
        path = dialogs.choose_save_file(
            self,
            self.tr("Save the enrollment file for {station}").format(
                station=self._station_label(code)
            ),
            suggested,
            self.tr("Enrollment files (*.cplcenroll)"),
        )
        if path is None:
            return
        settings.remember_folder(ENROLLMENT_FOLDER, path.parent)
        said = self.tr(
            "The enrollment file for {station} is written to {path}. Take it to the station's "
            "desk and enroll from it on its Sync page within {days} days; then delete it. It "
            "holds a secret: hand it over yourself, do not e-mail it."
        )
        if self._act(
            lambda: sync_hq.enroll_station(self.ctx, code, path),
            lambda written: said.format(
                station=self._station_label(code),
                path=written,
                days=format_count(sync_hq.ENROLLMENT_DAYS),
            ),
        ):
            self.select_code(code)

    def revoke_selected(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        station = self._station_label(code)
        if not dialogs.confirm(
            self,
            self.tr("Revoke station"),
            self.tr(
                "Revoke {station}? Its bundles are refused from now on, until headquarters "
                "enrolls it again. Records already imported stay."
            ).format(station=station),
        ):
            return
        said = self.tr(
            "{station} is revoked (keys withdrawn: {n}). Its bundles are refused until it is "
            "enrolled again."
        )
        self._act(
            lambda: sync_hq.revoke_station(self.ctx, code),
            lambda revoked: said.format(station=station, n=format_count(revoked)),
        )

    def discard_held_selected(self) -> None:
        """Remove one of the selected station's waiting bundles, asked which and asked again."""
        summary = self.selected_summary()
        if summary is None or not summary.held:
            return
        station = self._station_label(summary.code)
        numbers = [str(n) for n in summary.held]
        chosen = (
            numbers[0]
            if len(numbers) == 1
            else dialogs.choose_item(
                self,
                self.tr("Discard waiting bundle"),
                self.tr("Which waiting bundle of {station}?").format(station=station),
                numbers,
            )
        )
        if chosen is None or not dialogs.confirm(
            self,
            self.tr("Discard waiting bundle"),
            self.tr(
                "Remove bundle {seq} of {station}, which waits for earlier bundles? Do this only "
                "when the import said it differs from another copy and the station confirmed "
                "that copy is the right one; then import the right copy."
            ).format(seq=chosen, station=station),
        ):
            return
        said = self.tr("Bundle {seq} of {station} was removed; import the right copy now.")
        self._act(
            lambda: sync_hq.discard_held(self.ctx, summary.code, int(chosen)),
            lambda _none: said.format(seq=chosen, station=station),
        )
