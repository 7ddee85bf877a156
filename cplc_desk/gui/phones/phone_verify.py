"""Checking a handset before a dealer buys it: "is this phone stolen?" answered while the
customer waits.

One box takes the IMEI (15 digits, or 14, or the 16 of an IMEISV; Urdu digits too). The check
runs once typing pauses or at Enter, never per keystroke: each check is written to the audit
trail. The answer says itself in words, colour and icon: REPORTED STOLEN / SNATCHED (where,
when, report number), Recovered, NEAR RECORD (a handset one digit away is reported: the IMEI
must be read again) or No record. No owner's details are shown.
"""

from __future__ import annotations

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

from cplc_desk.domain import imei as imeis
from cplc_desk.domain.enums import PhoneReportKind
from cplc_desk.gui.vehicles.vehicle_verify import ANSWER_LOOKS
from cplc_desk.gui.widgets import names
from cplc_desk.gui.widgets.formats import NOTHING, format_datetime
from cplc_desk.gui.widgets.operations import BackgroundTask, Progress
from cplc_desk.gui.widgets.typography import emphasise
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.phones import phones
from cplc_desk.services.phones.phones import PhoneCheck, PhoneSummary
from cplc_desk.storage.migrate import StoreError

CHECK_DELAY_MS = 400
MIN_DIGITS = 14  # 14 digits are completed with their check digit
SHOWN_REPORTS = 4

STOLEN, RECOVERED, NEAR, NONE = "stolen", "recovered", "near", "none"
ANSWERS = (STOLEN, RECOVERED, NEAR, NONE)
EMPTY, SHORT, WAITING, CHECKING, FAILED = "empty", "short", "waiting", "checking", "failed"


