"""A desk cut off between saving a bundle and writing its file (found by the crash harness):
the next export writes that bundle too, so headquarters never waits for it for ever."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.storage.models import SyncOutbox


def test_an_unwritten_bundle_is_written_with_the_next(tmp_path: Path) -> None:
    hq = open_desk(DeskPaths(tmp_path / "hq"), actor=Actor("analyst"))
    station = open_desk(DeskPaths(tmp_path / "clif"), actor=Actor("volunteer"))
    try:
        setup.init_hq(hq, "CPLC HQ")
        sync_station.enroll_from_file(
            station, sync_hq.enroll_station(hq, "CLIF", tmp_path / "clif.cplcenroll")
        )
        maker = SampleMaker([SampleStation("CLIF", "Clifton")], "CLIF", seed=5)
        stick = tmp_path / "stick"
        register_complaint(station, maker.complaint(now_utc()))
        first = sync_station.export_bundle(station, stick)
        assert first.path is not None
        # As after a power cut between the bundle's commit and its file: saved, not written.
        first.path.unlink()
        with station.store.write(actor="t", desk_code="CLIF") as s:
            s.execute(update(SyncOutbox).values(written_at=None))
        register_complaint(station, maker.complaint(now_utc()))

        second = sync_station.export_bundle(station, stick)

        assert second.sequence == 2
        assert sorted(p.name for p in stick.iterdir()) == sorted(
            [first.path.name, second.path.name]
        )  # type: ignore[union-attr]
        outcomes = bundle_import.import_bundles(hq, [stick])
        assert [(o.sequence, o.status) for o in outcomes] == [(1, "accepted"), (2, "accepted")]
    finally:
        station.close()
        hq.close()
