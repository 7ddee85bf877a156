"""Message boxes, confirmations and modal runs, each behind one small function.

Widgets call these through the module (``dialogs.show_error(...)``), never ``QMessageBox``
directly, so tests can replace them: a real modal ``exec()`` under a test runner waits forever
for a click that never comes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


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


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def run_modal(dialog: QDialog) -> int:
    """Run a dialog modally; returns its result code (``QDialog.DialogCode``)."""
    return dialog.exec()
