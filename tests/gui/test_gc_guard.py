"""Cycles are collected on the GUI thread only, never on a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading

from cplc_desk.gui.shell import gc_guard


def _make_cycles(n: int) -> None:
    for _ in range(n):
        a: list[object] = []
        a.append(a)


def test_worker_allocations_never_run_the_collector(qtbot) -> None:
    threads: list[str] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(watch)
    try:
        assert not gc.isenabled()  # the fixture installed the guard, as the app does
        worker = threading.Thread(target=_make_cycles, args=(200_000,), name="worker")
        worker.start()
        worker.join()
        assert "worker" not in threads
        qtbot.wait(400)  # the guard's timer runs the due collections here
        assert threads and set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(watch)


def test_without_the_guard_a_worker_would_collect() -> None:
    """The control: the same work with automatic collection on runs it on the worker."""
    gc_guard.uninstall()
    threads: list[str] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.enable()
    gc.callbacks.append(watch)
    try:
        worker = threading.Thread(target=_make_cycles, args=(200_000,), name="worker")
        worker.start()
        worker.join()
    finally:
        gc.callbacks.remove(watch)
    assert "worker" in threads


def test_cplc_desk_starts_its_window_with_the_collector_off(monkeypatch, tmp_path) -> None:
    """`cplc-desk` with no command turns automatic collection off before it imports the window
    (start-up makes long-lived objects, not garbage); the guard then collects on the GUI thread."""
    from cplc_desk.cli.main import main
    from cplc_desk.gui.shell import app as gui_app

    seen: list[bool] = []

    def run_gui(paths: object, demo: bool = False) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(gui_app, "run_gui", run_gui)
    gc.enable()
    try:
        assert main(["--data-dir", str(tmp_path / "desk")]) == 0
    finally:
        gc.disable()  # as the fixture's guard had it
    assert seen == [False]
