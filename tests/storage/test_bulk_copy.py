"""New rows of a merged bundle go into a PostgreSQL server with COPY (storage/bulk.py): the
values arrive as the row images' text, typed by the server, and a row the server refuses is
SQLAlchemy's IntegrityError, as an INSERT's would be (the import then says so and rolls back)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pg_server import throwaway_database
from sqlalchemy.exc import IntegrityError

from cplc_desk.domain.ids import uuid7
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, open_desk
from cplc_desk.storage.bulk import BulkWriter
from cplc_desk.storage.models import Person


def _image(person_id: str, at: str) -> list[object]:
    values = {
        "id": person_id, "name": "Ayesha Siddiqui", "name_key": "ayesha siddiqui",
        "relative_name": None, "cnic": "42101-7654321-1", "mobile": None, "address": None,
        "origin_desk": "CLIF", "created_at": at, "created_by": "clerk", "updated_at": at,
        "updated_by": "clerk", "version": 1, "deleted_at": None, "deleted_by": None,
        "sync_hash": None,
    }  # fmt: skip
    return [values[c.name] for c in Person.__table__.columns]


def test_copied_rows_read_back_typed_and_a_refused_row_is_an_integrity_error(
    tmp_path: Path,
) -> None:
    with throwaway_database() as url:
        ctx = open_desk(DeskPaths(tmp_path / "hq"), actor=Actor("admin"), url=url)
        try:
            setup.init_hq(ctx, "CPLC Central")
            pid = uuid7()
            with ctx.unit_of_work() as s:
                writer = BulkWriter(s.connection(), Person.__table__)
                writer.insert([_image(pid, "2026-10-08T13:05:09.250000+05:00")])
                assert writer.held([pid, uuid7()]) == {pid: (1, None)}
            with ctx.store.read() as s:
                person = s.get(Person, pid)
                assert person is not None and person.name == "Ayesha Siddiqui"
                assert person.created_at == datetime(2026, 10, 8, 8, 5, 9, 250000, tzinfo=UTC)
            with pytest.raises(IntegrityError), ctx.unit_of_work() as s:
                BulkWriter(s.connection(), Person.__table__).insert(
                    [
                        _image(uuid7(), "2026-10-09T08:00:00+00:00"),
                        _image(pid, "2026-10-09T08:00:00+00:00"),
                    ]
                )
            with ctx.store.read() as s:  # the refused batch left nothing behind
                assert s.query(Person).count() == 1
        finally:
            ctx.close()
