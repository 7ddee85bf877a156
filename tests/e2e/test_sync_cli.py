"""Three station desks and headquarters, each in its own data dir, syncing over one USB stick;
headquarters on a SQLite file and on a PostgreSQL server (tests/e2e/hq_store.py).

Everything runs through the real ``cplc-desk`` command in subprocesses, as volunteers and
headquarters staff run it; records are added with CSV imports (command line) and with the
record services (in process, the desk closed again before the next command).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hq_store import HqStore
from sync import craft
from sync_desks import (
    CSV,
    cli,
    copy_desk,
    edit_narrative,
    enroll,
    export,
    import_bundles,
    in_parallel,
    join,
    ok,
    query,
    record_counts,
    register,
    stats,
)

from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.services.hq import conflicts
from cplc_desk.sync import container

STATIONS = ("CLIF", "SADD", "FERO")
EDITED = (
    "Went to the police station twice; after CPLC called the SHO, FIR 233/2024 was registered "
    "and the complainant was informed."
)


@dataclass
class Network:
    hq: Path
    desks: dict[str, Path]
    bundles: dict[tuple[str, int], Path]
    stick: Path
    edited_id: str
    station_stats: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory, hq_store: HqStore) -> Network:
    root = tmp_path_factory.mktemp("sync-cli")
    hq = hq_store.init_hq(root / "hq")
    enrollments = in_parallel(*(partial(enroll, hq, code, root) for code in STATIONS))
    desks = {code: root / code.lower() for code in STATIONS}

    def export_next(code: str) -> tuple[tuple[str, int], Path]:
        result = export(desks[code], root / f"out-{code.lower()}")
        assert not result["nothing_new"], result
        return (code, result["sequence"]), Path(result["path"])

    def clifton() -> tuple[list[tuple[tuple[str, int], Path]], str]:
        """Its old register, then complaints and vehicles at the desk, then one edit."""
        join(enrollments[0], "CLIF", desks["CLIF"])
        ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=desks["CLIF"])
        made = [export_next("CLIF")]
        register(desks["CLIF"], complaints=4, vehicles=2, seed=11)
        made.append(export_next("CLIF"))
        ((number,),) = query(
            desks["CLIF"], "SELECT number FROM complaint WHERE legacy_ref = 'REG-2024-101'"
        )
        edited_id = edit_narrative(desks["CLIF"], number, EDITED)
        made.append(export_next("CLIF"))
        return made, edited_id

    def saddar() -> list[tuple[tuple[str, int], Path]]:
        """Two legacy registers, one bundle each."""
        join(enrollments[1], "SADD", desks["SADD"])
        ok("import-csv", "vehicles", CSV / "vehicles_good.csv", data_dir=desks["SADD"])
        made = [export_next("SADD")]
        ok("import-csv", "complaints", CSV / "complaints_semicolon.csv", data_dir=desks["SADD"])
        return [*made, export_next("SADD")]

    def ferozabad() -> list[tuple[tuple[str, int], Path]]:
        """Desk registrations only."""
        join(enrollments[2], "FERO", desks["FERO"])
        register(desks["FERO"], complaints=3, vehicles=3, seed=12)
        made = [export_next("FERO")]
        register(desks["FERO"], complaints=2, vehicles=1, seed=13)
        return [*made, export_next("FERO")]

    (clif, edited_id), sadd, fero = in_parallel(clifton, saddar, ferozabad)  # type: ignore[misc]
    bundles = dict([*clif, *sadd, *fero])

    # One stick for everything, plus copies a volunteer made "just in case".
    stick = root / "stick"
    (stick / "old").mkdir(parents=True)
    for path in bundles.values():
        shutil.copy2(path, stick / path.name)
    shutil.copy2(bundles[("CLIF", 1)], stick / "CLIF bundle (copy).cplcbundle")
    shutil.copy2(bundles[("FERO", 1)], stick / "FERO-again.cplcbundle")
    shutil.copy2(bundles[("SADD", 2)], stick / "old" / "sadd 2.cplcbundle")
    station_stats = dict(
        zip(STATIONS, in_parallel(*(partial(stats, desks[c]) for c in STATIONS)), strict=True)
    )
    return Network(hq, desks, bundles, stick, edited_id, station_stats)


def by_bundle(outcomes: list[dict[str, Any]]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    found: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for o in outcomes:
        found.setdefault((o["station"], o["sequence"]), []).append(o)
    return found


def test_bundles_from_three_stations_merge_at_hq_in_any_order(network: Network) -> None:
    hq, b = network.hq, network.bundles
    report: list[dict[str, Any]] = []  # every outcome of every import, in order

    # 1. Later bundles arrive first: held, naming the ones still missing.
    code, held = import_bundles(hq, b[("FERO", 2)], b[("CLIF", 3)])
    assert code == 0
    assert [(o["station"], o["sequence"], o["status"], o["missing"]) for o in held] == [
        ("FERO", 2, "held", [1]),
        ("CLIF", 3, "held", [1, 2]),
    ]
    assert "1, 2" in held[1]["message"]
    report += held

    # 2. A second stick, shuffled, one file under another name.
    second = [b[("CLIF", 1)], network.stick / "FERO-again.cplcbundle", b[("SADD", 2)]]
    random.Random(1102).shuffle(second)
    code, outcomes = import_bundles(hq, *second)
    assert code == 0
    seen = by_bundle(outcomes)
    assert seen[("CLIF", 1)][0]["status"] == "accepted"
    assert seen[("FERO", 1)][0]["status"] == "accepted"
    assert [o["status"] for o in seen[("SADD", 2)]] == ["held"]
    assert seen[("SADD", 2)][0]["missing"] == [1]
    # The gap before FERO 2 is filled: it is applied at once, and the report says so.
    assert [o["status"] for o in seen[("FERO", 2)]] == ["accepted"]
    assert ("CLIF", 3) not in seen  # still waits for CLIF 2
    report += outcomes
    status = {s["code"]: s for s in ok("sync-status", "--json", data_dir=hq).json()}
    assert (status["CLIF"]["last_sequence"], status["CLIF"]["held"]) == (1, [3])
    assert status["CLIF"]["missing"] == [2]
    assert (status["FERO"]["last_sequence"], status["FERO"]["held"]) == (2, [])
    # Without --json, a table a person reads (no JSON): a station's row says what waits.
    table = ok("sync-status", data_dir=hq).stdout
    assert "{" not in table and table.splitlines()[0].startswith("Station")
    clif = next(line for line in table.splitlines() if line.startswith("CLIF "))
    assert " 3 " in f" {clif} " and " 2 " in f" {clif} "  # bundle 3 held, 2 missing

    # 3. The whole stick at once: the rest arrives, held bundles follow, copies change nothing.
    code, outcomes = import_bundles(hq, network.stick)
    assert code == 0
    assert len([o for o in outcomes if not o["file"].startswith("held:")]) == 10
    report += outcomes
    seen = by_bundle(outcomes)
    assert [o["status"] for o in seen[("CLIF", 2)]] == ["accepted"]
    assert "accepted" in [o["status"] for o in seen[("CLIF", 3)]]
    assert "accepted" in [o["status"] for o in seen[("SADD", 2)]]
    assert {o["status"] for o in outcomes} == {"accepted", "already_imported"}

    # 4. And again: nothing new.
    code, outcomes = import_bundles(hq, network.stick)
    assert code == 0
    assert {o["status"] for o in outcomes} == {"already_imported"}
    assert len(outcomes) == 10

    # Each bundle was accepted exactly once, whatever the route.
    accepted = Counter((o["station"], o["sequence"]) for o in report if o["status"] == "accepted")
    assert accepted == Counter(b.keys())

    # Headquarters holds exactly what the stations hold, no more, no less.
    totals: dict[str, Counter[str]] = {"complaints": Counter(), "vehicle_reports": Counter()}
    for desk_stats in network.station_stats.values():
        for kind, counts in record_counts(desk_stats).items():
            totals[kind] += counts
    assert record_counts(stats(hq)) == totals
    assert totals["complaints"]["total"] == 6 + 4 + 3 + 3 + 2
    assert totals["vehicle_reports"]["total"] == 6 + 2 + 3 + 1

    # The edit travelled as an update of the record HQ already had.
    (edit,) = [
        o for o in report if (o["station"], o["sequence"], o["status"]) == ("CLIF", 3, "accepted")
    ]
    assert edit["counts"]["updated"] >= 1
    assert edit["counts"]["conflicts"] == 0
    assert query(
        hq, "SELECT narrative, version FROM complaint WHERE id = ?", network.edited_id
    ) == [(EDITED, 2)]

    # Every station is up to date; nothing waits.
    status = {s["code"]: s for s in ok("sync-status", "--json", data_dir=hq).json()}
    for code_, seq in b:
        assert status[code_]["last_sequence"] >= seq
        assert (status[code_]["held"], status[code_]["missing"]) == ([], [])
        assert status[code_]["key_status"] == "active"
    check = ok("check", data_dir=hq)
    assert "healthy" in check.stdout


@pytest.mark.sqlite_hq  # the station's side, or no more of the store than the others
def test_export_with_nothing_new_says_so_and_again_writes_the_same_bytes(
    network: Network, tmp_path: Path
) -> None:
    clif = network.desks["CLIF"]

    nothing = export(clif, tmp_path / "nothing")

    assert nothing["nothing_new"] is True
    assert nothing["path"] is None
    assert "Nothing changed since bundle 3" in nothing["message"]
    assert not (tmp_path / "nothing").exists() or not any((tmp_path / "nothing").iterdir())

    last = export(clif, tmp_path / "again", "--again")
    first = export(clif, tmp_path / "again-1", "--again", "1")

    assert Path(last["path"]).read_bytes() == network.bundles[("CLIF", 3)].read_bytes()
    assert Path(first["path"]).read_bytes() == network.bundles[("CLIF", 1)].read_bytes()
    assert Path(last["path"]).name == network.bundles[("CLIF", 3)].name
    # Writing a bundle again is bookkeeping, not news: still nothing to send.
    assert export(clif, tmp_path / "still-nothing")["nothing_new"] is True


@pytest.mark.sqlite_hq  # the station's side, or no more of the store than the others
def test_bundle_signature_checks_out_with_openssl(network: Network, tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    bundle = network.bundles[("SADD", 1)]
    out = tmp_path / "opened"
    # Its key is bound once the bundle was imported (earlier in this file, or here when this
    # test runs alone: importing it again changes nothing).
    assert import_bundles(network.hq, bundle)[0] == 0

    run = ok("open-bundle", bundle, "--out", out, data_dir=network.hq)

    manifest_file = out / container.MANIFEST
    manifest = json.loads(manifest_file.read_bytes())
    key_file = out / f"station-SADD-{manifest['key_id']}.pem"
    assert str(key_file) in run.stdout
    assert key_file.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")

    def verify(manifest_path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [openssl, "pkeyutl", "-verify", "-pubin", "-inkey", str(key_file), "-rawin",
             "-in", str(manifest_path), "-sigfile", str(out / container.SIGNATURE)],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip

    good = verify(manifest_file)
    assert good.returncode == 0, good.stderr
    assert "Signature Verified Successfully" in good.stdout
    # The signed manifest names every other part by hash: the whole content is covered.
    for name in container.DATA_MEMBERS:
        data = (out / name).read_bytes()
        assert manifest["members"][name] == {
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
    assert manifest["station"] == "SADD"
    assert manifest["sequence"] == 1

    changed = tmp_path / "changed.json"
    raw = bytearray(manifest_file.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    changed.write_bytes(bytes(raw))
    bad = verify(changed)
    assert bad.returncode != 0
    assert "Signature Verified Successfully" not in bad.stdout


@pytest.mark.sqlite_hq  # the station's side, or no more of the store than the others
def test_verify_bundle_reports_the_station_and_key(network: Network) -> None:
    run = cli("verify-bundle", network.bundles[("FERO", 1)], "--json", data_dir=network.hq)
    assert run.returncode == 0, run.stderr
    verdict = run.json()
    assert verdict["ok"] is True
    assert (verdict["station"], verdict["sequence"]) == ("FERO", 1)
    assert verdict["key_status"] in ("bound", "new_enrolled")


@pytest.fixture
def hq(network: Network, hq_store: HqStore, tmp_path: Path) -> Iterator[Path]:
    """A copy of headquarters for one test (on a server, a copy of its database)."""
    copy = hq_store.copy(network.hq, tmp_path / "hq")
    yield copy
    hq_store.drop(copy)


def test_a_re_enrolled_desk_s_bundles_are_accepted_in_any_order(
    network: Network, hq: Path, tmp_path: Path
) -> None:
    """Clifton gets a new key (re-enrolled on the same data, say after a repair) with one
    bundle signed by its old key still on the way: the new key's first bundle arrives first."""
    clif = copy_desk(network.desks["CLIF"], tmp_path / "clif")
    code, _ = import_bundles(hq, *(network.bundles[("CLIF", n)] for n in (1, 2, 3)))
    assert code == 0
    register(clif, complaints=1, vehicles=0, seed=21)
    old_key = Path(export(clif, tmp_path / "stick")["path"])
    join(enroll(hq, "CLIF", tmp_path), "CLIF", clif)
    register(clif, complaints=1, vehicles=1, seed=22)
    new_key = Path(export(clif, tmp_path / "stick")["path"])

    code, outcomes = import_bundles(hq, new_key, old_key)

    assert code == 0
    assert [(o["sequence"], o["status"]) for o in outcomes] == [
        (5, "held"),
        (4, "accepted"),
        (5, "accepted"),
    ]
    # A complaint is its complainant, itself and its first timeline entry; a vehicle report
    # with an owner two records.
    assert [o["counts"].get("new") for o in outcomes] == [None, 3, 3 + 2]


