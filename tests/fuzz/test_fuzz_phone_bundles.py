"""Fuzzing headquarters' merge with hostile phone rows in a REAL bundle, signed by the station.

A station records phone reports (a dual-SIM theft with its owner, a theft recovered there and
matched to it, so two reports pointing at each other, a found handset with an altered IMEI) and
exports its first bundle. Each example changes the phone rows in one way, signs the bundle again
with the station's own key (what a station gone bad, or someone holding its key, could send) and
imports it at a fresh copy of headquarters through the service the window and the command line
use. As for every bundle (test_fuzz_bundles.py): never an exception; refused with a clear message
and headquarters' store as it was, or accepted into a store that passes ``check``. Accepted, the
phone screens must also still work over what came in: the city-wide list, each report opened,
a handset checked, and candidates for each recovered or found handset.

Mutations: each column of a phone report's image set to hostile values (IMEIs of letters, of the
wrong length, of Urdu digits; kinds, statuses and flags of the wrong type; links to nothing, to
the report itself or to a person; owners that are phone reports); phone lines dropped,
duplicated and moved about (a recovery before its theft, a report before its owner).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from fuzzing import fuzz
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy import select
from sync import craft
from test_fuzz_bundles import Headquarters, World, check, count, dump, json_values

from cplc_desk.domain import imei
from cplc_desk.domain.enums import RECOVERY_KINDS
from cplc_desk.domain.records import PersonDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, DeskContext, ServiceError, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.phones import phone_list, phones
from cplc_desk.services.phones.phone_list import PhoneQuery
from cplc_desk.services.station import sync_station
from cplc_desk.storage.kinds import SYNC_MODELS
from cplc_desk.storage.models import PhoneReport
from cplc_desk.sync import container
from cplc_desk.sync.export import COLUMNS
from tests.services.test_phones import OTHER, SAMSUNG, SECOND, draft

PHONE_COLUMNS = COLUMNS["phone_report"]
HOSTILE: dict[str, list[Any]] = {
    "imei": ["", None, "abcdefghijklmno", "4901542032375", "4901542032375189", "۴۹۰۱۵۴۲۰۳۲۳۷۵۱۸",
             "490154203237519", 490154203237518, "x" * 5000],
    "imei2": ["", SAMSUNG, "12", "४९०१५४२०३२३७५१८", 3.5, ["356938035643809"]],
    "kind": ["lost", "", None, 1, "STOLEN"],
    "status": ["gone", None, "", True],
    "imei_altered": ["yes", 2, None, "", [True]],
    "matched_report_id": ["00000000-0000-7000-8000-000000000000", "", 7],
    "owner_id": ["00000000-0000-7000-8000-000000000000", "", 0],
    "police_station_code": ["ZZZZ", "", None, "clif"],
    "make": ["x" * 5000, 12, "\u202e\u0627"],
    "incident_at": ["2026-13-45T99:00:00", "yesterday", 0, "2026-11-24T10:00:00"],
    "fir_date": ["2026-02-30", 20260101],
    "version": [0, -1, 2**63, "1", None],
}  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("fuzz-phone-bundles")
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("analyst"))
    setup.init_hq(hq, "CPLC Central")
    enrollment = sync_hq.enroll_station(hq, "CLIF", root / "clif.cplcenroll")
    hq.close()
    station = open_desk(DeskPaths(root / "clif"), actor=Actor("volunteer"))
    try:
        sync_station.enroll_from_file(station, enrollment)
        phones.register_phone_report(station, draft(second=SECOND))
        theft = phones.register_phone_report(
            station, draft("stolen", OTHER, owner=PersonDraft(name="Bilal Hussain"))
        )
        back = phones.register_phone_report(station, draft("recovered", OTHER, owner=PersonDraft()))
        phones.confirm_match(station, back.id, theft.id)
        slip = SAMSUNG[:6] + str((int(SAMSUNG[6]) + 1) % 10) + SAMSUNG[7:]
        phones.register_phone_report(
            station,
            draft("found", slip, imei_altered=True, imei_note="patched", owner=PersonDraft()),
        )
        result = sync_station.export_bundle(station, root / "stick")
    finally:
        station.close()
    assert result.path is not None
    bundle = result.path.read_bytes()
    hq_key = craft.hq_private(root / "hq")
    return World(root / "hq", bundle, craft.take_apart(bundle, hq_key),
                 craft.station_key(root / "clif"), hq_key.public_key(), dump(root / "hq"))  # fmt: skip


def _phone_screens_work(ctx: DeskContext) -> None:
    """What a person does with phones at headquarters, over whatever was accepted."""
    rows = phone_list.list_page(ctx, PhoneQuery()).rows
    phone_list.count(ctx, PhoneQuery(districts=("SOUTH",)))
    phone_list.list_page(ctx, PhoneQuery(text=SAMSUNG))
    for row in rows:
        phone_list.get(ctx, row.id)
    phones.verify_phone(ctx, SAMSUNG)
    with ctx.store.read() as s:
        recoveries = s.scalars(
            select(PhoneReport.id).where(PhoneReport.kind.in_(RECOVERY_KINDS))
        ).all()
    for rid in recoveries:
        phones.candidates_for(ctx, rid)


class PhoneHeadquarters(Headquarters):
    """Headquarters that, after accepting a bundle, also works its phone screens."""

    accepted = 0

    def import_(self, data: bytes) -> tuple[sync_hq.BundleOutcome, dict[str, list[Any]], int]:
        path = self.stick / "CPLC-CLIF-000001-20261124.cplcbundle"
        path.write_bytes(data)
        logged = count(self.folder / "hq", "sync_import_log")
        [outcome] = bundle_import.import_bundles(self.ctx, [path])
        after = dump(self.folder / "hq")
        added = count(self.folder / "hq", "sync_import_log") - logged
        if outcome.status == "accepted":
            report = check_store(self.ctx)
            assert report.ok, report.problems
            with self.ctx.store.read() as s:
                for model in SYNC_MODELS:
                    for row in s.scalars(select(model)):
                        assert isinstance(row.version, int) and row.created_at.tzinfo is not None
                # No IMEI that no desk could have saved reaches the hotlist stations load.
                for first, second in s.execute(select(PhoneReport.imei, PhoneReport.imei2)):
                    assert imei.stored_form(first), first
                    assert second is None or imei.stored_form(second), second
            self.accepted += 1
            try:
                _phone_screens_work(self.ctx)
            except ServiceError as exc:  # a clear refusal of a question is an answer too
                assert exc.message.strip()
            self._fresh()
        return outcome, after, added


@pytest.fixture(scope="module")
def hq(world: World) -> Iterator[PhoneHeadquarters]:
    desk = PhoneHeadquarters(world.hq)
    yield desk
    desk.close()
    shutil.rmtree(desk.folder, ignore_errors=True)


def _lines(world: World) -> list[bytes]:
    return [ln for ln in world.parts.members[container.CHANGES].split(b"\n") if ln]


def _phone_at(lines: list[bytes]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.split(b"\t")[1] == b"phone_report"]


def _resigned(world: World, lines: list[bytes]) -> bytes:
    members = {**world.parts.members, container.CHANGES: b"\n".join(lines) + b"\n"}
    parts = craft.Parts(world.parts.kind, world.parts.station, world.parts.sequence,
                        dict(world.parts.manifest), world.parts.signature, members)  # fmt: skip
    return craft.rebuild(parts, world.station_key, world.hq_public, station="CLIF", sequence=1)


@fuzz(60)
@given(data=st.data())
def test_a_phone_reports_fields_set_to_hostile_values(
    world: World, hq: PhoneHeadquarters, data: st.DataObject
) -> None:
    lines = _lines(world)
    i = data.draw(st.sampled_from(_phone_at(lines)))
    fields = lines[i].split(b"\t")
    image = json.loads(fields[6])
    column = data.draw(st.sampled_from(sorted(HOSTILE)))
    at = PHONE_COLUMNS.index(column)
    ids = [ln.split(b"\t")[2].decode() for ln in lines]
    value = data.draw(
        st.one_of(st.sampled_from(HOSTILE[column]), st.sampled_from(ids), json_values)
    )
    assume(image[at] != value)
    image[at] = value
    fields[6] = json.dumps(image, ensure_ascii=False).encode()
    lines[i] = b"\t".join(fields)
    check(world, hq, _resigned(world, lines), may_accept=True)


@fuzz(30)
@given(data=st.data())
def test_phone_lines_dropped_duplicated_and_moved(
    world: World, hq: PhoneHeadquarters, data: st.DataObject
) -> None:
    lines = _lines(world)
    phone = _phone_at(lines)
    how = data.draw(st.sampled_from(["drop", "duplicate", "to_front", "reverse", "swap_ids"]))
    i = data.draw(st.sampled_from(phone))
    if how == "drop":
        lines.pop(i)
    elif how == "duplicate":
        lines.insert(data.draw(st.integers(0, len(lines))), lines[i])
    elif how == "to_front":  # before its owner, before the report it points at
        lines.insert(0, lines.pop(i))
    elif how == "reverse":
        lines = list(reversed(lines))
    else:  # two phone lines' record ids exchanged (each image still names its own id)
        j = data.draw(st.sampled_from(phone))
        a, b = lines[i].split(b"\t"), lines[j].split(b"\t")
        assume(a[2] != b[2])
        a[2], b[2] = b[2], a[2]
        lines[i], lines[j] = b"\t".join(a), b"\t".join(b)
    assume(lines != _lines(world))
    check(world, hq, _resigned(world, lines), may_accept=True)


@pytest.mark.parametrize(
    ("column", "value"),
    [("imei", "abcdefghijklmno"), ("imei", "4901542032375"), ("imei2", "12"),
     ("imei2", "۴۹۰۱۵۴۲۰۳۲۳۷۵۱۸")],
)  # fmt: skip
def test_a_signed_row_whose_imei_is_no_imei_refuses_the_bundle(
    world: World, hq: PhoneHeadquarters, column: str, value: str
) -> None:
    # Signed by the station's own key, right in type, yet no desk could have saved it: taken
    # in, it would go out in the hotlist, which every station then refuses to load.
    lines = _lines(world)
    i = _phone_at(lines)[0]
    fields = lines[i].split(b"\t")
    image = json.loads(fields[6])
    image[PHONE_COLUMNS.index(column)] = value
    fields[6] = json.dumps(image, ensure_ascii=False).encode()
    lines[i] = b"\t".join(fields)
    outcome = check(world, hq, _resigned(world, lines), may_accept=False)
    assert outcome.status == "refused" and outcome.code == "damaged"


def test_the_real_phone_bundle_is_accepted(world: World, hq: PhoneHeadquarters) -> None:
    assert check(world, hq, world.bundle, may_accept=True).status == "accepted"


def test_some_hostile_phone_rows_were_accepted_and_worked_on(hq: PhoneHeadquarters) -> None:
    """The screens above ran over accepted rows, not only over refusals (runs after the
    fuzz tests of this module)."""
    assert hq.accepted > 1, hq.accepted
