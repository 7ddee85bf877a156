"""Fuzzing headquarters' bundle reader with structure-aware mutations of a REAL bundle.

A station registers complaints and vehicle reports (a theft, its recovery matched to it, status
changes) and exports its first bundle. Each example changes that bundle in one way and imports
it at a fresh copy of headquarters, through the service the window and the command line use.
Never an exception: the import either refuses the file with a clear SyncError message (what is
wrong and what to do), leaving headquarters' store exactly as it was apart from the import log
and the audit entry that records the refusal, or, only for a change the station's own key
signed or one that does not change the signed content, accepts it into a store that still
passes ``check`` and reads back.

Layers mutated: the envelope (flipped bits, truncation, inserted and deleted bytes, length
fields, header fields, the label); the archive (members reordered, duplicated, missing, renamed,
added, stored instead of deflated, declared sizes that lie); the signed manifest (fields removed,
retyped, huge; declared member sizes); ``changes.tsv`` (wrong column counts, wrong types in every
column of the image, foreign records, duplicated, missing and huge lines) and ``audit.jsonl``.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fuzzing import fuzz
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy import select
from sync import craft

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.samples import SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaints
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.check import check_store
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import bundle_import, sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from cplc_desk.storage.kinds import SYNC_MODELS
from cplc_desk.sync import container, envelope

ADVICE = re.compile(
    r"\b(copy it again|ask|call|update cplc desk|enroll|check|choose|do not import|report)\b",
    re.I,
)
LOG_TABLES = ("sync_import_log", "audit_log")


class World:
    """Headquarters before Clifton's first bundle, the bundle and the keys to remake it.
    (A plain class: Hypothesis prints a dataclass field by field in every failure report.)"""

    def __init__(self, hq: Path, bundle: bytes, parts: craft.Parts, station_key: Any,
                 hq_public: Any, before: dict[str, list[Any]]) -> None:  # fmt: skip
        self.hq, self.bundle, self.parts = hq, bundle, parts
        self.station_key, self.hq_public, self.before = station_key, hq_public, before

    def __repr__(self) -> str:
        return "World(CLIF bundle 1)"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("fuzz-bundles")
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("analyst"))
    setup.init_hq(hq, "CPLC Central")
    enrollment = sync_hq.enroll_station(hq, "CLIF", root / "clif.cplcenroll")
    hq.close()
    station = open_desk(DeskPaths(root / "clif"), actor=Actor("volunteer"))
    try:
        sync_station.enroll_from_file(station, enrollment)
        maker = SampleMaker([SampleStation("CLIF", "Clifton")], "CLIF", seed=11)
        now = now_utc()
        ids = [register_complaint(station, maker.complaint(now)).id for _ in range(4)]
        complaints.change_status(station, ids[0], "referred", note="sent on")
        complaints.add_follow_up(station, ids[1], "called back")
        theft = register_vehicle_report(
            station, replace(maker.vehicle(now, kind="stolen"), registration="KHI-1234")
        )
        recovery = register_vehicle_report(
            station, replace(maker.vehicle(now, kind="recovered"), registration="KHI-1234")
        )
        vehicles.confirm_match(station, recovery.id, theft.id)
        result = sync_station.export_bundle(station, root / "stick")
    finally:
        station.close()
    assert result.path is not None
    bundle = result.path.read_bytes()
    hq_key = craft.hq_private(root / "hq")
    return World(
        root / "hq",
        bundle,
        craft.take_apart(bundle, hq_key),
        craft.station_key(root / "clif"),
        hq_key.public_key(),
        dump(root / "hq"),
    )


def dump(data_dir: Path, exclude: tuple[str, ...] = LOG_TABLES) -> dict[str, list[Any]]:
    conn = sqlite3.connect(DeskPaths(data_dir).database)
    try:
        tables = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
            if n not in exclude
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def count(data_dir: Path, table: str) -> int:
    conn = sqlite3.connect(DeskPaths(data_dir).database)
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


class Headquarters:
    """A copy of headquarters, open; made again only after a bundle was accepted into it."""

    def __init__(self, template: Path) -> None:
        self.template = template
        self.folder = Path(tempfile.mkdtemp(prefix="fuzz-hq-"))
        self.stick = self.folder / "stick"
        self.stick.mkdir()
        self.ctx: Any = None
        self._fresh()

    def _fresh(self) -> None:
        if self.ctx is not None:
            self.ctx.close()
        shutil.rmtree(self.folder / "hq", ignore_errors=True)
        shutil.copytree(self.template, self.folder / "hq")
        self.ctx = open_desk(DeskPaths(self.folder / "hq"), actor=Actor("analyst"))

    def close(self) -> None:
        self.ctx.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def import_(self, data: bytes) -> tuple[sync_hq.BundleOutcome, dict[str, list[Any]], int]:
        """The outcome, the store's content after it and how many import log rows it added."""
        path = self.stick / "CPLC-CLIF-000001-20261124.cplcbundle"
        path.write_bytes(data)
        logged = count(self.folder / "hq", "sync_import_log")
        outcomes = bundle_import.import_bundles(self.ctx, [path])
        assert len(outcomes) == 1, outcomes
        outcome = outcomes[0]
        after = dump(self.folder / "hq")
        added = count(self.folder / "hq", "sync_import_log") - logged
        if outcome.status == "accepted":
            report = check_store(self.ctx)
            assert report.ok, report.problems
            with self.ctx.store.read() as s:  # every merged record reads back through the ORM
                for model in SYNC_MODELS:
                    for row in s.scalars(select(model)):
                        assert isinstance(row.version, int) and row.created_at.tzinfo is not None
            self._fresh()
        return outcome, after, added


