"""Checking a vehicle: "is this one stolen?" answered while the citizen waits.

One box takes a registration, chassis or engine number. The check runs once typing pauses
(300 ms) or at Enter, never per keystroke: every check is written to the audit trail. The answer
is large and says itself three ways, in words, colour and icon: REPORTED STOLEN (where, when,
FIR, report number), Recovered, or No record; with which hotlist was consulted (its number, when
it was issued and until when it is valid). An expired hotlist is warned about above the answer,
before any check: thefts reported at other stations since it was issued are unknown here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cplc_desk.domain.enums import VehicleReportKind
from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.validation import normalize_identifier
from cplc_desk.gui.vehicles.vehicles_model import vehicle_class_name
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_date, format_datetime
from cplc_desk.gui.widgets.message_banner import WARNING, MessageBanner
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.vehicles import hotlist, verification
from cplc_desk.services.vehicles.match_sources import SourceState
from cplc_desk.services.vehicles.verification import VehicleSummary, Verification, what_differs
from cplc_desk.storage.migrate import StoreError

CHECK_DELAY_MS = 300
MIN_KEY = 3  # the service refuses shorter identifiers
SHOWN_REPORTS = 4

STOLEN = "stolen"
RECOVERED = "recovered"
NONE = "none"
NEAR = "near"
ANSWERS = (STOLEN, RECOVERED, NEAR, NONE)
# States before an answer: nothing typed, too short, waiting for a pause, asking, refused.
EMPTY = "empty"
SHORT = "short"
WAITING = "waiting"
CHECKING = "checking"
FAILED = "failed"

_THEFTS = (VehicleReportKind.STOLEN.value, VehicleReportKind.SNATCHED.value)

# Border, background, text and icon of each answer; the text colour is set too so the panel
# reads the same on a dark theme.
ANSWER_LOOKS: dict[str, tuple[str, str, str, QStyle.StandardPixmap]] = {
    STOLEN: ("#b00020", "#fdecee", "#5c0011", QStyle.StandardPixmap.SP_MessageBoxCritical),
    RECOVERED: ("#2f6fb0", "#eaf2fb", "#10243d", QStyle.StandardPixmap.SP_MessageBoxInformation),
    NONE: ("#3e8a4b", "#edf7ee", "#173d1d", QStyle.StandardPixmap.SP_DialogApplyButton),
    NEAR: ("#b35900", "#fff0e0", "#4a2500", QStyle.StandardPixmap.SP_MessageBoxWarning),
    FAILED: ("#c79a1e", "#fff6dc", "#3d2e00", QStyle.StandardPixmap.SP_MessageBoxWarning),
}


class VehicleVerifyWidget(QWidget):
    """``verified`` carries each :class:`Verification` shown; ``check_finished`` follows every
    check, answered or refused."""

    verified = Signal(object)
    check_finished = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = EMPTY
        self.verification: Verification | None = None
        self._shown_key = ""  # the key whose answer is on screen
        self._wanted = ""  # a key to check once the running check ends

        self.input = QLineEdit()
        self.input.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # plates, chassis numbers
        self.input.setPlaceholderText(self.tr("Registration, chassis or engine number"))
        self.input.setAccessibleName(self.tr("Vehicle to check"))
        self.input.setClearButtonEnabled(True)
        label = QLabel(self.tr("Chec&k a vehicle:"))
        label.setBuddy(self.input)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Check now (Enter)"))
        self.check_button.setAutoDefault(False)

        self.panel = QFrame()
        self.panel.setObjectName("verifyPanel")
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline_label = emphasise(QLabel(), 1.9)
        self.headline_label.setWordWrap(True)
        self.advice_label = emphasise(QLabel(), 1.05)
        self.advice_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hotlist_label = QLabel()
        self.hotlist_label.setWordWrap(True)
        self.hotlist_warning = MessageBanner()
        text = QVBoxLayout()
        text.setSpacing(4)
        for widget in (
            self.headline_label,
            self.advice_label,
            self.details_label,
            self.hotlist_label,
        ):
            text.addWidget(widget)
        panel_layout = QHBoxLayout(self.panel)
        panel_layout.setContentsMargins(14, 10, 14, 10)
        panel_layout.setSpacing(14)
        panel_layout.addWidget(self.icon_label)
        panel_layout.addLayout(text, 1)
        # Room for a short answer, so the list below does not jump at every state.
        self.panel.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.input, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.hotlist_warning)
        layout.addWidget(self.panel)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self._task = BackgroundTask("cplc-verify-vehicle", self)
        self._task.succeeded.connect(self._on_verified)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)
        self.input.textChanged.connect(self._on_text_changed)
        self.input.returnPressed.connect(self.check_now)
        self.check_button.clicked.connect(self.check_now)
        self._show_state(EMPTY)
        # A refusal to read the desk shows at the first check instead.
        with contextlib.suppress(DeskError):
            self.show_hotlist_warning(hotlist.SOURCE.state(ctx))

    # ------------------------------------------------------------------ the hotlist's age

    def show_hotlist_warning(self, state: SourceState | None) -> None:
        """Warn above the answer while the held hotlist has expired."""
        if state is None or not state.expired:
            self.hotlist_warning.clear_message()
            return
        self.hotlist_warning.show_message(
            WARNING,
            self.tr(
                "The hotlist from headquarters (number {seq}) EXPIRED on {expires}. Thefts "
                "reported at other stations since {issued} are not known to this desk. Import "
                "a new hotlist on the Sync page."
            ).format(
                seq=state.sequence,
                expires=format_datetime(state.expires_at),
                issued=format_datetime(state.issued_at),
            ),
        )

    # ------------------------------------------------------------------ checking

    def key(self) -> str:
        return normalize_identifier(self.input.text())

    def _on_text_changed(self, _text: str) -> None:
        key = self.key()
        if key and key == self._shown_key and self.state in ANSWERS:
            self._timer.stop()  # the same vehicle written differently: the answer stands
            return
        if not key:
            self._timer.stop()
            self._show_state(EMPTY)
        elif len(key) < MIN_KEY:
            self._timer.stop()
            self._show_state(SHORT)
        else:
            # An answer for what was typed before must not stay on screen for this one.
            self._show_state(WAITING)
            self._timer.start()  # restarts: the check runs once typing pauses

    def check_now(self) -> bool:
        """Check what is typed, unless its answer is already shown; False if nothing started."""
        self._timer.stop()
        key = self.key()
        if len(key) < MIN_KEY or (key == self._shown_key and self.state != FAILED):
            return False
        if self._task.is_running():
            self._wanted = key  # checked when the running one ends
            self._show_state(CHECKING)
            return True
        self._start(key)
        return True

    def _start(self, key: str) -> None:
        ctx, typed = self.ctx, self.input.text()
        self._wanted = ""
        self._show_state(CHECKING)

        def work(_progress: Progress) -> Verification:
            return verification.verify(ctx, typed)

        self._task.start(work)

    def is_checking(self) -> bool:
        return self._task.is_running() or bool(self._wanted) or self._timer.isActive()

    def _on_verified(self, result: object) -> None:
        assert isinstance(result, Verification)
        if result.key != self.key():
            return  # typed on meanwhile; that text's check follows
        self.verification = result
        self._shown_key = result.key
        self.show_hotlist_warning(result.hotlist)
        self._show_state(result.result)
        self.verified.emit(result)

    def _on_failed(self, exc: object) -> None:
        if not isinstance(exc, ServiceError | StoreError):
            assert isinstance(exc, BaseException)
            raise exc
        self._shown_key = ""
        self._show_state(FAILED, str(exc))

    def _on_finished(self) -> None:
        wanted = self._wanted
        if wanted and wanted == self.key() and wanted != self._shown_key:
            self._start(wanted)
            return
        self._wanted = ""
        self.check_finished.emit()

    # ------------------------------------------------------------------ showing

    def headline(self) -> str:
        return self.headline_label.text()

    def _show_state(self, state: str, message: str = "") -> None:
        self.state = state
        if state not in ANSWERS:
            self.verification = None
            self._shown_key = ""
        self.advice_label.clear()
        self.details_label.clear()
        self.hotlist_label.clear()
        self.advice_label.hide()
        self.details_label.hide()
        self.hotlist_label.hide()
        if state in ANSWER_LOOKS:
            self._paint(state)
        else:
            self._paint_neutral()
        if state == EMPTY:
            self._say(
                self.tr("Type a registration, chassis or engine number"),
                self.tr(
                    "The answer appears as soon as you stop typing. Each check is recorded in "
                    "the audit trail."
                ),
            )
        elif state == SHORT:
            self._say(self.tr("Keep typing…"), self.tr("Type at least 3 letters or digits."))
        elif state == WAITING:
            self._say(self.tr("Checking when you stop typing…"), self.tr("Or press Enter."))
        elif state == CHECKING:
            self._say(self.tr("Checking…"), "")
        elif state == FAILED:
            self._say(self.tr("Could not check"), message)
        elif self.verification is not None:
            self._show_answer(self.verification)

    def _say(self, headline: str, details: str) -> None:
        self.headline_label.setText(headline)
        if details:
            self.details_label.setText(details)
            self.details_label.show()

    def _paint(self, state: str) -> None:
        border, background, foreground, icon = ANSWER_LOOKS[state]
        self.panel.setStyleSheet(
            f"#verifyPanel {{ background: {background}; border: 2px solid {border};"
            f" border-radius: 6px; }} #verifyPanel QLabel {{ color: {foreground}; }}"
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize) * 3 // 2
        self.icon_label.setPixmap(self.style().standardIcon(icon).pixmap(size))
        self.icon_label.show()

    def _paint_neutral(self) -> None:
        self.panel.setStyleSheet(
            "#verifyPanel { border: 1px dashed palette(mid); border-radius: 6px; }"
        )
        self.icon_label.clear()
        self.icon_label.hide()

    def _show_answer(self, v: Verification) -> None:
        thefts = [r for r in v.reports if r.kind in _THEFTS and r.status == "open"]
        if v.result == STOLEN:
            kinds = {r.kind for r in thefts}
            if kinds == {VehicleReportKind.STOLEN.value}:
                headline = self.tr("REPORTED STOLEN")
            elif kinds == {VehicleReportKind.SNATCHED.value}:
                headline = self.tr("REPORTED SNATCHED")
            else:
                headline = self.tr("REPORTED STOLEN / SNATCHED")
            stations = sorted({r.police_station for r in thefts})
            advice = self.tr(
                "Do not buy, release or hand over this vehicle. Inform {stations} police station."
            ).format(stations=" / ".join(stations) or NOTHING)
            shown = thefts
        elif v.result == RECOVERED:
            headline = self.tr("Recovered")
            advice = self.tr(
                "This vehicle was reported stolen or snatched and has since been recovered, or "
                "was found and recorded here. No open theft report names it."
            )
            shown = list(v.reports)
        elif v.result == NEAR:
            headline = self.tr("NEAR RECORD - CHECK EVERY CHARACTER")
            advice = self.tr(
                "{key} itself is not reported, but a vehicle one slip away is (below). Compare "
                "the papers with the plate, chassis and engine numbers on the vehicle, "
                "character by character, before going on."
            ).format(key=v.key)
            shown = list(v.near or [])
        else:
            headline = self.tr("No record")
            advice = self.tr(
                "{key} is not reported stolen, snatched or recovered here. This does not prove "
                "who owns it: check the papers."
            ).format(key=v.key)
            shown = []
        self.headline_label.setText(headline)
        self.advice_label.setText(advice)
        self.advice_label.show()
        if shown:
            self.details_label.setText(self._reports_text(shown))
            self.details_label.show()
        if v.hotlist is not None:
            state = v.hotlist
            template = (
                self.tr("Hotlist consulted: number {seq}, issued {issued}, EXPIRED on {expires}.")
                if state.expired
                else self.tr(
                    "Hotlist consulted: number {seq}, issued {issued}, valid until {expires}."
                )
            )
            hotlist = template.format(
                seq=state.sequence,
                issued=format_datetime(state.issued_at),
                expires=format_datetime(state.expires_at),
            )
        else:
            hotlist = self.tr("No hotlist received yet: only this desk's own reports were checked.")
        self.hotlist_label.setText(hotlist)
        self.hotlist_label.show()

    def _reports_text(self, reports: Sequence[VehicleSummary]) -> str:
        lines = [self._report_text(r) for r in reports[:SHOWN_REPORTS]]
        if len(reports) > SHOWN_REPORTS:
            lines.append(
                self.tr("…and {count} more reports.").format(count=len(reports) - SHOWN_REPORTS)
            )
        return "\n\n".join(lines)

    def _report_text(self, r: VehicleSummary) -> str:
        source = self.tr(" (city-wide hotlist)") if r.source == "hotlist" else ""
        first = self.tr("Report {number}{source} · {kind}, {status}").format(
            kind=names.vehicle_report_kind(r.kind),
            status=names.vehicle_report_status(r.status).lower(),
            number=r.number,
            source=source,
        )
        where = self.tr("{station} police station · on {when} · FIR {fir}").format(
            station=r.police_station or NOTHING,
            when=format_datetime(r.incident_at),
            fir=(
                self.tr("{number} of {date}").format(
                    number=r.fir_number, date=format_date(r.fir_date)
                )
                if r.fir_number and r.fir_date
                else r.fir_number or self.tr("not lodged")
            ),
        )
        what = " · ".join(
            part
            for part in (
                vehicle_class_name(r.vehicle_class),
                r.description,
                self.tr("registration {value}").format(value=r.registration)
                if r.registration
                else "",
                self.tr("chassis {value}").format(value=r.chassis) if r.chassis else "",
                self.tr("engine {value}").format(value=r.engine) if r.engine else "",
            )
            if part
        )
        lines = [first, where, what]
        if r.near_field and self.verification is not None:
            lines.append(what_differs(r, self.verification.key))
        return "\n".join(lines)
