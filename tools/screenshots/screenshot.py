"""Screenshots for the docs:
``python -m tools.screenshots.screenshot OUT.png
[--demo | --setup | --replace-snapshot | --replace-backup | --sync-station | --hq-stations |
--hq-conflicts]``.

Opens the main window (or, with ``--setup``, the first-run dialog) on a throwaway data folder,
waits until it is on screen and saves a grab of it. ``--sync-station`` shows a station desk's Sync
page just after it wrote a bundle; ``--hq-stations`` shows headquarters' Stations page with the
report of an import on top. Both set up real desks (headquarters and its stations, each in its own
folder) and exchange real bundles through the services. ``--hq-conflicts`` shows headquarters'
conflict queue comparing two versions of a complaint (the scene makes headquarters hold another
version of the record before the station's edit arrives, so the real merge keeps both).
``--replace-snapshot`` and ``--replace-backup`` show the first-run dialog on a replacement PC, its
files chosen: headquarters' real snapshot of a station (with the enrollment file), or a station's
real sealed backup (with its recovery code typed in). Run it under a real platform (e.g.
``xvfb-run -a -s "-screen 0 1280x800x24"``): the offscreen platform draws no fonts it cannot find.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from unittest import mock

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.gui.accounts.audit_viewer import AuditViewerDialog
from cplc_desk.gui.hq.import_dialog import ImportDialog
from cplc_desk.gui.hq.stations_page import StationsPage
from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.app import create_application
from cplc_desk.gui.shell.areas import CONFLICTS, SYNC
from cplc_desk.gui.shell.demo_progress import populate_demo
from cplc_desk.gui.shell.login_dialog import LoginDialog
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog
from cplc_desk.gui.station.sync_page import SyncPage
from cplc_desk.gui.widgets import dialogs
from cplc_desk.paths import DeskPaths
from cplc_desk.services.accounts.accounts import NewAccount
from cplc_desk.services.backups import backup
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import reference, setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.hq import bundle_import, station_snapshot, sync_hq
from cplc_desk.services.station import sync_station

SIZE = (1200, 760)
SAMPLE_COMPLAINTS = (
    ("Ayesha Siddiqui", "MOBILE_SNATCHING", "Phone snatched at a signal on Khayaban-e-Ittehad."),
    ("Muhammad Imran", "FIR_NOT_REGISTERED", "Station refused to register an FIR for a burglary."),
    ("Farhan Qureshi", "THEFT", "Motorcycle parts stolen from a parked bike at Do Talwar."),
    ("Sana Baloch", "THEFT", "Handbag taken from a rickshaw near Teen Talwar."),
    ("Imtiaz Ahmed", "MOBILE_SNATCHING", "Two men on a motorcycle took a phone outside a bakery."),
)
HQ_NAME = "CPLC Central Reporting Cell"
# Tall enough for the stations table to show above the import report; needs a screen to match
# (xvfb-run -s "-screen 0 1600x1000x24").
HQ_SIZE = (1400, 940)


def _register(ctx: DeskContext, station: str, samples: Sequence[tuple[str, str, str]]) -> None:
    now = now_utc()
    for hours, (name, category, narrative) in enumerate(samples, start=2):
        register_complaint(
            ctx,
            ComplaintDraft(
                complainant=PersonDraft(name=name),
                category=category,
                police_station=station,
                incident_at=now - timedelta(hours=hours * 7),
                narrative=narrative,
            ),
        )


SHOT_PASSWORD = "correct horse 42"  # throwaway desks, deleted after the picture


def _login_scene(ctx: DeskContext) -> QWidget:
    """A station with its supervisor; the sign-in dialog after one wrong password."""
    setup.init_station(ctx, "CLIF", admin=NewAccount("sana.javed", SHOT_PASSWORD, "Sana"))
    ctx.actor = Actor.nobody()
    dialog = LoginDialog(ctx)
    dialog.username_edit.setText("sana.javed")
    dialog.password_edit.setText("wrong password")
    dialog.accept()  # refused: the dialog stays, saying why
    return dialog


def _fill_small(ctx: DeskContext) -> None:
    """A station with a few complaints, for when the demo service is not available."""
    setup.init_station(ctx, "CLIF")
    _register(ctx, "CLIF", SAMPLE_COMPLAINTS[:3])


# ---------------------------------------------------------------------- sync scenes


@contextmanager
def _station_clock(offset: timedelta) -> Iterator[None]:
    """Bundles made as if the station's clock read ``offset`` from now (days ago, or a clock
    running fast): the only way to show an overdue station without waiting a week."""
    with mock.patch.object(sync_station, "now_utc", lambda: now_utc() + offset):
        yield


class _Desks:
    """Headquarters and the station desks enrolled with it, each in its own folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hq = open_desk(DeskPaths(folder / "hq"))
        # Real first accounts, signed in, as on a real desk (the status bar shows who).
        setup.init_hq(self.hq, HQ_NAME, admin=NewAccount("sana.javed", SHOT_PASSWORD, "Sana"))
        self.stations: dict[str, DeskContext] = {}

    def station(self, code: str, complaints: int = 2) -> DeskContext:
        enrollment = sync_hq.enroll_station(self.hq, code, self.folder / f"enroll-{code}")
        ctx = open_desk(DeskPaths(self.folder / code))
        admin = NewAccount(f"{code.lower()}.supervisor", SHOT_PASSWORD, "Supervisor")
        sync_station.enroll_from_file(ctx, enrollment, admin=admin)
        _register(ctx, code, SAMPLE_COMPLAINTS[:complaints])
        self.stations[code] = ctx
        return ctx

    def stick(self, name: str) -> Path:
        path = self.folder / name
        path.mkdir(exist_ok=True)
        return path

    def close(self) -> None:
        for ctx in (*self.stations.values(), self.hq):
            ctx.close()


