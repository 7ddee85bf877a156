"""Backups against real store files: consistency under a concurrent writer, verification before
anything is replaced, another desk refused, rotation, sealed copies for a USB stick."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import func, select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.paths import DeskPaths
from cplc_desk.services.backups import backup, backup_seal
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, PermissionDeniedError, open_desk
from cplc_desk.storage.models import AuditEntry, Complaint

CNIC = "42101-9876543-1"
CNIC_DIGITS = CNIC.replace("-", "")


def _register(ctx: DeskContext, n: int = 0, cnic: str = CNIC) -> None:
    register_complaint(
        ctx,
        ComplaintDraft(
            complainant=PersonDraft(name=f"Bilal Ahmed {n}", cnic=cnic, mobile="0300-7654321"),
            category="MOBILE_SNATCHING",
            police_station="CLIF",
            narrative=f"Phone snatched on the main road ({n}).",
        ),
    )


def _count(ctx: DeskContext, model: type) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _file_count(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(path)
    try:
        n = conn.execute("SELECT count(*) FROM complaint").fetchone()[0]
        code = conn.execute("SELECT code FROM desk").fetchone()[0]
        return int(n), str(code)
    finally:
        conn.close()


def test_backup_is_verified_audited_and_restorable(station: DeskContext) -> None:
    _register(station)
    result = backup.write_backup(station)
    assert result.path.parent == station.paths.backups
    assert result.path.name.startswith("cplc-backup-CLIF-")
    assert _file_count(result.path) == (1, "CLIF")
    assert not list(station.paths.backups.glob("*.partial"))
    with station.store.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.BACKUP_WRITTEN.value)
        ).one()
        assert result.path.name in entry.details
    assert backup.last_backup_at(station) is not None
    assert backup.backup_if_due(station) is None  # the daily one is not due again

    _register(station, 1)
    restored = backup.restore(station, result.path)
    assert _count(station, Complaint) == 1
    assert restored.kept_aside.exists() and restored.kept_aside.name.startswith("before-restore-")
    assert _file_count(restored.kept_aside)[0] == 2  # nothing of the replaced store is lost
    with station.store.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions[-1] == AuditAction.BACKUP_RESTORED.value


def test_backup_while_another_connection_writes_is_consistent(station: DeskContext) -> None:
    _register(station)
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        other = open_desk(station.paths, actor=Actor("volunteer2"))
        try:
            n = 100
            while not stop.is_set():
                _register(other, n)
                n += 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            other.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results = [backup.write_backup(station) for _ in range(4)]
    finally:
        stop.set()
        thread.join()
    assert not errors
    for result in results:
        # Verified on writing (integrity, audit chain); also consistent between tables: every
        # complaint's creation is in the audit trail of the same snapshot.
        conn = sqlite3.connect(result.path)
        try:
            complaints = conn.execute("SELECT count(*) FROM complaint").fetchone()[0]
            created = conn.execute(
                "SELECT count(*) FROM audit_log WHERE action = ?",
                (AuditAction.RECORD_CREATED.value,),
            ).fetchone()[0]
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        assert complaints == created >= 1
    assert _count(station, Complaint) > 1


def test_corrupt_backup_is_refused_and_the_store_untouched(
    station: DeskContext, tmp_path: Path
) -> None:
    _register(station)
    good = backup.write_backup(station).path
    before = station.paths.database.read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    for i in range(8192, len(data), 4096):  # scribble over every page after the first two
        data[i + 100 : i + 400] = b"\xff" * 300
    damaged.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match=r"damaged|not a readable|not a CPLC"):
        backup.restore(station, damaged)
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("shopping list", encoding="utf-8")
    with pytest.raises(backup.BackupError, match="not a readable CPLC Desk backup"):
        backup.restore(station, not_a_db)
    assert station.paths.database.read_bytes() == before
    assert _count(station, Complaint) == 1
    assert not list(station.paths.backups.glob("before-restore-*"))
    assert not list(station.paths.data_dir.glob(".restore-*"))


def test_tampered_audit_trail_in_a_backup_is_refused(station: DeskContext, tmp_path: Path) -> None:
    _register(station)
    copy = tmp_path / "tampered.sqlite3"
    shutil.copyfile(backup.write_backup(station).path, copy)
    conn = sqlite3.connect(copy)
    conn.executescript(
        "DROP TRIGGER IF EXISTS audit_log_no_update;DROP TRIGGER IF EXISTS audit_log_no_delete;"
    )
    triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2")
    conn.commit()
    conn.close()
    with pytest.raises(backup.BackupError, match="audit trail does not verify"):
        backup.restore(station, copy)


def test_another_desks_backup_is_refused_unless_asked(
    station: DeskContext, tmp_path: Path, template_store: Path
) -> None:
    _register(station)
    other_paths = DeskPaths(tmp_path / "other")
    other_paths.ensure()
    shutil.copyfile(template_store, other_paths.database)
    other = open_desk(other_paths, actor=Actor("volunteer9"))
    try:
        setup.init_station(other, "ARAM")
        theirs = backup.write_backup(other).path
    finally:
        other.close()
    with pytest.raises(backup.BackupError, match="belongs to desk ARAM"):
        backup.restore(station, theirs)
    assert station.require_identity().code == "CLIF"
    assert _count(station, Complaint) == 1
    backup.restore(station, theirs, other_desk=True)
    assert station.require_identity().code == "ARAM"


def test_rotation_keeps_n_and_never_the_upgrade_copies(station: DeskContext) -> None:
    aside = station.paths.backups / "before-upgrade-0003-20260101T000000Z.sqlite3"
    aside.write_bytes(b"kept")
    backup.save_settings(station, backup.BackupSettings(keep=3))
    for _ in range(5):
        backup.write_backup(station)
    kept = backup.list_backups(station)
    assert len(kept) == 3
    assert aside.exists()


def test_sealed_copy_has_no_plain_personal_data_and_restores(
    station: DeskContext, tmp_path: Path
) -> None:
    _register(station)
    usb = tmp_path / "usb"
    backup.save_settings(station, backup.BackupSettings(keep=2, second_folder=usb))
    result = backup.write_backup(station)
    assert result.copy is not None and result.copy.parent == usb
    raw = result.copy.read_bytes()
    assert raw.startswith(backup_seal.MAGIC)
    for needle in (CNIC, CNIC_DIGITS, "Bilal Ahmed", "7654321"):
        assert needle.encode() not in raw
        assert needle.encode("utf-16-le") not in raw
    # The plain local backup does hold it (so the check above can fail).
    assert CNIC_DIGITS.encode() in result.path.read_bytes() or CNIC.encode() in (
        result.path.read_bytes()
    )

    code = backup.recovery_code(station)
    _register(station, 2)
    # On a replacement machine: no keys folder, the code written on paper.
    shutil.rmtree(station.paths.keys)
    with pytest.raises(backup.BackupError, match="no backup key"):
        backup.restore(station, result.copy)
    with pytest.raises(backup.BackupError, match="not valid"):
        backup.restore(station, result.copy, key_code="AAAA-BBBB")
    # Copied by hand: lower case, spaces instead of dashes, 0/1/8 for O/I/B.
    typed = code.lower().replace("-", " ").replace("o", "0").replace("i", "1").replace("b", "8")
    backup.restore(station, result.copy, key_code=typed)
    assert _count(station, Complaint) == 1
    assert (station.paths.keys / backup_seal.KEY_FILE).exists()  # put back from the copy

    flipped = tmp_path / "flipped.cplcbak"
    data = bytearray(raw)
    data[-100] ^= 0x01
    flipped.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="damaged"):
        backup.restore(station, flipped, key_code=code)
    truncated = tmp_path / "truncated.cplcbak"
    truncated.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(backup.BackupError, match=r"cut short|damaged"):
        backup.restore(station, truncated, key_code=code)


def test_backup_and_restore_need_their_permissions(station: DeskContext) -> None:
    from cplc_desk.domain.roles import Role
    from cplc_desk.services.desk.context import PermissionDeniedError

    station.actor = Actor("v", Role.VOLUNTEER)
    path = backup.write_backup(station).path  # volunteers may back up
    with pytest.raises(PermissionDeniedError):
        backup.restore(station, path)


def test_a_restore_that_fails_takes_back_the_keys_it_put_back(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(station)
    sealed = backup.write_backup(station, tmp_path / "stick" / "clif.cplcbak").path
    code = backup.recovery_code(station)
    fresh = open_desk(DeskPaths(tmp_path / "new-pc"), actor=Actor("admin"))
    try:

        def disk_full(*args: object) -> Path:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(backup, "_swap_in", disk_full)
        with pytest.raises(OSError):
            backup.restore(fresh, sealed, key_code=code)
        # Neither the store nor any key: the replacement PC is as it was, free to try again.
        assert fresh.identity() is None
        assert not (fresh.paths.keys / backup_seal.KEY_FILE).exists()
        monkeypatch.undo()
        result = backup.restore(fresh, sealed, key_code=code)
        assert result.keys_restored == (backup_seal.KEY_FILE,) == result.keys_carried
        assert fresh.identity() is not None and _count(fresh, Complaint) == 1
    finally:
        fresh.close()


def test_a_backup_from_a_newer_version_is_refused_as_such(
    station: DeskContext, tmp_path: Path
) -> None:
    sealed = backup.write_backup(station, tmp_path / "clif.cplcbak").path
    raw = sealed.read_bytes()
    header_len = int.from_bytes(raw[8:12], "big")
    header = raw[12 : 12 + header_len].replace(b'"format": 2', b'"format": 9')
    assert header != raw[12 : 12 + header_len]
    newer = tmp_path / "newer.cplcbak"
    newer.write_bytes(raw[:8] + len(header).to_bytes(4, "big") + header + raw[12 + header_len :])
    with pytest.raises(backup.BackupError, match="newer version of CPLC Desk"):
        backup.restore(station, newer)


# ------------------------------------------------------------------ plain copies and file modes

POSIX_MODES = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask (files readable by all unless the desk says otherwise), whatever the
    machine running the tests has, so a private mode is the desk's doing."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _entries(ctx: DeskContext, action: AuditAction) -> list[AuditEntry]:
    with ctx.store.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action.value)))


def test_a_volunteer_is_refused_a_plain_backup_and_pointed_at_the_sealed_one(
    station: DeskContext, tmp_path: Path
) -> None:
    station.actor = Actor("v", Role.VOLUNTEER)
    out = tmp_path / "out" / "clif.sqlite3"
    with pytest.raises(PermissionDeniedError) as refused:
        backup.write_backup(station, out, sealed=False)
    message = str(refused.value)
    assert message == (
        "Only a supervisor may write a plain (unencrypted) backup. Leave out --plain: the "
        "sealed backup (the default) is the one to make."
    )
    assert "\n" not in message
    assert not out.exists() and not out.parent.exists()
    assert not list(station.paths.backups.glob("*partial*"))
    (denied,) = _entries(station, AuditAction.PERMISSION_DENIED)
    assert denied.actor == "v" and "plain_backup" in denied.details
    assert backup.write_backup(station, tmp_path / "out" / "clif.cplcbak").path.exists()


def test_at_headquarters_an_analyst_is_refused_a_plain_backup(
    ctx: DeskContext, tmp_path: Path
) -> None:
    setup.init_hq(ctx, "CPLC Central")
    ctx.actor = Actor("a", Role.HQ_ANALYST)
    with pytest.raises(PermissionDeniedError, match=r"^Only an administrator may write a plain"):
        backup.write_backup(ctx, tmp_path / "hq.sqlite3", sealed=False)
    ctx.actor = Actor("boss", Role.HQ_ADMIN)
    assert backup.write_backup(ctx, tmp_path / "hq.sqlite3", sealed=False).path.exists()


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_a_supervisors_plain_backup_is_private_and_audited_as_plain(
    station: DeskContext, tmp_path: Path
) -> None:
    _register(station)
    station.actor = Actor("sup", Role.SUPERVISOR)
    out = tmp_path / "out" / "clif.sqlite3"
    result = backup.write_backup(station, out, sealed=False)
    assert result.path == out and _file_count(out) == (1, "CLIF")
    assert _mode(out) == 0o600
    assert not list(out.parent.glob("*.partial")) and not list(station.paths.backups.iterdir())
    (entry,) = _entries(station, AuditAction.PLAIN_BACKUP_WRITTEN)
    assert entry.actor == "sup"
    details = json.loads(entry.details)
    assert details["file"] == "clif.sqlite3" and details["folder"] == str(out.parent)
    assert CNIC_DIGITS not in entry.details and CNIC not in entry.details
    assert _entries(station, AuditAction.BACKUP_WRITTEN) == []


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_a_plain_backup_to_another_disk_is_private_before_any_byte_goes_in(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(station)
    out = tmp_path / "stick" / "clif.sqlite3"
    real_replace = os.replace

    def across_disks(src: object, dst: object) -> None:
        if Path(str(dst)).parent == out.parent and Path(str(src)).parent != out.parent:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)  # type: ignore[arg-type]

    modes_when_copied: list[int] = []
    real_copy = shutil.copyfileobj

    def copy(src: BinaryIO, dst: BinaryIO, length: int = 0) -> None:
        modes_when_copied.append(stat.S_IMODE(os.fstat(dst.fileno()).st_mode))
        real_copy(src, dst, length)

    monkeypatch.setattr(backup.os, "replace", across_disks)
    monkeypatch.setattr(backup.shutil, "copyfileobj", copy)
    backup.write_backup(station, out, sealed=False)
    monkeypatch.undo()
    assert modes_when_copied == [0o600]
    assert _mode(out) == 0o600 and _file_count(out) == (1, "CLIF")
    assert not list(out.parent.glob("*.partial")) and not list(station.paths.backups.iterdir())


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_rotated_and_sealed_backups_are_private(station: DeskContext, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    backup.save_settings(station, backup.BackupSettings(second_folder=usb))
    result = backup.write_backup(station)
    assert result.copy is not None
    assert _mode(result.path) == _mode(result.copy) == 0o600
    sealed = backup.write_backup(station, tmp_path / "out" / "clif.cplcbak").path
    assert _mode(sealed) == 0o600


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
def test_the_temporary_plain_copy_is_private_and_gone_when_a_backup_fails(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(station)
    seen: list[tuple[Path, int]] = []

    def refuse(path: Path, shown_as: str | None = None) -> backup.BackupInfo:
        seen.append((path, _mode(path)))
        raise backup.BackupError("refused by the test")

    monkeypatch.setattr(backup, "verify_file", refuse)
    out = tmp_path / "out"
    for target, sealed in ((None, True), (out / "c.cplcbak", True), (out / "c.sqlite3", False)):
        with pytest.raises(backup.BackupError):
            backup.write_backup(station, target, sealed=sealed)
    assert [mode for _, mode in seen] == [0o600] * 3
    assert all(not path.exists() for path, _ in seen)
    assert not list(station.paths.backups.iterdir()) and not out.exists()


@POSIX_MODES
@pytest.mark.usefixtures("open_umask")
@pytest.mark.parametrize("sealed", [True, False])
def test_the_unsealed_copy_a_restore_checks_is_private_and_gone_when_it_fails(
    station: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sealed: bool
) -> None:
    _register(station)
    name = "clif.cplcbak" if sealed else "clif.sqlite3"
    file = backup.write_backup(station, tmp_path / name, sealed=sealed).path
    before = sorted(p.name for p in station.paths.data_dir.iterdir())
    seen: list[tuple[Path, int]] = []

    def refuse(path: Path, shown_as: str | None = None) -> backup.BackupInfo:
        seen.append((path, _mode(path)))
        raise backup.BackupError("refused by the test")

    monkeypatch.setattr(backup, "verify_file", refuse)
    with pytest.raises(backup.BackupError):
        backup.restore(station, file)
    ((work, mode),) = seen
    assert work.parent == station.paths.data_dir and mode == 0o600 and not work.exists()
    assert sorted(p.name for p in station.paths.data_dir.iterdir()) == before

    monkeypatch.undo()
    backup.restore(station, file)  # and the restored store is private too
    assert _mode(station.paths.database) == 0o600
