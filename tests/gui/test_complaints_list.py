"""The complaints list: a lazy model over keyset pages, the search box and filters narrowing it
in SQL, the count, the dialogs it opens, and a 100,000-complaint desk opening on one page."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from bench.fixtures import fill_complaints
from cplc_desk.domain.clock import PKT
from cplc_desk.domain.validation import mask_cnic, mask_phone, parse_fir_number
from cplc_desk.domain.workflow import OPEN_STATUSES
from cplc_desk.gui.complaints.complaint_filters import search_hint
from cplc_desk.gui.complaints.complaints_model import (
    CNIC,
    FOLLOW_UP,
    MOBILE,
    OVERDUE_ROLE,
    REGISTERED,
    STATUS,
    ComplaintsModel,
    local_today,
)
from cplc_desk.gui.complaints.complaints_page import ComplaintsPage
from cplc_desk.gui.shell.areas import COMPLAINTS
from cplc_desk.gui.shell.main_window import MainWindow
from cplc_desk.gui.widgets import dialogs
from cplc_desk.gui.widgets.count_widgets import format_count
from cplc_desk.gui.widgets.keyset_model import ID_ROLE
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list, complaints
from cplc_desk.services.complaints.complaint_list import ComplaintQuery, ComplaintRow
from cplc_desk.services.desk import demo, setup
from cplc_desk.services.desk.context import DeskContext, open_desk

DEMO_COMPLAINTS = 600
BIG = 100_000
OPEN = {s.value for s in OPEN_STATUSES}


# ---------------------------------------------------------------------- fixtures


@pytest.fixture
def demo_ctx(station_ctx: DeskContext) -> DeskContext:
    demo.populate(station_ctx, complaints=DEMO_COMPLAINTS, vehicles=0)
    return station_ctx


def refuse_form() -> QDialog:
    raise AssertionError("the complaint form was opened unexpectedly")


def refuse_detail(complaint_id: str) -> QDialog:
    raise AssertionError(f"complaint {complaint_id} was opened unexpectedly")


@pytest.fixture
def open_page(qtbot) -> Iterator[Callable[[DeskContext], ComplaintsPage]]:
    """Shows a complaints page on a desk; at the end waits for its count (a worker thread reading
    the store) so the store is not closed under it."""
    pages: list[ComplaintsPage] = []

    def make(ctx: DeskContext) -> ComplaintsPage:
        page = ComplaintsPage(ctx)
        page.open_form = refuse_form
        page.open_detail = refuse_detail
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        qtbot.waitExposed(page)
        pages.append(page)
        return page

    yield make
    for page in pages:
        qtbot.waitUntil(lambda page=page: not page.is_counting())


@pytest.fixture
def page(open_page, demo_ctx: DeskContext) -> ComplaintsPage:
    return open_page(demo_ctx)


def all_rows(model: ComplaintsModel) -> list[ComplaintRow]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return model.rows()


def every_row(ctx: DeskContext, query: ComplaintQuery | None = None) -> list[ComplaintRow]:
    """Straight from the service, page after page."""
    rows: list[ComplaintRow] = []
    cursor = None
    while True:
        found = complaint_list.list_page(ctx, query or ComplaintQuery(), cursor)
        rows += found.rows
        cursor = found.next
        if cursor is None:
            return rows


def type_search(qtbot, page: ComplaintsPage, text: str) -> None:
    """Type as a person would and wait for the search that runs when typing pauses."""
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, text)
    qtbot.waitUntil(lambda: page.model.query.text == text.strip())


def wait_for_count(qtbot, page: ComplaintsPage, n: int) -> None:
    expected = (
        f"{format_count(n)} complaints"
        if n > 1
        else ("1 complaint" if n == 1 else "No complaints match")
    )
    qtbot.waitUntil(lambda: page.count_text() == expected)


def words_of(ctx: DeskContext, complaint_id: str) -> list[str]:
    detail = complaints.get(ctx, complaint_id)
    text = f"{detail.complainant} {detail.relative_name or ''} {detail.narrative}"
    return re.findall(r"\w+", text.casefold())


def matches_words(ctx: DeskContext, complaint_id: str, typed: str) -> bool:
    """The search's rule: every typed word starts a word of the names or the narrative."""
    words = words_of(ctx, complaint_id)
    return all(any(w.startswith(t) for w in words) for t in re.findall(r"\w+", typed.casefold()))