def _wait_for(signal: SignalInstance) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    loop.exec()


def _sync_station_window(desks: _Desks) -> MainWindow:
    """Clifton's desk just after it wrote its second bundle (and registered one more complaint)."""
    clifton = desks.station("CLIF", complaints=3)
    sync_station.export_bundle(clifton, desks.stick("earlier stick"))
    _register(clifton, "CLIF", SAMPLE_COMPLAINTS[3:4])
    window = MainWindow(clifton)
    window.resize(*SIZE)
    window.show_page(SYNC)
    page = window.pages[SYNC]
    assert isinstance(page, SyncPage)
    stick = desks.stick("USB stick")
    with mock.patch.object(dialogs, "choose_folder", lambda *args: stick):
        page.export_bundle()
        _wait_for(page.work_finished)
    _register(clifton, "CLIF", SAMPLE_COMPLAINTS[4:5])
    page.refresh()
    window.refresh()
    return window


def _hq_stations_scene(desks: _Desks) -> tuple[MainWindow, ImportDialog]:
    """Headquarters with stations in every state, and the report of importing a USB stick."""
    earlier, stick, lost = desks.stick("imported"), desks.stick("USB stick"), desks.stick("lost")

    clifton = desks.station("CLIF", complaints=3)
    first = sync_station.export_bundle(clifton, earlier)
    _register(clifton, "CLIF", SAMPLE_COMPLAINTS[3:5])
    sync_station.export_bundle(clifton, stick)
    assert first.path is not None
    shutil.copy(first.path, stick)  # brought again: recognised, not merged twice

    with _station_clock(-timedelta(days=12)):
        sync_station.export_bundle(desks.station("BOBA"), earlier)
    sync_station.export_bundle(desks.station("SADD", complaints=1), earlier)
    darakhshan = desks.station("DARA")
    sync_station.export_bundle(darakhshan, lost)  # never reaches headquarters
    _register(darakhshan, "DARA", SAMPLE_COMPLAINTS[2:3])
    sync_station.export_bundle(darakhshan, stick)
    with _station_clock(timedelta(minutes=25)):
        sync_station.export_bundle(desks.station("DEFE", complaints=4), stick)
    desks.station("GIZR")  # enrolled, never heard from
    (stick / "CPLC-FRER-000003-20250101.cplcbundle").write_bytes(b"copied off a broken stick")

    bundle_import.import_bundles(desks.hq, [earlier])
    sync_hq.revoke_station(desks.hq, "SADD")

    window = MainWindow(desks.hq)
    window.resize(*HQ_SIZE)
    window.show_page(SYNC)
    page = window.pages[SYNC]
    assert isinstance(page, StationsPage)
    names = {st.code: st.name for st in reference.stations(desks.hq)}
    dialog = ImportDialog(desks.hq, names, window)
    dialog.import_paths([stick])
    _wait_for(dialog.import_finished)
    page.refresh()
    page.select_code("DEFE")
    return window, dialog


