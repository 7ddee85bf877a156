"""A station desk's sync: the Sync page and replacing a lost desk's PC."""
