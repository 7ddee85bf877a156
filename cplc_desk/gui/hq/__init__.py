"""Headquarters: the Stations page, enrolling a station, importing bundles and the Conflicts page."""
