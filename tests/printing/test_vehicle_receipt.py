"""The vehicle owner's receipt: the same printing code, vehicle words, reprints marked COPY."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from cplc_desk.domain.records import PersonDraft, VehicleReportDraft
from cplc_desk.printing.receipt import render_receipt
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.vehicles import vehicles, verification
from cplc_desk.services.vehicles.vehicles import register_vehicle_report


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _stolen(ctx: DeskContext) -> str:
    return register_vehicle_report(
        ctx,
        VehicleReportDraft(
            kind="stolen", vehicle_class="motorcycle", registration="KNP-5586",
            chassis="KA-1234567", make="Honda", model="CD 70", colour="Red",
            police_station="CLIF", fir_number="87/2026",
            owner=PersonDraft(name="Ali Raza", cnic="42101-1234567-1", mobile="0300-1234567"),
        ),
    ).id  # fmt: skip


def test_owner_receipt_says_what_was_reported_with_the_cnic_masked(station: DeskContext) -> None:
    report_id = _stolen(station)
    first = vehicles.issue_receipt(station, report_id)
    text = _text(render_receipt(first, "a5"))
    assert "Vehicle report receipt" in text and first.number in text
    assert "Ali Raza" in text and "42101-*****67-1" in text
    assert "1234567-1" not in text.replace("42101-*****67-1", "")
    assert "Motorcycle stolen" in text and "KNP-5586" in text and "87/2026" in text
    assert "COPY" not in text
    again = vehicles.issue_receipt(station, report_id)
    assert again.copy and "COPY" in _text(render_receipt(again, "80mm"))


def test_print_receipt_command_takes_vehicle_report_numbers(
    station: DeskContext, cli_account: None, cli, tmp_path: Path
) -> None:
    _stolen(station)
    number = verification.verify(station, "KNP5586").reports[0].number
    station.close()
    out = tmp_path / "owner.pdf"
    done = cli("print-receipt", number, "--out", str(out), data_dir=station.paths.data_dir)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Vehicle report receipt" in _text(
        out.read_bytes()
    )
    missing = cli(
        "print-receipt", "CLIF-V-2026-09999", "--out", str(out), data_dir=station.paths.data_dir
    )
    assert missing.returncode == 1 and "No vehicle report has the number" in missing.stderr


def test_each_kind_of_report_says_what_happens_next(station: DeskContext) -> None:
    theft = vehicles.prepare_receipt(station, _stolen(station))
    theft_text = " ".join(_text(render_receipt(theft, "a5")).split())
    assert "If the vehicle is found, CPLC or the police will contact you." in theft_text

    recovery_id = register_vehicle_report(
        station,
        VehicleReportDraft(
            kind="recovered", vehicle_class="motorcycle", chassis="KA-1234567",
            make="Honda", colour="Red", police_station="CLIF",
        ),
    ).id  # fmt: skip
    unmatched = " ".join(
        _text(render_receipt(vehicles.prepare_receipt(station, recovery_id), "a5")).split()
    )
    assert "Recovered vehicle receipt" in unmatched
    assert "If the vehicle is found" not in unmatched  # it is found: that would be nonsense
    assert "every theft and snatching report in the city" in unmatched
    assert "When it matches a theft or snatching report" in unmatched

    [candidate] = vehicles.find_matches(station, recovery_id)
    vehicles.confirm_match(station, recovery_id, candidate.wanted.ref)
    matched = vehicles.prepare_receipt(station, recovery_id)
    assert matched.matched_number == theft.number
    matched_text = " ".join(_text(render_receipt(matched, "80mm")).split())
    assert f"It was matched to theft report {theft.number}" in matched_text


def test_a_receipt_made_ready_is_not_yet_counted_as_printed(station: DeskContext) -> None:
    report_id = _stolen(station)
    ready = vehicles.prepare_receipt(station, report_id)
    assert vehicles.prepare_receipt(station, report_id).copy is False  # still the first
    assert vehicles.record_printed(station, ready, "a5") is False
    assert vehicles.prepare_receipt(station, report_id).copy is True


def test_a_receipt_file_that_could_not_be_written_is_not_counted(
    station: DeskContext, cli_account: None, cli, tmp_path: Path
) -> None:
    report_id = _stolen(station)
    number = vehicles.prepare_receipt(station, report_id).number
    station.close()
    (tmp_path / "a-file").write_text("not a folder")
    nowhere = tmp_path / "a-file" / "owner.pdf"  # its "folder" is a file: cannot be written
    failed = cli("print-receipt", number, "--out", str(nowhere), data_dir=station.paths.data_dir)
    assert failed.returncode == 1 and "Cannot write" in failed.stderr
    out = tmp_path / "owner.pdf"
    done = cli("print-receipt", number, "--out", str(out), data_dir=station.paths.data_dir)
    assert done.returncode == 0, done.stderr
    assert "a copy" not in done.stdout and "COPY" not in _text(out.read_bytes())
