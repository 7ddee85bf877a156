"""The receipt buttons shared by the complaint form's confirmation and the complaint's own window:
paper size, "Print receipt" and "Save receipt as PDF".

Each print goes through the service, which records it (a second print comes back marked as a
copy) and hands back the receipt's data; ReportLab turns that into the PDF, and
:mod:`receipt_printing` gets it to the printer or into a file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.shell.settings import desk_settings, last_folder, remember_folder
from cplc_desk.gui.widgets import receipt_printing
from cplc_desk.gui.widgets.field_parts import ERROR_STYLE
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.services.complaints import receipts
from cplc_desk.services.complaints.receipts import ReceiptData
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.sync.files import write_atomically

PAPER_KEY = "receipts/paper"
FOLDER_PURPOSE = "receipts"

Renderer = Callable[[ReceiptData, str], bytes]


def load_renderer() -> Renderer | None:
    """``cplc_desk.printing.receipt.render_receipt``, or None in a build without it."""
    try:
        module = importlib.import_module("cplc_desk.printing.receipt")
    except ModuleNotFoundError as exc:
        if exc.name in ("cplc_desk.printing.receipt", "cplc_desk.printing"):
            return None
        raise
    renderer: Renderer | None = getattr(module, "render_receipt", None)
    return renderer


def issue_and_render(
    ctx: DeskContext, complaint_id: str, layout: str, renderer: Renderer
) -> tuple[ReceiptData, bytes]:
    data = receipts.issue_receipt(ctx, complaint_id, layout)
    return data, renderer(data, layout)


class ReceiptPanel(QWidget):
    """``receipts`` lists the ReceiptData of each receipt printed or saved from here."""

    def __init__(
        self, ctx: DeskContext, jobs: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._jobs = jobs
        self._busy = False
        self.receipts: list[ReceiptData] = []
        self.complaint_id = ""
        self.number = ""

        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A5 sheet"), "a5")
        self.paper_combo.addItem(self.tr("80 mm receipt roll"), "80mm")
        self.paper_combo.setToolTip(self.tr("The paper in this desk's printer"))
        saved = desk_settings().value(PAPER_KEY, "a5")
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(str(saved))))
        self.print_button = QPushButton(self.tr("&Print receipt"))
        self.save_button = QPushButton(self.tr("Save receipt as PD&F…"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()

        paper_label = QLabel(self.tr("Pape&r:"))
        paper_label.setBuddy(self.paper_combo)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(paper_label)
        row.addWidget(self.paper_combo)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status_label)

        self.paper_combo.currentIndexChanged.connect(self._remember_paper)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_receipt)

    def set_complaint(self, complaint_id: str, number: str) -> None:
        self.complaint_id, self.number = complaint_id, number

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def _remember_paper(self) -> None:
        desk_settings().setValue(PAPER_KEY, self.paper())

    # ------------------------------------------------------------------ print / save

    def print_receipt(self) -> None:
        renderer = self._renderer()
        if renderer is None or not self.complaint_id:
            return
        ctx, complaint_id, layout = self.ctx, self.complaint_id, self.paper()
        self._set_busy(True)
        self._jobs.submit(
            lambda: issue_and_render(ctx, complaint_id, layout, renderer),
            self._on_printable,
            self._on_failed,
        )

    def save_receipt(self) -> None:
        renderer = self._renderer()
        if renderer is None or not self.complaint_id:
            return
        folder = last_folder(FOLDER_PURPOSE) or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        name = receipt_printing.safe_file_name(
            self.tr("Receipt {number}").format(number=self.number)
        )
        path = receipt_printing.save_pdf_path(
            self.window(), self.tr("Save receipt as PDF"), folder / f"{name}.pdf"
        )
        if path is None:
            return
        ctx, complaint_id, layout = self.ctx, self.complaint_id, self.paper()

        def work() -> tuple[ReceiptData, Path]:
            data, pdf = issue_and_render(ctx, complaint_id, layout, renderer)
            write_atomically(path, pdf)  # the citizen's name and complaint: this account's only
            return data, path

        self._set_busy(True)
        self._jobs.submit(work, self._on_saved, self._on_failed)

    def _renderer(self) -> Renderer | None:
        renderer = load_renderer()
        if renderer is None:
            self._show_status(
                self.tr("This version of CPLC Desk cannot make receipts yet."), error=True
            )
        return renderer

    def _on_printable(self, result: object) -> None:
        self._set_busy(False)
        data, pdf = cast("tuple[ReceiptData, bytes]", result)
        self.receipts.append(data)
        title = self.tr("Receipt {number}").format(number=data.number)
        outcome = receipt_printing.print_pdf(self.window(), pdf, title)
        copy = (
            " " + self.tr("It is marked COPY: this complaint's receipt was printed before.")
            if data.copy
            else ""
        )
        if outcome == receipt_printing.PRINTED:
            self._show_status(
                self.tr("Receipt {number} was sent to the printer.").format(number=data.number)
                + copy
            )
        elif outcome == receipt_printing.OPENED_IN_VIEWER:
            self._show_status(
                self.tr(
                    "Receipt {number} opened in the PDF viewer: print it from there (Ctrl+P)."
                ).format(number=data.number)
                + copy
            )
        elif outcome == receipt_printing.CANCELLED:
            self._show_status(self.tr("Printing was cancelled."))

    def _on_saved(self, result: object) -> None:
        self._set_busy(False)
        data, path = cast("tuple[ReceiptData, Path]", result)
        remember_folder(FOLDER_PURPOSE, path.parent)
        self.receipts.append(data)
        text = self.tr("Receipt {number} was saved to {path}.").format(
            number=data.number, path=str(path)
        )
        if data.copy:
            text += " " + self.tr("It is marked COPY: this complaint's receipt was made before.")
        self._show_status(text)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ServiceError | FieldError):
            self._show_status(str(exc), error=True)
        elif isinstance(exc, OSError):
            self._show_status(
                self.tr("The receipt could not be saved: {reason}").format(
                    reason=exc.strerror or str(exc)
                ),
                error=True,
            )
        else:
            raise exc

    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.print_button, self.save_button, self.paper_combo):
            widget.setEnabled(not busy)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)
        self.status_label.show()
