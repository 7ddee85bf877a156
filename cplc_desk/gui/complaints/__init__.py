"""The Complaints area: list, filters, the registration form and one complaint's window."""
