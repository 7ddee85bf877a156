"""``cplc-desk print-receipt`` as a volunteer runs it: the real command in a subprocess."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage.models import AuditEntry

Cli = Callable[..., Any]  # conftest's run_cli: (*args, data_dir=None) -> CliResult
MM = 72 / 25.4


def _register(station: DeskContext) -> str:
    draft = ComplaintDraft(
        complainant=PersonDraft(name="Sana Javed", cnic="4210112345672"),
        category="MOBILE_SNATCHING",
        police_station="CLIF",
        narrative="Phone snatched at a bus stop.",
    )
    return register_complaint(station, draft).number


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_print_then_reprint_as_copy(
    cli: Cli, station: DeskContext, cli_account: None, desk_paths: DeskPaths, tmp_path: Path
) -> None:
    number = _register(station)
    first = tmp_path / "out" / "receipt.pdf"

    result = cli("print-receipt", number, "--out", str(first), data_dir=desk_paths.data_dir)

    assert result.returncode == 0, result.stderr
    assert number in result.stdout and "copy" not in result.stdout
    assert first.read_bytes().startswith(b"%PDF-")
    assert number in _text(first) and "COPY" not in _text(first)
    assert not list(first.parent.glob("*.partial"))

    again = tmp_path / "again.pdf"
    result = cli(
        "print-receipt", number, "--out", str(again), "--format", "80mm",
        data_dir=desk_paths.data_dir,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "copy" in result.stdout
    assert "COPY" in _text(again)
    width = float(PdfReader(again).pages[0].mediabox.width)
    assert abs(width - 80 * MM) < 0.5
    with station.store.read() as s:
        actions = s.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.action.like("receipt.%"))
            .order_by(AuditEntry.seq)
        ).all()
    assert actions == [AuditAction.RECEIPT_PRINTED, AuditAction.RECEIPT_REPRINTED]


def test_unknown_number_is_refused_in_one_line(
    cli: Cli, station: DeskContext, cli_account: None, desk_paths: DeskPaths, tmp_path: Path
) -> None:
    out = tmp_path / "receipt.pdf"

    result = cli(
        "print-receipt", "CLIF-C-2026-99999", "--out", str(out), data_dir=desk_paths.data_dir
    )

    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "No complaint has the number CLIF-C-2026-99999" in result.stderr
    assert not out.exists()


def test_output_folder_instead_of_file_is_refused_before_recording_a_print(
    cli: Cli, station: DeskContext, cli_account: None, desk_paths: DeskPaths, tmp_path: Path
) -> None:
    number = _register(station)

    result = cli("print-receipt", number, "--out", str(tmp_path), data_dir=desk_paths.data_dir)

    assert result.returncode == 1
    assert "folder" in result.stderr
    with station.store.read() as s:
        printed = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("receipt.%"))
        ).all()
    assert printed == []


def test_a_number_of_no_known_shape_is_named_as_such(
    cli: Cli, station: DeskContext, cli_account: None, desk_paths: DeskPaths, tmp_path: Path
) -> None:
    # A slip such as "CLIF-X-..." is not "no complaint": the volunteer is told what a receipt
    # number looks like for each kind of record.
    out = tmp_path / "receipt.pdf"

    result = cli(
        "print-receipt", "CLIF-X-2026-00001", "--out", str(out), data_dir=desk_paths.data_dir
    )

    assert result.returncode == 1
    message = result.stderr.strip()
    assert "CLIF-X-2026-00001 is not a receipt number" in message
    assert "complaint" in message and "vehicle" in message and "phone" in message
    assert "No complaint has the number" not in message
    assert not out.exists()
