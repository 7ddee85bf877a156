"""Handsets in the hotlist on real desks: headquarters writes Clifton's open phone thefts into
it, Saddar imports it and its handset check and recovery match answer from it (exact and one
digit off); Saddar still takes a hotlist from before the handsets, and refuses a newer format."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hotlist_desks import Desks, make_desks, vehicle
from sqlalchemy import func, select

from cplc_desk.domain import imei
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.services.phones import phones
from cplc_desk.services.vehicles import hotlist, hotlist_rows
from cplc_desk.storage.models import HotlistPhone, PhoneReport
from cplc_desk.sync import hotlist as hotlist_file
from cplc_desk.sync import keys
from cplc_desk.sync.container import canonical

SAMSUNG = "490154203237518"
SECOND = "356938035643809"  # the same handset's second SIM
TECNO = "35391805412421" + imei.check_digit("35391805412421")
RECOVERED = "35209900176148" + imei.check_digit("35209900176148")


def phone(
    ctx: DeskContext, kind: str, first: str, second: str = "", station: str = "CLIF", **more: object
) -> str:
    theft = kind in ("stolen", "snatched")
    values: dict[str, object] = {
        "kind": kind, "imei": first, "imei2": second, "make": "Samsung", "model": "A52",
        "colour": "Black", "police_station": station,
        "sim_number": "0300-7654321" if theft else "",
        "owner": PersonDraft(name="Ayesha Siddiqui", cnic="42101-7654321-1", mobile="0300-7654321",
                             address="Flat 4, Block 2, Clifton") if theft else PersonDraft(),
    }  # fmt: skip
    values.update(more)
    return phones.register_phone_report(ctx, PhoneReportDraft(**values)).number  # type: ignore[arg-type]


@pytest.fixture
def desks(tmp_path: Path, template_store: Path) -> Iterator[Desks]:
    d = make_desks(tmp_path, template_store)
    vehicle(d.clifton, "stolen", "KNP-5586", "KA-1234567", "JL1P50123")
    phone(d.clifton, "snatched", SAMSUNG, SECOND)
    phone(d.clifton, "stolen", TECNO, make="Tecno", model="Spark 10")
    phone(d.clifton, "recovered", RECOVERED)  # not a theft: not in the hotlist
    d.send()
    yield d
    d.close()


def export(d: Desks) -> Path:
    return hotlist.export_hotlist(d.hq, d.root / "stick").path


def hq_public(d: Desks) -> bytes:
    return keys.raw_public(keys.load_ed25519(d.hq.paths.keys / keys.HQ_SIGNING).public_key())


def test_the_hotlist_carries_open_handset_thefts_without_their_owners(desks: Desks) -> None:
    written = hotlist.export_hotlist(desks.hq, desks.root / "stick")
    assert (written.entries, written.phones) == (1, 2)
    header, body = hotlist_file.read_header(written.path.read_bytes(), hq_public(desks))
    assert (header.entries, header.phones) == (1, 2)
    handsets = [hotlist_file.phone_as_dict(line) for line in hotlist_file.phones(header, body)]
    assert {(h["imei"], h["imei2"]) for h in handsets} == {(SAMSUNG, SECOND), (TECNO, None)}
    assert {(h["kind"], h["status"], h["police_station"]) for h in handsets} == {
        ("snatched", "open", "CLIF"), ("stolen", "open", "CLIF")
    }  # fmt: skip
    text = gzip.decompress(written.path.read_bytes().split(b"\n", 2)[2]).decode()
    for personal in ("Ayesha", "42101", "7654321", "Block 2"):
        assert personal not in text


def test_a_station_checks_a_handset_reported_at_another_station(desks: Desks) -> None:
    assert phones.verify_phone(desks.saddar, SECOND).result == "none"
    imported = hotlist.import_hotlist(desks.saddar, export(desks))
    assert (imported.entries, imported.phones) == (1, 2)
    held = hotlist.held(desks.saddar)
    assert held is not None and held.phones == 2
    assert hotlist.status_dict(desks.saddar)["phones"] == 2  # type: ignore[index]

    check = phones.verify_phone(desks.saddar, SECOND)  # the report's second IMEI
    assert (check.result, check.exit_code) == ("stolen", 3)
    (hit,) = check.reports
    assert (hit.source, hit.imei, hit.imei2, hit.police_station) == ("hotlist", SAMSUNG, SECOND,
                                                                      "CLIF")  # fmt: skip
    assert hit.id == "hotlist:" + hit.number and hit.number.startswith("CLIF-P-")
    assert check.hotlist is not None and (check.hotlist.sequence, check.hotlist.entries) == (1, 2)
    assert check.hotlist.issued_at == imported.issued_at and not check.hotlist.expired

    slip = TECNO[:9] + str((int(TECNO[9]) + 3) % 10) + TECNO[10:]
    near = phones.verify_phone(desks.saddar, slip)
    assert near.result == "near" and not near.valid
    assert [(r.imei, r.found, r.source) for r in near.near] == [(TECNO, "one_digit", "hotlist")]
    # The desk's own knowledge still comes first and is marked so.
    assert phones.verify_phone(desks.saddar, RECOVERED).result == "none"


def test_a_recovered_handset_at_a_station_is_offered_the_hotlist_theft(desks: Desks) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    found = phone(desks.saddar, "found", SECOND, station="SADD")  # its first IMEI is their second
    with desks.saddar.store.read() as s:
        found_id = s.scalar(select(PhoneReport.id).where(PhoneReport.number == found))
    assert found_id is not None
    (candidate,) = phones.candidates_for(desks.saddar, found_id)
    assert candidate.source == "hotlist" and candidate.imei2 == SECOND
    with pytest.raises(ServiceError, match="registered at another station"):
        phones.confirm_match(desks.saddar, found_id, candidate.id)


def test_the_desks_own_report_outranks_its_hotlist_copy(desks: Desks) -> None:
    hotlist.import_hotlist(desks.clifton, export(desks))
    check = phones.verify_phone(desks.clifton, SAMSUNG)
    assert [r.source for r in check.reports] == ["local"]


def test_a_newer_hotlist_replaces_the_handsets_whole(desks: Desks) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    with desks.clifton.unit_of_work() as s:  # Clifton closes the Tecno's report
        row = s.scalar(select(PhoneReport).where(PhoneReport.imei == TECNO))
        assert row is not None
        row.status = "recovered"
    desks.send()
    again = hotlist.import_hotlist(desks.saddar, export(desks))
    assert (again.phones, again.replaced) == (1, 1)
    with desks.saddar.store.read() as s:
        assert s.scalar(select(func.count()).select_from(HotlistPhone)) == 1
    assert phones.verify_phone(desks.saddar, TECNO).result == "none"


def _signed(d: Desks, manifest: dict[str, object], lines: list[list[object]]) -> bytes:
    body = gzip.compress("\n".join(json.dumps(x) for x in lines).encode(), mtime=0)
    manifest["body"] = {"encoding": hotlist_file.BODY_ENCODING,
                        "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}  # fmt: skip
    raw = canonical(manifest)
    key = keys.load_ed25519(d.hq.paths.keys / keys.HQ_SIGNING)
    outer = canonical({"manifest": raw.decode(), "signature": keys.b64(key.sign(raw))})
    return hotlist_file.MAGIC + outer + b"\n" + body


def _manifest(path: Path) -> tuple[dict[str, object], list[list[object]], list[list[object]]]:
    data = path.read_bytes()
    head, body = data.split(b"\n", 2)[1:]
    manifest = json.loads(json.loads(head)["manifest"])
    lines = [json.loads(x) for x in gzip.decompress(body).split(b"\n")]
    n = manifest["entries"]
    return manifest, lines[:n], lines[n:]


def test_a_hotlist_from_before_the_handsets_is_still_read(desks: Desks) -> None:
    manifest, vehicles, _handsets = _manifest(export(desks))
    for name in ("phones", "phone_columns"):
        del manifest[name]
    manifest |= {"format": 1, "sequence": 7}
    old = desks.root / "hotlist-000007.cplchot"
    old.write_bytes(_signed(desks, manifest, vehicles))
    imported = hotlist.import_hotlist(desks.saddar, old)
    assert (imported.sequence, imported.entries, imported.phones) == (7, 1, 0)
    assert phones.verify_phone(desks.saddar, SAMSUNG).result == "none"
    assert phones.verify_phone(desks.saddar, SAMSUNG).hotlist is not None


def test_a_hotlist_of_a_newer_format_is_refused_and_the_held_one_stays(desks: Desks) -> None:
    hotlist.import_hotlist(desks.saddar, export(desks))
    manifest, vehicles, handsets = _manifest(export(desks))
    for changes in ({"format": 3}, {"phone_columns": [*hotlist_file.PHONE_COLUMNS, "sim"]}):
        newer = desks.root / "hotlist-000009.cplchot"
        newer.write_bytes(_signed(desks, {**manifest, **changes, "sequence": 9},
                                  vehicles + handsets))  # fmt: skip
        with pytest.raises(ServiceError, match="written by a newer CPLC Desk"):
            hotlist.import_hotlist(desks.saddar, newer)
    held = hotlist.held(desks.saddar)
    assert held is not None and (held.sequence, held.phones) == (1, 2)


def test_a_handset_line_carrying_more_is_refused(desks: Desks) -> None:
    manifest, vehicles, handsets = _manifest(export(desks))
    for bad in ([*handsets[0], "0300-7654321"], [*handsets[0][:3], "4901542", *handsets[0][4:]],
                [*handsets[0][:1], "recovered", *handsets[0][2:]]):  # fmt: skip
        forged = desks.root / "hotlist-000005.cplchot"
        forged.write_bytes(_signed(desks, {**manifest, "sequence": 5}, [*vehicles, bad,
                                                                        handsets[1]]))  # fmt: skip
        with pytest.raises(ServiceError, match="not valid"):
            hotlist.import_hotlist(desks.saddar, forged)
    assert hotlist.held(desks.saddar) is None


def _handsets(n: int) -> Iterator[tuple[str, list[object]]]:
    for i in range(1, n + 1):
        yield hotlist_file.PHONE, hotlist_file.phone_row({
            "number": f"CLIF-P-2026-{i:06d}", "kind": "stolen", "status": "open",
            "imei": f"{i:015d}", "imei2": f"{i + 10**9:015d}", "imei_altered": False,
            "make": "Samsung", "model": "Galaxy A52", "colour": "Black", "police_station": "CLIF",
        })  # fmt: skip


def _store(template_store: Path, db: Path, n: int, batch: int) -> tuple[dict[str, int], int]:
    """Store ``n`` handset lines into a fresh copy of the store; the counts and the peak of
    Python memory while doing it."""
    from cplc_desk.storage.db import make_engine, sqlite_url

    db.write_bytes(template_store.read_bytes())
    engine = make_engine(sqlite_url(db))
    try:
        with engine.begin() as conn:
            tracemalloc.start()
            try:
                counts = hotlist_rows.store_lines(conn, _handsets(n), batch_size=batch)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    finally:
        engine.dispose()
    return counts, peak


def test_lines_are_stored_in_batches_with_ids_per_table(
    tmp_path: Path, template_store: Path
) -> None:
    counts, _peak = _store(template_store, tmp_path / "a.sqlite3", 11, batch=4)
    assert counts == {hotlist_file.VEHICLE: 0, hotlist_file.PHONE: 11}
    con = sqlite3.connect(tmp_path / "a.sqlite3")
    rows = con.execute("SELECT id, imei FROM hotlist_phone ORDER BY id").fetchall()
    con.close()
    assert rows == [(n, f"{n:015d}") for n in range(1, 12)]


def test_a_long_list_is_stored_in_bounded_memory(tmp_path: Path, template_store: Path) -> None:
    """Memory follows the batch, not the list: 40,000 handsets in batches of 1,000 take a
    fraction of what they take in one batch (bench/phone_hotlist.py measures the whole import:
    the same peak at 100,000 and 200,000)."""
    n = 40_000
    counts, batched = _store(template_store, tmp_path / "a.sqlite3", n, batch=1_000)
    assert counts[hotlist_file.PHONE] == n
    _counts, whole = _store(template_store, tmp_path / "b.sqlite3", n, batch=n)
    assert batched * 8 < whole, (batched, whole)