# ---------------------------------------------------------------------- the model


def test_model_loads_a_page_at_a_time(qtbot, demo_ctx: DeskContext) -> None:
    model = ComplaintsModel(demo_ctx)
    model.set_query(ComplaintQuery())
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())

    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == DEMO_COMPLAINTS
    assert not model.canFetchMore(QModelIndex())

    rows = model.rows()
    assert len({r.id for r in rows}) == DEMO_COMPLAINTS
    assert [r.id for r in rows] == [r.id for r in every_row(demo_ctx)]  # newest first, no gaps
    first = model.index(0, 0)
    assert first.data(ID_ROLE) == rows[0].id
    assert first.data() == rows[0].number


def test_model_passes_the_model_tester(qtmodeltester, demo_ctx: DeskContext) -> None:
    for force_py in (False, True):  # Qt's own tester, then pytest-qt's
        model = ComplaintsModel(demo_ctx, page_size=100)
        model.set_query(ComplaintQuery())
        qtmodeltester.check(model, force_py=force_py)
        # The tester fetches a page or two more; nothing reads the whole store.
        assert model.rowCount() < DEMO_COMPLAINTS
        assert model.canFetchMore(QModelIndex())


def test_model_shows_names_not_codes(demo_ctx: DeskContext) -> None:
    model = ComplaintsModel(demo_ctx)
    model.set_query(ComplaintQuery(stations=("CLIF",), statuses=("fir_lodged",)))
    assert model.rowCount() > 0
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Number", "Registered", "Complainant", "CNIC", "Mobile", "Category",
                       "Police station", "Status", "FIR", "Next follow-up"]  # fmt: skip
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "Clifton" in texts
    assert "FIR lodged" in texts
    assert model.index(0, STATUS).data() == "FIR lodged"
    for i, row in enumerate(model.rows()):
        assert model.index(i, CNIC).data() == (row.cnic_masked or "–")
        assert model.index(i, MOBILE).data() == (row.mobile_masked or "–")
        assert "*" in (row.cnic_masked or "*") and "*" in (row.mobile_masked or "*")


def test_numbers_keep_their_order_in_right_to_left_layouts(qapp, demo_ctx: DeskContext) -> None:
    model = ComplaintsModel(demo_ctx)
    model.set_query(ComplaintQuery())
    row = next(i for i, r in enumerate(model.rows()) if r.cnic_masked)
    plain = model.index(row, CNIC).data()
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        # Urdu: without an embedding the digit groups would swap places around the dashes.
        assert model.index(row, CNIC).data() == f"\u202a{plain}\u202c"
        assert search_hint("42101-1234567-1") == "Searching CNIC \u202a42101-*****67-1\u202c"
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert search_hint("42101-1234567-1") == "Searching CNIC 42101-*****67-1"


