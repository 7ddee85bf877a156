"""Desks for the hotlist's service and GUI tests: headquarters, Clifton (which registers thefts
and sends them in a real bundle) and Saddar (which knows nothing of them), all in process."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from cplc_desk.domain.records import PersonDraft, VehicleReportDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import records, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles.vehicles import register_vehicle_report


def open_copy(root: Path, template_store: Path, name: str) -> DeskContext:
    """A desk in its own folder, started from the migrated template."""
    paths = DeskPaths(root / name)
    paths.ensure()
    shutil.copyfile(template_store, paths.database)
    return open_desk(paths, actor=Actor(f"{name}-volunteer"))


@dataclass
class Desks:
    hq: DeskContext
    clifton: DeskContext
    saddar: DeskContext
    root: Path

    def close(self) -> None:
        for ctx in (self.hq, self.clifton, self.saddar):
            ctx.close()

    def send(self) -> None:
        """Clifton's news reaches headquarters in a bundle."""
        result = sync_station.export_bundle(self.clifton, self.root / "stick")
        assert result.path is not None
        (outcome,) = bundle_import.import_bundles(self.hq, [result.path])
        assert outcome.status == "accepted", outcome.message


def make_desks(root: Path, template_store: Path) -> Desks:
    hq = open_copy(root, template_store, "hq")
    setup.init_hq(hq, "CPLC Central")
    desks = []
    for code in ("CLIF", "SADD"):
        enrollment = sync_hq.enroll_station(hq, code, root / f"{code}.cplcenroll")
        ctx = open_copy(root, template_store, code.lower())
        sync_station.enroll_from_file(ctx, enrollment)
        desks.append(ctx)
    return Desks(hq, desks[0], desks[1], root)


def vehicle(
    ctx: DeskContext, kind: str, reg: str = "", chassis: str = "", engine: str = ""
) -> records.Registered:
    theft = kind in ("stolen", "snatched")
    return register_vehicle_report(
        ctx,
        VehicleReportDraft(
            kind=kind, vehicle_class="motorcycle", registration=reg, chassis=chassis,
            engine=engine, make="Honda", model="CD 70", colour="Red", police_station="CLIF",
            owner=PersonDraft(name="Ali Raza", cnic="42101-1234567-1", mobile="0300-1234567",
                              address="House 12, Block 5, Clifton") if theft else PersonDraft(),
            fir_number="87/2026" if theft else "",
        ),
    )  # fmt: skip
