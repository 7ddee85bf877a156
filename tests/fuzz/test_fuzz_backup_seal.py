"""Fuzzing the sealed backup reader (``backup_seal.open_file``), as a restore from the stick
uses it.

A real desk store (the migrated template database) is sealed with :func:`seal_file` under a
fixed backup key, with the desk's key files carried (format 2) and without (format 1). Any
change on the way (see :mod:`mutations`: bits, lengths, chunks duplicated, dropped, swapped or
taken from another backup of the same desk) is refused with a translated SealError, never
opened as anything but the original. The header rewritten, and the carried-keys section
damaged by someone holding the key (not JSON, names that do not match, bad base64, too large),
are refused too.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from fuzzing import assert_translated, fuzz, marked_translation
from hypothesis import assume, given
from hypothesis import strategies as st
from mutations import frames, mutated

from cplc_desk.services.backups import backup_seal
from cplc_desk.services.backups.backup_seal import SealError
from cplc_desk.sync import chunked

KEY = hashlib.sha256(b"fuzz backup key").digest()
KEY_FILES = {"station_signing.key": b"-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n",
             "backup.key": b"ABCD-EFGH-IJKL\n"}  # fmt: skip
DESK = {"desk_code": "CLIF", "site_id": "0b6c3f3e-5a8e-4f0e-9d3c-6a1f2e7b9c40"}

Opened = tuple[backup_seal.SealHeader, bytes, dict[str, bytes]]


class Backups:
    """The store, sealed with and without its key files, and another backup of the desk."""

    def __init__(self, store: Path, folder: Path) -> None:
        self.plain = store.read_bytes()
        self.folder = folder
        self.v2 = self.sealed(store, "2026-11-24T10:00:00+05:00", KEY_FILES)
        self.v1 = self.sealed(store, "2026-11-24T10:00:00+05:00", None)
        self.other_v2 = self.sealed(store, "2026-11-25T10:00:00+05:00", KEY_FILES)
        self.other_v1 = self.sealed(store, "2026-11-25T10:00:00+05:00", None)

    @staticmethod
    def sealed(store: Path, created_at: str, carried: dict[str, bytes] | None) -> bytes:
        out = io.BytesIO()
        backup_seal.seal_file(store, out, KEY, created_at=created_at, keys=carried, **DESK)
        return out.getvalue()

    def __repr__(self) -> str:
        return f"Backups({len(self.plain)} bytes)"


@pytest.fixture(scope="module")
def backups(template_store: Path) -> Iterator[Backups]:
    with tempfile.TemporaryDirectory(prefix="fuzz-backup-") as folder:
        yield Backups(template_store, Path(folder))


def _open(backups: Backups, data: bytes, key: bytes = KEY) -> Opened | SealError:
    path = backups.folder / "backup.cplcbak"
    path.write_bytes(data)
    out = io.BytesIO()
    with marked_translation():
        try:
            header, carried = backup_seal.open_file(path, out, key)
        except SealError as exc:
            assert_translated(str(exc))
            return exc
    return header, out.getvalue(), carried


def _same(outcome: Opened | SealError, original: Opened) -> bool:
    return not isinstance(outcome, SealError) and outcome == original


def test_the_real_backups_open(backups: Backups) -> None:
    header, plain, carried = _open(backups, backups.v2)  # type: ignore[misc]
    assert (plain, carried, header.keys) == (backups.plain, KEY_FILES, tuple(sorted(KEY_FILES)))
    header, plain, carried = _open(backups, backups.v1)  # type: ignore[misc]
    assert (plain, carried, header.keys) == (backups.plain, {}, ())
    assert len(frames(backups.v2, backup_seal.MAGIC)) >= 3  # header, keys, the store


# ------------------------------------------------------------------ changed on the way


@fuzz(60)
@given(data=st.data())
def test_damage_on_the_way_is_refused(backups: Backups, data: st.DataObject) -> None:
    raw, other = data.draw(st.sampled_from([(backups.v2, backups.other_v2),
                                            (backups.v1, backups.other_v1)]))  # fmt: skip
    original = _open(backups, raw)
    changed = mutated(data, raw, spans=frames(raw, backup_seal.MAGIC), other=other)
    outcome = _open(backups, changed)
    assert isinstance(outcome, SealError) or outcome == original


@fuzz(20)
@given(field=st.sampled_from(["format", "desk_code", "site_id", "key_id", "created_at", "keys",
                              "extra"]),
       value=st.one_of(st.none(), st.integers(-1, 3), st.booleans(), st.text(max_size=10),
                       st.lists(st.sampled_from(sorted(KEY_FILES)), max_size=3),
                       st.just(backup_seal.key_id(KEY))))  # fmt: skip
def test_a_rewritten_header_is_refused(backups: Backups, field: str, value: Any) -> None:
    raw = backups.v2
    start, end = frames(raw, backup_seal.MAGIC)[0]
    header = json.loads(raw[start + 4 : end])
    assume(header.get(field, object()) != value)
    header[field] = value
    text = json.dumps(header, sort_keys=True).encode()
    outcome = _open(backups, backup_seal.MAGIC + struct.pack(">I", len(text)) + text + raw[end:])
    assert isinstance(outcome, SealError)


def test_another_key_is_refused(backups: Backups) -> None:
    outcome = _open(backups, backups.v2, key=hashlib.sha256(b"another").digest())
    assert isinstance(outcome, SealError) and "another key" in str(outcome)


@pytest.mark.parametrize(
    "header",
    [b"", b"null", b"[]", b'"format"', b"{}", b'{"format": 3}', b'{"format": 1}', b"\xff",
     b'{"format": 2, "keys": "backup.key", "desk_code": "C", "site_id": "s", "key_id": "k",'
     b' "created_at": "t"}'],
)  # fmt: skip
def test_hostile_headers_are_refused(backups: Backups, header: bytes) -> None:
    data = backup_seal.MAGIC + struct.pack(">I", len(header)) + header
    assert isinstance(_open(backups, data), SealError)
    too_long = backup_seal.MAGIC + struct.pack(">I", backup_seal.MAX_HEADER + 1) + b"{" * 70_000
    assert isinstance(_open(backups, too_long), SealError)


def test_a_deeply_nested_header_is_refused(backups: Backups) -> None:
    header = b"[" * 50_000
    data = backup_seal.MAGIC + struct.pack(">I", len(header)) + header
    assert isinstance(_open(backups, data), SealError)


# ------------------------------------------------------------------ the carried keys, damaged


def sealed_with(blob: bytes, names: Any, rest: bytes = b"store") -> bytes:
    """A format 2 backup sealed with the desk's own key whose key section is ``blob``."""
    fields = {"format": 2, "key_id": backup_seal.key_id(KEY), "created_at": "2026-11-24",
              "keys": names, **DESK}  # fmt: skip
    header = json.dumps(fields, sort_keys=True).encode()
    aead, aad = ChaCha20Poly1305(KEY), hashlib.sha256(header).digest()
    body = chunked.seal(aead, aad, [blob, *chunked.pieces(rest, backup_seal.CHUNK)])
    return backup_seal.MAGIC + struct.pack(">I", len(header)) + header + b"".join(body)


