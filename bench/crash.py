"""Crash harness: SIGKILL the desk at random moments of continuous work, then check nothing that
was reported done is lost and nothing is left half written.

    python -m bench.crash --kills 200          # the full run (make crash)
    python -m bench.crash --worker ROOT --seed N   # one worker (what the harness starts)

One root folder holds a station desk (Clifton, enrolled), a headquarters desk, the station's USB
stick (bundles), a receipts folder and the journal. A *worker* process opens both desks and
works through the services without pause: registrations, status changes, follow-ups, edits
(form drafts, vehicle matches), phone reports and their matches, receipt prints, bundle exports at the station and bundle imports
at headquarters. After each service call returns, the worker appends one line to the journal and
fsyncs it: that line is the worker's word that the operation is committed.

The harness starts a worker on the same stores again and again and kills it (SIGKILL) at a
random moment, either during start-up (imports, opening and migrating the stores) or during the
work. After every kill it checks, with the desk closed:

* both stores pass ``check`` (services.check.check_store: SQLite integrity, foreign keys, change
  log, audit hash chains);
* every journalled operation is in the store (each operation says how to find it);
* every file under its final name is whole: each bundle on the stick opens and verifies at
  headquarters, each receipt is a complete PDF; temporary files are allowed only under their
  temporary names (``.partial``);
* headquarters' accepted bundles are the ones the station made (no forked sequence numbers).

Damage accumulates: the next worker continues on the same stores. At the end, the station's
pending bundles are exported and imported once more, and every record the station holds must be
at headquarters in the same version, with no bundle held for a missing predecessor.

Adding an operation is one entry in :data:`OPERATIONS`: a name, a weight, the
function the worker runs (it calls :meth:`Worker.record` after each service call returns), the
function that checks its journal entries after a kill, and optionally a check of the files it
writes (see the ``backup`` entry).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
STATION = "CLIF"
PARTIAL = ".partial"
Entry = dict[str, Any]


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def station(self) -> Path:
        return self.root / "station"

    @property
    def hq(self) -> Path:
        return self.root / "hq"

    @property
    def stick(self) -> Path:
        return self.root / "stick"

    @property
    def receipts(self) -> Path:
        return self.root / "receipts"

    @property
    def journal(self) -> Path:
        return self.root / "journal.jsonl"

    @property
    def worker_log(self) -> Path:
        return self.root / "worker.log"


def _actors() -> tuple[Any, Any]:
    from cplc_desk.domain.roles import Role
    from cplc_desk.services.desk.context import Actor

    return Actor("crash-supervisor", Role.SUPERVISOR), Actor("crash-analyst", Role.HQ_ANALYST)


def prepare(root: Path) -> Layout:
    """Headquarters, an enrolled Clifton desk, an empty stick, receipts folder and journal."""
    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.desk import setup
    from cplc_desk.services.desk.context import Actor, open_desk
    from cplc_desk.services.hq import sync_hq
    from cplc_desk.services.station import sync_station

    layout = Layout(root)
    root.mkdir(parents=True, exist_ok=True)
    hq = open_desk(DeskPaths(layout.hq), actor=Actor("crash-setup"))
    try:
        setup.init_hq(hq, "CPLC Central")
        enrollment = sync_hq.enroll_station(hq, STATION, root / "clif.cplcenroll")
    finally:
        hq.close()
    station = open_desk(DeskPaths(layout.station), actor=Actor("crash-setup"))
    try:
        sync_station.enroll_from_file(station, enrollment)
    finally:
        station.close()
    for folder in (layout.stick, layout.receipts):
        folder.mkdir(exist_ok=True)
    layout.journal.touch()
    return layout


# ====================================================================== the worker


class Worker:
    """Both desks open, working through the services; every committed operation journalled."""

    def __init__(self, layout: Layout, seed: int) -> None:
        from cplc_desk.domain.samples import SampleMaker, SampleStation
        from cplc_desk.paths import DeskPaths
        from cplc_desk.services.desk import reference
        from cplc_desk.services.desk.context import open_desk

        station_actor, hq_actor = _actors()
        self.layout = layout
        self.rng = random.Random(seed)
        self.seed = seed
        self.station = open_desk(DeskPaths(layout.station), actor=station_actor)
        self.hq = open_desk(DeskPaths(layout.hq), actor=hq_actor)
        stations = [SampleStation(s.code, s.name) for s in reference.stations(self.station)]
        self.maker = SampleMaker(stations, STATION, seed=seed)
        self._journal = os.open(layout.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.counter = 0

    def record(self, op: str, **fields: Any) -> None:
        """The operation returned: say so durably (the harness holds us to it)."""
        line = json.dumps({"op": op, **fields}, sort_keys=True).encode() + b"\n"
        os.write(self._journal, line)
        os.fsync(self._journal)

    def intend(self, op: str, **fields: Any) -> None:
        """An operation about to run that undoes an earlier one (discarding a draft): killed
        after it committed but before :meth:`record`, its target is legitimately gone though
        the journal never says so. Not an operation itself; the checks read it."""
        self.record(INTENT, intended=op, **fields)

    def unique(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.seed}-{self.counter}"

    def pick(self, sql: str) -> tuple[Any, ...] | None:
        """One random row of a read-only query on the station's store (choosing a target)."""
        from sqlalchemy import text

        with self.station.store.read() as s:
            row = s.execute(text(sql + " ORDER BY random() LIMIT 1")).first()
        return tuple(row) if row is not None else None

    def run(self, operations: int | None = None) -> int:
        from cplc_desk.domain.validation import FieldError
        from cplc_desk.services.desk.context import ServiceError

        names = [op.name for op in OPERATIONS]
        weights = [op.weight for op in OPERATIONS]
        done = 0
        while operations is None or done < operations:
            op = OPERATION_BY_NAME[self.rng.choices(names, weights)[0]]
            with contextlib.suppress(ServiceError, FieldError):
                op.run(self)  # a refusal commits nothing and journals nothing
            done += 1
        return done

    def close(self) -> None:
        os.close(self._journal)
        self.station.close()
        self.hq.close()


