"""The hotlist services on real desks: export at headquarters, import at a station, and the
station's verification and recovery matching answering from it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hotlist_desks import Desks, make_desks, vehicle
from sqlalchemy import func, select

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.roles import Role
from cplc_desk.services.desk.context import Actor, PermissionDeniedError, ServiceError
from cplc_desk.services.vehicles import hotlist, vehicles, verification, wanted
from cplc_desk.storage.models import AuditEntry, HotlistEntry, HotlistHeld
from cplc_desk.sync import hotlist as hotlist_file
from cplc_desk.sync import keys


@pytest.fixture
def desks(tmp_path: Path, template_store: Path) -> Iterator[Desks]:
    d = make_desks(tmp_path, template_store)
    vehicle(d.clifton, "stolen", "KNP-5586", "KA-1234567", "JL1P50123")
    vehicle(d.clifton, "snatched", "KMR-7730", "AH-7654321", "E4123456")
    vehicle(d.clifton, "recovered", "LEA-1111", "ZZ-0000001", "Q0000001")  # not a theft
    d.send()
    yield d
    d.close()


def export(d: Desks, **kw: int) -> Path:
    return hotlist.export_hotlist(d.hq, d.root / "stick", **kw).path


def held_rows(ctx) -> tuple[int | None, int]:  # type: ignore[no-untyped-def]
    with ctx.store.read() as s:
        return s.scalar(select(HotlistHeld.sequence)), s.scalar(
            select(func.count()).select_from(HotlistEntry)
        )


def test_export_lists_open_thefts_only_and_without_the_owner(desks: Desks) -> None:
    result = hotlist.export_hotlist(desks.hq, desks.root / "stick", valid_days=7)
    assert result.path.name == "hotlist-000001.cplchot"
    assert result.entries == 2
    assert result.expires_at - result.issued_at == timedelta(days=7)
    hq_key = keys.load_ed25519(desks.hq.paths.keys / keys.HQ_SIGNING)
    header, body = hotlist_file.read_header(
        result.path.read_bytes(), keys.raw_public(hq_key.public_key())
    )
    items = [hotlist_file.as_dict(line) for line in hotlist_file.entries(header, body)]
    assert {i["registration"] for i in items} == {"KNP-5586", "KMR-7730"}
    assert {i["police_station"] for i in items} == {"CLIF"}
    text = json.dumps(items, default=str)
    for personal in ("Ali Raza", "42101", "0300", "Block 5"):
        assert personal not in text
    assert hotlist.export_hotlist(desks.hq, desks.root / "stick").sequence == 2
    with desks.hq.store.read() as s:
        audited = s.scalars(
            select(AuditEntry.details).where(
                AuditEntry.action == AuditAction.HOTLIST_EXPORTED.value
            )
        ).all()
    assert [json.loads(a)["sequence"] for a in audited] == [1, 2]


def test_a_station_verifies_and_matches_from_the_hotlist(desks: Desks) -> None:
    assert verification.verify(desks.saddar, "KNP5586").result == "none"
    imported = hotlist.import_hotlist(desks.saddar, export(desks))
    assert (imported.sequence, imported.entries, imported.replaced) == (1, 2, None)

    answer = verification.verify(desks.saddar, "knp 5586")
    assert answer.result == "stolen" and answer.exit_code == 3
    (report,) = answer.reports
    assert report.source == "hotlist" and report.registration == "KNP-5586"
    assert report.fir_number == "87/2026" and "Clifton" in report.police_station
    assert answer.hotlist is not None and answer.hotlist.sequence == 1
    assert not answer.hotlist.expired and answer.hotlist_as_of == imported.issued_at
    # The engine number typed into the box finds it too (every field is looked up).
    assert verification.verify(desks.saddar, "E4123456").result == "stolen"

    # A recovery at Saddar with one character misread still finds Clifton's report.
    found = vehicle(desks.saddar, "recovered", "", "KA-1234S67", "")
    (candidate,) = vehicles.find_matches(desks.saddar, found.id)
    assert candidate.wanted.source == "hotlist" and candidate.wanted.ref.startswith("hotlist:")
    assert candidate.wanted.keys.chassis == "KA1234567"


def test_a_newer_hotlist_replaces_the_held_one_whole(desks: Desks) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    # Clifton's Honda is recovered there and closed; the next hotlist no longer lists it.
    recovery = vehicle(desks.clifton, "recovered", "KNP-5586", "", "")
    (candidate,) = vehicles.find_matches(desks.clifton, recovery.id)
    vehicles.confirm_match(desks.clifton, recovery.id, candidate.wanted.ref)
    desks.send()
    second = hotlist.import_hotlist(desks.saddar, export(desks))
    assert (second.sequence, second.entries, second.replaced) == (2, 1, 1)
    assert held_rows(desks.saddar) == (2, 1)
    assert verification.verify(desks.saddar, "KNP5586").result == "none"
    assert verification.verify(desks.saddar, "KMR7730").result == "stolen"


def test_the_desks_own_report_outranks_its_hotlist_copy(desks: Desks) -> None:
    """Clifton's theft comes back to Clifton in the hotlist; once Clifton closes it, the
    (older) hotlist must not call the vehicle stolen again."""
    hotlist.import_hotlist(desks.clifton, export(desks))
    stolen = verification.verify(desks.clifton, "KNP5586")
    assert [r.source for r in stolen.reports] == ["local"]
    recovery = vehicle(desks.clifton, "recovered", "KNP-5586", "", "")
    (candidate,) = vehicles.find_matches(desks.clifton, recovery.id)
    assert candidate.wanted.source == "local"  # not offered twice
    vehicles.confirm_match(desks.clifton, recovery.id, candidate.wanted.ref)
    assert verification.verify(desks.clifton, "KNP5586").result == "recovered"


def test_refusals_leave_the_held_hotlist_alone(desks: Desks) -> None:
    first, second = export(desks), export(desks)
    hotlist.import_hotlist(desks.saddar, second)
    with pytest.raises(ServiceError, match="older than the one this desk holds"):
        hotlist.import_hotlist(desks.saddar, first)
    with pytest.raises(ServiceError, match="already holds hotlist number 2"):
        hotlist.import_hotlist(desks.saddar, second)
    swapped = desks.root / "swapped.cplchot"
    # The signed header of hotlist 2 over the body of hotlist 1: same HQ, both genuine parts.
    head2 = second.read_bytes().split(b"\n", 2)
    body1 = first.read_bytes().split(b"\n", 2)[2]
    swapped.write_bytes(head2[0] + b"\n" + head2[1] + b"\n" + body1 + b"x")
    with pytest.raises(ServiceError, match="changed after headquarters signed it"):
        hotlist.import_hotlist(desks.saddar, swapped)
    with pytest.raises(ServiceError, match=r"missing\.cplchot does not exist"):
        hotlist.import_hotlist(desks.saddar, desks.root / "missing.cplchot")
    assert held_rows(desks.saddar) == (2, 2)
    with desks.saddar.store.read() as s:
        refused = [
            json.loads(d)
            for d in s.scalars(
                select(AuditEntry.details)
                .where(AuditEntry.action == AuditAction.HOTLIST_REFUSED.value)
                .order_by(AuditEntry.seq)
            )
        ]
    assert [(r["file"], r["code"]) for r in refused] == [
        (first.name, "not_newer"), (second.name, "not_newer"),
        ("swapped.cplchot", "bad_signature"), ("missing.cplchot", "missing"),
    ]  # fmt: skip


def test_an_import_that_fails_half_way_changes_nothing(
    desks: Desks, monkeypatch: pytest.MonkeyPatch
) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    newer = export(desks)

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("power cut")  # after the old entries went and the new ones came in

    monkeypatch.setattr(desks.saddar, "audit", crash)
    with pytest.raises(RuntimeError):
        hotlist.import_hotlist(desks.saddar, newer)
    monkeypatch.undo()
    assert held_rows(desks.saddar) == (1, 2)
    assert verification.verify(desks.saddar, "KNP5586").result == "stolen"


def test_permissions_and_desk_kinds(desks: Desks) -> None:
    desks.hq.actor = Actor("analyst", Role.HQ_ANALYST)
    path = export(desks)
    desks.hq.actor = Actor("volunteer", Role.VOLUNTEER)
    with pytest.raises(PermissionDeniedError, match="may not export the hotlist"):
        export(desks)
    desks.saddar.actor = Actor("analyst", Role.HQ_ANALYST)
    with pytest.raises(PermissionDeniedError, match="may not import the hotlist"):
        hotlist.import_hotlist(desks.saddar, path)
    desks.saddar.actor = Actor("volunteer", Role.VOLUNTEER)
    hotlist.import_hotlist(desks.saddar, path)
    desks.saddar.actor = Actor("desk")  # no role: the operating-system user before accounts
    with pytest.raises(ServiceError, match="only headquarters"):
        hotlist.export_hotlist(desks.saddar, desks.root)
    desks.hq.actor = Actor("desk")
    with pytest.raises(ServiceError, match="imported at a station desk"):
        hotlist.import_hotlist(desks.hq, path)
    with pytest.raises(ServiceError, match="1 to 90 days"):
        export(desks, valid_days=0)


def test_an_expired_held_hotlist_is_still_consulted_but_flagged(desks: Desks) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    # Three weeks pass without a new hotlist.
    with sqlite3.connect(desks.saddar.paths.database) as conn:
        conn.execute("UPDATE hotlist_held SET expires_at = ?", (str(now_utc() - timedelta(1)),))
    answer = verification.verify(desks.saddar, "KNP5586")
    assert answer.result == "stolen"
    assert answer.hotlist is not None and answer.hotlist.expired
    status = hotlist.status_dict(desks.saddar)
    assert status is not None and status["expired"] is True
    assert verification.verification_dict(answer)["hotlist"]["expired"] is True


def test_verification_looks_the_hotlist_up_by_index(desks: Desks) -> None:
    """A look-up must stay fast with 50,000 entries: each key column is searched by index."""
    hotlist.import_hotlist(desks.saddar, export(desks))
    conn = sqlite3.connect(desks.saddar.paths.database)
    try:
        plan = " ".join(
            row[-1]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM hotlist_entry WHERE registration_key = ? "
                "OR chassis_key = ? OR engine_key = ?",
                ("A", "A", "A"),
            )
        )
    finally:
        conn.close()
    for column in ("registration_key", "chassis_key", "engine_key"):
        assert f"ix_hotlist_entry_{column}" in plan, plan
    assert "SCAN hotlist_entry" not in plan


def test_matching_keeps_its_hotlist_index_until_the_hotlist_changes(desks: Desks) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    first = wanted.wanted_index(desks.saddar)[-1]
    assert {w.source for w in first.items} == {"hotlist"}
    vehicle(desks.saddar, "recovered", "LEB-2222", "", "")  # a new report of this desk
    assert wanted.wanted_index(desks.saddar)[-1] is first
    hotlist.import_hotlist(desks.saddar, export(desks))
    assert wanted.wanted_index(desks.saddar)[-1] is not first
