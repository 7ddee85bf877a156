"""The phone owner's receipt: the same printing code as complaints and vehicles, read back from
the real PDF in both layouts; the IMEIs grouped, personal data masked, Urdu beside English, what
happens next for each kind, reprints marked COPY, and ``print-receipt`` with a P number."""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from cplc_desk.domain import i18n
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.printing.receipt import render_receipt
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phones, receipts
from cplc_desk.storage.models import AuditEntry

Cli = Callable[..., Any]
LAYOUTS = ("a5", "80mm")
MM = 72 / 25.4
IMEI = "490154203237518"
SECOND = "356938035643809"
CNIC = "42101-1234567-1"
SIM = "0300-1234567"
OWNER_MOBILE = "0333-7654321"
# Set to a folder to keep the PDFs a test renders (to look at them: pdftoppm -png -r 80).
KEEP = os.environ.get("CPLC_DESK_KEEP_RECEIPTS")


def _snatched(ctx: DeskContext, **changes: Any) -> str:
    draft = PhoneReportDraft(
        kind="snatched", imei=IMEI, imei2=SECOND, make="Samsung", model="Galaxy A52",
        colour="Black", sim_number=SIM, police_station="CLIF", fir_number="412/2026",
        incident_at=datetime(2026, 12, 3, 16, 30, tzinfo=UTC),
        incident_place="Do Talwar signal, Clifton",
        owner=PersonDraft(name="Ayesha Siddiqui", cnic=CNIC, mobile=OWNER_MOBILE,
                          address="House 12, Block 5, Clifton"),
    )  # fmt: skip
    return phones.register_phone_report(ctx, replace(draft, **changes)).id


def _recovered(ctx: DeskContext) -> str:
    draft = PhoneReportDraft(
        kind="recovered", imei=SECOND, make="Samsung", colour="Black", police_station="CLIF",
        incident_place="Recovered from a suspect at Teen Talwar",
    )  # fmt: skip
    return phones.register_phone_report(ctx, draft).id


def _pdf(data: receipts.PhoneReceiptData, layout: str, name: str = "") -> bytes:
    pdf = render_receipt(data, layout)
    if KEEP and name:
        Path(KEEP).mkdir(parents=True, exist_ok=True)
        (Path(KEEP) / f"{name}-{layout}.pdf").write_bytes(pdf)
    return pdf


