"""Station recovery at the service level: headquarters' snapshot, restoring it on a new PC,
and the refusals around them (no pending enrollment, held bundles, a desk already set up)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import insert, select

from cplc_desk.cli import advice
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.records import PersonDraft, VehicleReportDraft
from cplc_desk.paths import DB_FILENAME, DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, ServiceError, open_desk
from cplc_desk.services.hq import bundle_import, station_snapshot, sync_hq
from cplc_desk.services.station import station_recovery, sync_station
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.models import (
    AuditEntry,
    NumberSequence,
    Person,
    SyncStationKey,
    VehicleReport,
)
from cplc_desk.sync import enrollment as enrollment_file
from cplc_desk.sync import keys, snapshot

Opener = Callable[[str], DeskContext]


@pytest.fixture
def desks(tmp_path: Path, template_store: Path) -> Iterator[Opener]:
    opened: list[DeskContext] = []

    def open_(name: str) -> DeskContext:
        paths = DeskPaths(tmp_path / name)
        if not paths.database.exists():
            paths.ensure()
            shutil.copyfile(template_store, paths.data_dir / DB_FILENAME)
        ctx = open_desk(paths, actor=Actor(f"user-{name}"))
        opened.append(ctx)
        return ctx

    yield open_
    for ctx in opened:
        ctx.close()


def _vehicle(ctx: DeskContext, kind: str, chassis: str, station: str) -> str:
    owner = PersonDraft(name="Ali Raza", cnic="42101-1234567-1") if kind == "stolen" else None
    return register_vehicle_report(
        ctx,
        VehicleReportDraft(
            kind=kind, vehicle_class="motorcycle", chassis=chassis, make="Honda",
            police_station=station, owner=owner or PersonDraft(),
        ),
    ).id  # fmt: skip


def _station(hq: DeskContext, code: str, ctx: DeskContext, tmp: Path) -> DeskContext:
    sync_station.enroll_from_file(ctx, sync_hq.enroll_station(hq, code, tmp / f"{code}.enroll"))
    return ctx


def test_a_replacement_pc_gets_the_records_links_and_numbers(desks: Opener, tmp_path: Path) -> None:
    hq = desks("hq")
    setup.init_hq(hq, "CPLC HQ")
    sadd = _station(hq, "SADD", desks("sadd"), tmp_path)
    clif = _station(hq, "CLIF", desks("clif"), tmp_path)
    # Saddar's theft report reaches Clifton (as a hotlist would bring it) and headquarters.
    foreign = _vehicle(sadd, "stolen", "KA-1234567", "SADD")
    bundle_import.import_bundles(hq, [sync_station.export_bundle(sadd, tmp_path / "s").path])  # type: ignore[list-item]
    with sadd.store.read() as s:
        report = s.get(VehicleReport, foreign)
        assert report is not None
        owner = s.get(Person, report.owner_id)
    with clif.store.write(actor="hotlist", desk_code="CLIF") as s:
        for row in (owner, report):
            table = type(row).__table__  # type: ignore[attr-defined]
            s.connection().execute(insert(table), [{c.name: getattr(row, c.name) for c in table.c}])
    # Clifton: its own theft and recovery matched to each other, a recovery matched to Saddar's.
    theft = _vehicle(clif, "stolen", "AH-7654321", "CLIF")
    recovery = _vehicle(clif, "recovered", "AH7654321", "CLIF")
    vehicles.confirm_match(clif, recovery, theft)
    found = _vehicle(clif, "recovered", "KA1234567", "CLIF")
    vehicles.confirm_match(clif, found, foreign)
    [outcome] = bundle_import.import_bundles(
        hq, [sync_station.export_bundle(clif, tmp_path / "c").path]
    )  # type: ignore[list-item]
    assert outcome.status == "accepted", outcome.message

    sync_hq.enroll_station(hq, "CLIF", tmp_path / "clif-new.enroll")
    snap = station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path / "snap")
    assert snap.records == {"vehicle_report": 3, "person": 1}
    assert snap.linked == 2  # Saddar's report and its owner
    assert snap.hash_mismatches == 0

    new = desks("new")
    result = station_recovery.restore_station(
        new, tmp_path / "clif-new.enroll", snap.path, skip_numbers=10
    )
    assert result.records["vehicle_report"] == 3 and result.linked == 2
    assert result.next_numbers["vehicle_report"].endswith("-00014")  # 3 used, 10 left unused
    assert check_store(new).problems == []
    with new.store.read() as s:
        assert s.get(VehicleReport, recovery).matched_report_id == theft  # type: ignore[union-attr]
        assert s.get(VehicleReport, theft).matched_report_id == recovery  # type: ignore[union-attr]
        assert s.get(VehicleReport, found).matched_report_id == foreign  # type: ignore[union-attr]
        assert {(n.kind, n.last_value) for n in s.scalars(select(NumberSequence))} == {
            ("vehicle_report", 13),
            ("complaint", 10),
            ("phone_report", 10),  # every kind skips the numbers the lost PC may have used
        }
        # The station's trail as headquarters merged it, then this desk's own entries.
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions[-3:] == ["desk.initialised", "snapshot.restored", "desk.enrolled"]
    assert actions[0] == "desk.initialised"
    assert _vehicle(new, "stolen", "ZZ-1234567", "CLIF")
    with new.store.read() as s:
        numbers = set(s.scalars(select(VehicleReport.number)))
    assert "CLIF-V-" in min(numbers) and any(n.endswith("-00014") for n in numbers)
    # The old PC's last bundle is headquarters' already: it cannot be written again here.
    with pytest.raises(ServiceError, match="PC this desk replaced"):
        sync_station.rewrite_bundle(new, tmp_path / "again", 1)
    [outcome] = bundle_import.import_bundles(
        hq, [sync_station.export_bundle(new, tmp_path / "n").path]
    )  # type: ignore[list-item]
    assert outcome.status == "accepted", outcome.message
    assert outcome.sequence == 2
    assert outcome.counts["new"] == 2 and outcome.counts["conflicts"] == 0  # person + report


def test_no_snapshot_without_a_pending_enrollment(desks: Opener, tmp_path: Path) -> None:
    hq = desks("hq")
    setup.init_hq(hq, "CPLC HQ")
    with pytest.raises(ServiceError, match="not enrolled here"):
        station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path)
    clif = _station(hq, "CLIF", desks("clif"), tmp_path)
    _vehicle(clif, "stolen", "KA-1000001", "CLIF")
    bundle_import.import_bundles(hq, [sync_station.export_bundle(clif, tmp_path / "c").path])  # type: ignore[list-item]
    with pytest.raises(ServiceError, match="no pending enrollment"):
        station_snapshot.export_station_snapshot(hq, "clif", tmp_path)
    with hq.store.read() as s:  # nothing revoked by the refusal
        assert [k.revoked_at for k in s.scalars(select(SyncStationKey))] == [None]
    assert not list(tmp_path.glob("*.cplcsnapshot"))


def test_held_bundles_are_dropped_only_when_asked_and_then_refused(
    desks: Opener, tmp_path: Path
) -> None:
    hq = desks("hq")
    setup.init_hq(hq, "CPLC HQ")
    clif = _station(hq, "CLIF", desks("clif"), tmp_path)
    bundles = []
    for n in range(3):
        _vehicle(clif, "stolen", f"KA-{n}00001", "CLIF")
        bundles.append(sync_station.export_bundle(clif, tmp_path / "c").path)
    bundle_import.import_bundles(hq, [bundles[0], bundles[2]])  # type: ignore[list-item]  # 2 lost: 3 held
    sync_hq.enroll_station(hq, "CLIF", tmp_path / "new.enroll")
    with pytest.raises(ServiceError, match="bundles 3 of CLIF, waiting for bundles 2 to 2"):
        station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path / "snap")
    snap = station_snapshot.export_station_snapshot(
        hq, "CLIF", tmp_path / "snap", discard_held=True
    )
    assert snap.discarded_held == [3] and snap.last_bundle.sequence == 1
    assert snap.records == {"vehicle_report": 1, "person": 1}
    outcomes = bundle_import.import_bundles(hq, [bundles[1], bundles[2]])  # type: ignore[list-item]
    assert [(o.status, o.code) for o in outcomes] == [("refused", "revoked_key")] * 2


def test_a_snapshot_is_restored_only_into_a_new_data_folder(desks: Opener, tmp_path: Path) -> None:
    hq = desks("hq")
    setup.init_hq(hq, "CPLC HQ")
    clif = _station(hq, "CLIF", desks("clif"), tmp_path)
    _vehicle(clif, "stolen", "KA-1000001", "CLIF")
    bundle_import.import_bundles(hq, [sync_station.export_bundle(clif, tmp_path / "c").path])  # type: ignore[list-item]
    sync_hq.enroll_station(hq, "CLIF", tmp_path / "new.enroll")
    snap = station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path / "snap")
    used = desks("used")
    setup.init_station(used, "CLIF")
    with pytest.raises(ServiceError, match="new, empty data folder"):
        station_recovery.restore_station(used, tmp_path / "new.enroll", snap.path)
    with pytest.raises(ServiceError, match=r"nope does not exist"):
        station_recovery.restore_station(desks("x"), tmp_path / "new.enroll", tmp_path / "nope")


def test_a_snapshot_resealed_by_someone_holding_the_enrollment_file_is_refused(
    desks: Opener, tmp_path: Path
) -> None:
    """The enrollment secret opens the snapshot, but only headquarters' key signs it: records
    slipped in by whoever held the enrollment file are refused, nothing saved."""
    hq = desks("hq")
    setup.init_hq(hq, "CPLC HQ")
    clif = _station(hq, "CLIF", desks("clif"), tmp_path)
    _vehicle(clif, "stolen", "KA-1000001", "CLIF")
    bundle_import.import_bundles(hq, [sync_station.export_bundle(clif, tmp_path / "c").path])  # type: ignore[list-item]
    enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "new.enroll")
    snap = station_snapshot.export_station_snapshot(hq, "CLIF", tmp_path / "snap")
    enr = enrollment_file.read(enrollment.read_bytes(), now_utc())
    fh = io.BytesIO(snap.path.read_bytes())
    plain = snapshot.open_body(fh, snapshot.read_header(fh), enr.secret)
    opened = snapshot.open_signed(plain, keys.ed25519_public(keys.unb64(enr.hq_signing_key)))
    members = {n: b"".join(opened._blocks(n)) for n in snapshot.DATA_MEMBERS}
    members[snapshot.RECORDS] = members[snapshot.RECORDS].replace(b"Honda", b"Suzuki")
    forged = snapshot.build(opened.manifest, members, Ed25519PrivateKey.generate())
    resealed = tmp_path / "forged.cplcsnapshot"
    resealed.write_bytes(
        snapshot.seal(
            forged, secret_b64=enr.secret, station="CLIF", enrollment_id=enr.enrollment_id
        )
    )
    new = desks("new")
    with pytest.raises(ServiceError, match="not signed by the headquarters"):
        station_recovery.restore_station(new, enrollment, resealed)
    truncated = tmp_path / "short.cplcsnapshot"
    truncated.write_bytes(snap.path.read_bytes()[:-10])
    with pytest.raises(ServiceError, match="ends too early"):
        station_recovery.restore_station(new, enrollment, truncated)
    assert new.identity() is None
    assert not (new.paths.keys / keys.STATION_SIGNING).exists()
    with new.store.read() as s:
        assert s.scalar(select(VehicleReport.id)) is None


def test_an_enrollment_that_would_fork_the_station_is_refused(
    desks: Opener, tmp_path: Path
) -> None:
    """Headquarters' enrollment file says how far the station's bundles go (held ones too); a
    desk behind that (a new PC, a store from an older backup) is refused and left as it was."""
    hq = desks("hq")
    setup.init_hq(hq, "CPLC HQ")
    clif = _station(hq, "CLIF", desks("clif"), tmp_path)
    bundles = []
    for n in range(3):
        _vehicle(clif, "stolen", f"KA-100000{n}", "CLIF")
        bundles.append(sync_station.export_bundle(clif, tmp_path / "out").path)
        if n == 0:
            shutil.copytree(clif.paths.data_dir, tmp_path / "clif-after-1")
    # Bundle 2 is lost on the way: headquarters merges 1 and holds 3 behind the gap.
    outcomes = bundle_import.import_bundles(hq, [bundles[0], bundles[2]])  # type: ignore[list-item]
    assert [o.status for o in outcomes] == ["accepted", "held"]
    enrollment = sync_hq.enroll_station(hq, "CLIF", tmp_path / "again.enroll")
    assert enrollment_file.read(enrollment.read_bytes(), now_utc()).last_sequence == 3

    new_pc = desks("new-pc")
    with pytest.raises(ServiceError, match="already holds 3 bundles from CLIF") as refused:
        sync_station.enroll_from_file(new_pc, enrollment)
    assert "snapshot" in str(refused.value) and refused.value.code == "behind_headquarters"
    assert "--snapshot" in advice.sentence(refused.value)  # the command line names the command
    assert new_pc.identity() is None
    assert not (new_pc.paths.keys / keys.STATION_SIGNING).exists()

    # The store as it was after bundle 1, as a restore from an old backup would leave it.
    old = open_desk(DeskPaths(tmp_path / "clif-after-1"), actor=Actor("sana"))
    try:
        signing = (old.paths.keys / keys.STATION_SIGNING).read_bytes()
        with pytest.raises(ServiceError, match="has written only 1") as behind:
            sync_station.enroll_from_file(old, enrollment)
        assert "records made here since" in str(behind.value)
        assert (old.paths.keys / keys.STATION_SIGNING).read_bytes() == signing  # untouched
    finally:
        old.close()

    # The desk that wrote all three is not behind: enrolled again, it continues.
    sync_station.enroll_from_file(clif, enrollment)
    _vehicle(clif, "stolen", "KA-1000009", "CLIF")
    assert sync_station.export_bundle(clif, tmp_path / "out").sequence == 4
