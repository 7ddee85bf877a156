"""``cplc-desk set-read-url`` and ``cplc-desk statistics`` through the real command on a real
server: the read replica named (checked, never its password), the figures read from it and
saying so, the audit entries on the primary, a replica gone falling back with a warning, and
forgetting it. A copy of the primary database (``CREATE DATABASE ... TEMPLATE``) with one
complaint more stands in for the streaming standby."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pg_server import drop_database, require_server, throwaway_database
from replica_pair import CNIC_ONLY_THERE, add_complaint
from sqlalchemy import create_engine, func, make_url, select, text

from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.desk.server import public_url
from cplc_desk.storage.models import AuditEntry

Cli = Callable[..., Any]


def _add_complaint(url: str, tmp: Path) -> None:
    ctx = open_desk(DeskPaths(tmp), actor=Actor("admin"), url=url)
    try:
        add_complaint(ctx, CNIC_ONLY_THERE)
    finally:
        ctx.close()


def _theft(stdout: str) -> tuple[int, list[str]]:
    report = json.loads(stdout)
    row = next(r for r in report["rows"] if r["category"] == "complaint.theft")
    return row["count"], report["footnotes"]


def _audit_actions(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    finally:
        engine.dispose()


def test_statistics_read_from_the_named_replica_and_fall_back_when_it_is_gone(
    cli: Cli, tmp_path: Path
) -> None:
    admin = create_engine(require_server(), isolation_level="AUTOCOMMIT")
    copy = f"cplc_test_{uuid.uuid4().hex[:10]}"
    with throwaway_database() as primary, throwaway_database() as stranger:
        hq = tmp_path / "hq"
        env = {"CPLC_DESK_DB_PASSWORD": make_url(primary).password}
        run = cli("init-hq", "--name", "CPLC Central", "--db-url", primary, data_dir=hq)
        assert run.returncode == 0, run.stderr
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{make_url(primary).database}"'))
        replica = make_url(primary).set(database=copy)
        try:
            _add_complaint(replica.render_as_string(hide_password=False), tmp_path / "there")
            bare = public_url(replica)
            # The primary itself, and a database holding no headquarters, are refused.
            itself = cli("set-read-url", public_url(make_url(primary)), data_dir=hq, env=env)
            assert itself.returncode == 1 and "primary server itself" in itself.stderr
            other = cli("set-read-url", public_url(make_url(stranger)), data_dir=hq, env=env)
            assert other.returncode == 1 and "does not hold this headquarters" in other.stderr
            assert "read_url" not in json.loads((hq / "store.json").read_text(encoding="utf-8"))

            named = cli("set-read-url", bare, data_dir=hq, env=env)
            assert named.returncode == 0, named.stderr
            written = json.loads((hq / "store.json").read_text(encoding="utf-8"))
            assert written["read_url"] == bare and make_url(written["read_url"]).password is None

            run = cli("statistics", "--month", "2026-10", "--json", data_dir=hq, env=env)
            assert run.returncode == 0, run.stderr
            count, notes = _theft(run.stdout)
            assert count == 1  # only the replica holds it
            assert any("read replica" in n and copy in n for n in notes)
            actions = _audit_actions(primary)
            assert "store.read_replica_set" in actions and actions[-1] == "statistics.produced"
            assert "statistics.produced" not in _audit_actions(
                replica.render_as_string(hide_password=False)
            )

            with admin.connect() as conn:
                drop_database(conn, copy, if_exists=False)
            run = cli("statistics", "--month", "2026-10", "--json", data_dir=hq, env=env)
            assert run.returncode == 0, run.stderr
            assert "cannot be reached" in run.stderr and "primary server" in run.stderr
            count, notes = _theft(run.stdout)
            assert count == 0  # the primary's figures
            assert any("could not be reached" in n for n in notes)

            cleared = cli("set-read-url", "--clear", data_dir=hq, env=env)
            assert cleared.returncode == 0, cleared.stderr
            assert "read_url" not in json.loads((hq / "store.json").read_text(encoding="utf-8"))
            run = cli("statistics", "--month", "2026-10", "--json", data_dir=hq, env=env)
            assert run.returncode == 0 and not run.stderr.strip(), run.stderr
            assert not any("replica" in n for n in _theft(run.stdout)[1])
            engine = create_engine(primary)
            with engine.connect() as conn:
                sets = conn.scalar(
                    select(func.count())
                    .select_from(AuditEntry)
                    .where(AuditEntry.action == "store.read_replica_set")
                )
            engine.dispose()
            assert sets == 2
        finally:
            with admin.connect() as conn:
                drop_database(conn, copy)
            admin.dispose()
