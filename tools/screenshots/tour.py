"""Screenshots of every page and dialog, and of both receipts, in one language:
``python -m tools.screenshots.tour OUT_DIR [--lang ur]`` (``make screenshots-ur``).

A demo station (its supervisor signed in) and a headquarters with enrolled stations are built in
a throwaway folder; each page of both windows and each dialog a volunteer or an analyst opens is
shown, given a moment to lay out, and saved as ``OUT_DIR/<name>.png``; the complaint and vehicle
receipts (A5 and 80 mm), and the phone owner's, are rendered from records typed in Urdu and rasterised with pypdfium2.
Run it under a real platform (``xvfb-run -a -s "-screen 0 1600x1000x24"``), as for
tools.screenshots.screenshot; docs/screenshots/ur/ holds its Urdu output.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.imei import check_digit as imei_check_digit
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft
from cplc_desk.domain.statistics import Month
from cplc_desk.gui.accounts.accounts_page import AccountsDialog, ChangePasswordDialog
from cplc_desk.gui.accounts.audit_viewer import AuditViewerDialog
from cplc_desk.gui.backups.recovery_code_dialog import RecoveryCodeDialog
from cplc_desk.gui.complaints.complaint_detail import ComplaintDetailDialog
from cplc_desk.gui.complaints.complaint_form import ComplaintFormDialog
from cplc_desk.gui.hq.enroll_dialog import EnrollStationDialog
from cplc_desk.gui.hq.import_dialog import ImportDialog
from cplc_desk.gui.imports.register_dialog import RegisterImportDialog
from cplc_desk.gui.phones.phone_detail import PhoneDetailDialog
from cplc_desk.gui.phones.phone_form import PhoneFormDialog
from cplc_desk.gui.phones.phones_page import PhonesPage
from cplc_desk.gui.shell import language
from cplc_desk.gui.shell.app import create_application
from cplc_desk.gui.shell.areas import PHONES, REPORTS
from cplc_desk.gui.shell.demo_progress import populate_demo
from cplc_desk.gui.shell.login_dialog import LoginDialog
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.shell.setup_dialog import DeskSetupDialog
from cplc_desk.gui.vehicles.city_checks import CityChecksDialog
from cplc_desk.gui.vehicles.vehicle_detail import VehicleDetailDialog
from cplc_desk.gui.vehicles.vehicle_form import VehicleFormDialog
from cplc_desk.paths import DeskPaths
from cplc_desk.printing.receipt import render_receipt
from cplc_desk.services.complaints import receipts
from cplc_desk.services.complaints.complaints import register_complaint
from cplc_desk.services.desk import reference
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.desk.records import Registered
from cplc_desk.services.phones import phones
from cplc_desk.services.phones import receipts as phone_receipts
from cplc_desk.services.vehicles import vehicles
from cplc_desk.services.vehicles.vehicles import register_vehicle_report
from tools.screenshots.screenshot import HQ_SIZE, SIZE, _Desks, _hq_stations_scene

# Records typed in Urdu, as a volunteer would, for the receipts and the detail views.
URDU_COMPLAINT = ComplaintDraft(
    complainant=PersonDraft(
        name="محمد علی ولد احمد حسین", cnic="4210112345672", mobile="03331234567",
        address="مکان نمبر 12، بلاک 7، گلشن اقبال",
    ),
    category="MOBILE_SNATCHING",
    police_station="BOBA",
    fir_number="123/2026",
    incident_place="تین تلوار، کلفٹن",
    narrative="تین تلوار کے قریب بس اسٹاپ پر دو موٹر سائیکل سواروں نے اسلحے کے زور پر میرا "
    "موبائل فون Samsung A52 چھین لیا۔ ایف آئی آر 123/2026 درج ہے۔",
)  # fmt: skip
URDU_VEHICLE = VehicleReportDraft(
    kind="snatched", vehicle_class="motorcycle", registration="KZU-9748", chassis="KA-7712345",
    make="Honda", model="CD 70", colour="سرخ", model_year="2019", police_station="CLIF",
    incident_place="خیابانِ اتحاد، ڈیفنس",
    owner=PersonDraft(name="سارہ خان", cnic="4220198765432", mobile="03001234567"),
)  # fmt: skip

# Handsets, for the Phones page, its form, its check and its receipt.
URDU_PHONE = PhoneReportDraft(
    kind="snatched", imei="356938035643809", imei2="356938035643817", make="Samsung",
    model="Galaxy A52", colour="کالا", sim_number="03331234567", police_station="BOBA",
    incident_place="تین تلوار، کلفٹن", fir_number="123/2026",
    owner=PersonDraft(name="محمد علی ولد احمد حسین", cnic="4210112345672", mobile="03331234567"),
)  # fmt: skip
MORE_PHONES = (
    ("stolen", "860123456789012", "Oppo", "A16", "Blue"),
    ("recovered", "354812345678905", "Vivo", "Y20", "White"),
    ("found", "352099001761481", "Tecno", "Spark 8", "Black"),
)


def add_phones(ctx: DeskContext) -> Registered:
    """The Urdu snatching report and a few more, each with a valid IMEI."""
    for kind, body, make, model, colour in MORE_PHONES:
        number = body[:14] + imei_check_digit(body[:14])
        phones.register_phone_report(ctx, PhoneReportDraft(
            kind=kind, imei=number, make=make, model=model, colour=colour, police_station="CLIF",
        ))  # fmt: skip
    return phones.register_phone_report(ctx, URDU_PHONE)


def phones_check(window: MainWindow, imei: str) -> QWidget:
    """The Phones page after a dealer's check of ``imei``."""
    window.show_page(PHONES)
    page = window.pages[PHONES]
    assert isinstance(page, PhonesPage)
    page.verify_widget.input.setText(imei)
    page.verify_widget.check_now()
    while page.verify_widget.is_checking():
        settle(100)
    return window


