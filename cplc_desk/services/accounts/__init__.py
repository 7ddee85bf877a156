"""People at the desk: accounts, signing in and lock-out (accounts) and reading the audit trail (audit_view)."""
