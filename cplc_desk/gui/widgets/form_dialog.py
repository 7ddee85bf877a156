"""A dialog of fields with OK and Cancel that asks a service on OK: a refusal is shown in red
under the fields and the dialog stays open, so the person corrects what they typed instead of
starting over."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.field_parts import error_label
from cplc_desk.gui.widgets.layouts import Item, stack
from cplc_desk.services.desk.context import DeskContext


class FormDialog(QDialog):
    """A subclass lays its parts out with :meth:`_lay_out` and says what OK does
    (:meth:`_submit`) with the desk's ``ctx``."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _lay_out(self, *items: Item, ok_text: str = "") -> None:
        """The dialog's column: ``items``, the error line, then OK (called ``ok_text`` if given)
        and Cancel."""
        self.error_label = error_label()
        self.buttons = dialogs.ok_cancel_buttons(self, ok_text)
        stack(QVBoxLayout(self), *items, self.error_label, self.buttons)

    def _submit(self) -> None:
        """What OK does; a DeskError keeps the dialog open with its message shown."""
        raise NotImplementedError

    def _refused(self, exc: DeskError) -> None:
        self.error_label.setText(str(exc))
        self.error_label.show()

    def accept(self) -> None:
        try:
            self._submit()
        except DeskError as exc:
            self._refused(exc)
            return
        super().accept()