def _hq_conflicts_scene(desks: _Desks) -> MainWindow:
    """Headquarters' conflict queue: Clifton's edits of two complaints crossed other versions."""
    from sqlalchemy import update

    from cplc_desk.storage.models import Complaint

    clifton = desks.station("CLIF", complaints=4)
    sync_station.export_bundle(clifton, desks.stick("first"))
    bundle_import.import_bundles(desks.hq, [desks.stick("first")])
    with clifton.unit_of_work() as s:
        edits = s.query(Complaint).order_by(Complaint.created_at).limit(2).all()
        edits[0].narrative = "Phone snatched at the Khayaban-e-Ittehad signal by two men on a bike."
        edits[0].incident_place = "Khayaban-e-Ittehad, Phase 6"
        edits[1].fir_number = "412/2026"
        ids = [c.id for c in edits]
    # Staged: headquarters holds "another" version of both records, so the station's edits do
    # not descend from it and the real merge keeps both versions as conflicts.
    with desks.hq.store.write(actor="scene", desk_code="HQ") as s:
        s.execute(update(Complaint).where(Complaint.id.in_(ids)).values(sync_hash="0" * 64))
    sync_station.export_bundle(clifton, desks.stick("second"))
    bundle_import.import_bundles(desks.hq, [desks.stick("second")])
    window = MainWindow(desks.hq)
    window.resize(*HQ_SIZE)
    window.show_page(CONFLICTS)
    return window


def _replace_scene(desks: _Desks, from_backup: bool) -> DeskSetupDialog:
    """The first-run dialog on a new PC for Clifton, its files chosen from the USB stick."""
    clifton = desks.station("CLIF", complaints=3)
    stick = desks.stick("USB stick")
    new = open_desk(DeskPaths(desks.folder / "new-pc"))
    desks.stations["new-pc"] = new  # closed with the others
    dialog = DeskSetupDialog(new)
    dialog.replace_radio.setChecked(True)
    if from_backup:
        stamp = f"{now_utc():%Y%m%dT%H%M%SZ}"
        sealed = backup.write_backup(clifton, stick / f"cplc-backup-CLIF-{stamp}.cplcbak").path
        dialog.replace.backup_radio.setChecked(True)
        dialog.replace.backup_edit.setText(str(sealed))
        dialog.replace.code_edit.setText(backup.recovery_code(clifton))
        return dialog
    bundle = sync_station.export_bundle(clifton, desks.stick("bundles")).path
    assert bundle is not None
    bundle_import.import_bundles(desks.hq, [bundle])
    enrollment = sync_hq.enroll_station(desks.hq, "CLIF", stick)
    snapshot = station_snapshot.export_station_snapshot(desks.hq, "CLIF", stick).path
    dialog.replace.enrollment_edit.setText(str(enrollment))
    dialog.replace.snapshot_edit.setText(str(snapshot))
    dialog.replace.skip_spin.setValue(20)
    dialog.admin_fields.username_edit.setText("nadia.shah")
    dialog.admin_fields.display_name_edit.setText("Nadia Shah")
    dialog.admin_fields.password_edit.setText(SHOT_PASSWORD)
    dialog.admin_fields.confirm_edit.setText(SHOT_PASSWORD)
    return dialog


