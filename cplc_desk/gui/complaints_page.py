"""The Complaints page: register, find and follow up citizens' complaints (placeholder for now)."""

from __future__ import annotations

from cplc_desk.gui.areas import COMPLAINTS
from cplc_desk.gui.placeholder_page import PlaceholderPage


class ComplaintsPage(PlaceholderPage):
    area_key = COMPLAINTS