def test_overdue_follow_ups_are_marked_in_words_and_colour(demo_ctx: DeskContext) -> None:
    today = local_today()
    model = ComplaintsModel(demo_ctx)
    model.set_query(ComplaintQuery())
    rows = all_rows(model)
    overdue = [
        i
        for i, r in enumerate(rows)
        if r.status in OPEN and r.next_follow_up_on is not None and r.next_follow_up_on < today
    ]
    assert overdue, "the demo data has overdue follow-ups"
    for i in overdue:
        cell = model.index(i, FOLLOW_UP)
        assert cell.data(OVERDUE_ROLE) is True
        assert "overdue" in cell.data()
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    fine = next(i for i in range(len(rows)) if i not in set(overdue))
    assert model.index(fine, FOLLOW_UP).data(OVERDUE_ROLE) is False
    assert model.index(fine, FOLLOW_UP).data(Qt.ItemDataRole.BackgroundRole) is None

    # Seen from long ago, nothing is overdue yet.
    model.today = lambda: date(2000, 1, 1)
    model.reload()
    assert not any(model.index(i, FOLLOW_UP).data(OVERDUE_ROLE) for i in range(model.rowCount()))


# ---------------------------------------------------------------------- searching


def test_page_opens_on_the_newest_page_with_a_count(qtbot, page: ComplaintsPage) -> None:
    assert page.model.rowCount() == 200
    wait_for_count(qtbot, page, DEMO_COMPLAINTS)
    assert page.search_box.placeholderText() == (
        "Receipt number, CNIC, mobile, FIR number, name or words"
    )
    assert not page.open_button.isEnabled()
    assert page.new_button.isEnabled()


