"""Two workstations writing to one headquarters store on a PostgreSQL server at the same time:
their write units of work queue (as on SQLite), so the one audit trail stays one unbroken
chain. Threads with a desk each stand in for the workstations (each with its own engine)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pg_server import throwaway_database
from sqlalchemy import create_engine, text

from cplc_desk.domain.enums import AuditAction
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.storage.db import _WRITE_LOCK, StoreBusyError

ROUNDS = 40


def _write(ctx: DeskContext) -> None:
    for i in range(ROUNDS):
        with ctx.unit_of_work() as s:
            ctx.audit(s, AuditAction.PERMISSION_DENIED, details={"round": i})


def test_two_workstations_writing_at_once_keep_one_audit_chain(tmp_path: Path) -> None:
    with throwaway_database() as url:
        first = open_desk(DeskPaths(tmp_path / "one"), actor=Actor("importer"), url=url)
        setup.init_hq(first, "CPLC Central")
        second = open_desk(DeskPaths(tmp_path / "two"), actor=Actor("helpline"), url=url)
        try:
            with ThreadPoolExecutor(max_workers=2) as pool:
                for f in [pool.submit(_write, first), pool.submit(_write, second)]:
                    f.result()
            report = check_store(first)
            assert report.ok, report.problems
            assert not report.audit_breaks
        finally:
            first.close()
            second.close()


def test_a_write_waiting_too_long_for_the_lock_is_refused_in_words(tmp_path: Path) -> None:
    with throwaway_database() as url:
        desk = open_desk(DeskPaths(tmp_path / "one"), actor=Actor("importer"), url=url)
        setup.init_hq(desk, "CPLC Central")
        desk.store.busy_timeout_ms = 300
        holder = create_engine(url)
        try:
            with holder.begin() as conn:  # another workstation in the middle of a long import
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _WRITE_LOCK})
                with pytest.raises(StoreBusyError) as refused, desk.unit_of_work() as s:
                    desk.audit(s, AuditAction.PERMISSION_DENIED, details={"waited": True})
            assert refused.value.code == "store_busy"
            assert "Try again" in refused.value.message
            # Once the lock is free the same write goes through, and the chain is whole.
            with desk.unit_of_work() as s:
                desk.audit(s, AuditAction.PERMISSION_DENIED, details={"waited": False})
            report = check_store(desk)
            assert report.ok and not report.audit_breaks, report.problems
        finally:
            holder.dispose()
            desk.close()
