"""What the complaint and report dialogs share around their boxes: the form page with its
message banner, status line, Save and Cancel, the save shortcuts (Ctrl+S, Ctrl+Enter), Save's
refusal of a form with problems, pointing at the first box to fix, the draft kept against a crash
or power cut and offered back, and Close asking first when something typed was not saved.

A subclass builds its boxes (a ``FormFields``), hands them to ``_form_page``, keeps its drafts
(``_keep_drafts``), and says what Save registers and what happens after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.records import DraftErrors
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.form_drafts import FormDrafts
from cplc_desk.gui.widgets.form_fields import FormFields
from cplc_desk.gui.widgets.message_banner import ERROR, MessageBanner
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.typography import make_quiet
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.drafts import Draft
from cplc_desk.services.desk.records import Registered


class RecordFormDialog(QDialog):
    form_fields: FormFields
    # Showing while Save runs: the form page (0), then the page saying what was registered (1).
    stack: QStackedWidget
    ctx: DeskContext
    _jobs: OperationRunner
    _saving: bool
    result_registered: Registered | None
    # What is typed, kept against a crash or power cut (``_keep_drafts``).
    drafts: FormDrafts

    def _form_page(
        self, fields: FormFields, body: QWidget, last_field: QWidget, hint: str, save: str
    ) -> QWidget:
        """The page holding the boxes (``body``: ``fields``, or what holds them), then the
        banner, the status line and the buttons; Tab goes from ``last_field`` to Save."""
        self.form_fields = fields
        self.banner = MessageBanner()
        self.status_label = make_quiet(QLabel())
        self.status_label.setWordWrap(True)
        hint_label = make_quiet(QLabel(hint))
        hint_label.setWordWrap(True)
        self.save_button = QPushButton(save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(hint_label, 1)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter moves between boxes; it never saves
            buttons.addWidget(button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(body, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        QWidget.setTabOrder(last_field, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        self._asked_to_correct = False
        fields.problems_shown.connect(self._on_problems_shown)
        return page

    def _on_problems_shown(self) -> None:
        """The banner asking for the boxes marked in red goes once every one was put right."""
        if self._asked_to_correct and not self.form_fields.any_problem_shown():
            self._asked_to_correct = False
            if self.banner.kind == ERROR:
                self.banner.clear_message()

    def _add_save_shortcuts(self) -> None:
        for keys in (
            QKeySequence.StandardKey.Save,
            QKeySequence("Ctrl+Return"),
            QKeySequence("Ctrl+Enter"),
        ):
            QShortcut(keys, self, self._save_shortcut)

    def _resize_within_screen(self, wanted: QSize) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableSize() * 0.95)
        self.resize(wanted)

    @staticmethod
    def _done_buttons(*buttons: QPushButton) -> QHBoxLayout:
        """The buttons of the page saying what was registered, at its end; Enter presses none."""
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            button.setAutoDefault(False)
            row.addWidget(button)
        return row

    # ------------------------------------------------------------------ drafts

    def _keep_drafts(
        self, kind: str, read: Callable[[], dict[str, Any]], has_content: Callable[[], bool]
    ) -> None:
        """From now on, keep what is typed in ``form_fields`` as a draft of ``kind`` once typing
        pauses (``read``: the values; ``has_content``: whether anything is typed)."""
        self.drafts = FormDrafts(
            self.ctx, kind, self._jobs, read, has_content, self._on_draft_failed,
            lambda: self.result_registered is None and not self._saving, self,
        )  # fmt: skip
        self.form_fields.edited.connect(self.drafts.schedule)

    @property
    def drafts_saved(self) -> int:
        return self.drafts.saved

    def save_draft_now(self) -> None:
        self.drafts.save_now()

    def _offer_draft(
        self,
        question: Callable[[Draft], str],
        title: str,
        filled: str,
        load: Callable[[dict[str, Any]], None],
    ) -> bool:
        """Offer to continue the newest unsaved draft (``question`` asks about it); True if it
        was filled in (``load``; ``filled`` then says so)."""
        newest = self.drafts.waiting()
        if newest is None:
            return False
        if dialogs.confirm(self, title, question(newest)):
            load(self.drafts.take(newest))
            self.status_label.setText(filled)
            return True
        self.drafts.throw_away(newest)
        return False

    def _on_draft_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Exception):
            raise exc
        # A draft is a safety net, not worth interrupting the volunteer for (a locked or full
        # disk, say): the record itself is saved by Save, which reports its own problems.
        self.status_label.setText(
            self.tr("What you typed could not be kept as a draft: {reason}").format(reason=exc)
        )

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        raise NotImplementedError

    def _save_with(self, register: Callable[[DeskContext, Any], Registered]) -> bool:
        """Check every field and ``register`` the draft (the kept draft goes in the same
        step); False if a field needs fixing or a save is under way or done."""
        if self._saving or self.result_registered is not None:
            return False
        if not self._form_is_ready():
            return False
        draft, _problems = self.form_fields.draft()
        ctx = self.ctx
        discard_draft = self.drafts.discard_in(self.drafts.key)
        self.drafts.timer.stop()
        self._show_saving(True)

        def work() -> Registered:
            done = register(ctx, draft)
            discard_draft()
            return done

        self._jobs.submit(work, self._on_registered, self._on_register_failed)
        return True

    def _on_registered(self, result: object) -> None:
        raise NotImplementedError

    def _on_register_failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _save_shortcut(self) -> None:
        if self.stack.currentIndex() == 0:
            self.save()

    def _form_is_ready(self) -> bool:
        """Show every box's problem; False (pointing at the first to fix) if there is one."""
        problems = self.form_fields.problems()
        self.form_fields.show_problems(problems)
        first = self.form_fields.first_problem(problems)
        if first is not None:
            self._refuse(first)
            return False
        self.banner.clear_message()
        return True

    def _refuse(self, first: str) -> None:
        self._focus_field(first)
        self.banner.show_message(
            ERROR, self.tr("Please correct the boxes marked in red, then save again.")
        )
        self._asked_to_correct = True

    def _focus_field(self, name: str) -> None:
        self.form_fields.focus_field(name)

    def _show_saving(self, saving: bool) -> None:
        """Save is under way (the button waits, the status line says so), or over."""
        self._saving = saving
        self.save_button.setEnabled(not saving)
        if saving:
            self.status_label.setText(self.tr("Saving…"))
        else:
            self.status_label.clear()

    # ------------------------------------------------------------------ closing

    def has_content(self) -> bool:
        """Whether anything was typed or chosen (the defaults do not count)."""
        return self.form_fields.has_content()

    def _unsaved_question(self) -> str:
        """Close's question when what was typed is not saved."""
        raise NotImplementedError

    def _may_close(self) -> bool:
        """Not while the record is being written; after asking, if something typed is unsaved."""
        if self._saving:
            return False  # the record is being written: the answer arrives in a moment
        return (
            self.result_registered is not None
            or not self.has_content()
            or dialogs.confirm(self, self.tr("Close without saving?"), self._unsaved_question())
        )

    def reject(self) -> None:
        if not self._may_close():
            return
        if self.result_registered is None:
            self.drafts.discard_now()  # what was typed is thrown away: so is its draft
        super().reject()

    def done(self, result: int) -> None:
        self.drafts.timer.stop()
        # Answers must not arrive for a closed window; the jobs take a moment at most.
        self._jobs.wait_idle()
        self.drafts.release()
        super().done(result)

    def _refused_by_service(self, exc: DraftErrors) -> bool:
        """Show the service's problems with the draft in their boxes; False if none of them
        belongs to a box."""
        problems = exc.by_field()
        self.form_fields.show_problems(problems)
        first = self.form_fields.first_problem(problems)
        if first is None:
            return False
        self._refuse(first)
        return True
