"""``cplc-desk move-hq``: a SQLite headquarters copied to an empty database on a server.

The schema is made by the migrations, every table is copied in foreign-key order, then each
table is compared (row count and content digest, storage/copy_store.py) and the store checked
on the server (``check``: record seals and the audit chain). Only then is ``store.json`` written
and the desk works on the server. The SQLite file is only read (its write lock is held while
the copy is made, so nothing changes under it) and stays as the way back: delete ``store.json``.
On any failure the tables made on the server are dropped and the desk stays on its file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import URL, text
from sqlalchemy.exc import DBAPIError

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.services.desk import server
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage import copy_store, migrate
from cplc_desk.storage.db import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MoveReport:
    server: str
    tables: int
    rows: int
    seconds: float


def _refuse_unless_movable(ctx: DeskContext) -> None:
    identity = ctx.require_identity()
    if identity.is_station:
        raise server.ServiceError(
            _("This is a station desk: only headquarters moves to a server. Nothing was changed."),
            code="not_hq",
        )
    if not ctx.store.is_sqlite or server.read_config(ctx.paths) is not None:
        raise server.ServiceError(
            _("This desk already works on a server. Nothing was changed."),
            code="already_on_server",
        )


def _refuse_unless_empty(target: Store, url: URL) -> None:
    with target.engine.connect() as conn:
        present = copy_store.table_names(conn)
    if present:
        raise server.ServiceError(
            _(
                "The database {server} is not empty ({n} tables). Nothing was changed. Give "
                "a new, empty database for headquarters."
            ).format(server=server.describe(url), n=len(present)),
            code="server_not_empty",
        )


def move_to_server(
    ctx: DeskContext, url: URL, *, progress: Callable[[str, int], None] | None = None
) -> MoveReport:
    """Copy, verify, check, then switch this data folder to the server (ServiceError else)."""
    ctx.require(Permission.MANAGE_KEYS)
    _refuse_unless_movable(ctx)
    started = time.monotonic()
    target = Store(url.render_as_string(hide_password=False))
    try:
        _refuse_unless_empty(target, url)
    except DBAPIError as exc:
        target.dispose()
        raise server.server_error(url, exc) from None
    try:
        rows = _copy_and_verify(ctx, target, progress)
    except BaseException as exc:
        emptied = _empty(target)
        target.dispose()
        raise _failed(url, exc, emptied) from None
    target.dispose()
    report = MoveReport(
        server.describe(url), len(copy_store.tables()), rows, time.monotonic() - started
    )
    log.info("headquarters moved to a server: %d rows in %.1f s", rows, report.seconds)
    return report


def _copy_and_verify(
    ctx: DeskContext, target: Store, progress: Callable[[str, int], None] | None
) -> int:
    with migrate.one_at_a_time(target.engine):
        migrate.upgrade(target.engine, "head")
    tables = copy_store.tables()
    source_engine = ctx.store.engine.execution_options(sqlite_begin="IMMEDIATE")
    with source_engine.connect() as source:
        source.execute(text("SELECT 1"))  # the write lock: nothing changes under the copy
        rows = 0
        with target.engine.begin() as dest:
            for table in reversed(tables):  # whatever the migrations filled in, made again
                dest.execute(table.delete())
            for table in tables:
                rows += copy_store.copy_table(source, dest, table, progress=progress)
                copy_store.set_sequences_past_copied(dest, table)
        with target.engine.connect() as dest:
            for table in tables:
                if copy_store.digest(source, table) != copy_store.digest(dest, table):
                    raise server.ServiceError(
                        _(
                            "The table {table} differs on the server after the copy. The desk "
                            "stays on its own file."
                        ).format(table=table.name),
                        code="move_differs",
                    )
        _check_on_server(ctx, target)
        server.write_config(ctx.paths, server.parse_url(target.url))
        source.rollback()
    return rows


def _check_on_server(ctx: DeskContext, target: Store) -> None:
    from cplc_desk.services.desk.check import check_store

    moved = DeskContext(paths=ctx.paths, store=target, actor=ctx.actor)
    with moved.unit_of_work() as s:
        moved.audit(s, AuditAction.STORE_MIGRATED, details={"moved_to": "postgresql"})
    report = check_store(moved)
    if not report.ok:
        raise server.ServiceError(
            _(
                "The check of the copy on the server found problems ({first}). The desk stays "
                "on its own file."
            ).format(first=report.problems[0]),
            code="move_check_failed",
        )


def _empty(target: Store) -> bool:
    """Drop what the move made on the server (it held no table before); False if it cannot."""
    try:
        with target.engine.begin() as conn:
            for name in copy_store.table_names(conn):
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    except DBAPIError:
        log.warning("could not empty the server database after a failed move")
        return False
    return True


def _failed(url: URL, exc: BaseException, emptied: bool) -> BaseException:
    """What went wrong, that the desk stays on its file, and what is left on the server."""
    if not isinstance(exc, server.ServiceError | DBAPIError):
        return exc
    if isinstance(exc, DBAPIError):
        lines = str(exc.orig or exc).strip().splitlines()
        reason = lines[0] if lines else type(exc).__name__
    else:
        reason = str(exc)
    left = (
        _("The tables the move made on the server were dropped.")
        if emptied
        else _(
            "The database {server} is left partly filled: ask its administrator to drop and "
            "create it again before another move."
        ).format(server=server.describe(url))
    )
    return server.ServiceError(
        _(
            "Headquarters was not moved: {reason} The desk stays on its own file, unchanged. {left}"
        ).format(reason=reason.rstrip(".") + ".", left=left),
        code="move_failed",
    )
