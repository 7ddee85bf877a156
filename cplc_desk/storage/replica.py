"""A read-only copy of headquarters' server (a streaming replica) that lists and statistics read
from, so analysts' long queries do not load the server every workstation writes to.

A :class:`Replica` opens sessions on the read URL, always with
``default_transaction_read_only=on`` (a write there fails even when the URL names the primary by
mistake). When it cannot be reached, the read goes to the primary instead: the failure is logged
once with a warning, the listeners (the window's status bar) are told, and for
:data:`RETRY_AFTER_S` seconds reads go straight to the primary rather than waiting on a
connection timeout each time; then the replica is tried again. Nothing here writes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from cplc_desk.domain.i18n import _

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5
RETRY_AFTER_S = 60.0
READ_ONLY = "-c default_transaction_read_only=on"
# Keys of Session.info telling the caller where a read went.
FROM_REPLICA = "read_from_replica"  # the replica's label, when the read is on it
REPLICA_DOWN = "replica_down"  # the warning, when the read fell back to the primary

Listener = Callable[[str | None], None]


def label(url: str) -> str:
    """``user@host:port/database``, never the password."""
    u = make_url(url)
    port = f":{u.port}" if u.port else ""
    return f"{u.username}@{u.host}{port}/{u.database}"


class Replica:
    """The read URL's engine, made on first use, and whether it answered last time."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.label = label(url)
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._down_until = 0.0
        self._lock = threading.Lock()
        self.warning: str | None = None  # set while reads fall back to the primary
        self.listeners: list[Listener] = []

    def _maker(self) -> sessionmaker[Session]:
        with self._lock:
            if self._sessions is None:
                self._engine = create_engine(
                    self.url,
                    pool_pre_ping=True,  # a replica restarted since: reconnect, not fail
                    connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "options": READ_ONLY},
                )
                self._sessions = sessionmaker(bind=self._engine, expire_on_commit=False)
            return self._sessions

    def session(self) -> Session | None:
        """A session on the replica, connected; None (and the warning set) if it cannot be
        reached now."""
        if time.monotonic() < self._down_until:
            return None
        session = self._maker()()
        try:
            session.connection()
        except DBAPIError as exc:
            session.close()
            self._went_down(exc)
            return None
        session.info[FROM_REPLICA] = self.label
        if self.warning is not None:
            self._set_warning(None)
            log.info("the read replica %s answers again", self.label)
        return session

    def _went_down(self, exc: BaseException) -> None:
        detail = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
        first = detail[0] if detail else type(exc).__name__
        self._down_until = time.monotonic() + RETRY_AFTER_S
        message = _(
            "The read replica {replica} cannot be reached ({detail}), so lists and statistics "
            "are read from the primary server instead. Ask the server's administrator to look "
            "at the replica."
        ).format(replica=self.label, detail=first)
        log.warning(
            "read replica %s unreachable, reading from the primary for %.0f s: %s",
            self.label,
            RETRY_AFTER_S,
            first,
        )
        self._set_warning(message)

    def _set_warning(self, message: str | None) -> None:
        self.warning = message
        for listener in list(self.listeners):
            try:
                listener(message)
            except Exception:  # a listener's failure must not fail the read
                log.exception("a read replica listener failed")

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def note(info: dict[Any, Any]) -> str | None:
    """What a report says about where its figures were read, from its session's ``info``."""
    replica = info.get(FROM_REPLICA)
    if replica:
        return _(
            "Figures read from the read replica {replica}: it may be a few seconds behind the "
            "primary server, so records merged in the last moments may not be counted yet."
        ).format(replica=replica)
    if info.get(REPLICA_DOWN):
        return _(
            "The read replica could not be reached: these figures were read from the primary "
            "server."
        )
    return None
