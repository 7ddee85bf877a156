"""A headquarters workstation with a read replica, on the real server: lists and statistics read
from the read URL, every write (and every audit entry those reads write) goes to the primary,
and a replica that cannot be reached falls back to the primary with a warning.

A copy of the primary database stands in for the streaming standby (tests/replica_pair.py): a
complaint added only there tells which database a read went to. The desk
connects to its read URL with ``default_transaction_read_only=on``, as a standby refuses
writes anyway."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from replica_pair import CNIC_ONLY_THERE, IN_BOTH, ONLY_THERE, Pair, replica_pair
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.exc import DBAPIError

from cplc_desk.domain.statistics import Month, StatisticsRequest
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.statistics import report
from cplc_desk.storage import replica as replica_mod
from cplc_desk.storage.models import AuditEntry

OCT = Month(2026, 10)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with replica_pair(tmp_path) as made:
        yield made


def _desk(tmp_path: Path, pair: Pair, read_url: str | None) -> DeskContext:
    return open_desk(
        DeskPaths(tmp_path / "analyst"), actor=Actor("analyst"), url=pair.primary, read_url=read_url
    )


def _numbers(ctx: DeskContext, text_: str = "") -> set[str]:
    page = complaint_list.list_page(ctx, complaint_list.ComplaintQuery(text=text_))
    return {r.number for r in page.rows}


def _audit_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one())
    finally:
        engine.dispose()


def test_lists_and_statistics_read_the_replica_and_audit_entries_go_to_the_primary(
    tmp_path: Path, pair: Pair
) -> None:
    ctx = _desk(tmp_path, pair, pair.replica)
    try:
        only_there = ONLY_THERE
        assert only_there not in _numbers(ctx)  # outside an analysis: the primary
        with ctx.store.analysis():
            assert only_there in _numbers(ctx)  # a list: the replica
            assert complaint_list.count(ctx, complaint_list.ComplaintQuery()) == 2
        assert complaint_list.count(ctx, complaint_list.ComplaintQuery()) == 1

        primary_audit, replica_audit = _audit_count(pair.primary), _audit_count(pair.replica)
        with ctx.store.analysis():  # a person searched by CNIC: the look-up is audited
            assert _numbers(ctx, CNIC_ONLY_THERE) == {only_there}
        rep = report.compute(ctx, StatisticsRequest(OCT))
        theft = next(r for r in rep.rows if r.category == "complaint.theft")
        assert theft.count == 2  # the replica's figures
        assert any("read replica" in note and "behind" in note for note in rep.footnotes)
        # Both audit entries (the CNIC look-up, the report) are in the primary's trail only.
        assert _audit_count(pair.primary) == primary_audit + 2
        assert _audit_count(pair.replica) == replica_audit
        assert ctx.store.replica is not None and ctx.store.replica.warning is None
    finally:
        ctx.close()


def test_a_write_through_the_read_url_is_refused(tmp_path: Path, pair: Pair) -> None:
    ctx = _desk(tmp_path, pair, pair.replica)
    try:
        assert ctx.store.replica is not None
        session = ctx.store.replica.session()
        assert session is not None
        with session, pytest.raises(DBAPIError, match="read-only transaction"):
            session.execute(text("DELETE FROM complaint"))
        # Even inside an analysis, a unit of work writes to the primary.
        with ctx.store.analysis(), ctx.unit_of_work() as s:
            assert s.get_bind().url.database == make_url(pair.primary).database
    finally:
        ctx.close()


def test_without_a_read_url_statistics_say_nothing_of_a_replica(tmp_path: Path, pair: Pair) -> None:
    ctx = _desk(tmp_path, pair, None)
    try:
        assert ctx.store.replica is None
        rep = report.compute(ctx, StatisticsRequest(OCT))
        assert not any("replica" in note for note in rep.footnotes)
        with ctx.store.analysis():
            assert ONLY_THERE not in _numbers(ctx)
    finally:
        ctx.close()


def test_a_replica_that_goes_away_falls_back_to_the_primary_with_a_warning(
    tmp_path: Path, pair: Pair, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _desk(tmp_path, pair, pair.replica)
    told: list[str | None] = []
    try:
        replica = ctx.store.replica
        assert replica is not None
        replica.listeners.append(told.append)
        with ctx.store.analysis():
            assert ONLY_THERE in _numbers(ctx)  # pooled connection to the replica
        pair.drop_replica()
        caplog.set_level(logging.WARNING, logger="cplc_desk.storage.replica")
        with ctx.store.analysis():
            assert _numbers(ctx) == {IN_BOTH}  # the primary's, no error
        assert replica.warning is not None and "primary server" in replica.warning
        assert told == [replica.warning]
        assert any("unreachable" in r.getMessage() for r in caplog.records)
        rep = report.compute(ctx, StatisticsRequest(OCT))
        assert any("could not be reached" in note for note in rep.footnotes)
        assert len(told) == 1  # not tried again at every read: one warning, one log line
        # After the pause the replica is tried again (still gone: the primary again).
        monkeypatch.setattr(replica, "_down_until", 0.0)
        with ctx.store.analysis():
            assert complaint_list.count(ctx, complaint_list.ComplaintQuery()) == 1
    finally:
        ctx.close()


def test_a_replica_never_reached_falls_back_at_once(tmp_path: Path, pair: Pair) -> None:
    nowhere = make_url(pair.replica).set(host="127.0.0.1", port=1).render_as_string(False)
    ctx = _desk(tmp_path, pair, nowhere)
    try:
        with ctx.store.analysis():
            assert _numbers(ctx) == {IN_BOTH}
        assert ctx.store.replica is not None and ctx.store.replica.warning is not None
        assert "127.0.0.1:1" in ctx.store.replica.warning
        password = make_url(nowhere).password
        assert f":{password}@" not in ctx.store.replica.warning  # never the password
        assert replica_mod.label(nowhere) == f"{make_url(nowhere).username}@127.0.0.1:1/" + str(
            make_url(nowhere).database
        )
    finally:
        ctx.close()
