"""The Reports page: the month's statistics, their tables and charts, exports and drill-down."""
