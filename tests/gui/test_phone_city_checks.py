"""Headquarters' city-wide phone checks on screen, over a real merged store: the recovered
handset and the theft reported at another station, the same handset reported twice, and why
each pair is shown; a person without the city view is told so in the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hq_city import City, build_city

from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.gui.phones.phone_city_checks import PhoneCityChecksDialog
from cplc_desk.services.desk.context import Actor
from cplc_desk.services.phones import phones

SAMSUNG, SECOND = "490154203237518", "356938035643809"
CODES = ("CLIF", "SADD", "FERO")


@pytest.fixture
def city(tmp_path: Path, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path / "city", template_store, CODES)
    yield c
    c.close()


def phone(city: City, code: str, kind: str, first: str, second: str = "") -> None:
    owner = PersonDraft(name="Ayesha Siddiqui") if kind != "found" else PersonDraft()
    phones.register_phone_report(
        city.stations[code],
        PhoneReportDraft(kind=kind, imei=first, imei2=second, make="Samsung", model="A52",
                         police_station=code, owner=owner),
    )  # fmt: skip


def opened(qtbot, city: City) -> PhoneCityChecksDialog:  # type: ignore[no-untyped-def]
    dialog = PhoneCityChecksDialog(city.hq)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)
    return dialog


def test_the_dialog_lists_handsets_recovered_elsewhere_and_reported_twice(
    qtbot, city: City
) -> None:
    phone(city, "CLIF", "snatched", SAMSUNG, SECOND)
    phone(city, "FERO", "stolen", SECOND)
    phone(city, "SADD", "found", SECOND)
    city.send(*CODES)
    dialog = opened(qtbot, city)

    assert dialog.matches_table.rowCount() == 2  # the found handset: Clifton's and Ferozabad's
    assert dialog.tabs.tabText(0) == "Recovered elsewhere (2)"
    recovered = dialog.matches_table.item(0, 0).text()
    assert recovered.startswith("SADD-P-") and "found" in recovered and "Samsung A52" in recovered
    assert "Saddar" in dialog.matches_table.item(0, 1).text()
    whys = {dialog.matches_table.item(r, 4).text() for r in range(2)}
    assert whys == {
        f"IMEI 1 {SECOND} is the theft report's IMEI 2",
        f"IMEI 1 {SECOND} is the theft report's IMEI 1",
    }

    assert dialog.duplicates_table.rowCount() == 1
    assert dialog.tabs.tabText(1) == "Probable duplicates (1)"
    assert "Clifton (South)" in dialog.duplicates_table.item(0, 1).text()
    assert "Ferozabad" in dialog.duplicates_table.item(0, 3).text()
    assert dialog.duplicates_table.item(0, 4).text() == (
        f"IMEI 2 {SECOND} is the later report's IMEI 1"
    )
    assert dialog.status_label.text() == "Open phone reports of every station compared."


def test_without_the_city_view_the_dialog_says_why(qtbot, city: City) -> None:
    city.hq.actor = Actor("someone", Role.VOLUNTEER)
    dialog = opened(qtbot, city)
    assert dialog.banner.isVisible() and dialog.banner.text()
    assert dialog.matches_table.rowCount() == dialog.duplicates_table.rowCount() == 0


def test_the_phones_page_at_headquarters_lists_the_city_and_opens_the_checks(
    qtbot, monkeypatch, city: City
) -> None:
    from PySide6.QtCore import Qt

    from cplc_desk.gui.phones.phones_page import PhonesPage
    from cplc_desk.gui.widgets import dialogs

    phone(city, "CLIF", "snatched", SAMSUNG)
    phone(city, "SADD", "found", SAMSUNG)
    city.send(*CODES)
    page = PhonesPage(city.hq)
    qtbot.addWidget(page)
    page.show()
    assert page.city_checks_button.isVisible()
    assert not page.new_button.isEnabled()  # headquarters registers nothing itself
    assert {r.police_station_code for r in page.model.rows()} == {"CLIF", "SADD"}
    rows: list[int] = []

    def run(dialog: object) -> int:
        assert isinstance(dialog, PhoneCityChecksDialog)
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)
        rows.append(dialog.matches_table.rowCount())
        return 0

    monkeypatch.setattr(dialogs, "run_modal", run)
    qtbot.mouseClick(page.city_checks_button, Qt.MouseButton.LeftButton)
    assert rows == [1]  # the handset found at Saddar, reported snatched at Clifton
    qtbot.waitUntil(lambda: not page.is_busy_reading(), timeout=10_000)
