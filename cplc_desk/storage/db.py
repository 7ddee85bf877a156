"""Engine and session set-up for the desk's store.

SQLite is opened in WAL mode with foreign keys on, ``synchronous=FULL`` (a commit survives a
power cut) and a busy timeout, so a second process waits instead of failing. Write units of work
start with ``BEGIN IMMEDIATE``: they take the write lock up front, so two writers never deadlock
half-way through a transaction. The same code runs on PostgreSQL (psycopg 3) with a URL; there
a write unit of work takes one transaction-level advisory lock first (the same one on every
workstation of the server), so writers queue as on SQLite: records, numbers and the sync
counters see one writer at a time, and readers never wait.

The audit trail is one hash chain on both. Its entries are chained when their unit of work
commits (storage/audit.py), just before, under a second advisory lock on a server (the "audit
lock"), held only for that last moment. A unit of work that writes audit entries only (a check,
a look-up, a record viewed: ``write(..., exclusive=False)``) takes no writers' lock on a server,
only the audit lock at its commit, so it does not queue behind another workstation's import;
anything else it tries to write is refused (:class:`AuditOnlyWriteError`). No deadlock: the
writers' lock is taken first or never, the audit lock last.

A server's store may also have a read replica (storage/replica.py): reads inside
:meth:`Store.analysis` (lists and statistics) go there; every write, and every other read, goes
to the primary.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from cplc_desk.domain.errors import DeskError
from cplc_desk.domain.folding import fold
from cplc_desk.domain.i18n import _
from cplc_desk.storage import audit, changelog
from cplc_desk.storage.replica import REPLICA_DOWN, Replica

BUSY_TIMEOUT_MS = 15_000
# Any fixed numbers, distinct from migrate's: the server's "write lock" and "audit lock".
_WRITE_LOCK = 0x43504C57
_AUDIT_LOCK = 0x43504C41
_AUDIT_ONLY = "cplc_audit_only"  # execution option of an audit-only unit of work's connection
_WRITES = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|UPSERT|TRUNCATE|CREATE|DROP|ALTER)\b", re.I
)
_AUDIT_INSERT = re.compile(r"\s*INSERT\s+INTO\s+audit_log\b", re.I)
# PostgreSQL's SQLSTATE for a lock not granted within lock_timeout.
_LOCK_NOT_AVAILABLE = "55P03"


class StoreBusyError(DeskError):
    """Another workstation held the server's write lock longer than the wait allowed: nothing
    was written, and the person can simply try again."""

    default_code = "store_busy"

    def __init__(self, seconds: int) -> None:
        super().__init__(
            _(
                "Another workstation has been writing to headquarters' server for more than "
                "{seconds} seconds (a large import, perhaps), so nothing was changed here. Try "
                "again in a minute; if this keeps happening, ask the server's administrator to "
                "look for a stuck session."
            ).format(seconds=seconds)
        )


class AuditOnlyWriteError(RuntimeError):
    """An audit-only unit of work tried to write something other than audit entries: a
    programming error (use a write unit of work, which queues behind the other writers)."""


def _take_lock(session: Session, key: int, timeout_ms: int) -> None:
    """One of the server's locks, waited for as long as SQLite's busy timeout, then refused in
    words instead of the driver's error."""
    # One round trip: the timeout is set (for this transaction) in the statement's one-time
    # filter, which the server evaluates before its output, the lock.
    try:
        session.execute(
            text(
                "SELECT pg_advisory_xact_lock(:k) "
                "WHERE set_config('lock_timeout', :t, true) IS NOT NULL"
            ),
            {"t": f"{int(timeout_ms)}ms", "k": key},
        )
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
            raise StoreBusyError(max(1, timeout_ms // 1000)) from None
        raise


def set_local(session: Session, **settings: str) -> None:
    """The server's ``settings`` for the rest of this transaction (as ``SET LOCAL``), all in
    one round trip."""
    calls = ", ".join(f"set_config(:n{i}, :v{i}, true)" for i in range(len(settings)))
    params: dict[str, str] = {}
    for i, (name, value) in enumerate(settings.items()):
        params |= {f"n{i}": name, f"v{i}": value}
    session.execute(text(f"SELECT {calls}"), params)


def _refuse_other_writes(
    conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    """In an audit-only unit of work, any statement that writes other than an audit entry."""
    if not conn.get_execution_options().get(_AUDIT_ONLY):
        return
    if _WRITES.match(statement) and not _AUDIT_INSERT.match(statement):
        shown = " ".join(statement.split())[:80]
        raise AuditOnlyWriteError(
            f"an audit-only unit of work writes audit entries only, not: {shown}; "
            "use a write unit of work (Store.write, DeskContext.unit_of_work)"
        )


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide when a transaction starts.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()
        # The full-text index and its triggers hold folded text (domain/folding.py).
        dbapi_conn.create_function("cplc_fold", 1, fold, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, **kwargs: Any) -> Engine:
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


class Store:
    """The database of one desk: an engine plus read and write units of work.

    No widget or model holds a Session: services open one per call with :meth:`write` or
    :meth:`read` and hand back plain data.
    """

    def __init__(self, url: str, *, echo: bool = False, read_url: str | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        # On SQLite every unit of work that writes takes the file's write lock up front.
        begin: dict[str, Any] = {"sqlite_begin": "IMMEDIATE"} if self.is_sqlite else {}
        write_bind = self.engine.execution_options(**begin) if begin else self.engine
        light_bind = self.engine.execution_options(**begin, **{_AUDIT_ONLY: True})
        self._writer = sessionmaker(bind=write_bind, expire_on_commit=False)
        self._light = sessionmaker(bind=light_bind, expire_on_commit=False)
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        for maker in (self._writer, self._light):
            event.listen(maker, "before_commit", self._chain_audit)
        event.listen(self.engine, "before_cursor_execute", _refuse_other_writes)
        # How long a write waits for the server's write lock (tests shorten it).
        self.busy_timeout_ms = BUSY_TIMEOUT_MS
        self._writes = threading.local()  # how deep this thread is in write units of work
        # Lists and statistics read from here when set (a server's read-only copy).
        self.replica = Replica(read_url) if read_url and not self.is_sqlite else None

    @classmethod
    def for_file(cls, path: Path) -> Store:
        return cls(sqlite_url(path))

    @contextmanager
    def write(self, *, actor: str, desk_code: str, exclusive: bool = True) -> Iterator[Session]:
        """One write unit of work: commits on success, rolls back on any exception.

        ``actor`` and ``desk_code`` stamp every synced record created or changed inside it.
        ``exclusive=False``: a unit of work that writes audit entries only, which on a server
        does not wait for the writers' lock (see the module's docstring); anything else written
        in it raises :class:`AuditOnlyWriteError` and rolls it back.
        """
        self._writes.depth = self.writing_depth() + 1
        try:
            with (self._writer if exclusive else self._light).begin() as session:
                if exclusive and not self.is_sqlite:
                    _take_lock(session, _WRITE_LOCK, self.busy_timeout_ms)
                changelog.attach(session, actor=actor, desk_code=desk_code)
                yield session
        finally:
            self._writes.depth -= 1

    def _chain_audit(self, session: Session) -> None:
        """Just before a unit of work commits: its queued audit entries chained to the trail,
        under the audit lock on a server (SQLite's write lock is already held)."""
        # Everything else first (a changed record's own audit entry is queued as it flushes),
        # so the audit lock is held only while the entries are chained and committed.
        session.flush()
        if not audit.has_queued(session):
            return
        if not self.is_sqlite:
            _take_lock(session, _AUDIT_LOCK, self.busy_timeout_ms)
        while audit.has_queued(session):
            audit.chain_queued(session)
            session.flush()

    def writing_depth(self) -> int:
        """How many write units of work this thread has open (a second one would wait on the
        first's lock)."""
        return int(getattr(self._writes, "depth", 0))

    @contextmanager
    def analysis(self) -> Iterator[None]:
        """Reads on this thread inside the block (a list's pages and counts, a statistics
        report) go to the read replica when one is set and answers, else to the primary; the
        session's ``info`` says which (storage/replica.py). Writes are unaffected."""
        depth = int(getattr(self._writes, "analysis", 0))
        self._writes.analysis = depth + 1
        try:
            yield
        finally:
            self._writes.analysis = depth

    @contextmanager
    def one_read(self) -> Iterator[None]:
        """Reads on this thread inside the block share one session and one transaction: a
        vehicle check's several look-ups (its reports, the hotlist's, the near identifiers, the
        hotlist's age) cost one begin and one end on a server instead of one each, and see one
        snapshot on SQLite. A read inside a write, or inside :meth:`analysis`, goes its own way
        as before.

        For short look-ups that hand back plain data: a read whose statement fails rolls the
        shared transaction back (the next read begins another), which expires what earlier
        reads loaded; on SQLite a write made inside the block is not seen by its later reads;
        and a read's transaction settings (:func:`~cplc_desk.storage.many.by_index`) hold for
        every later read of the block."""
        if getattr(self._writes, "shared", None) is not None:
            yield  # already inside one: the outer block owns the session
            return
        held: list[Session] = []
        self._writes.shared = held
        try:
            yield
        finally:
            self._writes.shared = None
            for session in held:
                session.close()

    def _shared_read(self) -> list[Session] | None:
        if getattr(self._writes, "analysis", 0) or self.writing_depth():
            return None
        shared: list[Session] | None = getattr(self._writes, "shared", None)
        return shared

    @contextmanager
    def read(self) -> Iterator[Session]:
        shared = self._shared_read()
        if shared is not None:
            if not shared:
                shared.append(self._reader())
            try:
                yield shared[0]
            except SQLAlchemyError:
                shared[0].rollback()  # a failed statement ends the transaction on a server
                raise
            return
        replica = self.replica
        if not getattr(self._writes, "analysis", 0) or self.writing_depth():
            replica = None  # not an analysis, or inside a write: the primary, as it is now
        if replica is not None:
            session = replica.session()
            if session is not None:
                with session:
                    yield session
                return
        with self._reader() as session:
            if replica is not None and replica.warning is not None:
                session.info[REPLICA_DOWN] = replica.warning
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
        if self.replica is not None:
            self.replica.dispose()
