"""Screenshots for the docs: one window at a time (screenshot) or every page and dialog (tour). Not shipped with the app."""
