"""Fuzzing the signed hotlist reader (``read_header`` then ``entries``, from a file object).

A real hotlist, written by :func:`hotlist.write` with a fixed Ed25519 key, is changed on the way
(see :mod:`mutations`): every change is refused with a translated SyncError, or, when JSON does
not see it (white space between the outer fields), read exactly as written. Then headquarters'
own key signs what a forger could not: manifest fields rewritten, the gzip stream itself
changed, the JSON lines changed (around the 1 MiB step of the streaming decompressor too).
Whatever was signed, the reader refuses it with a SyncError or returns entries that are each a
valid hotlist entry, as many as the manifest says, and exactly what the lines hold. Hand-made
hostile bodies: a decompression bomb, a 1 MB line, data after the gzip end, deep nesting,
counts that do not match, a file that shrinks or changes between the checks and the reading.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
import tracemalloc
import zlib
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fuzzing import assert_translated, fuzz, marked_translation
from hypothesis import assume, given
from hypothesis import strategies as st
from mutations import mutated

from cplc_desk.domain.enums import THEFT_KINDS
from cplc_desk.sync import hotlist as hl
from cplc_desk.sync import keys
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError

KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"fuzz hotlist hq").digest())
HQ_RAW = keys.raw_public(KEY.public_key())
ISSUED = datetime(2026, 11, 24, 10, 0, tzinfo=timezone(timedelta(hours=5)))
CLASSES = ("MOTORCYCLE", "CAR", "RICKSHAW", "VAN")


def vehicle(rng: random.Random, n: int) -> list[Any]:
    plate = f"{rng.choice(['KHI', 'KNP', 'LEB'])}-{rng.randrange(1000, 9999)}"
    chassis = "".join(rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", k=17))
    return hl.row({
        "number": f"CLIF-V-2026-{n:06d}", "kind": rng.choice(["stolen", "snatched"]),
        "vehicle_class": rng.choice(CLASSES), "registration": plate,
        "registration_key": plate.replace("-", ""), "chassis": chassis, "chassis_key": chassis,
        "engine": None if n % 3 else f"E{n:07d}", "engine_key": None if n % 3 else f"E{n:07d}",
        "make": rng.choice(["Honda", "Suzuki", "Toyota"]), "model": "CD 70",
        "colour": rng.choice(["Red", "سفید", None]), "model_year": rng.choice([2019, None]),
        "police_station": "CLIF", "incident_at": ISSUED - timedelta(days=n, minutes=n),
        "fir_number": f"{n}/2026", "fir_date": (ISSUED - timedelta(days=n)).date(),
    })  # fmt: skip


_RNG = random.Random(7)
ROWS = [vehicle(_RNG, n) for n in range(1, 6)]
HEADER = hl.HotlistHeader(12, ISSUED, ISSUED + timedelta(days=14), "CPLC Central",
                          keys.key_id(HQ_RAW), len(ROWS))  # fmt: skip
REAL = hl.write(HEADER, ROWS, KEY)
OTHER = hl.write(replace(HEADER, sequence=13, entries=3), ROWS[1:4], KEY)
_HEAD_END = REAL.index(b"\n", len(hl.MAGIC))
MANIFEST = json.loads(json.loads(REAL[len(hl.MAGIC) : _HEAD_END])["manifest"])
TEXT = gzip.decompress(REAL[_HEAD_END + 1 :])  # the JSON lines as written

Read = tuple[hl.HotlistHeader, list[list[Any]]]


def _read(data: bytes) -> Read | SyncError:
    """Header and entries, read as the import reads them: from a file object, streamed."""
    with marked_translation():
        try:
            header, body = hl.read_header(io.BytesIO(data), HQ_RAW)
            return header, hl.entries(header, body)
        except SyncError as exc:
            assert exc.code
            assert_translated(exc.message)
            return exc


def signed(content: bytes, **changes: Any) -> bytes:
    """A hotlist whose body is ``content`` as it is, signed by headquarters' key (the manifest
    names its hash and size unless ``changes`` say otherwise)."""
    spec = {"encoding": hl.BODY_ENCODING, "sha256": hashlib.sha256(content).hexdigest(),
            "size": len(content)}  # fmt: skip
    manifest = {**MANIFEST, "body": spec, **changes}
    raw = canonical(manifest)
    outer = canonical({"manifest": raw.decode(), "signature": keys.b64(KEY.sign(raw))})
    return hl.MAGIC + outer + b"\n" + content


def lines_signed(text: bytes, entries: int) -> bytes:
    return signed(gzip.compress(text, compresslevel=6, mtime=0), entries=entries)


def _strict(text: bytes) -> list[Any] | None:
    """What the text says read one JSON value per line (a final newline allowed), or None."""
    lines = text.split(b"\n") if text else []
    if lines and lines[-1] == b"":
        lines.pop()
    try:
        return [json.loads(line) for line in lines]
    except (ValueError, RecursionError):
        return None


def _valid_entry(row: Any) -> bool:
    if type(row) is not list or len(row) != len(hl.COLUMNS):
        return False
    item = hl.as_dict(row)
    for name, value in item.items():
        if name in ("number", "kind", "vehicle_class", "police_station"):
            ok = type(value) is str and value != ""
        elif name == "model_year":
            ok = value is None or type(value) is int
        else:
            ok = value is None or type(value) is str
        if not ok:
            return False
    if (
        item["incident_at"] is not None
        and datetime.fromisoformat(item["incident_at"]).tzinfo is None
    ):
        return False
    if item["fir_date"] is not None:
        date.fromisoformat(item["fir_date"])  # raises if the reader let a wrong date through
    return item["kind"] in THEFT_KINDS


def check_signed(outcome: Read | SyncError, text: bytes | None, entries: int) -> None:
    """Signed by headquarters: refused, or entries that are valid, as many as the manifest
    says and exactly what the lines hold (or, for a spelling the line-by-line reading does not
    accept but the reader tolerates, exactly the original entries)."""
    if isinstance(outcome, SyncError):
        return
    header, rows = outcome
    assert header.entries == entries == len(rows)
    assert all(_valid_entry(r) for r in rows), rows
    assert rows == ROWS or (text is not None and _as_lines_say(rows, text)), rows


def _as_lines_say(rows: list[Any], text: bytes) -> bool:
    return bool(rows == _strict(text))


# No infinity: see test_an_infinite_number_in_the_manifest_is_refused.
finite_json = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=2**63),
              st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
              st.just(""), st.just("x" * 5000), st.just("2026-11-24T10:00:00+05:00"),
              st.just("2026-11-24T10:00:00"), st.just("2026-13-45"), st.just("stolen")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=5,
)  # fmt: skip


# ------------------------------------------------------------------ changed on the way


def test_the_real_file_reads_back() -> None:
    assert _read(REAL) == (HEADER, ROWS)
    assert _read(OTHER) == (replace(HEADER, sequence=13, entries=3), ROWS[1:4])


@fuzz(80)
@given(data=st.data())
def test_damage_on_the_way_is_refused(data: st.DataObject) -> None:
    outcome = _read(mutated(data, REAL))
    if not isinstance(outcome, SyncError):
        assert outcome == (HEADER, ROWS)


def test_parts_of_two_signed_files_mixed_are_refused() -> None:
    head_end = OTHER.index(b"\n", len(hl.MAGIC))
    ours, theirs = (
        json.loads(f[len(hl.MAGIC) : e]) for f, e in ((REAL, _HEAD_END), (OTHER, head_end))
    )
    mixed = {
        "their head, our body": OTHER[: head_end + 1] + REAL[_HEAD_END + 1 :],
        "our head, their body": REAL[: _HEAD_END + 1] + OTHER[head_end + 1 :],
        "their signature": hl.MAGIC + canonical({**ours, "signature": theirs["signature"]})
        + REAL[_HEAD_END:],
        "their manifest": hl.MAGIC + canonical({**ours, "manifest": theirs["manifest"]})
        + REAL[_HEAD_END:],
        "a newer magic": b"CPLC-HOTLIST/2\n" + REAL[len(hl.MAGIC) :],
        "no body": REAL[: _HEAD_END + 1],
        "no newline after the head": REAL[:_HEAD_END] + REAL[_HEAD_END + 1 :],
    }  # fmt: skip
    for name, data in mixed.items():
        outcome = _read(data)
        assert isinstance(outcome, SyncError), name
        assert outcome.code in ("bad_signature", "not_hotlist"), (name, outcome.code)
    # The outer object's own spelling is not signed: read as written.
    respelled = hl.MAGIC + json.dumps(ours, indent=None, separators=(" , ", " : ")).encode()
    assert _read(respelled + REAL[_HEAD_END:]) == (HEADER, ROWS)


# ------------------------------------------------------------------ signed by headquarters


@fuzz(40)
@given(data=st.data())
def test_manifest_fields_rewritten_and_signed(data: st.DataObject) -> None:
    manifest = json.loads(json.dumps(MANIFEST))
    path = data.draw(st.sampled_from([("domain",), ("format",), ("sequence",), ("issued_at",),
        ("expires_at",), ("hq",), ("hq", "name"), ("hq", "key_id"), ("entries",), ("columns",),
        ("body",), ("body", "encoding"), ("body", "size"), ("body", "sha256"), ("extra",)]))  # fmt: skip
    target = manifest
    for key in path[:-1]:
        target = target[key]
    if data.draw(st.booleans()):
        target.pop(path[-1], None)
    else:
        target[path[-1]] = data.draw(finite_json)
    assume(manifest != MANIFEST)
    raw = canonical(manifest)
    outer = canonical({"manifest": raw.decode(), "signature": keys.b64(KEY.sign(raw))})
    outcome = _read(hl.MAGIC + outer + REAL[_HEAD_END:])
    if not isinstance(outcome, SyncError):
        header = outcome[0]
        assert type(header.sequence) is int and header.sequence > 0
        assert header.issued_at.tzinfo is not None and header.expires_at.tzinfo is not None
        assert isinstance(header.hq_name, str) and header.key_id == keys.key_id(HQ_RAW)
        check_signed(outcome, TEXT, len(ROWS))


@fuzz(60)
@given(data=st.data())
def test_the_gzip_stream_changed_and_signed(data: st.DataObject) -> None:
    body = mutated(data, REAL[_HEAD_END + 1 :])
    try:
        text: bytes | None = gzip.decompress(body)
    except (OSError, EOFError, zlib.error):
        text = None
    counted = _strict(text) if text is not None else None
    entries = data.draw(st.sampled_from([len(ROWS), len(counted or ROWS)]))
    check_signed(_read(signed(body, entries=entries)), text, entries)


def change_lines(data: st.DataObject, text: bytes, around: int | None = None) -> bytes:
    """One change to the JSON lines (``around``: near that line)."""
    lines = text.split(b"\n")
    last = len(lines) - 1
    pick = st.integers(max(0, (around or 0) - 2), min(last, (around or last) + 2))
    i = data.draw(pick)
    how = data.draw(st.sampled_from(["value", "value", "row", "drop", "duplicate", "swap",
        "split", "join", "bytes", "blank", "nested", "crlf", "bom", "trailing", "long"]))  # fmt: skip
    if how == "value":
        row = json.loads(lines[i])
        row[data.draw(st.integers(0, len(row) - 1))] = data.draw(finite_json)
        lines[i] = json.dumps(row, ensure_ascii=False).encode()
    elif how == "row":
        lines[i] = json.dumps(data.draw(finite_json)).encode()
    elif how == "drop":
        lines.pop(i)
    elif how == "duplicate":
        lines.insert(data.draw(pick), lines[i])
    elif how == "swap":
        j = data.draw(pick)
        lines[i], lines[j] = lines[j], lines[i]
    elif how == "split":
        at = data.draw(st.integers(0, len(lines[i])))
        lines[i : i + 1] = [lines[i][:at], lines[i][at:]]
    elif how == "join" and i < last:
        lines[i : i + 2] = [lines[i] + lines[i + 1]]
    elif how == "bytes":
        at = data.draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:at] + data.draw(st.binary(min_size=1, max_size=8)) + lines[i][at:]
    elif how == "blank":
        lines.insert(data.draw(pick), data.draw(st.sampled_from([b"", b" ", b"\r", b"null"])))
    elif how == "nested":
        depth = data.draw(st.sampled_from([50, 5_000, 100_000]))
        row = json.loads(lines[i])
        row[data.draw(st.integers(0, len(row) - 1))] = "@"
        lines[i] = json.dumps(row).replace('"@"', "[" * depth + "]" * depth).encode()
    elif how == "crlf":
        lines = [ln + b"\r" for ln in lines]
    elif how == "bom":
        lines[0] = b"\xef\xbb\xbf" + lines[0]
    elif how == "trailing":
        lines.append(b"")
    else:  # "long": a line longer than MAX_LINE
        row = json.loads(lines[i])
        row[hl.COLUMNS.index("model")] = "M" * (hl.MAX_LINE + 1)
        lines[i] = json.dumps(row).encode()
    changed = b"\n".join(lines)
    assume(changed != text)
    return changed


@fuzz(60)
@given(data=st.data())
def test_lines_changed_and_signed(data: st.DataObject) -> None:
    text = change_lines(data, TEXT)
    entries = data.draw(st.sampled_from([len(ROWS), len(text.split(b"\n"))]))
    check_signed(_read(lines_signed(text, entries)), text, entries)


class Large:
    """A list of 6000 vehicles, its lines (more than 1 MiB) and the line holding the 1 MiB
    step at which the reader decompresses and parses."""

    def __init__(self) -> None:
        rng = random.Random(11)
        self.rows = [vehicle(rng, n) for n in range(1, 6001)]
        self.data = hl.write(replace(HEADER, entries=len(self.rows)), self.rows, KEY)
        self.text = b"\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode()
                               for r in self.rows)  # fmt: skip
        assert len(self.text) > 1 << 20
        self.step_line = self.text[: 1 << 20].count(b"\n")

    def __repr__(self) -> str:
        return "Large(6000 vehicles)"


@pytest.fixture(scope="module")
def large() -> Large:
    return Large()


@fuzz(15)
@given(data=st.data())
def test_lines_changed_across_the_decompression_step(large: Large, data: st.DataObject) -> None:
    assert gzip.decompress(large.data[large.data.index(b"\n", 15) + 1 :]) == large.text
    text = change_lines(data, large.text, around=large.step_line)
    entries = data.draw(st.sampled_from([len(large.rows), len(text.split(b"\n"))]))
    outcome = _read(lines_signed(text, entries))
    if not isinstance(outcome, SyncError):
        header, rows = outcome
        assert header.entries == entries == len(rows)
        assert rows == large.rows or _as_lines_say(rows, text)
        assert all(_valid_entry(r) for r in rows)


def test_a_large_list_reads_back(large: Large) -> None:
    outcome = _read(large.data)
    assert not isinstance(outcome, SyncError) and outcome[1] == large.rows


# ------------------------------------------------------------------ hostile, hand-made


def _refused(data: bytes, *words: str) -> SyncError:
    outcome = _read(data)
    assert isinstance(outcome, SyncError), "accepted"
    assert all(w in outcome.message for w in words), outcome.message
    return outcome


def test_a_signed_decompression_bomb_is_refused_by_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20 000 copies of one valid entry: 5 MB of lines in a few kB of gzip. Accepted as it is;
    with the cap on the decompressed size lowered to 1 MiB, refused after the first steps,
    with memory to match (the whole list is never held)."""
    line = json.dumps(ROWS[0], separators=(",", ":")).encode()
    body = gzip.compress(b"\n".join([line] * 20_000), mtime=0)
    assert len(body) < 64 << 10
    data = signed(body, entries=20_000)
    accepted = _read(data)
    assert not isinstance(accepted, SyncError) and len(accepted[1]) == 20_000
    monkeypatch.setattr(hl, "MAX_BODY", 1 << 20)
    tracemalloc.start()
    try:
        refused = _refused(data, "too large")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.code == "damaged"
    assert peak < 12 << 20, peak


