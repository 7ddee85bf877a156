"""Fuzzing the enrollment file reader: a real file from headquarters, changed on the way (bytes
flipped, cut, added) or rewritten field by field and signed again with headquarters' own key, is
either read as a valid enrollment or refused with a SyncError saying what to do; a station desk
given such a file through the service is refused with a ServiceError and stays as it was."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fuzzing import assert_translated, fuzz, marked_translation
from hypothesis import assume, given
from hypothesis import strategies as st

from cplc_desk.domain.clock import now_utc
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, ServiceError, open_desk
from cplc_desk.services.hq import sync_hq
from cplc_desk.services.station import sync_station
from cplc_desk.sync import enrollment, keys
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError


class Real:
    def __init__(self, data: bytes, hq_key: Any) -> None:
        self.data, self.hq_key = data, hq_key

    def __repr__(self) -> str:
        return "Real(CLIF enrollment)"


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Real:
    root = tmp_path_factory.mktemp("fuzz-enroll")
    hq = open_desk(DeskPaths(root / "hq"), actor=Actor("admin"))
    try:
        setup.init_hq(hq, "CPLC Central")
        path = sync_hq.enroll_station(hq, "CLIF", root / "clif.cplcenroll")
    finally:
        hq.close()
    return Real(path.read_bytes(), keys.load_ed25519(DeskPaths(root / "hq").keys / keys.HQ_SIGNING))


def _read(data: bytes) -> enrollment.Enrollment | SyncError:
    with marked_translation():
        try:
            return enrollment.read(data, now_utc())
        except SyncError as exc:
            assert exc.code
            assert_translated(exc.message)
            return exc


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=20), st.just("2999-01-01T00:00:00+00:00"), st.just("2999-01-01T00:00:00"),
              st.just("not a date")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)  # fmt: skip


@fuzz(60)
@given(data=st.data())
def test_damage_on_the_way_is_refused(real: Real, data: st.DataObject) -> None:
    raw = real.data
    how = data.draw(st.sampled_from(["flip", "cut", "append", "bytes"]))
    if how == "flip":
        at = data.draw(st.integers(0, len(raw) - 1))
        changed = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
    elif how == "cut":
        changed = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "append":
        changed = raw + data.draw(st.binary(min_size=1, max_size=70_000))
    else:
        changed = data.draw(st.binary(max_size=500))
    outcome = _read(changed)
    if not isinstance(outcome, SyncError):
        # Only a change JSON does not see (white space after the object) may be read.
        assert json.loads(changed) == json.loads(raw)


@fuzz(80)
@given(data=st.data())
def test_fields_rewritten_and_signed_by_headquarters(real: Real, data: st.DataObject) -> None:
    outer = json.loads(real.data)
    body = json.loads(outer["enrollment"])
    path = data.draw(st.sampled_from([("enrollment_id",), ("station",), ("station", "code"),
        ("station", "name"), ("station", "district"), ("hq",), ("hq", "name"),
        ("hq", "signing_key"), ("hq", "encryption_key"), ("secret",), ("issued_at",),
        ("expires_at",), ("domain",), ("history",)]))  # fmt: skip
    target = body
    for key in path[:-1]:
        target = target[key]
    if data.draw(st.booleans()):
        target.pop(path[-1], None)
    elif path[-1] in ("issued_at", "expires_at"):
        target[path[-1]] = data.draw(st.one_of(st.sampled_from(["2999-01-01T00:00:00",
            "2999-01-01", "2999-01-01T00:00:00+05:00", "yesterday", ""]), json_values))  # fmt: skip
    else:
        target[path[-1]] = data.draw(json_values)
    assume(body != json.loads(outer["enrollment"]))
    signed = canonical(body)
    outer = {"enrollment": signed.decode(), "signature": keys.b64(real.hq_key.sign(signed))}
    outcome = _read(canonical(outer))
    if isinstance(outcome, enrollment.Enrollment):
        # Headquarters signed it: read, with every field of the type the desk relies on.
        assert all(isinstance(getattr(outcome, f), str) for f in (
            "enrollment_id", "station_code", "station_name", "hq_name", "secret"))  # fmt: skip
        assert type(outcome.last_sequence) is int and outcome.last_sequence >= 0
        assert outcome.expires_at > now_utc() - timedelta(days=1)


@fuzz(30)
@given(data=st.data())
def test_a_station_desk_refuses_a_bad_file_and_stays_as_it_was(
    real: Real, data: st.DataObject
) -> None:
    raw = real.data
    at = data.draw(st.integers(0, len(raw) - 1))
    changed = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
    assume(isinstance(_read(changed), SyncError))
    folder = Path(tempfile.mkdtemp(prefix="fuzz-enroll-"))
    try:
        (folder / "file.cplcenroll").write_bytes(changed)
        desk = open_desk(DeskPaths(folder / "clif"), actor=Actor("volunteer"))
        try:
            with marked_translation(), pytest.raises(ServiceError) as info:
                sync_station.enroll_from_file(desk, folder / "file.cplcenroll")
            assert_translated(str(info.value))
            assert desk.identity() is None
            assert not (desk.paths.keys / keys.STATION_SIGNING).exists()
        finally:
            desk.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_station_history_travels_signed(real: Real) -> None:
    body = json.loads(json.loads(real.data)["enrollment"])
    assert "history" not in body  # a station headquarters never heard from: as before
    assert enrollment.read(real.data, now_utc()).last_sequence == 0
    for history, expected in (({"last_sequence": 7}, 7), ({}, 0), (None, 0),
                              ({"last_sequence": -1}, None), ({"last_sequence": "7"}, None),
                              ({"last_sequence": True}, None), ([7], None)):  # fmt: skip
        signed = canonical({**body, "history": history})
        data = canonical(
            {"enrollment": signed.decode(), "signature": keys.b64(real.hq_key.sign(signed))}
        )
        outcome = _read(data)
        if expected is None:
            assert isinstance(outcome, SyncError) and outcome.code == "bad_enrollment", history
        else:
            assert isinstance(outcome, enrollment.Enrollment) and outcome.last_sequence == expected
