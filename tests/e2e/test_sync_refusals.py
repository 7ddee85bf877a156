"""Every refusal of a bundle, through the real ``cplc-desk import-bundle --json``, at a
headquarters on a SQLite file and on a PostgreSQL server (tests/e2e/hq_store.py).

A refused bundle must leave headquarters' store exactly as it was (only the import log and
headquarters' own audit trail record the attempt), exit with 1, and tell the person what is
wrong and what to do. Damaged and hostile files are made from a real bundle with
``tests/sync/craft.py``, so each test states what it tampers with.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import uuid
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
    dump,
    enroll,
    export,
    import_bundles,
    import_log,
    in_parallel,
    init_hq,
    join,
    ok,
    query,
    register,
)

from cplc_desk.sync import container, keys

# Refusals decided from the file alone (before headquarters' store is read) and the longer
# flows run at a SQLite headquarters only; those that read or write its store run on a server
# too (each kind once: damaged, unknown key, wrong station, revoked, replayed, forked).
FILE_ONLY = pytest.mark.sqlite_hq

# A refusal says what to do: copy again, ask or call the station, update, enroll, check...
ADVICE = re.compile(
    r"\b(copy it again|ask|call|update cplc desk|enroll|check|choose|do not import)\b", re.I
)


@dataclass
class World:
    hq: Path
    clif: Path
    clif_1: Path  # imported at headquarters
    clif_2: Path  # not imported yet: the next one headquarters expects from Clifton
    other_2: Path  # also a bundle 2, from Clifton's desk restored from an older backup
    sadd_1: Path  # imported
    fero_1: Path  # Ferozabad enrolled and exported, but nothing of it reached headquarters

    @property
    def hq_key(self) -> keys.X25519PrivateKey:
        return craft.hq_private(self.hq)

    @property
    def clif_key(self) -> keys.Ed25519PrivateKey:
        return craft.station_key(self.clif)

    def parts(self) -> craft.Parts:
        """Clifton's bundle 2, taken apart (a fresh copy each time)."""
        return craft.take_apart(self.clif_2.read_bytes(), self.hq_key)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, hq_store: HqStore) -> World:
    root = tmp_path_factory.mktemp("refusals")
    stick = root / "stick"
    hq = hq_store.init_hq(root / "hq")
    codes = ("CLIF", "SADD", "FERO")
    files = in_parallel(*(partial(enroll, hq, code, root) for code in codes))
    enrollment = dict(zip(codes, files, strict=True))
    desks = {code: root / code.lower() for code in codes}

    def clifton() -> Path:
        join(enrollment["CLIF"], "CLIF", desks["CLIF"])
        ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=desks["CLIF"])
        return Path(export(desks["CLIF"], stick)["path"])

    def saddar() -> Path:  # only its set-up in the audit trail: still a bundle
        return Path(export(join(enrollment["SADD"], "SADD", desks["SADD"]), stick)["path"])

    def ferozabad() -> Path:
        join(enrollment["FERO"], "FERO", desks["FERO"])
        register(desks["FERO"], complaints=1, vehicles=0, seed=3)
        return Path(export(desks["FERO"], root / "fero-stick")["path"])

    clif_1, sadd_1, fero_1 = in_parallel(clifton, saddar, ferozabad)
    code, outcomes = import_bundles(hq, clif_1, sadd_1)
    assert code == 0 and {o["status"] for o in outcomes} == {"accepted"}, outcomes
    # A backup of Clifton's desk before its bundle 2, restored and used again later.
    restored = copy_desk(desks["CLIF"], root / "clif-restored")

    def clifton_2() -> Path:
        ok("import-csv", "vehicles", CSV / "vehicles_good.csv", data_dir=desks["CLIF"])
        return Path(export(desks["CLIF"], stick)["path"])

    def restored_2() -> Path:
        register(restored, complaints=1, vehicles=0, seed=99)
        return Path(export(restored, root / "restored-stick")["path"])

    clif_2, other_2 = in_parallel(clifton_2, restored_2)
    return World(hq, desks["CLIF"], clif_1, clif_2, other_2, sadd_1, fero_1)