def _long_line() -> bytes:
    row = hl.as_dict(ROWS[0]) | {"model": "M" * 1_000_000}
    return json.dumps(hl.row(row)).encode()


@pytest.mark.parametrize("where", ["alone", "last"])
def test_a_1_mb_line_is_refused(where: str) -> None:
    small = json.dumps(ROWS[1]).encode()
    lines = [_long_line()] if where == "alone" else [small, _long_line()]
    _refused(lines_signed(b"\n".join(lines), len(lines)), "not valid")


def test_a_1_mb_line_followed_by_another_is_refused() -> None:
    lines = [_long_line(), json.dumps(ROWS[1]).encode()]
    _refused(lines_signed(b"\n".join(lines), 2), "not valid")


def test_a_line_break_inside_a_value_is_refused() -> None:
    line = json.dumps(ROWS[0]).encode()
    text = line[:2] + b"\n" + line[2:] + b"\n" + json.dumps(ROWS[1]).encode()
    outcome = _read(lines_signed(text, 2))  # lines '["', 'CLIF-V-2026-000001", ...', '[...]'
    assert isinstance(outcome, SyncError), outcome[1][0][0]  # ',CLIF-V-2026-000001'


@pytest.mark.parametrize(
    "after",
    [b"junk", b"\0" * 8, gzip.compress(b"", mtime=0), gzip.compress(TEXT, mtime=0), b"\x1f"],
    ids=["junk", "zeros", "empty-gzip-member", "second-gzip-member", "half-a-magic"],
)
def test_data_after_the_gzip_end_is_refused(after: bytes) -> None:
    _refused(signed(gzip.compress(TEXT, mtime=0) + after), "too large or cut short")


