"""Headquarters' PC dies: its sealed backup on the stick (opened with the recovery code from
paper) brings back the records *and* its keys, so the stations need not be enrolled again: the
next station bundle imports and the next hotlist verifies at the station. A plain backup carries
no key (nothing private in plain text), so restoring one leaves the keys missing."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

from sync_desks import CSV, cli, enroll, export, import_bundles, init_hq, join, ok, query

from cplc_desk.sync import keys


def hq_key_files(desk: Path) -> dict[str, bytes]:
    return {
        name: (desk / "keys" / name).read_bytes()
        for name in (keys.HQ_SIGNING, keys.HQ_ENCRYPTION, "backup.key")
        if (desk / "keys" / name).exists()
    }


def test_headquarters_rebuilt_from_its_sealed_backup_keeps_its_stations(tmp_path: Path) -> None:
    hq = init_hq(tmp_path / "hq")
    clifton = join(enroll(hq, "CLIF", tmp_path), "CLIF", tmp_path / "clif")
    ok("import-csv", "vehicles", CSV / "vehicles_good.csv", data_dir=clifton)
    code, _ = import_bundles(hq, Path(export(clifton, tmp_path / "stick")["path"]))
    assert code == 0

    sealed = tmp_path / "usb" / "hq.cplcbak"
    ok("backup", "--out", sealed, data_dir=hq)
    assert b"PRIVATE KEY" not in sealed.read_bytes()
    plain = tmp_path / "usb" / "hq.sqlite3"
    ok("backup", "--out", plain, "--plain", data_dir=hq)
    recovery_code = ok("backup", "--show-key", data_dir=hq).stdout.strip()
    originals = hq_key_files(hq)
    assert set(originals) == {keys.HQ_SIGNING, keys.HQ_ENCRYPTION, "backup.key"}

    # The PC is gone; a new one restores the stick's backup with the code from paper.
    rebuilt = tmp_path / "hq-new"
    restored = ok("restore", sealed, "--key", recovery_code, data_dir=rebuilt)
    assert "keys were put back" in restored.stdout
    (vehicles,) = query(hq, "SELECT count(*) FROM vehicle_report")[0]
    assert f"(0 complaints, {vehicles} vehicle reports)" in restored.stdout
    assert hq_key_files(rebuilt) == originals
    if sys.platform != "win32":
        mode = (rebuilt / "keys" / keys.HQ_SIGNING).stat().st_mode
        assert stat.S_IMODE(mode) == 0o600
    assert ok("check", data_dir=rebuilt).returncode == 0

    # The station carries on as if nothing happened.
    ok("import-csv", "complaints", CSV / "complaints_good.csv", data_dir=clifton)
    second = export(clifton, tmp_path / "stick")
    assert second["sequence"] == 2
    code, outcomes = import_bundles(rebuilt, Path(second["path"]))
    assert code == 0 and outcomes[0]["status"] == "accepted", outcomes
    hotlist = ok("export-hotlist", "--out", tmp_path / "stick", "--json", data_dir=rebuilt).json()
    ok("import-hotlist", hotlist["path"], data_dir=clifton)
    (held,) = query(clifton, "SELECT sequence FROM hotlist_held")
    assert held == (hotlist["sequence"],)

    # The same backup again on the rebuilt desk: its keys are the same, nothing to put back.
    again = ok("restore", sealed, data_dir=rebuilt)
    assert (
        "keys were put back" not in again.stdout and "already holds other keys" not in again.stderr
    )

    # A plain backup never carries a private key.
    bare = tmp_path / "hq-plain"
    ok("restore", plain, data_dir=bare)
    assert hq_key_files(bare) == {}
    # ... and new keys are not made in their place by accident: every station trusts the old.
    refused = cli("init-hq", "--name", "CPLC Central", data_dir=bare)
    assert refused.returncode == 1 and "cplc-desk restore FILE --key CODE" in refused.stderr
    assert hq_key_files(bare) == {}
    restored_keys = ok("restore", sealed, "--key", recovery_code, data_dir=bare)
    assert "keys were put back" in restored_keys.stdout
    assert hq_key_files(bare) == originals
    lost = tmp_path / "hq-lost-keys"
    ok("restore", plain, data_dir=lost)
    ok("init-hq", "--name", "CPLC Central", "--new-keys", data_dir=lost)
    renewed = hq_key_files(lost)
    assert set(renewed) == {keys.HQ_SIGNING, keys.HQ_ENCRYPTION}
    assert renewed[keys.HQ_SIGNING] != originals[keys.HQ_SIGNING]


def test_restore_never_overwrites_a_key_the_desk_holds(tmp_path: Path) -> None:
    changed = keys.HQ_ENCRYPTION
    hq = init_hq(tmp_path / "hq")
    sealed = tmp_path / "hq.cplcbak"
    ok("backup", "--out", sealed, data_dir=hq)
    signing = hq / "keys" / keys.HQ_SIGNING
    original_signing = signing.read_bytes()
    signing.unlink()  # lost
    other = keys.new_encryption_key()
    (hq / "keys" / changed).unlink()
    keys.save_private(other, hq / "keys" / changed)  # replaced since the backup
    replaced = (hq / "keys" / changed).read_bytes()

    run = cli("restore", sealed, data_dir=hq)
    assert run.returncode == 0, run.stderr
    assert f"put back from the backup: {keys.HQ_SIGNING}" in run.stdout
    assert f"already holds other keys than the backup's ({changed})" in run.stderr
    assert signing.read_bytes() == original_signing
    assert (hq / "keys" / changed).read_bytes() == replaced
    (details,) = query(
        hq,
        "SELECT details FROM audit_log WHERE action = 'backup.restored' ORDER BY seq DESC",
    )[0]
    entry = json.loads(details)
    assert (entry["keys_restored"], entry["keys_kept"]) == ([keys.HQ_SIGNING], [changed])
