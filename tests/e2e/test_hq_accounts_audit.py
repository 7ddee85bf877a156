"""Headquarters' accounts and audit trail through the real command, at a headquarters on a
SQLite file and on a PostgreSQL server (tests/e2e/hq_store.py): an account made and its role
changed at one workstation is seen at the other; wrong passwords typed at two workstations
count towards one lock-out; the trail of it all reads back, exports and verifies."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from hq_store import HqStore
from sync_desks import Run, cli, ok

from cplc_desk.services.accounts.signin import MAX_FAILURES

NEW_PASSWORD = "bilal-pass-123"


def as_user(name: str, password: str, *args: str | Path, data_dir: Path, **env: str) -> Run:
    """A command run as the account ``name`` (``new_password`` for accounts add/reset)."""
    given = {"CPLC_DESK_USER": name, "CPLC_DESK_PASSWORD": password}
    if "new_password" in env:
        given["CPLC_DESK_NEW_PASSWORD"] = env.pop("new_password")
    return cli(*args, data_dir=data_dir, env={**given, **env})


def accounts(desk: Path) -> dict[str, dict[str, object]]:
    rows = ok("accounts", "list", "--json", data_dir=desk).json()
    return {r["username"]: r for r in rows}


def test_accounts_and_a_lock_out_shared_by_two_workstations(
    tmp_path: Path, hq_store: HqStore
) -> None:
    importer = hq_store.init_hq(tmp_path / "hq-importer")
    helpline = hq_store.workstation(importer, tmp_path / "hq-helpline")

    made = as_user(
        "admin", "test-password-1", "accounts", "add", "bilal", "--role", "hq_analyst",
        data_dir=importer, new_password=NEW_PASSWORD,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert accounts(helpline)["bilal"]["role"] == "hq_analyst"
    ok("accounts", "set-role", "bilal", "hq_admin", data_dir=helpline)
    assert accounts(importer)["bilal"]["role"] == "hq_admin"
    assert as_user("bilal", NEW_PASSWORD, "stats", data_dir=helpline).returncode == 0

    # Wrong passwords at both workstations: one count, kept in the one store.
    for attempt in range(1, MAX_FAILURES + 1):
        desk = importer if attempt % 2 else helpline
        wrong = as_user("bilal", f"guess-{attempt}", "stats", data_dir=desk)
        assert wrong.returncode == 1
        if attempt < MAX_FAILURES:
            assert "Wrong account name or password" in wrong.stderr, wrong.stderr
    assert "locked after" in wrong.stderr
    assert accounts(importer)["bilal"]["locked"] is True
    # The right password, at the other workstation, is refused while the lock lasts.
    locked = as_user("bilal", NEW_PASSWORD, "stats", data_dir=importer)
    assert locked.returncode == 1 and "locked after" in locked.stderr

    reset = as_user(
        "admin", "test-password-1", "accounts", "reset-password", "bilal",
        data_dir=helpline, new_password="bilal-pass-456",
    )  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    assert as_user("bilal", "bilal-pass-456", "stats", data_dir=importer).returncode == 0

    # The trail: every failure, from either workstation, in the one chain that verifies.
    failures = ok("audit", "--actor", "bilal", "--action", "session.login_failed",
                  data_dir=importer).stdout.splitlines()  # fmt: skip
    assert len(failures) == MAX_FAILURES + 1  # the five, and the attempt while locked
    extract = tmp_path / "audit.csv"
    said = ok("audit", "--actor", "bilal", "--csv", extract, data_dir=helpline).stdout
    with extract.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert f"{len(rows) - 1} audit entries written" in said
    actions = [row for row in rows[1:] if "account.locked" in row]
    assert len(actions) == 1
    pdf = tmp_path / "audit.pdf"
    ok("audit", "--action", "account", "--pdf", pdf, data_dir=importer)
    assert pdf.read_bytes().startswith(b"%PDF")
    check = cli("check", "--json", data_dir=helpline)
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["audit_breaks"] == []
    assert "audit trail" in ok("check", data_dir=importer).stdout
