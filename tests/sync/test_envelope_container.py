"""The envelope (encryption to headquarters) and the container (signed ZIP), in process.

Every way a file can be damaged on a stick, or shaped to hurt the reader, must end in a
:class:`SyncError` with a stable code: never a crash, never partial content.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator

import pytest
from sync import craft

from cplc_desk.sync import container, envelope, keys
from cplc_desk.sync.errors import SyncError

CHUNK = envelope.CHUNK
DAMAGE = {"damaged", "truncated"}


@pytest.fixture(scope="module")
def hq() -> keys.X25519PrivateKey:
    return keys.new_encryption_key()


@pytest.fixture(scope="module")
def signer() -> keys.Ed25519PrivateKey:
    return keys.new_signing_key()


def seal(plain: bytes, hq: keys.X25519PrivateKey, **label: object) -> bytes:
    fields: dict[str, object] = {"kind": "delta", "station": "CLIF", "sequence": 1, **label}
    return envelope.seal(plain, hq.public_key(), **fields)  # type: ignore[arg-type]


def open_(data: bytes, hq: keys.X25519PrivateKey, max_plain: int = 1 << 30) -> bytes:
    fh = io.BytesIO(data)
    header = envelope.read_header(fh)
    return envelope.open_body_bytes(fh, header, hq, max_plain)


def refusal(data: bytes, hq: keys.X25519PrivateKey) -> str:
    with pytest.raises(SyncError) as info:
        open_(data, hq)
    assert info.value.message, info.value.code
    return info.value.code


def chunk_lengths(data: bytes) -> list[int]:
    """The sealed chunks' lengths, read off the file's framing."""
    pos, lengths = craft.body_offset(data), []
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        lengths.append(length)
        pos += 4 + length
    assert pos == len(data)
    return lengths


def with_header(fields: object, body: bytes = b"") -> bytes:
    raw = fields if isinstance(fields, bytes) else json.dumps(fields).encode()
    return envelope.MAGIC + len(raw).to_bytes(4, "big") + raw + body


# ================================================================== envelope


@pytest.mark.parametrize(
    "size", [0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 12_345], ids=str
)
def test_round_trip_cuts_the_body_into_sealed_chunks(hq: keys.X25519PrivateKey, size: int) -> None:
    plain = hashlib.shake_256(str(size).encode()).digest(size) if size else b""

    sealed = seal(plain, hq, station="SADD", sequence=7)

    fh = io.BytesIO(sealed)
    header = envelope.read_header(fh)
    assert (header.kind, header.station, header.sequence) == ("delta", "SADD", 7)
    assert header.recipient == keys.key_id(hq.public_key())
    assert envelope.open_body_bytes(fh, header, hq, 1 << 30) == plain
    chunks = chunk_lengths(sealed)
    assert len(chunks) == max(1, -(-size // CHUNK))
    assert all(n <= CHUNK + 16 for n in chunks)
    if size >= 64:
        assert plain[:64] not in sealed  # the body really is encrypted


def test_each_seal_uses_a_fresh_content_key(hq: keys.X25519PrivateKey) -> None:
    plain = b"the same bundle" * 100
    assert seal(plain, hq) != seal(plain, hq)


def test_every_single_byte_flip_of_a_small_envelope_is_refused(
    hq: keys.X25519PrivateKey,
) -> None:
    sealed = seal(b'{"complaint": "KHI-CLIF-2024-000123"}\n' * 8, hq)
    body = craft.body_offset(sealed)
    codes: dict[str, int] = {}
    for position in range(len(sealed)):
        for mask in (0x01, 0x80):
            code = refusal(craft.flip(sealed, position, mask), hq)
            codes[code] = codes.get(code, 0) + 1
            if position >= body:  # past the header only the framing and the seal remain
                assert code in DAMAGE, (position, mask, code)
    assert codes.get("damaged", 0) > len(sealed), codes
    # A damaged header is not "for another headquarters" (the wrapped key still opens here);
    # the magic and the format number are all that can point elsewhere.
    assert set(codes) <= {"damaged", "truncated", "not_a_bundle", "format_too_new"}, codes


def test_every_truncation_of_a_small_envelope_is_refused_as_truncated_or_damaged(
    hq: keys.X25519PrivateKey,
) -> None:
    sealed = seal(b"one small bundle\n" * 10, hq)
    for cut in range(1, len(sealed)):
        assert refusal(sealed[:cut], hq) in DAMAGE, cut
    assert refusal(b"", hq) == "not_a_bundle"


def test_multi_chunk_framing_damage(hq: keys.X25519PrivateKey) -> None:
    plain = bytes(range(256)) * (CHUNK // 256) + b"tail" * 1000  # two chunks
    sealed = seal(plain, hq)
    body = craft.body_offset(sealed)
    first, second = chunk_lengths(sealed)
    first_end = body + 4 + first
    header, chunk1, chunk2 = sealed[:body], sealed[body:first_end], sealed[first_end:]
    assert len(chunk2) == 4 + second

    assert refusal(sealed[:first_end], hq) == "truncated"  # the last chunk went missing
    assert refusal(header + chunk2, hq) == "damaged"  # the first chunk went missing
    assert refusal(header + chunk2 + chunk1, hq) == "damaged"  # reordered
    assert refusal(sealed + chunk2, hq) == "damaged"  # extra data after the last chunk
    assert refusal(sealed + b"\0", hq) == "damaged"
    assert refusal(craft.flip(sealed, first_end + 4 + second // 2), hq) == "damaged"
    # A chunk from another bundle (another content key) does not fit.
    other = seal(plain, hq)
    other_first_end = craft.body_offset(other) + 4 + chunk_lengths(other)[0]
    assert refusal(header + chunk1 + other[other_first_end:], hq) == "damaged"


def test_a_changed_label_is_refused(hq: keys.X25519PrivateKey) -> None:
    sealed = seal(b"x" * 100, hq, station="CLIF", sequence=3)
    relabelled = sealed.replace(b'"sequence":3', b'"sequence":4')
    assert relabelled != sealed
    assert refusal(relabelled, hq) == "damaged"


def test_wrong_recipient(hq: keys.X25519PrivateKey) -> None:
    other_hq = keys.new_encryption_key()
    sealed = seal(b"for the other headquarters", other_hq)

    assert refusal(sealed, hq) == "wrong_recipient"
    # Relabelled for this headquarters: the wrapped key still opens only with the other key.
    relabelled = sealed.replace(
        keys.key_id(other_hq.public_key()).encode(), keys.key_id(hq.public_key()).encode()
    )
    assert refusal(relabelled, hq) == "damaged"


def test_plaintext_cap(hq: keys.X25519PrivateKey) -> None:
    sealed = seal(b"a" * 5000, hq)
    fh = io.BytesIO(sealed)
    header = envelope.read_header(fh)
    with pytest.raises(SyncError) as info:
        envelope.open_body_bytes(fh, header, hq, 4000)
    assert info.value.code == "too_large"


def test_oversized_chunk_length_is_refused_before_reading(hq: keys.X25519PrivateKey) -> None:
    sealed = seal(b"a" * 100, hq)
    body = craft.body_offset(sealed)
    huge = sealed[:body] + (CHUNK + 17).to_bytes(4, "big") + sealed[body + 4 :]
    assert refusal(huge, hq) == "damaged"


def _good_header(hq: keys.X25519PrivateKey) -> dict[str, object]:
    sealed = seal(b"", hq)
    fh = io.BytesIO(sealed)
    return json.loads(envelope.read_header(fh).raw)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "header",
    [
        b"not json at all",
        b"\xff\xfe",
        b"[1, 2, 3]",
        b'"a string"',
        b"[" * 20_000 + b"]" * 20_000,
        {"format": 1},
        {"format": "1", "kind": "delta", "station": "CLIF", "sequence": "one"},
        {"format": 1e999, "kind": "delta", "station": "X", "sequence": 1, "recipient": "r"},
        {"format": 1, "kind": "delta", "station": "X", "sequence": 1e999, "recipient": "r"},
    ],
    ids=["text", "bad-utf8", "list", "string", "deep", "fields", "types", "inf-fmt", "inf-seq"],
)
def test_damaged_headers_are_refused(hq: keys.X25519PrivateKey, header: object) -> None:
    assert refusal(with_header(header), hq) == "damaged"


@pytest.mark.parametrize("wrapped_key", [None, 5, ["a"], {"k": 1}, "not base64!", ""])
def test_damaged_key_block_is_refused(hq: keys.X25519PrivateKey, wrapped_key: object) -> None:
    fields = {**_good_header(hq), "wrapped_key": wrapped_key}
    assert refusal(with_header(fields, b"\0\0\0\0"), hq) == "damaged"


def test_header_length_cap(hq: keys.X25519PrivateKey) -> None:
    data = envelope.MAGIC + (envelope.MAX_HEADER + 1).to_bytes(4, "big") + b"{}"
    assert refusal(data, hq) == "damaged"


def test_newer_envelope_format_says_update(hq: keys.X25519PrivateKey) -> None:
    fields = {**_good_header(hq), "format": envelope.ENVELOPE_FORMAT + 1}
    with pytest.raises(SyncError) as info:
        open_(with_header(fields), hq)
    assert info.value.code == "format_too_new"
    assert "Update CPLC Desk" in info.value.message


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", b"reference,name\nREG-1,Ali\n", b"PK\x03\x04"],
    ids=["pdf", "csv", "zip"],
)
def test_other_files_are_not_bundles(hq: keys.X25519PrivateKey, data: bytes) -> None:
    assert refusal(data, hq) == "not_a_bundle"


# ================================================================== container

MEMBERS = {
    container.CHANGES: b"line one\nline two\n",
    container.AUDIT: b'{"entry_id": "e1"}\n{"entry_id": "e2"}\n',
}


def manifest(**extra: object) -> dict[str, object]:
    return {"format": container.BUNDLE_FORMAT, "kind": "delta", "station": "CLIF", **extra}


def opened_refusal(data: bytes) -> SyncError:
    with pytest.raises(SyncError) as info:
        opened = container.open_container(data)
        opened.check_members()
        for name in container.DATA_MEMBERS:
            list(opened.raw_lines(name))
    assert info.value.message
    return info.value


def good_entries(signer: keys.Ed25519PrivateKey) -> list[craft.Entry]:
    return craft.signed_entries(manifest(), MEMBERS, signer)


def test_build_then_open(signer: keys.Ed25519PrivateKey) -> None:
    data = container.build(manifest(), MEMBERS, signer)

    opened = container.open_container(data)

    opened.verify(signer.public_key())
    opened.check_members()
    assert opened.manifest["domain"] == container.BUNDLE_DOMAIN
    assert opened.manifest["members"][container.CHANGES] == {
        "sha256": hashlib.sha256(MEMBERS[container.CHANGES]).hexdigest(),
        "size": len(MEMBERS[container.CHANGES]),
    }
    assert opened.manifest_hash == hashlib.sha256(opened.manifest_bytes).hexdigest()
    assert list(opened.raw_lines(container.CHANGES)) == [b"line one", b"line two"]
    assert [line["entry_id"] for line in opened.lines(container.AUDIT)] == ["e1", "e2"]
    # Same input, same bytes (reproducible), whatever the clock says.
    assert container.build(manifest(), MEMBERS, signer) == data


def test_signature_by_another_key_or_over_other_bytes(signer: keys.Ed25519PrivateKey) -> None:
    opened = container.open_container(container.build(manifest(), MEMBERS, signer))
    with pytest.raises(SyncError) as info:
        opened.verify(keys.new_signing_key().public_key())
    assert info.value.code == "bad_signature"

    entries = good_entries(signer)
    changed = json.loads(entries[0][1])
    changed["station"] = "SADD"
    entries[0] = (container.MANIFEST, container.canonical(changed), zipfile.ZIP_STORED)
    opened = container.open_container(craft.zip_of(entries))
    with pytest.raises(SyncError) as info:
        opened.verify(signer.public_key())
    assert info.value.code == "bad_signature"


def _named(entries: list[craft.Entry], name: str) -> Iterator[craft.Entry]:
    return (e for e in entries if e[0] == name)


@pytest.mark.parametrize(
    "change",
    [
        "extra",
        "missing",
        "duplicate",
        "traversal",
        "absolute",
        "folder",
        "backslash",
        "renamed",
    ],
)
def test_only_the_expected_member_names(signer: keys.Ed25519PrivateKey, change: str) -> None:
    entries = good_entries(signer)
    audit = next(_named(entries, container.AUDIT))
    others = [e for e in entries if e[0] != container.AUDIT]
    shaped: list[craft.Entry] = {
        "extra": [*entries, ("notes.txt", b"hello")],
        "missing": others,
        "duplicate": [*entries, audit],
        "traversal": [*entries, ("../evil", b"pwned")],
        "absolute": [*others, ("/" + container.AUDIT, audit[1])],
        "folder": [*others, ("x/" + container.AUDIT, audit[1])],
        "backslash": [*others, ("..\\" + container.AUDIT, audit[1])],
        "renamed": [*others, (container.AUDIT.upper(), audit[1])],
    }[change]
    error = opened_refusal(craft.zip_of(shaped))
    assert error.code == "damaged"


def test_zip_bomb_is_refused_before_decompressing(signer: keys.Ed25519PrivateKey) -> None:
    zeros = bytes(64 << 20)  # 64 MiB of zeros deflate to ~64 KiB: a ratio near 1000
    entries = craft.signed_entries(manifest(), {**MEMBERS, container.CHANGES: zeros}, signer)
    error = opened_refusal(craft.zip_of(entries))
    assert error.code == "damaged"
    assert "zip bomb" in error.message


def test_compressible_but_honest_members_pass(signer: keys.Ed25519PrivateKey) -> None:
    lines = b"".join(b'{"n": %d, "text": "same text again"}\n' % i for i in range(20_000))
    opened = container.open_container(
        container.build(manifest(), {**MEMBERS, container.AUDIT: lines}, signer)
    )
    opened.check_members()
    assert sum(1 for _ in opened.lines(container.AUDIT)) == 20_000


def test_member_size_cap(signer: keys.Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch) -> None:
    noise = hashlib.shake_256(b"noise").digest(5000)
    data = container.build(manifest(), {**MEMBERS, container.CHANGES: noise}, signer)
    monkeypatch.setattr(container, "MAX_MEMBER", 4096)
    error = opened_refusal(data)
    assert error.code == "too_large"
    assert container.CHANGES in error.message


def test_manifest_size_cap(signer: keys.Ed25519PrivateKey) -> None:
    padded = manifest(padding="x" * container.MAX_MANIFEST)
    error = opened_refusal(container.build(padded, MEMBERS, signer))
    assert error.code == "too_large"


@pytest.mark.parametrize("terminated", [True, False], ids=["line", "last-line"])
def test_line_length_cap(
    signer: keys.Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch, terminated: bool
) -> None:
    long_line = b'{"x": "' + b"y" * 500 + b'"}' + (b"\n" if terminated else b"")
    audit = b'{"entry_id": "e1"}\n' + long_line + b'{"entry_id": "e3"}\n' * terminated
    opened = container.open_container(
        container.build(manifest(), {**MEMBERS, container.AUDIT: audit}, signer)
    )
    monkeypatch.setattr(container, "MAX_LINE", 100)
    with pytest.raises(SyncError) as info:
        list(opened.lines(container.AUDIT))
    assert info.value.code == "damaged"
    assert "too long" in info.value.message


def test_a_line_longer_than_the_cap_is_refused_even_when_it_ends_in_the_next_block(
    signer: keys.Ed25519PrivateKey,
) -> None:
    # Incompressible (the ratio cap must not be what refuses it), 1.5 x the real cap, so the
    # reader sees one cap-sized unfinished piece, then the line's end in the next block.
    text = base64.b64encode(hashlib.shake_256(b"long").digest(container.MAX_LINE * 9 // 8))
    audit = b'{"x": "' + text + b'"}\n'
    opened = container.open_container(
        container.build(manifest(), {**MEMBERS, container.AUDIT: audit}, signer)
    )
    with pytest.raises(SyncError) as info:
        list(opened.raw_lines(container.AUDIT))
    assert info.value.code == "damaged"


def test_encrypted_or_exotic_members_are_refused(signer: keys.Ed25519PrivateKey) -> None:
    entries = good_entries(signer)
    bzip = [(n, d, zipfile.ZIP_BZIP2 if n == container.AUDIT else m) for n, d, m in entries]  # type: ignore[misc]
    assert opened_refusal(craft.zip_of(bzip)).code == "damaged"

    data = bytearray(craft.zip_of(entries))
    central = data.index(b"PK\x01\x02")  # first central-directory entry: set "encrypted"
    data[central + 8] |= 0x01
    assert opened_refusal(bytes(data)).code == "damaged"


@pytest.mark.parametrize(
    "manifest_bytes",
    [b"not json", b"[]", b'{"domain": "cplc-desk/hotlist/v1"}', b"\xff"],
    ids=["text", "list", "other-domain", "bad-utf8"],
)
def test_manifest_must_be_a_bundle_manifest(manifest_bytes: bytes) -> None:
    entries: list[craft.Entry] = [
        (container.MANIFEST, manifest_bytes, zipfile.ZIP_STORED),
        (container.SIGNATURE, bytes(64), zipfile.ZIP_STORED),
        *MEMBERS.items(),
    ]
    assert opened_refusal(craft.zip_of(entries)).code == "damaged"


def test_signature_block_must_be_64_bytes(signer: keys.Ed25519PrivateKey) -> None:
    entries = [
        (n, d[:10] if n == container.SIGNATURE else d, m) for n, d, m in good_entries(signer)
    ]  # type: ignore[misc]
    assert opened_refusal(craft.zip_of(entries)).code == "damaged"


@pytest.mark.parametrize("data", [b"", b"PK", b"random bytes" * 50], ids=["empty", "pk", "noise"])
def test_not_an_archive(data: bytes) -> None:
    assert opened_refusal(data).code == "damaged"


def test_member_not_matching_the_signed_manifest(signer: keys.Ed25519PrivateKey) -> None:
    entries = [
        (n, b"line one\nline 2\n\n" if n == container.CHANGES else d, m)
        for n, d, m in good_entries(signer)  # type: ignore[misc]
    ]
    error = opened_refusal(craft.zip_of(entries))
    assert error.code == "damaged"
    assert container.CHANGES in error.message


def test_manifest_without_member_hashes(signer: keys.Ed25519PrivateKey) -> None:
    """Signed, but the manifest does not list the members: refused, not a KeyError."""
    inner = container.build(manifest(), MEMBERS, signer)
    opened = container.open_container(inner)
    unlisted = dict(opened.manifest)
    unlisted["members"] = {container.CHANGES: unlisted["members"][container.CHANGES]}
    manifest_bytes = container.canonical(unlisted)
    entries: list[craft.Entry] = [
        (container.MANIFEST, manifest_bytes, zipfile.ZIP_STORED),
        (container.SIGNATURE, signer.sign(manifest_bytes), zipfile.ZIP_STORED),
        *MEMBERS.items(),
    ]
    opened = container.open_container(craft.zip_of(entries))
    opened.verify(signer.public_key())
    with pytest.raises(SyncError) as info:
        opened.check_members()
    assert info.value.code == "damaged"


def _deflated_member_span(data: bytes, name: str) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    return start, start + info.compress_size


def test_corrupt_compressed_stream_is_refused_not_a_crash(
    signer: keys.Ed25519PrivateKey,
) -> None:
    """A signed manifest over good members, but the deflate stream in the ZIP is broken: the
    reader must refuse (zlib and CRC errors are not SyncErrors by themselves)."""
    text = b"".join(b'{"n": %d, "pad": "%s"}\n' % (i, b"ab" * (i % 7)) for i in range(3000))
    data = container.build(manifest(), {**MEMBERS, container.AUDIT: text}, signer)
    start, end = _deflated_member_span(data, container.AUDIT)
    seen: set[str] = set()
    for position in range(start, end, max(1, (end - start) // 60)):
        error = opened_refusal(craft.flip(data, position))
        seen.add(error.code)
    assert seen == {"damaged"}


def test_declared_size_smaller_than_the_stream_is_refused(
    signer: keys.Ed25519PrivateKey,
) -> None:
    """The central directory under-states a member's size (how a zip bomb hides): the reader
    stops at the declared size and refuses, rather than expanding or crashing."""
    data = bytearray(container.build(manifest(), MEMBERS, signer))
    # Patch the CHANGES entry in the central directory: uncompressed size at offset 24.
    offset = data.index(b"PK\x01\x02")
    while True:
        name_len = int.from_bytes(data[offset + 28 : offset + 30], "little")
        name = bytes(data[offset + 46 : offset + 46 + name_len]).decode()
        if name == container.CHANGES:
            break
        extra_len = int.from_bytes(data[offset + 30 : offset + 32], "little")
        comment_len = int.from_bytes(data[offset + 32 : offset + 34], "little")
        offset += 46 + name_len + extra_len + comment_len
    data[offset + 24 : offset + 28] = (3).to_bytes(4, "little")
    assert opened_refusal(bytes(data)).code == "damaged"


@pytest.mark.parametrize(
    ("offset", "value"), [(6, 64), (8, 0x20), (8, 0x40)], ids=["version 6.4", "flag 5", "flag 6"]
)
def test_what_zipfile_does_not_support_is_refused_not_a_crash(
    signer: keys.Ed25519PrivateKey, offset: int, value: int
) -> None:
    """zipfile raises NotImplementedError for a version it does not know or flag bits 5/6;
    the reader turns it into a refusal (it once escaped as a traceback from import-bundle)."""
    data = bytearray(container.build(manifest(), MEMBERS, signer))
    at = data.rfind(b"PK\x01\x02")  # the last member's central directory entry
    data[at + offset] = value if offset == 6 else data[at + offset] | value
    with pytest.raises(SyncError) as info:
        opened = container.open_container(bytes(data))
        opened.check_members()
        list(opened.raw_lines(container.AUDIT))
    assert info.value.code == "damaged"
