"""Headquarters: importing and tracking station bundles (sync_hq), station snapshots for recovery (station_snapshot) and the merge's conflicts queue (conflicts)."""
