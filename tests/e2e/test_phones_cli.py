"""``cplc-desk verify-phone``, ``import phones`` and ``print-receipt`` as a dealer's check, a
station's register and an owner's receipt are run: real subprocesses, a fresh data dir."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from cplc_desk.domain import imei

Cli = Callable[..., Any]
SAMSUNG = "490154203237518"
SECOND = "356938035643809"
UNKNOWN = "35209900176148" + imei.check_digit("35209900176148")


def test_a_dealer_checks_handsets_and_gets_the_documented_exit_codes(
    cli: Cli, tmp_path: Path
) -> None:
    data = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    register = tmp_path / "phones.csv"
    register.write_text(
        "reference,kind,imei,imei2,make,model,owner_name,owner_cnic,police_station\n"
        f"P-1,snatched,{SAMSUNG},{SECOND},Samsung,A52,Ayesha Siddiqui,42101-1234567-1,CLIF\n",
        encoding="utf-8",
    )
    imported = cli("import", "phones", str(register), data_dir=data)
    assert imported.returncode == 0, imported.stderr
    assert "1 imported" in imported.stdout

    stolen = cli("verify-phone", SECOND, data_dir=data)
    assert stolen.returncode == 3, stolen.stderr
    assert "REPORTED STOLEN/SNATCHED" in stolen.stdout and "CLIF-P-" in stolen.stdout
    assert "42101" not in stolen.stdout  # the owner's CNIC is never shown to a dealer

    assert cli("verify-phone", UNKNOWN, data_dir=data).returncode == 0

    slip = SAMSUNG[:6] + str((int(SAMSUNG[6]) + 1) % 10) + SAMSUNG[7:]
    near = cli("verify-phone", slip, "--json", data_dir=data)
    assert near.returncode == 5
    answer = json.loads(near.stdout)
    assert (answer["result"], answer["valid"], answer["exit_code"]) == ("near", False, 5)
    assert answer["near"][0]["imei"] == SAMSUNG and answer["near"][0]["found"] == "one_digit"

    wrong = cli("verify-phone", "123456789012345", data_dir=data)
    assert wrong.returncode == 1
    assert "one digit is probably mistyped" in wrong.stderr
    assert cli("verify-phone", "IMEI?", data_dir=data).returncode == 1


def test_a_station_prints_the_owners_receipt_for_an_imported_phone_report(
    cli: Cli, tmp_path: Path
) -> None:
    data = tmp_path / "desk"
    assert cli("init-station", "--code", "CLIF", data_dir=data).returncode == 0
    register = tmp_path / "phones.csv"
    register.write_text(
        "reference,kind,imei,make,model,sim_number,owner_name,owner_cnic,owner_mobile,"
        "police_station,fir_number\n"
        f"P-7,stolen,{SAMSUNG},Samsung,A52,0321-7654321,Ayesha Siddiqui,42101-1234567-1,"
        "0333-1112223,CLIF,55/2026\n",
        encoding="utf-8",
    )
    assert cli("import", "phones", str(register), data_dir=data).returncode == 0
    number = json.loads(cli("verify-phone", SAMSUNG, "--json", data_dir=data).stdout)["reports"][0][
        "number"
    ]
    assert number.startswith("CLIF-P-")

    out = tmp_path / "receipts" / "owner.pdf"
    printed = cli("print-receipt", number, "--out", str(out), "--format", "80mm", data_dir=data)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.strip() == f"Receipt {number} written to {out}"
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Phone report receipt" in text and "490 154 203 237 518" in text
    assert "42101-*****67-1" in text and "0321-***4321" in text  # masked
    assert "1234567" not in text and "1112223" not in text  # nor the owner's mobile
