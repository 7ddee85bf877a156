"""The window's phone pages: the list, the form, the detail, the check and the match (docs/phones.md)."""
