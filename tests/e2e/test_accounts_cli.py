"""The command line runs as a named account: set-up creates it, each command signs in."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cplc_desk.paths import DB_FILENAME

Cli = Callable[..., Any]


def actions(data: Path) -> list[tuple[str, str, dict[str, object]]]:
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        rows = con.execute("SELECT actor, action, details FROM audit_log ORDER BY seq").fetchall()
    finally:
        con.close()
    return [(a, act, json.loads(d) if d else {}) for a, act, d in rows]


def test_set_up_sign_in_and_a_wrong_password(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    env = {"CPLC_DESK_USER": None, "CPLC_DESK_PASSWORD": "first-pass-1"}
    made = cli("init-station", "--code", "CLIF", "--admin", "sana", data_dir=data, env=env)
    assert made.returncode == 0, made.stderr

    good = cli("stats", "--json", data_dir=data, env={**env, "CPLC_DESK_USER": "sana"})
    assert good.returncode == 0, good.stderr

    wrong = cli(
        "stats", data_dir=data, env={"CPLC_DESK_USER": "sana", "CPLC_DESK_PASSWORD": "guess-123"}
    )
    assert wrong.returncode == 1
    assert wrong.stdout == ""
    assert wrong.stderr == "cplc-desk: Wrong account name or password. Check both and try again.\n"

    rows = actions(data)
    assert [(a, act) for a, act, _ in rows] == [
        ("sana", "desk.initialised"),
        ("sana", "account.created"),
        ("sana", "session.login"),
        ("sana", "session.login_failed"),
    ]
    assert "guess-123" not in json.dumps(rows) and "first-pass-1" not in json.dumps(rows)


def test_password_file_and_no_password_without_a_terminal(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    assert cli("init-hq", "--name", "CPLC Central", data_dir=data).returncode == 0
    secret = tmp_path / "pw"
    secret.write_text("test-password-1\n", encoding="utf-8")

    by_file = cli(
        "--password-file", str(secret), "sync-status", data_dir=data,
        env={"CPLC_DESK_PASSWORD": None},
    )  # fmt: skip
    assert by_file.returncode == 0, by_file.stderr

    none = cli("sync-status", data_dir=data, env={"CPLC_DESK_PASSWORD": None})
    assert none.returncode == 1
    assert "No password given and no terminal" in none.stderr

    # Reference lists and checks need no account.
    bare = {"CPLC_DESK_USER": None, "CPLC_DESK_PASSWORD": None}
    assert cli("stations", data_dir=data, env=bare).returncode == 0
    assert cli("check", data_dir=data, env=bare).returncode == 0


def test_a_station_supervisor_is_refused_headquarters_work(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    refused = cli("enroll-station", "--code", "SADR", "--out", str(tmp_path / "x"), data_dir=data)
    assert refused.returncode == 1
    assert "only headquarters can do this" in refused.stderr


def test_a_supervisor_manages_accounts_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    added = cli(
        "accounts", "add", "ali", "--role", "volunteer", "--display-name", "Ali Raza",
        data_dir=data, env={"CPLC_DESK_NEW_PASSWORD": "ali-pass-123"},
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    as_ali = {"CPLC_DESK_USER": "ali", "CPLC_DESK_PASSWORD": "ali-pass-123"}
    assert cli("stats", data_dir=data, env=as_ali).returncode == 0

    # A volunteer may not manage accounts: refused by the service, with who and what.
    refused = cli("accounts", "disable", "admin", data_dir=data, env=as_ali)
    assert refused.returncode == 1
    assert "ali (Volunteer) may not manage accounts" in refused.stderr
    # ... and the attempt is in the audit trail, in ali's name.
    assert ("ali", "permission.denied", {"permission": "manage_accounts"}) in actions(data)

    # No new password and no terminal: refused, nothing created.
    none = cli("accounts", "add", "bilal", "--role", "volunteer", data_dir=data)
    assert none.returncode == 1 and "CPLC_DESK_NEW_PASSWORD" in none.stderr
    # An HQ role does not exist at a station.
    wrong_role = cli(
        "accounts", "add", "zara", "--role", "hq_analyst",
        data_dir=data, env={"CPLC_DESK_NEW_PASSWORD": "zara-pass-123"},
    )  # fmt: skip
    assert wrong_role.returncode == 1

    assert cli("accounts", "disable", "ali", data_dir=data).returncode == 0
    assert cli("stats", data_dir=data, env=as_ali).returncode == 1
    assert cli("accounts", "enable", "ali", data_dir=data).returncode == 0
    assert cli("accounts", "set-role", "ali", "supervisor", data_dir=data).returncode == 0
    listed = cli("accounts", "list", "--json", data_dir=data)
    rows = {r["username"]: r for r in json.loads(listed.stdout)}
    assert set(rows) == {"admin", "ali"}
    assert rows["ali"]["role"] == "supervisor" and not rows["ali"]["disabled"]
    changes = [
        (a, d["username"], d["change"]) for a, act, d in actions(data) if act == "account.changed"
    ]
    assert changes == [
        ("admin", "ali", "disabled"),
        ("admin", "ali", "enabled"),
        ("admin", "ali", "role"),
    ]
