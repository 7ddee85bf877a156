"""Backups in the window: the backup duty and the recovery code dialog."""
