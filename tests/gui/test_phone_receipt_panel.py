"""The receipt buttons on a phone report: ``PHONE_RECEIPTS`` gives the phone dialog the same
panel as complaints and vehicles; a saved receipt is the phone owner's, counted once written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.gui.widgets import receipt_printing
from cplc_desk.gui.widgets.operations import OperationRunner
from cplc_desk.gui.widgets.receipt_buttons import PHONE_RECEIPTS, ReceiptPanel
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.phones import phones


def test_a_phone_report_receipt_is_saved_and_the_next_is_a_copy(
    qtbot, station_ctx: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registered = phones.register_phone_report(
        station_ctx,
        PhoneReportDraft(
            kind="stolen", imei="490154203237518", make="Infinix", police_station="CLIF",
            owner=PersonDraft(name="Bilal Ahmed", cnic="42101-7654321-3"),
        ),
    )  # fmt: skip
    panel = ReceiptPanel(station_ctx, OperationRunner("test-phone-receipt"), source=PHONE_RECEIPTS)
    qtbot.addWidget(panel)
    panel.set_record(registered.id, registered.number)
    target = tmp_path / "phone.pdf"
    monkeypatch.setattr(receipt_printing, "save_pdf_path", lambda *args: target)

    for expected in (1, 2):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda n=expected: len(panel.receipts) == n and not panel.is_busy(), timeout=10_000
        )
    first, second = panel.receipts
    assert (first.copy, second.copy) == (False, True)
    assert first.number == registered.number and "COPY" in panel.status_label.text()
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "Phone report receipt" in text and "Bilal Ahmed" in text and "COPY" in text
