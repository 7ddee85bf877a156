"""The Reports page: monthly figures, printed or saved as PDF (placeholder for now)."""

from __future__ import annotations

from cplc_desk.gui.shell.areas import REPORTS
from cplc_desk.gui.shell.placeholder_page import PlaceholderPage


class ReportsPage(PlaceholderPage):
    area_key = REPORTS
