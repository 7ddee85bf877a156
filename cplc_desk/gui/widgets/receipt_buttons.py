"""The receipt buttons shared by every dialog that gives a citizen a receipt (the complaint
form's confirmation, a complaint's own window, the vehicle form and a vehicle report's window,
and a phone report's dialog through ``PHONE_RECEIPTS``):
the paper, "Print receipt…" (through the preview) and "Save receipt as PDF…".

The service makes the receipt's data ready (``copy`` when one went out before); ReportLab turns
it into the PDF; :mod:`receipt_preview` shows it and sends it to the printer, or
:mod:`receipt_printing` writes it to a file. Only then is it recorded as printed, on the worker
like every other service call: a print that failed or was cancelled never turns the citizen's
first real receipt into a COPY.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.shell.settings import desk_settings, last_folder, remember_folder
from cplc_desk.gui.widgets import receipt_preview, receipt_printing
from cplc_desk.gui.widgets.field_parts import ERROR_STYLE
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.services.complaints import receipts
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import receipts as phone_receipts
from cplc_desk.services.vehicles import vehicles
from cplc_desk.sync.files import write_atomically

PAPER_KEY = "receipts/paper"
FOLDER_PURPOSE = "receipts"

Renderer = Callable[[Any, str], bytes]


@dataclass(frozen=True)
class ReceiptSource:
    """One kind of record's receipts: made ready, and recorded once sent."""

    prepare: Callable[[DeskContext, str], Any]  # (desk, record id) -> the receipt's data
    record: Callable[[DeskContext, Any, str], bool]  # (desk, data, paper) -> it was a reprint


COMPLAINT_RECEIPTS = ReceiptSource(receipts.prepare_receipt, receipts.record_printed)
VEHICLE_RECEIPTS = ReceiptSource(vehicles.prepare_receipt, vehicles.record_printed)
PHONE_RECEIPTS = ReceiptSource(phone_receipts.prepare_receipt, phone_receipts.record_printed)


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


class ReceiptPanel(QWidget):
    """``receipts`` lists the data of each receipt sent to a printer or saved from here."""

    def __init__(
        self,
        ctx: DeskContext,
        jobs: OperationRunner,
        parent: QWidget | None = None,
        source: ReceiptSource = COMPLAINT_RECEIPTS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._jobs = jobs
        self._source = source
        self._busy = False
        self.receipts: list[Any] = []
        self.record_id = ""
        self.number = ""

        self.paper_combo = QComboBox()
        receipt_preview.paper_choices(self.paper_combo)
        self.paper_combo.setToolTip(self.tr("The paper in this desk's printer"))
        saved = desk_settings().value(PAPER_KEY, "a5")
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(str(saved))))
        self.print_button = QPushButton(self.tr("&Print receipt…"))
        self.print_button.setToolTip(self.tr("See the receipt, then print it"))
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

    def set_record(self, record_id: str, number: str) -> None:
        self.record_id, self.number = record_id, number

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def _remember_paper(self) -> None:
        desk_settings().setValue(PAPER_KEY, self.paper())

    def _suggested_path(self) -> Path:
        folder = last_folder(FOLDER_PURPOSE) or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        name = receipt_printing.safe_file_name(
            self.tr("Receipt {number}").format(number=self.number)
        )
        return folder / f"{name}.pdf"

    # ------------------------------------------------------------------ print / save

    def print_receipt(self) -> None:
        """Make the receipt ready (on the worker), then show it; recorded once it was sent."""
        renderer = self._renderer()
        if renderer is None or not self.record_id:
            return
        ctx, record_id, prepare = self.ctx, self.record_id, self._source.prepare
        self._set_busy(True)
        self._jobs.submit(
            lambda: prepare(ctx, record_id),
            lambda data: self._preview(data, renderer),
            self._on_failed,
        )

    def _preview(self, data: object, renderer: Renderer) -> None:
        self._set_busy(False)
        dialog = receipt_preview.ReceiptPreviewDialog(
            self.window(),
            lambda paper: renderer(data, paper),
            self.number,
            self.paper(),
            bool(getattr(data, "copy", False)),
            self._suggested_path(),
        )
        try:
            receipt_preview.run(dialog)
        finally:
            dialog.deleteLater()
        if not dialog.sent:
            self._show_status(self.tr("Not printed: the receipt was not counted as given out."))
            return
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(dialog.paper)))
        if dialog.saved_to is not None:
            remember_folder(FOLDER_PURPOSE, dialog.saved_to.parent)
        self._record(data, dialog.paper, dialog.saved_to)

    def save_receipt(self) -> None:
        renderer = self._renderer()
        if renderer is None or not self.record_id:
            return
        path = receipt_printing.save_pdf_path(
            self.window(), self.tr("Save receipt as PDF"), self._suggested_path()
        )
        if path is None:
            return
        ctx, record_id, layout, source = self.ctx, self.record_id, self.paper(), self._source

        def work() -> object:
            data = source.prepare(ctx, record_id)
            write_atomically(path, renderer(data, layout))  # the citizen's: this account's only
            source.record(ctx, data, layout)  # a file that could not be written is no receipt
            return data

        self._set_busy(True)

        def saved(data: object) -> None:
            remember_folder(FOLDER_PURPOSE, path.parent)
            self._on_recorded(data, path)

        self._jobs.submit(work, saved, self._on_failed)

    def _record(self, data: object, paper: str, saved_to: Path | None) -> None:
        ctx, source = self.ctx, self._source
        self._set_busy(True)
        self._jobs.submit(
            lambda: source.record(ctx, data, paper),
            lambda _copy: self._on_recorded(data, saved_to),
            self._on_failed,
        )

    def _renderer(self) -> Renderer | None:
        renderer = load_renderer()
        if renderer is None:
            self._show_status(
                self.tr("This version of CPLC Desk cannot make receipts yet."), error=True
            )
        return renderer

    def _on_recorded(self, data: object, saved_to: Path | None) -> None:
        self._set_busy(False)
        self.receipts.append(data)
        number = cast(str, getattr(data, "number", self.number))
        if saved_to is not None:
            text = self.tr("Receipt {number} was saved to {path}.").format(
                number=number, path=str(saved_to)
            )
        else:
            text = self.tr("Receipt {number} was sent to the printer.").format(number=number)
        if getattr(data, "copy", False):
            text += " " + self.tr("It is marked COPY: a receipt for it went out before.")
        self._show_status(text)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DeskError | FieldError):
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
