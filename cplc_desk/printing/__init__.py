"""Receipts and reports rendered to PDF bytes with ReportLab. No Qt widgets here."""