@pytest.mark.sqlite_hq  # the station's side, or no more of the store than the others
def test_two_stations_importing_the_same_legacy_register(
    network: Network, hq: Path, tmp_path: Path
) -> None:
    defence = join(enroll(hq, "DEFE", tmp_path), "DEFE", tmp_path / "defe")
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=defence)
    bundle = Path(export(defence, tmp_path / "stick")["path"])

    code, outcomes = import_bundles(hq, network.bundles[("CLIF", 1)], bundle)

    assert [o["status"] for o in outcomes][-1] == "accepted", outcomes[-1]["message"]
    assert code == 0


def test_an_edit_from_a_forked_base_is_kept_as_a_conflict_and_resolved(
    network: Network, hq: Path, tmp_path: Path
) -> None:
    """Clifton edits a complaint headquarters holds, but its bundle says the edit descends from
    a version headquarters never held (as after the desk was restored from an old backup and
    edited again): merged as a conflict, listed, resolved, and the trail still verifies."""
    clif = copy_desk(network.desks["CLIF"], tmp_path / "clif")
    code, _ = import_bundles(hq, *(network.bundles[("CLIF", n)] for n in (1, 2, 3)))
    assert code == 0
    ((number,),) = query(clif, "SELECT number FROM complaint WHERE id = ?", network.edited_id)
    edit_narrative(clif, number, "Handbag snatched, not a phone.")
    bundle = Path(export(clif, tmp_path / "stick")["path"])
    parts = craft.take_apart(bundle.read_bytes(), craft.hq_private(hq))
    forged = []
    for line in parts.members[container.CHANGES].split(b"\n"):
        cols = line.split(b"\t")
        if len(cols) == 7 and cols[2] == network.edited_id.encode():
            cols[5] = b"f" * 64  # a base headquarters does not hold
        forged.append(b"\t".join(cols))
    parts.members[container.CHANGES] = b"\n".join(forged)
    hq_public = craft.hq_private(hq).public_key()
    bundle.write_bytes(craft.rebuild(parts, craft.station_key(clif), hq_public))

    code, outcomes = import_bundles(hq, bundle)

    assert code == 0 and outcomes[0]["status"] == "accepted", outcomes
    assert outcomes[0]["counts"]["conflicts"] == 1
    sql = "SELECT table_name, station_code, resolved_at FROM sync_conflict WHERE record_id = ?"
    assert query(hq, sql, network.edited_id) == [("complaint", "CLIF", None)]
    ctx = open_desk(DeskPaths(hq), actor=Actor("analyst"))
    try:
        (item,) = conflicts.list_conflicts(ctx)
        assert "narrative" in item.differing
        conflicts.resolve(ctx, item.id, conflicts.HELD)
        assert conflicts.list_conflicts(ctx) == []
    finally:
        ctx.close()
    assert query(hq, "SELECT narrative FROM complaint WHERE id = ?", network.edited_id) == [
        (EDITED,)
    ]
    assert "healthy" in ok("check", data_dir=hq).stdout
