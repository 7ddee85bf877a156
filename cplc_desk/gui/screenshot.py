"""Screenshots for the docs: ``python -m cplc_desk.gui.screenshot OUT.png [--demo] [--setup]``.

Opens the main window (or, with ``--setup``, the first-run dialog) on a throwaway data folder,
waits until it is on screen and saves a grab of it. Run it under a real platform (e.g.
``xvfb-run -a -s "-screen 0 1280x800x24"``): the offscreen platform draws no fonts it cannot find.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.gui.app import apply_layout_direction, create_application, install_translators
from cplc_desk.gui.demo_progress import populate_demo
from cplc_desk.gui.main_window import MainWindow
from cplc_desk.gui.setup_dialog import DeskSetupDialog
from cplc_desk.paths import DeskPaths
from cplc_desk.services import records, setup
from cplc_desk.services.context import DeskContext, open_desk

SIZE = (1200, 760)
SAMPLE_COMPLAINTS = (
    ("Ayesha Siddiqui", "MOBILE_SNATCHING", "Phone snatched at a signal on Khayaban-e-Ittehad."),
    ("Muhammad Imran", "FIR_NOT_REGISTERED", "Station refused to register an FIR for a burglary."),
    ("Farhan Qureshi", "THEFT", "Motorcycle parts stolen from a parked bike at Do Talwar."),
)


def _fill_small(ctx: DeskContext) -> None:
    """A station with a few complaints, for when the demo service is not available."""
    setup.init_station(ctx, "CLIF")
    now = now_utc()
    for hours, (name, category, narrative) in enumerate(SAMPLE_COMPLAINTS, start=2):
        records.register_complaint(
            ctx,
            ComplaintDraft(
                complainant=PersonDraft(name=name),
                category=category,
                police_station="CLIF",
                incident_at=now - timedelta(hours=hours * 7),
                narrative=narrative,
            ),
        )


def _prepare(ctx: DeskContext, demo: bool) -> None:
    if demo:
        try:
            import cplc_desk.services.demo  # noqa: F401
        except ImportError:
            demo = False
    if not demo or not populate_demo(ctx):
        _fill_small(ctx)


def _grab_when_shown(widget: QWidget, out: Path) -> None:
    def grab() -> None:
        if not widget.isVisible():
            QTimer.singleShot(50, grab)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(out)):
            print(f"could not save {out}", file=sys.stderr)
            create_application().exit(1)
            return
        print(out)
        widget.close()
        create_application().exit(0)

    # A short delay after showing lets the window manager map it and layouts settle.
    QTimer.singleShot(300, grab)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cplc_desk.gui.screenshot")
    parser.add_argument("out", type=Path)
    parser.add_argument("--demo", action="store_true", help="fill the desk with demo records")
    parser.add_argument("--setup", action="store_true", help="show the first-run dialog instead")
    args = parser.parse_args(argv)

    app = create_application([sys.argv[0]])
    install_translators(app)
    apply_layout_direction(app)
    folder = Path(tempfile.mkdtemp(prefix="cplc-desk-shot-"))
    ctx = open_desk(DeskPaths(folder / "desk"))
    try:
        widget: QWidget
        if args.setup:
            dialog = DeskSetupDialog(ctx)
            dialog.picker.select_code("CLIF")
            widget = dialog
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


if __name__ == "__main__":
    raise SystemExit(main())
