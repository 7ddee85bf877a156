"""GUI fixtures: an opened desk in a fresh data folder (set up or not), fresh settings, and message
boxes that record what they would have said instead of waiting for a click."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cplc_desk.domain import i18n
from cplc_desk.gui.shell import gc_guard, language, qtfix
from cplc_desk.gui.widgets import dialogs
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import DeskContext, open_desk


@dataclass
class ShownMessage:
    kind: str
    title: str
    text: str


# Before any widget exists (pytest-qt makes the QApplication before create_application runs).
qtfix.install()


@pytest.fixture(autouse=True)
def collect_on_gui_thread(qapp: object) -> Iterator[None]:
    """As in the app: cycles are collected only on the GUI thread while a test runs, so a
    worker thread never finalises Qt objects (see cplc_desk/gui/shell/gc_guard.py), and between tests,
    so one test's closed dialogs are gone before the next starts. Without this a form's worker
    thread could run the collector over a closed dialog's wrappers and segfault."""
    gc_guard.install(interval_ms=200)
    try:
        yield
    finally:
        gc_guard.uninstall()
        gc.collect()


@pytest.fixture(autouse=True)
def english_window(qapp: object) -> Iterator[None]:
    """Every test starts, and leaves the application, in English and left to right."""
    language.apply_language(i18n.ENGLISH)
    yield
    language.apply_language(i18n.ENGLISH)


@pytest.fixture(autouse=True)
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[ShownMessage]:
    """Every message box a test triggers, in order. A real modal box would hang the run; an
    unexpected modal dialog fails the test instead."""
    shown: list[ShownMessage] = []

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(parent, title: str, text: str) -> None:  # type: ignore[no-untyped-def]
            shown.append(ShownMessage(kind, title, text))

        return show

    def refuse_modal(dialog) -> int:  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected modal dialog {type(dialog).__name__}")

    def refuse_confirm(parent, title: str, question: str) -> bool:  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected confirmation: {question}")

    monkeypatch.setattr(dialogs, "show_error", recorder("error"))
    monkeypatch.setattr(dialogs, "show_information", recorder("information"))
    monkeypatch.setattr(dialogs, "show_about", recorder("about"))
    monkeypatch.setattr(dialogs, "confirm", refuse_confirm)
    monkeypatch.setattr(dialogs, "run_modal", refuse_modal)

    def refuse_chooser(parent, title: str, *args):  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected file dialog: {title}")

    for name in ("choose_folder", "choose_file", "choose_files", "choose_save_file"):
        monkeypatch.setattr(dialogs, name, refuse_chooser)
    return shown


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test starts with no saved preferences. Qt reads XDG_CONFIG_HOME only once per
    process, so the folder is set through QSettings itself."""
    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def desk_paths(tmp_path: Path) -> DeskPaths:
    return DeskPaths(tmp_path / "desk")


@pytest.fixture
def desk_ctx(desk_paths: DeskPaths) -> Iterator[DeskContext]:
    """A freshly opened desk that is not set up yet (the first run)."""
    ctx = open_desk(desk_paths)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def station_ctx(desk_ctx: DeskContext) -> DeskContext:
    """A desk set up as the Clifton police-station desk."""
    setup.init_station(desk_ctx, "CLIF")
    return desk_ctx