@pytest.fixture(scope="module")
def hq(world: World) -> Iterator[Headquarters]:
    desk = Headquarters(world.hq)
    yield desk
    desk.close()


def check(
    world: World, hq: Headquarters, data: bytes, *, may_accept: bool
) -> sync_hq.BundleOutcome:
    outcome, after, logged = hq.import_(data)
    if outcome.status == "refused":
        assert outcome.code and outcome.message.strip()
        assert ADVICE.search(outcome.message), outcome.message
        assert after == world.before, "a refused bundle changed headquarters' store"
        assert logged == 1
    else:
        assert may_accept, f"accepted: {outcome.status} {outcome.message}"
        assert outcome.status == "accepted", outcome
    return outcome


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**63),
        st.floats(allow_nan=False),
        st.text(max_size=30),
        st.just(""),
        st.just("x" * 5000),
        st.just("2026-13-45T99:00:00"),
        st.just("2026-11-24T10:00:00"),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


# ------------------------------------------------------------------ damage: always refused


@fuzz(40)
@given(data=st.data())
def test_damage_on_the_way_is_refused(world: World, hq: Headquarters, data: st.DataObject) -> None:
    bundle = world.bundle
    how = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete", "length"]))
    if how == "flip":
        position = data.draw(st.integers(0, len(bundle) - 1))
        damaged = craft.flip(bundle, position, data.draw(st.integers(1, 255)))
    elif how == "truncate":
        damaged = bundle[: data.draw(st.integers(0, len(bundle) - 1))]
    elif how == "insert":
        position = data.draw(st.integers(0, len(bundle)))
        damaged = (
            bundle[:position] + data.draw(st.binary(min_size=1, max_size=64)) + bundle[position:]
        )
    elif how == "delete":
        position = data.draw(st.integers(0, len(bundle) - 1))
        damaged = bundle[:position] + bundle[position + data.draw(st.integers(1, 64)) :]
    else:  # a length field: the header's or the first chunk's
        at = data.draw(st.sampled_from([len(envelope.MAGIC), craft.body_offset(bundle)]))
        value = data.draw(st.integers(0, 2**32 - 1))
        assume(bundle[at : at + 4] != struct.pack(">I", value))
        damaged = bundle[:at] + struct.pack(">I", value) + bundle[at + 4 :]
    check(world, hq, damaged, may_accept=False)


@fuzz(20)
@given(field=st.sampled_from(["format", "kind", "station", "sequence", "recipient",
                              "wrapped_key", "chunk_size", "extra"]),
       value=json_values)  # fmt: skip
def test_a_changed_envelope_header_is_refused(
    world: World, hq: Headquarters, field: str, value: Any
) -> None:
    bundle = world.bundle
    length = struct.unpack(">I", bundle[8:12])[0]
    header = json.loads(bundle[12 : 12 + length])
    assume(header.get(field, object()) != value)
    header[field] = value
    raw = json.dumps(header).encode()
    check(world, hq, envelope.MAGIC + struct.pack(">I", len(raw)) + raw + bundle[12 + length :],
          may_accept=False)  # fmt: skip


@fuzz(10)
@given(station=st.sampled_from(["CLIF", "SADD", "clif", ""]), sequence=st.integers(0, 2**40))
def test_a_relabelled_envelope_is_refused(
    world: World, hq: Headquarters, station: str, sequence: int
) -> None:
    assume((station, sequence) != ("CLIF", 1))
    sealed = craft.rebuild(world.parts, world.station_key, world.hq_public, station=station,
                           sequence=sequence)  # fmt: skip
    check(world, hq, sealed, may_accept=False)


# ------------------------------------------------------------------ the archive


def _seal(world: World, entries: list[craft.Entry]) -> bytes:
    return craft.seal_zip(craft.zip_of(entries), world.hq_public, station="CLIF", sequence=1)


