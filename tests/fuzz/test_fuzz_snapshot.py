"""Fuzzing the station snapshot reader: ``read_header``, ``open_body`` (a view decrypted chunk
by chunk), ``open_signed``, then ``lines`` of every member (which checks it against the signed
manifest first), as a replacement PC restores a snapshot.

Two real snapshots are built with :func:`snapshot.build` (headquarters' fixed Ed25519 key) and
sealed with :func:`snapshot.seal` under an enrollment secret: a small one and one of three
1 MiB chunks. Any change to the sealed file (see :mod:`mutations`: bits, lengths, chunks
duplicated, dropped, swapped or taken from another sealing) is refused with a translated
SyncError. Whoever holds the enrollment secret can seal any archive: changed archives sealed
with the right secret are refused too, or read exactly as headquarters signed them. Hand-made:
junk sealed with the right secret, ZIPs claiming thousands of members (refused before
:mod:`zipfile` reads the directory), members whose declared sizes lie, a signed ZIP bomb.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import random
import struct
import zipfile
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fuzzing import assert_translated, fuzz, marked_translation
from hypothesis import assume, given
from hypothesis import strategies as st
from mutations import frames, mutated

from cplc_desk.sync import container, keys, snapshot
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError

HQ = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"fuzz snapshot hq").digest())
SECRET = keys.b64(hashlib.sha256(b"fuzz snapshot enrollment secret").digest())
STATION, ENROLLMENT = "CLIF", "5f0c2e7a-3b1d-4c8e-9a6f-2d4b8e1c7a30"
DATA = snapshot.DATA_MEMBERS

Content = tuple[dict[str, Any], dict[str, list[bytes]]]


def members(rng: random.Random, records: int, padding: int) -> dict[str, bytes]:
    """records.tsv and audit.jsonl as headquarters writes them (``padding`` random bytes in
    each image make the archive as large as wanted)."""
    lines = []
    for n in range(records):
        image = [
            f"CLIF-V-2026-{n:06d}",
            "stolen",
            base64.b64encode(rng.randbytes(padding)).decode(),
        ]
        digest = hashlib.sha256(canonical(image)).hexdigest()
        lines.append(f"vehicle_report\t{rng.randbytes(16).hex()}\t1\town\t{digest}\t"
                     f"{canonical(image).decode()}\n".encode())  # fmt: skip
    audit = b"".join(canonical({"seq": n, "action": "record.created", "desk": "CLIF"}) + b"\n"
                     for n in range(1, 11))  # fmt: skip
    return {snapshot.RECORDS: b"".join(lines), snapshot.AUDIT: audit}


MANIFEST = {
    "format": snapshot.SNAPSHOT_FORMAT, "kind": snapshot.KIND, "enrollment_id": ENROLLMENT,
    "station": {"code": STATION, "name": "Clifton", "district": "SOUTH"},
    "hq": {"name": "CPLC Central", "key_id": keys.key_id(HQ.public_key())},
}  # fmt: skip


def seal(inner: bytes) -> bytes:
    return snapshot.seal(inner, secret_b64=SECRET, station=STATION, enrollment_id=ENROLLMENT)


class Snapshot:
    """One snapshot: the signed archive, sealed twice (two salts), and what reading it gives."""

    def __init__(self, content: dict[str, bytes]) -> None:
        self.inner = snapshot.build(MANIFEST, content, HQ)
        self.sealed, self.other = seal(self.inner), seal(self.inner)
        with zipfile.ZipFile(io.BytesIO(self.inner)) as zf:
            manifest = json.loads(zf.read(snapshot.MANIFEST))
        self.expected: Content = (
            manifest,
            {n: [ln for ln in content[n].split(b"\n") if ln] for n in DATA},
        )

    def __repr__(self) -> str:
        return f"Snapshot({len(self.sealed)} bytes)"


SMALL = Snapshot(members(random.Random(3), records=12, padding=30))


@pytest.fixture(scope="module")
def big() -> Snapshot:
    made = Snapshot(members(random.Random(5), records=2800, padding=800))
    assert len(frames(made.sealed, snapshot.MAGIC)) == 4  # the header and three chunks
    return made


def _open(data: bytes) -> Content | SyncError:
    """Everything a restore reads, or the refusal."""
    with marked_translation():
        try:
            fh = io.BytesIO(data)
            header = snapshot.read_header(fh)
            view = snapshot.open_body(fh, header, SECRET)
            opened = snapshot.open_signed(view, HQ.public_key())
            return opened.manifest, {name: list(opened.lines(name)) for name in DATA}
        except SyncError as exc:
            assert exc.code
            assert_translated(exc.message)
            return exc


def _refused(data: bytes, *words: str) -> SyncError:
    outcome = _open(data)
    assert isinstance(outcome, SyncError), "opened"
    assert all(w in outcome.message for w in words), outcome.message
    return outcome


def test_the_real_snapshots_open(big: Snapshot) -> None:
    assert _open(SMALL.sealed) == SMALL.expected
    assert _open(big.sealed) == big.expected
    assert _open(big.other) == big.expected


# ------------------------------------------------------------------ changed on the way


@fuzz(60)
@given(data=st.data())
def test_damage_on_the_way_is_refused(big: Snapshot, data: st.DataObject) -> None:
    snap = data.draw(st.sampled_from([SMALL, big]))
    spans = frames(snap.sealed, snapshot.MAGIC)
    changed = mutated(data, snap.sealed, spans=spans, other=snap.other)
    assert isinstance(_open(changed), SyncError)


@fuzz(15)
@given(field=st.sampled_from(["format", "kind", "station", "enrollment_id", "salt",
                              "chunk_size", "extra"]),
       value=st.one_of(st.none(), st.integers(), st.text(max_size=10), st.just(SECRET),
                       st.just(STATION), st.floats(allow_nan=False),
                       st.lists(st.integers(), max_size=2)))  # fmt: skip
def test_a_changed_header_is_refused(field: str, value: Any) -> None:
    sealed = SMALL.sealed
    start, end = frames(sealed, snapshot.MAGIC)[0]
    header = json.loads(sealed[start + 4 : end])
    assume(header.get(field, object()) != value)
    header[field] = value
    raw = json.dumps(header).encode()
    _refused(snapshot.MAGIC + struct.pack(">I", len(raw)) + raw + sealed[end:])


# ------------------------------------------------------------------ sealed with the right secret


def _central(inner: bytes) -> list[int]:
    """Where each central directory entry starts."""
    found, at = [], 0
    while (at := inner.find(b"PK\x01\x02", at)) >= 0:
        found.append(at)
        at += 4
    return found


# (signature, field offset, width) of the ZIP fields a reader trusts or should not
_FIELDS = {
    b"PK\x01\x02": [(6, 2), (8, 2), (10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2),
                    (32, 2), (34, 2), (42, 4)],
    b"PK\x03\x04": [(6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)],
    b"PK\x05\x06": [(4, 2), (6, 2), (8, 2), (10, 2), (12, 4), (16, 4), (20, 2)],
}  # fmt: skip


def _patched_field(data: st.DataObject, inner: bytes) -> bytes:
    signature = data.draw(st.sampled_from(sorted(_FIELDS)))
    places = []
    at = 0
    while (at := inner.find(signature, at)) >= 0:
        places.append(at)
        at += 4
    record = data.draw(st.sampled_from(places))
    offset, width = data.draw(st.sampled_from(_FIELDS[signature]))
    fmt = "<H" if width == 2 else "<I"
    (true,) = struct.unpack_from(fmt, inner, record + offset)
    top = (1 << (8 * width)) - 1
    value = data.draw(st.sampled_from([0, 1, max(true - 1, 0), min(true + 1, top), top])
                      | st.sampled_from([true ^ (1 << b) for b in range(8 * width)])
                      | st.integers(0, top))  # fmt: skip
    return inner[: record + offset] + struct.pack(fmt, value) + inner[record + offset + width :]


@fuzz(80)
@given(data=st.data())
def test_a_changed_archive_sealed_with_the_right_secret(data: st.DataObject) -> None:
    inner = SMALL.inner
    changed = _patched_field(data, inner) if data.draw(st.booleans()) else mutated(data, inner)
    assume(changed != inner)
    outcome = _open(seal(changed))
    if not isinstance(outcome, SyncError):
        assert outcome == SMALL.expected  # only what no reader looks at was changed


# ------------------------------------------------------------------ hostile, hand-made


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in entries:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


JUNK = {
    "empty": b"",
    "random": random.Random(1).randbytes(1000),
    "random, three chunks": random.Random(2).randbytes(snapshot.CHUNK * 2 + 10),
    "an empty zip": b"PK\x05\x06" + bytes(18),
    "only a manifest": _zip([(snapshot.MANIFEST, b"{}")]),
    "gzip": gzip.compress(b"records", mtime=0),
    "an end record only": SMALL.inner[SMALL.inner.rfind(b"PK\x05\x06") :],
    "five members": _zip([(n, b"") for n in (*snapshot.DATA_MEMBERS, "a", "b", "c")]),
}


@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk_sealed_with_the_right_secret_is_refused(name: str) -> None:
    _refused(seal(JUNK[name]))


def test_the_signed_archive_behind_other_bytes_is_read_as_signed() -> None:
    """zipfile finds an archive behind other bytes (as in a self-extracting file): whatever
    comes before it, what is read is exactly what headquarters signed."""
    for before in (bytes(5000), SMALL.inner, b"PK\x03\x04"):
        assert _open(seal(before + SMALL.inner)) == SMALL.expected


def _end_patched(inner: bytes, **fields: int) -> bytes:
    at = inner.rfind(b"PK\x05\x06")
    end = bytearray(inner[at:])
    offsets = {"entries_here": 8, "entries": 10, "directory_size": 12, "directory_offset": 16}
    for name, value in fields.items():
        fmt = "<H" if name.startswith("entries") else "<I"
        struct.pack_into(fmt, end, offsets[name], value)
    return inner[:at] + bytes(end)


MANY = {
    "the end record claims 5000": _end_patched(SMALL.inner, entries_here=5000, entries=5000),
    "the end record claims 65535": _end_patched(SMALL.inner, entries_here=0xFFFF, entries=0xFFFF),
    "a directory of 1 MB": _end_patched(SMALL.inner, directory_size=1 << 20),
    "3000 real members": _zip([(f"m{n}", b"") for n in range(3000)]),
}


@pytest.mark.parametrize("name", sorted(MANY))
def test_a_zip_claiming_thousands_of_members_is_refused_before_zipfile_reads_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sealed = seal(MANY[name])

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("zipfile was asked to read the directory")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    _refused(sealed, "more parts")


def test_the_many_members_refusal_speaks_of_the_snapshot() -> None:
    _refused(seal(MANY["3000 real members"]), "snapshot")


def _sizes_patched(inner: bytes, member: str, size: int, where: str) -> bytes:
    archive = bytearray(inner)
    name = member.encode()
    for signature, offset, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        if where != "both" and (signature == b"PK\x01\x02") != (where == "central"):
            continue
        at = 0
        while (at := archive.find(signature, at)) >= 0:
            if archive[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", archive, at + offset, size)
            at += 4
    assert bytes(archive) != inner
    return bytes(archive)


@pytest.mark.parametrize("where", ["central", "local", "both"])
@pytest.mark.parametrize("member", [snapshot.MANIFEST, snapshot.SIGNATURE, *DATA])
def test_a_member_whose_declared_size_lies(member: str, where: str) -> None:
    with zipfile.ZipFile(io.BytesIO(SMALL.inner)) as zf:
        true = zf.getinfo(member).file_size
    for size in (0, true // 2, true - 1, true + 1, true * 1000, 2**32 - 1):
        outcome = _open(seal(_sizes_patched(SMALL.inner, member, size, where)))
        if where == "local":  # not read: the central directory is the archive's word
            assert outcome == SMALL.expected
        elif size < true:  # what is read is cut short: never taken for the member
            assert isinstance(outcome, SyncError), (member, size)
        else:  # zipfile reads up to the stream's end and checks the CRC: the signed bytes
            assert isinstance(outcome, SyncError) or outcome == SMALL.expected, (member, size)


def test_a_signed_zip_bomb_is_refused() -> None:
    bomb = snapshot.build(MANIFEST, {snapshot.RECORDS: b"a\n" * (4 << 20), snapshot.AUDIT: b""}, HQ)
    assert len(bomb) < 100 << 10
    _refused(seal(bomb), "too large")


def test_a_far_too_long_line_is_refused() -> None:
    line = base64.b64encode(random.Random(9).randbytes(container.MAX_LINE * 3 // 4 + 100))
    inner = snapshot.build(MANIFEST, {snapshot.RECORDS: line, snapshot.AUDIT: b""}, HQ)
    _refused(seal(inner), "far too long")


def test_a_member_that_is_not_what_the_manifest_signed_is_refused() -> None:
    with zipfile.ZipFile(io.BytesIO(SMALL.inner)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts[snapshot.RECORDS] = parts[snapshot.RECORDS].replace(b"stolen", b"snatch")
    _refused(seal(_zip(list(parts.items()))), "does not match its signed manifest")


@pytest.mark.parametrize("change", ["flag bit 5", "flag bit 6", "version 6.4"])
@pytest.mark.parametrize("member", [snapshot.MANIFEST, snapshot.RECORDS])
def test_what_zipfile_does_not_support_is_refused(member: str, change: str) -> None:
    archive = bytearray(SMALL.inner)
    for at in _central(SMALL.inner):
        (length,) = struct.unpack_from("<H", archive, at + 28)
        if archive[at + 46 : at + 46 + length] == member.encode():
            if change == "version 6.4":
                archive[at + 6] = 64
            else:
                archive[at + 8] |= 0x20 if change == "flag bit 5" else 0x40
    _refused(seal(bytes(archive)))