def _words(pdf: bytes) -> str:
    """The text drawn (pypdf), presentation forms folded back, on one line."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _urdu(pdf: bytes) -> str:
    """The page's text as pdfium reads it: Urdu comes back in reading order."""
    document = pdfium.PdfDocument(pdf)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _ink_across(pdf: bytes) -> tuple[float, float]:
    """The leftmost and rightmost edges of the text on a one-page PDF, in millimetres."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0].get_textpage()
        boxes = [page.get_charbox(i) for i in range(page.count_chars())]
    finally:
        document.close()
    boxes = [b for b in boxes if b[2] > b[0]]
    return min(b[0] for b in boxes) / MM, max(b[2] for b in boxes) / MM


def _ur(message: str) -> str:
    return " ".join(i18n.in_language(i18n.URDU, message).split())


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_snatched_phone_receipt_shows_the_handset_and_masks_the_owner(
    station: DeskContext, layout: str
) -> None:
    data = receipts.issue_receipt(station, _snatched(station), layout)
    pdf = _pdf(data, layout, "snatched")
    text = _words(pdf)
    assert "Phone report receipt" in text and data.number in text
    assert "Phone snatched" in text
    assert "490 154 203 237 518" in text and "356 938 035 643 809" in text  # read aloud
    assert "Black Samsung Galaxy A52" in text and "412/2026" in text
    assert "Ayesha Siddiqui" in text and "Do Talwar signal, Clifton" in text
    assert "03/12/2026 21:30 PKT" in text  # the incident, in Pakistan time
    # The CNIC and SIM number masked; the owner's mobile and address never printed.
    assert "42101-*****67-1" in text and "0300-***4567" in text
    assert "1234567" not in text  # the middle of the CNIC, the tail of the SIM number
    assert "4210112345671" not in text.replace("-", "").replace(" ", "")
    assert "7654321" not in text and "House 12" not in text
    assert "IMEI altered" not in text and "COPY" not in text
    # Every label and sentence in Urdu too, shaped and in reading order.
    urdu = _urdu(pdf)
    for message in ("Phone report receipt", "Phone snatched", "Police station"):
        assert _ur(message) != message and _ur(message) in urdu


def test_a_theft_receipt_says_what_to_do_without_promising(station: DeskContext) -> None:
    text = _words(_pdf(receipts.prepare_receipt(station, _snatched(station)), "a5"))
    assert "CPLC holds this report city-wide" in text
    assert "a dealer who checks this IMEI with CPLC is told that the handset is reported" in text
    assert "have your SIM blocked by your mobile operator" in text
    assert "report the theft to the police (FIR) and to PTA" in text
    assert "CPLC cannot promise that the handset will be found." in text
    assert "Keep this receipt and bring it when you ask at this desk" in text


def test_a_reprint_says_copy_and_only_a_sent_receipt_counts(station: DeskContext) -> None:
    report_id = _snatched(station)
    ready = receipts.prepare_receipt(station, report_id)
    assert receipts.prepare_receipt(station, report_id).copy is False  # made ready only
    assert receipts.record_printed(station, ready, "80mm") is False
    again = receipts.prepare_receipt(station, report_id)
    assert again.copy is True
    for layout in LAYOUTS:
        assert "COPY — reprinted" in _words(_pdf(again, layout, "copy"))
    assert receipts.record_printed(station, again) is True
    # The COPY box makes the longest receipt: on A5 it is scaled down to stay on one sheet,
    # still spanning the page between its margins.
    left, right = _ink_across(_pdf(again, "a5"))
    assert 11.5 <= left <= 13 and 133 <= right <= 136.5  # the margins are 12 mm
    with station.store.read() as s:
        actions = s.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.record_table == "phone_report", AuditEntry.record_id == report_id)
            .where(AuditEntry.action.like("receipt.%"))
            .order_by(AuditEntry.seq)
        ).all()
    assert actions == [AuditAction.RECEIPT_PRINTED, AuditAction.RECEIPT_REPRINTED]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_recovered_phone_receipt_names_the_theft_report_it_was_matched_to(
    station: DeskContext, layout: str
) -> None:
    theft = receipts.prepare_receipt(station, _snatched(station))
    recovery_id = _recovered(station)
    unmatched = _words(_pdf(receipts.prepare_receipt(station, recovery_id), layout))
    assert "Recovered phone receipt" in unmatched and "Phone recovered" in unmatched
    assert "When it matches a theft or snatching report" in unmatched
    assert "CPLC cannot promise" not in unmatched  # it is found: no talk of finding it
    assert "To collect it, the owner brings their original CNIC" in unmatched

    [candidate] = phones.candidates_for(station, recovery_id)
    phones.confirm_match(station, recovery_id, candidate.id)
    matched = receipts.prepare_receipt(station, recovery_id)
    assert matched.matched_number == theft.number
    pdf = _pdf(matched, layout, "recovered")
    text = _words(pdf)
    assert f"It was matched to theft report {theft.number}" in text
    assert "356 938 035 643 809" in text and "Second IMEI" not in text  # it has one IMEI
    assert _ur("Recovered phone receipt") in _urdu(pdf)

    # The owner's own receipt, printed again now, says the handset was recovered.
    again = _words(_pdf(receipts.prepare_receipt(station, theft.record_id), layout))
    assert f"The handset was recovered: report {matched.number}." in again
    assert "CPLC cannot promise" not in again


def test_a_suspected_altered_imei_is_flagged(station: DeskContext) -> None:
    patched = IMEI[:5] + "9" + IMEI[6:]  # fails its check digit: kept as the handset shows it
    report_id = _snatched(station, imei=patched, imei2="", imei_altered=True,
                          imei_note="Box shows another number")  # fmt: skip
    text = _words(_pdf(receipts.prepare_receipt(station, report_id), "80mm", "altered"))
    assert "IMEI altered" in text and "Suspected" in text
    assert "490 159 203 237 518" in text
    assert "Box shows another number" not in text  # the desk's note stays at the desk


def test_a_found_phone_without_owner_or_incident_leaves_those_lines_out(
    station: DeskContext,
) -> None:
    draft = PhoneReportDraft(kind="found", imei=IMEI, police_station="CLIF")
    data = receipts.prepare_receipt(station, phones.register_phone_report(station, draft).id)
    text = _words(_pdf(data, "a5"))
    assert "Phone found" in text and "490 154 203 237 518" in text
    for absent in ("Owner", "*****", "SIM number", "Date of incident", "Place of incident"):
        assert absent not in text


def test_print_receipt_takes_a_phone_report_number(
    station: DeskContext, cli_account: None, cli: Cli, tmp_path: Path
) -> None:
    number = receipts.prepare_receipt(station, _snatched(station)).number
    station.close()
    data_dir = station.paths.data_dir
    out = tmp_path / "phone.pdf"
    done = cli("print-receipt", number.lower(), "--out", str(out), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert f"Receipt {number} written to" in done.stdout
    first = _words(out.read_bytes())
    assert "Phone report receipt" in first and "COPY" not in first

    roll = tmp_path / "roll.pdf"
    again = cli("print-receipt", number, "--out", str(roll), "--format", "80mm", data_dir=data_dir)
    assert again.returncode == 0 and "a copy" in again.stdout
    assert "COPY" in _words(roll.read_bytes())

    missing = cli("print-receipt", "CLIF-P-2026-09999", "--out", str(out), data_dir=data_dir)
    assert missing.returncode == 1
    assert "No phone report has the number CLIF-P-2026-09999" in missing.stderr
