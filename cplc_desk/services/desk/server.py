"""A headquarters store on a PostgreSQL server: the desk's configuration and its password.

The data dir of a workstation that works on a server holds ``store.json`` (beside where the
SQLite file would be) with the server's URL *without* a password. The password comes, in this
order, from the URL given on the command line (for that run only; it is stripped before the URL
is written), ``CPLC_DESK_DB_PASSWORD``, or libpq's password file (``PGPASSFILE``, else
``~/.pgpass`` / ``%APPDATA%\\postgresql\\pgpass.conf``), which psycopg reads itself when the URL
has none. The command line may also ask for it on a terminal (cli/desk.py).

``store.json`` may also name a read replica (``read_url``, set by ``cplc-desk set-read-url``):
a read-only copy of the server that this workstation's lists and statistics read from
(storage/replica.py). Its password follows the same rules.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sqlalchemy import URL, create_engine, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.i18n import _
from cplc_desk.paths import DeskPaths
from cplc_desk.sync.files import write_atomically

CONFIG_FILE = "store.json"
ENV_DB_PASSWORD = "CPLC_DESK_DB_PASSWORD"
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10


class ServiceError(DeskError):
    """The server or its configuration cannot be used: what is wrong and what to do."""

    default_code = "server_store"


def config_path(paths: DeskPaths) -> Path:
    return paths.data_dir / CONFIG_FILE


def parse_url(given: str) -> URL:
    """A server URL checked and normalised to psycopg 3; ServiceError says what is wrong."""
    try:
        url = make_url(given.strip())
    except ArgumentError:
        url = None
    if url is None or url.get_backend_name() not in ("postgresql", "postgres"):
        raise ServiceError(
            _(
                "Give the server as postgresql+psycopg://USER@HOST[:PORT]/DATABASE "
                "(the password is read from the password file or {env})."
            ).format(env=ENV_DB_PASSWORD),
            code="bad_server_url",
        )
    url = url.set(drivername=DRIVER)
    if not url.host or not url.database or not url.username:
        raise ServiceError(
            _(
                "The server URL needs a user, a host and a database: "
                "postgresql+psycopg://USER@HOST[:PORT]/DATABASE."
            ),
            code="bad_server_url",
        )
    return url


def without_password(url: URL) -> URL:
    # (URL.set ignores a None: it cannot take a password away; a URL is a named tuple.)
    return url._replace(password=None)


def public_url(url: URL) -> str:
    """The URL as written to the configuration and shown: never with a password."""
    return without_password(url).render_as_string(hide_password=False)


def describe(url: URL | str) -> str:
    """``user@host:port/database``, for messages and the status bar."""
    u = make_url(url) if isinstance(url, str) else url
    port = f":{u.port}" if u.port else ""
    return f"{u.username}@{u.host}{port}/{u.database}"


def read_config(paths: DeskPaths) -> URL | None:
    """The server this data dir's desk works on (no password), or None for a SQLite desk."""
    path = config_path(paths)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ServiceError(
            _("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from None
    try:
        data = json.loads(raw)
        return parse_url(str(data["url"])).set(password=None)
    except (ValueError, KeyError, TypeError, ServiceError):
        raise ServiceError(
            _(
                "{path} is damaged: it no longer names the headquarters server. Join the "
                "server again from this computer."
            ).format(path=path),
            code="bad_store_config",
        ) from None


def write_config(paths: DeskPaths, url: URL) -> Path:
    """Name the server (keeping the read replica named before, if any), never a password."""
    kept = read_replica(paths) if read_config(paths) is not None else None
    return _write(paths, url, kept)


def write_read_replica(paths: DeskPaths, read_url: URL | None) -> Path:
    """Name the read replica (None forgets it) beside the server already named."""
    url = read_config(paths)
    assert url is not None, "only a server's workstation has a read replica"
    return _write(paths, url, read_url)


def _write(paths: DeskPaths, url: URL, read_url: URL | None) -> Path:
    path = config_path(paths)
    body = {"store": "postgresql", "url": public_url(url)}
    if read_url is not None:
        body["read_url"] = public_url(read_url)
    write_atomically(path, (json.dumps(body, indent=2) + "\n").encode("utf-8"))
    return path


def read_replica(paths: DeskPaths) -> URL | None:
    """The read replica this workstation's lists and statistics read from (no password), or
    None."""
    try:
        data = json.loads(config_path(paths).read_text(encoding="utf-8"))
        given = data.get("read_url") if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None  # read_config says what is wrong with the file
    if not given:
        return None
    try:
        return parse_url(str(given)).set(password=None)
    except ServiceError:
        raise ServiceError(
            _(
                "{path} names a read replica that is not a server URL. Name the read replica "
                "again, or forget it."
            ).format(path=config_path(paths)),
            code="bad_read_replica",
        ) from None


def with_password(url: URL, ask: Callable[[str], str] | None = None) -> URL:
    """The URL to connect with: its own password, else ``CPLC_DESK_DB_PASSWORD``, else none
    (libpq's password file); ``ask`` is tried once if the server then wants a password."""
    if url.password:
        return url
    env = os.environ.get(ENV_DB_PASSWORD)
    if env:
        return url.set(password=env)
    if ask is not None and _wants_password(url):
        return url.set(password=ask(describe(url)))
    return url


def _wants_password(url: URL) -> bool:
    try:
        reach(url)
    except ServiceError as exc:
        return exc.code == "server_password"
    return False


def reach(url: URL) -> None:
    """Connect once; ServiceError with what to do if the server cannot be used."""
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        raise server_error(url, exc) from None
    finally:
        engine.dispose()


def server_error(url: URL | str, exc: BaseException) -> ServiceError:
    """What went wrong talking to the server, in words (never the password: psycopg's
    message does not carry it)."""
    detail = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
    first = detail[0] if detail else type(exc).__name__
    if "password" in first.lower():
        return ServiceError(
            _(
                "The server {server} refused the password ({detail}). Put the password in the "
                "PostgreSQL password file (pgpass) or in {env}, and try again."
            ).format(server=describe(url), detail=first, env=ENV_DB_PASSWORD),
            code="server_password",
        )
    return ServiceError(
        _(
            "Cannot use the headquarters server {server}: {detail}. Check that the server is "
            "running and reachable from this computer, then try again."
        ).format(server=describe(url), detail=first),
        code="server_unreachable",
    )


def refuse_if_sqlite_desk(paths: DeskPaths) -> None:
    """A data dir whose SQLite file holds a desk is not turned into a server's workstation."""
    if not paths.database.exists():
        return
    try:
        with closing(sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT code FROM desk").fetchone()
    except sqlite3.Error:
        row = None
    if row is not None:
        raise ServiceError(
            _(
                "The data folder {path} already holds a desk ({code}) in its own file. Nothing "
                "was changed. Give another data folder (--data-dir) for the server's desk."
            ).format(path=paths.data_dir, code=row[0]),
            code="already_set_up",
        )


def refuse_other_server(paths: DeskPaths, url: URL) -> None:
    current = read_config(paths)
    if current is not None and public_url(current) != public_url(url):
        raise ServiceError(
            _(
                "This data folder already works on the server {current}. Nothing was changed. "
                "Give another data folder (--data-dir) for another server."
            ).format(current=describe(current)),
            code="already_set_up",
        )