@fuzz(30)
@given(data=st.data())
def test_archive_members_moved_about(world: World, hq: Headquarters, data: st.DataObject) -> None:
    entries = list(craft.entries_of(world.parts))
    how = data.draw(st.sampled_from(["reorder", "duplicate", "drop", "rename", "add", "stored"]))
    names = [e[0] for e in entries]
    if how == "reorder":
        entries = data.draw(st.permutations(entries))
    elif how == "duplicate":
        entries.insert(data.draw(st.integers(0, len(entries))), data.draw(st.sampled_from(entries)))
    elif how == "drop":
        entries.pop(data.draw(st.integers(0, len(entries) - 1)))
    elif how == "rename":
        i = data.draw(st.integers(0, len(entries) - 1))
        new = data.draw(st.one_of(st.sampled_from(["../evil", "/abs", "MANIFEST.JSON", "a/b",
                                                   "changes.tsv ", ""]),
                                  st.text(min_size=1, max_size=20)))  # fmt: skip
        assume(new not in names)
        entries[i] = (new, *entries[i][1:])  # type: ignore[assignment]
    elif how == "add":
        entries.append(
            (data.draw(st.text(min_size=1, max_size=20)), data.draw(st.binary(max_size=99)))
        )
    else:
        entries = [(e[0], e[1], zipfile.ZIP_STORED) for e in entries]
    same_content = sorted(e[0] for e in entries) == sorted(names)
    try:
        sealed = _seal(world, entries)
    except (ValueError, UnicodeEncodeError):  # a name no ZIP can hold
        return
    check(world, hq, sealed, may_accept=same_content)


@fuzz(20)
@given(member=st.sampled_from([container.MANIFEST, container.SIGNATURE, container.CHANGES,
                               container.AUDIT]),
       size=st.one_of(st.integers(0, 2**32 - 1), st.just(2**32 - 1)),
       where=st.sampled_from(["central", "local", "both"]))  # fmt: skip
def test_lying_declared_sizes_in_the_archive(
    world: World, hq: Headquarters, member: str, size: int, where: str
) -> None:
    archive = bytearray(craft.zip_of(craft.entries_of(world.parts)))
    name = member.encode()
    patched = False
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        if where != "both" and (signature == b"PK\x01\x02") != (where == "central"):
            continue
        start = 0
        while (at := archive.find(signature, start)) >= 0:
            start = at + 4
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if archive[name_at : name_at + len(name)] == name:
                old = archive[at + offset : at + offset + 4]
                archive[at + offset : at + offset + 4] = struct.pack("<I", size)
                patched |= old != archive[at + offset : at + offset + 4]
    assume(patched)
    sealed = craft.seal_zip(bytes(archive), world.hq_public, station="CLIF", sequence=1)
    # The reader goes by the central directory; a local header's sizes are not read, so a lie
    # there alone leaves the signed content whole.
    check(world, hq, sealed, may_accept=where == "local")


# ------------------------------------------------------------------ signed by the station's key


def _resign(world: World, manifest: dict[str, Any] | None = None,
            members: dict[str, bytes] | None = None) -> bytes:  # fmt: skip
    parts = replace(world.parts, manifest=manifest or dict(world.parts.manifest),
                    members=members or dict(world.parts.members))  # fmt: skip
    return craft.rebuild(parts, world.station_key, world.hq_public, station="CLIF", sequence=1)


@fuzz(40)
@given(data=st.data())
def test_manifest_fields_changed_and_signed(
    world: World, hq: Headquarters, data: st.DataObject
) -> None:
    manifest = json.loads(json.dumps(world.parts.manifest))
    keys = sorted(k for k in manifest if k not in ("domain", "members"))
    key = data.draw(st.sampled_from(keys))
    how = data.draw(st.sampled_from(["drop", "retype", "nested"]))
    if how == "drop":
        del manifest[key]
    elif how == "nested" and isinstance(manifest[key], dict) and manifest[key]:
        inner = data.draw(st.sampled_from(sorted(manifest[key])))
        manifest[key][inner] = data.draw(json_values)
    elif how == "nested" and key == "columns":
        table = data.draw(st.sampled_from(sorted(manifest["columns"])))
        manifest["columns"][table] = data.draw(st.permutations(manifest["columns"][table]))
    else:
        manifest[key] = data.draw(json_values)
    assume(manifest != world.parts.manifest)
    try:
        sealed = _resign(world, manifest=manifest)
    except (TypeError, ValueError, OverflowError):  # cannot even be written
        return
    check(world, hq, sealed, may_accept=True)


@fuzz(15)
@given(member=st.sampled_from(list(container.DATA_MEMBERS)),
       field=st.sampled_from(["size", "sha256"]), value=json_values)  # fmt: skip
