"""Where CPLC Desk keeps its files, and where its bundled resources are.

One place decides: the data dir comes from ``--data-dir``, else ``CPLC_DESK_DATA_DIR``, else the
platform's per-user data dir (platformdirs). Bundled read-only files (migrations, reference data,
fonts, translations) are found through :func:`resource_root`, which also works in a frozen
PyInstaller build, where they live under ``sys._MEIPASS``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CPLC Desk"
APP_AUTHOR = "CPLC"
ENV_DATA_DIR = "CPLC_DESK_DATA_DIR"
DB_FILENAME = "cplc_desk.sqlite3"


def resource_root() -> Path:
    """The folder holding ``migrations/`` and ``resources/``: the bundle dir when frozen,
    otherwise the project root (the parent of the ``cplc_desk`` package)."""
    frozen_dir = getattr(sys, "_MEIPASS", None)
    if frozen_dir is not None:
        return Path(frozen_dir)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A bundled resource, e.g. ``resource_path("reference", "zones.csv")``."""
    return resource_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return resource_root() / "migrations"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


class _Folder:
    """A folder of the data dir, named once: ``DeskPaths.logs`` is ``data_dir / "logs"``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, paths: DeskPaths, owner: type[DeskPaths] | None = None) -> Path:
        return paths.data_dir / self.name


@dataclass(frozen=True)
class DeskPaths:
    """The files of one desk's data dir."""

    data_dir: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))

    @classmethod
    def resolve(cls, override: str | os.PathLike[str] | None = None) -> DeskPaths:
        chosen = override or os.environ.get(ENV_DATA_DIR) or default_data_dir()
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILENAME

    backups = _Folder("backups")
    logs = _Folder("logs")
    keys = _Folder("keys")
    drafts = _Folder("drafts")

    def ensure(self) -> None:
        for folder in (self.data_dir, self.backups, self.logs, self.drafts):
            folder.mkdir(parents=True, exist_ok=True)
        # The store, its journal, the copies made before an upgrade and the keys all live in
        # here: on a shared PC no other account may open the folder (0700). Windows keeps a
        # user's AppData private already; a folder this account does not own is left alone.
        if os.name == "posix":
            with contextlib.suppress(OSError):
                if self.data_dir.stat().st_uid == os.getuid():
                    self.data_dir.chmod(0o700)
