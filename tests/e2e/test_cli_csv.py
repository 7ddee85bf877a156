"""``cplc-desk import-csv`` as a volunteer runs it: real subprocesses, a fresh data dir each."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cplc_desk import __version__
from cplc_desk.paths import DB_FILENAME, ENV_DATA_DIR

Cli = Callable[..., Any]  # conftest's run_cli: (*args, data_dir=None) -> CliResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
REPO_ROOT = Path(__file__).resolve().parents[2]


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


# ------------------------------------------------------------------ what is not a register

# Measures the peak memory of one command by itself: a fresh Python process runs it and reports
# RUSAGE_CHILDREN (KiB on Linux), which no earlier child of the test process can inflate.
MEASURED = """
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1]),
                      stdin=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
json.dump({"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr,
           "peak_kib": peak}, sys.stdout)
"""
MEMORY_CAP_KIB = 300 * 1024


def import_measured(data: Path, path: Path, timeout: float) -> dict[str, Any]:
    """``cplc-desk import-csv complaints PATH`` in a child process, with its peak memory."""
    cmd = [sys.executable, "-m", "cplc_desk", "--data-dir", str(data)]
    measured = subprocess.run(
        [sys.executable, "-c", MEASURED, str(timeout), *cmd, "import-csv", "complaints", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout + 30,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        cwd=REPO_ROOT,
    )
    assert measured.returncode == 0, measured.stderr  # a hang ends in TimeoutExpired here
    return json.loads(measured.stdout)  # type: ignore[no-any-return]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_at_once(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    pipe = tmp_path / "register.csv"
    os.mkfifo(pipe)  # nobody ever writes to it: reading it would wait for ever

    result = cli("import-csv", "complaints", str(pipe), data_dir=data, timeout=30)

    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("cplc-desk: ") and str(pipe) in line and "not a file" in line
    assert total(cli, data) == 0


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_at_once(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)

    result = cli("import-csv", "complaints", "/dev/zero", data_dir=data, timeout=30)

    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "/dev/zero" in line and "not a file" in line


def test_a_header_of_200000_columns_gives_one_short_line(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    wide = tmp_path / "wide.csv"
    header = "complainant_name,category,police_station,narrative" + ",c" * 200_000
    wide.write_text(header + "\nAli Raza,THEFT,CLIF,Stolen.\n", encoding="utf-8")

    result = import_csv(cli, data, "complaints", wide)

    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "200,004 columns" in line and len(line) < 300


def test_many_ignored_columns_are_not_all_printed(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    path = tmp_path / "remarks.csv"
    header = "complainant_name,category,police_station,narrative" + ",Remark" * 900
    path.write_text(header + "\nAli Raza,THEFT,CLIF,Stolen.\n", encoding="utf-8")

    result = import_csv(cli, data, "complaints", path, "--json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["ignored_columns"], report["ignored_columns_more"]) == (["Remark"] * 10, 890)


# ------------------------------------------------------------------ memory, whatever the file


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
def test_a_150_mb_register_in_urdu_is_imported_in_bounded_memory(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    path = tmp_path / "urdu.csv"
    remark = "یہ شکایت پرانے رجسٹر سے نقل کی گئی ہے۔ " * 250  # ~17 KB, in an ignored column
    row = f'علی رضا,THEFT,CLIF,موٹر سائیکل چوری ہو گئی,"{remark}"\n'.encode()
    count = 150 * 1024 * 1024 // len(row)
    with path.open("wb") as fh:
        fh.write(b"complainant_name,category,police_station,narrative,remarks\n")
        for _ in range(count):
            fh.write(row)

    result = import_measured(data, path, timeout=60)

    assert result["returncode"] == 0, result["stderr"]
    assert f"{count} rows, 1 imported, {count - 1} already present" in result["stdout"]
    assert result["peak_kib"] < MEMORY_CAP_KIB, f"peak {result['peak_kib'] // 1024} MiB"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
def test_a_150_mb_single_line_is_refused_in_bounded_memory(cli: Cli, tmp_path: Path) -> None:
    data = desk(cli, tmp_path)
    path = tmp_path / "one-line.csv"
    with path.open("wb") as fh:
        fh.write(b"complainant_name,category,police_station,narrative,")
        for _ in range(150):
            fh.write(b"x," * (512 * 1024))

    result = import_measured(data, path, timeout=60)

    assert result["returncode"] == 1 and result["stdout"] == ""
    (line,) = result["stderr"].splitlines()
    assert "Line 1 of the file one-line.csv starts a row longer than" in line
    assert result["peak_kib"] < MEMORY_CAP_KIB, f"peak {result['peak_kib'] // 1024} MiB"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
def test_millions_of_tiny_bad_rows_keep_memory_and_the_report_bounded(
    cli: Cli, tmp_path: Path
) -> None:
    data = desk(cli, tmp_path)
    path = tmp_path / "tiny.csv"
    row = b"A,THEFT,CLIF,x,spare\n"  # a value past the named columns: each row is bad
    count = 30 * 1024 * 1024 // len(row)
    path.write_bytes(b"complainant_name,category,police_station,narrative\n" + row * count)

    result = import_measured(data, path, timeout=60)

    assert result["returncode"] == 1
    assert f"{count} rows, 0 imported, 0 already present" in result["stdout"]
    assert len(result["stdout"]) < 3_000_000  # the first 10,000 bad rows are listed
    assert result["peak_kib"] < MEMORY_CAP_KIB, f"peak {result['peak_kib'] // 1024} MiB"
    assert total(cli, data) == 0


def workbook(path: Path, sheets: dict[str, Path]) -> Path:
    """A workbook with a sheet per CSV file, its cells as text (the service tests read typed
    cells; this one is about the command)."""
    import csv

    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, source in sheets.items():
        ws = wb.create_sheet(title)
        with source.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                ws.append(row)
    wb.save(path)
    return path


def test_import_reads_a_workbook_sheet_by_name_and_import_csv_still_works(
    cli: Cli, tmp_path: Path
) -> None:
    data = desk(cli, tmp_path)
    path = workbook(
        tmp_path / "registers.xlsx",
        {
            "Complaints": FIXTURES / "complaints_mixed.csv",
            "Vehicles": FIXTURES / "vehicles_good.csv",
        },
    )

    asked = cli("import", "complaints", str(path), data_dir=data)
    assert asked.returncode == 1
    assert "has 2 sheets: 'Complaints', 'Vehicles'. Say which" in asked.stderr
    assert "--sheet" in asked.stderr  # the command line says how

    result = cli(
        "import", "complaints", str(path), "--sheet", "complaints", "--json", data_dir=data
    )
    report = json.loads(result.stdout)
    assert result.returncode == 1  # some rows were bad; the good ones are kept
    assert report["sheet"] == "Complaints"
    assert report["imported"] > 0 and report["not_imported"] > 0
    assert all(b["line"] > 1 for b in report["bad_rows"])

    text = cli("import", "complaints", str(path), "--sheet", "Complaints", data_dir=data)
    assert f"registers.xlsx, sheet 'Complaints': {report['rows']} rows, 0 imported" in text.stdout
    assert "  row " in text.stdout

    alias = import_csv(cli, data, "vehicles", path, "--sheet", "Vehicles")
    assert alias.returncode == 0, alias.stderr
    assert total(cli, data, "vehicle_reports") == report_rows(path, "Vehicles")


def report_rows(path: Path, sheet: str) -> int:
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    return sum(1 for row in ws.iter_rows(min_row=2, values_only=True) if any(row))
