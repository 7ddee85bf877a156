"""Sync bundles: format, signing and encryption, station export, headquarters import and merge,
and the hotlist. (Filled by the sync-bundles issue; the change log it exports already exists.)"""