@pytest.fixture
def hq(world: World, hq_store: HqStore, tmp_path: Path) -> Iterator[Path]:
    """A copy of headquarters for one test (on a server, a copy of its database): what it does
    there stays there."""
    copy = hq_store.copy(world.hq, tmp_path / "hq")
    yield copy
    hq_store.drop(copy)


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def assert_refused(hq: Path, expected: dict[Path, str]) -> list[dict[str, Any]]:
    """Import ``expected``'s files in one run; each must be refused with its code, and the
    store must not change except for the import log and the audit trail."""
    before, log_before, audit_before = dump(hq), import_log(hq), audit_count(hq)

    code, outcomes = import_bundles(hq, *expected)

    assert code == 1
    assert len(outcomes) == len(expected)
    for outcome, (path, wanted) in zip(outcomes, expected.items(), strict=True):
        assert outcome["file"] == str(path)
        assert (outcome["status"], outcome["code"]) == ("refused", wanted), (path.name, outcome)
        assert ADVICE.search(outcome["message"]), (wanted, outcome["message"])
        assert outcome["counts"] == {}
    assert dump(hq) == before
    logged = import_log(hq)[len(log_before) :]
    assert [(row[0], row[1]) for row in logged] == [("refused", c) for c in expected.values()]
    assert audit_count(hq) == audit_before + len(expected)  # headquarters audits each refusal
    return outcomes


def audit_count(hq: Path) -> int:
    # Each command's sign-in (session.login) is audited too; counted here are the refusals.
    sql = "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'session.%'"
    return int(query(hq, sql)[0][0])


# ------------------------------------------------------------------ damage on the way


def test_a_flipped_byte_anywhere_is_refused(world: World, hq: Path, tmp_path: Path) -> None:
    data = world.clif_2.read_bytes()
    body = craft.body_offset(data)
    header_json = data.index(b'"wrapped_key":"') + 30
    positions = {
        "header-length": len(b"CPLCENV1") + 1,
        "header": header_json,
        "first-chunk": body + 4 + 10,
        "middle": len(data) // 2,
        "last-byte": len(data) - 1,
    }
    files = {
        write(tmp_path / "stick", f"flip-{name}.cplcbundle", craft.flip(data, pos)): "damaged"
        for name, pos in positions.items()
    }
    outcomes = assert_refused(hq, files)
    assert "Copy it again" in outcomes[-1]["message"]


