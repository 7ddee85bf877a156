"""Filling a box layout from a list, top to bottom (or in reading order): widgets, layouts,
spaces (a number of pixels) and a widget that takes the room left (``(widget, 1)``)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

Item = QWidget | QLayout | int | tuple[QWidget, int]


def stack(layout: QBoxLayout, *items: Item) -> QBoxLayout:
    for item in items:
        if isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout
