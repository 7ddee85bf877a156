"""The hotlist file on its own: what it takes to be accepted, and what is refused."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import timedelta

import pytest

from cplc_desk.domain.clock import now_utc
from cplc_desk.sync import hotlist as hl
from cplc_desk.sync import keys
from cplc_desk.sync.container import canonical
from cplc_desk.sync.errors import SyncError

HQ = keys.new_signing_key()
HQ_RAW = keys.raw_public(HQ.public_key())


def header(sequence: int = 3, entries: int = 1, days: int = 14) -> hl.HotlistHeader:
    now = now_utc()
    return hl.HotlistHeader(
        sequence, now, now + timedelta(days=days), "HQ", keys.key_id(HQ_RAW), entries
    )


ITEM = hl.row(dict(
    number="CLIF-V-2026-000001", kind="stolen", vehicle_class="MOTORCYCLE", police_station="CLIF",
    registration="KNP-5586", registration_key="KNP5586", fir_number="87/2026",
))  # fmt: skip


def signed(manifest: dict[str, object], body: bytes, key=HQ) -> bytes:  # type: ignore[no-untyped-def]
    m = canonical(manifest)
    outer = canonical({"manifest": m.decode(), "signature": keys.b64(key.sign(m))})
    return hl.MAGIC + outer + b"\n" + body


def manifest_for(body: bytes, entries: int, **changes: object) -> dict[str, object]:
    h = header(entries=entries)
    m: dict[str, object] = {
        "domain": hl.HOTLIST_DOMAIN, "format": 1, "sequence": 3,
        "issued_at": h.issued_at.isoformat(), "expires_at": h.expires_at.isoformat(),
        "hq": {"name": "HQ", "key_id": keys.key_id(HQ_RAW)}, "entries": entries,
        "columns": list(hl.COLUMNS),
        "body": {"encoding": hl.BODY_ENCODING, "sha256": hashlib.sha256(body).hexdigest(),
                 "size": len(body)},
    }  # fmt: skip
    m.update(changes)
    return m


def test_round_trip() -> None:
    data = hl.write(header(), [ITEM], HQ)
    h, body = hl.read_header(data, HQ_RAW)
    assert (h.sequence, h.entries) == (3, 1)
    (line,) = hl.entries(h, body)
    item = hl.as_dict(line)
    assert item["registration_key"] == "KNP5586" and item["incident_at"] is None
    assert hl.write(header(), [ITEM], HQ).endswith(data[-40:])  # reproducible body


def test_another_domain_signed_by_the_same_key_is_refused() -> None:
    """An enrollment (or anything else headquarters signs) never passes for a hotlist."""
    body = gzip.compress(b"", mtime=0)
    data = signed(manifest_for(body, 0, domain="cplc-desk/enrollment/v1"), body)
    with pytest.raises(SyncError) as refused:
        hl.read_header(data, HQ_RAW)
    assert refused.value.code == "not_hotlist"


def test_an_entry_carrying_more_than_a_hotlist_may_is_refused() -> None:
    """Even signed by headquarters: a line with an owner's CNIC is not a hotlist entry."""
    line = json.dumps([*ITEM, "42101-1234567-1"]).encode()
    body = gzip.compress(line, mtime=0)
    h, b = hl.read_header(signed(manifest_for(body, 1), body), HQ_RAW)
    with pytest.raises(SyncError) as refused:
        hl.entries(h, b)
    assert refused.value.code == "damaged"


def test_other_columns_are_refused() -> None:
    body = gzip.compress(json.dumps(ITEM).encode(), mtime=0)
    data = signed(manifest_for(body, 1, columns=[*hl.COLUMNS, "owner_cnic"]), body)
    with pytest.raises(SyncError, match="newer CPLC Desk"):
        hl.read_header(data, HQ_RAW)


def test_wrong_types_and_times_are_refused() -> None:
    def lines(**changes: object) -> tuple[hl.HotlistHeader, bytes]:
        item = hl.as_dict(ITEM) | changes
        body = gzip.compress(json.dumps(hl.row(item)).encode(), mtime=0)
        return hl.read_header(signed(manifest_for(body, 1), body), HQ_RAW)

    for changes in ({"model_year": "2019"}, {"number": ""}, {"incident_at": "2026-01-01T10:00"},
                    {"fir_date": "yesterday"}, {"registration": 5}):  # fmt: skip
        with pytest.raises(SyncError, match="wrong field"):
            hl.entries(*lines(**changes))
    (ok,) = hl.entries(*lines(incident_at="2026-01-01T10:00:00+05:00", model_year=2019))
    assert hl.as_dict(ok)["model_year"] == 2019


def test_wrong_count_wrong_kind_and_foreign_key() -> None:
    body = gzip.compress(json.dumps(ITEM).encode(), mtime=0)
    h, b = hl.read_header(signed(manifest_for(body, 2), body), HQ_RAW)
    with pytest.raises(SyncError, match="number of vehicles"):
        hl.entries(h, b)
    recovered = gzip.compress(
        json.dumps(hl.row(hl.as_dict(ITEM) | {"kind": "recovered"})).encode(), mtime=0
    )
    h, b = hl.read_header(signed(manifest_for(recovered, 1), recovered), HQ_RAW)
    with pytest.raises(SyncError, match="not a theft"):
        hl.entries(h, b)
    other = keys.new_signing_key()
    with pytest.raises(SyncError) as refused:
        hl.read_header(hl.write(header(), [ITEM], other), HQ_RAW)
    assert refused.value.code == "foreign"


def test_a_signature_by_another_key_claiming_ours_is_refused() -> None:
    body = gzip.compress(b"", mtime=0)
    data = signed(manifest_for(body, 0), body, key=keys.new_signing_key())
    with pytest.raises(SyncError) as refused:
        hl.read_header(data, HQ_RAW)
    assert refused.value.code == "bad_signature"


def test_expiry() -> None:
    hl.check_expiry(header(days=1), now_utc())
    with pytest.raises(SyncError) as refused:
        hl.check_expiry(header(days=1), now_utc() + timedelta(days=2))
    assert refused.value.code == "expired"


def test_file_names_sort_by_sequence() -> None:
    names = [hl.file_name(n) for n in (9, 10, 100, 2)]
    assert sorted(names) == [hl.file_name(n) for n in (2, 9, 10, 100)]


# ------------------------------------------------------------------ handsets (format 2)

PHONE = hl.phone_row(dict(
    number="CLIF-P-2026-00001", kind="snatched", status="open", imei="490154203237518",
    imei2="356938035643809", imei_altered=False, make="Samsung", police_station="CLIF",
))  # fmt: skip


def test_handsets_follow_the_vehicles_and_read_back_as_handsets() -> None:
    data = hl.write(header(entries=1), [ITEM], HQ, [PHONE, PHONE])
    h, body = hl.read_header(data, HQ_RAW)
    assert (h.entries, h.phones) == (1, 2)
    assert [what for what, _line in hl.iter_lines(h, body)] == [hl.VEHICLE, hl.PHONE, hl.PHONE]
    assert hl.entries(h, body) == [ITEM]
    (first, _second) = hl.phones(h, body)
    assert hl.phone_as_dict(first)["imei2"] == "356938035643809"


def test_a_format_1_file_is_read_as_holding_no_handsets() -> None:
    body = gzip.compress(json.dumps(ITEM).encode(), mtime=0)
    h, b = hl.read_header(signed(manifest_for(body, 1), body), HQ_RAW)
    assert (h.entries, h.phones) == (1, 0) and hl.entries(h, b) == [ITEM]


def format_2(lines: list[object], entries: int, phones: int, **changes: object) -> bytes:
    body = gzip.compress("\n".join(json.dumps(x) for x in lines).encode(), mtime=0)
    fields: dict[str, object] = {"format": 2, "phones": phones,
                                 "phone_columns": list(hl.PHONE_COLUMNS)}  # fmt: skip
    manifest = manifest_for(body, entries, **(fields | changes))
    return signed(manifest, body)


def test_newer_formats_and_other_handset_columns_are_refused() -> None:
    for changes in ({"format": 3}, {"format": "2"}, {"format": True},
                    {"phone_columns": [*hl.PHONE_COLUMNS, "sim_number"]}):  # fmt: skip
        with pytest.raises(SyncError, match="newer CPLC Desk"):
            hl.read_header(format_2([ITEM, PHONE], 1, 1, **changes), HQ_RAW)
    with pytest.raises(SyncError, match="newer CPLC Desk"):  # format 2 names its handsets
        body = gzip.compress(json.dumps(ITEM).encode(), mtime=0)
        hl.read_header(signed(manifest_for(body, 1, format=2, phones=0), body), HQ_RAW)


def test_a_wrong_handset_line_or_count_is_refused() -> None:
    def read(lines: list[object], entries: int = 1, phones: int = 1) -> None:
        hl.entries(*hl.read_header(format_2(lines, entries, phones), HQ_RAW))

    read([ITEM, PHONE])
    as_dict = hl.phone_as_dict(PHONE)
    for changes in ({"imei": "49015420323751"}, {"imei": "49015420323751x"},
                    {"imei2": 490154203237518}, {"imei_altered": 0}, {"status": ""},
                    {"incident_at": "2026-01-01T10:00"}, {"imei": "٤٩٠١٥٤٢٠٣٢٣٧٥١٨"}):  # fmt: skip
        with pytest.raises(SyncError, match="wrong field"):
            read([ITEM, hl.phone_row(as_dict | changes)])
    with pytest.raises(SyncError, match="not a theft"):
        read([ITEM, hl.phone_row(as_dict | {"kind": "found"})])
    with pytest.raises(SyncError, match="not a hotlist entry"):
        read([ITEM, [*PHONE, "42101-1234567-1"]])  # an owner's CNIC added
    with pytest.raises(SyncError, match="not a hotlist entry"):
        read([PHONE, ITEM])  # a handset where a vehicle belongs
    with pytest.raises(SyncError, match="number of vehicles or handsets"):
        read([ITEM, PHONE, PHONE])
    with pytest.raises(SyncError, match="number of vehicles or handsets"):
        read([ITEM, PHONE], phones=2)