# ---------------------------------------------------------------------- operations (worker side)

_OPEN = "('registered','referred','fir_lodged','action_taken','under_follow_up')"


def op_register_complaint(w: Worker) -> None:
    from cplc_desk.domain.clock import now_utc
    from cplc_desk.services.complaints.complaints import register_complaint

    r = register_complaint(w.station, w.maker.complaint(now_utc()))
    w.record("register_complaint", id=r.id, number=r.number)


def op_register_vehicle(w: Worker) -> None:
    from cplc_desk.domain.clock import now_utc
    from cplc_desk.services.vehicles.vehicles import register_vehicle_report

    r = register_vehicle_report(w.station, w.maker.vehicle(now_utc()))
    w.record("register_vehicle", id=r.id, number=r.number)


def op_status_change(w: Worker) -> None:
    from cplc_desk.services.complaints import complaints

    row = w.pick(f"SELECT id FROM complaint WHERE status IN {_OPEN}")
    if row is None:
        return
    before = complaints.get(w.station, row[0])
    if not before.allowed_statuses:
        return
    target = w.rng.choice(before.allowed_statuses)
    after = complaints.change_status(
        w.station, before.id, target, note="crash harness", expected_version=before.version
    )
    (event,) = {e.id for e in after.timeline} - {e.id for e in before.timeline}
    w.record("status_change", id=after.id, event=event, to=target)


def op_follow_up(w: Worker) -> None:
    from cplc_desk.domain.clock import now_utc
    from cplc_desk.services.complaints import complaints

    row = w.pick(f"SELECT id FROM complaint WHERE status IN {_OPEN}")
    if row is None:
        return
    before = complaints.get(w.station, row[0])
    nxt = now_utc().date() + timedelta(days=w.rng.randint(1, 30))
    after = complaints.add_follow_up(
        w.station, before.id, "Called the complainant.", nxt, expected_version=before.version
    )
    (event,) = {e.id for e in after.timeline} - {e.id for e in before.timeline}
    w.record("follow_up", id=after.id, event=event)


def op_match(w: Worker) -> None:
    """A recovered vehicle is registered with a stolen one's plate, and the match confirmed."""
    from dataclasses import replace

    from cplc_desk.domain.clock import now_utc
    from cplc_desk.services.vehicles import vehicles
    from cplc_desk.services.vehicles.vehicles import register_vehicle_report

    row = w.pick(
        "SELECT id, registration FROM vehicle_report WHERE status = 'open' "
        "AND kind IN ('stolen','snatched') AND registration IS NOT NULL AND registration != 'AFR'"
    )
    if row is None:
        return
    theft_id, plate = row
    draft = replace(w.maker.vehicle(now_utc(), kind="recovered"), registration=plate)
    recovery = register_vehicle_report(w.station, draft)
    w.record("register_vehicle", id=recovery.id, number=recovery.number)
    vehicles.confirm_match(w.station, recovery.id, theft_id)
    w.record("match", recovery=recovery.id, theft=theft_id)


