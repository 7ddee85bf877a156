"""Accounts and the audit trail viewer."""
