"""The window around the pages: starting the app, the main window, first-run setup, signing in, the lock screen, language, and the pages that belong to no one feature."""