def op_register_phone(w: Worker) -> None:
    from cplc_desk.domain.clock import now_utc
    from cplc_desk.services.phones.phones import register_phone_report

    r = register_phone_report(w.station, w.maker.phone(now_utc()))
    w.record("register_phone", id=r.id, number=r.number)


def op_phone_match(w: Worker) -> None:
    """A handset recovered with its SIM slots swapped (its first IMEI the theft report's
    second), offered as a candidate, and the match confirmed."""
    from dataclasses import replace

    from cplc_desk.domain.clock import now_utc
    from cplc_desk.services.phones import phones

    row = w.pick(
        "SELECT id, imei, imei2 FROM phone_report WHERE status = 'open' "
        "AND kind IN ('stolen','snatched')"
    )
    if row is None:
        return
    theft_id, imei, imei2 = row
    draft = replace(w.maker.phone(now_utc(), kind="recovered"), imei=imei2 or imei,
                    imei2=imei if imei2 else "")  # fmt: skip
    recovery = phones.register_phone_report(w.station, draft)
    w.record("register_phone", id=recovery.id, number=recovery.number)
    phones.candidates_for(w.station, recovery.id)  # what the match screen reads first
    phones.confirm_match(w.station, recovery.id, theft_id)
    w.record("phone_match", recovery=recovery.id, theft=theft_id)


def op_draft(w: Worker) -> None:
    """A form in progress saved as the volunteer types; now and then one is discarded."""
    from cplc_desk.services.desk import drafts

    row = w.pick("SELECT key FROM form_draft WHERE key LIKE 'crash-%'")
    if row is not None and w.rng.random() < 0.3:
        w.intend("draft_discarded", key=row[0])
        drafts.discard_draft(w.station, row[0])
        w.record("draft_discarded", key=row[0])
        return
    key = w.unique("crash")
    data = {"complainant_name": w.maker.person().name, "narrative": "typed so far " * 3}
    drafts.save_draft(w.station, key, "complaint", data)
    w.record("draft", key=key, data=data)


def op_receipt(w: Worker) -> None:
    from cplc_desk.printing.receipt import render_receipt
    from cplc_desk.services.complaints import receipts
    from cplc_desk.services.vehicles import vehicles
    from cplc_desk.sync.files import write_atomically

    receipt: Any
    if w.rng.random() < 0.7:
        row = w.pick("SELECT id FROM complaint")
        if row is None:
            return
        table, layout = "complaint", w.rng.choice(["a5", "80mm"])
        receipt = receipts.issue_receipt(w.station, row[0], layout=layout)
    else:
        row = w.pick("SELECT id FROM vehicle_report")
        if row is None:
            return
        table, layout = "vehicle_report", "a5"
        receipt = vehicles.issue_receipt(w.station, row[0])
    path = w.layout.receipts / f"{receipt.number}-{w.unique('print')}.pdf"
    write_atomically(path, render_receipt(receipt, layout))
    w.record("receipt", table=table, id=row[0], file=path.name)


def op_export(w: Worker) -> None:
    from cplc_desk.services.station import sync_station

    result = sync_station.export_bundle(w.station, w.layout.stick)
    w.record(
        "export",
        sequence=result.sequence,
        file=result.path.name if result.path else None,
        nothing_new=result.nothing_new,
    )


def op_import(w: Worker) -> None:
    from cplc_desk.services.hq import bundle_import

    outcomes = bundle_import.import_bundles(w.hq, [w.layout.stick])
    w.record(
        "import",
        accepted=[[o.station, o.sequence] for o in outcomes if o.status == "accepted"],
        refused=[[Path(o.file).name, o.code] for o in outcomes if o.status == "refused"],
    )


def op_backup(w: Worker) -> None:
    from cplc_desk.services.backups import backup

    result = backup.write_backup(w.station, reason="manual")
    w.record("backup", file=result.path.name, keep=backup.load_settings(w.station).keep)


# ====================================================================== checking after a kill


