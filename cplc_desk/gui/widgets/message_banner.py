"""A message strip inside a page: what the last action did, or why it was refused.

Used where a modal box would be in the way (the result of an export, an import or an enrollment
should stay readable while the person carries on). Each kind has an icon as well as a colour, so
the kind is not told by colour alone; the text can be selected and copied (a file's path, say).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

INFO = "info"
SUCCESS = "success"
WARNING = "warning"
ERROR = "error"

# Border and background tints, with the text colour set too, so the strip reads the same on a
# dark theme.
_LOOKS: dict[str, tuple[str, str, str, QStyle.StandardPixmap]] = {
    INFO: ("#6b8fb3", "#eef4fa", "#1c2b3a", QStyle.StandardPixmap.SP_MessageBoxInformation),
    SUCCESS: ("#4f9a5b", "#edf7ee", "#173d1d", QStyle.StandardPixmap.SP_DialogApplyButton),
    WARNING: ("#c79a1e", "#fff6dc", "#3d2e00", QStyle.StandardPixmap.SP_MessageBoxWarning),
    ERROR: ("#b00020", "#fdecee", "#5c0011", QStyle.StandardPixmap.SP_MessageBoxCritical),
}


class MessageBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # services' messages are not HTML
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(10)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label, 1)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        border, background, foreground, icon = _LOOKS[kind]
        self.kind = kind
        self.setStyleSheet(
            f"#messageBanner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #messageBanner QLabel {{ color: {foreground}; }}"
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon_label.setPixmap(self.style().standardIcon(icon).pixmap(size))
        self.text_label.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.kind = ""
        self.text_label.clear()
        self.hide()

    def text(self) -> str:
        return self.text_label.text()