def _grab_with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with the dialog drawn over it where it sits, with the title bar and outline a
    window manager would give it (there is none under Xvfb)."""
    shot = window.grab()
    painter = QPainter(shot)
    offset = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    title_height = dialog.fontMetrics().height() + 12
    title = QRect(offset.x(), offset.y() - title_height, dialog.width(), title_height)
    painter.fillRect(title, QColor("#dcdcdc"))
    painter.setPen(QColor("#202020"))
    painter.drawText(title, Qt.AlignmentFlag.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(offset, dialog.grab())
    painter.setPen(QColor("#7a7a7a"))
    painter.drawRect(title.united(dialog.rect().translated(offset)).adjusted(-1, -1, 0, 0))
    painter.end()
    return shot


def _prepare(ctx: DeskContext, demo: bool) -> None:
    if demo:
        try:
            import cplc_desk.services.desk.demo  # noqa: F401
        except ImportError:
            demo = False
    if not demo or not populate_demo(ctx):
        _fill_small(ctx)


def _grab_when_shown(
    widget: QWidget, out: Path, grab_widget: Callable[[], QPixmap] | None = None
) -> None:
    def grab() -> None:
        if not widget.isVisible():
            QTimer.singleShot(50, grab)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        pixmap = grab_widget() if grab_widget is not None else widget.grab()
        if not pixmap.save(str(out)):
            print(f"could not save {out}", file=sys.stderr)
            create_application().exit(1)
            return
        print(out)
        widget.close()
        create_application().exit(0)

    # A short delay after showing lets the window manager map it and layouts settle.
    QTimer.singleShot(300, grab)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots.screenshot")
    parser.add_argument("out", type=Path)
    parser.add_argument("--demo", action="store_true", help="fill the desk with demo records")
    scene = parser.add_mutually_exclusive_group()
    scene.add_argument("--setup", action="store_true", help="show the first-run dialog instead")
    scene.add_argument(
        "--replace-snapshot",
        action="store_true",
        help="the first-run dialog on a replacement PC, headquarters' snapshot chosen",
    )
    scene.add_argument(
        "--replace-backup",
        action="store_true",
        help="the first-run dialog on a replacement PC, a sealed backup chosen",
    )
    scene.add_argument(
        "--sync-station", action="store_true", help="a station desk's Sync page after an export"
    )
    scene.add_argument(
        "--hq-stations",
        action="store_true",
        help="headquarters' Stations page with an import report",
    )
    scene.add_argument("--hq-conflicts", action="store_true", help="headquarters' conflict queue")
    scene.add_argument("--login", action="store_true", help="the sign-in dialog, a wrong password")
    scene.add_argument("--audit", action="store_true", help="the audit trail viewer (demo desk)")
    parser.add_argument("--lang", choices=("en", "ur"), help="the window's language")
    args = parser.parse_args(argv)

    app = create_application([sys.argv[0]])
    # Pakistan's conventions whatever the build machine's locale (gui/shell/language.py).
    language.apply_language(args.lang or language.start_language(), app)
    folder = Path(tempfile.mkdtemp(prefix="cplc-desk-shot-"))
    if args.hq_conflicts or args.replace_snapshot or args.replace_backup:
        desks = _Desks(folder)
        try:
            window: QWidget = (
                _hq_conflicts_scene(desks)
                if args.hq_conflicts
                else _replace_scene(desks, from_backup=args.replace_backup)
            )
            window.show()
            _grab_when_shown(window, args.out)
            return app.exec()
        finally:
            desks.close()
            shutil.rmtree(folder, ignore_errors=True)
    if args.sync_station or args.hq_stations:
        return _sync_shot(app.exec, folder, args.out, args.hq_stations)
    ctx = open_desk(DeskPaths(folder / "desk"))
    try:
        widget: QWidget
        if args.setup:
            dialog = DeskSetupDialog(ctx)
            dialog.picker.select_code("CLIF")
            widget = dialog
        elif args.login:
            widget = _login_scene(ctx)
        elif args.audit:
            _prepare(ctx, True)
            widget = AuditViewerDialog(ctx)
        else:
            _prepare(ctx, args.demo)
            widget = MainWindow(ctx, demo=args.demo)
            widget.resize(*SIZE)
        widget.show()
        _grab_when_shown(widget, args.out)
        return app.exec()
    finally:
        ctx.close()
        shutil.rmtree(folder, ignore_errors=True)


def _sync_shot(exec_: Callable[[], int], folder: Path, out: Path, hq: bool) -> int:
    desks = _Desks(folder)
    try:
        if hq:
            window, dialog = _hq_stations_scene(desks)
            window.show()
            dialog.show()
            # Over the lower part of the window, so the stations table stays in view above it.
            dialog.move(
                window.mapToGlobal(
                    QPoint(
                        window.width() - dialog.width() - 24,
                        window.height() - dialog.height() - 70,
                    )
                )
            )
            _grab_when_shown(window, out, lambda: _grab_with_dialog(window, dialog))
        else:
            window = _sync_station_window(desks)
            window.show()
            _grab_when_shown(window, out)
        return exec_()
    finally:
        desks.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