class Checker:
    """Opens both desks (with no worker running) and holds the journal's claims against them."""

    def __init__(self, layout: Layout, verified: dict[Path, tuple[int, int]]) -> None:
        from cplc_desk.paths import DeskPaths
        from cplc_desk.services.desk.context import open_desk

        station_actor, hq_actor = _actors()
        self.layout = layout
        self.verified = verified  # files already found whole (path -> (size, mtime_ns))
        self.station = open_desk(DeskPaths(layout.station), actor=station_actor)
        self.hq = open_desk(DeskPaths(layout.hq), actor=hq_actor)
        self.problems: list[str] = []
        self.temporary_files = 0
        self.journal_entries: list[Entry] = []

    def close(self) -> None:
        self.station.close()
        self.hq.close()

    def rows(self, ctx: Any, sql: str) -> list[tuple[Any, ...]]:
        return rows(ctx, sql)

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def check(self, journal: list[Entry]) -> list[str]:
        from cplc_desk.services.desk.check import check_store

        for name, ctx in (("station", self.station), ("hq", self.hq)):
            report = check_store(ctx)
            self.problems += [f"{name} store check: {p}" for p in report.problems]
        self.journal_entries = journal
        by_op: dict[str, list[Entry]] = {}
        for entry in journal:
            by_op.setdefault(entry["op"], []).append(entry)
        for name, entries in by_op.items():
            if name != INTENT:
                OPERATION_BY_NAME[name].verify(self, entries)
        for op in OPERATIONS:
            if op.files is not None:
                op.files(self)
        self.check_forks()
        return self.problems

    def whole(self, path: Path, checker: Callable[[Path], str | None]) -> None:
        """Check a file under its final name once (again if it changed)."""
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
        if self.verified.get(path) == stamp:
            return
        trouble = checker(path)
        if trouble:
            self.problem(f"{path.name}: {trouble}")
        else:
            self.verified[path] = stamp

    def final_files(self, folder: Path) -> Iterator[Path]:
        """Files under final names; temporary ones are counted, never opened."""
        if not folder.exists():
            return
        for path in sorted(folder.iterdir()):
            if path.name.endswith(PARTIAL):
                self.temporary_files += 1
            elif path.is_file():
                yield path

    def check_forks(self) -> None:
        made = dict(self.rows(self.station, "SELECT sequence, manifest_hash FROM sync_outbox"))
        for seq, manifest_hash in self.rows(
            self.hq,
            f"SELECT sequence, manifest_hash FROM sync_inbox WHERE station_code = '{STATION}'",
        ):
            if made.get(seq) != manifest_hash:
                self.problem(f"headquarters holds a bundle {seq} the station never made")


def rows(ctx: Any, sql: str) -> list[tuple[Any, ...]]:
    from sqlalchemy import text

    with ctx.store.read() as s:
        return [tuple(r) for r in s.execute(text(sql))]


def _ids(checker: Checker, ctx: Any, sql: str) -> set[Any]:
    return {r[0] if len(r) == 1 else r for r in checker.rows(ctx, sql)}


def verify_records(table: str) -> Callable[[Checker, list[Entry]], None]:
    def verify(checker: Checker, entries: list[Entry]) -> None:
        held = _ids(checker, checker.station, f"SELECT id, number FROM {table}")
        for e in entries:
            if (e["id"], e["number"]) not in held:
                checker.problem(f"{table} {e['number']} was registered but is not in the store")

    return verify


def verify_events(checker: Checker, entries: list[Entry]) -> None:
    held = dict(checker.rows(checker.station, "SELECT id, to_status FROM complaint_event"))
    for e in entries:
        if e["event"] not in held or held[e["event"]] != e.get("to"):
            checker.problem(f"{e['op']} {e['event']} of complaint {e['id']} is not in the store")


def verify_matches_in(table: str) -> Callable[[Checker, list[Entry]], None]:
    def verify(checker: Checker, entries: list[Entry]) -> None:
        rows = checker.rows(checker.station, f"SELECT id, status, matched_report_id FROM {table}")
        held = {r[0]: (r[1], r[2]) for r in rows}
        for e in entries:
            if held.get(e["recovery"]) != ("matched", e["theft"]) or held.get(e["theft"]) != (
                "recovered",
                e["recovery"],
            ):
                checker.problem(
                    f"the match of {table} {e['recovery']} to {e['theft']} is not in the store"
                )

    return verify


verify_matches = verify_matches_in("vehicle_report")


