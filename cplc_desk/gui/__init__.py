"""The desk's window: PySide6 widgets, dialogs and translation glue.

Only this package imports Qt. Widgets call services (which hand back plain data) and never
open a database session themselves.
"""
