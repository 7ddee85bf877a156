"""The Overview page: who this desk is, how many records it holds, and what each area is for."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.enums import ComplaintStatus, VehicleReportKind, VehicleReportStatus
from cplc_desk.gui.shell.areas import OVERVIEW, areas
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.count_widgets import (
    CountTable,
    CountTile,
    align_columns,
    format_count,
)
from cplc_desk.gui.widgets.page_heading import page_layout, scroll_into
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.stats import StoreStats, store_stats

# Complaints still waiting for something to happen: the desk's work list.
OPEN_COMPLAINT_STATUSES = frozenset(
    {
        ComplaintStatus.REGISTERED,
        ComplaintStatus.REFERRED,
        ComplaintStatus.FIR_LODGED,
        ComplaintStatus.ACTION_TAKEN,
        ComplaintStatus.UNDER_FOLLOW_UP,
    }
)

TOP_STATIONS = 5
OTHER_STATIONS = "*other*"


class OverviewPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stations = {st.code: st for st in reference.stations(ctx)}

        self.title_label = emphasise(QLabel(), 1.6)
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)

        self.complaints_tile = CountTile(self.tr("Complaints"), self.tr("all registered"))
        self.open_complaints_tile = CountTile(
            self.tr("Open complaints"), self.tr("waiting for action or follow-up")
        )
        self.vehicles_tile = CountTile(self.tr("Vehicle reports"), self.tr("all kinds"))
        self.open_vehicles_tile = CountTile(
            self.tr("Open vehicle reports"), self.tr("not yet recovered or matched")
        )
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in (
            self.complaints_tile,
            self.open_complaints_tile,
            self.vehicles_tile,
            self.open_vehicles_tile,
        ):
            tiles.addWidget(tile, 1)

        self.complaints_by_status = CountTable(self.tr("Complaints by status"))
        self.vehicles_by_kind = CountTable(self.tr("Vehicle reports by kind"))
        self.vehicles_by_status = CountTable(self.tr("Vehicle reports by status"))
        self.complaints_by_station = CountTable(self.tr("Complaints by police station"))
        vehicles_column = QVBoxLayout()
        vehicles_column.addWidget(self.vehicles_by_kind)
        vehicles_column.addWidget(self.vehicles_by_status)
        tables = QGridLayout()
        tables.setSpacing(12)
        tables.addWidget(self.complaints_by_status, 0, 0)
        tables.addLayout(vehicles_column, 0, 1)
        tables.addWidget(self.complaints_by_station, 1, 0)
        tables.addWidget(self._areas_box(), 1, 1)
        tables.setColumnStretch(0, 1)
        tables.setColumnStretch(1, 1)

        content = QWidget()
        layout = page_layout(content)
        layout.addWidget(self.title_label)
        layout.addWidget(self.identity_label)
        layout.addLayout(tiles)
        layout.addWidget(self.empty_label)
        layout.addLayout(tables)
        layout.addStretch(1)

        scroll_into(self, content)

        self._show_identity()

    def _areas_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What each area is for"))
        grid = QGridLayout(box)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(10)
        icon_size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        identity = self.ctx.identity()
        headquarters = identity is not None and not identity.is_station
        for row, area in enumerate(a for a in areas(headquarters) if a.key != OVERVIEW):
            icon = QLabel()
            icon.setPixmap(self.style().standardIcon(area.icon).pixmap(icon_size))
            title = emphasise(QLabel(area.title))
            purpose = QLabel(area.purpose)
            purpose.setWordWrap(True)
            grid.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(title, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(purpose, row, 2)
        return box

    def _show_identity(self) -> None:
        identity = self.ctx.identity()
        if identity is None:
            self.title_label.setText(self.tr("This desk is not set up"))
            self.identity_label.clear()
            self.empty_label.setText(self.tr("No records yet."))
            return
        self.title_label.setText(identity.name)
        # Headquarters does not register records itself; they arrive from the stations.
        self.empty_label.setText(
            self.tr("No records yet. Register the first complaint on the Complaints page.")
            if identity.is_station
            else self.tr(
                "No records yet. They arrive when station desks' bundles are imported on the "
                "Stations page."
            )
        )
        station = self._stations.get(identity.code) if identity.is_station else None
        if station is not None:
            self.identity_label.setText(
                self.tr(
                    "{kind} · {station} police station ({code}) · District {district} · {zone} Zone"
                ).format(
                    kind=names.desk_kind(identity.kind),
                    station=station.name,
                    code=station.code,
                    district=station.district_name,
                    zone=station.zone_name,
                )
            )
        else:
            self.identity_label.setText(
                self.tr("{kind} ({code}) · merges the records of every station desk").format(
                    kind=names.desk_kind(identity.kind), code=identity.code
                )
            )

    def refresh(self, stats: StoreStats | None = None) -> None:
        """Show fresh counts; pass ``stats`` when the caller already loaded them."""
        stats = stats or store_stats(self.ctx)
        complaints, vehicles = stats.complaints, stats.vehicle_reports
        self.complaints_tile.set_value(complaints.total)
        self.open_complaints_tile.set_value(
            sum(n for code, n in complaints.by_status.items() if code in OPEN_COMPLAINT_STATUSES)
        )
        self.vehicles_tile.set_value(vehicles.total)
        self.open_vehicles_tile.set_value(vehicles.by_status.get(VehicleReportStatus.OPEN, 0))
        self.empty_label.setVisible(complaints.total + vehicles.total == 0)

        self.complaints_by_status.set_counts(
            _rows(list(ComplaintStatus), complaints.by_status, names.complaint_status)
        )
        self.vehicles_by_kind.set_counts(
            _rows(list(VehicleReportKind), vehicles.by_kind, names.vehicle_report_kind)
        )
        self.vehicles_by_status.set_counts(
            _rows(list(VehicleReportStatus), vehicles.by_status, names.vehicle_report_status)
        )
        self.complaints_by_station.set_counts(self._station_rows(complaints.by_station))
        align_columns(
            (
                self.complaints_by_status,
                self.complaints_by_station,
                self.vehicles_by_kind,
                self.vehicles_by_status,
            )
        )

    def _station_name(self, code: str) -> str:
        station = self._stations.get(code)
        return station.name if station else code

    def _station_rows(self, counts: dict[str, int]) -> list[tuple[str, str, int]]:
        """The busiest stations, then the rest added up, so the list stays short at HQ too."""
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        rows = [
            (
                code,
                self.tr("{name} ({code})").format(name=self._station_name(code), code=code),
                n,
            )
            for code, n in ranked[:TOP_STATIONS]
        ]
        rest = ranked[TOP_STATIONS:]
        if rest:
            rows.append(
                (
                    OTHER_STATIONS,
                    self.tr("{n} other stations").format(n=format_count(len(rest))),
                    sum(n for _, n in rest),
                )
            )
        return rows


def _rows(
    known: Iterable[str], counts: dict[str, int], name_of: Callable[[str], str]
) -> list[tuple[str, str, int]]:
    """Every known code in workflow order (zeros included, so the list does not jump about),
    then any code this version does not know, e.g. one merged from a newer desk."""
    codes = [str(code) for code in known]
    codes += sorted(code for code in counts if code not in codes)
    return [(code, name_of(code), counts.get(code, 0)) for code in codes]