def mistyped_phone_form(ctx: DeskContext, imei: str) -> QWidget:
    """The phone form with one digit of ``imei`` mistyped, the desk's near number offered."""
    form = PhoneFormDialog(ctx)
    form.fields.kind_combo.setCurrentIndex(form.fields.kind_combo.findData("recovered"))
    slip = imei[:6] + str((int(imei[6]) + 1) % 10) + imei[7:]
    form.fields.imei_edit.setText(slip)
    form.fields.show_problems(form.fields.problems(), {"imei"})
    form.fields.imei_mistyped.emit("imei", slip)
    form.show()
    settle(600)
    return form


def computed_reports(window: MainWindow, month: Month | None = None) -> QWidget:
    """The window on its Reports page, ``month`` (default: the month just ended) computed on
    the page's worker."""
    from cplc_desk.gui.reports.reports_page import ReportsPage

    window.show_page(REPORTS)
    page = window.pages[REPORTS]
    assert isinstance(page, ReportsPage)
    if month is not None:
        page.request_widget.set_month(month)
    loop = QEventLoop()
    page.computed.connect(loop.quit)
    page.task.failed.connect(lambda error: (print(error), loop.quit()))
    page.compute()
    loop.exec()
    return window


def reports_tour(folder: Path, out: Path) -> None:
    """Only the Reports page, computed over the demo station's records."""
    ctx = open_desk(DeskPaths(folder / "reports"))
    try:
        if not populate_demo(ctx):
            raise SystemExit("could not fill the demo station")
        window = MainWindow(ctx, demo=True)
        shoot(computed_reports(window), out / "reports-page-computed.png", SIZE)
        page = window.pages[REPORTS]
        for index, name in ((2, "trend"), (3, "street-crime")):
            page.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
            shoot(window, out / f"reports-page-{name}.png", SIZE)
        window.close()
    finally:
        ctx.close()


def settle(ms: int = 350) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, out: Path, size: tuple[int, int] | None = None) -> None:
    if size is not None:
        widget.resize(*size)
    widget.show()
    settle()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise OSError(f"could not save {out}")
    print(out)


