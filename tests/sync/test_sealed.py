"""The one sealed-file format, through a profile made for the test: framing, header cap, and
every refusal going through the profile's own words."""

from __future__ import annotations

import io
import json
import os
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cplc_desk.domain.errors import DeskError
from cplc_desk.sync import chunked, sealed

KEY = os.urandom(32)


class Refused(DeskError):
    pass


def _refusal(code: str) -> Any:
    return lambda value: Refused(str(value), code=code)


PROFILE = sealed.Profile(
    b"TESTSEAL",
    _refusal("wrong_kind"),
    _refusal("truncated"),
    _refusal("damaged"),
    lambda problem: Refused(problem.what, code=f"chunk_{problem.kind}"),
    chunk_size=64,
)
HEADER = json.dumps({"format": 1, "name": "x"}).encode()


def _seal(plain: bytes) -> bytes:
    return sealed.seal_bytes(PROFILE, HEADER, ChaCha20Poly1305(KEY), plain)


def _parse(fields: Any, raw: bytes) -> dict[str, Any]:
    return {"name": str(fields["name"]), "raw": raw}


def _open(data: bytes, max_plain: int = 1 << 20) -> bytes:
    fh = io.BytesIO(data)
    header = sealed.read_header(fh, PROFILE, _parse)
    view = sealed.open_view(fh, PROFILE, header["raw"], ChaCha20Poly1305(KEY), max_plain)
    return sealed.read_view(view, PROFILE)


def _code(data: bytes, max_plain: int = 1 << 20) -> str:
    with pytest.raises(Refused) as info:
        _open(data, max_plain)
    return info.value.code


@pytest.mark.parametrize("size", [0, 1, 64, 65, 200])
def test_round_trip_and_layout(size: int) -> None:
    plain = os.urandom(size)
    data = _seal(plain)
    assert data[:8] == b"TESTSEAL"
    assert int.from_bytes(data[8:12], "big") == len(HEADER)
    assert data[12 : 12 + len(HEADER)] == HEADER
    assert _open(data) == plain
    fh = io.BytesIO(data)
    sealed.read_header(fh, PROFILE, _parse)
    streamed = sealed.open_stream(fh, PROFILE, HEADER, ChaCha20Poly1305(KEY))
    assert b"".join(streamed) == plain


def test_refusals_use_the_profile() -> None:
    data = _seal(os.urandom(150))
    assert _code(b"NOTSEALD" + data[8:]) == "wrong_kind"
    assert _code(data[:10]) == "truncated"
    assert _code(data[:20]) == "truncated"
    too_long = b"TESTSEAL" + (sealed.MAX_HEADER + 1).to_bytes(4, "big")
    assert _code(too_long) == "damaged"
    for raw in (b"[1]", b"{", b"1e999", b"[" * 60_000):
        assert _code(b"TESTSEAL" + len(raw).to_bytes(4, "big") + raw) == "damaged"
    assert _code(data + b"x") == f"chunk_{chunked.ChunkProblem.TRAILING}"
    assert _code(data[:-1]) == f"chunk_{chunked.ChunkProblem.TRUNCATED}"
    flipped = data[:-1] + bytes([data[-1] ^ 1])
    assert _code(flipped) == f"chunk_{chunked.ChunkProblem.UNAUTHENTIC}"
    assert _code(data, max_plain=100) == f"chunk_{chunked.ChunkProblem.TOO_LARGE}"


def test_a_changed_header_fails_to_open() -> None:
    data = _seal(b"hello")
    changed = data.replace(b'"x"', b'"y"')
    assert _code(changed) == f"chunk_{chunked.ChunkProblem.UNAUTHENTIC}"


def test_damage_reason_is_shared_wording() -> None:
    assert sealed.damage_reason(chunked.ChunkProblem(chunked.ChunkProblem.TOO_LONG))
    assert sealed.damage_reason(chunked.ChunkProblem(chunked.ChunkProblem.TRAILING))
    assert sealed.damage_reason(chunked.ChunkProblem(chunked.ChunkProblem.UNAUTHENTIC)) is None


def test_refusal_carries_its_wording_key_and_one_parameter() -> None:
    build = sealed.refusal("damaged", "snapshot.damaged", "reason")
    error = build(sealed.damage_reason(chunked.ChunkProblem(chunked.ChunkProblem.TOO_LONG)) or "")
    assert (error.code, error.say, error.params) == (
        "damaged",
        "snapshot.damaged",
        {"reason": "part_too_long"},
    )
    # The sentence is the services' wording, the reason worded inside it.
    assert error.message.startswith("The snapshot file is damaged or was changed (a part is too")
