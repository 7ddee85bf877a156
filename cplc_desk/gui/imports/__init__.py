"""Importing legacy registers (Excel workbooks and CSV files) in the window."""