def shoot_dialog(
    make: Callable[[], QWidget], out: Path, size: tuple[int, int] | None = None
) -> None:
    dialog = make()
    try:
        shoot(dialog, out, size)
    finally:
        if isinstance(dialog, QDialog):
            dialog.done(QDialog.DialogCode.Rejected)  # no "close without saving?" question
        else:
            dialog.close()
        dialog.deleteLater()


def receipt_pngs(pdf: bytes, out: Path) -> None:
    document = pdfium.PdfDocument(pdf)
    try:
        document[0].render(scale=150 / 72).to_pil().save(out)
    finally:
        document.close()
    print(out)


def register_import(ctx: DeskContext, folder: Path) -> RegisterImportDialog:
    """The register import after a workbook of two sheets was read: two rows to fix."""
    book = openpyxl.Workbook()
    book.active.title = "Vehicles"
    book.active.append(["kind", "vehicle_class", "registration", "police_station"])
    sheet = book.create_sheet("Complaints 2025")
    sheet.append(["Clifton police station: complaints register 2025"])
    sheet.append(["reference", "complainant_name", "cnic", "mobile", "category", "police_station",
                  "incident_date", "narrative"])  # fmt: skip
    rows = [
        ("R-101", "Ayesha Siddiqui", 4210112345671, 3001234567, "THEFT", "CLIF", "A bag was taken."),
        ("R-102", "Bilal Hussain", "4210-12", 3331234567, "THEFT", "CLIF", "A phone was taken."),
        ("R-103", "Sara Ahmed", 4220198765432, 3211234567, "THEFT", "Nowhere", "A car was opened."),
        ("R-104", "Imran Ali", 4220198765433, 3451234567, "STREET_ROBBERY", "BOBA", "Cash was taken."),
    ]  # fmt: skip
    for ref, name, cnic, mobile, category, station, narrative in rows:
        sheet.append([ref, name, cnic, mobile, category, station, date(2025, 3, 4), narrative])
    path = folder / "registers.xlsx"
    book.save(path)
    dialog = RegisterImportDialog(ctx)
    dialog.set_file(path)
    dialog.start_import()
    while dialog.is_busy():
        settle(100)
    return dialog


