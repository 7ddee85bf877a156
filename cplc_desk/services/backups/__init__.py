"""Keeping a desk's data safe: backups and restore (backup) and the sealed backup file (backup_seal)."""
