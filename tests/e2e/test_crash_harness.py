"""The crash harness (bench/crash.py), reduced: about 30 SIGKILLs of a desk working through the
services, each followed by the full set of checks (store check, every journalled operation
present, only whole files under final names) and, at the end, a sync that must bring every
station record to headquarters. The full run is ``make crash`` (200 kills)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import crash

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


@pytest.mark.timeout(900)
def test_thirty_kills_lose_nothing_and_leave_no_half_file(tmp_path: Path) -> None:
    kinds = ("register_complaint", "register_phone", "status_change", "receipt", "export",
             "import")  # fmt: skip
    # At least 30 kills, and more if a busy machine got less work done between them.
    figures = crash.run(
        tmp_path / "crash", kills=30, seed=7, window=1.0, min_operations=100, must_commit=kinds
    )

    assert figures.failures == [], figures.summary()
    assert 30 <= figures.kills <= 120
    # The kills landed in real work: every kind of operation was journalled many times over.
    assert figures.operations >= 100, figures.summary()
    for op in kinds:
        assert figures.committed[op] > 0, figures.summary()


def test_a_journal_line_cut_by_the_kill_is_not_a_report(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(b'{"op": "export"}\n{"op": "imp')

    assert crash.read_journal(journal) == [{"op": "export"}]
    assert journal.read_bytes() == b'{"op": "export"}\n'  # the next worker starts a clean line


def test_the_checks_catch_a_lost_record_and_a_half_written_bundle(tmp_path: Path) -> None:
    """The harness can fail: a journalled record missing from the store and a bundle cut short
    under its final name are both reported."""
    layout = crash.prepare(tmp_path / "crash")
    worker = crash.Worker(layout, seed=1)
    try:
        crash.op_register_complaint(worker)
        crash.op_export(worker)
    finally:
        worker.close()
    entries = crash.read_journal(layout.journal)
    bundle = layout.stick / next(e["file"] for e in entries if e["op"] == "export")
    bundle.write_bytes(bundle.read_bytes()[:-10])
    with layout.journal.open("a") as fh:
        fh.write('{"op": "register_complaint", "id": "gone", "number": "CLIF-C-2026-99999"}\n')

    problems, _ = crash.check_round(layout, {})

    assert any("CLIF-C-2026-99999" in p for p in problems), problems
    assert any(bundle.name in p and "does not verify" in p for p in problems), problems


def test_the_checks_hold_phone_reports_and_their_matches_to_the_journal(tmp_path: Path) -> None:
    """Phone reports and matches journalled by the worker are found; one whose match is
    undone in the store, or that never reached headquarters, is reported."""
    import sqlite3

    layout = crash.prepare(tmp_path / "crash")
    worker = crash.Worker(layout, seed=3)
    try:
        for _ in range(3):
            crash.op_register_phone(worker)
        crash.op_phone_match(worker)
    finally:
        worker.close()
    entries = crash.read_journal(layout.journal)
    [match] = [e for e in entries if e["op"] == "phone_match"]
    assert crash.check_round(layout, {})[0] == []
    assert crash.final_sync(layout) == []  # every phone report and match at headquarters

    con = sqlite3.connect(layout.station / "cplc_desk.sqlite3")
    with con:
        con.execute(
            "UPDATE phone_report SET status = 'open', matched_report_id = NULL WHERE id = ?",
            (match["theft"],),
        )
    con.close()
    problems, _ = crash.check_round(layout, {})
    assert any(f"phone_report {match['recovery']} to {match['theft']}" in p for p in problems), (
        problems
    )
