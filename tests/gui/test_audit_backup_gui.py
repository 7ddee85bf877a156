"""The audit viewer's filters and lazy list, its CSV extract, and the window's automatic
backups (on close, and the daily one on start)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from sqlalchemy import select

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.gui.accounts.audit_viewer import AuditModel, AuditViewerWidget
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.widgets import dialogs
from cplc_desk.services.accounts import audit_view
from cplc_desk.services.backups import backup, backup_seal
from cplc_desk.services.complaints import complaints as cs
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk.context import Actor, DeskContext, PermissionDeniedError
from cplc_desk.storage.models import AuditEntry


def _register(ctx: DeskContext, n: int) -> str:
    return register_complaint(
        ctx,
        ComplaintDraft(
            complainant=PersonDraft(name=f"Person {n}", cnic="", mobile=""),
            category="MOBILE_SNATCHING",
            police_station="CLIF",
            narrative=f"Complaint {n}.",
        ),
    ).id


@pytest.fixture
def busy_desk(station_ctx: DeskContext) -> DeskContext:
    for n in range(12):
        _register(station_ctx, n)
    station_ctx.actor = Actor("volunteer2")
    first = _register(station_ctx, 99)
    cs.change_status(station_ctx, first, "referred", note="Sent on.")
    station_ctx.actor = Actor("supervisor1")
    return station_ctx


def test_viewer_filters_and_loads_lazily(qtbot, busy_desk: DeskContext) -> None:
    widget = AuditViewerWidget(busy_desk)
    qtbot.addWidget(widget)
    widget.model.page_size = 5
    ModelTester(qtbot).check(widget.model, force_py=True)
    assert widget.apply()
    assert widget.model.loaded() == 5 and widget.model.canFetchMore(widget.model.index(-1, -1))
    widget.model.fetchMore(widget.model.index(-1, -1))
    assert widget.model.loaded() == 10  # one page more, not everything

    widget.actor_edit.setText("volunteer2")
    assert widget.apply()
    actions = {
        widget.model.index(r, 4).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(widget.model.rowCount())
    }
    assert actions == {"record.created", "record.status_changed", "record.updated"}

    widget.action_combo.setCurrentText("record.status_changed")
    assert widget.apply()
    assert widget.model.rowCount() == 1

    widget.since_edit.setText("yesterday")
    assert not widget.apply()
    assert "not a date" in widget.message.text()
    assert widget.model.rowCount() == 1  # the old list stays


def test_viewer_saves_the_filtered_extract(
    qtbot, busy_desk: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "extract.csv"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *a: target)
    widget = AuditViewerWidget(busy_desk)
    qtbot.addWidget(widget)
    widget.actor_edit.setText("volunteer2")
    widget.export("csv")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert rows and {r[3] for r in rows} == {"volunteer2"}
    assert "3 entries saved" in widget.message.text()
    exported = audit_view.page(busy_desk, audit_view.AuditFilter(action="audit.exported"))
    assert len(exported) == 1


def test_audit_model_pages_by_sequence(qtbot, busy_desk: DeskContext) -> None:
    model = AuditModel(busy_desk, page_size=4)
    model.set_filter(audit_view.AuditFilter(action="record.created"))
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    seqs = [int(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert len(seqs) == 13 and seqs == sorted(seqs, reverse=True)


def test_the_window_backs_up_on_close_and_daily_on_start(qtbot, station_ctx: DeskContext) -> None:
    window = MainWindow(station_ctx, auto_backup=True)
    qtbot.addWidget(window)
    window.show()
    # The daily backup is due (there is none yet): written off the GUI thread.
    qtbot.waitUntil(lambda: len(backup.list_backups(station_ctx)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window._backup_task.is_running())
    window.close()
    assert len(backup.list_backups(station_ctx)) == 2
    written = audit_view.page(
        station_ctx, audit_view.AuditFilter(action=AuditAction.BACKUP_WRITTEN.value)
    )
    assert {r.action for r in written} == {AuditAction.BACKUP_WRITTEN.value}
    assert sorted(json.loads(r.details)["reason"] for r in written) == ["close", "daily"]


def test_back_up_now_writes_off_the_gui_thread_and_says_so(
    qtbot, station_ctx: DeskContext, shown_messages
) -> None:
    """The window stays live while the backup is written (a server's pg_dump takes minutes);
    the action waits for the backup to end before it can be asked again."""
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    window.show()
    window.backup_action.trigger()
    assert not window.backup_action.isEnabled()  # returned before the backup was written
    assert window.statusBar().currentMessage() == "Writing the backup…"
    assert window._is_busy()  # closing now waits for it
    qtbot.waitUntil(lambda: bool(shown_messages), timeout=20_000)
    assert shown_messages[-1].kind == "information"
    [written] = backup.list_backups(station_ctx)
    assert str(written) in shown_messages[-1].text
    assert window.backup_action.isEnabled() and not window.statusBar().currentMessage()


def test_back_up_now_says_why_it_failed_and_the_window_carries_on(
    qtbot, station_ctx: DeskContext, shown_messages
) -> None:
    station_ctx.paths.backups.rmdir()
    station_ctx.paths.backups.write_text("a file where the backups folder should be")
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    window.show()
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(shown_messages), timeout=20_000)
    assert shown_messages[-1].kind == "error"
    assert shown_messages[-1].title == "The backup was not written"
    assert window.backup_action.isEnabled()


def test_windows_made_without_automatic_backups_write_none(qtbot, station_ctx) -> None:
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert backup.list_backups(station_ctx) == []


def test_choosing_a_usb_folder_seals_copies_there(
    qtbot, station_ctx: DeskContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_messages
) -> None:
    usb = tmp_path / "usb"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: usb)
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    window.choose_backup_folder()
    assert backup.load_settings(station_ctx).second_folder == usb
    sealed = list(usb.glob("*.cplcbak"))
    assert len(sealed) == 1 and sealed[0].read_bytes().startswith(b"CPLCBAK1")
    assert shown_messages[-1].kind == "information"
    assert "Tools ▸ Backup recovery code…" in shown_messages[-1].text


def test_a_supervisor_reads_the_recovery_code_and_it_is_recorded(
    qtbot, station_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def capture(dialog) -> int:  # type: ignore[no-untyped-def]
        shown.append(dialog.code_edit.text())
        return 0

    monkeypatch.setattr(dialogs, "run_modal", capture)
    station_ctx.actor = Actor("sana", Role.SUPERVISOR)
    window = MainWindow(station_ctx)
    qtbot.addWidget(window)
    window._apply_account()
    assert window.recovery_code_action.isVisible()
    window.recovery_code_action.trigger()
    key = backup_seal.load_or_create_key(station_ctx.paths.keys)
    assert shown == [backup_seal.recovery_code(key)]
    assert backup_seal.decode_recovery_code(shown[0]) == key
    with station_ctx.store.read() as s:
        (entry,) = s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.BACKUP_KEY_SHOWN.value)
        )
    assert entry.actor == "sana" and backup_seal.key_id(key) in (entry.details or "")

    # A volunteer is not offered it, and the service refuses it anyway.
    station_ctx.actor = Actor("ali", Role.VOLUNTEER)
    window._apply_account()
    assert not window.recovery_code_action.isVisible()
    with pytest.raises(PermissionDeniedError):
        backup.recovery_code(station_ctx)
