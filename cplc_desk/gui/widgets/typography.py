"""Text looks shared by the desk's pages: headings scaled from the person's own font size (never
fixed point sizes, so a larger system font or an Urdu font still fits) and quieter secondary text.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel


def emphasise(label: QLabel, scale: float = 1.0, *, bold: bool = True) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


def make_quiet(label: QLabel) -> QLabel:
    """Secondary text in the theme's placeholder colour (readable on light and dark themes)."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def paragraph(text: str) -> QLabel:
    """A paragraph of text, wrapped to the width it is given."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label
