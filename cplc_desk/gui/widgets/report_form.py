"""What the vehicle and phone report forms share after their boxes: the draft kept as the
volunteer types and offered back after a crash or power cut, Save's failures shown in their boxes
or the banner, a recovery's look for its theft report and the match dialog's answer in words, the
page saying what was registered with the owner's receipt, and Record another.

The dialog is built in one order for every kind (``__init__``): the fields, the form page and
the done page, the connections, an empty form, its size, then the drafts. A subclass makes its
fields (``_make_fields``: what happened, ``kind()``, ``has_content()``, a draft's ``data()`` and
``load()``) and what goes around them (``_form_body``), and says its title, what its drafts are
offered with, what Save registers and how the candidates are looked for and shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from cplc_desk.domain.records import DraftErrors
from cplc_desk.domain.validation import FieldError
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.formats import format_datetime
from cplc_desk.gui.widgets.message_banner import ERROR
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import ReceiptPanel
from cplc_desk.gui.widgets.record_form import RecordFormDialog
from cplc_desk.gui.widgets.report_fields import ReportFields
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.desk.drafts import Draft
from cplc_desk.services.desk.records import Registered


class ReportFormDialog(RecordFormDialog):
    """``registered`` carries the new report's id once it is saved; ``matched`` the theft
    report's id when a recovery is matched to it; ``save_finished`` follows the whole save
    (registration, and for a recovery the look for its theft report)."""

    registered = Signal(str)
    matched = Signal(str)
    save_finished = Signal()

    # What the kind's drafts are kept under (services.desk.drafts).
    DRAFT_KIND: ClassVar[str]
    # The name of the form's worker thread, and how wide it opens (average characters).
    TASK_NAME: ClassVar[str]
    WIDTH_CHARS: ClassVar[int]

    fields: ReportFields
    outcome_label: QLabel
    receipt_panel: ReceiptPanel
    another_button: QPushButton
    close_button: QPushButton
    _jobs: OperationRunner

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, kind: str = "") -> None:
        """An empty form for a report of ``kind`` (none chosen if empty)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self._title())
        self.result_registered: Registered | None = None
        self.matched_theft_id: str | None = None
        self.candidates: list[Any] = []
        self._saving = False
        self._jobs = OperationRunner(self.TASK_NAME, self)
        self.fields = self._make_fields(ctx)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._report_form_page(self._form_body()))
        self.stack.addWidget(self._build_done_page())
        QVBoxLayout(self).addWidget(self.stack)
        self._connect()
        self.reset_form(kind)
        self._size_to_text(self.WIDTH_CHARS)
        self._start_drafts()

    def _title(self) -> str:
        raise NotImplementedError

    def _make_fields(self, ctx: DeskContext) -> ReportFields:
        raise NotImplementedError

    def _form_body(self) -> QWidget:
        """What the form page shows above its banner: the fields, and what goes under them."""
        return self.fields

    def _build_done_page(self) -> QWidget:
        raise NotImplementedError

    def _connect(self) -> None:
        """The window grows with the boxes' messages; Save, Cancel, Record another, Close."""
        self.fields.problems_shown.connect(lambda: QTimer.singleShot(0, self._fit_height))
        self._connect_buttons()

    def _report_form_page(self, body: QWidget) -> QWidget:
        """The form page: the fields (in ``body``, with what goes under them), the hint and Save
        report."""
        return self._form_page(
            self.fields,
            body,
            self.fields.last_field,
            self.tr("* must be filled in. Ctrl+S saves. Tab or Enter moves to the next box."),
            self.tr("Save report"),
        )

    def _start_drafts(self) -> None:
        """Keep what is typed as a draft from now on, and offer back the newest one left
        unsaved (called once the form is built)."""
        self._keep_drafts(self.DRAFT_KIND, self.fields.data, self.fields.has_content)
        self.offer_draft()

    def _size_to_text(self, chars: int) -> None:
        """``chars`` average characters wide and as tall as the form with room for a few
        messages: in text units, so a larger font or a longer translation still fits; within
        the screen."""
        metrics = self.fontMetrics()
        self._resize_within_screen(
            QSize(
                metrics.averageCharWidth() * chars,
                self.sizeHint().height() + metrics.lineSpacing() * 4,
            )
        )

    def _connect_buttons(self) -> None:
        """Save, Cancel, Record another, Close, and the save shortcuts."""
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.another_button.clicked.connect(self.start_another)
        self.close_button.clicked.connect(self.accept)
        self._add_save_shortcuts()

    def _report_done_page(self, heading: str, another: str) -> QWidget:
        """The page saying what was registered (``heading``), with the owner's receipt, Record
        another (``another``: its label) and Close."""
        page = QWidget()
        self.done_heading = emphasise(QLabel(heading), 1.3)
        self.number_label = emphasise(QLabel(), 1.8)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        self.receipt_panel = ReceiptPanel(self.ctx, self._jobs, source=self.fields.REPORTS.receipts)
        self.receipt_panel.print_button.setToolTip(
            self.tr("See the owner's receipt, then print it")
        )
        self.another_button = QPushButton(another)
        self.close_button = QPushButton(self.tr("Close"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_heading)
        layout.addWidget(QLabel(self.tr("Report number:")))
        layout.addWidget(self.number_label)
        layout.addWidget(self.outcome_label)
        layout.addStretch(1)
        layout.addWidget(self.receipt_panel)
        layout.addLayout(self._done_buttons(self.another_button, self.close_button))
        return page

    def _fit_height(self) -> None:
        """Grow to show every message in full (a window keeps its size unless told), within
        the screen."""
        wanted = self.sizeHint().height()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = min(wanted, int(screen.availableSize().height() * 0.95))
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _done_focus(self) -> QWidget:
        """Where the cursor goes once the report is registered."""
        return self.another_button

    # ------------------------------------------------------------------ drafts

    def offer_draft(self) -> bool:
        """Offer to continue the newest unsaved report of this kind; True if it was filled in."""
        title, filled = self._draft_words()
        return self._offer_draft(
            lambda newest: self._draft_question(format_datetime(newest.updated_at), newest),
            title,
            filled,
            self._load_draft,
        )

    def _draft_words(self) -> tuple[str, str]:
        """The offer's title, and what the status line says once the draft is filled in."""
        raise NotImplementedError

    def _draft_question(self, when: str, newest: Draft) -> str:
        """Whether to continue ``newest``, typed at ``when``: named by what identifies it."""
        raise NotImplementedError

    def _load_draft(self, data: dict[str, Any]) -> None:
        self.fields.load(data)

    # ------------------------------------------------------------------ after Save

    def _registered_text(self) -> str:
        """What a registered theft report now does, said once it is saved."""
        raise NotImplementedError

    def _find_candidates(self, ctx: DeskContext, report_id: str) -> list[Any]:
        """The open theft reports a recovery may be (on a worker)."""
        raise NotImplementedError

    def _no_candidates_text(self) -> str:
        raise NotImplementedError

    def _match_dialog(self, registered: Registered, found: list[Any]) -> QDialog:
        """The dialog showing ``found`` for the volunteer to confirm."""
        raise NotImplementedError

    def _number_of_candidate(self, candidate: Any) -> tuple[str, str]:
        """A candidate's theft report: its id and number."""
        raise NotImplementedError

    def _on_registered(self, result: object) -> None:
        assert isinstance(result, Registered)
        self.result_registered = result
        self.number_label.setText(result.number)
        self.registered.emit(result.id)
        if not self.fields.is_recovery():
            self._finish(self._registered_text())
            return
        self.status_label.setText(self.tr("Looking for the theft report…"))
        ctx, report_id = self.ctx, result.id
        self._jobs.submit(
            lambda: self._find_candidates(ctx, report_id),
            self._on_candidates,
            self._on_match_failed,
        )

    def _on_candidates(self, found: object) -> None:
        assert isinstance(found, list)
        self.candidates = found
        registered = self.result_registered
        assert registered is not None
        if not found:
            self._finish(self._no_candidates_text())
            return
        numbers = dict(self._number_of_candidate(c) for c in found)
        self._run_matches(
            self._match_dialog(registered, found),
            lambda theft_id: numbers.get(theft_id, theft_id),
        )

    def _run_matches(self, dialog: QDialog, number_of: Callable[[str], str]) -> None:
        """Show the candidates (``dialog``) and say what the volunteer decided."""
        matched: list[str] = []
        dialog.matched.connect(matched.append)  # type: ignore[attr-defined]
        dialogs.run_once(dialog)
        if matched:
            self.matched_theft_id = matched[0]
            self.matched.emit(matched[0])
            self._finish(
                self.tr("Matched to theft report {number}: that report is now closed as recovered.")
                .format(number=number_of(matched[0]))
            )  # fmt: skip
        else:
            self._finish(
                self.tr(
                    "Not matched: none of the theft reports offered was confirmed. The recovery "
                    "stays open and can be matched later from the list."
                )
            )

    def _on_match_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            self._finish("")
            raise exc
        self._finish(
            self.tr("The report was saved, but its theft report could not be looked for: {reason}")
            .format(reason=exc)
        )  # fmt: skip

    def _finish(self, outcome: str) -> None:
        self._show_saving(False)
        self.outcome_label.setText(outcome)
        if self.result_registered is not None:
            self.receipt_panel.set_record(self.result_registered.id, self.result_registered.number)
        self.receipt_panel.status_label.hide()
        self.stack.setCurrentIndex(1)
        self._done_focus().setFocus()
        self.save_finished.emit()

    def _on_register_failed(self, exc: BaseException) -> None:
        self._show_saving(False)
        try:
            if isinstance(exc, DraftErrors):
                if not self._refused_by_service(exc):
                    self.banner.show_message(ERROR, str(exc))
            elif isinstance(exc, ServiceError | FieldError):
                self.banner.show_message(ERROR, str(exc))
            else:
                raise exc
        finally:
            self.save_finished.emit()

    def reset_form(self, kind: str = "") -> None:
        """An empty form with the defaults: this desk's station, today's date, ``kind``."""
        self.fields.reset(kind)
        self.banner.clear_message()
        self.status_label.clear()

    def start_another(self) -> None:
        """After a save: an empty form for the next report, of the same kind."""
        kind = self.fields.kind()
        self.drafts.claim_new()  # the next report typed is a draft of its own
        self.result_registered = None
        self.matched_theft_id = None
        self.candidates = []
        self.reset_form(kind)
        self.stack.setCurrentIndex(0)

    # ------------------------------------------------------------------ closing

    def _unsaved_question(self) -> str:
        return self.tr(
            "This report has not been saved. Close the form and throw away what was typed?"
        )
