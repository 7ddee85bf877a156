"""Several workstations writing to one headquarters store on a PostgreSQL server at the same
time: write units of work queue for the writers' lock (as on SQLite); audit-only units of work
(checks, look-ups) do not, and every entry is chained at its commit under the audit lock, so the
one audit trail stays one unbroken chain. Threads with a desk each stand in for the
workstations (each desk has its own engine, so its own connections)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pg_server import throwaway_database
from sqlalchemy import Engine, create_engine, func, select, text

from cplc_desk.domain.enums import AuditAction
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.phones import phones
from cplc_desk.services.vehicles import verification
from cplc_desk.storage import meta as store_meta
from cplc_desk.storage.db import _WRITE_LOCK, AuditOnlyWriteError, StoreBusyError
from cplc_desk.storage.models import AuditEntry

ROUNDS = 40


def _write(ctx: DeskContext) -> None:
    for i in range(ROUNDS):
        with ctx.unit_of_work() as s:
            ctx.audit(s, AuditAction.PERMISSION_DENIED, details={"round": i})
            store_meta.put(s, f"test.{ctx.actor.username}", str(i))


def _look(ctx: DeskContext) -> None:
    for i in range(ROUNDS):
        with ctx.audit_unit() as s:
            ctx.audit(s, AuditAction.RECORD_VIEWED, details={"round": i})


def test_two_workstations_writing_at_once_keep_one_audit_chain(tmp_path: Path) -> None:
    """A writer and two desks recording look-ups, all at once: the look-ups pass the writer,
    and only the audit lock keeps their entries one chain (without it, two commits chain to the
    same predecessor and ``check`` names the break)."""
    with throwaway_database() as url:
        first = open_desk(DeskPaths(tmp_path / "one"), actor=Actor("importer"), url=url)
        setup.init_hq(first, "CPLC Central")
        others = [
            open_desk(DeskPaths(tmp_path / name), actor=Actor(name), url=url)
            for name in ("helpline", "analyst")
        ]
        try:
            with ThreadPoolExecutor(max_workers=3) as pool:
                futures = [pool.submit(_write, first)] + [pool.submit(_look, o) for o in others]
                for f in futures:
                    f.result()
            report = check_store(first)
            assert report.ok, report.problems
            assert not report.audit_breaks
            with first.store.read() as s:
                entries = s.scalar(select(func.count()).select_from(AuditEntry))
            assert entries is not None and entries >= 3 * ROUNDS
        finally:
            first.close()
            for o in others:
                o.close()


def _waiting_for_locks(watcher: Engine) -> int:
    """Sessions of this database waiting for an advisory lock (the writers' or the audit's)."""
    with watcher.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = "
                    "current_database())"
                )
            ).scalar_one()
        )


def test_checks_do_not_wait_for_an_import_at_another_workstation(tmp_path: Path) -> None:
    """While one workstation is half-way through a write unit of work (an import holding the
    writers' lock), a vehicle check and a phone check at another complete and commit their
    audit entries; the import's entry, appended earlier, joins the chain after them."""
    with throwaway_database() as url:
        importer = open_desk(DeskPaths(tmp_path / "one"), actor=Actor("importer"), url=url)
        setup.init_hq(importer, "CPLC Central")
        helpline = open_desk(DeskPaths(tmp_path / "two"), actor=Actor("helpline"), url=url)
        # Were the checks to queue, they would wait (not be refused as busy) until the end.
        helpline.store.busy_timeout_ms = 600_000
        done, failed, answers = threading.Event(), [], []

        def check() -> None:
            try:
                answers.append(verification.verify(helpline, "LEA-1234").result)
                answers.append(phones.verify_phone(helpline, "490154203237518").result)
            except BaseException as exc:  # handed to the test below
                failed.append(exc)
            finally:
                done.set()

        watcher = create_engine(url)
        checker = threading.Thread(target=check)
        try:
            with importer.unit_of_work() as s:  # holds the writers' lock until it commits
                importer.audit(s, AuditAction.BUNDLE_IMPORTED, details={"station": "CLIF"})
                store_meta.put(s, "test.import", "half-way")
                s.flush()
                checker.start()
                while not done.wait(0.05):
                    assert _waiting_for_locks(watcher) == 0, "the check queues behind the import"
                assert not failed, failed
                assert answers == ["none", "none"]
        finally:
            if checker.is_alive():
                checker.join()
            watcher.dispose()
        try:
            with importer.store.read() as s:
                actions = list(
                    s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(3))
                )
            assert actions == [
                AuditAction.BUNDLE_IMPORTED.value,
                AuditAction.PHONE_VERIFIED.value,
                AuditAction.VEHICLE_VERIFIED.value,
            ]
            report = check_store(importer)
            assert report.ok and not report.audit_breaks, report.problems
            # Audit-only units of work stay that: a record or setting written in one is refused.
            with pytest.raises(AuditOnlyWriteError), helpline.audit_unit() as s:
                helpline.audit(s, AuditAction.RECORD_VIEWED, details={"then": "a setting"})
                store_meta.put(s, "test.helpline", "refused")
            with helpline.store.read() as s:
                assert store_meta.get(s, "test.helpline") is None
        finally:
            importer.close()
            helpline.close()


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