def test_declared_member_sizes_and_hashes_that_lie(
    world: World, hq: Headquarters, member: str, field: str, value: Any
) -> None:
    manifest = dict(world.parts.manifest)
    manifest["members"] = json.loads(json.dumps(manifest["members"]))
    assume(manifest["members"][member][field] != value)
    manifest["members"][member][field] = value
    manifest_bytes = container.canonical(manifest)
    entries: list[craft.Entry] = [
        (container.MANIFEST, manifest_bytes, zipfile.ZIP_STORED),
        (container.SIGNATURE, world.station_key.sign(manifest_bytes), zipfile.ZIP_STORED),
        *((n, d) for n, d in world.parts.members.items()),
    ]
    check(world, hq, _seal(world, entries), may_accept=False)


def _lines(world: World, member: str) -> list[bytes]:
    return [ln for ln in world.parts.members[member].split(b"\n") if ln]


@fuzz(80)
@given(data=st.data())
def test_changes_rows_with_wrong_columns_or_types(
    world: World, hq: Headquarters, data: st.DataObject
) -> None:
    lines = _lines(world, container.CHANGES)
    i = data.draw(st.integers(0, len(lines) - 1))
    fields = lines[i].split(b"\t")
    how = data.draw(st.sampled_from(["image_value", "image_value", "image_length", "field",
                                     "field_count", "line", "duplicate", "drop", "huge"]))  # fmt: skip
    if how == "image_value":
        image = json.loads(fields[6])
        image[data.draw(st.integers(0, len(image) - 1))] = data.draw(json_values)
        fields[6] = json.dumps(image).encode()
        lines[i] = b"\t".join(fields)
    elif how == "image_length":
        image = json.loads(fields[6])
        if data.draw(st.booleans()) and image:
            image.pop(data.draw(st.integers(0, len(image) - 1)))
        else:
            image.append(data.draw(json_values))
        fields[6] = json.dumps(image).encode()
        lines[i] = b"\t".join(fields)
    elif how == "field":
        j = data.draw(st.integers(0, len(fields) - 1))
        fields[j] = data.draw(
            st.one_of(
                st.binary(max_size=20),
                st.sampled_from(
                    [
                        b"-",
                        b"0",
                        b"-1",
                        b"99999999999999999999",
                        b"person",
                        b"sync_outbox",
                        b"\xff\xfe",
                    ]
                ),
            )
        )
        lines[i] = b"\t".join(fields)
    elif how == "field_count":
        if data.draw(st.booleans()):
            fields.pop(data.draw(st.integers(0, len(fields) - 1)))
        else:
            fields.insert(data.draw(st.integers(0, len(fields))), data.draw(st.binary(max_size=8)))
        lines[i] = b"\t".join(fields)
    elif how == "line":
        lines[i] = data.draw(st.binary(min_size=1, max_size=200).filter(lambda b: b"\n" not in b))
    elif how == "duplicate":
        lines.insert(data.draw(st.integers(0, len(lines))), lines[i])
    elif how == "drop":
        lines.pop(i)
    else:
        lines[i] = b"x" * (container.MAX_LINE + 10)
    assume(lines != _lines(world, container.CHANGES))
    members = {**world.parts.members, container.CHANGES: b"\n".join(lines) + b"\n"}
    check(world, hq, _resign(world, members=members), may_accept=True)


@fuzz(40)
@given(data=st.data())
def test_audit_lines_with_wrong_fields_or_types(
    world: World, hq: Headquarters, data: st.DataObject
) -> None:
    lines = _lines(world, container.AUDIT)
    i = data.draw(st.integers(0, len(lines) - 1))
    how = data.draw(st.sampled_from(["value", "drop_key", "line", "duplicate", "drop"]))
    if how in ("value", "drop_key"):
        entry = json.loads(lines[i])
        key = data.draw(st.sampled_from(sorted(entry)))
        if how == "value":
            entry[key] = data.draw(json_values)
        else:
            del entry[key]
        lines[i] = json.dumps(entry).encode()
    elif how == "line":
        lines[i] = json.dumps(data.draw(json_values)).encode()
    elif how == "duplicate":
        lines.insert(data.draw(st.integers(0, len(lines))), lines[i])
    else:
        lines.pop(i)
    assume(lines != _lines(world, container.AUDIT))
    members = {**world.parts.members, container.AUDIT: b"\n".join(lines) + b"\n"}
    check(world, hq, _resign(world, members=members), may_accept=True)


def test_the_real_bundle_is_accepted(world: World, hq: Headquarters) -> None:
    """The mutations start from a bundle headquarters accepts as it is."""
    assert check(world, hq, world.bundle, may_accept=True).status == "accepted"
