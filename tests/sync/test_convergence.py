"""Headquarters converges: any order of delivery, with duplicates, ends in the same state.

Hypothesis draws random work at two stations (new records, edits, tombstones, exports between
them) and a random delivery of the resulting bundles (shuffled, some delivered twice); the state
headquarters ends in must equal the state after delivering them in order, and match what the
stations hold.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.storage.models import Complaint
from cplc_desk.storage.types import utcnow

STATIONS = ("CLIF", "SADD")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("templates")
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("analyst"))
    setup.init_hq(hq, "CPLC HQ")
    for code in STATIONS:
        enrollment = sync_hq.enroll_station(hq, code, root / f"{code}.cplcenroll")
        desk = open_desk(DeskPaths(root / code), actor=Actor(f"vol-{code}"))
        sync_station.enroll_from_file(desk, enrollment)
        desk.close()
    hq.close()
    return root


def _draft(code: str, n: int) -> ComplaintDraft:
    return ComplaintDraft(
        complainant=PersonDraft(name=f"Complainant {n}", cnic=f"42101-{1000000 + n}-1"),
        category="THEFT",
        police_station=code,
        narrative=f"Complaint number {n} at {code}.",
    )


operation = st.one_of(
    st.just(("create",)),
    st.tuples(st.just("edit"), st.integers(0, 30)),
    st.tuples(st.just("tombstone"), st.integers(0, 30)),
    st.just(("export",)),
)


def _work(desk_dir: Path, code: str, ops: list[tuple], stick: Path) -> None:
    desk = open_desk(DeskPaths(desk_dir), actor=Actor(f"vol-{code}"))
    ids: list[str] = []
    try:
        for n, op in enumerate([*ops, ("export",)]):
            if op[0] == "create":
                ids.append(register_complaint(desk, _draft(code, n)).id)
            elif op[0] in ("edit", "tombstone") and ids:
                with desk.unit_of_work() as s:
                    row = s.get(Complaint, ids[op[1] % len(ids)])
                    assert row is not None
                    if op[0] == "edit":
                        row.narrative = f"{row.narrative} (edit {n})"
                    elif row.deleted_at is None:
                        row.deleted_at = utcnow()
            elif op[0] == "export":
                sync_station.export_bundle(desk, stick)
    finally:
        desk.close()


def _state(db: Path, where: str = "") -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT id, origin_desk, version, narrative, deleted_at IS NOT NULL "
            f"FROM complaint {where} ORDER BY id"
        ).fetchall()
    finally:
        con.close()


def _hq_after(template: Path, target: Path, files: list[Path]) -> list[tuple]:
    shutil.copytree(template, target)
    hq = open_desk(DeskPaths(target), actor=Actor("analyst"))
    try:
        for f in files:
            outcome = bundle_import.import_bundles(hq, [f])[0]
            assert outcome.status != "refused", outcome.message
    finally:
        hq.close()
    return _state(target / "cplc_desk.sqlite3")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    work=st.tuples(st.lists(operation, max_size=12), st.lists(operation, max_size=12)),
    order=st.randoms(use_true_random=False),
    repeats=st.integers(0, 3),
)
def test_any_delivery_order_converges(
    templates: Path, tmp_path_factory, work, order, repeats
) -> None:
    root = tmp_path_factory.mktemp("run")
    stick = root / "stick"
    stick.mkdir()
    for code, ops in zip(STATIONS, work, strict=True):
        shutil.copytree(templates / code, root / code)
        _work(root / code, code, list(ops), stick)
    files = sorted(stick.iterdir())
    shuffled = files + [order.choice(files) for _ in range(repeats)] if files else []
    order.shuffle(shuffled)

    in_order = _hq_after(templates / "hq", root / "hq-ordered", files)
    shuffled_state = _hq_after(templates / "hq", root / "hq-shuffled", shuffled)

    assert shuffled_state == in_order
    expected = sorted(
        row
        for code in STATIONS
        for row in _state(root / code / "cplc_desk.sqlite3", f"WHERE origin_desk = '{code}'")
    )
    assert in_order == expected