def verify_drafts(checker: Checker, entries: list[Entry]) -> None:
    held = dict(checker.rows(checker.station, "SELECT key, data FROM form_draft"))
    # Discarded, or about to be when the kill came (either outcome is right for those).
    discarded = {
        e["key"]
        for e in checker.journal_entries
        if e["op"] == "draft_discarded"
        or (e["op"] == INTENT and e["intended"] == "draft_discarded")
    }
    for e in entries:
        if e["key"] in discarded:
            continue
        if e["key"] not in held or json.loads(held[e["key"]]) != e["data"]:
            checker.problem(f"form draft {e['key']} was saved but is not in the store")


def verify_discards(checker: Checker, entries: list[Entry]) -> None:
    held = _ids(checker, checker.station, "SELECT key FROM form_draft")
    for e in entries:
        if e["key"] in held:
            checker.problem(f"form draft {e['key']} was discarded but is still in the store")


def verify_receipts(checker: Checker, entries: list[Entry]) -> None:
    printed = Counter(
        r[0]
        for r in checker.rows(
            checker.station,
            "SELECT record_id FROM audit_log WHERE action IN "
            "('receipt.printed','receipt.reprinted')",
        )
    )
    journalled = Counter(e["id"] for e in entries)
    for record_id, n in journalled.items():
        if printed[record_id] < n:
            checker.problem(f"{n} receipts of {record_id} printed, {printed[record_id]} audited")
    for e in entries:
        if not (checker.layout.receipts / e["file"]).is_file():
            checker.problem(f"receipt {e['file']} was written but is missing")


def receipt_files(checker: Checker) -> None:
    def whole_pdf(path: Path) -> str | None:
        data = path.read_bytes()
        if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
            return "not a whole PDF"
        try:
            from pypdf import PdfReader
        except ImportError:  # the test extra is not installed: the ends were checked
            return None
        import io

        try:
            if len(PdfReader(io.BytesIO(data), strict=True).pages) != 1:
                return "a receipt has one page"
        except Exception as exc:
            return f"unreadable PDF ({exc})"
        return None

    for path in checker.final_files(checker.layout.receipts):
        checker.whole(path, whole_pdf)


def verify_exports(checker: Checker, entries: list[Entry]) -> None:
    written = dict(checker.rows(checker.station, "SELECT sequence, written_at FROM sync_outbox"))
    for e in entries:
        if e["nothing_new"]:
            continue
        if written.get(e["sequence"]) is None:
            checker.problem(f"bundle {e['sequence']} was exported but is not recorded as written")
        if not (checker.layout.stick / e["file"]).is_file():
            checker.problem(f"bundle {e['file']} was exported but is not on the stick")


def bundle_files(checker: Checker) -> None:
    from cplc_desk.services.hq import bundle_import

    def verifies(path: Path) -> str | None:
        result = bundle_import.verify_bundle(checker.hq, path)
        return None if result.ok else f"does not verify: {result.message}"

    for path in checker.final_files(checker.layout.stick):
        checker.whole(path, verifies)


def verify_imports(checker: Checker, entries: list[Entry]) -> None:
    accepted = _ids(
        checker,
        checker.hq,
        "SELECT station_code, sequence FROM sync_inbox WHERE status = 'accepted'",
    )
    for e in entries:
        for station, seq in e["accepted"]:
            if (station, seq) not in accepted:
                checker.problem(f"bundle {seq} of {station} was accepted but is not merged")
        for name, code in e["refused"]:
            checker.problem(f"headquarters refused {name} ({code})")


def verify_backups(checker: Checker, entries: list[Entry]) -> None:
    """The newest journalled backup is there, and rotation kept as many as it should."""
    from cplc_desk.services.backups.backup_files import PLAIN_SUFFIX, PREFIX

    if not entries:
        return
    folder = checker.layout.station / "backups"
    present = {p.name for p in folder.glob(f"{PREFIX}*{PLAIN_SUFFIX}")}
    newest = entries[-1]
    if newest["file"] not in present:
        checker.problem(f"backup {newest['file']} was written but is missing")
    expected = min(len({e["file"] for e in entries}), int(newest["keep"]))
    if len(present) < expected:
        checker.problem(f"{len(present)} backups kept, {expected} expected")


def backup_files(checker: Checker) -> None:
    from cplc_desk.services.backups import backup
    from cplc_desk.services.desk.context import ServiceError

    def verifies(path: Path) -> str | None:
        try:
            backup.verify_file(path)
        except ServiceError as exc:
            return f"does not verify: {exc}"
        return None

    for path in checker.final_files(checker.layout.station / "backups"):
        if path.name.startswith(backup.PREFIX):
            checker.whole(path, verifies)


