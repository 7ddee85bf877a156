"""Sync at a station desk: exporting bundles to headquarters (sync_station) and bringing a lost desk back (station_recovery)."""
