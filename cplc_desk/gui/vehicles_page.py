"""The Vehicles page: theft, snatching and recovery reports and vehicle checks (placeholder for now)."""

from __future__ import annotations

from cplc_desk.gui.areas import VEHICLES
from cplc_desk.gui.placeholder_page import PlaceholderPage


class VehiclesPage(PlaceholderPage):
    area_key = VEHICLES