# ---------------------------------------------------------------------- the list


@dataclass(frozen=True)
class Operation:
    name: str
    weight: int
    run: Callable[[Worker], None]  # worker side; calls Worker.record after each commit
    verify: Callable[[Checker, list[Entry]], None]  # this op's journal entries after a kill
    files: Callable[[Checker], None] | None = None  # whole-file check of what it writes


OPERATIONS: list[Operation] = [
    Operation("register_complaint", 8, op_register_complaint, verify_records("complaint")),
    Operation("register_vehicle", 4, op_register_vehicle, verify_records("vehicle_report")),
    Operation("status_change", 5, op_status_change, verify_events),
    Operation("follow_up", 4, op_follow_up, verify_events),
    Operation("match", 1, op_match, verify_matches),
    Operation("register_phone", 4, op_register_phone, verify_records("phone_report")),
    Operation("phone_match", 1, op_phone_match, verify_matches_in("phone_report")),
    Operation("draft", 3, op_draft, verify_drafts),
    Operation("draft_discarded", 0, op_draft, verify_discards),  # journalled by op_draft
    Operation("receipt", 3, op_receipt, verify_receipts, receipt_files),
    Operation("export", 2, op_export, verify_exports, bundle_files),
    Operation("import", 2, op_import, verify_imports),
    Operation("backup", 1, op_backup, verify_backups, backup_files),
]
OPERATION_BY_NAME = {op.name: op for op in OPERATIONS}
INTENT = "intent"  # a journal line written before an operation, not a committed one


# ====================================================================== the harness


@dataclass
class Figures:
    kills: int = 0
    kills_in_startup: int = 0
    rounds_ended_alone: int = 0
    committed: Counter[str] = field(default_factory=Counter)
    temporary_files: int = 0
    seconds: float = 0.0
    check_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def operations(self) -> int:
        return sum(self.committed.values())

    def summary(self) -> str:
        ops = ", ".join(f"{k} {v}" for k, v in sorted(self.committed.items()))
        lines = [
            f"kills: {self.kills} ({self.kills_in_startup} during start-up)",
            f"operations committed (journalled): {self.operations} ({ops})",
            f"temporary files left under temporary names: {self.temporary_files}",
            f"time: {self.seconds:.1f} s (checks {self.check_seconds:.1f} s)",
            f"failures: {len(self.failures)}",
            *(f"  {f}" for f in self.failures[:20]),
        ]
        return "\n".join(lines)


def read_journal(path: Path) -> list[Entry]:
    """The journal's whole lines; a line cut by the kill is dropped (and cut off the file, so
    the next worker's lines start clean): it was never a completed report."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end != len(data):
        with path.open("r+b") as fh:
            fh.truncate(end)
    return [json.loads(line) for line in data[:end].splitlines() if line.strip()]


def _start_worker(layout: Layout, seed: int) -> subprocess.Popen[bytes]:
    log = layout.worker_log.open("ab")
    try:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.crash",
                "--worker",
                str(layout.root),
                "--seed",
                str(seed),
            ],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=log,
        )
    finally:
        log.close()


def _wait_ready(proc: subprocess.Popen[bytes], timeout: float) -> bool:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return bool(ready) and proc.stdout.readline().strip() == b"ready"


def _kill(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL; False when the worker had already ended by itself."""
    alive = proc.poll() is None
    if alive:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    if proc.stdout is not None:
        proc.stdout.close()
    return alive and proc.returncode == -signal.SIGKILL


def check_round(layout: Layout, verified: dict[Path, tuple[int, int]]) -> tuple[list[str], int]:
    journal = read_journal(layout.journal)
    checker = Checker(layout, verified)
    try:
        return checker.check(journal), checker.temporary_files
    finally:
        checker.close()


