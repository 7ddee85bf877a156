"""Shared fixtures: every test gets its own data dir with a real SQLite store.

The schema is migrated once per session into a template file, which each test copies (with
reference data already loaded), so tests run against real migrated files without paying for
the migrations each time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_account import CLI_ENV, add_cli_admin

from cplc_desk.paths import DB_FILENAME, ENV_DATA_DIR, DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing a test does may land in the real user's data dir or settings.
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path_factory.mktemp("default-data")))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    # Commands started by tests sign in as the CLI test account (see tests/cli_account.py).
    for key, value in CLI_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("CPLC_DESK_PASSWORD_FILE", raising=False)


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """Tests speak English unless they switch; a test that switched (or failed half-way in
    Urdu) leaves no Urdu behind for the next one."""
    from cplc_desk.domain import i18n

    i18n.set_language(i18n.ENGLISH)
    yield
    i18n.set_language(i18n.ENGLISH)


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    ctx = open_desk(DeskPaths(folder))
    ctx.close()
    return folder / DB_FILENAME


@pytest.fixture
def desk_paths(tmp_path: Path, template_store: Path) -> DeskPaths:
    paths = DeskPaths(tmp_path / "desk")
    paths.ensure()
    shutil.copyfile(template_store, paths.database)
    return paths


@pytest.fixture
def ctx(desk_paths: DeskPaths) -> Iterator[DeskContext]:
    context = open_desk(desk_paths, actor=Actor("volunteer1"))
    yield context
    context.close()


@pytest.fixture
def station(ctx: DeskContext) -> DeskContext:
    """A desk set up as the Clifton police-station desk."""
    setup.init_station(ctx, "CLIF")
    return ctx


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def run_cli(
    *args: str,
    data_dir: Path | None = None,
    timeout: float = 120,
    env: dict[str, str | None] | None = None,
) -> CliResult:
    """Run the real ``cplc-desk`` command in a subprocess, signed in as the CLI test account
    (tests/cli_account.py). ``env`` overrides variables; a value None removes one."""
    cmd, full_env = _cli_command(args, data_dir, env)
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def start_cli(
    *args: str, data_dir: Path | None = None, env: dict[str, str | None] | None = None
) -> subprocess.Popen[str]:
    """As :func:`run_cli`, but started and not waited for (two workstations at once)."""
    cmd, full_env = _cli_command(args, data_dir, env)
    return subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=full_env,
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
    )


def _cli_command(
    args: tuple[str, ...], data_dir: Path | None, env: dict[str, str | None] | None
) -> tuple[list[str], dict[str, str]]:
    cmd = [sys.executable, "-m", "cplc_desk"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    full_env = dict(os.environ, PYTHONIOENCODING="utf-8", **CLI_ENV)
    full_env.pop("CPLC_DESK_PASSWORD_FILE", None)
    for key, value in (env or {}).items():
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    return [*cmd, *args], full_env


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def cli_started():
    return start_cli


@pytest.fixture
def cli_account(station: DeskContext) -> None:
    """The ``station`` desk (set up through the services) with the CLI test account, for tests
    that then drive it through the CLI."""
    add_cli_admin(station)
