"""Urdu data typed at the desk: saved as typed, found whichever way the search is typed, and an
older store's search index folded by migration 0008."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select

from cplc_desk.domain.records import ComplaintDraft, PersonDraft
from cplc_desk.paths import DeskPaths
from cplc_desk.services.complaints import complaint_list
from cplc_desk.services.complaints.complaints import find_by_number, register_complaint
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.storage import migrate
from cplc_desk.storage.db import make_engine, sqlite_url
from cplc_desk.storage.models import Person


def _register(ctx: DeskContext, name: str, narrative: str, cnic: str = "") -> str:
    draft = ComplaintDraft(
        complainant=PersonDraft(name=name, cnic=cnic, mobile="03001234567"),
        category="MOBILE_SNATCHING",
        police_station="CLIF",
        narrative=narrative,
    )
    return register_complaint(ctx, draft).number


def _found(ctx: DeskContext, text: str) -> set[str]:
    query = complaint_list.ComplaintQuery(text=text)
    return {r.number for r in complaint_list.list_page(ctx, query).rows}


def test_urdu_is_saved_as_typed_and_found_however_it_is_typed(station: DeskContext) -> None:
    # Typed on an Arabic keyboard (ي ك ه), with zabar and tashdeed.
    typed = "عَلِيّ رضا ولد محمد"
    number = _register(station, typed, "تين تلوار كے قريب موبائل چھینا گیا۔ ايف آئی آر 12/2026")
    other = _register(station, "سارہ خان", "بٹوا چھینا گیا")
    assert find_by_number(station, number).complainant == typed  # stored exactly as typed

    assert _found(station, "علی") == {number}  # Urdu yeh, no diacritics
    assert _found(station, "علي رضا") == {number}
    assert _found(station, "کے قریب") == {number}  # narrative, Urdu kaf and yeh
    assert _found(station, "تلوار") == {number}
    assert _found(station, "سارة") == {other}  # teh marbuta for gol he
    assert _found(station, "چھینا") == {number, other}
    assert _found(station, "ali") == set()


def test_urdu_digits_find_a_cnic(station: DeskContext) -> None:
    number = _register(station, "Bilal", "Snatched.", cnic="42101-1234567-1")
    assert _found(station, "۴۲۱۰۱-۱۲۳۴۵۶۷-۱") == {number}
    assert _found(station, "٤٢١٠١١٢٣٤٥٦٧١") == {number}


def test_name_keys_of_urdu_names_are_folded(station: DeskContext) -> None:
    _register(station, "كاشف", "Snatched.")
    with station.store.read() as s:
        assert s.scalar(select(Person.name_key).where(Person.name == "كاشف")) == "کاشف"


def test_migration_folds_an_older_stores_index(tmp_path: Path, template_store: Path) -> None:
    """A store filled under 0007 (names keyed and indexed unfolded) finds Urdu variants once
    upgraded."""
    paths = DeskPaths(tmp_path / "desk")
    paths.ensure()
    shutil.copyfile(template_store, paths.database)
    ctx = open_desk(paths, actor=Actor("volunteer1"))
    try:
        setup.init_station(ctx, "CLIF")
        number = _register(ctx, "كاشف علي", "موبائل چھينا گيا")
    finally:
        ctx.close()

    engine = make_engine(sqlite_url(paths.database))
    try:
        migrate.downgrade(engine, "0007")
    finally:
        engine.dispose()
    # As 0007 left it: the name key and the index hold the text unfolded.
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE person SET name_key = 'كاشف علي'")
        conn.execute("DELETE FROM complaint_fts")
        conn.execute(
            "INSERT INTO complaint_fts (rowid, names, narrative) SELECT c.rowid, p.name, "
            "c.narrative FROM complaint c JOIN person p ON p.id = c.complainant_id"
        )
    conn.close()

    ctx = open_desk(paths, actor=Actor("volunteer1"))  # upgrades to head
    try:
        assert _found(ctx, "کاشف علی") == {number}
        assert _found(ctx, "چھینا") == {number}
        with ctx.store.read() as s:
            assert s.scalar(select(Person.name_key)) == "کاشف علی"
    finally:
        ctx.close()
