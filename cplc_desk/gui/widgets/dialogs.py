"""Message boxes, confirmations, file choosers and modal runs, each behind one small function;
and the OK and Cancel row of the desk's own dialogs.

Widgets call these through the module (``dialogs.show_error(...)``), never ``QMessageBox``
directly, so tests can replace them: a real modal ``exec()`` under a test runner waits forever
for a click that never comes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_information(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """True if the person answered Yes. No is the default, so a stray Enter changes nothing."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    """One of ``items`` the person picked, or None if they cancelled."""
    chosen, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return chosen if ok else None


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def run_modal(dialog: QDialog) -> int:
    """Run a dialog modally; returns its result code (``QDialog.DialogCode``)."""
    return dialog.exec()


def run_once(dialog: QDialog) -> int:
    """Run ``dialog`` modally, then let Qt delete it (its Python attributes stay readable until
    the event loop runs again); the result, as :func:`run_modal`."""
    try:
        return run_modal(dialog)
    finally:
        dialog.deleteLater()


def choose_folder(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    """A folder the person picked (a USB stick, say), or None if they cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start or ""))
    return Path(chosen) if chosen else None


def choose_file(
    parent: QWidget | None, title: str, name_filter: str, start: Path | None = None
) -> Path | None:
    """One existing file to open, or None if the person cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start or ""), name_filter)
    return Path(chosen) if chosen else None


def choose_files(
    parent: QWidget | None, title: str, name_filter: str, start: Path | None = None
) -> list[Path]:
    """Existing files to open; empty if the person cancelled."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start or ""), name_filter)
    return [Path(name) for name in chosen]


def choose_save_file(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str
) -> Path | None:
    """Where to write a new file (the dialog asks before replacing one), or None."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(chosen) if chosen else None


def size_in_text(widget: QWidget, chars: int, lines: int) -> None:
    """Size ``widget`` in text units (``chars`` average characters wide, ``lines`` lines high),
    never below what it needs, so a larger font or a longer translation still fits."""
    metrics = widget.fontMetrics()
    widget.resize(
        widget.sizeHint().expandedTo(
            QSize(metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines)
        )
    )


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK (called ``ok_text`` if given) accepting ``dialog``, and Cancel rejecting it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button rejecting ``dialog`` (a dialog that only shows something)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons
