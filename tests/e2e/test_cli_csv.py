"""``cplc-desk import-csv`` as a volunteer runs it: real subprocesses, a fresh data dir each."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cplc_desk import __version__
from cplc_desk.paths import DB_FILENAME, ENV_DATA_DIR

Cli = Callable[..., Any]  # conftest's run_cli: (*args, data_dir=None) -> CliResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


def desk(cli: Cli, tmp_path: Path) -> Path:
    """A data dir set up as the Clifton station desk."""
    data = tmp_path / "desk"
    result = cli("init-station", "--code", "CLIF", data_dir=data)
    assert result.returncode == 0, result.stderr
    return data


def stats(cli: Cli, data: Path) -> dict[str, object]:
    result = cli("stats", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def total(cli: Cli, data: Path, kind: str = "complaints") -> int:
    block = stats(cli, data)[kind]
    assert isinstance(block, dict)
    return int(block["total"])


def import_csv(cli: Cli, data: Path, register: str, path: Path, *flags: str) -> Any:
    return cli("import-csv", register, str(path), *flags, data_dir=data)


def test_good_file_is_imported_and_the_store_checks_out(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_good.csv")

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "6 rows, 6 imported, 0 already present, 0 not imported" in result.stdout
    counts = stats(cli, data)["complaints"]
    assert counts == {
        "total": 6,
        "by_status": {"registered": 6},
        "by_station": {"BOBA": 1, "CLIF": 2, "DARA": 1, "DEFE": 1, "GIZR": 1},
    }
    check = cli("check", data_dir=data)
    assert check.returncode == 0, check.stderr
    assert "healthy" in check.stdout


def test_vehicles_register(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "vehicles", FIXTURES / "vehicles_good.csv", "--json")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 6
    counts = stats(cli, data)["vehicle_reports"]
    assert isinstance(counts, dict)
    assert counts["by_kind"] == {"found_abandoned": 1, "recovered": 1, "snatched": 1, "stolen": 3}


def test_importing_again_is_harmless_and_exits_0(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    assert import_csv(cli, data, "complaints", FIXTURES / "complaints_good.csv").returncode == 0

    again = import_csv(cli, data, "complaints", FIXTURES / "complaints_good.csv")

    assert again.returncode == 0, again.stderr
    assert "0 imported, 6 already present" in again.stdout
    assert total(cli, data) == 6


def test_mixed_file_exits_1_naming_the_bad_lines(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_mixed.csv")

    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "4 rows were not imported" in result.stderr
    assert "7 rows, 3 imported, 0 already present, 4 not imported" in result.stdout
    assert "line 3: cnic:" in result.stdout
    assert "line 5: incident_date:" in result.stdout
    assert "line 6: police_station:" in result.stdout
    assert "line 7: narrative:" in result.stdout
    assert total(cli, data) == 3
    assert cli("check", data_dir=data).returncode == 0


def test_mixed_file_as_json(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_mixed.csv", "--json")

    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["imported"] == 3
    assert [b["line"] for b in report["bad_rows"]] == [3, 5, 6, 7]


def test_wrong_encoding_imports_nothing(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    assert import_csv(cli, data, "complaints", FIXTURES / "complaints_good.csv").returncode == 0
    before = stats(cli, data)

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_cp1252.csv")

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cplc-desk: ")
    assert "UTF-8" in result.stderr and "Nothing was imported" in result.stderr
    after = stats(cli, data)
    # Each command's sign-in is audited: two more entries (the import's and this stats run's).
    assert after.pop("audit_entries") == before.pop("audit_entries") + 2
    assert after == before


def test_semicolon_file_from_a_european_excel(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_semicolon.csv")

    assert result.returncode == 0, result.stderr
    assert total(cli, data) == 3


def test_empty_file(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")

    result = import_csv(cli, data, "complaints", empty)

    assert result.returncode == 1
    assert "empty" in result.stderr and "Traceback" not in result.stderr
    assert total(cli, data) == 0


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "complaints", tmp_path / "no-such-register.csv")

    assert result.returncode == 1
    assert "File not found" in result.stderr and "no-such-register.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_before_the_desk_is_set_up(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "fresh"

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_good.csv")

    assert result.returncode == 1
    assert "not set up" in result.stderr and "init-station" in result.stderr
    assert "Traceback" not in result.stderr
    # Counting needs a signed-in account, which a desk not set up has none of: read the file.
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        assert con.execute("SELECT count(*) FROM complaint").fetchone() == (0,)
    finally:
        con.close()


def test_unknown_register_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("import-csv", "people", str(FIXTURES / "complaints_good.csv"))
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.parametrize(
    ("flag", "expected"), [("--version", f"cplc-desk {__version__}"), ("--help", "import-csv")]
)
def test_version_and_help(cli: Cli, flag: str, expected: str) -> None:
    result = cli(flag)
    assert result.returncode == 0
    assert expected in result.stdout


def test_import_csv_help_names_the_registers(cli: Cli) -> None:
    result = cli("import-csv", "--help")
    assert result.returncode == 0
    assert "complaints" in result.stdout and "vehicles" in result.stdout


def test_data_dir_from_the_environment(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "from-env"
    monkeypatch.setenv(ENV_DATA_DIR, str(from_env))

    assert cli("init-station", "--code", "CLIF").returncode == 0
    result = cli("import-csv", "complaints", str(FIXTURES / "complaints_good.csv"))

    assert result.returncode == 0, result.stderr
    assert (from_env / DB_FILENAME).is_file()
    assert total(cli, from_env) == 6


def test_data_dir_option_wins_over_the_environment(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "from-env"
    monkeypatch.setenv(ENV_DATA_DIR, str(from_env))
    data = desk(cli, tmp_path)

    result = import_csv(cli, data, "complaints", FIXTURES / "complaints_good.csv")

    assert result.returncode == 0, result.stderr
    assert total(cli, data) == 6
    assert not (from_env / DB_FILENAME).exists()
