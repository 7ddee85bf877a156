"""The receipt as it will come out of the printer, before it is sent.

The volunteer sees the page (drawn from the very PDF that is printed), the paper it is laid out
for (an A5 sheet or the 80 mm roll, changeable here), the printer it goes to, and whether it
will be marked COPY; then prints it through the system's print dialog, or saves it as a PDF.
Nothing counts as printed until it was sent: closing the preview, cancelling the print dialog
or a printer that would not start leave no trace (the caller records what :attr:`sent` says).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.gui.widgets import dialogs, receipt_printing
from cplc_desk.gui.widgets.field_parts import ERROR_STYLE
from cplc_desk.gui.widgets.layouts import stack
from cplc_desk.sync.files import write_atomically

translate = QCoreApplication.translate
PREVIEW_DPI = 96
PRINTED = "printed"
SAVED = "saved"


def paper_choices(combo: QComboBox) -> None:
    """The two papers a desk prints on, in the words used everywhere."""
    combo.addItem(translate("ReceiptPanel", "A5 sheet"), "a5")
    combo.addItem(translate("ReceiptPanel", "80 mm receipt roll"), "80mm")


class ReceiptPreviewDialog(QDialog):
    """``render(paper)`` gives the receipt's PDF laid out for that paper. After the dialog:
    :attr:`sent` is PRINTED, SAVED or empty; :attr:`paper` the paper it went out on;
    :attr:`saved_to` the file, when saved."""

    def __init__(
        self,
        parent: QWidget | None,
        render: Callable[[str], bytes],
        number: str,
        paper: str,
        copy: bool,
        suggested: Path,
    ) -> None:
        super().__init__(parent)
        self._render = render
        self._number = number
        self._suggested = suggested
        self.sent = ""
        self.paper = paper
        self.saved_to: Path | None = None
        self.pdf = b""
        self.setWindowTitle(self.tr("Receipt {number}: print preview").format(number=number))

        self.paper_combo = QComboBox()
        paper_choices(self.paper_combo)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))
        paper_label = QLabel(self.tr("Pape&r:"))
        paper_label.setBuddy(self.paper_combo)
        printer = receipt_printing.default_printer_name()
        self.printer_label = QLabel(
            self.tr("Printer: {name} (another can be chosen when you print)").format(name=printer)
            if printer
            else self.tr("No printer is set up on this computer: save the receipt as a PDF.")
        )
        self.printer_label.setWordWrap(True)
        self.copy_label = QLabel(
            self.tr("A receipt for {number} went out before: this one is marked COPY.").format(
                number=number
            )
        )
        self.copy_label.setVisible(copy)
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_label.setStyleSheet("background: palette(mid); padding: 12px;")
        scroll = QScrollArea()
        scroll.setWidget(self.page_label)
        scroll.setWidgetResizable(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.hide()

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PD&F…"))
        self.close_button = QPushButton(self.tr("Close"))
        top = stack(QHBoxLayout(), paper_label, self.paper_combo, (self.printer_label, 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        stack(QVBoxLayout(self), top, self.copy_label, (scroll, 1), self.problem_label, buttons)

        self.paper_combo.currentIndexChanged.connect(self._paper_changed)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_receipt)
        self.close_button.clicked.connect(self.reject)
        self._show_pages()
        self._size_to_screen()

    def _paper_changed(self) -> None:
        self.paper = str(self.paper_combo.currentData())
        self._show_pages()

    def _show_pages(self) -> None:
        self.pdf = self._render(self.paper)
        images = receipt_printing.page_images(self.pdf, PREVIEW_DPI * self.devicePixelRatioF())
        pixmap = QPixmap.fromImage(images[0])
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.page_label.setPixmap(pixmap)

    def _size_to_screen(self) -> None:
        """Wide enough for the whole A5 page beside nothing else, as tall as the screen allows."""
        metrics = self.fontMetrics()
        page = QSize(round(148 / 25.4 * PREVIEW_DPI), round(210 / 25.4 * PREVIEW_DPI))
        # The page's grey surround (12 px each side), a scroll bar and the dialog's margins.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 24 + scroll_bar + metrics.averageCharWidth() * 6
        wanted = QSize(
            max(page.width() + frame, metrics.averageCharWidth() * 80),
            page.height() + metrics.lineSpacing() * 8,
        )
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableSize()
            wanted = wanted.boundedTo(
                QSize(available.width() * 9 // 10, available.height() * 9 // 10)
            )
        self.resize(wanted)

    def print_receipt(self) -> None:
        title = self.tr("Receipt {number}").format(number=self._number)
        outcome = receipt_printing.print_pdf(self, self.pdf, title)
        if outcome == receipt_printing.PRINTED:
            self.sent = PRINTED
            self.accept()
        elif outcome == receipt_printing.FAILED:
            self._problem(
                self.tr(
                    "The printer could not print the receipt: check that it is on and has "
                    "paper, then print again, or save the receipt as a PDF."
                )
            )

    def save_receipt(self) -> None:
        path = receipt_printing.save_pdf_path(self, self.tr("Save receipt as PDF"), self._suggested)
        if path is None:
            return
        try:
            write_atomically(path, self.pdf)  # the citizen's name: this account's only
        except OSError as exc:
            self._problem(
                self.tr("The receipt could not be saved: {reason}").format(
                    reason=exc.strerror or str(exc)
                )
            )
            return
        self.sent, self.saved_to = SAVED, path
        self.accept()

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.show()


def run(dialog: ReceiptPreviewDialog) -> None:
    """Show the preview until it is closed (tests replace this: it would wait for a click)."""
    dialogs.run_modal(dialog)
