"""The Sync page: bundles between station desks and headquarters (placeholder for now)."""

from __future__ import annotations

from cplc_desk.gui.areas import SYNC
from cplc_desk.gui.placeholder_page import PlaceholderPage


class SyncPage(PlaceholderPage):
    area_key = SYNC
