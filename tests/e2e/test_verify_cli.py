"""`cplc-desk verify-vehicle` through the real command: exit codes 0 / 3 / 4 / 5 and --json."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


def test_verify_vehicle_exit_codes(tmp_path: Path, cli) -> None:
    desk = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=desk).returncode == 0
    assert (
        cli("import-csv", "vehicles", str(FIXTURES / "vehicles_good.csv"), data_dir=desk).returncode
        == 0
    )

    stolen = cli("verify-vehicle", "KNP 5586", data_dir=desk)
    assert stolen.returncode == 3, stolen.stderr
    assert "REPORTED STOLEN" in stolen.stdout
    assert "15/03/2024" in stolen.stdout  # the incident's day in Pakistan, as the register had it

    none = cli("verify-vehicle", "ZZZ-0001", "--json", data_dir=desk)
    assert none.returncode == 0
    payload = json.loads(none.stdout)
    assert payload["result"] == "none" and payload["reports"] == []

    bad = cli("verify-vehicle", "-", data_dir=desk)
    assert bad.returncode == 1 and "at least 3" in bad.stderr

    # One character off a stolen plate: not "No record" but exit 5, naming the near record.
    near = cli("verify-vehicle", "KNP 5589", data_dir=desk)
    assert near.returncode == 5, near.stderr
    assert "NEAR RECORD ONLY" in near.stdout and "KNP-5586" in near.stdout
    assert "one character away from KNP5589" in near.stdout
    near_json = json.loads(cli("verify-vehicle", "KNP5589", "--json", data_dir=desk).stdout)
    assert (near_json["result"], near_json["exit_code"], near_json["reports"]) == ("near", 5, [])
    assert [(n["registration"], n["near_field"], n["differs"]) for n in near_json["near"]] == [
        ("KNP-5586", "registration", "one_off")
    ]
