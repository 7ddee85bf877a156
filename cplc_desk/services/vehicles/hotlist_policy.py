"""How long a hotlist may be used: kept apart from :mod:`hotlist` so the command line can name
the default in its help without loading the store or the sync library."""

DEFAULT_VALID_DAYS = 14
MAX_VALID_DAYS = 90
