"""A theft report and the recovery matched to it point at each other: headquarters must merge
them even when both arrive in the same bundle (found by the crash harness, bench/crash.py:
such a bundle was refused for ever with "FOREIGN KEY constraint failed")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import VehicleReport
from cplc_desk.sync import merge


def _desks(root: Path) -> tuple[DeskContext, DeskContext]:
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("analyst"))
    setup.init_hq(hq, "CPLC HQ")
    enrollment = sync_hq.enroll_station(hq, "CLIF", root / "clif.cplcenroll")
    station = open_desk(DeskPaths(root / "clif"), actor=Actor("volunteer"))
    sync_station.enroll_from_file(station, enrollment)
    return station, hq


def _links(ctx: DeskContext) -> dict[str, tuple[str, str | None]]:
    with ctx.store.read() as s:
        return {r.id: (r.status, r.matched_report_id) for r in s.scalars(select(VehicleReport))}


@pytest.mark.parametrize("chunk", [merge.CHUNK, 1], ids=["one-batch", "row-by-row"])
def test_a_theft_and_its_matched_recovery_in_one_bundle_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(merge, "CHUNK", chunk)
    station, hq = _desks(tmp_path)
    try:
        maker = SampleMaker([SampleStation("CLIF", "Clifton")], "CLIF", seed=3)
        theft = register_vehicle_report(
            station, replace(maker.vehicle(now_utc(), kind="stolen"), registration="KHI-1234")
        )
        recovery = register_vehicle_report(
            station, replace(maker.vehicle(now_utc(), kind="recovered"), registration="KHI 1234")
        )
        vehicles.confirm_match(station, recovery.id, theft.id)
        assert sync_station.export_bundle(station, tmp_path / "stick").path is not None

        (outcome,) = bundle_import.import_bundles(hq, [tmp_path / "stick"])

        assert outcome.status == "accepted", outcome.message
        assert (
            _links(hq)
            == _links(station)
            == {
                theft.id: ("recovered", recovery.id),
                recovery.id: ("matched", theft.id),
            }
        )
    finally:
        station.close()
        hq.close()
