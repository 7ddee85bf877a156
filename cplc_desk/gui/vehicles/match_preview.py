"""While a recovered or found vehicle is typed in: the open theft reports it may be, shown as the
identifiers are typed (not only after saving), best first, each with its score on its scale and
every field that agrees or differs. The volunteer can see at once whether the vehicle is known,
and mistype less; confirming one still happens after saving, in the match dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.matching import Looks
from cplc_desk.gui.vehicles.match_words import candidate_lines, score_text
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.typography import emphasise, make_quiet
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.wanted import MatchCandidate

LOOK_AFTER_MS = 400  # once typing pauses
SHOWN = 3


class MatchPreview(QFrame):
    """Call :meth:`look_for` after each edit; the look-up runs once typing pauses, on the form's
    worker, the newest replacing one still waiting."""

    def __init__(self, ctx: DeskContext, jobs: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._jobs = jobs
        self._wanted: tuple[str, str, str, Looks] | None = None
        self.candidates: list[MatchCandidate] = []
        self.lookups = 0  # answers received (for tests)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = emphasise(QLabel(self.tr("Theft reports this vehicle may be")))
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = make_quiet(
            QLabel(
                self.tr(
                    "Numbers decide; make, model and colour are shown, not scored (a vehicle "
                    "can be repainted). After saving you confirm the right report, or none."
                )
            )
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOK_AFTER_MS)
        self._timer.timeout.connect(self._look_now)
        self.hide()

    def look_for(self, registration: str, chassis: str, engine: str, looks: Looks) -> None:
        self._wanted = (registration, chassis, engine, looks)
        if not (registration.strip() or chassis.strip() or engine.strip()):
            self._timer.stop()
            self._show([])
            return
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._wanted = None
        self._show([])
        self.hide()

    def _look_now(self) -> None:
        if self._wanted is None:
            return
        ctx, (registration, chassis, engine, looks) = self.ctx, self._wanted
        self._jobs.submit(
            lambda: vehicles.candidates_for(ctx, registration, chassis, engine, looks),
            self._on_found,
            self._on_failed,
            key="match-preview",
        )

    def _on_found(self, found: object) -> None:
        assert isinstance(found, list)
        self.lookups += 1
        if self._wanted is not None:
            self._show(found)

    def _on_failed(self, exc: BaseException) -> None:
        self.lookups += 1
        if not isinstance(exc, DeskError):
            raise exc
        self.body.setText(str(exc))
        self.show()

    def _show(self, found: list[MatchCandidate]) -> None:
        self.candidates = found
        if not found:
            self.body.setText(self.tr("No open theft report has these numbers yet."))
            self.setVisible(self._wanted is not None and any(self._wanted[:3]))
            return
        parts = []
        for candidate in found[:SHOWN]:
            wanted = candidate.wanted
            lines = [
                self.tr("{number} · {description} · {station}").format(
                    number=wanted.number,
                    description=wanted.description or "–",
                    station=wanted.police_station,
                ),
                score_text(candidate.score),
                *(f"  • {line}" for line in candidate_lines(candidate)),
            ]
            parts.append("\n".join(lines))
        if len(found) > SHOWN:
            parts.append(self.tr("…and {n} more.").format(n=len(found) - SHOWN))
        self.body.setText("\n\n".join(parts))
        self.show()
