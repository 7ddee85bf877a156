"""How the desk's tables are set up: tables of records (rows chosen whole, one at a time, never
edited in place, each on one line, without row numbers) and reports (rows to read, their long
text wrapped)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_rows(view: QTableView, fit_columns: bool = True) -> None:
    """Set ``view`` up as a table to choose one row from; ``fit_columns``: each column as wide
    as its contents, the last taking the rest of the width."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    if fit_columns:
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)


def report_rows(view: QTableView, stretch: int) -> None:
    """Set ``view`` up as a report to read: rows chosen whole, never edited, shaded in turn,
    without row numbers, text wrapped; each column as wide as its contents but ``stretch``,
    which takes the rest of the width (the column whose text says what to do: wrapped, never
    cut off)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.sectionResized.connect(lambda *_: view.resizeRowsToContents())


def select_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """Make ``index``'s row the only one chosen in ``view``, and current, scrolled into sight."""
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)
