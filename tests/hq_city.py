"""A small city for headquarters' tests: a headquarters desk and a few enrolled station desks in
their own data folders, records registered through the station services, exported as real
bundles and merged at headquarters through the real import path.

A merge conflict is made the way one reaches headquarters: a station's bundle carrying an edit
whose base is not the version headquarters holds (as after a station restored an old backup and
edited again). The bundle is re-signed with the station's own key (tests/sync/craft.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session
from sync import craft  # tests/sync/craft.py

from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import Complaint
from cplc_desk.sync import container, keys


@dataclass
class City:
    root: Path
    hq: DeskContext
    stations: dict[str, DeskContext] = field(default_factory=dict)
    sticks: int = 0

    def close(self) -> None:
        for ctx in self.stations.values():
            ctx.close()
        self.hq.close()

    def stick(self) -> Path:
        self.sticks += 1
        folder = self.root / f"stick{self.sticks}"
        folder.mkdir()
        return folder

    def send(self, *codes: str) -> None:
        """Each station exports its next bundle; headquarters imports them all."""
        stick = self.stick()
        for code in codes:
            sync_station.export_bundle(self.stations[code], stick)
        outcomes = bundle_import.import_bundles(self.hq, [stick])
        assert all(o.status == "accepted" for o in outcomes), [o.message for o in outcomes]

    def complaint(self, code: str, name: str, cnic: str = "", police_station: str = "") -> str:
        return register_complaint(
            self.stations[code],
            ComplaintDraft(
                complainant=PersonDraft(name=name, cnic=cnic),
                category="THEFT",
                police_station=police_station or code,
                narrative=f"Mobile phone snatched near the {code} market.",
            ),
        ).id

    def vehicle(
        self,
        code: str,
        kind: str,
        *,
        registration: str = "",
        chassis: str = "",
        engine: str = "",
        owner: str = "",
        cnic: str = "",
    ) -> str:
        return register_vehicle_report(
            self.stations[code],
            VehicleReportDraft(
                kind=kind,
                vehicle_class="motorcycle",
                registration=registration,
                chassis=chassis,
                engine=engine,
                make="Honda",
                model="CD 70",
                colour="Red",
                police_station=code,
                owner=PersonDraft(name=owner, cnic=cnic) if owner else PersonDraft(),
            ),
        ).id

    def conflicting_edit(self, code: str, complaint_id: str, narrative: str) -> None:
        """Edit a complaint at the station and deliver the edit as a conflict: its bundle says
        it descends from a version headquarters never held."""

        def edit(s: Session) -> None:
            row = s.get(Complaint, complaint_id)
            assert row is not None
            row.narrative = narrative

        self.forked_edit(code, complaint_id, edit)

    def forked_edit(self, code: str, record_id: str, edit: Callable[[Session], None]) -> None:
        """``edit`` a record in a unit of work at station ``code`` and deliver it as a
        conflict: its bundle names as its base a version headquarters never held."""
        station = self.stations[code]
        with station.unit_of_work() as s:
            edit(s)
        stick = self.stick()
        result = sync_station.export_bundle(station, stick)
        assert result.path is not None
        data_dir = station.paths.data_dir
        parts = craft.take_apart(result.path.read_bytes(), craft.hq_private(self.hq.paths.data_dir))
        lines = parts.members[container.CHANGES].split(b"\n")
        forged = []
        for line in lines:
            cols = line.split(b"\t")
            if len(cols) == 7 and cols[2] == record_id.encode():
                cols[5] = b"f" * 64  # a base headquarters does not hold
            forged.append(b"\t".join(cols))
        parts.members[container.CHANGES] = b"\n".join(forged)
        hq_public = keys.load_x25519(self.hq.paths.keys / keys.HQ_ENCRYPTION).public_key()
        result.path.write_bytes(craft.rebuild(parts, craft.station_key(data_dir), hq_public))
        outcomes = bundle_import.import_bundles(self.hq, [stick])
        assert [o.status for o in outcomes] == ["accepted"], [o.message for o in outcomes]


def build_city(root: Path, template_store: Path, codes: tuple[str, ...]) -> City:
    """Headquarters and enrolled stations ``codes``, each desk from the migrated template."""

    def desk(name: str, actor: str) -> DeskContext:
        paths = DeskPaths(root / name)
        paths.ensure()
        shutil.copyfile(template_store, paths.database)
        return open_desk(paths, actor=Actor(actor))

    hq = desk("hq", "analyst")
    setup.init_hq(hq, "CPLC HQ")
    city = City(root, hq)
    for code in codes:
        enrollment = sync_hq.enroll_station(hq, code, root / f"enroll-{code}.cplcenroll")
        ctx = desk(code.lower(), f"vol-{code.lower()}")
        sync_station.enroll_from_file(ctx, enrollment)
        city.stations[code] = ctx
    return city