class PhoneVerifyWidget(QWidget):
    """``verified`` carries each :class:`PhoneCheck` shown; ``check_finished`` follows every
    check, answered or refused."""

    verified = Signal(object)
    check_finished = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = EMPTY
        self.check: PhoneCheck | None = None
        self._shown = ""
        self._wanted = ""
        self._stations = {st.code: st.name for st in reference.stations(ctx)}
        identity = ctx.identity()
        self._headquarters = identity is not None and not identity.is_station

        self.input = QLineEdit()
        self.input.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.input.setPlaceholderText(self.tr("IMEI: dial *#06# on the phone, or see its box"))
        self.input.setAccessibleName(self.tr("IMEI to check"))
        self.input.setClearButtonEnabled(True)
        label = QLabel(self.tr("Chec&k a phone:"))
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
        text = QVBoxLayout()
        text.setSpacing(4)
        self.hotlist_label = QLabel()
        self.hotlist_label.setWordWrap(True)
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
        self.panel.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.input, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.panel)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self._task = BackgroundTask("cplc-verify-phone", self)
        self._task.succeeded.connect(self._on_checked)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)
        self.input.textChanged.connect(self._on_text_changed)
        self.input.returnPressed.connect(self.check_now)
        self.check_button.clicked.connect(self.check_now)
        self._show_state(EMPTY)

    # ------------------------------------------------------------------ checking

    def key(self) -> str:
        """The digits typed, as the service reads them (Urdu digits as 0-9)."""
        return imeis.normalize(self.input.text())

    def _on_text_changed(self, _text: str) -> None:
        key = self.key()
        if key and key == self._shown and self.state in ANSWERS:
            self._timer.stop()
            return
        if not key:
            self._timer.stop()
            self._show_state(EMPTY)
        elif len(key) < MIN_DIGITS:
            self._timer.stop()
            self._show_state(SHORT)
        else:
            self._show_state(WAITING)
            self._timer.start()

    def check_now(self) -> bool:
        """Check what is typed, unless its answer is shown; False if nothing started."""
        self._timer.stop()
        key = self.key()
        if len(key) < MIN_DIGITS or (key == self._shown and self.state != FAILED):
            return False
        if self._task.is_running():
            self._wanted = key
            self._show_state(CHECKING)
            return True
        self._start()
        return True

    def _start(self) -> None:
        ctx, typed = self.ctx, self.input.text()
        self._wanted = ""
        self._show_state(CHECKING)

        def work(_progress: Progress) -> PhoneCheck:
            return phones.verify_phone(ctx, typed)

        self._task.start(work)

    def is_checking(self) -> bool:
        return self._task.is_running() or bool(self._wanted) or self._timer.isActive()

    def _on_checked(self, result: object) -> None:
        assert isinstance(result, PhoneCheck)
        if result.imei != self.key():
            return  # typed on meanwhile; that number's check follows
        self.check = result
        self._shown = result.imei
        self._show_state(result.result)
        self.verified.emit(result)

    def _on_failed(self, exc: object) -> None:
        if not isinstance(exc, ServiceError | StoreError):
            assert isinstance(exc, BaseException)
            raise exc
        self._shown = ""
        self._show_state(FAILED, str(exc))

    def _on_finished(self) -> None:
        wanted = self._wanted
        if wanted and wanted == self.key() and wanted != self._shown:
            self._start()
            return
        self._wanted = ""
        self.check_finished.emit()

    # ------------------------------------------------------------------ showing

    def headline(self) -> str:
        return self.headline_label.text()

    def _show_state(self, state: str, message: str = "") -> None:
        self.state = state
        if state not in ANSWERS:
            self.check = None
            self._shown = ""
        for label in (self.advice_label, self.details_label, self.hotlist_label):
            label.clear()
            label.hide()
        if state in ANSWER_LOOKS:
            border, background, foreground, icon = ANSWER_LOOKS[state]
            self.panel.setStyleSheet(
                f"#verifyPanel {{ background: {background}; border: 2px solid {border};"
                f" border-radius: 6px; }} #verifyPanel QLabel {{ color: {foreground}; }}"
            )
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize) * 3 // 2
            self.icon_label.setPixmap(self.style().standardIcon(icon).pixmap(size))
            self.icon_label.show()
        else:
            self.panel.setStyleSheet(
                "#verifyPanel { border: 1px dashed palette(mid); border-radius: 6px; }"
            )
            self.icon_label.clear()
            self.icon_label.hide()
        texts = {
            EMPTY: (
                self.tr("Type the phone's IMEI"),
                self.tr(
                    "The answer appears as soon as you stop typing. Each check is recorded in "
                    "the audit trail."
                ),
            ),
            SHORT: (self.tr("Keep typing…"), self.tr("An IMEI has 15 digits.")),
            WAITING: (self.tr("Checking when you stop typing…"), self.tr("Or press Enter.")),
            CHECKING: (self.tr("Checking…"), ""),
            FAILED: (self.tr("Could not check"), message),
        }
        if state in texts:
            headline, details = texts[state]
            self.headline_label.setText(headline)
            if details:
                self.details_label.setText(details)
                self.details_label.show()
        elif self.check is not None:
            self._show_answer(self.check)

    def _show_answer(self, c: PhoneCheck) -> None:
        if c.result == STOLEN:
            thefts = [r for r in c.reports if r.kind in phones.THEFT_KINDS and r.status == "open"]
            kinds = {r.kind for r in thefts}
            headline = (
                self.tr("REPORTED SNATCHED")
                if kinds == {PhoneReportKind.SNATCHED.value}
                else self.tr("REPORTED STOLEN")
                if kinds == {PhoneReportKind.STOLEN.value}
                else self.tr("REPORTED STOLEN / SNATCHED")
            )
            stations = " / ".join(sorted({self._station(r) for r in thefts})) or NOTHING
            advice = self.tr(
                "Do not buy or hand over this phone. Inform {stations} police station or CPLC."
            ).format(stations=stations)
            shown: Sequence[PhoneSummary] = thefts
        elif c.result == RECOVERED:
            headline = self.tr("Recovered")
            advice = self.tr(
                "This phone was reported stolen or snatched and has since been recovered, or was "
                "found and recorded. No open theft report names it."
            )
            shown = c.reports
        elif c.result == NEAR:
            headline = self.tr("NEAR RECORD - READ THE IMEI AGAIN")
            advice = self.tr(
                "{imei} itself is not reported, but a handset one digit from it is (below). Dial "
                "*#06# on the phone and compare every digit before going on."
            ).format(imei=c.imei)
            shown = c.near
        else:
            headline = self.tr("No record")
            advice = self.tr(
                "{imei} is not reported stolen, snatched or recovered here. This does not prove "
                "who owns it: ask for the box and the purchase receipt."
            ).format(imei=c.imei)
            shown = []
        if not c.valid and c.result != NEAR:
            advice += "\n" + self.tr("Note: this IMEI's check digit fails (altered, or mistyped).")
        self.headline_label.setText(headline)
        self.advice_label.setText(advice)
        self.advice_label.show()
        if shown:
            lines = [self._report_text(r) for r in shown[:SHOWN_REPORTS]]
            if len(shown) > SHOWN_REPORTS:
                lines.append(
                    self.tr("…and {count} more reports.").format(count=len(shown) - SHOWN_REPORTS)
                )
            self.details_label.setText("\n\n".join(lines))
            self.details_label.show()
        hotlist = self._hotlist_text(c)
        if hotlist:
            self.hotlist_label.setText(hotlist)
            self.hotlist_label.show()

    def _hotlist_text(self, c: PhoneCheck) -> str:
        """Which hotlist from headquarters was consulted (a station's check)."""
        state = c.hotlist
        if state is None:
            return (
                ""
                if self._headquarters
                else self.tr("No hotlist received yet: only this desk's own reports were checked.")
            )
        template = (
            self.tr("Hotlist consulted: number {seq}, issued {issued}, EXPIRED on {expires}.")
            if state.expired
            else self.tr("Hotlist consulted: number {seq}, issued {issued}, valid until {expires}.")
        )
        return template.format(
            seq=state.sequence,
            issued=format_datetime(state.issued_at),
            expires=format_datetime(state.expires_at),
        )

    def _station(self, r: PhoneSummary) -> str:
        return self._stations.get(r.police_station, r.police_station) or NOTHING

    def _report_text(self, r: PhoneSummary) -> str:
        first = self.tr("Report {number}{source} · {kind}, {status}").format(
            number=r.number,
            source=self.tr(" (city-wide hotlist)") if r.source == "hotlist" else "",
            kind=names.phone_report_kind(r.kind),
            status=names.phone_report_status(r.status).lower(),
        )
        where = (
            self.tr("{station} police station · on {when}").format(
                station=self._station(r), when=format_datetime(r.incident_at)
            )
            if r.incident_at
            else self.tr("{station} police station").format(station=self._station(r))
        )
        handset = " · ".join(
            p
            for p in (
                " ".join(x for x in (r.colour, r.make, r.model) if x),
                self.tr("IMEI {imei}").format(imei=" / ".join(n for n in (r.imei, r.imei2) if n)),
                self.tr("IMEI suspected altered") if r.imei_altered else "",
            )
            if p
        )
        return "\n".join((first, where, handset))
