"""The 13-month trend: one line per chosen category, the oldest month on the left.

Drawn with pyqtgraph (Qt Charts is deprecated). Time runs left to right in both languages, so the
plot keeps a left-to-right layout inside an Urdu window; the list of categories beside it follows
the window's direction. Each line has its own colour and its own marker, so lines are told apart
without colour too.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cplc_desk.domain.statistics import TrendSeries

CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
# Okabe and Ito's colours, told apart by people with the common colour-vision deficiencies.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
MARKERS = ("o", "s", "t", "d", "+", "x", "star")
FIRST_CHOSEN = 3  # categories drawn when a report arrives


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: dict[str, TrendSeries] = {}
        self.category_list = QListWidget()
        self.category_list.setAccessibleName(self.tr("Categories drawn"))
        self.category_list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().getAxis("left").setTextPen("k")
        self.plot.getPlotItem().getAxis("bottom").setTextPen("k")
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextColor="k")
        side = QVBoxLayout()
        side.addWidget(self.category_list)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.plot, 1)
        self.category_list.itemChanged.connect(lambda _item: self.redraw())

    def set_series(self, series: tuple[TrendSeries, ...], names: dict[str, str]) -> None:
        """Offer each category; draw the first few that had anything in the 13 months."""
        self.series = {s.category: s for s in series}
        self.category_list.blockSignals(True)
        self.category_list.clear()
        chosen = 0
        for s in series:
            item = QListWidgetItem(names.get(s.category, s.category))
            item.setData(CATEGORY_ROLE, s.category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            busy = any(s.counts) and chosen < FIRST_CHOSEN
            chosen += busy
            item.setCheckState(Qt.CheckState.Checked if busy else Qt.CheckState.Unchecked)
            self.category_list.addItem(item)
        self.category_list.blockSignals(False)
        self.redraw()

    def chosen(self) -> list[str]:
        items = (self.category_list.item(i) for i in range(self.category_list.count()))
        return [
            str(item.data(CATEGORY_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def choose(self, categories: list[str]) -> None:
        for i in range(self.category_list.count()):
            item = self.category_list.item(i)
            on = item.data(CATEGORY_ROLE) in categories
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def redraw(self) -> None:
        self.plot.clear()
        self.legend.clear()
        names = {
            str(self.category_list.item(i).data(CATEGORY_ROLE)): self.category_list.item(i).text()
            for i in range(self.category_list.count())
        }
        months: tuple[str, ...] = ()
        for n, code in enumerate(self.chosen()):
            s = self.series[code]
            months = s.months
            colour = QColor(COLOURS[n % len(COLOURS)])
            self.plot.plot(
                list(range(len(s.counts))),
                list(s.counts),
                pen=pg.mkPen(colour, width=2),
                symbol=MARKERS[n % len(MARKERS)],
                symbolBrush=colour,
                symbolPen=colour,
                name=names.get(code, code),
            )
        # Month labels as month/year, the same way the month boxes read.
        ticks = [(i, f"{m[5:7]}/{m[2:4]}") for i, m in enumerate(months)]
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])
        self.plot.setYRange(0, max([1] + [max(self.series[c].counts) for c in self.chosen()]))
