"""Crime statistics (docs/statistics.md): the monthly figures headquarters publishes and each
desk's own. :mod:`.report` holds the public data model and :func:`.report.compute`."""
