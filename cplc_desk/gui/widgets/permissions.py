"""Hiding what the signed-in account's role may not do. Only a courtesy: the services refuse
anyway (``ctx.require``)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk.context import DeskContext


def show_if_permitted(ctx: DeskContext, permission: Permission, *items: QWidget | QAction) -> bool:
    allowed = ctx.actor.permits(permission)
    for item in items:
        item.setVisible(allowed)
    return allowed