def final_sync(layout: Layout) -> list[str]:
    """Export and import what is pending; headquarters must then hold every station record."""
    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.desk.context import open_desk
    from cplc_desk.services.hq import bundle_import
    from cplc_desk.services.station import sync_station

    station_actor, hq_actor = _actors()
    station = open_desk(DeskPaths(layout.station), actor=station_actor)
    hq = open_desk(DeskPaths(layout.hq), actor=hq_actor)
    problems: list[str] = []
    try:
        sync_station.export_bundle(station, layout.stick)
        outcomes = bundle_import.import_bundles(hq, [layout.stick])
        problems += [f"final import refused {o.file}: {o.message}" for o in outcomes
                     if o.status == "refused"]  # fmt: skip
        tables = ("person", "complaint", "complaint_event", "vehicle_report", "phone_report")
        for table in tables:
            ours = set(rows(station, f"SELECT id, version FROM {table}"))
            theirs = set(rows(hq, f"SELECT id, version FROM {table}"))
            missing = ours - theirs
            if missing:
                problems.append(f"{len(missing)} {table} rows of the station never reached HQ")
        held = rows(hq, "SELECT sequence FROM sync_inbox WHERE status = 'held'")
        if held:
            problems.append(f"headquarters holds bundles {sorted(h[0] for h in held)} waiting")
    finally:
        station.close()
        hq.close()
    return problems


def run(
    root: Path,
    kills: int,
    *,
    seed: int = 20261124,
    window: float = 1.5,
    early: float = 0.15,
    log: Callable[[str], None] | None = None,
    min_operations: int = 0,
    must_commit: tuple[str, ...] = (),
) -> Figures:
    """Kill a worker ``kills`` times on the stores under ``root``; check after every kill.

    With ``min_operations`` or ``must_commit``, go on killing (up to four times ``kills``)
    until that much work was committed between the kills: on a slow or busy machine a worker
    gets less done within each window, and the kills must still land in real work."""
    rng = random.Random(seed)
    layout = prepare(root)
    figures = Figures()
    verified: dict[Path, tuple[int, int]] = {}
    start = time.perf_counter()
    round_no = 0

    def more_wanted() -> bool:
        if figures.kills < kills:
            return True
        if figures.kills >= 4 * kills or not (min_operations or must_commit):
            return False
        done = Counter(e["op"] for e in read_journal(layout.journal) if e["op"] != INTENT)
        return sum(done.values()) < min_operations or any(not done[op] for op in must_commit)

    while more_wanted() and not figures.failures:
        round_no += 1
        proc = _start_worker(layout, seed * 1000 + round_no)
        if rng.random() < early:  # anywhere in start-up: imports, opening, migrating
            time.sleep(rng.uniform(0, 1.2))
            figures.kills_in_startup += 1
        else:
            if not _wait_ready(proc, 60):
                _kill(proc)
                figures.failures.append(f"round {round_no}: the worker did not start (see log)")
                break
            time.sleep(rng.uniform(0, window))
        if _kill(proc):
            figures.kills += 1
        else:
            figures.rounds_ended_alone += 1
            figures.failures.append(
                f"round {round_no}: the worker ended by itself ({proc.returncode}); see "
                f"{layout.worker_log}"
            )
        t = time.perf_counter()
        problems, temporary = check_round(layout, verified)
        figures.check_seconds += time.perf_counter() - t
        figures.temporary_files = temporary
        figures.failures += [f"after kill {figures.kills}: {p}" for p in problems]
        if log is not None and (figures.kills % 10 == 0 or problems):
            done = sum(e["op"] != INTENT for e in read_journal(layout.journal))
            log(f"kill {figures.kills}: {done} operations so far")
    if not figures.failures:
        figures.failures += [f"final sync: {p}" for p in final_sync(layout)]
    figures.committed = Counter(e["op"] for e in read_journal(layout.journal) if e["op"] != INTENT)
    figures.seconds = time.perf_counter() - start
    return figures


# ====================================================================== command line


def worker_main(root: Path, seed: int) -> int:
    worker = Worker(Layout(root), seed)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    try:
        worker.run()
    finally:
        worker.close()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.crash", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--window", type=float, default=1.5,
                        help="seconds of work after start-up within which the kill falls")  # fmt: skip
    parser.add_argument("--root", type=Path, help="keep the stores here (default: a temp dir)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        return worker_main(args.worker, args.seed)
    keep = args.root is not None
    root = args.root or Path(tempfile.mkdtemp(prefix="cplc-crash-"))
    print(f"crash harness: {args.kills} kills, stores in {root}", flush=True)
    figures = run(root, args.kills, seed=args.seed, window=args.window,
                  log=lambda m: print(m, flush=True))  # fmt: skip
    print(figures.summary())
    if figures.failures:
        print(f"stores kept for inspection in {root}")
    elif not keep:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if figures.failures else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main(sys.argv[1:]))