@FILE_ONLY
def test_a_truncated_file_is_refused(world: World, hq: Path, tmp_path: Path) -> None:
    data = world.clif_2.read_bytes()
    body = craft.body_offset(data)
    cuts = [4, 10, body - 5, body + 2, body + 100, len(data) // 2, len(data) - 1]
    files = {
        write(tmp_path / "stick", f"cut-{cut}.cplcbundle", data[:cut]): "truncated" for cut in cuts
    }
    outcomes = assert_refused(hq, files)
    assert all("not copied completely" in o["message"] for o in outcomes)


@FILE_ONLY
def test_files_that_are_not_bundles(hq: Path, tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    files = {
        write(folder, "receipt.pdf", pdf): "not_a_bundle",
        write(folder, "empty.cplcbundle", b""): "not_a_bundle",
        write(folder, "noise.cplcbundle", random.Random(7).randbytes(4096)): "not_a_bundle",
        write(folder, "register.csv", (CSV / "complaints_good.csv").read_bytes()): "not_a_bundle",
    }
    assert_refused(hq, files)


@FILE_ONLY
def test_a_file_larger_than_any_bundle_is_refused_unread(hq: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.cplcbundle"
    with huge.open("wb") as fh:  # sparse: costs no disk space
        fh.truncate((2 << 30) + 1)
    assert_refused(hq, {huge: "too_large"})


# ------------------------------------------------------------------ who signed it


def test_a_key_headquarters_does_not_know(world: World, hq: Path, tmp_path: Path) -> None:
    hq_pub = world.hq_key.public_key()
    stranger = keys.new_signing_key()

    parts = world.parts()  # signed by a stranger's key, with Clifton's enrollment proof
    craft.sign_with(parts.manifest, stranger, secret=None)
    stolen_proof = craft.rebuild(parts, stranger, hq_pub)

    parts = world.parts()  # a made-up enrollment
    parts.manifest["enrollment_id"] = str(uuid.uuid4())
    craft.sign_with(parts.manifest, stranger, secret="c2VjcmV0" * 4)
    made_up = craft.rebuild(parts, stranger, hq_pub)

    parts = world.parts()  # a station headquarters never enrolled
    parts.manifest["station"] = "ARAM"
    not_enrolled = craft.rebuild(parts, world.clif_key, hq_pub)

    folder = tmp_path / "stick"
    assert_refused(
        hq,
        {
            write(folder, "stolen-proof.cplcbundle", stolen_proof): "unknown_key",
            write(folder, "made-up.cplcbundle", made_up): "unknown_key",
            write(folder, "aram.cplcbundle", not_enrolled): "unknown_station",
        },
    )


@FILE_ONLY
def test_a_station_enrolled_by_another_headquarters(world: World, hq: Path, tmp_path: Path) -> None:
    other_hq, desk = tmp_path / "other-hq", tmp_path / "other-clif"
    enrollment, _ = in_parallel(
        lambda: enroll(init_hq(other_hq, "CPLC Elsewhere"), "CLIF", tmp_path),
        lambda: ok("init-station", "--code", "CLIF", data_dir=desk),
    )
    ok("init-station", "--enrollment", enrollment, data_dir=desk)
    bundle = Path(export(desk, tmp_path / "stick")["path"])
    # The same bundle, re-encrypted for this headquarters: signed by a real station key with
    # a real enrollment proof, just not one this headquarters issued.
    header, plain = craft.unseal(bundle.read_bytes(), craft.hq_private(other_hq))
    resealed = craft.seal_zip(
        plain, world.hq_key.public_key(), station=header.station, sequence=header.sequence
    )

    outcomes = assert_refused(
        hq,
        {
            bundle: "wrong_recipient",
            write(tmp_path / "stick", "resealed.cplcbundle", resealed): "unknown_key",
        },
    )
    assert "enrolled by this headquarters" in outcomes[0]["message"]


def test_a_revoked_key(world: World, hq: Path) -> None:
    run = ok("revoke-station", "--code", "CLIF", data_dir=hq)
    assert "1 key(s) of CLIF revoked" in run.stdout

    outcomes = assert_refused(hq, {world.clif_2: "revoked_key"})

    assert "revoked" in outcomes[0]["message"]


@FILE_ONLY
def test_revoking_a_station_before_its_first_bundle_arrives(world: World, hq: Path) -> None:
    """Revocation withdraws the unused enrollment: its key can no longer be bound."""
    ok("revoke-station", "--code", "FERO", data_dir=hq)

    outcomes = assert_refused(hq, {world.fero_1: "revoked_key"})

    assert "enroll it again" in outcomes[0]["message"]


def test_a_bundle_claiming_another_station(world: World, hq: Path, tmp_path: Path) -> None:
    """Signed with Clifton's bound key, but the manifest (and the label) says Saddar."""
    parts = world.parts()
    parts.manifest["station"] = "SADD"
    forged = craft.rebuild(parts, world.clif_key, world.hq_key.public_key())

    outcomes = assert_refused(
        hq, {write(tmp_path / "stick", "sadd-2.cplcbundle", forged): "wrong_station"}
    )
    assert "CLIF" in outcomes[0]["message"] and "SADD" in outcomes[0]["message"]


@FILE_ONLY
def test_a_changed_manifest_label_or_member(world: World, hq: Path, tmp_path: Path) -> None:
    hq_pub = world.hq_key.public_key()

    parts = world.parts()  # the manifest changed, the station's signature kept
    parts.manifest["records"] = {"complaint": 1}
    unsigned = craft.seal_zip(
        craft.zip_of(craft.entries_of(parts)), hq_pub, station="CLIF", sequence=2
    )

    parts = world.parts()  # the envelope's label disagrees with the signed manifest
    relabelled = craft.rebuild(parts, world.clif_key, hq_pub, sequence=3)

    parts = world.parts()  # a member swapped after signing (signature and manifest intact)
    entries = [
        (n, d.replace(b"Honda", b"Hondo") if n == container.CHANGES else d, m)
        for n, d, m in craft.entries_of(parts)  # type: ignore[misc]
    ]
    assert entries != craft.entries_of(parts)
    swapped = craft.seal_zip(craft.zip_of(entries), hq_pub, station="CLIF", sequence=2)

    folder = tmp_path / "stick"
    assert_refused(
        hq,
        {
            write(folder, "unsigned.cplcbundle", unsigned): "bad_signature",
            write(folder, "relabelled.cplcbundle", relabelled): "damaged",
            write(folder, "swapped.cplcbundle", swapped): "damaged",
        },
    )


# ------------------------------------------------------------------ history


def test_a_replayed_bundle_changes_nothing(world: World, hq: Path, tmp_path: Path) -> None:
    copy = tmp_path / "stick" / "CLIF (copy).cplcbundle"
    copy.parent.mkdir()
    shutil.copy2(world.clif_1, copy)
    _, plain = craft.unseal(world.clif_1.read_bytes(), world.hq_key)
    resealed = write(  # the same signed content in a new envelope: another file hash
        tmp_path / "stick",
        "resealed.cplcbundle",
        craft.seal_zip(plain, world.hq_key.public_key(), station="CLIF", sequence=1),
    )
    before, log_before = dump(hq), import_log(hq)

    code, outcomes = import_bundles(hq, world.clif_1, copy, resealed, world.sadd_1)

    assert code == 0
    assert [(o["status"], o["station"], o["sequence"]) for o in outcomes] == [
        ("already_imported", "CLIF", 1),
        ("already_imported", "CLIF", 1),
        ("already_imported", "CLIF", 1),
        ("already_imported", "SADD", 1),
    ]
    assert all("nothing changed" in o["message"] for o in outcomes)
    assert dump(hq) == before
    assert all(row[0] != "refused" for row in import_log(hq)[len(log_before) :])


def test_another_bundle_with_a_used_sequence_number_is_a_forked_history(
    world: World, hq: Path
) -> None:
    """Clifton's desk restored from a backup taken before bundle 2, then used again: its new
    bundle 2 is not the bundle 2 headquarters has."""
    assert world.other_2.name[:17] == world.clif_2.name[:17] == "CPLC-CLIF-000002-"
    code, outcomes = import_bundles(hq, world.clif_2)
    assert (code, outcomes[0]["status"]) == (0, "accepted")

    outcomes = assert_refused(hq, {world.other_2: "forked_history"})

    assert "Call the station" in outcomes[0]["message"]


# ------------------------------------------------------------------ newer versions


@FILE_ONLY
def test_a_newer_bundle_format_or_schema(world: World, hq: Path, tmp_path: Path) -> None:
    hq_pub = world.hq_key.public_key()

    parts = world.parts()
    parts.manifest["format"] = 99
    newer_format = craft.rebuild(parts, world.clif_key, hq_pub)

    parts = world.parts()
    parts.manifest["schema"] = "9999_future"
    newer_schema = craft.rebuild(parts, world.clif_key, hq_pub)

    parts = world.parts()
    del parts.manifest["created_at"]
    no_date = craft.rebuild(parts, world.clif_key, hq_pub)

    folder = tmp_path / "stick"
    outcomes = assert_refused(
        hq,
        {
            write(folder, "format-99.cplcbundle", newer_format): "format_too_new",
            write(folder, "schema.cplcbundle", newer_schema): "schema_too_new",
            write(folder, "no-date.cplcbundle", no_date): "damaged",
        },
    )
    assert "Update CPLC Desk" in outcomes[0]["message"]
    assert "9999_future" in outcomes[1]["message"]


# ------------------------------------------------------------------ hostile archives


@FILE_ONLY
def test_hostile_archives(world: World, hq: Path, tmp_path: Path) -> None:
    hq_pub = world.hq_key.public_key()
    parts = world.parts()

    def sealed(entries: list[craft.Entry]) -> bytes:
        return craft.seal_zip(craft.zip_of(entries), hq_pub, station="CLIF", sequence=2)

    good = craft.entries_of(parts)
    traversal = sealed([*good, ("../evil", b"#!/bin/sh\necho pwned\n")])
    extra = sealed([*good, ("notes.txt", b"just a note")])
    missing = sealed([e for e in good if e[0] != container.AUDIT])
    duplicate = sealed([*good, good[-1]])
    # 64 MiB of zeros deflate to ~64 KiB: a correctly signed bundle, but a zip bomb.
    bomb = craft.signed_entries(
        parts.manifest, {**parts.members, container.CHANGES: bytes(64 << 20)}, world.clif_key
    )
    padded = dict(parts.manifest, padding="x" * (container.MAX_MANIFEST + 1))
    huge_manifest = craft.signed_entries(padded, parts.members, world.clif_key)

    folder = tmp_path / "stick"
    outcomes = assert_refused(
        hq,
        {
            write(folder, "traversal.cplcbundle", traversal): "damaged",
            write(folder, "extra.cplcbundle", extra): "damaged",
            write(folder, "missing.cplcbundle", missing): "damaged",
            write(folder, "duplicate.cplcbundle", duplicate): "damaged",
            write(folder, "bomb.cplcbundle", sealed(bomb)): "damaged",
            write(folder, "manifest.cplcbundle", sealed(huge_manifest)): "too_large",
        },
    )
    assert "../evil" in outcomes[0]["message"]
    assert "zip bomb" in outcomes[4]["message"]
    assert not any(p.name == "evil" for p in tmp_path.rglob("*"))
    assert not (Path(os.getcwd()) / "evil").exists()


def test_one_refusal_does_not_stop_the_rest(world: World, hq: Path, tmp_path: Path) -> None:
    """A folder with a damaged copy and the good bundle: the good one is merged."""
    folder = tmp_path / "stick"
    data = world.clif_2.read_bytes()
    write(folder, "A-damaged.cplcbundle", craft.flip(data, len(data) // 2))
    shutil.copy2(world.clif_2, folder / world.clif_2.name)

    code, outcomes = import_bundles(hq, folder)

    assert code == 1
    assert [(o["status"], o["code"]) for o in outcomes] == [
        ("refused", "damaged"),
        ("accepted", None),
    ]
    assert outcomes[1]["counts"]["new"] > 0
    log = import_log(hq)
    assert [row[0] for row in log[-2:]] == ["refused", "accepted"]
    assert json.dumps(outcomes)  # the report is plain JSON


# ------------------------------------------------------------------ verify-bundle, held forks


@FILE_ONLY
def test_verify_bundle_runs_every_check_import_runs(world: World, hq: Path) -> None:
    """verify-bundle answers what import-bundle would do, including the refusals that need
    headquarters' store (here a forked history), and changes nothing, not even the logs."""

    def _untouched(desk: Path) -> tuple[object, ...]:
        # Every command signs in, which its trail records; nothing else may change.
        actions = "SELECT action FROM audit_log WHERE action NOT LIKE 'session.%' ORDER BY seq"
        return dump(desk, exclude=("audit_log",)), query(desk, actions)

    before = _untouched(hq)
    run = cli("verify-bundle", world.clif_2, "--json", data_dir=hq)
    assert run.returncode == 0, run.stderr
    verdict = run.json()
    assert (verdict["ok"], verdict["would"], verdict["sequence"]) == (True, "accepted", 2)
    assert "would merge" in verdict["message"]
    assert _untouched(hq) == before

    code, _ = import_bundles(hq, world.clif_2)
    assert code == 0
    before = _untouched(hq)
    run = cli("verify-bundle", world.other_2, data_dir=hq)
    assert run.returncode == 1
    assert "differs from the bundle 2" in run.stderr and world.other_2.name in run.stderr
    assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1
    run = cli("verify-bundle", world.other_2, "--json", data_dir=hq)
    assert run.returncode == 1 and run.json()["code"] == "forked_history"
    assert _untouched(hq) == before


@FILE_ONLY
def test_a_held_fork_is_named_and_can_be_discarded(world: World, hq: Path, tmp_path: Path) -> None:
    """A forked bundle 3 arrives first and waits for bundle 2. The station's genuine bundle 3
    is then refused because of the copy kept, not because headquarters "has" a bundle 3; the
    refusal says so and how to remove the kept copy, after which the genuine bundles go in."""
    clif = copy_desk(world.clif, tmp_path / "clif")
    other = copy_desk(world.clif.parent / "clif-restored", tmp_path / "other")
    register(other, complaints=1, vehicles=0, seed=7)
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=other)
    other_3 = Path(export(other, tmp_path / "other-stick")["path"])
    assert other_3.name.startswith("CPLC-CLIF-000003-")
    register(clif, complaints=1, vehicles=0, seed=8)
    clif_3 = Path(export(clif, tmp_path / "stick")["path"])

    code, outcomes = import_bundles(hq, other_3)
    assert (code, outcomes[0]["status"], outcomes[0]["missing"]) == (0, "held", [2])
    run = cli("verify-bundle", clif_3, "--json", data_dir=hq)
    assert run.returncode == 1 and run.json()["code"] == "forked_held"
    outcomes = assert_refused(hq, {clif_3: "forked_held"})
    message = outcomes[0]["message"]
    assert "keeping another bundle 3" in message and "waiting for earlier bundles" in message
    assert "cplc-desk discard-held --station CLIF --sequence 3" in message

    missing = cli("discard-held", "--station", "CLIF", "--sequence", "9", data_dir=hq)
    assert missing.returncode == 1 and "no waiting bundle 9" in missing.stderr
    ok("discard-held", "--station", "clif", "--sequence", "3", data_dir=hq)
    assert query(hq, "SELECT count(*) FROM sync_inbox WHERE status = 'held'") == [(0,)]
    assert query(hq, "SELECT count(*) FROM audit_log WHERE action = 'bundle.held_discarded'") == [
        (1,)
    ]
    code, outcomes = import_bundles(hq, world.clif_2, clif_3)
    assert code == 0 and [o["status"] for o in outcomes] == ["accepted", "accepted"]