def test_a_gzip_stream_cut_short_is_refused() -> None:
    body = gzip.compress(TEXT, mtime=0)
    for end in (0, 10, len(body) // 2, len(body) - 8, len(body) - 1):
        _refused(signed(body[:end]))


@pytest.mark.parametrize("depth", [1_000, 100_000, 1_000_000])
def test_deeply_nested_json_in_a_line_is_refused(depth: int) -> None:
    nested = b"[" * depth + b"]" * depth
    text = b"\n".join([TEXT, nested]) if depth < 100_000 else nested
    _refused(lines_signed(text, len(ROWS) + 1 if depth < 100_000 else 1), "not")


@pytest.mark.parametrize("entries", [0, len(ROWS) - 1, len(ROWS) + 1, hl.MAX_ENTRIES])
def test_an_entry_count_that_does_not_match_is_refused(entries: int) -> None:
    _refused(lines_signed(TEXT, entries), "number of vehicles")


def test_counts_beyond_the_cap_are_refused() -> None:
    for entries in (-1, hl.MAX_ENTRIES + 1, 2**63):
        _refused(lines_signed(TEXT, entries), "count")


def test_an_empty_list_is_read_and_an_empty_body_refused() -> None:
    assert _read(lines_signed(b"", 0)) == (replace(HEADER, entries=0), [])
    _refused(signed(b"", entries=0), "cut short")


def test_a_file_that_shrinks_after_its_check_is_refused(tmp_path: Any) -> None:
    path = tmp_path / hl.file_name(12)
    path.write_bytes(REAL)
    with path.open("rb") as fh:
        header, body = hl.read_header(fh, HQ_RAW)
        with path.open("r+b") as writer:
            writer.truncate(len(REAL) - 10)
        with pytest.raises(SyncError) as refused:
            hl.entries(header, body)
    assert refused.value.code in ("bad_signature", "damaged")


def test_a_file_changed_after_its_check_is_refused() -> None:
    data = signed(gzip.compress(TEXT, compresslevel=0, mtime=0))  # stored: sizes are easy
    forged = gzip.compress(TEXT.replace(b"KNP-", b"XXX-"), compresslevel=0, mtime=0)
    fh = io.BytesIO(data)
    header, body = hl.read_header(fh, HQ_RAW)
    assert body.size == len(forged)
    fh.seek(body.offset)
    fh.write(forged)  # the same size, never signed
    with pytest.raises(SyncError):
        hl.entries(header, body)


@pytest.mark.parametrize("field", ["sequence", "entries", "body"])
def test_an_infinite_number_in_the_manifest_is_refused(field: str) -> None:
    body = REAL[_HEAD_END + 1 :]
    if field == "body":
        data = signed(body, body={**MANIFEST["body"], "size": float("inf")})
    else:
        data = signed(body, **{field: float("inf")})
    _refused(data)
