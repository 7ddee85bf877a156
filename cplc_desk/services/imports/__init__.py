"""Bringing old registers in: spreadsheet (CSV) import."""