def station_tour(folder: Path, out: Path) -> None:
    ctx = open_desk(DeskPaths(folder / "station"))
    try:
        if not populate_demo(ctx):
            raise SystemExit("could not fill the demo station")
        complaint = register_complaint(ctx, URDU_COMPLAINT)
        vehicle = register_vehicle_report(ctx, URDU_VEHICLE)
        phone = add_phones(ctx)
        window = MainWindow(ctx, demo=True)
        for key in window.area_keys:
            window.show_page(key)
            shoot(window, out / f"station-{key}.png", SIZE)
        shoot(phones_check(window, URDU_PHONE.imei2), out / "station-phones-check.png", SIZE)
        shoot(computed_reports(window), out / "reports-page-computed.png", SIZE)
        window.lock()
        shoot(window, out / "station-locked.png", SIZE)
        window._on_unlocked(True)  # the same person again, for the dialogs below
        window.close()

        def filled_form() -> QWidget:
            form = ComplaintFormDialog(ctx)
            form.entry.complainant.name.setText("عائشہ صدیقی")
            form.entry.complainant.cnic.setText("42101-7654321-8")
            return form

        shoot_dialog(filled_form, out / "complaint-form.png")
        shoot_dialog(lambda: VehicleFormDialog(ctx), out / "vehicle-form.png")
        shoot_dialog(lambda: ComplaintDetailDialog(ctx, complaint.id), out / "complaint-detail.png")
        shoot_dialog(lambda: VehicleDetailDialog(ctx, vehicle.id), out / "vehicle-detail.png")
        shoot_dialog(lambda: mistyped_phone_form(ctx, URDU_PHONE.imei), out / "phone-form.png")
        shoot_dialog(lambda: PhoneDetailDialog(ctx, phone.id), out / "phone-detail.png")
        shoot_dialog(lambda: AuditViewerDialog(ctx), out / "audit-trail.png", (1100, 640))
        shoot_dialog(lambda: AccountsDialog(ctx), out / "accounts.png", (900, 520))
        shoot_dialog(lambda: ChangePasswordDialog(ctx), out / "change-password.png")
        shoot_dialog(
            lambda: RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"), out / "recovery-code.png"
        )
        shoot_dialog(lambda: ImportDialog(ctx), out / "import.png")
        shoot_dialog(lambda: register_import(ctx, folder), out / "register-import.png", (980, 640))

        first = receipts.issue_receipt(ctx, complaint.id)
        receipt_pngs(render_receipt(first, "a5"), out / "receipt-complaint-a5.png")
        receipt_pngs(render_receipt(first, "80mm"), out / "receipt-complaint-80mm.png")
        owner = vehicles.issue_receipt(ctx, vehicle.id)
        receipt_pngs(render_receipt(owner, "a5"), out / "receipt-vehicle-a5.png")
        receipt_pngs(render_receipt(owner, "80mm"), out / "receipt-vehicle-80mm.png")
        handset = phone_receipts.issue_receipt(ctx, phone.id)
        receipt_pngs(render_receipt(handset, "a5"), out / "receipt-phone-a5.png")
        receipt_pngs(render_receipt(handset, "80mm"), out / "receipt-phone-80mm.png")
        reprint = receipts.issue_receipt(ctx, complaint.id)
        receipt_pngs(render_receipt(reprint, "80mm"), out / "receipt-complaint-copy-80mm.png")

        ctx.actor = Actor.nobody()
        shoot_dialog(lambda: LoginDialog(ctx), out / "sign-in.png")
    finally:
        ctx.close()
    fresh = open_desk(DeskPaths(folder / "fresh"))
    try:
        shoot_dialog(lambda: DeskSetupDialog(fresh), out / "first-run.png")
    finally:
        fresh.close()


def headquarters_tour(folder: Path, out: Path) -> None:
    desks = _Desks(folder / "hq-desks")
    try:
        window, report = _hq_stations_scene(desks)
        report.close()
        for key in window.area_keys:
            window.show_page(key)
            shoot(window, out / f"hq-{key}.png", HQ_SIZE)
        this_month = Month.of(now_utc())  # the scene's records are this month's
        shoot(computed_reports(window, this_month), out / "hq-reports-computed.png", HQ_SIZE)
        window.pages[REPORTS].tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        shoot(window, out / "hq-reports-by-area.png", HQ_SIZE)
        window.close()
        hq = desks.hq
        stations = reference.stations(hq)
        shoot_dialog(lambda: CityChecksDialog(hq), out / "hq-city-checks.png")
        shoot_dialog(lambda: EnrollStationDialog(stations, ["CLIF"]), out / "hq-enroll.png")
    finally:
        desks.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--lang", choices=("en", "ur"), default="ur")
    parser.add_argument(
        "--register-import", action="store_true", help="only the register import's dialog"
    )
    parser.add_argument("--reports", action="store_true", help="only the Reports page, computed")
    args = parser.parse_args(argv)
    app = create_application([sys.argv[0]])
    language.apply_language(args.lang, app)
    folder = Path(tempfile.mkdtemp(prefix="cplc-desk-tour-"))
    try:
        if args.register_import:
            ctx = open_desk(DeskPaths(folder / "station"))
            try:
                populate_demo(ctx, complaints=0, vehicles=0)
                shoot_dialog(
                    lambda: register_import(ctx, folder), args.out / "register-import.png",
                    (980, 640),
                )  # fmt: skip
            finally:
                ctx.close()
            return 0
        if args.reports:
            reports_tour(folder, args.out)
            return 0
        station_tour(folder, args.out)
        headquarters_tour(folder, args.out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
