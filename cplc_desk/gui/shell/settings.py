"""The person's preferences for this computer (QSettings): small choices the window remembers,
such as the last folder used for bundles.

Records and desk identity never live here; they are in the desk's store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cplc_desk.paths import APP_AUTHOR, APP_NAME


def desk_settings() -> QSettings:
    # Named explicitly so the file is the same whoever created the QApplication (tests, embedders).
    return QSettings(APP_AUTHOR, APP_NAME)


def last_folder(purpose: str) -> Path | None:
    """The folder last used for ``purpose`` (e.g. "export"), if it still exists."""
    value = desk_settings().value(f"folders/{purpose}", "")
    if not value:
        return None
    folder = Path(str(value))
    return folder if folder.is_dir() else None


def remember_folder(purpose: str, folder: Path) -> None:
    desk_settings().setValue(f"folders/{purpose}", str(folder))
