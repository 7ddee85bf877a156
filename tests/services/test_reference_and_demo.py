"""Reference data shipped in resources/ and the demo desk."""

from __future__ import annotations

import csv

from cplc_desk.paths import resource_path
from cplc_desk.services.desk import demo, reference
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.desk.stats import store_stats
from cplc_desk.storage import reference_data
from cplc_desk.storage.models import PoliceStation


def test_every_shipped_station_is_loaded_with_its_district_and_zone(ctx: DeskContext) -> None:
    with (resource_path("reference") / "police_stations.csv").open(encoding="utf-8") as fh:
        shipped = list(csv.DictReader(fh))
    loaded = {s.code: s for s in reference.stations(ctx)}
    assert len(loaded) == len(shipped) >= 98
    assert len({row["code"] for row in shipped}) == len(shipped)
    clifton = loaded["CLIF"]
    assert (clifton.district_name, clifton.zone_name) == ("South", "South")
    assert {s.zone_name for s in loaded.values()} == {"South", "East", "West"}


def test_reference_data_is_reloaded_only_when_the_files_change(ctx: DeskContext) -> None:
    assert reference_data.load_if_changed(ctx.store) is False
    with ctx.store.write(actor="test", desk_code="-") as s:
        s.get(PoliceStation, "CLIF").name = "Renamed"  # type: ignore[union-attr]
        from cplc_desk.storage.models import StoreMeta

        s.get(StoreMeta, reference_data.META_KEY).value = "stale"  # type: ignore[union-attr]
    assert reference_data.load_if_changed(ctx.store) is True
    assert reference.station(ctx, "CLIF").name == "Clifton"  # type: ignore[union-attr]


def test_demo_fills_a_station_with_realistic_consistent_records(ctx: DeskContext) -> None:
    demo.populate(ctx, complaints=300, vehicles=200)
    stats = store_stats(ctx)
    assert ctx.require_identity().code == demo.DEMO_STATION
    assert stats.complaints.total == 300 and stats.vehicle_reports.total == 200
    assert len(stats.complaints.by_status) >= 4
    assert set(stats.vehicle_reports.by_kind) >= {"stolen", "snatched"}
    assert check_store(ctx).ok


def test_demo_is_deterministic_for_a_seed(tmp_path, template_store) -> None:
    import shutil

    from cplc_desk.paths import DeskPaths
    from cplc_desk.services.desk.context import open_desk

    names = []
    for name in ("a", "b"):
        paths = DeskPaths(tmp_path / name)
        paths.ensure()
        shutil.copyfile(template_store, paths.database)
        ctx = open_desk(paths)
        demo.populate(ctx, complaints=20, vehicles=10, seed=7)
        with ctx.store.read() as s:
            from sqlalchemy import select

            from cplc_desk.storage.models import Complaint

            names.append(s.scalars(select(Complaint.narrative).order_by(Complaint.number)).all())
        ctx.close()
    assert names[0] == names[1]