def test_receipt_number_finds_its_complaint(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    target = complaint_list.list_page(demo_ctx, ComplaintQuery()).rows[57]
    type_search(qtbot, page, target.number)
    assert [r.id for r in page.model.rows()] == [target.id]
    assert page.hint_label.text() == f"Searching receipt number {target.number}"
    wait_for_count(qtbot, page, 1)


def test_cnic_finds_that_persons_complaints(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    target = next(
        r for r in complaint_list.list_page(demo_ctx, ComplaintQuery()).rows if r.cnic_masked
    )
    cnic = complaints.get(demo_ctx, target.id).cnic
    assert cnic is not None
    type_search(qtbot, page, cnic)
    rows = page.model.rows()
    assert target.id in {r.id for r in rows}
    assert 0 < len(rows) < DEMO_COMPLAINTS
    assert all(r.cnic_masked == mask_cnic(cnic) for r in rows)
    assert all(complaints.get(demo_ctx, r.id).cnic == cnic for r in rows)
    # The hint says how it was read, without showing the whole number.
    assert page.hint_label.text() == f"Searching CNIC {mask_cnic(cnic)}"


def test_mobile_finds_that_persons_complaints(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    target = next(r for r in every_row(demo_ctx)[300:] if r.mobile_masked)
    mobile = complaints.get(demo_ctx, target.id).mobile
    assert mobile is not None
    type_search(qtbot, page, mobile.replace("-", ""))  # typed without the dash
    rows = page.model.rows()
    assert target.id in {r.id for r in rows}
    assert 0 < len(rows) < DEMO_COMPLAINTS
    assert all(complaints.get(demo_ctx, r.id).mobile == mobile for r in rows)
    assert page.hint_label.text() == f"Searching mobile number {mask_phone(mobile)}"


def test_fir_number_finds_its_complaints(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    target = next(r for r in every_row(demo_ctx) if r.fir_number)
    assert target.fir_number is not None
    type_search(qtbot, page, target.fir_number)
    rows = page.model.rows()
    assert target.id in {r.id for r in rows}
    key = parse_fir_number(target.fir_number).normalized
    assert all(r.fir_number and parse_fir_number(r.fir_number).normalized == key for r in rows)
    assert page.hint_label.text().startswith("Searching FIR number ")


def test_a_name_finds_complaints_by_that_name(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    target = every_row(demo_ctx)[450]
    type_search(qtbot, page, target.complainant)
    rows = all_rows(page.model)
    assert target.id in {r.id for r in rows}
    assert len(rows) < DEMO_COMPLAINTS
    assert all(matches_words(demo_ctx, r.id, target.complainant) for r in rows)
    assert target.complainant in page.hint_label.text()


def test_narrative_words_find_what_complaints_say(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    type_search(qtbot, page, "pillion ride")  # word beginnings are enough
    rows = all_rows(page.model)
    assert 0 < len(rows) < DEMO_COMPLAINTS
    assert all(matches_words(demo_ctx, r.id, "pillion ride") for r in rows)
    assert {r.category_code for r in rows} == {"MOBILE_SNATCHING"}
    expected = complaint_list.count(demo_ctx, ComplaintQuery(text="pillion ride"))
    assert len(rows) == expected
    wait_for_count(qtbot, page, expected)


def test_enter_searches_at_once_and_clearing_shows_all(qtbot, page: ComplaintsPage) -> None:
    qtbot.keyClicks(page.search_box, "zzqx nobody")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.model.query.text == "zzqx nobody"  # no waiting for the pause
    assert page.model.rowCount() == 0
    assert page.results.currentWidget() is page.empty_label
    wait_for_count(qtbot, page, 0)

    qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.search_box.text() == ""
    assert page.model.rowCount() == 200
    assert page.results.currentWidget() is page.view


def test_a_pause_in_typing_searches_once_and_enter_searches_again(
    qtbot, page: ComplaintsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[ComplaintQuery] = []
    real = complaint_list.list_page

    def counting(ctx, query, after=None, limit=complaint_list.PAGE):  # type: ignore[no-untyped-def]
        calls.append(query)
        return real(ctx, query, after, limit)

    monkeypatch.setattr(complaint_list, "list_page", counting)
    type_search(qtbot, page, "Ali")
    assert [q.text for q in calls] == ["Ali"]  # once, not once per key
    page.search_now()  # nothing changed: not read again (a CNIC search is audited each time)
    assert len(calls) == 1
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)  # asked for: read again
    assert [q.text for q in calls] == ["Ali", "Ali"]


# ---------------------------------------------------------------------- filters


def test_status_filter(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    page.filters.status_actions["fir_lodged"].trigger()
    rows = all_rows(page.model)
    assert rows and {r.status for r in rows} == {"fir_lodged"}
    assert page.filters.status_button.text() == "FIR lodged"
    page.filters.status_actions["referred"].trigger()
    rows = all_rows(page.model)
    assert {r.status for r in rows} == {"fir_lodged", "referred"}
    expected = complaint_list.count(demo_ctx, ComplaintQuery(statuses=("fir_lodged", "referred")))
    assert len(rows) == expected
    wait_for_count(qtbot, page, expected)

    page.filters.open_statuses_action.trigger()
    assert set(page.model.query.statuses) == OPEN
    assert page.filters.status_button.text() == "Still open"
    page.filters.clear_button.click()
    assert page.model.query == ComplaintQuery()
    assert page.model.rowCount() == 200


def test_station_and_category_filters(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    elsewhere = next(r for r in every_row(demo_ctx) if r.police_station_code != "CLIF")
    assert page.filters.set_station(elsewhere.police_station_code)
    rows = page.model.rows()
    assert elsewhere.id in {r.id for r in rows}
    assert {r.police_station_code for r in rows} == {elsewhere.police_station_code}
    wait_for_count(qtbot, page, len(rows))

    assert page.filters.set_station("")
    assert page.filters.set_category("THEFT")
    rows = all_rows(page.model)
    assert 0 < len(rows) < DEMO_COMPLAINTS
    assert {r.category_code for r in rows} == {"THEFT"}


def test_registered_between_dates(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    target = every_row(demo_ctx)[100]
    day = target.created_at.astimezone(PKT).date()
    page.filters.from_edit.setDate(day)
    page.filters.to_edit.setDate(day)
    qtbot.mouseClick(page.filters.dates_check, Qt.MouseButton.LeftButton)
    assert page.model.query.registered_from == day == page.model.query.registered_to
    rows = page.model.rows()
    assert target.id in {r.id for r in rows}
    assert all(r.created_at.astimezone(PKT).date() == day for r in rows)


def test_overdue_toggle_shows_the_overdue_view(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    today = local_today()
    qtbot.mouseClick(page.filters.overdue_check, Qt.MouseButton.LeftButton)
    assert page.model.query.overdue_on == today
    rows = all_rows(page.model)
    assert rows
    assert all(r.status in OPEN and r.next_follow_up_on < today for r in rows)  # type: ignore[operator]
    assert all(
        page.model.index(i, FOLLOW_UP).data(OVERDUE_ROLE) for i in range(page.model.rowCount())
    )
    expected = sum(
        1
        for r in every_row(demo_ctx)
        if r.status in OPEN and r.next_follow_up_on is not None and r.next_follow_up_on < today
    )
    assert len(rows) == expected
    wait_for_count(qtbot, page, expected)


def test_oldest_first_from_the_registered_header(qtbot, page: ComplaintsPage, demo_ctx) -> None:
    newest = page.model.rows()[0]
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(REGISTERED) + header.sectionSize(REGISTERED) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert page.model.query.oldest_first
    assert page.model.rows()[0].id == every_row(demo_ctx)[-1].id
    page.set_oldest_first(False)
    assert page.model.rows()[0].id == newest.id


# ---------------------------------------------------------------------- keyboard and dialogs


class FakeForm(QDialog):
    registered = Signal(str)


class FakeDetail(QDialog):
    changed = Signal(str)

    def __init__(self, complaint_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.complaint_id = complaint_id


def test_enter_and_double_click_open_the_complaint(
    qtbot, page: ComplaintsPage, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    page.open_detail = lambda complaint_id: FakeDetail(complaint_id, page)
    monkeypatch.setattr(
        dialogs, "run_modal", lambda dialog: opened.append(dialog.complaint_id) or 0
    )
    rows = page.model.rows()

    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)  # from the search box into the list
    assert page.view.hasFocus()
    assert page.selected_id() == rows[0].id
    assert page.open_button.isEnabled()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [rows[1].id]

    rect = page.view.visualRect(page.model.index(3, 2))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1] == rows[3].id

    page.open_button.click()
    assert opened[-1] == rows[3].id


def test_enter_on_a_search_that_finds_one_complaint_opens_it(
    qtbot, page: ComplaintsPage, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    page.open_detail = lambda complaint_id: FakeDetail(complaint_id, page)
    monkeypatch.setattr(
        dialogs, "run_modal", lambda dialog: opened.append(dialog.complaint_id) or 0
    )
    one = page.model.rows()[5]
    qtbot.keyClicks(page.search_box, one.number)  # typed, or a barcode scanner's keystrokes
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert opened == [one.id]
    # Several matches: Enter only searches; the volunteer picks one.
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "Ali")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.model.rowCount() > 1 and opened == [one.id]


def test_a_change_in_the_complaint_dialog_refreshes_the_list(
    qtbot, page: ComplaintsPage, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = next(r for r in page.model.rows() if r.status == "registered")

    def change_status(dialog: FakeDetail) -> int:
        complaints.change_status(demo_ctx, dialog.complaint_id, "referred", "Sent to the SHO.")
        dialog.changed.emit(dialog.complaint_id)
        return QDialog.DialogCode.Accepted.value

    page.open_detail = lambda complaint_id: FakeDetail(complaint_id, page)
    monkeypatch.setattr(dialogs, "run_modal", change_status)
    assert page.select_id(target.id)
    with qtbot.waitSignal(page.records_changed):
        page.open_selected()
    row = page.model.row_of(target.id)
    assert page.model.index(row, STATUS).data() == "Referred to police"
    assert page.selected_id() == target.id


def test_new_complaint_from_button_and_ctrl_n(
    qtbot, page: ComplaintsPage, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    forms: list[FakeForm] = []
    page.open_form = lambda: forms.append(FakeForm(page)) or forms[-1]
    newest = every_row(demo_ctx)[0]  # stands in for the complaint the form registers

    def register(dialog: FakeForm) -> int:
        dialog.registered.emit(newest.id)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(dialogs, "run_modal", register)
    with qtbot.waitSignal(page.records_changed):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(forms) == 1
    assert page.selected_id() == newest.id

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(forms) == 2


def test_ctrl_f_focuses_the_search_box(qtbot, page: ComplaintsPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()


def test_dialogs_not_built_yet_are_reported(page: ComplaintsPage, shown_messages) -> None:
    def missing(*_args: object) -> QDialog:
        raise ImportError("no module named cplc_desk.gui.complaints.complaint_detail")

    page.open_detail = missing
    page.open_complaint(page.model.rows()[0].id)
    assert page.banner.isVisible()
    assert shown_messages == []


def test_the_factories_make_the_real_dialogs(qtbot, demo_ctx: DeskContext) -> None:
    form_module = pytest.importorskip("cplc_desk.gui.complaints.complaint_form")
    detail_module = pytest.importorskip("cplc_desk.gui.complaints.complaint_detail")
    page = ComplaintsPage(demo_ctx)
    qtbot.addWidget(page)
    form = page.open_form()
    assert isinstance(form, form_module.ComplaintFormDialog)
    assert form.parent() is page
    detail = page.open_detail(page.model.rows()[0].id)
    assert isinstance(detail, detail_module.ComplaintDetailDialog)
    assert detail.parent() is page
    for dialog in (form, detail):
        dialog.close()
    qtbot.waitUntil(lambda: not page.is_counting())


def test_headquarters_does_not_register_complaints(qtbot, open_page, desk_ctx) -> None:
    setup.init_hq(desk_ctx, "CPLC Central")
    hq_page = open_page(desk_ctx)
    assert not hq_page.new_button.isEnabled()
    assert not hq_page.new_action.isEnabled()
    assert "stations send" in hq_page.empty_label.text()
    wait_for_count(qtbot, hq_page, 0)


def test_main_window_shows_the_complaints_page(qtbot, demo_ctx: DeskContext) -> None:
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page(COMPLAINTS)
    page = window.pages[COMPLAINTS]
    assert isinstance(page, ComplaintsPage)
    assert page.isVisible()
    assert page.model.rowCount() == 200
    qtbot.waitUntil(lambda: not page.is_counting())
    window.close()


# ---------------------------------------------------------------------- a big desk


@pytest.fixture(scope="module")
def big_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station desk holding 100,000 complaints, written once for the module."""
    folder = tmp_path_factory.mktemp("big") / "desk"
    ctx = open_desk(DeskPaths(folder))
    try:
        setup.init_station(ctx, "CLIF")
        fill_complaints(ctx, BIG)
    finally:
        ctx.close()
    return folder


@pytest.fixture
def big_ctx(big_desk: Path, tmp_path: Path) -> Iterator[DeskContext]:
    folder = tmp_path / "big"
    shutil.copytree(big_desk, folder)
    ctx = open_desk(DeskPaths(folder))
    try:
        yield ctx
    finally:
        ctx.close()


def test_a_big_desk_opens_on_one_page(
    qtbot, open_page, big_ctx: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[ComplaintQuery, object, int]] = []
    real = complaint_list.list_page

    def counting(ctx, query, after=None, limit=complaint_list.PAGE):  # type: ignore[no-untyped-def]
        asked.append((query, after, limit))
        return real(ctx, query, after, limit)

    monkeypatch.setattr(complaint_list, "list_page", counting)
    page = open_page(big_ctx)

    assert page.model.rowCount() == 200
    assert asked == [(ComplaintQuery(), None, 200)]
    wait_for_count(qtbot, page, BIG)  # counted off the GUI thread
    assert len(asked) == 1

    # Scrolling to the end of what is loaded asks for the next page, and only that.
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 400)
    assert len(asked) == 2