NAMES = sorted(KEY_FILES)
GOOD = {n: base64.b64encode(v).decode() for n, v in KEY_FILES.items()}
BAD_SECTIONS = {
    "not JSON": b"station_signing.key",
    "a list of the names": json.dumps(NAMES).encode(),
    "a name missing": json.dumps({NAMES[0]: GOOD[NAMES[0]]}).encode(),
    "a name more": json.dumps({**GOOD, "evil.key": ""}).encode(),
    "not base64": json.dumps({**GOOD, NAMES[0]: "***"}).encode(),
    "a number": json.dumps({**GOOD, NAMES[0]: 5}).encode(),
    "null": b"null",
    "empty": b"",
    "too large": json.dumps({**GOOD, NAMES[0]: "A" * backup_seal.MAX_KEYS}).encode(),
    "Latin-1": json.dumps(GOOD).encode().replace(b"}", b'"\xe9": 1}'),
}


@pytest.mark.parametrize("name", sorted(BAD_SECTIONS))
def test_a_damaged_key_section_is_refused(backups: Backups, name: str) -> None:
    outcome = _open(backups, sealed_with(BAD_SECTIONS[name], NAMES))
    assert isinstance(outcome, SealError) and "key section" in str(outcome), outcome


def test_key_sections_that_are_whole(backups: Backups) -> None:
    """The section built here as the sealer builds it opens: the refusals above are about
    the section alone. A backup of nothing but its keys opens too."""
    for rest in (b"store", b""):
        outcome = _open(backups, sealed_with(json.dumps(GOOD).encode(), NAMES, rest))
        assert not isinstance(outcome, SealError) and outcome[1:] == (rest, KEY_FILES)


@pytest.mark.parametrize("names", [[5], "backup.key", {"a": 1}, [NAMES[0], NAMES[0]]])
def test_header_key_names_that_are_wrong_are_refused(backups: Backups, names: Any) -> None:
    assert isinstance(_open(backups, sealed_with(json.dumps(GOOD).encode(), names)), SealError)


def _expected_keys(blob: bytes) -> dict[str, bytes] | None:
    try:
        fields = json.loads(blob)
        if (
            not isinstance(fields, dict)
            or sorted(fields) != NAMES
            or len(blob) > backup_seal.MAX_KEYS
        ):
            return None
        return {n: base64.b64decode(fields[n], validate=True) for n in NAMES}
    except (ValueError, TypeError, RecursionError):
        return None


@fuzz(40)
@given(data=st.data())
def test_key_sections_written_with_the_key(backups: Backups, data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        blob = mutated(data, json.dumps(GOOD).encode())
    else:
        values = st.one_of(st.sampled_from(list(GOOD.values())), st.text(max_size=12),
                           st.integers(), st.none(), st.lists(st.integers(), max_size=2))  # fmt: skip
        names = st.sampled_from([*NAMES, "evil.key", ""])
        blob = json.dumps(data.draw(st.dictionaries(names, values, max_size=4))).encode()
    outcome = _open(backups, sealed_with(blob, NAMES))
    expected = _expected_keys(blob)
    if expected is None:
        assert isinstance(outcome, SealError), blob
    else:
        assert not isinstance(outcome, SealError) and outcome[1:] == (b"store", expected)


def test_a_deeply_nested_key_section_is_refused(backups: Backups) -> None:
    assert isinstance(_open(backups, sealed_with(b"[" * 50_000, NAMES)), SealError)
